"""``bench im``: the IM server and a crowd of simulated app users on the managed Mosquitto.

Each measurement stands beside a raw baseline from the same run and the same broker: bare
paho clients on one thread (a selector, no asyncio) connected as the same users, with a bare
echo client in place of the IM server (``app.transport.baseline.raw_im``, in a process of its
own so that its memory is its own).

- connect: every user comes online as the spec says (keepalive 30, cleansession false,
  subscribing to nothing) — seconds and RSS growth;
- chat: users send ``order_chat`` at a steady rate; the round trip is publish → the server's
  ``sent`` back at the sender (the baseline: publish → the echo back at the sender). Also
  shown: publish → the forward arriving at the receiver;
- fan-out: one notification to every user (``notify_many``) — seconds until every phone has
  it (the baseline: the echo client publishes one message to each user's topic).

Targets (issue 4): 1,000 users connected in ≤ 2 s and ≤ 100 MB, chat p99 ≤ 20 ms, fan-out
≤ 300 ms.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import platform
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import heap
from app.broker.managed import ManagedBroker
from app.engine import Engine
from app.im.service import ImService
from app.tasks import spawn
from app.transport import baseline
from app.transport.mqtt import MqttClient
from app.transport.mqtt_loop import long_lived_client


@dataclass
class Result:
    users: int
    rate: float
    chats: int
    create_seconds: float = 0.0
    connect_seconds: float = 0.0
    connect_mb: float = 0.0
    refused: int = 0
    round_trips: list[float] = field(default_factory=list)
    forwards: list[float] = field(default_factory=list)
    lost: int = 0
    fanout_seconds: float = 0.0
    raw: dict[str, Any] = field(default_factory=dict)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] * 1000


async def _im_server(engine: Engine, broker: ManagedBroker) -> tuple[ImService, MqttClient]:
    """The IM server as serve wires it to the managed broker."""
    client = long_lived_client(broker.host, broker.port, username=broker.im_server.username,
                        password=broker.im_server.password, client_id="imserver")
    await client.connect(15)
    im = ImService(engine, client, secret="bench-secret", host=broker.host, port=broker.port,
                   online=broker.online, accounts=broker.put_im_users)
    await im.start()
    return im, client


async def _until(predicate: Any, within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not predicate():  # several sources of change: polled, bounded
        if time.monotonic() > deadline:
            raise RuntimeError(f"bench im: {what} did not happen within {within:g} s")
        await asyncio.sleep(0.005)


async def _run(users: int, rate: float, seconds: float, crowd_factory: Any) -> Result:
    result = Result(users, rate, int(rate * seconds))
    with tempfile.TemporaryDirectory(prefix="push-studio-bench-im-") as tmp:
        root = Path(tmp)
        broker = ManagedBroker(root / "broker")
        await broker.start()
        engine = Engine(root / "im.db").open()
        try:
            im, client = await _im_server(engine, broker)
            docs = [{"userID": f"b{i:04d}", "name": f"用户{i}",
                     "role": "expert" if i % 2 else "user"} for i in range(users)]
            started = time.perf_counter()
            await im.put_users(docs)
            result.create_seconds = time.perf_counter() - started
            accounts = [im.describe(u, secrets=True) for u in im.users.values()]
            await im.stop()
            await client.disconnect()

            # The baseline first, with the IM server away: its echo owns the server topic.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(1, mp_context=context) as pool:
                result.raw = await asyncio.get_running_loop().run_in_executor(
                    pool, baseline.raw_im, broker.host, broker.port,
                    (broker.im_server.username, broker.im_server.password),
                    [(a["userID"], a["authSign"]) for a in accounts], rate, result.chats)
            await _until(lambda: not broker.presence.clients.keys() & im.users.keys(), 10,
                         "the baseline's users leaving")

            im, client = await _im_server(engine, broker)
            crowd = await crowd_factory(broker.host, broker.port, seed=1).start()
            try:
                await _crowd(result, im, broker, crowd, accounts)
            finally:
                await crowd.stop()
                await im.stop()
                await client.disconnect()
        finally:
            engine.close()
            await broker.stop()
    return result


async def _crowd(result: Result, im: ImService, broker: ManagedBroker, crowd: Any,
                 accounts: list[dict[str, Any]]) -> None:
    before = baseline.rss_mb()
    started = time.perf_counter()
    for account in accounts:
        crowd.add(account)
    result.refused = len(await crowd.all_online())
    result.connect_seconds = time.perf_counter() - started
    result.connect_mb = baseline.rss_mb() - before
    heap.settle()  # as serve does after startup and after a crowd comes online
    # The server tells online from offline by the broker's log: wait until it has seen all,
    # or chats would be measured as offline pushes.
    await _until(lambda: len(broker.presence.clients.keys() & im.users.keys()) >= result.users,
                 30, "the broker reporting every user online")

    ids = list(crowd.users)
    sending = []
    started = time.monotonic()
    for k in range(result.chats):
        delay = started + k / result.rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        sender, peer = ids[k % len(ids)], ids[(k + 1) % len(ids)]
        sending.append((sender, spawn(crowd.chat(sender, peer), name="bench chat")))
    msgids = [(sender, await task) for sender, task in sending]
    chats = [crowd.users[s].chats[m] for s, m in msgids]
    with contextlib.suppress(TimeoutError):
        await crowd.wait_until(lambda: all(c.sent_at is not None for c in chats), 30)
    result.lost = sum(c.sent_at is None for c in chats)
    result.round_trips = [c.sent_at - c.at for c in chats if c.sent_at is not None]
    arrived = {s.msgid: s.at for u in crowd.users.values() for s in u.seen
               if s.type == "order_chat"}
    result.forwards = [arrived[c.msgid] - c.at for c in chats if c.msgid in arrived]

    everyone = list(im.users)
    started = time.perf_counter()
    await im.notify_many("feedback", everyone, {"content": "系统将于今晚 23:00 维护"})
    await crowd.wait_until(lambda: all(u.counts["notifications"] >= 1
                                       for u in crowd.users.values()), 30)
    result.fanout_seconds = time.perf_counter() - started


def run(users: int, rate: float, seconds: float, crowd_factory: Any) -> Result:
    return asyncio.run(_run(users, rate, seconds, crowd_factory))


def report(r: Result) -> str:
    raw = r.raw
    rt = raw.get("roundTrips", [])
    lines = [
        f"bench im — {time.strftime('%Y-%m-%d')}, {platform.node()}, "
        f"CPython {platform.python_version()}",
        f"{r.users:,} users; {r.chats:,} chats at {r.rate:g}/s; managed Mosquitto", "",
        "| measure | Push Studio | raw paho baseline | ratio | target |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| connect {r.users:,} users, s | {r.connect_seconds:.2f} | "
        f"{raw.get('connectSeconds', float('nan')):.2f} | "
        f"{r.connect_seconds / raw.get('connectSeconds', float('nan')):.1f} | ≤ 2 s |",
        f"| memory to connect them, MB (RSS growth) | {r.connect_mb:.0f} | "
        f"{raw.get('connectMB', float('nan')):.0f} | "
        f"{r.connect_mb / max(raw.get('connectMB', 1), 1):.1f} | ≤ 100 MB |",
        f"| chat round trip (publish → sent) p50, ms | {_pct(r.round_trips, 0.5):.1f} | "
        f"{_pct(rt, 0.5):.1f} | {_pct(r.round_trips, 0.5) / _pct(rt, 0.5):.1f} | |",
        f"| chat round trip p99, ms | {_pct(r.round_trips, 0.99):.1f} | {_pct(rt, 0.99):.1f} | "
        f"{_pct(r.round_trips, 0.99) / _pct(rt, 0.99):.1f} | ≤ 20 ms |",
        f"| chat publish → receiver p50 / p99, ms | {_pct(r.forwards, 0.5):.1f} / "
        f"{_pct(r.forwards, 0.99):.1f} | | | |",
        f"| fan-out to {r.users:,} users, ms | {r.fanout_seconds * 1000:.0f} | "
        f"{raw.get('fanoutSeconds', float('nan')) * 1000:.0f} | "
        f"{r.fanout_seconds / raw.get('fanoutSeconds', float('nan')):.1f} | ≤ 300 ms |",
        "",
        f"Creating and provisioning the {r.users:,} users (one batch): {r.create_seconds:.2f} s."
        f" Refused at connect: {r.refused}. Chats without a `sent`: {r.lost}.",
    ]
    if r.round_trips:
        lines.append(f"Round trips: median of {len(r.round_trips):,}, "
                     f"mean {statistics.fmean(r.round_trips) * 1000:.1f} ms.")
    return "\n".join(lines)
