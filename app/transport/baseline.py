"""Raw baselines for ``bench delivery``: the libraries alone, at the same concurrency.

- HTTP: a bare aiohttp client posting to a bare aiohttp server, ``lanes`` × ``concurrency``
  requests in flight, like the callback service's lanes.
- MQ: a bare paho publisher at QoS 1 (each publish waited for, ``window`` in flight) to bare
  paho subscribers, like the MQ publisher.

Each returns (messages per second, latencies in seconds).
"""

from __future__ import annotations

import asyncio
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
