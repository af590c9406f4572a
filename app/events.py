"""Typed core events: what happened, published on the EventBus.

Names are nouns of what happened. Each class's docstring is its reference documentation
(``python main.py events`` can print it). Events are immutable and carry ids, not live
objects, so a handler can keep them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from app.catalog.findings import Finding


@dataclass(frozen=True, slots=True, kw_only=True)
class CoreEvent:
    """Base of every event; ``at`` is when it happened (unix seconds)."""

    at: float = field(default_factory=time.time)


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryRef:
    """One outbox row created for an accepted event."""

    delivery_id: int
    base_code: str
    topic: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EventAccepted(CoreEvent):
    """An event was validated, routed, and stored with its deliveries (durably)."""

    event_id: int
    change_id: str
    data_area: str
    service_order_id: str | None
    source: str
    deliveries: tuple[DeliveryRef, ...]
    warnings: tuple[Finding, ...] = ()


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
class DeliveryRecorded(CoreEvent):
    """An outbox row was written: ``base_code`` is due to receive ``event_id``."""

    delivery_id: int
    event_id: int
    base_code: str
    topic: str


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


def all_event_types() -> list[type[CoreEvent]]:
    """Every concrete event class, for documentation and the Live panel's filters."""
    return [cls for cls in (EventAccepted, EventRejected, DeliveryRecorded, SubscriptionSaved,
                            SubscriptionRemoved, DataAreaSaved, DataAreaRemoved, SettingChanged)]
