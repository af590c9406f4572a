"""``bench core``: accepted events per second through the engine, beside a raw baseline.

Input is what the API receives: each event as the bytes of its JSON body, ``data`` inside it
as a JSON string (the spec's table; our default encoding), so decoding both is measured.

Workload (seeded, so runs compare): 1,000 subscriptions over 50 data areas — a third-party
system subscribes its own template categories, so 80% name one area, 15% two, 4% three and
1% every area ("*"); each subscribes a random 3 to 9 of the nine supported changeIds — and a
stream of events cycling through the changeIds over the 50 areas, each a strict-valid body
with its own order id. That fans each event out to about 20 subscribers.

Per round, alternating so drift on a shared machine hits both alike:
- raw: the rows the engine would write, prepared beforehand, ``executemany``'d in the same
  batches into a fresh file with the same schema and pragmas;
- engine: validate (lenient, the API's default), match, serialise, durable batched write and
  the bus events, via Engine.prepare + Engine.accept, with up to two batches in flight — what
  the writer's group commit does when requests arrive concurrently: the next batch is
  validated while SQLite writes the last one.
Reported: the median of the rounds for each, and their ratio.
"""

from __future__ import annotations

import asyncio
import platform
import random
import statistics
import tempfile
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import json_codec
from app.catalog.envelope import read_envelope
from app.catalog.samples import sample
from app.engine import Engine, Prepared
from app.routing.subscription import Subscription
from app.store import baseline
from app.tasks import spawn

#: Batches in flight: one being written while the next is validated.
DEPTH = 2
CHANGE_IDS = ("1", "5", "2", "3", "4", "6", "7", "9", "10")


@dataclass
class Workload:
    subscriptions: list[dict[str, Any]]
    #: Request bodies as they arrive: bytes, data inside as a JSON string.
    events: list[bytes]
    areas: list[str]


def workload(n_events: int, n_subs: int = 1000, n_areas: int = 50, seed: int = 7) -> Workload:
    rng = random.Random(seed)
    areas = [f"area{i:02d}" for i in range(n_areas)]
    subs = []
    for i in range(n_subs):
        roll = rng.random()
        width = 1 if roll < 0.80 else 2 if roll < 0.95 else 3 if roll < 0.99 else 0
        scope = rng.sample(areas, width) if width else ["*"]
        subs.append({"baseCode": f"SUB{i:04d}", "name": f"subscriber {i}",
                     "dataAreas": scope,
                     "changeIds": rng.sample(CHANGE_IDS, rng.randint(3, 9)),
                     "callbackUrl": f"http://127.0.0.1:9/sub{i}"})
    bodies = {c: sample(c) for c in CHANGE_IDS}
    events = []
    for i in range(n_events):
        change_id = CHANGE_IDS[i % len(CHANGE_IDS)]
        data = dict(bodies[change_id], serviceOrderId=f"45035997{i // 9:08d}")
        events.append(json_codec.dumps({
            "changeId": change_id, "dataArea": areas[rng.randrange(n_areas)],
            "data": json_codec.dumps(data)}).encode())
    return Workload(subs, events, areas)


@dataclass
class Result:
    events: int
    deliveries: int
    batch: int
    engine_rates: list[float]
    raw_rates: list[float]
    validate_rate: float
    match_rate: float

    @property
    def engine(self) -> float:
        return statistics.median(self.engine_rates)

    @property
    def raw(self) -> float:
        return statistics.median(self.raw_rates)

    @property
    def ratio(self) -> float:
        return self.engine / self.raw


def _engine(path: Path, work: Workload) -> Engine:
    engine = Engine(path).open()
    known = engine.catalog.workorder.type_ids
    for doc in work.subscriptions:
        engine.index.put(Subscription.from_json(doc, known))
    for area in work.areas:
        engine.data_areas[area] = engine.data_areas.get(area) or _area(area)
    return engine


def _area(code: str):
    from app.routing.dataareas import DataArea
    return DataArea(code, code)


