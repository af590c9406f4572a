"""ImGroupSendMsgSync records (msgType 1001) per receiver, chained (spec: the sync keys).

Each receiver has a chain: every record names its own ``offset``, the one before it
(``PreOffset``) and the one that will follow (``nextOffset``, reserved when the record is
made, so a client can tell whether it missed one). ``msgid`` and ``chatSeq`` count up per
receiver; ``msgUUID`` is unique across the server; ``ackChatSeq`` is the highest contiguous
chatSeq the client confirmed (``sync_ack``). Offsets come from one server-wide counter, so
they are unique keys too.

Fields the spec leaves open: ``fromUID`` 0 (the system), ``toUID`` the userID when it is a
number, ``AppId`` 1, ``endpoint`` "pushstudio", ``timestamp`` Unix seconds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MSG_TYPE_WORK_ORDER = 1001
APP_ID = 1
ENDPOINT = "pushstudio"
_INT64 = 2**63 - 1


@dataclass
class Chain:
    user_id: str
    last_offset: int = 0
    next_offset: int = 0
    msgid: int = 0
    chat_seq: int = 0
    ack_chat_seq: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Counter:
    """The server-wide sequence behind offsets and msgUUIDs (kept in the store)."""

    value: int = 0

    def take(self) -> int:
        self.value += 1
        return self.value


def next_record(chain: Chain, counter: Counter, content: bytes, *, content_is_pb: bool,
                now: float) -> dict[str, Any]:
    """The next record of ``chain`` (which moves on), as a dict of the spec's field names."""
    offset = chain.next_offset or counter.take()
    following = counter.take()
    chain.msgid += 1
    chain.chat_seq += 1
    record = {
        "offset": offset, "nextOffset": following, "fromUID": 0, "toGroupid": 0,
        "timestamp": int(now), "msgid": chain.msgid, "len": len(content),
        "msgType": MSG_TYPE_WORK_ORDER, "msgFlag": 0, "PreOffset": chain.last_offset,
        "toUID": int(chain.user_id) if chain.user_id.isdigit()
        and int(chain.user_id) <= _INT64 else 0,
        "content": content, "AppId": APP_ID, "contentIsPB": 1 if content_is_pb else 0,
        "chatSeq": chain.chat_seq, "endpoint": ENDPOINT, "ackChatSeq": chain.ack_chat_seq,
        "msgUUID": (int(now) << 24) | (counter.take() & 0xFFFFFF),
    }
    chain.last_offset, chain.next_offset = offset, following
    return record


def acknowledge(chain: Chain, chat_seq: int) -> bool:
    """The client confirmed every record up to ``chat_seq``; False if that is not news (or
    names a record not yet sent)."""
    if chat_seq <= chain.ack_chat_seq or chat_seq > chain.chat_seq:
        return False
    chain.ack_chat_seq = chat_seq
    return True
