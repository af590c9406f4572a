"""MQTT clients that live on the asyncio loop itself: many clients, no thread each.

``MqttClient`` gives every client a paho network thread. That is right for the few clients
the server side holds, and it works on every loop qasync offers. A crowd of simulated app
users is different: paho threads stop near 340 clients (file handles), and a thousand
threads cost memory and context switches. ``LoopMqttClient`` drives the same paho client from
the loop instead, as paho's own ``loop_asyncio`` example and aiomqtt do: the loop watches
the socket (``add_reader``/``add_writer``) and calls ``loop_read``/``loop_write``, and one
ticker calls ``loop_misc`` (keepalive PINGREQs) for every client once a second.

It needs a loop with ``add_reader`` — every loop on Linux and macOS, qasync's included;
not Windows' Proactor loop.

The IM server uses it too where the loop allows: its messages would otherwise cross from
paho's thread to the loop and back, and each crossing waits for the GIL — up to the 5 ms
switch interval while the loop is busy, which under load is most of a chat's latency.

The API is ``MqttClient``'s, with two differences:
- ``disconnect()`` and ``connect()`` may alternate: going offline and online again keeps the
  paho client, its session flag and its client id.
- It reconnects after a lost connection only when asked (``reconnect=True``: from 1 s to
  30 s, subscriptions made again, unacknowledged messages sent again, as ``MqttClient``
  does). A simulated user does not: ``connected`` turns False, ``last_error`` says why, and
  its owner decides when to come back, as a phone would.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any

import paho.mqtt.client as paho

from app.tasks import cancel, spawn
from app.transport.mqtt import MqttClient, MqttError, MqttMessage, no_delay

log = logging.getLogger(__name__)

#: Seconds between keepalive checks (paho's own loop uses 1 s).
TICK = 1.0


def can_watch_sockets(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether ``LoopMqttClient`` works on this loop (Windows' Proactor has no add_reader)."""
    return sys.platform != "win32" or isinstance(loop, asyncio.SelectorEventLoop)


def long_lived_client(host: str, port: int, **kwargs: Any) -> MqttClient:
    """A client that stays connected (and reconnects): on the loop where the loop can watch
    sockets, else with paho's own thread."""
    if can_watch_sockets(asyncio.get_running_loop()):
        return LoopMqttClient(host, port, reconnect=True, **kwargs)
    return MqttClient(host, port, **kwargs)