async def _engine_round(path: Path, work: Workload, batch: int) -> tuple[float, int]:
    engine = _engine(path, work)
    in_flight: deque[asyncio.Task] = deque()
    deliveries = 0

    async def settle() -> None:
        nonlocal deliveries
        for accepted in await in_flight.popleft():
            deliveries += len(accepted.base_codes)  # .deliveries would build every ref

    try:
        start = time.perf_counter()
        for i in range(0, len(work.events), batch):
            prepared = [engine.prepare(json_codec.loads(body), source="bench")
                        for body in work.events[i:i + batch]]
            ok = [p for p in prepared if isinstance(p, Prepared)]
            if len(ok) != len(prepared):
                raise RuntimeError("the benchmark's events must all be accepted")
            in_flight.append(spawn(engine.accept(ok)))
            # Let the task hand its batch to the writer now, so the writer works on it
            # while this loop validates the next batch (a task runs only when we yield).
            await asyncio.sleep(0)
            if len(in_flight) >= DEPTH:
                await settle()
        while in_flight:
            await settle()
        elapsed = time.perf_counter() - start
    finally:
        engine.close()
    return len(work.events) / elapsed, deliveries


def _raw_rows(path: Path, work: Workload, batch: int) -> list[baseline.Rows]:
    engine = _engine(path, work)
    try:
        rows = [p.row for p in (engine.prepare(json_codec.loads(b), source="bench")
                                for b in work.events)
                if isinstance(p, Prepared)]
    finally:
        engine.close()
    return baseline.prepare_rows([rows[i:i + batch] for i in range(0, len(rows), batch)])


def _components(path: Path, work: Workload) -> tuple[float, float]:
    engine = _engine(path, work)
    try:
        catalog = engine.catalog
        sample_events = [json_codec.loads(b) for b in work.events[:5000]]
        start = time.perf_counter()
        for body in sample_events:
            read_envelope(body, catalog, engine.settings.validation_mode)
        validate = len(sample_events) / (time.perf_counter() - start)
        start = time.perf_counter()
        for body in sample_events:
            engine.index.match(body["dataArea"], body["changeId"])
        match = len(sample_events) / (time.perf_counter() - start)
    finally:
        engine.close()
    return validate, match


def run(n_events: int = 20000, rounds: int = 5, batch: int = 2000,
        progress=print) -> Result:
    work = workload(n_events)
    engine_rates, raw_rates = [], []
    deliveries = 0
    with tempfile.TemporaryDirectory(prefix="push-studio-bench-") as tmp:
        root = Path(tmp)
        rows = _raw_rows(root / "rows.db", work, batch)
        validate, match = _components(root / "parts.db", work)
        for r in range(rounds):
            started = time.perf_counter()
            baseline.insert_rows(root / f"raw{r}.db", rows)
            raw_rates.append(n_events / (time.perf_counter() - started))
            rate, deliveries = asyncio.run(_engine_round(root / f"engine{r}.db", work, batch))
            engine_rates.append(rate)
            progress(f"round {r + 1}/{rounds}: engine {rate:,.0f} events/s, "
                     f"raw {raw_rates[-1]:,.0f} events/s")
    return Result(n_events, deliveries, batch, engine_rates, raw_rates, validate, match)


def report(result: Result) -> str:
    per_event = result.deliveries / result.events
    lines = [
        f"bench core — {time.strftime('%Y-%m-%d')}, {platform.node()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}",
        f"{result.events:,} events x {len(result.engine_rates)} rounds, batches of "
        f"{result.batch}, 1,000 subscriptions over 50 data areas, "
        f"{per_event:.1f} deliveries per event; durable (WAL, synchronous=FULL)",
        "",
        "| path | median events/s | rounds |",
        "| --- | ---: | --- |",
        f"| engine: decode + validate + match + durable write | {result.engine:,.0f} | "
        + ", ".join(f"{r:,.0f}" for r in result.engine_rates) + " |",
        f"| raw SQLite executemany, same rows | {result.raw:,.0f} | "
        + ", ".join(f"{r:,.0f}" for r in result.raw_rates) + " |",
        "",
        f"ratio engine / raw: {result.ratio:.2f} (target >= 0.5); "
        f"engine target >= 10,000 events/s: {'met' if result.engine >= 10000 else 'NOT met'}",
        f"components alone: validation (of decoded bodies) {result.validate_rate:,.0f} "
        "events/s, "
        f"matching {result.match_rate:,.0f} events/s",
    ]
    return "\n".join(lines)
