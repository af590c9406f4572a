"""Load against a running instance: generated work orders started at a steady rate, each
order's events sent in their order, then a summary of what became of them — accepted and
refused events, deliveries by status and subscriber, and the latency from an event's
acceptance to each delivery's success (from the store, not guessed on our side)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from app.percentiles import percentiles
from simulator.api_client import PlatformClient
from simulator.workflow import WorkflowGenerator

#: Orders in flight at once: enough to keep the API busy without queueing thousands.
CONCURRENCY = 16

Progress = Callable[[int, int, int, int, float], None]


class LoadGenerator:
    def __init__(self, api: PlatformClient, *, orders: int, rate: float, seed: int = 0) -> None:
        self.api, self.orders, self.rate, self.seed = api, orders, rate, seed

    async def run(self, progress: Progress | None = None, settle: float = 30.0
                  ) -> dict[str, Any]:
        generator = WorkflowGenerator(self.seed)
        plans = [generator.order() for _ in range(self.orders)]
        accepted = refused = done = 0
        first_id = last_id = None
        post_ms: list[float] = []
        began = time.monotonic()
        slots = asyncio.Semaphore(CONCURRENCY)

        async def one(workflow: Any) -> None:
            nonlocal accepted, refused, done, first_id, last_id
            async with slots:
                for step in workflow.steps:
                    t0 = time.perf_counter()
                    status, answer = await self.api.exchange("POST", "/api/events",
                                                             step.envelope())
                    post_ms.append((time.perf_counter() - t0) * 1000)
                    if status == 202:
                        accepted += 1
                        event_id = answer["eventId"]
                        first_id = event_id if first_id is None else min(first_id, event_id)
                        last_id = event_id if last_id is None else max(last_id, event_id)
                    else:
                        refused += 1
                done += 1
                if progress is not None:
                    elapsed = max(1e-9, time.monotonic() - began)
                    progress(done, self.orders, accepted, refused, accepted / elapsed)

        async with asyncio.TaskGroup() as group:
            for i, workflow in enumerate(plans):
                if self.rate:  # start order i at i / rate seconds
                    delay = began + i / self.rate - time.monotonic()
                    if delay > 0:
                        await asyncio.sleep(delay)
                group.create_task(one(workflow))
        sent_seconds = time.monotonic() - began
        stats = await self._settle(first_id, last_id, settle)
        return {"orders": self.orders, "events": accepted + refused, "accepted": accepted,
                "refused": refused, "sendSeconds": round(sent_seconds, 2),
                "eventsPerSecond": round(accepted / max(sent_seconds, 1e-9), 1),
                "postLatencyMs": percentiles(post_ms),
                "eventIds": [first_id, last_id], **stats}

    async def _settle(self, first: int | None, last: int | None, within: float
                      ) -> dict[str, Any]:
        """Deliveries of the events sent, once none is pending (or ``within`` is up)."""
        if first is None or last is None:
            return {"deliveries": {}, "byBaseCode": {}, "latencyMs": {}, "settled": True}
        deadline = time.monotonic() + within
        while True:
            stats = await self.api.get("/api/deliveries/stats", fromEventId=first,
                                       toEventId=last)
            pending = stats["deliveries"].get("pending", 0)
            if not pending or time.monotonic() >= deadline:
                return {"deliveries": stats["deliveries"], "byBaseCode": stats["byBaseCode"],
                        "latencyMs": stats["latencyMs"], "settled": not pending}
            await asyncio.sleep(0.5)

    @staticmethod
    def describe(s: dict[str, Any]) -> str:
        lat, post = s["latencyMs"], s["postLatencyMs"]
        lines = [f"{s['orders']} orders · {s['accepted']} events accepted · {s['refused']} "
                 f"refused · {s['eventsPerSecond']} events/s over {s['sendSeconds']} s",
                 "deliveries: " + (", ".join(f"{n} {k}" for k, n in
                                             sorted(s["deliveries"].items())) or "none (no "
                                   "subscription matched)")
                 + ("" if s["settled"] else "  (still pending when --settle ran out)")]
        for code, counts in sorted(s["byBaseCode"].items()):
            lines.append(f"  {code}: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
        if lat.get("count"):
            lines.append(f"accepted → delivered: p50 {lat['p50']} ms · p90 {lat['p90']} ms · "
                         f"p99 {lat['p99']} ms · max {lat['max']} ms")
        if post.get("count"):
            lines.append(f"POST /api/events: p50 {post['p50']} ms · p99 {post['p99']} ms")
        return "\n".join(lines)