class _Ticker:
    """One timer per loop that calls ``loop_misc`` on every live client."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.clients: weakref.WeakSet[LoopMqttClient] = weakref.WeakSet()
        self._handle: asyncio.TimerHandle | None = None

    def add(self, client: LoopMqttClient) -> None:
        self.clients.add(client)
        if self._handle is None:
            self._handle = self.loop.call_later(TICK, self._tick)

    def _tick(self) -> None:
        self._handle = None
        for client in list(self.clients):
            if client._socket is not None:
                client._client.loop_misc()
        if self.clients and not self.loop.is_closed():
            self._handle = self.loop.call_later(TICK, self._tick)


_tickers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Ticker] = (
    weakref.WeakKeyDictionary())


class LoopMqttClient(MqttClient):
    def __init__(self, *args: Any, on_message: Callable[[MqttMessage], None] | None = None,
                 reconnect: bool = False, **kwargs: Any) -> None:
        """``on_message``, when given, is called with each message instead of queueing it in
        ``messages`` (a thousand clients need no thousand reader tasks)."""
        super().__init__(*args, **kwargs)
        self._on_message_cb = on_message
        self._reconnect = reconnect
        self._leaving = False
        self._reconnecting: asyncio.Task[Any] | None = None
        self._socket: socket.socket | None = None
        self._loop_thread = 0
        c = self._client
        c.on_socket_open, c.on_socket_close = self._socket_open, self._socket_close
        c.on_socket_register_write = self._register_write
        c.on_socket_unregister_write = self._unregister_write

    async def connect(self, within: float = 10.0) -> None:
        """Connect (again); MqttError if the broker refuses or does not answer in time."""
        loop = self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        self._leaving = False
        self._connected = loop.create_future()
        # A reconnect after a deliberate disconnect is a new start, not paho's "lost and
        # found again": the subscriptions are the session's business (cleansession=false).
        self.connected = False
        try:
            await self._blocking(self._client.connect, self.host, self.port,
                                 self._keepalive)
        except (OSError, ValueError) as error:
            raise MqttError(f"cannot connect to {self.host}:{self.port}: {error}") from None
        ticker = _tickers.get(loop)
        if ticker is None:
            ticker = _tickers[loop] = _Ticker(loop)
        ticker.add(self)
        try:
            await asyncio.wait_for(asyncio.shield(self._connected), within)
        except TimeoutError:
            self._client.disconnect()
            raise MqttError(f"no answer from the broker at {self.host}:{self.port} within "
                            f"{within:g} s") from None
        except MqttError:
            self._client.disconnect()
            raise

    async def disconnect(self) -> None:
        """Send DISCONNECT and close; the session stays on the broker (cleansession=false)."""
        self._leaving = True
        if self._reconnecting is not None:
            await cancel([self._reconnecting])
        self._client.disconnect()
        # paho closes the socket once the DISCONNECT is written; with a full send buffer
        # that waits for the writer, so give the loop a turn instead of closing under it.
        for _ in range(100):
            if self._socket is None:
                break
            await asyncio.sleep(0.01)
        self.connected = False
        for future in [*self._published.values(), *self._subscribed.values()]:
            if not future.done():
                future.set_exception(MqttError("disconnected"))
        self._published.clear()
        self._subscribed.clear()

    def drop(self) -> None:
        """Vanish without DISCONNECT, as a phone losing its network does: the broker notices
        at the keepalive and publishes the will, if any."""
        sock = self._socket
        if sock is not None:
            self._socket_close(self._client, None, sock)
            sock.close()
        self._client._sock = None  # paho would otherwise write to the closed socket
        self.connected = False

    # --- the loop drives paho -------------------------------------------------------------

    def _hop(self, fn: Any, *args: Any) -> None:
        # Every paho callback already runs on the loop: no thread to hop from.
        fn(*args)

    async def _blocking(self, fn: Any, *args: Any) -> None:
        """paho's connect and reconnect block (DNS, TCP handshake, the CONNECT write): on
        the loop thread that is fine for this machine and would stall it for a remote
        broker, which gets a worker thread."""
        if self.host in ("127.0.0.1", "localhost", "::1"):
            fn(*args)
        else:
            await asyncio.to_thread(fn, *args)

    def _disconnected(self, reason: str) -> None:
        super()._disconnected(reason)
        was_up = (self._connected is not None and self._connected.done()
                  and not self._connected.cancelled() and self._connected.exception() is None)
        if self._reconnect and was_up and not self._leaving and self._reconnecting is None:
            self._reconnecting = spawn(self._come_back(), name="MQTT reconnect")

    async def _come_back(self) -> None:
        delay = 1.0
        try:
            while not self.connected and not self._leaving:
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
                try:
                    await self._blocking(self._client.reconnect)
                except (OSError, ValueError) as error:
                    self.last_error = str(error)
                    continue
                # Wait for the CONNACK (or the refusal) before trying again.
                for _ in range(100):
                    if self.connected or self._socket is None:
                        break
                    await asyncio.sleep(0.05)
        finally:
            self._reconnecting = None

    def _deliver(self, message: MqttMessage) -> None:
        if self._on_message_cb is None:
            super()._deliver(message)
            return
        try:
            self._on_message_cb(message)
        except Exception:  # the owner's bug must not break paho's read loop
            log.exception("handling an MQTT message on %s failed", message.topic)

    def _on_loop(self, fn: Any, *args: Any) -> None:
        """Run ``fn`` on the loop: now when called there, else soon (a remote broker's
        connect runs in a worker thread, and paho calls back from inside it)."""
        assert self._loop is not None
        if threading.get_ident() == self._loop_thread:
            fn(*args)
        else:
            self._loop.call_soon_threadsafe(fn, *args)

    def _socket_open(self, client: Any, userdata: Any, sock: Any) -> None:
        no_delay(sock)
        self._socket = sock
        self._on_loop(self._loop_add, "reader", sock, self._readable)

    def _loop_add(self, kind: str, sock: Any, callback: Any) -> None:
        assert self._loop is not None
        if sock.fileno() == -1:  # closed before the loop got to it
            return
        (self._loop.add_reader if kind == "reader" else self._loop.add_writer)(sock, callback)

    def _readable(self) -> None:
        if self._client.loop_read() not in (paho.MQTT_ERR_SUCCESS, paho.MQTT_ERR_AGAIN):
            self.connected = False

    def _socket_close(self, client: Any, userdata: Any, sock: Any) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.remove_reader(sock)
            self._loop.remove_writer(sock)
        self._socket = None

    def _register_write(self, client: Any, userdata: Any, sock: Any) -> None:
        self._on_loop(self._loop_add, "writer", sock, self._client.loop_write)

    def _unregister_write(self, client: Any, userdata: Any, sock: Any) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.remove_writer(sock)
