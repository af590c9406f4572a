"""Who is connected to an external broker, from the events it publishes about its clients.

The managed Mosquitto's log file tells us who is connected (``app.broker.health``). An
external broker is someone else's; what it tells depends on what it is and how it is set up:

- Mosquitto with ``log_dest topic`` (and ``log_type notice``, ``connection_messages true``,
  both defaults) publishes its log lines on ``$SYS/broker/log/<level>`` — the same
  "New client connected … as <id>" and "Client <id> disconnected" lines as the file;
- EMQX publishes ``$SYS/brokers/<node>/clients/<clientid>/connected`` and ``…/disconnected``
  with a JSON body that names the ``clientid``.

Until one such event has arrived, presence is unknown (None), not "everyone offline": a
broker that publishes no client events must not turn every message into a push. Clients
already connected before we listened are not known to be online — the events say only what
changes — so IM users should connect after Push Studio does (the simulated ones do).
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from app.broker.health import Presence
from app.tasks import cancel, spawn
from app.transport.mqtt import MqttClient, MqttError

#: What we subscribe to. ``#`` never matches topics that start with ``$``: each is explicit.
TOPICS = (
    "$SYS/broker/log/N",  # Mosquitto: notice, where connection messages are logged
    "$SYS/brokers/+/clients/+/connected",  # EMQX
    "$SYS/brokers/+/clients/+/disconnected",
)

#: How to make a broker publish them, shown when none has arrived.
HOW = ("Mosquitto: add `log_dest topic` to its config (connection messages are notices); "
       "EMQX: system topics are on by default; the account needs read access to $SYS/#")


class ClientEvents:
    """Presence fed by the broker's client events (``feed``), read by the IM server
    (``online``)."""

    def __init__(self) -> None:
        self.presence = Presence()
        #: Which kind of events arrived first ("mosquitto-log" | "emqx"), None until then.
        self.source: str | None = None
        self.events = 0
        self.unreadable = 0  # an event we subscribed to but could not read: counted, shown
        self.refused: list[str] = []
        self._client: MqttClient | None = None
        self._reconnects = 0
        self._reader: asyncio.Task[None] | None = None
        self._first = asyncio.Event()

    async def watch(self, client: MqttClient) -> ClientEvents:
        """Subscribe ``client`` (connected, reconnecting, ours alone) to every event topic
        and read what it receives until ``stop``. A topic the broker refuses is noted, not
        fatal: another may do."""
        self._client, self._reconnects = client, client.reconnects
        self._reader = spawn(self._read(client), name="broker client events")
        for topic in TOPICS:
            try:
                await client.subscribe(topic, 0)
            except MqttError as error:
                self.refused.append(str(error))
        return self

    def feed(self, topic: str, payload: bytes) -> bool:
        """Take one message; True when it changed who is known to be connected."""
        text = payload.decode("utf-8", "replace")
        if topic.startswith("$SYS/broker/log/"):
            if not self.presence.feed(text):
                return False
            self._heard("mosquitto-log")
            return True
        parts = topic.split("/")
        if len(parts) == 6 and parts[:2] == ["$SYS", "brokers"] and parts[3] == "clients":
            return self._emqx(parts[4], parts[5], text)
        return False

    async def _read(self, client: MqttClient) -> None:
        while True:
            message = await client.messages.get()
            self.feed(message.topic, message.payload)

    async def stop(self) -> None:
        if self._reader is not None:
            await cancel([self._reader])
            self._reader = None

    def _emqx(self, topic_id: str, what: str, text: str) -> bool:
        try:
            body = json.loads(text)
        except ValueError:
            body = None
        if not isinstance(body, dict) or what not in ("connected", "disconnected"):
            self.unreadable += 1
            return False
        client_id = str(body.get("clientid") or topic_id)
        if what == "connected":
            self.presence.clients[client_id] = {
                "clientId": client_id, "username": body.get("username"),
                "address": body.get("ipaddress"), "since": time.time()}
        else:
            self.presence.clients.pop(client_id, None)
        self._heard("emqx")
        return True

    def _heard(self, source: str) -> None:
        self.events += 1
        self.source = self.source or source
        self._first.set()

    async def first_event(self, within: float) -> bool:
        """Wait until the broker has told us of one client; False if it did not in time."""
        try:
            await asyncio.wait_for(self._first.wait(), within)
        except TimeoutError:
            return False
        return True

    def online(self, client_id: str) -> bool | None:
        if self._client is not None and self._client.reconnects != self._reconnects:
            # Our watch was broken: what we knew may be stale, and whoever connects again
            # will say so (a restarted broker lost everyone).
            self._reconnects = self._client.reconnects
            self.presence.reset()
        if self.source is None:
            return None
        return client_id in self.presence.clients

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "events": self.events, "unreadable": self.unreadable,
                "refused": self.refused, "clients": self.presence.to_json(),
                "hint": None if self.source else HOW}
