"""Everything that moves, as rows: the data behind the Live panel, owned by the core.

The feed listens to the event bus and keeps the latest ``capacity`` rows in memory, each with
a sequence number; a view asks for the rows after the last one it has (``since``), in batches
at its own pace, so a burst of thousands of events costs the GUI one insert per flush. Older
rows leave the window and are counted (``evicted``): the database keeps the history.

Each row has a ``topic``, an MQTT-style path, so that one wildcard filter works for every
kind: the MQ topic itself (``wo/push/<baseCode>/<dataArea>``), the IM topics
(``$sktalent/clients/<userID>``, ``$sktalent/server/mqttserver``), and for the rest
``events/<changeId>/<dataArea>``, ``events/rejected/<reason>``, ``callbacks/<baseCode>``,
``pushes/<platform>/<userID>`` and ``wecom/<open_kfid>/<external_userid>/<type>``. The
filter is a view, not a broker: ``#`` matches topics that start with ``$`` too.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from typing import Any, NamedTuple

from app.bus import EventBus
from app.catalog.org import type_name
from app.events import (
    DeliveryAttempted,
    EventAccepted,
    EventRejected,
    ImMessageLogged,
    KfMessageReceived,
    KfMessagesRefused,
    KfOrderOpened,
    MqPublished,
    PushRecorded,
)
from app.routing.topics import is_org_key, org_type_of

#: Rows kept in memory (about 300 bytes each, plus the payload text they point to).
CAPACITY = 100_000
#: Event ids remembered to tell a delivery attempt which order it belongs to.
_ORDERS_REMEMBERED = 100_000

#: Row kinds, in the order the panel offers them.
KINDS = ("event", "rejected", "callback", "mq", "im", "push", "wecom")
#: Outcomes, which colour a row.
OUTCOMES = ("ok", "pending", "retry", "failed", "rejected", "queued", "info")


class _Fields(NamedTuple):
    seq: int
    at: float
    kind: str
    outcome: str
    topic: str
    who: str  # the subscriber's baseCode, the IM user, or where an event came from
    order: str | None
    summary: str
    #: The message as it travelled (JSON text, or base64 of protobuf when ``binary``).
    raw: str
    binary: bool
    #: What else is known — ids, status codes, verdicts, findings — as JSON text.
    meta_json: str


class LiveRow(_Fields):
    """One row, as its readers see it.

    What holds many rows (the feed, the Live table's model) keeps them as plain tuples of
    strings and numbers (``tuple(row)``; back with ``LiveRow._make``), on purpose: the
    garbage collector stops tracking an exact tuple of atoms after its first look, so a
    hundred thousand rows in memory cost a full collection nothing. As dataclass rows with a
    dict each — or even as these named tuples, which it always tracks — they made full
    collections take 80–165 ms at 2,000 deliveries a second (bench ui)."""

    __slots__ = ()

    def __new__(cls, seq: int, at: float, kind: str, outcome: str, topic: str, who: str,
                order: str | None, summary: str, raw: str = "", binary: bool = False,
                meta: dict[str, Any] | None = None) -> LiveRow:
        meta_json = json.dumps(meta, ensure_ascii=False, default=str) if meta else "{}"
        return super().__new__(cls, seq, at, kind, outcome, topic, who, order, summary, raw,
                               binary, meta_json)

    @property
    def meta(self) -> dict[str, Any]:
        """A fresh dict of what else is known (parsed on each call: read it once)."""
        return json.loads(self.meta_json)

    def text(self) -> str:
        """What a plain-text filter searches."""
        return " ".join((self.kind, self.outcome, self.topic, self.who, self.order or "",
                         self.summary))


class LiveFeed:
    def __init__(self, bus: EventBus, *, capacity: int = CAPACITY) -> None:
        #: Plain tuples (see LiveRow): ``since`` hands them out as LiveRows.
        self.rows: deque[tuple[Any, ...]] = deque(maxlen=capacity)
        self.capacity = capacity
        self.seq = 0
        self.evicted = 0
        #: Running totals for the status bar.
        self.counts: Counter[str] = Counter()
        self._orders: OrderedDict[int, str | None] = OrderedDict()
        #: Each accepted event's first delivery id (ascending: the one writer numbers them
        #: in order) and its order, to tell an MQ publish, which knows only its delivery,
        #: which order it carries.
        self._first_ids: deque[int] = deque(maxlen=_ORDERS_REMEMBERED)
        self._first_orders: deque[tuple[int, str | None]] = deque(maxlen=_ORDERS_REMEMBERED)
        self._unsubscribe = [
            bus.subscribe(EventAccepted, self._accepted),
            bus.subscribe(EventRejected, self._rejected),
            bus.subscribe(DeliveryAttempted, self._attempted),
            bus.subscribe(MqPublished, self._published),
            bus.subscribe(ImMessageLogged, self._im),
            bus.subscribe(PushRecorded, self._push),
            bus.subscribe(KfMessageReceived, self._wecom),
            bus.subscribe(KfMessagesRefused, self._wecom_refused),
            bus.subscribe(KfOrderOpened, self._wecom_order),
        ]

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    def since(self, seq: int, limit: int | None = None) -> list[LiveRow]:
        """Rows after ``seq`` still in the window, oldest first (at most ``limit``)."""
        if not self.rows or seq >= self.seq:
            return []
        skip = max(0, seq - self.rows[0][0] + 1)
        stop = len(self.rows) if limit is None else min(len(self.rows), skip + limit)
        # Indexed from the right end, where the new rows are: cheap on a deque.
        make = LiveRow._make
        return [make(self.rows[i]) for i in range(skip, stop)]

    def oldest_seq(self) -> int:
        """The sequence number of the oldest row still held (seq + 1 when none is)."""
        return self.rows[0][0] if self.rows else self.seq + 1

    def pending(self) -> int:
        """Deliveries recorded and not yet finished (delivered, failed or gone)."""
        c = self.counts
        return max(0, c["deliveries"] - c["delivered"] - c["failed"])

    def _add(self, row_args: dict[str, Any]) -> None:
        self.seq += 1
        if len(self.rows) == self.capacity:
            self.evicted += 1
        self.rows.append(tuple(LiveRow(seq=self.seq, **row_args)))

    def _accepted(self, e: EventAccepted) -> None:
        self.counts["events"] += 1
        self.counts["deliveries"] += len(e.base_codes)
        self._orders[e.event_id] = e.service_order_id
        if len(self._orders) > _ORDERS_REMEMBERED:
            self._orders.popitem(last=False)
        if e.base_codes:
            self._first_ids.append(e.first_delivery_id)
            self._first_orders.append((len(e.base_codes), e.service_order_id))
        to = ", ".join(e.base_codes) if e.base_codes else "no subscriber"
        self._add({"at": e.at, "kind": "event", "outcome": "ok" if e.base_codes else "info",
                   "topic": f"events/{e.change_id}/{e.data_area}", "who": e.source,
                   "order": e.service_order_id,
                   "summary": f"{_what(e.change_id, e.data_area)} → {to}",
                   "raw": e.data_json,
                   "meta": {"eventId": e.event_id, "changeId": e.change_id,
                            "dataArea": e.data_area, "deliveries": list(e.base_codes),
                            "warnings": [f.to_json() for f in e.warnings]}})

    def _rejected(self, e: EventRejected) -> None:
        self.counts["rejected"] += 1
        first = e.findings[0].message if e.findings else e.reason
        self._add({"at": e.at, "kind": "rejected", "outcome": "rejected",
                   "topic": f"events/rejected/{e.reason}", "who": e.source, "order": None,
                   "summary": f"{e.reason}: {first}"
                              + (f" (+{len(e.findings) - 1})" if len(e.findings) > 1 else ""),
                   "meta": {"rejectionId": e.rejection_id, "changeId": e.change_id,
                            "dataArea": e.data_area,
                            "findings": [f.to_json() for f in e.findings]}})

    def _attempted(self, e: DeliveryAttempted) -> None:
        outcome = {"delivered": "ok", "retry": "retry"}.get(e.verdict, "failed")
        if e.verdict == "delivered":
            self.counts["delivered"] += 1
        elif e.verdict in ("failed", "gone", "cancelled"):
            self.counts["failed"] += 1
        answer = f"HTTP {e.status_code}" if e.status_code is not None else (e.error or "?")
        self._add({"at": e.at, "kind": "callback", "outcome": outcome,
                   "topic": f"callbacks/{e.base_code}", "who": e.base_code,
                   "order": self._orders.get(e.event_id),
                   "summary": f"attempt {e.attempt} → {answer} · {e.verdict} · "
                              f"{e.latency_ms:.0f} ms",
                   "raw": e.body.decode("utf-8", "replace"),
                   "meta": {"deliveryId": e.delivery_id, "eventId": e.event_id,
                            "attempt": e.attempt, "verdict": e.verdict,
                            "statusCode": e.status_code, "error": e.error,
                            "webhookId": e.webhook_id, "nextAt": e.next_at, "url": e.url,
                            "requestHeaders": e.request_headers,
                            "response": e.response_head}})

    def _order_of_delivery(self, delivery_id: int) -> str | None:
        i = bisect.bisect_right(self._first_ids, delivery_id) - 1
        if i < 0:
            return None
        count, order = self._first_orders[i]
        return order if delivery_id < self._first_ids[i] + count else None

    def _published(self, e: MqPublished) -> None:
        self.counts["mq"] += 1
        self._add({"at": e.at, "kind": "mq", "outcome": "ok", "topic": e.topic,
                   "who": e.base_code, "order": self._order_of_delivery(e.delivery_id),
                   "summary": f"{_what(e.change_id)} published (QoS 1, acknowledged)",
                   "raw": e.body.decode("utf-8", "replace"),
                   "meta": {"deliveryId": e.delivery_id, "changeId": e.change_id}})

    def _im(self, e: ImMessageLogged) -> None:
        self.counts["im"] += 1
        outcome = {"accepted": "ok", "sent": "ok", "rejected": "rejected",
                   "queued": "queued"}.get(e.status, "info")
        topic = ("$sktalent/server/mqttserver" if e.direction == "in"
                 else f"$sktalent/clients/{e.user_id}")
        arrow = "←" if e.direction == "in" else "→"
        summary = f"{arrow} {e.type or '?'} · {e.status}" + (f": {e.reason}" if e.reason else "")
        self._add({"at": e.at, "kind": "im", "outcome": outcome, "topic": topic,
                   "who": e.user_id or "?", "order": None, "summary": summary,
                   "raw": e.body, "binary": e.binary,
                   "meta": {"direction": e.direction, "type": e.type, "msgid": e.msgid,
                            "status": e.status, "reason": e.reason}})

    def _push(self, e: PushRecorded) -> None:
        self.counts["pushes"] += 1
        payload = e.doc.get("payload", {})  # Android: {body, extra}; iOS: flat
        order = (payload.get("extra") or {}).get("o_id") or payload.get("o_id")
        self._add({"at": e.at, "kind": "push", "outcome": "queued",
                   "topic": f"pushes/{e.platform}/{e.user_id}", "who": e.user_id,
                   "order": order, "summary": f"{e.platform} push for offline {e.user_id}",
                   "raw": json.dumps(e.doc, ensure_ascii=False),
                   "meta": {"platform": e.platform}})

    # WeCom customer service: one row per message taken in, per refusal, per order opened.

    def _wecom(self, e: KfMessageReceived) -> None:
        self.counts["wecom"] += 1
        self._add({"at": e.at, "kind": "wecom",
                   "outcome": "failed" if e.event_type == "msg_send_fail" else "ok",
                   "topic": wecom_topic(e.open_kfid, e.external_userid,
                                        e.event_type or e.msgtype),
                   "who": _wecom_who(e), "order": None,
                   "summary": wecom_summary(e.origin, e.summary), "raw": e.item_json,
                   "meta": {"msgid": e.msgid, "rowId": e.row_id, "msgtype": e.msgtype,
                            "eventType": e.event_type, "origin": e.origin,
                            "sendTime": e.send_time, "openKfid": e.open_kfid,
                            "externalUserId": e.external_userid,
                            "servicerUserId": e.servicer_userid, "source": e.source,
                            "warnings": [f.to_json() for f in e.warnings]}})

    def _wecom_refused(self, e: KfMessagesRefused) -> None:
        self.counts["wecom_refused"] += 1
        first = e.findings[0] if e.findings else None
        said = f"{first.path or '$'}: {first.message}" if first else "refused"
        more = f" (+{len(e.findings) - 1})" if len(e.findings) > 1 else ""
        self._add({"at": e.at, "kind": "wecom", "outcome": "rejected",
                   "topic": "wecom/rejected", "who": e.source, "order": None,
                   "summary": f"refused, nothing stored: {said}{more}", "raw": e.body,
                   "meta": {"rejectionId": e.rejection_id,
                            "findings": [f.to_json() for f in e.findings]}})

    def _wecom_order(self, e: KfOrderOpened) -> None:
        self._add({"at": e.at, "kind": "wecom", "outcome": "ok",
                   "topic": wecom_topic(e.open_kfid, e.external_userid, "order"),
                   "who": e.external_userid, "order": e.service_order_id,
                   "summary": f"work order {e.service_order_id} opened from message {e.msgid} "
                              f"(event {e.event_id})",
                   "meta": {"msgid": e.msgid, "eventId": e.event_id,
                            "serviceOrderId": e.service_order_id}})


def wecom_topic(open_kfid: str, external_userid: str, what: str) -> str:
    """``wecom/<open_kfid>/<external_userid>/<msgtype or event_type>``: ``wecom/+/<id>/#``
    follows one customer. A missing id is ``-`` (servicer_status_change has no customer);
    a ``/`` inside an id would split the level, so it is written ``%2F``."""
    def level(text: str) -> str:
        return text.replace("/", "%2F") if text else "-"
    return f"wecom/{level(open_kfid)}/{level(external_userid)}/{level(what)}"


def wecom_summary(origin: int, summary: str) -> str:
    """``客户 ← 厨房水管漏水…``, ``客服 → 好的…``, ``事件 · 进入会话…``."""
    return {3: "客户 customer ← ", 5: "客服 servicer → ", 4: "事件 event · "}.get(
        origin, f"origin {origin} · ") + summary


def _wecom_who(e: KfMessageReceived) -> str:
    """Who spoke: the customer (origin 3), the servicer (5), else whom the event is about."""
    if e.origin == 3:
        return e.external_userid or "?"
    if e.origin == 5:
        return e.servicer_userid or "?"
    return e.servicer_userid or e.external_userid or "system"


# --- filters ---------------------------------------------------------------------------------

FILTER_MODES = ("text", "regex", "topic")


class FilterError(ValueError):
    """A filter that cannot be used; the message says why and how to fix it."""


def topic_matches(pattern: str, topic: str) -> bool:
    """MQTT wildcard matching: ``+`` is one level, ``#`` (last) the rest, including none."""
    want, have = pattern.split("/"), topic.split("/")
    for i, level in enumerate(want):
        if level == "#":
            return True
        if i >= len(have) or (level != "+" and level != have[i]):
            return False
    return len(want) == len(have)


def make_filter(text: str, mode: str = "text") -> Callable[[LiveRow], bool]:
    """A predicate for rows; the empty text passes everything."""
    if mode not in FILTER_MODES:
        raise FilterError(f"filter mode {mode!r}: use one of {', '.join(FILTER_MODES)}")
    if not text:
        return lambda _row: True
    if mode == "text":
        needle = text.casefold()
        return lambda row: needle in row.text().casefold()
    if mode == "regex":
        try:
            pattern = re.compile(text, re.IGNORECASE)
        except re.error as error:
            raise FilterError(f"regex: {error} (at position {error.pos})") from None
        return lambda row: pattern.search(row.text()) is not None
    levels = text.split("/")
    for i, level in enumerate(levels):
        if "#" in level and (level != "#" or i != len(levels) - 1):
            raise FilterError("topic: '#' stands alone as the last level (wo/push/#)")
        if "+" in level and level != "+":
            raise FilterError("topic: '+' stands alone as a level (wo/push/+/fwwt)")
    return lambda row: topic_matches(text, row.topic)


def _what(change_id: str, scope: str | None = None) -> str:
    """``changeId 4 · fwwt``, or for an organisation push ``org push 11 ORG_UPDATED · org
    123`` (its routing key is ``org:11`` and its scope the org_id)."""
    if is_org_key(change_id):
        code = org_type_of(change_id)
        text = f"org push {code} {type_name(code)}"
        return f"{text} · org {scope}" if scope is not None else text
    return f"changeId {change_id} · {scope}" if scope is not None else f"changeId {change_id}"
