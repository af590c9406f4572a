"""``python main.py bench ui``: the window under load, and a million-row history.

- window: the real window with its real Live feed on an event bus that carries RATE
  deliveries a second (default 2,000) for SECONDS (default 60): per event, the EventAccepted,
  and per subscriber an MqPublished and a DeliveryAttempted with real bodies and headers —
  what the bus carries when the platform delivers at that rate. Reported: the longest
  event-loop stall and its p99 (a 5 ms heartbeat's lateness) and peak memory (VmHWM).
  Baseline, same run: the same heartbeat on the same loop with the window open and nothing
  moving. This is the window's own cost: the platform in one Python process on two cores
  does not deliver 2,000 a second (docs/benchmarks.md, bench delivery), so a real-delivery
  leg could not measure the window at the rate the target names.
- platform: the real platform hosted in the window (managed Mosquitto, callback service,
  ten simulated subscribers in the same process), events offered at the same pace for
  PLATFORM_SECONDS: the delivery rate it reaches in the window and the stalls meanwhile.
- history: a database with HISTORY_ROWS callback attempts; the time from switching Live to
  History to the last row painted. Baseline, same run: the count and the last page read
  straight from the store, with no window.

Targets (issue 5): stall ≤ 50 ms, memory ≤ 500 MB, history open ≤ 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform as host
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import heap, json_codec
from app.catalog.samples import sample
from app.live_history import PAGE
from app.tasks import spawn

SUBSCRIBERS = 10
HEARTBEAT = 0.005
PLATFORM_SECONDS = 15


@dataclass
class Stalls:
    late: list[float] = field(default_factory=list)

    def row(self, name: str) -> str:
        late = sorted(self.late) or [0.0]
        p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
        return (f"| {name} | {max(late) * 1000:.1f} | {p99 * 1000:.1f} | "
                f"{statistics.median(late) * 1000:.2f} |")


async def heartbeat(stalls: Stalls, stop: asyncio.Event) -> None:
    """How late a 5 ms sleep wakes up: what every other slot on the loop waited at most."""
    while not stop.is_set():
        due = time.perf_counter() + HEARTBEAT
        await asyncio.sleep(HEARTBEAT)
        stalls.late.append(max(0.0, time.perf_counter() - due))


def peak_rss_mb() -> float:
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(args: argparse.Namespace, simulators: Callable[[], Any]) -> int:
    from ui.app import unattended_loop

    loop = unattended_loop()
    rate = args.rate or 2000
    seconds = args.seconds or 60
    with contextlib.closing(loop), tempfile.TemporaryDirectory(prefix="push-studio-bench-") as d:
        root = Path(d)
        history = loop.run_until_complete(open_history(root, args.history_rows))
        window = loop.run_until_complete(window_load(root, rate, seconds))
        load = loop.run_until_complete(under_load(root, rate, min(seconds, PLATFORM_SECONDS),
                                                  simulators))
    print(report(rate, seconds, window, load, history, args.history_rows))
    return 0


# --- the window at the target rate ---------------------------------------------------------


def _window(root: Path, feed: Any) -> Any:
    from PySide6.QtCore import QSettings

    from ui import i18n
    from ui.main_window import MainWindow

    window = MainWindow(feed, settings=QSettings(str(root / "bench.ini"),
                                                 QSettings.Format.IniFormat),
                        translations=i18n.Translations())
    window.resize(1600, 1000)
    window.show()
    window.show_panel("flow")  # the busiest panel to draw: it animates every message
    return window


async def window_load(root: Path, rate: float, seconds: float) -> dict[str, Any]:
    from app.bus import EventBus
    from app.delivery.body import callback_body
    from app.delivery.signing import sign
    from app.events import DeliveryAttempted, EventAccepted, MqPublished
    from app.live import LiveFeed

    bus = EventBus()
    feed = LiveFeed(bus)
    window = _window(root, feed)
    heap.settle()  # as the app does once the platform is up: startup's objects live on
    codes = tuple(f"S{i}" for i in range(SUBSCRIBERS))
    secret = "whsec_" + "a" * 32
    try:
        idle = await _beat_while(asyncio.sleep(3))

        async def publish() -> int:
            tick, owed, event_id, delivery_id = 0.01, 0.0, 0, 0
            started = next_at = time.perf_counter()
            while time.perf_counter() - started < seconds:
                owed += rate / SUBSCRIBERS * tick
                n = int(owed)
                owed -= n
                for _ in range(n):
                    event_id += 1
                    order = f"UI{event_id:08d}"
                    data = json_codec.dumps(sample("4", serviceOrderId=order))
                    bus.publish(EventAccepted(
                        event_id=event_id, change_id="4", data_area="fwwt",
                        service_order_id=order, source="bench",
                        first_delivery_id=delivery_id + 1, base_codes=codes, data_json=data))
                    for code in codes:
                        delivery_id += 1
                        body = callback_body(base_code=code, data_area="fwwt", change_id="4",
                                             data_json=data, encoding="string",
                                             send_base_code=False)
                        bus.publish(MqPublished(delivery_id=delivery_id, base_code=code,
                                                topic=f"wo/push/{code}/fwwt", change_id="4",
                                                body=body))
                        msg = f"msg_bench_{delivery_id}"
                        bus.publish(DeliveryAttempted(
                            delivery_id=delivery_id, event_id=event_id, base_code=code,
                            attempt=1, verdict="delivered", status_code=200, latency_ms=3.0,
                            error=None, webhook_id=msg, url=f"http://127.0.0.1:1/{code}",
                            request_headers={"Content-Type": "application/json",
                                             **sign(secret, msg, body)},
                            body=body, response_head="ok"))
                next_at += tick
                await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
            return delivery_id

        box: dict[str, int] = {}

        async def run_publish() -> None:
            box["deliveries"] = await publish()

        busy = await _beat_while(run_publish())
        window.live.flush()
        return {"idle": idle, "busy": busy, "deliveries": box["deliveries"],
                "rows": window.live.model.rowCount() + window.live.model.dropped,
                "dropped": window.live.model.dropped, "rss": peak_rss_mb()}
    finally:
        window.close()
        feed.close()


async def _beat_while(work: Any) -> Stalls:
    stalls = Stalls()
    stop = asyncio.Event()
    beat = spawn(heartbeat(stalls, stop))
    try:
        await work
    finally:
        stop.set()
        await beat
    return stalls


# --- the platform in the window -------------------------------------------------------------


async def under_load(root: Path, rate: float, seconds: float,
                     simulators: Callable[[], Any]) -> dict[str, Any]:
    from app.bus import EventBus
    from app.live import LiveFeed
    from ui.app import start_platform

    bus = EventBus()
    feed = LiveFeed(bus)
    window = _window(root, feed)
    args = argparse.Namespace(db_path=root / "load.db", data_dir=str(root / "load"),
                              mqtt_port=0)
    platform = await start_platform(args, window, bus, simulators)
    assert platform is not None and platform.sims is not None
    try:
        for i in range(SUBSCRIBERS):
            sim = platform.sims.add(f"s{i}")
            await platform.engine.put_subscription({
                "baseCode": f"S{i}", "dataAreas": ["fwwt"], "changeIds": ["4"],
                "callbackUrl": sim.url, "concurrency": 4})
        idle = await _beat_while(asyncio.sleep(3))
        before = feed.counts["delivered"] + feed.counts["failed"]
        started = time.perf_counter()
        box: dict[str, int] = {}

        async def offer() -> None:
            box["sent"] = await produce(platform.engine, rate / SUBSCRIBERS, seconds)

        busy = await _beat_while(offer())
        sent = box["sent"]
        produced_for = time.perf_counter() - started
        done = feed.counts["delivered"] + feed.counts["failed"] - before
        return {"idle": idle, "busy": busy, "events": sent, "deliveries": done,
                "rate": done / produced_for, "rows": window.live.model.rowCount()
                + window.live.model.dropped, "dropped": window.live.model.dropped,
                "rss": peak_rss_mb(), "backlog": feed.pending()}
    finally:
        window.detach()
        window.close()
        await platform.stop()


async def produce(engine: Any, events_per_second: float, seconds: float) -> int:
    """Accept events at a steady pace (a batch every 50 ms, submitted concurrently as API
    requests would be); returns how many."""
    tick = 0.05
    per_tick = events_per_second * tick
    owed, sent = 0.0, 0
    started = time.perf_counter()
    next_at = started
    while time.perf_counter() - started < seconds:
        owed += per_tick
        n = int(owed)
        owed -= n
        bodies = [json_codec.dumps({"changeId": "4", "dataArea": "fwwt", "data": sample(
            "4", serviceOrderId=f"UI{sent + i:08d}")}) for i in range(n)]
        await asyncio.gather(*(engine.submit(b, source="bench") for b in bodies))
        sent += n
        next_at += tick
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
    return sent


# --- history ------------------------------------------------------------------------------


async def open_history(root: Path, rows: int) -> dict[str, float]:
    from app.bus import EventBus
    from app.live import LiveFeed
    from app.platform import Options, Platform
    from ui.live_panel import LivePanel

    platform = Platform(Options(db_path=root / "history.db", data_dir=str(root)))
    engine = platform.engine.open()
    try:
        await engine.put_subscription({"baseCode": "H", "dataAreas": ["fwwt"],
                                       "changeIds": ["4"]})
        accepted = await engine.submit(json_codec.dumps({
            "changeId": "4", "dataArea": "fwwt", "data": sample("4")}))
        delivery_id = accepted.deliveries[0].delivery_id
        filled = time.perf_counter()
        batch = 50_000
        for start in range(0, rows, batch):
            attempts = [({"delivery_id": delivery_id, "attempt": start + i + 1,
                          "started_at": time.time(), "latency_ms": 3.0, "status_code": 503,
                          "response_body": "busy", "error": None, "verdict": "retry"},
                         "pending", None) for i in range(min(batch, rows - start))]
            await engine.writer.call(lambda s, a=attempts: s.record_attempts(a))
        filled = time.perf_counter() - filled
        store = engine.store

        raw = time.perf_counter()
        count = store.history_count("callback")
        store.history_page("callback", max(0, count - PAGE), PAGE)
        raw = time.perf_counter() - raw

        panel = LivePanel(LiveFeed(EventBus()))
        panel.resize(1400, 900)
        panel.show()
        panel.attach(platform)
        panel.history_kind.setCurrentIndex(panel.history_kind.findData("callback"))
        await asyncio.sleep(0.2)  # the panel is laid out and shown before the clock starts
        opened = time.perf_counter()
        panel.history_toggle.setChecked(True)  # count, model, and Follow scrolls to the end
        panel.table.scrollToBottom()
        panel.table.viewport().repaint()  # paint now: the rows shown are read here
        opened = time.perf_counter() - opened
        last = panel.table.model().index(panel.table.model().rowCount() - 1, 0)
        assert panel.table.model().rowCount() == rows
        assert last.data() is not None
        queries = panel.history.history.queries if panel.history else -1
        panel.history_toggle.setChecked(False)  # stop reading before the file closes
        panel.close()
        return {"open": opened, "raw": raw, "fill": filled, "queries": queries}
    finally:
        engine.close()


def report(rate: float, seconds: float, window: dict[str, Any], load: dict[str, Any],
           history: dict[str, float], rows: int) -> str:
    lines = [
        f"`python main.py bench ui` — {host.processor() or host.machine()}, "
        f"{os.cpu_count()} CPUs, Python {host.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}",
        "",
        f"Window: {rate:,.0f} deliveries/s on the bus for {seconds:.0f} s "
        f"({window['deliveries']:,} deliveries, each an MQ publish and a callback attempt)",
        "",
        "| loop | longest stall ms | p99 ms | median ms |",
        "| --- | ---: | ---: | ---: |",
        window["busy"].row("window at the target rate"),
        window["idle"].row("same window, nothing moving (baseline)"),
        "",
        f"- rows that reached the Live table: {window['rows']:,} "
        f"(of which {window['dropped']:,} left its in-memory window for History)",
        f"- peak memory (VmHWM) after this leg: {window['rss']:,.0f} MB",
        "",
        f"Platform in the window: {rate:,.0f} deliveries/s offered for "
        f"{min(seconds, PLATFORM_SECONDS):.0f} s ({load['events']:,} events × "
        f"{SUBSCRIBERS} subscribers)",
        "",
        "| loop | longest stall ms | p99 ms | median ms |",
        "| --- | ---: | ---: | ---: |",
        load["busy"].row("window + platform delivering"),
        load["idle"].row("same window, nothing moving (baseline)"),
        "",
        f"- deliveries finished while loading: {load['deliveries']:,} "
        f"({load['rate']:,.0f}/s); still pending at the end: {load['backlog']:,}",
        f"- rows that reached the Live table: {load['rows']:,} "
        f"(of which {load['dropped']:,} left its in-memory window for History)",
        f"- peak memory (VmHWM) after this leg: {load['rss']:,.0f} MB",
        "",
        f"History: {rows:,} callback attempts (written in {history['fill']:.1f} s)",
        "",
        "| open and scroll to the end | ms |",
        "| --- | ---: |",
        f"| Live → History, last row painted | {history['open'] * 1000:.1f} |",
        f"| raw: count + last page from the store | {history['raw'] * 1000:.1f} |",
        "",
        f"- pages read: {history['queries']}",
    ]
    return "\n".join(lines)
