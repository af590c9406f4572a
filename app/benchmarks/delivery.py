"""``bench delivery``: deliveries per second and latency from accept to receipt.

Two channels, each beside a raw baseline measured in the same run:
- HTTP callbacks: 10 subscribers with callback URLs on simulated receivers, concurrency 4
  each, the real engine and callback service (signing off, as a receiver-side cost would
  muddy the comparison), against a bare aiohttp client → server loop at the same concurrency;
- MQ topics: 10 MQ-only subscriptions on the managed Mosquitto, each read by its integrator's
  client, against a bare paho publisher → subscribers at QoS 1.

Events are accepted 100 at a time (as concurrent API requests are: group commit), each to all
10 subscribers. Latency is from the moment an event's acceptance returned to the moment its
receiver got it. Every delivery must arrive: loss fails the benchmark.
"""

from __future__ import annotations

import asyncio
import contextlib
import platform
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app import json_codec
from app.broker.managed import ManagedBroker, find_mosquitto
from app.catalog.samples import sample
from app.delivery.body import callback_body
from app.delivery.dispatcher import Dispatcher
from app.delivery.mq import MqPublisher
from app.engine import Accepted, Engine
from app.tasks import spawn
from app.transport import baseline
from app.transport.http import HttpClient
from app.transport.mqtt import MqttClient

SUBSCRIBERS = 10
CONCURRENCY = 4


@dataclass
class Leg:
    name: str
    rate: float
    latencies: list[float]
    lost: int = 0

    def row(self) -> str:
        lat = sorted(self.latencies)
        p50 = statistics.median(lat) * 1000 if lat else float("nan")
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000 if lat else float("nan")
        return f"| {self.name} | {self.rate:,.0f} | {p50:.1f} | {p99:.1f} | {self.lost} |"


def _events(n: int) -> list[bytes]:
    return [json_codec.dumps({"changeId": "4", "dataArea": "fwwt", "data": json_codec.dumps(
        sample("4", serviceOrderId=f"B{i:08d}"))}).encode() for i in range(n)]


async def _accept(engine: Engine, bodies: list[bytes]) -> dict[str, float]:
    """Accept all, 100 at a time; when each order's event was accepted."""
    accepted: dict[str, float] = {}
    for start in range(0, len(bodies), 100):
        results = await asyncio.gather(*(engine.submit(b) for b in bodies[start:start + 100]))
        now = time.time()
        for result in results:
            assert isinstance(result, Accepted), result
            accepted[result.envelope.data["serviceOrderId"]] = now
    return accepted


async def callbacks(root: Path, events: int, simulators: object) -> Leg:
    engine = Engine(root / "callbacks.db").open()
    http = HttpClient()
    await http.start()
    host = await simulators().start()  # type: ignore[operator]
    dispatcher = Dispatcher(engine, http, instance=engine.instance_id)
    await dispatcher.start()
    try:
        for i in range(SUBSCRIBERS):
            sim = host.add(f"S{i}")
            await engine.put_subscription({"baseCode": f"S{i}", "dataAreas": ["fwwt"],
                                           "changeIds": ["4"], "callbackUrl": sim.url,
                                           "concurrency": CONCURRENCY})
        started = time.time()
        accepted = await _accept(engine, _events(events))
        total = events * SUBSCRIBERS
        with contextlib.suppress(TimeoutError):  # what is missing is reported as lost
            await host.wait_until(lambda: sum(len(s.received) for s in
                                              host.subscribers.values()) >= total, 300)
        received = [r for s in host.subscribers.values() for r in s.received]
        last = max(r.at for r in received)
        latencies = [r.at - accepted[json_codec.loads(json_codec.loads(r.body)["data"])[
            "serviceOrderId"]] for r in received]
        return Leg("callbacks: engine + callback service", len(received) / (last - started),
                   latencies, total - len({(r.headers["webhook-id"]) for r in received}))
    finally:
        await dispatcher.stop()
        await host.stop()
        await http.close()
        engine.close()


