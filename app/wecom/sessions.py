"""Who is talking to whom: each customer's session with an account, and each servicer's
reception status, as the sync messages tell it. Pure: messages in, changed states out.

The document gives the events, not a state machine; this is our reading of them:

- enter_session: the customer is in a session that waits for a servicer (``waiting``);
- session_status_change 1 从接待池接入会话: a servicer took it from the pool (``serving``,
  servicer = new_servicer_userid); 2 转接会话: it passed to new_servicer_userid (``serving``,
  counted in ``transfers``); 3 结束会话: it ended (``closed``, no servicer);
- a customer's message (origin 3) to a closed or unknown session opens it again as
  ``waiting`` (WeCom puts a returning customer back in the queue); a servicer's message
  (origin 5) to a session without a servicer says who is serving;
- servicer_status_change: the servicer's status, 1 接待中 or 2 停止接待.

A message older (by send_time) than the last one that changed a session does not change it
back: a page synced again, or pages read out of order, cannot rewind a conversation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from app.wecom.message import Message

WAITING, SERVING, CLOSED = "waiting", "serving", "closed"


@dataclass(frozen=True, slots=True)
class Session:
    """One customer with one customer-service account."""

    open_kfid: str
    external_userid: str
    state: str = WAITING
    servicer_userid: str = ""
    #: send_time of the message that last changed it (0: none yet).
    changed_at: int = 0
    #: send_time of the latest message of the session, whatever it was.
    last_at: int = 0
    last_msgid: str = ""
    messages: int = 0
    transfers: int = 0
    scene: str = ""
    #: The last msg_code / welcome_code WeCom gave for an event response (each is good once).
    msg_code: str = ""
    welcome_code: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Session:
        return cls(**{k: v for k, v in doc.items() if k in _SESSION_FIELDS})


@dataclass(frozen=True, slots=True)
class Servicer:
    """One servicer of one account: status 1 接待中, 2 停止接待."""

    open_kfid: str
    servicer_userid: str
    status: int
    changed_at: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Servicer:
        return cls(**{k: v for k, v in doc.items() if k in _SERVICER_FIELDS})


_SESSION_FIELDS = frozenset(Session.__dataclass_fields__)
_SERVICER_FIELDS = frozenset(Servicer.__dataclass_fields__)


@dataclass(slots=True)
class Changes:
    """What applying messages changed, to store with them."""

    sessions: dict[tuple[str, str], Session] = field(default_factory=dict)
    servicers: dict[tuple[str, str], Servicer] = field(default_factory=dict)


class Sessions:
    """Every session and servicer known, kept current by ``apply``."""

    def __init__(self, sessions: list[Session] | None = None,
                 servicers: list[Servicer] | None = None) -> None:
        self.sessions = {(s.open_kfid, s.external_userid): s for s in sessions or ()}
        self.servicers = {(s.open_kfid, s.servicer_userid): s for s in servicers or ()}

    def preview(self, messages: list[Message]) -> Changes:
        """What ``messages`` would change, in order, without changing anything: the store
        writes it first, and ``commit`` makes it true once the write held."""
        changes = Changes()
        for message in messages:
            self._apply(message, changes)
        return changes

    def commit(self, changes: Changes) -> None:
        self.sessions.update(changes.sessions)
        self.servicers.update(changes.servicers)

    def apply(self, messages: list[Message]) -> Changes:
        changes = self.preview(messages)
        self.commit(changes)
        return changes

    def session(self, open_kfid: str, external_userid: str) -> Session | None:
        return self.sessions.get((open_kfid, external_userid))

    def _apply(self, m: Message, changes: Changes) -> None:
        if m.type_id == "servicer_status_change":
            key = (m.open_kfid, m.servicer_userid)
            before = changes.servicers.get(key) or self.servicers.get(key)
            if before is None or m.send_time >= before.changed_at:
                changes.servicers[key] = Servicer(m.open_kfid, m.servicer_userid,
                                                  m.servicer_status_change().status,
                                                  m.send_time)
            return
        if not m.open_kfid or not m.external_userid:
            return  # not part of a customer's conversation we can name
        key = (m.open_kfid, m.external_userid)
        before = changes.sessions.get(key) or self.sessions.get(key)
        session = before or Session(m.open_kfid, m.external_userid)
        session = replace(session, messages=session.messages + 1)
        if m.send_time >= session.last_at:
            session = replace(session, last_at=m.send_time, last_msgid=m.msgid)
        if m.send_time >= session.changed_at:
            session = _next(session, m, known=before is not None)
        changes.sessions[key] = session


def _next(s: Session, m: Message, *, known: bool) -> Session:
    """The session after message ``m`` (not older than its last change)."""
    at = m.send_time
    if m.type_id == "enter_session":
        view = m.enter_session()
        return replace(s, state=WAITING if s.state != SERVING else SERVING, changed_at=at,
                       scene=view.scene or s.scene,
                       welcome_code=view.welcome_code or s.welcome_code)
    if m.type_id == "session_status_change":
        view = m.session_status_change()
        code = view.msg_code or s.msg_code
        if view.change_type in (1, 2):
            return replace(s, state=SERVING, servicer_userid=view.new_servicer_userid,
                           changed_at=at, msg_code=code,
                           transfers=s.transfers + (view.change_type == 2))
        if view.change_type == 3:
            return replace(s, state=CLOSED, servicer_userid="", changed_at=at, msg_code=code)
        return s
    if m.origin == 3 and (s.state == CLOSED or not known):
        return replace(s, state=WAITING, servicer_userid="", changed_at=at)
    if m.origin == 5 and m.servicer_userid and not s.servicer_userid:
        return replace(s, state=SERVING, servicer_userid=m.servicer_userid, changed_at=at)
    return s
