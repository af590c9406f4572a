"""The payload inspector's reader for IM messages on MQTT (spec/mqtt-im-protocol.md): the
envelope ``{msgid, from, to, type, payload}`` a client publishes to
``$sktalent/server/mqttserver`` or the server sends on ``$sktalent/clients/<userID>``.

It checks what can be checked without knowing the users: the type, the ObjectId msgid, and
each type's payload. Whether ``from`` and ``to`` exist is the running server's question.
"""

from __future__ import annotations

from app.catalog.findings import Code, Finding, Mode
from app.catalog.reading import Reading, keys_of
from app.im.msgid import is_msgid
from app.im.protocol import (
    CLIENT_TYPES,
    EXPERT_STATUSES,
    NOTE_STATUSES,
    NOTIFICATION_TYPES,
    ORDER_STATUSES,
)

_ENVELOPE = frozenset({"msgid", "from", "to", "type", "payload"})
#: What the server sends that is not a notification: acks, forwards, 1001 records.
SERVER_TYPES = ("sent", "received", "order_chat", "rich_message")
_TITLES = {
    "order_chat": "chat about an order (order_chat)",
    "received": "read receipt (received)",
    "sent": "server's acknowledgement (sent)",
    "sync_ack": "1001 sync acknowledgement (sync_ack, Push Studio's extension)",
    "order": "order status notification (order)",
    "note": "小纸条 note notification (note)",
    "feedback": "feedback reply (feedback)",
    "expert": "expert review result (expert)",
    "rich_message": "rich-text message (rich_message, from POST /orgs/{org_id}/messages)",
}


class ImReader:
    family = "im"

    def recognise(self, obj: object) -> int:
        keys = keys_of(obj)
        if "msgid" not in keys or "type" not in keys:
            return 0
        return len(keys & _ENVELOPE)

    def read(self, obj: object, mode: Mode = Mode.STRICT) -> Reading:
        findings: list[Finding] = []
        if not isinstance(obj, dict):
            return Reading("im", None, "IM message", [Finding(
                "", Code.TYPE, "an IM message is a JSON object {msgid, from, to, type, payload}")])
        kind = obj.get("type")
        known = (*CLIENT_TYPES, *NOTIFICATION_TYPES, *SERVER_TYPES)
        if kind not in known:
            findings.append(Finding("type", Code.UNKNOWN_TYPE, f"unknown IM type {kind!r}",
                                    hint="one of " + ", ".join(dict.fromkeys(known))))
        msgid = obj.get("msgid")
        if not is_msgid(msgid):
            findings.append(Finding("msgid", Code.TYPE,
                                    f"msgid {msgid!r} is not an ObjectId (24 lower-case hex "
                                    "digits: 4 bytes of seconds, then random bytes)",
                                    hint="e.g. 5f1d7a9e0c3b4a2d1e6f7a8b"))
        for key in ("from", "to"):
            if key in obj and not isinstance(obj[key], str):
                findings.append(Finding(key, Code.TYPE, f"{key} must be a userID string",
                                        hint=f'send "{obj[key]}"'))
        if kind in ("order_chat", "order", "note", "feedback", "expert", "rich_message") \
                and "to" not in obj:
            findings.append(Finding("to", Code.MISSING, "to is missing: who receives it",
                                    hint="the receiver's userID"))
        payload = obj.get("payload")
        if kind in ("order_chat", *NOTIFICATION_TYPES):
            if not isinstance(payload, dict):
                findings.append(Finding("payload", Code.TYPE if "payload" in obj
                                        else Code.MISSING, "payload must be an object"))
            else:
                findings += _payload(str(kind), payload)
        direction = ("client → server ($sktalent/server/mqttserver)" if kind in CLIENT_TYPES
                     else "server → client ($sktalent/clients/<userID>)")
        title = f"IM message: {_TITLES.get(str(kind), repr(kind))}"
        facts = {k: obj[k] for k in ("type", "msgid", "from", "to") if k in obj
                 and isinstance(obj[k], str | int)}
        facts["direction"] = direction
        return Reading("im", kind if isinstance(kind, str) and kind in known else None, title,
                       findings, kind="message", facts=facts)


def _payload(kind: str, payload: dict) -> list[Finding]:
    out: list[Finding] = []

    def text(key: str, what: str) -> None:
        if not isinstance(payload.get(key), str) or not payload[key]:
            out.append(Finding(f"payload.{key}", Code.MISSING if key not in payload
                               else Code.TYPE, f"payload.{key} must be {what}"))

    def status(table: dict[str, tuple[str, str]]) -> None:
        if payload.get("status") not in table:
            out.append(Finding("payload.status", Code.ENUM,
                               f"{payload.get('status')!r} is not a {kind} status",
                               hint="one of " + ", ".join(f"{k} ({v[1]})"
                                                         for k, v in table.items())))

    if kind == "order_chat":
        text("o_id", "the order id, a non-empty string")
        if not isinstance(payload.get("expert"), bool):
            out.append(Finding("payload.expert", Code.TYPE,
                               "payload.expert must be true (to an expert) or false (to a user)"))
        if not isinstance(payload.get("content"), str):
            out.append(Finding("payload.content", Code.TYPE, "payload.content must be a string"))
    elif kind == "order":
        status(ORDER_STATUSES)
        text("o_id", "the order id, a non-empty string")
    elif kind == "note":
        status(NOTE_STATUSES)
        text("note_id", "the note id, a non-empty string")
    elif kind == "feedback":
        text("content", "the reply, a non-empty string")
    elif kind == "expert":
        if payload.get("status") not in EXPERT_STATUSES:
            out.append(Finding("payload.status", Code.ENUM,
                               f"{payload.get('status')!r} is not an expert review result",
                               hint="verified or fail"))
        text("content", "'update' or 'apply' when verified, else the reason")
    return out


READER = ImReader()
