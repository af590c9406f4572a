"""msgid: an ObjectId-shaped string, 24 hex digits — 4 bytes of Unix seconds, then 8 random
bytes (the spec's own generator takes two random 32-bit counters)."""

from __future__ import annotations

import os
import re
import time

_MSGID = re.compile(r"[0-9a-f]{24}")


def new_msgid(now: float | None = None, random_bytes: bytes | None = None) -> str:
    seconds = int(time.time() if now is None else now) & 0xFFFFFFFF
    tail = random_bytes if random_bytes is not None else os.urandom(8)
    return (seconds.to_bytes(4, "big") + tail[:8]).hex()


def is_msgid(value: object) -> bool:
    """24 lower-case hex digits, as the spec's generator writes them (``toString('hex')``)."""
    return isinstance(value, str) and _MSGID.fullmatch(value) is not None


def msgid_time(msgid: str) -> int:
    """The Unix seconds a msgid was made at."""
    return int(msgid[:8], 16)