async def mq(root: Path, events: int) -> tuple[Leg, Leg]:
    broker = ManagedBroker(root / "broker-data")
    codes = [f"S{i}" for i in range(SUBSCRIBERS)]
    broker.set_subscribers(codes)
    await broker.start()
    engine = Engine(root / "mq.db").open()
    service = MqttClient(broker.host, broker.port, username=broker.service.username,
                         password=broker.service.password)
    await service.connect(10)
    publisher = MqPublisher(engine, service)
    readers, got = [], []
    try:
        for code in codes:
            await engine.put_subscription({"baseCode": code, "dataAreas": ["fwwt"],
                                           "changeIds": ["4"]})
            account = broker.subscriber_account(code)
            reader = MqttClient(broker.host, broker.port, username=account.username,
                                password=account.password, inbox=1_000_000)
            await reader.connect(10)
            await reader.subscribe(f"wo/push/{code}/#")
            readers.append(reader)
        await publisher.start()
        total = events * SUBSCRIBERS

        async def drain(reader: MqttClient) -> None:
            while True:
                message = await reader.messages.get()
                got.append((time.time(), message.payload))

        drains = [spawn(drain(r), name="bench reader") for r in readers]
        started = time.time()
        accepted = await _accept(engine, _events(events))
        deadline = time.monotonic() + 300
        while len(got) < total and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        for d in drains:
            d.cancel()
        last = max(at for at, _ in got)
        latencies = [at - accepted[json_codec.loads(json_codec.loads(p)["data"])[
            "serviceOrderId"]] for at, p in got]
        ours = Leg("MQ: engine + MQ publisher", len(got) / (last - started), latencies,
                   total - len(got))
        body = callback_body(base_code="S0", data_area="fwwt", change_id="4",
                             data_json=json_codec.dumps(sample("4")))
        service_account = (broker.service.username, broker.service.password)
        raw_rate, raw_lat = await asyncio.to_thread(
            baseline.raw_mqtt, broker.host, broker.port, service_account,
            [(a.username, a.password) for a in map(broker.subscriber_account, codes)],
            total, body)
        return ours, Leg("raw paho publisher → subscribers, QoS 1", raw_rate, raw_lat)
    finally:
        await publisher.stop()
        for reader in readers:
            await reader.disconnect()
        await service.disconnect()
        engine.close()
        await broker.stop()


async def _run(events: int, simulators: object) -> list[Leg]:
    with tempfile.TemporaryDirectory(prefix="push-studio-bench-") as tmp:
        root = Path(tmp)
        legs = [await callbacks(root, events, simulators)]
        body = callback_body(base_code="S0", data_area="fwwt", change_id="4",
                             data_json=json_codec.dumps(sample("4")))
        rate, lat = await baseline.raw_http(events * SUBSCRIBERS, SUBSCRIBERS, CONCURRENCY,
                                            body)
        legs.append(Leg("raw aiohttp client → server, same concurrency", rate, lat))
        if find_mosquitto() is not None:
            legs.extend(await mq(root, events))
        return legs


def run(events: int, simulators: object) -> list[Leg]:
    return asyncio.run(_run(events, simulators))


def report(legs: list[Leg], events: int) -> str:
    lines = [f"bench delivery — {time.strftime('%Y-%m-%d')}, {platform.node()}, "
             f"CPython {platform.python_version()}",
             f"{events:,} events × {SUBSCRIBERS} subscribers = {events * SUBSCRIBERS:,} "
             f"deliveries per channel; concurrency {CONCURRENCY} per subscriber", "",
             "| path | deliveries/s | p50 ms | p99 ms | lost |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [leg.row() for leg in legs]
    cb, raw_http = legs[0], legs[1]
    lines.append("")
    lines.append(f"callbacks / raw HTTP: {cb.rate / raw_http.rate:.2f} (target >= 0.40)")
    if len(legs) == 4:
        lines.append(f"MQ / raw paho: {legs[2].rate / legs[3].rate:.2f} (target >= 0.50)")
    return "\n".join(lines)
