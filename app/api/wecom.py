"""The WeCom customer-service routes of the local API (docs/wecom.md shows each with curl).

- ``POST /api/wecom/messages[?mode=strict|lenient]``: one msg_list item, a list of them (Go
  Message forms among them too) or a whole sync_msg response. 202 ``{stored, duplicates,
  warnings, sessions, servicers}``; all or nothing: 422 ``{errors: [{path, message, hint}]}``
  with nothing stored when any item is invalid; 400 when the body is not JSON.
- ``GET /api/wecom/messages?externalUserId=&openKfid=&beforeId=&limit=``: newest first.
- ``GET /api/wecom/messages/{msgid}``: one, with the order opened from it.
- ``GET /api/wecom/sessions?openKfid=&state=``: ``{sessions, servicers}``.
- ``POST /api/wecom/messages/{msgid}/order`` ``{dataArea?, contactName?, contactTel?}``: 202
  ``{eventId, serviceOrderId, deliveries, warnings, msgid, timeline}``; 404 no such message,
  409 it opened an order already, 422 not a customer's text (or a bad field).

The token, 404 for unknown paths and 405 are Api.handle's, as for every route.
"""

from __future__ import annotations

import json
from typing import Any

from app.api.routes import Problem
from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Mode
from app.transport.http import HttpRequest, HttpResponse
from app.wecom.service import (
    KfService,
    MessagesRefused,
    OrderRefused,
    servicer_json,
    session_json,
)
from app.wecom.sessions import CLOSED, SERVING, WAITING

_ORDER_FIELDS = {"dataArea": "the data area (数据域) to file it under, default fwwt",
                 "contactName": "the contact's name, default 微信客户 and the id's last 4",
                 "contactTel": "the contact's phone"}


async def post_messages(kf: KfService, request: HttpRequest) -> HttpResponse:
    mode = _mode(request)
    try:
        done = await kf.ingest(request.body, source="api", mode=mode)
    except MessagesRefused as refused:
        raise Problem(refused.status, "",
                      errors=[f.to_json() for f in refused.findings]) from None
    return HttpResponse.json(done.to_json(), 202)


def list_messages(kf: KfService, request: HttpRequest) -> HttpResponse:
    q = request.query
    rows = kf.messages(external_userid=q.get("externalUserId") or None,
                       open_kfid=q.get("openKfid") or None,
                       before_id=_number(q, "beforeId", None),
                       limit=min(_number(q, "limit", 100) or 100, 1000))
    return HttpResponse.json([message_json(r) for r in rows])


def get_message(kf: KfService, msgid: str) -> HttpResponse:
    row = kf.message(msgid)
    if row is None:
        raise Problem(404, f"no WeCom message {msgid!r}", path="msgid",
                      hint="GET /api/wecom/messages lists them")
    return HttpResponse.json(message_json(row))


def list_sessions(kf: KfService, request: HttpRequest) -> HttpResponse:
    q = request.query
    state = q.get("state")
    if state is not None and state not in (WAITING, SERVING, CLOSED):
        raise Problem(422, f"state {state!r}", path="state",
                      hint=f"{WAITING}, {SERVING} or {CLOSED}")
    account = q.get("openKfid") or None
    sessions = [s for s in kf.sessions.sessions.values()
                if (account is None or s.open_kfid == account)
                and (state is None or s.state == state)]
    sessions.sort(key=lambda s: (-s.last_at, s.open_kfid, s.external_userid))
    servicers = [s for s in kf.sessions.servicers.values()
                 if account is None or s.open_kfid == account]
    servicers.sort(key=lambda s: (s.open_kfid, s.servicer_userid))
    return HttpResponse.json({"sessions": [session_json(s) for s in sessions],
                              "servicers": [servicer_json(s) for s in servicers]})


async def open_order(kf: KfService, request: HttpRequest, msgid: str) -> HttpResponse:
    doc = _json(request.body) if request.body.strip() else {}
    if not isinstance(doc, dict):
        raise Problem(422, "the body is an object (or empty)",
                      hint='{"dataArea": "fwwt", "contactName": "王女士"}')
    for key, value in doc.items():
        if key not in _ORDER_FIELDS:
            raise Problem(422, f"unknown field {key!r}", path=key,
                          hint="known: " + "; ".join(f"{k} ({v})"
                                                    for k, v in _ORDER_FIELDS.items()))
        if not isinstance(value, str) or not value.strip():
            raise Problem(422, f"{key} is a non-empty string", path=key, hint=_ORDER_FIELDS[key])
    try:
        opened = await kf.open_order(msgid, data_area=doc.get("dataArea"),
                                     contact_name=doc.get("contactName"),
                                     contact_tel=doc.get("contactTel"))
    except OrderRefused as refused:
        raise Problem(refused.status, str(refused), refused.hint, refused.path,
                      errors=[f.to_json() for f in refused.findings]) from None
    out = opened.to_json()
    out["timeline"] = f"/api/orders/{opened.service_order_id}/timeline"
    return HttpResponse.json(out, 202)


def message_json(row: dict[str, Any]) -> dict[str, Any]:
    """A stored message as the API shows it: our fields in camelCase, WeCom's item as is."""
    try:
        item: Any = json.loads(row["item"])
    except ValueError:  # the item is stored as it came; only valid JSON is taken in
        item = row["item"]
    order = None
    if row["service_order_id"]:
        order = {"serviceOrderId": row["service_order_id"], "eventId": row["event_id"],
                 "linkedAt": row["linked_at"],
                 "timeline": f"/api/orders/{row['service_order_id']}/timeline"}
    return {"id": row["id"], "msgid": row["msgid"], "receivedAt": row["received_at"],
            "source": row["source"], "msgtype": row["msgtype"],
            "eventType": row["event_type"], "origin": row["origin"],
            "sendTime": row["send_time"], "openKfid": row["open_kfid"],
            "externalUserId": row["external_userid"],
            "servicerUserId": row["servicer_userid"], "summary": row["summary"],
            "item": item, "warnings": json.loads(row["warnings"]) if row["warnings"] else [],
            "order": order}


def _mode(request: HttpRequest) -> Mode | None:
    mode = request.query.get("mode")
    if mode is not None and mode not in ("strict", "lenient"):
        raise Problem(422, f"mode {mode!r}", path="mode",
                      hint="strict or lenient (default: the engine's validation mode)")
    return Mode(mode) if mode else None


def _number(query: Any, name: str, default: int | None) -> int | None:
    text = query.get(name)
    if text is None:
        return default
    if not text.isdigit() or int(text) < 1:
        raise Problem(422, f"{name} {text!r} is not a whole number above 0", path=name)
    return int(text)


def _json(body: bytes) -> object:
    try:
        return loads(body, "the body")
    except JsonProblem as problem:
        raise Problem(400, str(problem), "send JSON with Content-Type: application/json") \
            from None
