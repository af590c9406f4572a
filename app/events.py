"""Typed core events: what happened, published on the EventBus.

Names are nouns of what happened. Each class's docstring is its reference documentation.
Events are immutable and carry ids, not live objects, so a handler can keep them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from app.catalog.findings import Finding
from app.routing.topics import topic_for


@dataclass(frozen=True, slots=True, kw_only=True)
class CoreEvent:
    """Base of every event; ``at`` is when it happened (unix seconds)."""

    at: float = field(default_factory=time.time)


class DeliveryRef(NamedTuple):
    """One outbox row recorded for an accepted event: a subscriber due to receive it.

    A tuple, not a dataclass: an event fans out to many subscribers, and this is built for
    each of them on the accept path.
    """

    delivery_id: int
    base_code: str
    topic: str  # wo/push/<baseCode>/<dataArea> (org/push/<baseCode>/<org_id>)


def delivery_refs(first_delivery_id: int, base_codes: tuple[str, ...], data_area: str,
                  change_id: str = "") -> tuple[DeliveryRef, ...]:
    """The outbox rows of one event: consecutive ids, one per subscriber, in order."""
    return tuple(DeliveryRef(first_delivery_id + i, code, topic_for(code, data_area, change_id))
                 for i, code in enumerate(base_codes))


@dataclass(frozen=True, slots=True, kw_only=True)
class EventAccepted(CoreEvent):
    """An event was validated, routed, and stored with its deliveries (durably).

    Its outbox rows — one per matching subscription, all ``pending`` — were recorded with it:
    this is the "delivery recorded" moment, announced once per event rather than once per
    delivery because an event may fan out to dozens of subscribers. ``deliveries`` spells them
    out; they are kept as the first id and the subscribers' codes until someone asks.
    """

    event_id: int
    change_id: str
    data_area: str
    service_order_id: str | None
    source: str
    first_delivery_id: int
    base_codes: tuple[str, ...]
    warnings: tuple[Finding, ...] = ()
    #: The data as stored (JSON text): what the callback service sends, without a re-read.
    data_json: str = ""

    @property
    def deliveries(self) -> tuple[DeliveryRef, ...]:
        return delivery_refs(self.first_delivery_id, self.base_codes, self.data_area,
                             self.change_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryAttempted(CoreEvent):
    """One attempt to deliver a callback ended. ``verdict`` is delivered, retry (then
    ``next_at`` says when), failed (the schedule is exhausted), gone (410) or cancelled."""

    delivery_id: int
    event_id: int
    base_code: str
    attempt: int
    verdict: str
    status_code: int | None
    latency_ms: float
    error: str | None
    webhook_id: str
    next_at: float | None = None
    #: What went over the wire, for the Live panel's detail: where, the request's headers
    #: (the signature among them), its body, and the head of the answer.
    url: str = ""
    request_headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    response_head: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveriesReplayed(CoreEvent):
    """Deliveries were made pending again to be sent once more, on every channel: their
    callbacks from attempt 1, and their MQ topics."""

    delivery_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRejected(CoreEvent):
    """An event was refused (invalid, or unsupported); it is kept in the rejections table."""

    rejection_id: int
    source: str
    reason: str  # "invalid" | "unsupported" | "not-json"
    findings: tuple[Finding, ...]
    change_id: str | None = None
    data_area: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionSaved(CoreEvent):
    """A subscription was created or replaced."""

    base_code: str
    created: bool
    doc: dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionRemoved(CoreEvent):
    """A subscription was deleted."""

    base_code: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DataAreaSaved(CoreEvent):
    """A data area was added to the catalogue or renamed."""

    code: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DataAreaRemoved(CoreEvent):
    """A data area was removed from the catalogue."""

    code: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingChanged(CoreEvent):
    """An engine setting changed (``allow_unsupported``, ``validation_mode`` …)."""

    key: str
    value: Any


@dataclass(frozen=True, slots=True, kw_only=True)
class ImMessageLogged(CoreEvent):
    """An IM message arrived on the server topic (``in``) or left for a user (``out``).

    ``status``: accepted, rejected (``reason`` says why), ignored (a redelivered msgid),
    sent (to an online user) or queued (the user is offline: the broker holds it).
    """

    direction: str
    user_id: str | None
    type: str | None
    msgid: str | None
    status: str
    reason: str | None = None
    #: The message as it travelled: JSON text, or base64 of binary protobuf (``binary``).
    body: str = ""
    binary: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class MqPublished(CoreEvent):
    """A delivery's callback body was published on its subscriber's MQ topic and the broker
    acknowledged it (QoS 1)."""

    delivery_id: int
    base_code: str
    topic: str
    change_id: str
    body: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class PushRecorded(CoreEvent):
    """A mobile push the Umeng gateway would have received, for an offline user."""

    user_id: str
    platform: str
    doc: dict[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class KfMessageReceived(CoreEvent):
    """A WeCom customer-service (微信客服) sync message was taken in and stored (app.wecom).

    ``open_kfid`` and ``external_userid`` are the conversation's, also for an event, which
    carries them inside ``event`` (the document: not returned at the top); ``type_id`` is
    None for a type the document does not describe, kept by a lenient reading. ``item_json``
    is the item as it came (the Go Message's origin_data).
    """

    row_id: int
    msgid: str
    msgtype: str
    event_type: str  # "" for a message
    type_id: str | None
    origin: int  # 3 customer, 4 system event, 5 servicer
    send_time: int
    open_kfid: str
    external_userid: str
    servicer_userid: str
    source: str
    summary: str
    item_json: str
    warnings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class KfMessagesRefused(CoreEvent):
    """WeCom sync messages were refused, all of them: at least one was invalid (or the body
    was no message at all). Nothing of it was stored as messages; the body is kept in the
    rejections table."""

    rejection_id: int
    source: str
    findings: tuple[Finding, ...]
    body: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class KfOrderOpened(CoreEvent):
    """A work order was opened from a customer's WeCom text (its changeId 1 was accepted as
    ``event_id``) and the message now links to it."""

    msgid: str
    service_order_id: str
    event_id: int
    external_userid: str
    open_kfid: str


def all_event_types() -> list[type[CoreEvent]]:
    """Every event class, for documentation and the Live panel's filters: derived from the
    class tree, so a new event cannot be forgotten here."""
    found, todo = [], list(CoreEvent.__subclasses__())
    while todo:
        kind = todo.pop(0)
        found.append(kind)
        todo.extend(kind.__subclasses__())
    return found
