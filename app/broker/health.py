"""What the broker says about itself: who is connected, and what it stored or dropped.

Two sources, because neither says everything:
- Mosquitto's log (managed broker only): "New client connected from … as <id> (… u'<user>')"
  and "Client <id> disconnected" give the list of who is connected, with since when;
- ``$SYS/broker/…`` (any Mosquitto, read with the service account): clients connected,
  messages stored, and messages dropped — a drop is counted and shown, never silent.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

_CONNECTED = re.compile(r"New client connected from (?P<addr>\S+) as (?P<id>\S+) "
                        r"\(.*?(?:u'(?P<user>[^']*)')?\)\.?$")
_GONE = re.compile(r"Client (?P<id>\S+) (?:disconnected|closed its connection)")

#: $SYS topics worth showing, and the names they are shown under.
SYS_TOPICS = {
    "$SYS/broker/clients/connected": "clientsConnected",
    "$SYS/broker/publish/messages/dropped": "messagesDropped",
    "$SYS/broker/store/messages/count": "messagesStored",
    "$SYS/broker/messages/received": "messagesReceived",
    "$SYS/broker/messages/sent": "messagesSent",
    "$SYS/broker/version": "version",
}


@dataclass
class Presence:
    """Who is connected, from the broker's log lines."""

    clients: dict[str, dict[str, Any]] = field(default_factory=dict)

    def feed(self, line: str) -> bool:
        """Take one log line; True when it changed who is connected."""
        text = line.split(": ", 1)[-1]
        if match := _CONNECTED.search(text):
            self.clients[match["id"]] = {"clientId": match["id"], "username": match["user"],
                                         "address": match["addr"], "since": time.time()}
            return True
        if match := _GONE.search(text):
            return self.clients.pop(match["id"], None) is not None
        return False

    def reset(self) -> None:
        """The broker restarted: nobody is connected to the new one yet."""
        self.clients.clear()

    def to_json(self) -> list[dict[str, Any]]:
        return sorted(self.clients.values(), key=lambda c: c["clientId"])


@dataclass
class SysStats:
    """The latest value of each watched $SYS topic."""

    values: dict[str, str] = field(default_factory=dict)

    def feed(self, topic: str, payload: bytes) -> bool:
        name = SYS_TOPICS.get(topic)
        if name is None:
            return False
        self.values[name] = payload.decode("utf-8", "replace")
        return True

    def to_json(self) -> dict[str, Any]:
        return {name: int(v) if v.isdigit() else v for name, v in self.values.items()}
