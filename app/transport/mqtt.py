"""MQTT over paho-mqtt, in our own types, on asyncio.

paho runs its own network thread (``loop_start``): that works on every event loop qasync
offers, including Windows' Proactor, which has no ``add_reader``. Every paho callback hops to
the asyncio loop with ``call_soon_threadsafe``; nothing of paho leaks past this module.

- ``publish`` at QoS 1 returns when the broker's PUBACK arrives.
- In-flight publishes are capped (a semaphore), so paho never has more than 65,535
  unacknowledged messages and never reuses the id of one it is still waiting for.
- paho reconnects by itself, backing off from 1 s to 30 s; unacknowledged QoS 1 messages are
  sent again after the reconnect, and the client's subscriptions are made again (a broker
  killed before its autosave may have lost them).
- Incoming messages go to a bounded queue; when it is full the newest is dropped and counted
  (``dropped``), never silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import ssl
from dataclasses import dataclass
from typing import Any

import paho.mqtt.client as paho
from paho.mqtt.enums import CallbackAPIVersion

from app.tasks import spawn

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MqttMessage:
    topic: str
    payload: bytes
    qos: int
    retain: bool


def no_delay(sock: Any) -> None:
    """Turn Nagle's algorithm off: paho does not, and every small publish would wait for
    the broker's delayed ACK of the one before (about 40 ms on Linux)."""
    with contextlib.suppress(OSError, AttributeError):  # a websocket has no TCP options
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class MqttError(RuntimeError):
    """The broker refused (bad credentials, a denied subscription) or is unreachable."""


