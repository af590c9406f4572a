"""The IM server's protocol, sans-io: bytes from ``$sktalent/server/mqttserver`` in, actions out.

Nothing here touches a socket or a clock of its own; the adapter (app.im.service) feeds it
what arrives and carries out what it returns, so a whole conversation can be scripted in a
test without a broker.

What it does (spec/mqtt-im-protocol.md §2, §4, §5):
- ``order_chat`` from a user: answer the sender ``{msgid, type: "sent"}``, forward the message
  to the receiver with ``t`` (a timestamp) added to its payload. A msgid seen before is
  answered ``sent`` again (the first answer may have been lost) but never forwarded twice.
- ``received`` from the receiver (only sent on the chat page): forward ``{msgid, type:
  "received"}`` to the chat's original sender, once.
- Notifications ``order``, ``note``, ``feedback``, ``expert``: made by ``notify`` when the GUI,
  the API or a scenario asks; ``order`` and ``note`` go to the role the spec's table names.
- ``sync_ack`` (our extension; the spec is silent on how a client confirms 1001 records): the
  client's highest contiguous chatSeq, which advances ``ackChatSeq``.
- Anything else on the server topic is ``Rejected`` with a reason, never an exception.

Decisions where the spec is silent: ``t`` is Unix milliseconds as a string; the server's own
messages say ``"from": "server"``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.catalog.findings import Code, Finding
from app.im.msgid import is_msgid, new_msgid
from app.im.users import ImUser
from app.json_codec import NotJson, loads

SERVER = "server"

#: order status → (who receives it, what it means) — spec §5.1.
ORDER_STATUSES: dict[str, tuple[str, str]] = {
    "pending": ("expert", "订单提出，待专家确认"),
    "confirmed": ("user", "专家已确认，待用户支付"),
    "rejected": ("user", "专家已拒绝"),
    "paid": ("expert", "用户已支付，可以沟通"),
    "toBeFinished": ("user", "专家已确认完成，待用户评价"),
    "finished": ("expert", "用户已评价"),
}
#: note status → (who receives it, what it means) — spec §5.2.
NOTE_STATUSES: dict[str, tuple[str, str]] = {
    "paid": ("expert", "小纸条提出，待专家回答"),
    "replied": ("user", "专家已回答"),
}
EXPERT_STATUSES = ("verified", "fail")
NOTIFICATION_TYPES = ("order", "note", "feedback", "expert")
CLIENT_TYPES = ("order_chat", "received", "sync_ack")


@dataclass(frozen=True, slots=True)
class Send:
    """Publish ``message`` to ``$sktalent/clients/<user_id>``."""

    user_id: str
    message: dict[str, Any]
    #: sent | chat | received | notification | rich (app.im.rich)
    kind: str


@dataclass(frozen=True, slots=True)
class Rejected:
    reason: str
    raw: bytes
    msgid: str | None = None
    sender: str | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Ignored:
    """Understood and deliberately not acted on again (a redelivered msgid)."""

    reason: str
    msgid: str
    sender: str


@dataclass(frozen=True, slots=True)
class Acked:
    user_id: str
    chat_seq: int


Action = Send | Rejected | Ignored | Acked


class NotifyError(ValueError):
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(str(f) for f in findings))


@dataclass
class _Chat:
    sender: str
    receiver: str
    received: bool = False


@dataclass
class ImProtocol:
    users: Callable[[str], ImUser | None]
    #: How many chat msgids are remembered for duplicates and ``received``; the oldest go.
    remember: int = 100_000
    chats: OrderedDict[str, _Chat] = field(default_factory=OrderedDict)
    #: Chats forgotten to stay within ``remember`` (a very late ``received`` is then refused).
    forgotten: int = 0
    #: The message ``receive`` parsed last (an object; empty if it was not one).
    last: dict[str, Any] = field(default_factory=dict)

    # --- from clients ---------------------------------------------------------------------

    def receive(self, raw: bytes, now: float) -> list[Action]:
        self.last = {}
        try:
            message = loads(raw)
        except NotJson as error:
            return [Rejected(f"not JSON: {error}", raw)]
        if not isinstance(message, dict):
            return [Rejected("not a JSON object {msgid, from, to, type, payload}", raw)]
        self.last = message
        kind = message.get("type")
        msgid = message.get("msgid")
        sender = message.get("from")

        def reject(reason: str) -> list[Action]:
            return [Rejected(reason, raw, msgid if isinstance(msgid, str) else None,
                             sender if isinstance(sender, str) else None,
                             kind if isinstance(kind, str) else None)]

        if kind not in CLIENT_TYPES:
            if kind in (*NOTIFICATION_TYPES, "sent"):
                return reject(f"type {kind!r} is sent by the server, not to it")
            return reject(f"unknown type {kind!r}; a client sends one of "
                          + ", ".join(CLIENT_TYPES))
        if not is_msgid(msgid):
            return reject(f"msgid {msgid!r} is not 24 lower-case hex digits (an ObjectId)")
        if not isinstance(sender, str) or self.users(sender) is None:
            return reject(f"from {sender!r} is not a known user")
        if kind == "order_chat":
            return self._chat(message, raw, now, reject)
        if kind == "received":
            return self._received(message, reject)
        return self._sync_ack(message, reject)

    def _chat(self, message: dict[str, Any], raw: bytes, now: float,
              reject: Callable[[str], list[Action]]) -> list[Action]:
        msgid, sender, to = message["msgid"], message["from"], message.get("to")
        receiver = self.users(to) if isinstance(to, str) else None
        if receiver is None:
            return reject(f"to {to!r} is not a known user")
        if to == sender:
            return reject("from and to are the same user")
        payload = message.get("payload")
        if not isinstance(payload, dict):
            return reject("payload must be an object {o_id, expert, content}")
        problems = []
        if not isinstance(payload.get("o_id"), str) or not payload["o_id"]:
            problems.append("payload.o_id must be the order id, a non-empty string")
        if not isinstance(payload.get("expert"), bool):
            problems.append("payload.expert must be true (to an expert) or false (to a user)")
        elif payload["expert"] != (receiver.role == "expert"):
            problems.append(f"payload.expert is {str(payload['expert']).lower()} but {to} is "
                            f"{'an' if receiver.role == 'expert' else 'a'} {receiver.role}")
        if not isinstance(payload.get("content"), str):
            problems.append("payload.content must be the text, a string")
        if problems:
            return reject("; ".join(problems))
        sent = Send(sender, {"msgid": msgid, "type": "sent"}, "sent")
        if msgid in self.chats:
            return [sent, Ignored("msgid seen before: answered sent again, not forwarded",
                                  msgid, sender)]
        self._remember(msgid, _Chat(sender, to))
        forward = {"msgid": msgid, "from": sender, "to": to, "type": "order_chat",
                   "payload": {**payload, "t": str(int(now * 1000))}}
        return [sent, Send(to, forward, "chat")]

    def _received(self, message: dict[str, Any],
                  reject: Callable[[str], list[Action]]) -> list[Action]:
        msgid, sender = message["msgid"], message["from"]
        chat = self.chats.get(msgid)
        if chat is None:
            return reject("received for a msgid this server did not forward")
        if chat.receiver != sender:
            return reject(f"received from {sender} but that message went to {chat.receiver}")
        if chat.received:
            return [Ignored("received seen before: not forwarded again", msgid, sender)]
        chat.received = True
        return [Send(chat.sender, {"msgid": msgid, "type": "received"}, "received")]

    def _sync_ack(self, message: dict[str, Any],
                  reject: Callable[[str], list[Action]]) -> list[Action]:
        payload = message.get("payload")
        seq = payload.get("chatSeq") if isinstance(payload, dict) else None
        if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq < 2**31:
            return reject("sync_ack needs payload.chatSeq, the highest contiguous chatSeq "
                          "received (a whole number)")
        return [Acked(message["from"], seq)]

    def _remember(self, msgid: str, chat: _Chat) -> None:
        self.chats[msgid] = chat
        while len(self.chats) > self.remember:
            self.chats.popitem(last=False)
            self.forgotten += 1

    # --- from the server's side -----------------------------------------------------------

    def notify(self, kind: object, to: object, payload: object, now: float) -> Send:
        """A notification the GUI, API or a scenario asked for; NotifyError says what is
        wrong with the request, field by field."""
        findings: list[Finding] = []
        user = self.users(to) if isinstance(to, str) else None
        if user is None:
            findings.append(Finding("to", Code.TYPE, f"{to!r} is not a known user",
                                    hint="create the user first (POST /api/users)"))
        if kind not in NOTIFICATION_TYPES:
            findings.append(Finding("type", Code.ENUM, f"{kind!r} is not a notification type",
                                    hint="one of " + ", ".join(NOTIFICATION_TYPES)))
        elif not isinstance(payload, dict):
            findings.append(Finding("payload", Code.TYPE, "payload must be an object"))
        else:
            findings += _check_notification(str(kind), payload, user)
        if findings:
            raise NotifyError(findings)
        assert isinstance(to, str) and isinstance(payload, dict)
        return Send(to, {"msgid": new_msgid(now), "from": SERVER, "to": to, "type": kind,
                         "payload": payload}, "notification")


def _check_notification(kind: str, payload: dict[str, Any],
                        user: ImUser | None) -> list[Finding]:
    out: list[Finding] = []

    def need_text(key: str, what: str) -> None:
        if not isinstance(payload.get(key), str) or not payload[key]:
            out.append(Finding(f"payload.{key}", Code.MISSING if key not in payload
                               else Code.TYPE, f"payload.{key} must be {what}"))

    def status_of(table: dict[str, tuple[str, str]]) -> None:
        status = payload.get("status")
        if status not in table:
            out.append(Finding("payload.status", Code.ENUM, f"{status!r} is not a {kind} "
                               "status", hint="one of " + ", ".join(table)))
        elif user is not None and table[status][0] != user.role:
            out.append(Finding("to", Code.TYPE, f"{kind} status {status!r} goes to "
                               f"{'an' if table[status][0] == 'expert' else 'a'} "
                               f"{table[status][0]}, and {user.user_id} is a {user.role}",
                               hint="the spec's table (§5) names the receiver of each status"))

    if kind == "order":
        status_of(ORDER_STATUSES)
        need_text("o_id", "the order id, a non-empty string")
    elif kind == "note":
        status_of(NOTE_STATUSES)
        need_text("note_id", "the note id, a non-empty string")
    elif kind == "feedback":
        need_text("content", "the reply, a non-empty string")
    elif kind == "expert":
        if payload.get("status") not in EXPERT_STATUSES:
            out.append(Finding("payload.status", Code.ENUM,
                               f"{payload.get('status')!r} is not an expert review result",
                               hint="verified or fail"))
        need_text("content", "'update' or 'apply' when verified, else the reason")
    return out
