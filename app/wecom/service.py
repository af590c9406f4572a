"""The WeCom customer-service desk of the platform: sync messages taken in, sessions kept,
work orders opened from what customers write.

``KfService.ingest`` takes one msg_list item, a list of them (Go Message forms among them
too), or a whole sync_msg response. Everything is checked in the engine's validation mode
first, and it is all or nothing: one invalid item and nothing is stored, every finding is
said, and the body is kept in the rejections table (KfMessagesRefused). A msgid already
stored, or twice in one body, is kept out and listed as a duplicate, never silently. What is
stored is stored with the session changes it makes, in one transaction, and announced one
KfMessageReceived each.

``KfService.open_order`` opens a changeId 1 work order from a customer's text through
``Engine.submit(source="wecom")`` (app.wecom.intake builds it) and links the message to it;
the order's timeline then shows where it came from (app.wecom.origins).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app import json_codec
from app.catalog import wecom as catalogue
from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Code, Finding, Mode, errors_first, has_errors
from app.catalog.identifiers import new_order_id
from app.engine import Accepted, Engine
from app.events import KfMessageReceived, KfMessagesRefused, KfOrderOpened
from app.wecom import intake
from app.wecom.message import Message, MessageError
from app.wecom.sessions import Changes, Servicer, Session, Sessions

#: The data area an order opened from a chat is filed under when the caller names none.
DEFAULT_DATA_AREA = "fwwt"
#: Items in one body at most (a sync_msg page holds up to 1000).
MAX_ITEMS = 10_000

SHAPES = ('one msg_list item {"msgid", "msgtype", …}, a list of them, or a sync_msg '
          'response {"errcode": 0, "msg_list": [...]}')


class MessagesRefused(Exception):
    """Nothing was stored: ``findings`` says why, each with its path and fix. ``status`` is
    400 for a body that is not JSON, 422 otherwise."""

    def __init__(self, findings: list[Finding], status: int = 422) -> None:
        self.findings, self.status = errors_first(findings), status
        super().__init__(str(self.findings[0]))


class OrderRefused(Exception):
    """No order was opened: 404 no such message, 409 it has one already, 422 it cannot have
    one (not a customer's text) or the engine refused the order."""

    def __init__(self, status: int, message: str, hint: str | None = None,
                 path: str = "msgid", findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.status, self.hint, self.path = status, hint, path
        self.findings = findings or [Finding(path, Code.CONSISTENCY, message, hint=hint)]


@dataclass(slots=True)
class Ingested:
    """What ``ingest`` stored, what it kept out as duplicates, and the warnings."""

    stored: list[tuple[int, Message]] = field(default_factory=list)
    #: (path in the body, msgid, why) for each item kept out.
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "stored": [{"id": row_id, "msgid": m.msgid, "type": m.type_id,
                        "msgtype": m.msgtype, "eventType": m.event_type,
                        "summary": m.summary()} for row_id, m in self.stored],
            "duplicates": [{"path": path, "msgid": msgid, "message": why}
                           for path, msgid, why in self.duplicates],
            "warnings": [f.to_json() for f in self.warnings],
            "sessions": [session_json(s) for s in self.changes.sessions.values()],
            "servicers": [servicer_json(s) for s in self.changes.servicers.values()],
        }


@dataclass(frozen=True, slots=True)
class OrderOpened:
    """The order ``open_order`` opened: the engine's answer for its changeId 1."""

    msgid: str
    service_order_id: str
    accepted: Accepted

    def to_json(self) -> dict[str, Any]:
        return {**self.accepted.to_json(), "serviceOrderId": self.service_order_id,
                "msgid": self.msgid}


class KfService:
    """One per platform, over the engine's store and bus."""

    def __init__(self, engine: Engine, *, clock: Any = datetime.now) -> None:
        self.engine = engine
        self.clock = clock
        self.sessions = Sessions()
        # One ingest or order at a time: the duplicate check and the session changes are
        # computed against what is stored, and must not interleave with another's write.
        self._lock = asyncio.Lock()

    def start(self) -> KfService:
        store = self._store()
        self.sessions = Sessions([Session.from_json(d) for d in store.wecom_sessions()],
                                 [Servicer.from_json(d) for d in store.wecom_servicers()])
        return self

    # --- taking messages in ----------------------------------------------------------------

    def read(self, body: object, mode: Mode | None = None
             ) -> tuple[list[tuple[str, Message]], list[Finding]]:
        """Every message of a body (with its path), and the findings; refuses (raises
        MessagesRefused) when any is an error. CPU only."""
        mode = mode or self.engine.settings.validation_mode
        if isinstance(body, str | bytes):
            try:
                decoded = loads(body, "the body")
            except JsonProblem as problem:
                raise MessagesRefused([Finding("", Code.NOT_JSON, str(problem),
                                               hint=f"send JSON: {SHAPES}")], 400) from None
            if isinstance(decoded, dict) and "msg_list" not in decoded \
                    and "origin_data" not in decoded:
                return self._read_items([(body, "")], mode, [])
            body = decoded
        if isinstance(body, list):
            if len(body) > MAX_ITEMS:
                raise MessagesRefused([Finding("", Code.TYPE, f"{len(body)} items in one body",
                                               hint=f"send at most {MAX_ITEMS} at a time")])
            return self._read_items([(item, f"[{i}]") for i, item in enumerate(body)], mode, [])
        if isinstance(body, dict) and "msg_list" in body:
            _, findings = catalogue.check_sync_response(body, mode)
            if has_errors(findings):
                raise MessagesRefused(findings)
            # null is a Go nil slice (an empty page): lenient mode lets it through, warned.
            items = body["msg_list"] if isinstance(body["msg_list"], list) else []
            # The items were checked with the response: read them again only to build them,
            # so their warnings are the response's, said once.
            messages = self._read_items([(item, f"msg_list[{i}]") for i, item in
                                         enumerate(items)], mode, findings, keep=False)[0]
            return messages, findings
        if isinstance(body, dict):
            return self._read_items([(body, "")], mode, [])
        raise MessagesRefused([Finding("", Code.TYPE, f"expected {SHAPES}",
                                       hint="see docs/wecom.md for the shapes")])

    def _read_items(self, items: list[tuple[object, str]], mode: Mode,
                    findings: list[Finding], keep: bool = True
                    ) -> tuple[list[tuple[str, Message]], list[Finding]]:
        messages, problems = [], list(findings)
        for item, path in items:
            go = isinstance(item, dict) and "origin_data" in item
            try:
                # A Go Message's findings are its own (origin_data.…): put them under its
                # place in the body; an item's are read there already.
                message = (Message.from_go_json(item, mode) if go
                           else Message.from_item(item, mode, path))
            except MessageError as error:
                problems.extend(_under(path, f) if go else f for f in error.findings)
                continue
            messages.append((path, message))
            if keep:
                problems.extend(_under(path, f) if go else f for f in message.findings)
        if has_errors(problems):
            raise MessagesRefused(problems)
        return messages, problems

    async def ingest(self, body: object, *, source: str = "api",
                     mode: Mode | None = None) -> Ingested:
        """Read and store; MessagesRefused (after keeping the body as a rejection) when any
        item is invalid."""
        try:
            messages, warnings = self.read(body, mode)
        except MessagesRefused as refused:
            await self._refuse(refused, body, source)
            raise
        async with self._lock:
            return await self._store_new(messages, warnings, source)

    async def _store_new(self, messages: list[tuple[str, Message]], warnings: list[Finding],
                         source: str) -> Ingested:
        done = Ingested(warnings=warnings)
        known = self._store().wecom_known([m.msgid for _, m in messages])
        fresh: list[Message] = []
        first_path: dict[str, str] = {}
        for path, m in messages:
            if m.msgid in known:
                done.duplicates.append((path, m.msgid, "already stored: kept out"))
            elif m.msgid in first_path:
                done.duplicates.append((path, m.msgid, f"the same msgid as "
                                        f"{first_path[m.msgid] or 'the item'} in this body: "
                                        "kept out"))
            else:
                first_path[m.msgid] = path
                fresh.append(m)
        if not fresh:
            return done
        changes = self.sessions.preview(fresh)
        rows = [_row(m, source) for m in fresh]
        sessions = [{"open_kfid": s.open_kfid, "external_userid": s.external_userid,
                     "doc": s.to_json()} for s in changes.sessions.values()]
        servicers = [{"open_kfid": s.open_kfid, "servicer_userid": s.servicer_userid,
                      "doc": s.to_json()} for s in changes.servicers.values()]
        writer = self._writer()
        ids = await writer.call(lambda store: store.save_wecom(rows, sessions, servicers))
        self.sessions.commit(changes)
        done.stored = list(zip(ids, fresh, strict=True))
        done.changes = changes
        for (row_id, m), row in zip(done.stored, rows, strict=True):
            self.engine.bus.publish(KfMessageReceived(
                row_id=row_id, msgid=m.msgid, msgtype=m.msgtype, event_type=m.event_type,
                type_id=m.type_id, origin=m.origin, send_time=m.send_time,
                open_kfid=m.open_kfid, external_userid=m.external_userid,
                servicer_userid=m.servicer_userid, source=source, summary=row["summary"],
                item_json=row["item"], warnings=m.findings))
        return done

    async def _refuse(self, refused: MessagesRefused, body: object, source: str) -> None:
        text = (body.decode("utf-8", "replace") if isinstance(body, bytes) else body
                if isinstance(body, str) else _text(body))
        findings = [f.to_json() for f in refused.findings]
        rejection_id = await self._writer().call(
            lambda store: store.write_rejection(f"wecom/{source}", text, findings))
        self.engine.bus.publish(KfMessagesRefused(rejection_id=rejection_id, source=source,
                                                  findings=tuple(refused.findings),
                                                  body=text))

    # --- opening a work order ----------------------------------------------------------------

    async def open_order(self, msgid: str, *, data_area: str | None = None,
                         contact_name: str | None = None, contact_tel: str | None = None
                         ) -> OrderOpened:
        """Open a changeId 1 work order from the customer's text ``msgid``; OrderRefused
        says why not."""
        area = DEFAULT_DATA_AREA if data_area is None else data_area
        async with self._lock:
            store = self._store()
            row = store.wecom_message(msgid)
            if row is None:
                raise OrderRefused(404, f"no WeCom message {msgid!r}",
                                   "take it in first: POST /api/wecom/messages")
            if row["service_order_id"]:
                order = row["service_order_id"]
                raise OrderRefused(409, f"message {msgid!r} already opened work order {order}",
                                   f"see GET /api/orders/{order}/timeline")
            try:
                message = Message.from_item(row["item"].encode(), Mode.LENIENT)
            except MessageError as error:  # stored by an older reading that let it pass
                raise OrderRefused(422, f"message {msgid!r} cannot be read again: {error}",
                                   "open the order by hand (POST /api/events)") from None
            refused = intake.refusal(message)
            if refused is not None:
                raise OrderRefused(422, str(refused), refused.hint, refused.path)
            order_id = new_order_id()
            while store.order(order_id) is not None:  # one in billions, but say no to it
                order_id = new_order_id()
            session = self.sessions.session(message.open_kfid, message.external_userid)
            known = self.engine.data_areas.get(area)
            body = intake.order_event(
                message, data_area=area, area_name=known.name if known else area,
                order_id=order_id, number=int(order_id) % 1_000_000, created=self.clock(),
                contact_name=contact_name, contact_tel=contact_tel,
                recorder=(session.servicer_userid if session else "")
                or message.servicer_userid)
            result = await self.engine.submit(body, source="wecom")
            if not isinstance(result, Accepted):
                raise OrderRefused(422, f"the engine refused the order ({result.reason})",
                                   "see errors", "", list(result.findings))
            linked = await self._writer().call(
                lambda s: s.link_wecom(msgid, order_id, result.event_id))
            if not linked:  # another process linked it meanwhile: the lock is ours only
                raise OrderRefused(409, f"order {order_id} was opened, but message {msgid!r} "
                                   "was linked to another order meanwhile",
                                   f"see GET /api/orders/{order_id}/timeline")
        self.engine.bus.publish(KfOrderOpened(
            msgid=msgid, service_order_id=order_id, event_id=result.event_id,
            external_userid=message.external_userid, open_kfid=message.open_kfid))
        return OrderOpened(msgid, order_id, result)

    # --- reading back ---------------------------------------------------------------------------

    def messages(self, *, external_userid: str | None = None, open_kfid: str | None = None,
                 before_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        return self._store().wecom_messages(external_userid=external_userid,
                                            open_kfid=open_kfid, before_id=before_id,
                                            limit=limit)

    def message(self, msgid: str) -> dict[str, Any] | None:
        return self._store().wecom_message(msgid)  # type: ignore[no-any-return]

    def _store(self) -> Any:
        assert self.engine.store is not None, "the engine is not open"
        return self.engine.store

    def _writer(self) -> Any:
        self.engine._writable()
        return self.engine.writer


def session_json(s: Session) -> dict[str, Any]:
    return {"openKfid": s.open_kfid, "externalUserId": s.external_userid, "state": s.state,
            "servicerUserId": s.servicer_userid, "changedAt": s.changed_at,
            "lastAt": s.last_at, "lastMsgid": s.last_msgid, "messages": s.messages,
            "transfers": s.transfers, "scene": s.scene, "msgCode": s.msg_code,
            "welcomeCode": s.welcome_code}


def servicer_json(s: Servicer) -> dict[str, Any]:
    return {"openKfid": s.open_kfid, "servicerUserId": s.servicer_userid, "status": s.status,
            "statusName": {1: "接待中", 2: "停止接待"}.get(s.status, ""),
            "changedAt": s.changed_at}


def _row(m: Message, source: str) -> dict[str, Any]:
    warnings = [f.to_json() for f in m.findings]
    return {"msgid": m.msgid, "received_at": time.time(), "source": source,
            "open_kfid": m.open_kfid, "external_userid": m.external_userid,
            "servicer_userid": m.servicer_userid, "send_time": m.send_time, "origin": m.origin,
            "msgtype": m.msgtype, "event_type": m.event_type, "summary": m.summary(),
            "item": m.origin_data.decode("utf-8", "replace"),
            "warnings": json_codec.dumps(warnings) if warnings else None}


def _under(base: str, f: Finding) -> Finding:
    """A finding of an item read on its own, with its path under the item's in the body."""
    if not base:
        return f
    path = base + (f.path if not f.path or f.path.startswith("[") else "." + f.path)
    return Finding(path, f.code, f.message, f.severity, f.hint, f.label_zh)


def _text(body: object) -> str:
    try:
        return json_codec.dumps(body)
    except (TypeError, ValueError):
        return repr(body)