class MqttClient:
    def __init__(self, host: str, port: int, *, username: str | None = None,
                 password: str | None = None, client_id: str = "",
                 clean_session: bool = True, tls: bool = False, keepalive: int = 30,
                 max_inflight: int = 1000, inbox: int = 10_000) -> None:
        self.host, self.port = host, port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client = paho.Client(CallbackAPIVersion.VERSION2, client_id=client_id,
                                   clean_session=clean_session, protocol=paho.MQTTv311)
        if username is not None:
            self._client.username_pw_set(username, password)
        if tls:
            self._client.tls_set_context(ssl.create_default_context())
        # Our semaphore keeps at most max_inflight unacknowledged; paho's own cap would add
        # nothing but a scan of every queued message at each PUBACK (O(n²) under load).
        self._client.max_inflight_messages_set(0)
        self._client.reconnect_delay_set(1, 30)
        self._keepalive = keepalive
        self._inflight = asyncio.Semaphore(max_inflight)
        self._published: dict[int, asyncio.Future[None]] = {}
        self._subscribed: dict[int, asyncio.Future[list[Any]]] = {}
        self._connected: asyncio.Future[None] | None = None
        #: What to subscribe to again when a reconnect finds no session on the broker.
        self._topics: dict[str, int] = {}
        self.messages: asyncio.Queue[MqttMessage] = asyncio.Queue(inbox)
        #: Incoming messages dropped because ``messages`` was full.
        self.dropped = 0
        self.connected = False
        self.reconnects = 0
        #: Reconnects after which every subscription was made again and acknowledged.
        self.restored = 0
        self.last_error: str | None = None
        c = self._client
        c.on_connect, c.on_disconnect = self._on_connect, self._on_disconnect
        c.on_publish, c.on_subscribe, c.on_message = (self._on_publish, self._on_subscribe,
                                                      self._on_message)
        c.on_socket_open = lambda _c, _u, sock: no_delay(sock)

    # --- life cycle -----------------------------------------------------------------------

    async def connect(self, within: float = 10.0) -> None:
        """Connect and start the network thread; MqttError if the broker refuses."""
        self._loop = asyncio.get_running_loop()
        self._connected = self._loop.create_future()
        try:
            self._client.connect_async(self.host, self.port, self._keepalive)
        except (OSError, ValueError) as error:
            raise MqttError(f"cannot connect to {self.host}:{self.port}: {error}") from None
        self._client.loop_start()
        try:
            await asyncio.wait_for(asyncio.shield(self._connected), within)
        except TimeoutError:
            self._client.loop_stop()
            raise MqttError(f"no answer from the broker at {self.host}:{self.port} within "
                            f"{within:g} s{': ' + self.last_error if self.last_error else ''}"
                            ) from None
        except MqttError:
            self._client.disconnect()
            self._client.loop_stop()
            raise

    async def disconnect(self) -> None:
        self._client.disconnect()
        await asyncio.to_thread(self._client.loop_stop)
        for future in [*self._published.values(), *self._subscribed.values()]:
            if not future.done():
                future.set_exception(MqttError("disconnected"))

    # --- operations -----------------------------------------------------------------------

    async def publish(self, topic: str, payload: bytes, qos: int = 1,
                      retain: bool = False) -> None:
        """Publish; at QoS 1 and 2, return when the broker has acknowledged it."""
        await (await self.start_publish(topic, payload, qos, retain))

    async def start_publish(self, topic: str, payload: bytes, qos: int = 1,
                            retain: bool = False) -> asyncio.Future[None]:
        """Hand a message to paho and return at once with a future for the broker's
        acknowledgement. Messages started one after another go out in that order; this
        waits only while ``max_inflight`` messages are unacknowledged."""
        assert self._loop is not None, "connect() first"
        await self._inflight.acquire()
        future = self._loop.create_future()
        future.add_done_callback(lambda _f: self._inflight.release())
        info = self._client.publish(topic, payload, qos, retain)
        if info.rc not in (paho.MQTT_ERR_SUCCESS, paho.MQTT_ERR_NO_CONN):
            future.set_exception(MqttError(
                f"publish to {topic} refused: {paho.error_string(info.rc)}"))
            return future
        # The PUBACK arrives on the loop via call_soon_threadsafe, after this line.
        if qos == 0:
            future.set_result(None)
        else:
            self._published[info.mid] = future
        return future

    async def subscribe(self, topic: str, qos: int = 1) -> int:
        """Subscribe; the granted QoS, or MqttError when the broker refuses the topic."""
        assert self._loop is not None, "connect() first"
        future = self._loop.create_future()
        result, mid = self._client.subscribe(topic, qos)
        if result != paho.MQTT_ERR_SUCCESS:
            raise MqttError(f"subscribe to {topic}: {paho.error_string(result)}")
        self._subscribed[mid] = future
        (code,) = await future
        if code.is_failure:
            raise MqttError(f"the broker refused the subscription to {topic}: {code}")
        self._topics[topic] = qos
        return code.value

    # --- paho's thread → the loop ---------------------------------------------------------

    def _hop(self, fn: Any, *args: Any) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(fn, *args)

    def _on_connect(self, client: Any, userdata: Any, flags: Any, reason: Any,
                    properties: Any) -> None:
        self._hop(self._connect_done, reason.is_failure, str(reason))

    def _connect_done(self, failed: bool, reason: str) -> None:
        if failed:
            self.last_error = reason
            if self._connected is not None and not self._connected.done():
                self._connected.set_exception(MqttError(
                    f"the broker at {self.host}:{self.port} refused the connection: {reason}"))
            return
        if self.connected is False and self._connected is not None and self._connected.done():
            self.reconnects += 1
            # Even with the session present: a broker restarted from an autosave can hold a
            # session without the subscriptions made after that save. Again is harmless.
            spawn(self._restore(dict(self._topics)), name="restore MQTT subscriptions")
        self.connected, self.last_error = True, None
        if self._connected is not None and not self._connected.done():
            self._connected.set_result(None)

    async def _restore(self, topics: dict[str, int]) -> None:
        assert self._loop is not None
        waiting = []
        for topic, qos in topics.items():
            result, mid = self._client.subscribe(topic, qos)
            if result == paho.MQTT_ERR_SUCCESS:
                future = self._loop.create_future()
                self._subscribed[mid] = future
                waiting.append(future)
        try:
            await asyncio.gather(*waiting)
        except MqttError:
            return  # disconnected again: the next reconnect restores them
        self.restored += 1

    def _on_disconnect(self, client: Any, userdata: Any, flags: Any, reason: Any,
                       properties: Any) -> None:
        self._hop(self._disconnected, str(reason))

    def _disconnected(self, reason: str) -> None:
        self.connected = False
        if reason not in ("Success", "Normal disconnection"):
            self.last_error = reason
            log.warning("MQTT connection to %s:%d lost: %s", self.host, self.port, reason)

    def _on_publish(self, client: Any, userdata: Any, mid: int, reason: Any,
                    properties: Any) -> None:
        self._hop(self._publish_done, mid)

    def _publish_done(self, mid: int) -> None:
        future = self._published.pop(mid, None)
        if future is not None and not future.done():
            future.set_result(None)

    def _on_subscribe(self, client: Any, userdata: Any, mid: int, codes: list[Any],
                      properties: Any) -> None:
        self._hop(self._subscribe_done, mid, codes)

    def _subscribe_done(self, mid: int, codes: list[Any]) -> None:
        future = self._subscribed.pop(mid, None)
        if future is not None and not future.done():
            future.set_result(codes)

    def _on_message(self, client: Any, userdata: Any, message: Any) -> None:
        self._hop(self._deliver, MqttMessage(message.topic, bytes(message.payload),
                                             message.qos, bool(message.retain)))

    def _deliver(self, message: MqttMessage) -> None:
        try:
            self.messages.put_nowait(message)
        except asyncio.QueueFull:
            self.dropped += 1
            if self.dropped in (1, 10, 100) or self.dropped % 1000 == 0:
                log.warning("MQTT inbox full: %d messages dropped so far", self.dropped)
