"""Raw baselines for ``bench delivery`` and ``bench im``: the libraries alone, at the same
concurrency.

- HTTP: a bare aiohttp client posting to a bare aiohttp server, ``lanes`` × ``concurrency``
  requests in flight, like the callback service's lanes.
- MQ: a bare paho publisher at QoS 1 (each publish waited for, ``window`` in flight) to bare
  paho subscribers, like the MQ publisher.

Each returns (messages per second, latencies in seconds). ``raw_im`` is described where it
is defined.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time

import aiohttp
import paho.mqtt.client as paho
from aiohttp import web
from paho.mqtt.enums import CallbackAPIVersion


async def raw_http(requests: int, lanes: int, concurrency: int,
                   body: bytes) -> tuple[float, list[float]]:
    async def answer(_request: web.Request) -> web.Response:
        await _request.read()
        return web.json_response({"received": True})

    app = web.Application()
    app.router.add_post("/{name}", answer)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    latencies: list[float] = []
    per_lane = requests // lanes
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def worker(lane: int, count: int) -> None:
            for _ in range(count):
                started = time.perf_counter()
                async with session.post(f"http://127.0.0.1:{port}/s{lane}", data=body,
                                        headers={"Content-Type": "application/json"}) as r:
                    await r.read()
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker(lane, per_lane // concurrency)
                               for lane in range(lanes) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    await runner.cleanup()
    return len(latencies) / elapsed, latencies


def raw_mqtt(host: str, port: int, publisher: tuple[str, str],
             readers: list[tuple[str, str]], messages: int, body: bytes,
             window: int = 64) -> tuple[float, list[float]]:
    """Publish ``messages`` per reader topic round-robin; every reader must get its share."""
    sent_at: dict[bytes, float] = {}
    latencies: list[float] = []
    done = threading.Event()
    expected = messages
    lock = threading.Lock()

    def on_message(_c: object, _u: object, msg: paho.MQTTMessage) -> None:
        key = msg.payload[:12]
        with lock:
            latencies.append(time.perf_counter() - sent_at[key])
            if len(latencies) == expected:
                done.set()

    clients = []
    subscribed = threading.Semaphore(0)
    for username, password in readers:
        c = paho.Client(CallbackAPIVersion.VERSION2, client_id=f"raw-{username}")
        c.username_pw_set(username, password)
        c.on_message = on_message
        c.on_subscribe = lambda *_args: subscribed.release()
        c.connect(host, port)
        c.subscribe(f"wo/push/{username}/#", 1)
        c.loop_start()
        clients.append(c)
    pub = paho.Client(CallbackAPIVersion.VERSION2, client_id="raw-publisher")
    pub.username_pw_set(*publisher)
    pub.max_inflight_messages_set(window)
    acked = threading.Semaphore(window)
    pub.on_publish = lambda *_args: acked.release()
    pub.connect(host, port)
    pub.loop_start()
    for _ in readers:  # every subscription acknowledged before the clock starts
        if not subscribed.acquire(timeout=10):
            raise RuntimeError("raw MQTT baseline: a subscription was not acknowledged")
    started = time.perf_counter()
    for i in range(messages):
        acked.acquire()
        key = f"{i:012d}".encode()
        sent_at[key] = time.perf_counter()
        pub.publish(f"wo/push/{readers[i % len(readers)][0]}/fwwt", key + body, 1)
    finished = done.wait(120)
    elapsed = time.perf_counter() - started
    for c in [pub, *clients]:
        c.disconnect()
        c.loop_stop()
    if not finished:
        raise RuntimeError(f"raw MQTT baseline lost messages: {len(latencies)}/{messages}")
    return messages / elapsed, latencies


def raw_im(host: str, port: int, server: tuple[str, str], users: list[tuple[str, str]],
           rate: float, chats: int) -> dict[str, object]:
    """``bench im``'s baseline: bare paho clients on one thread (a selector, no asyncio),
    connected as the IM users, with a bare echo in place of the IM server.

    Meant to run in a process of its own, so that its memory is its own. Returns the time and
    memory (RSS growth, MB) to connect every user; the round trips of ``chats`` messages at
    ``rate`` per second from users to the server topic and echoed back to the sender's topic;
    and the seconds until every user got one message of a fan-out to all."""
    import selectors

    rss_before = rss_mb()
    selector = selectors.DefaultSelector()
    connected: list[str] = []
    echoes: dict[bytes, float] = {}
    fanned: set[str] = set()
    sent_at: dict[bytes, float] = {}

    def user_message(client: paho.Client, userdata: str, msg: paho.MQTTMessage) -> None:
        if msg.payload[:1] == b"E":
            echoes[msg.payload[:9]] = time.perf_counter()
        elif msg.payload[:1] == b"F":
            fanned.add(userdata)

    def make(username: str, password: str, client_id: str) -> paho.Client:
        c = paho.Client(CallbackAPIVersion.VERSION2, client_id=client_id, userdata=username,
                        clean_session=False, protocol=paho.MQTTv311)
        c.username_pw_set(username, password)
        c.on_connect = lambda *_a: connected.append(client_id)
        c.on_message = user_message
        c.max_inflight_messages_set(0)  # unlimited, like the IM server's 1000 window
        c.connect(host, port, 30)
        # As our clients do (app.transport.mqtt.no_delay): else this measures Nagle.
        c.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        selector.register(c.socket(), selectors.EVENT_READ, c)
        return c

    everyone: list[paho.Client] = []

    def pump(until: object, within: float = 60.0, due: float | None = None) -> None:
        deadline = time.perf_counter() + within
        while not until():  # type: ignore[operator]
            now = time.perf_counter()
            if now > deadline:
                raise RuntimeError("raw IM baseline: timed out")
            # What callbacks published (paho queues it while in a callback) goes out first.
            writing = False
            for c in everyone:
                if c.want_write():
                    c.loop_write()
                    writing = True
            wait = 0.0 if writing else 0.05 if due is None else max(0.0, min(0.05, due - now))
            for key, _ in selector.select(wait):
                key.data.loop_read()

    started = time.perf_counter()
    clients = [make(u, p, u) for u, p in users]
    everyone.extend(clients)
    pump(lambda: len(connected) >= len(users))
    connect_seconds = time.perf_counter() - started
    connect_mb = rss_mb() - rss_before

    echo = make(server[0], server[1], "raw-echo")
    everyone.append(echo)
    echo.on_message = lambda c, _u, msg: c.publish(
        "$sktalent/clients/" + msg.payload[10:].decode(), msg.payload, 1)
    subscribed: list[int] = []
    echo.on_subscribe = lambda *_a: subscribed.append(1)
    pump(lambda: "raw-echo" in connected)
    echo.subscribe("$sktalent/server/mqttserver", 1)
    pump(lambda: bool(subscribed))

    t0 = time.perf_counter()
    for k in range(chats):
        due = t0 + k / rate
        pump(lambda due=due: time.perf_counter() >= due, due=due)
        key = f"E{k:08d}".encode()
        sender = users[k % len(users)][0]
        sent_at[key] = time.perf_counter()
        clients[k % len(clients)].publish("$sktalent/server/mqttserver",
                                          key + b" " + sender.encode(), 1)
    pump(lambda: len(echoes) >= chats)
    round_trips = [echoes[k] - sent_at[k] for k in sent_at]

    started = time.perf_counter()
    for user, _ in users:
        echo.publish(f"$sktalent/clients/{user}", b"F", 1)
    pump(lambda: len(fanned) >= len(users))
    fanout_seconds = time.perf_counter() - started

    for c in everyone:
        c.disconnect()
    for c in everyone:  # let the DISCONNECTs out
        c.loop_write()
    return {"connectSeconds": connect_seconds, "connectMB": connect_mb,
            "roundTrips": round_trips, "fanoutSeconds": fanout_seconds}


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return 0.0
