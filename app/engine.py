"""The engine: wires catalogue, router, store and bus — the one core every front end hosts.

``python main.py serve``, the GUI and the scenario runner each build one Engine and talk to it
only through its methods and its bus. The accept path is:

    body → read_envelope (validate) → Router.route (match) → StoreWriter (durable, batched)
         → EventAccepted on the bus (with the deliveries recorded for it)

An event counts as accepted only after its row and its outbox rows are committed, and every
event committed is announced, even when the caller that submitted it has stopped waiting.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import json_codec
from app.bus import EventBus
from app.catalog import Catalog, default_catalog
from app.catalog.envelope import Envelope, JsonProblem, loads, read_envelope
from app.catalog.findings import Code, Finding, Mode, Severity, has_errors
from app.catalog.org import read_push
from app.events import (
    DataAreaRemoved,
    DataAreaSaved,
    DeliveryRef,
    EventAccepted,
    EventRejected,
    SettingChanged,
    SubscriptionRemoved,
    SubscriptionSaved,
    delivery_refs,
)
from app.routing.dataareas import SEED, DataArea, read_data_area
from app.routing.explain import Explanation, explain
from app.routing.index import SubscriptionIndex
from app.routing.router import Router, UnsupportedEvent
from app.routing.subscription import Subscription
from app.routing.topics import CODE_HINT, is_code, org_key
from app.store import NewEvent, Store, WrittenEvent
from app.store.writer import StoreWriter, WriterStopped
from app.tasks import spawn
from app.timeline import Timeline, build_timeline
from app.wecom.origins import origins

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Prepared:
    """An event that passed validation and routing, not yet stored."""

    envelope: Envelope
    subscriptions: list[Subscription]
    warnings: list[Finding]
    row: NewEvent


@dataclass(slots=True)
class Refusal:
    """Why an event was not accepted; ``reason`` is invalid | unsupported | not-json."""

    reason: str
    findings: list[Finding]
    body: str = ""
    change_id: str | None = None
    data_area: str | None = None


@dataclass(frozen=True, slots=True)
class Accepted:
    event_id: int
    envelope: Envelope
    first_delivery_id: int
    base_codes: tuple[str, ...]
    warnings: tuple[Finding, ...] = ()

    @property
    def deliveries(self) -> tuple[DeliveryRef, ...]:
        return delivery_refs(self.first_delivery_id, self.base_codes, self.envelope.data_area,
                             self.envelope.change_id)

    def to_json(self) -> dict[str, Any]:
        return {"eventId": self.event_id,
                "deliveries": [{"id": d.delivery_id, "baseCode": d.base_code,
                                "topic": d.topic, "status": "pending"}
                               for d in self.deliveries],
                "warnings": [f.to_json() for f in self.warnings]}


@dataclass(frozen=True, slots=True)
class Rejected:
    rejection_id: int
    reason: str
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        return {"reason": self.reason, "rejectionId": self.rejection_id,
                "errors": [f.to_json() for f in self.findings]}


@dataclass
class Settings:
    """What the user can change at run time; persisted in the settings table."""

    allow_unsupported: bool = False
    validation_mode: Mode = Mode.LENIENT


class Engine:
    """One Push Studio core over one database file."""

    def __init__(self, db_path: str | Path, *, catalog: Catalog | None = None,
                 bus: EventBus | None = None, durable: bool = True) -> None:
        self.db_path = Path(db_path)
        self.catalog = catalog or default_catalog()
        self.bus = bus or EventBus()
        self.durable = durable
        self.index = SubscriptionIndex()
        self.router = Router(self.catalog, self.index)
        self.settings = Settings()
        self.data_areas: dict[str, DataArea] = {}
        self.writer: StoreWriter | None = None
        self.store: Store | None = None  # this thread's (reading) connection

    # --- life cycle ---------------------------------------------------------------------

    def open(self, *, writable: bool = True) -> Engine:
        """Open the database (migrating it) and load subscriptions, data areas, settings.

        ``writable=False`` is for one-shot commands that only read (explain, reports).
        """
        if writable:
            self.writer = StoreWriter(self.db_path, durable=self.durable)
            self.writer.start()  # creates and migrates the file before anyone reads it
        if self.writer is not None:
            self.writer.run(_seed)  # the one writer writes, even at start-up
        self.store = Store.open(self.db_path, durable=self.durable)
        self.data_areas = {c: DataArea(c, n) for c, n in self.store.data_areas()}
        known = self.catalog.workorder.type_ids
        for doc in self.store.subscriptions():
            try:
                self.index.put(Subscription.from_json(doc, known))
            except ValueError as error:  # written by a newer or a broken app: say so, go on
                log.error("stored subscription %r cannot be read: %s", doc.get("baseCode"), error)
        self.instance_id = str(self.store.setting("instance_id", "0"))
        self.settings.allow_unsupported = bool(self.store.setting("allow_unsupported", False))
        self.settings.validation_mode = Mode(self.store.setting("validation_mode", "lenient"))
        self.router.allow_unsupported = self.settings.allow_unsupported
        return self

    def close(self) -> None:
        if self.writer is not None:
            self.writer.stop()
            self.writer = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def __enter__(self) -> Engine:
        return self.open() if self.store is None else self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- accepting events ---------------------------------------------------------------

    def prepare(self, body: object, *, source: str = "api", mode: Mode | None = None,
                family: str = "workorder") -> Prepared | Refusal:
        """Validate and route one decoded body; CPU only, no I/O. ``family`` "org" reads an
        organisation push ``{body, created_at, org_id, operator, type}`` instead."""
        if family == "org":
            return self._prepare_org(body, source, mode)
        report = read_envelope(body, self.catalog, mode or self.settings.validation_mode)
        envelope = report.envelope
        if envelope is not None and not is_code(envelope.data_area):
            report.findings.append(Finding(
                "dataArea", Code.TYPE,
                f"dataArea {envelope.data_area!r} cannot be a level of the subscriber's topic "
                f"wo/push/<baseCode>/<dataArea>", hint=CODE_HINT))
        if envelope is None or has_errors(report.findings):
            get = body.get if isinstance(body, dict) else (lambda _k: None)
            return Refusal("invalid", report.findings, _text(body),
                           _str_or_none(get("changeId")), _str_or_none(get("dataArea")))
        try:
            subs = self.router.route(envelope)
        except UnsupportedEvent as error:
            return Refusal("unsupported",
                           [Finding("changeId", Code.UNSUPPORTED, str(error),
                                    hint="turn on \"allow unsupported events\" to send it for "
                                         "a test: python main.py settings allow-unsupported on")],
                           _text(body), envelope.change_id, envelope.data_area)
        warnings = report.findings
        if envelope.data_area not in self.data_areas:
            warnings.append(Finding(
                "dataArea", Code.UNKNOWN_AREA,
                f"dataArea {envelope.data_area!r} is not in the data-area catalogue",
                Severity.WARNING, hint="add it to the catalogue so subscriptions can name it"))
        fields = envelope.fields  # drift-resolved: "serviceorderid" counts as serviceOrderId
        order_id = fields.get("serviceOrderId")
        contact = contact_name = None
        if envelope.change_id == "1":
            contact = _first_str(fields, "userId")
            contact_name = _first_str(fields, "contactName")
        row = NewEvent(
            change_id=envelope.change_id,
            data_area=envelope.data_area,
            data_json=json_codec.dumps(envelope.data),
            deliveries=[s.base_code for s in subs],
            source=source,
            encoding=envelope.encoding,
            service_order_id=order_id if isinstance(order_id, str) and order_id else None,
            service_order_code=_first_str(fields, "serviceOrderCode"),
            contact_user_id=contact,
            contact_name=contact_name,
            warnings_json=json_codec.dumps([w.to_json() for w in warnings]) if warnings else None,
        )
        return Prepared(envelope, subs, warnings, row)

    def _prepare_org(self, body: object, source: str, mode: Mode | None) -> Prepared | Refusal:
        """An organisation push: routed on ``org:<type>`` within its org_id, stored whole (the
        envelope is what its subscribers receive)."""
        report = read_push(body, mode or self.settings.validation_mode)
        push = report.push
        if push is None or has_errors(report.findings):
            get = body.get if isinstance(body, dict) else (lambda _k: None)
            code, org_id = get("type"), get("org_id")
            return Refusal("invalid", report.findings, _text(body),
                           org_key(code) if isinstance(code, int) else None,
                           str(org_id) if isinstance(org_id, int) else None)
        envelope = Envelope(str(push.org_id), org_key(push.type), dict(push.envelope),
                            encoding="object")
        subs = self.router.route(envelope)
        row = NewEvent(change_id=envelope.change_id, data_area=envelope.data_area,
                       data_json=json_codec.dumps(envelope.data),
                       deliveries=[s.base_code for s in subs], source=source,
                       encoding="object",
                       warnings_json=json_codec.dumps([w.to_json() for w in report.findings])
                       if report.findings else None)
        return Prepared(envelope, subs, report.findings, row)

    async def submit(self, body: object, *, source: str = "api", mode: Mode | None = None,
                     family: str = "workorder") -> Accepted | Rejected:
        """Accept one event (a decoded body, or JSON text/bytes): durable on return."""
        if isinstance(body, str | bytes):
            try:
                body = loads(body, "the event")
            except JsonProblem as problem:
                shape = ("{body, created_at, org_id, operator, type}" if family == "org"
                         else "{changeId, dataArea, data}")
                return await self._reject(Refusal("not-json", [Finding(
                    "", Code.NOT_JSON, str(problem),
                    hint=f"send a JSON object {shape}")],
                    problem.text), source)
        outcome = self.prepare(body, source=source, mode=mode, family=family)
        if isinstance(outcome, Refusal):
            return await self._reject(outcome, source)
        try:
            return (await self.accept([outcome]))[0]
        except Exception as error:  # the store refused it: say so, and keep the body
            log.exception("storing an event failed")
            return await self._reject(Refusal(
                "store-error", [Finding("", Code.STORE, f"the event could not be stored: "
                                        f"{type(error).__name__}: {error}")],
                _text(body), outcome.envelope.change_id, outcome.envelope.data_area), source)

    async def accept(self, prepared: list[Prepared]) -> list[Accepted]:
        """Store prepared events in one batch and announce them.

        The batch is queued for the writer at once, before anything yields: the writer can
        start on it while this loop validates more. Waiting and announcing run in their own
        task, so a caller that stops waiting (a request timeout) cannot leave an event stored
        but never announced.
        """
        self._writable()
        written = self.writer.submit_events([p.row for p in prepared])  # type: ignore[union-attr]
        return await asyncio.shield(spawn(self._announce_when_written(prepared, written),
                                          name="announce accepted events"))

    async def _announce_when_written(self, prepared: list[Prepared],
                                     written: Future[list[WrittenEvent]]) -> list[Accepted]:
        rows = await asyncio.wrap_future(written)
        return [self._announce(p, w) for p, w in zip(prepared, rows, strict=True)]

    def _announce(self, p: Prepared, w: WrittenEvent) -> Accepted:
        warnings = tuple(p.warnings)
        self.bus.publish(EventAccepted(
            event_id=w.event_id, change_id=p.envelope.change_id, data_area=p.envelope.data_area,
            service_order_id=p.row.service_order_id, source=p.row.source,
            first_delivery_id=w.first_delivery_id, base_codes=w.base_codes, warnings=warnings,
            data_json=p.row.data_json))
        return Accepted(w.event_id, p.envelope, w.first_delivery_id, w.base_codes, warnings)

    async def _reject(self, refusal: Refusal, source: str) -> Rejected:
        if self.writer is None:
            raise WriterStopped("the engine was opened read-only")
        findings = [f.to_json() for f in refusal.findings]
        rejection_id = await self.writer.call(
            lambda store: store.write_rejection(source, refusal.body, findings))
        self.bus.publish(EventRejected(
            rejection_id=rejection_id, source=source, reason=refusal.reason,
            findings=tuple(refusal.findings), change_id=refusal.change_id,
            data_area=refusal.data_area))
        return Rejected(rejection_id, refusal.reason, tuple(refusal.findings))

    # --- subscriptions ------------------------------------------------------------------

    def subscriptions(self) -> list[Subscription]:
        return list(self.index)

    async def put_subscription(self, doc: object, *, base_code: str | None = None
                               ) -> tuple[Subscription, bool]:
        """Create or replace; SubscriptionError names every bad field. Returns (sub, created)."""
        sub = Subscription.from_json(doc, self.catalog.workorder.type_ids, base_code=base_code)
        self._writable()
        stored = sub.to_json(reveal_secret=True)
        await self.writer.call(lambda store: store.save_subscription(sub.base_code, stored))
        created = self.index.get(sub.base_code) is None
        self.index.put(sub)
        self.bus.publish(SubscriptionSaved(base_code=sub.base_code, created=created,
                                           doc=sub.to_json()))
        return sub, created

    async def delete_subscription(self, base_code: str) -> bool:
        self._writable()
        removed = await self.writer.call(lambda store: store.delete_subscription(base_code))
        if self.index.remove(base_code) is not None or removed:
            self.bus.publish(SubscriptionRemoved(base_code=base_code))
            return True
        return False

    async def set_enabled(self, base_code: str, enabled: bool, reason: str | None = None
                          ) -> Subscription | None:
        """Enable or disable a subscription, with the reason shown to the user when the
        callback service disabled it; None if there is no such subscription."""
        sub = self.index.get(base_code)
        if sub is None:
            return None
        doc = sub.to_json(reveal_secret=True)
        doc.update(enabled=enabled, disabledReason=None if enabled else reason)
        return (await self.put_subscription(doc))[0]

    def explain(self, body: object, base_codes: Iterable[str] | None = None, *,
                family: str = "workorder") -> tuple[Refusal | None, list[Explanation]]:
        """For an event body: whether the engine would refuse it, and why each (or each named)
        subscription does or does not get it. The verdicts are the engine's own: the body is
        prepared exactly as ``submit`` would, nothing is stored."""
        outcome = self.prepare(body, source="explain", family=family)
        if isinstance(outcome, Prepared):
            refusal, data_area, change_id = None, outcome.envelope.data_area, \
                outcome.envelope.change_id
        else:
            refusal, data_area, change_id = outcome, outcome.data_area, outcome.change_id
            if (data_area is None or change_id is None) and family == "org":
                raise ValueError("the push needs type and org_id as whole numbers, e.g. "
                                 '{"type": 11, "org_id": 123, "body": {...}, …}')
            if data_area is None or change_id is None:
                raise ValueError("the event needs dataArea and changeId as strings, e.g. "
                                 '{"dataArea": "fwwt", "changeId": "1", "data": {...}}')
        why = None
        if refusal is not None:
            first = next((f for f in refusal.findings if f.severity is Severity.ERROR),
                         refusal.findings[0] if refusal.findings else None)
            why = f"{first.path or '$'}: {first.message}" if first else refusal.reason
        subs = (self.subscriptions() if base_codes is None
                else [s for c in base_codes if (s := self.index.get(c)) is not None])
        return refusal, [explain(s, data_area, change_id, self.catalog,
                                 self.settings.allow_unsupported, why) for s in subs]

    # --- data areas and settings --------------------------------------------------------

    async def put_data_area(self, doc: object) -> DataArea:
        area = read_data_area(doc)
        self._writable()
        await self.writer.call(lambda store: store.save_data_area(area.code, area.name))
        self.data_areas[area.code] = area
        self.bus.publish(DataAreaSaved(code=area.code, name=area.name))
        return area

    async def delete_data_area(self, code: str) -> bool:
        self._writable()
        removed = await self.writer.call(lambda store: store.delete_data_area(code))
        if self.data_areas.pop(code, None) is not None or removed:
            self.bus.publish(DataAreaRemoved(code=code))
            return True
        return False

    def _writable(self) -> None:
        if self.writer is None:
            raise WriterStopped("the engine was opened read-only")

    async def set_allow_unsupported(self, allow: bool) -> None:
        await self._set("allow_unsupported", bool(allow))
        self.settings.allow_unsupported = self.router.allow_unsupported = bool(allow)

    async def set_validation_mode(self, mode: Mode) -> None:
        await self._set("validation_mode", str(Mode(mode)))
        self.settings.validation_mode = Mode(mode)

    async def _set(self, key: str, value: Any) -> None:
        self._writable()
        await self.writer.call(lambda store: store.set_setting(key, value))
        self.bus.publish(SettingChanged(key=key, value=value))

    # --- reading back -------------------------------------------------------------------

    def event(self, event_id: int) -> dict[str, Any] | None:
        assert self.store is not None
        row = self.store.event(event_id)
        if row is not None:
            row["deliveries"] = self.store.deliveries_for([event_id])[event_id]
        return row

    def timeline(self, service_order_id: str) -> Timeline | None:
        assert self.store is not None
        events = self.store.events_for_order(service_order_id)
        if not events:
            return None
        deliveries = self.store.deliveries_for(e["id"] for e in events)
        story = build_timeline(service_order_id, events, deliveries)
        story.origins = origins(self.store, service_order_id)
        return story


def _seed(store: Store) -> None:
    """A new file starts with the data areas the spec's examples use (only once: a user who
    deletes them does not get them back), and an id of its own that makes webhook-ids unique
    across Push Studio instances."""
    if not store.setting("data_areas_seeded", False):
        for area in SEED:
            store.save_data_area(area.code, area.name)
        store.set_setting("data_areas_seeded", True)
    if not store.setting("instance_id"):
        store.set_setting("instance_id", secrets.token_hex(4))


def _first_str(data: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _text(body: object) -> str:
    try:
        return json.dumps(body, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(body)
