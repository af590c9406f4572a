"""The callback service: every pending delivery goes out as a signed HTTP POST, at least once.

Each subscriber has a lane: its own queue and its own workers (the subscription's
``concurrency``, default 4), so a slow or failing subscriber never delays another. A delivery
is done only when the subscriber answered 2xx and that answer is durable in the store; until
then it is ``pending`` there, and a restart sends it again — with the same ``webhook-id``, so a
receiver can tell the duplicate. Every attempt is logged and announced on the bus.

Jobs come from two places: EventAccepted (the data travels with it, nothing is re-read) and,
at start, the store's outbox scanned from its low-water mark. The bus is heard *before* the
scan, and a set of known delivery ids keeps a delivery accepted meanwhile from going out
twice.

A subscription with ``ordering: "per-order"`` gets one order's deliveries one at a time:
each waits in its order's chain until the one before it is delivered or has failed for good
(a retrying delivery holds up its own order, not the others). Without an order id, or with
the default ``"none"``, deliveries go out as soon as a worker is free.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.delivery.body import callback_body
from app.delivery.retry import Verdict, decide
from app.delivery.signing import sign, webhook_id
from app.events import (
    DeliveriesReplayed,
    DeliveryAttempted,
    EventAccepted,
    SubscriptionRemoved,
    SubscriptionSaved,
)
from app.routing.subscription import Subscription, redact_url
from app.tasks import cancel, spawn
from app.transport.http import HttpClient, HttpResult

if TYPE_CHECKING:
    from app.engine import Engine

log = logging.getLogger(__name__)

#: A job whose attempt could not be recorded (the store refused) is tried again after this.
STORE_TROUBLE_DELAY = 5.0

_STATUS = {Verdict.DELIVERED: "delivered", Verdict.RETRY: "pending",
           Verdict.FAILED: "failed", Verdict.GONE: "failed"}


@dataclass(slots=True)
class Job:
    """One delivery in memory: enough to build its callback without reading the store."""

    delivery_id: int
    event_id: int
    base_code: str
    change_id: str
    data_area: str
    data_json: str
    attempts: int = 0
    #: The work order (serviceOrderId), for per-order ordering.
    order: str | None = None
    #: When it is due next (unix seconds).
    due: float = 0.0

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Job:
        return cls(row["id"], row["event_id"], row["base_code"], row["change_id"],
                   row["data_area"], row["data_json"], row.get("attempts") or 0,
                   row.get("service_order_id"))


@dataclass
class Health:
    """A subscriber's recent record, for the status views and auto-disable."""

    consecutive_failures: int = 0
    exhausted_in_a_row: int = 0
    delivered: int = 0
    failed_attempts: int = 0
    last_status: int | None = None
    last_error: str | None = None
    last_attempt_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"consecutiveFailures": self.consecutive_failures,
                "exhaustedInARow": self.exhausted_in_a_row, "delivered": self.delivered,
                "failedAttempts": self.failed_attempts, "lastStatus": self.last_status,
                "lastError": self.last_error, "lastAttemptAt": self.last_attempt_at}


@dataclass
class Lane:
    base_code: str
    queue: asyncio.Queue[Job] = field(default_factory=asyncio.Queue)
    workers: list[asyncio.Task[None]] = field(default_factory=list)
    #: Jobs held while the subscription is disabled.
    parked: list[Job] = field(default_factory=list)
    #: Jobs waiting for a retry: delivery id → (its timer, the job).
    timers: dict[int, tuple[asyncio.TimerHandle, Job]] = field(default_factory=dict)
    in_flight: int = 0
    health: Health = field(default_factory=Health)
    #: per-order: each order's deliveries, oldest first; the first is the one under way
    #: (queued, in flight, waiting for a retry or parked), the others wait for it.
    chains: dict[str, deque[Job]] = field(default_factory=dict)

    def held(self) -> int:
        return sum(len(chain) - 1 for chain in self.chains.values())


class Dispatcher:
    def __init__(self, engine: Engine, http: HttpClient, *, instance: str,
                 clock: Callable[[], float] = time.time,
                 rng: random.Random | None = None) -> None:
        self.engine, self.http, self.instance = engine, http, instance
        self.clock, self.rng = clock, rng or random.Random()
        self.lanes: dict[str, Lane] = {}
        #: Delivery ids queued, waiting for a retry, parked or in flight.
        self.known: set[int] = set()
        self._unsubscribe: list[Callable[[], None]] = []
        # Attempt results waiting to be written, and the future their workers await: every
        # attempt that ends while one write is under way shares the next one.
        self._results: list[tuple[dict[str, Any], str, float | None]] = []
        self._written: asyncio.Future[None] | None = None

    # --- life cycle -----------------------------------------------------------------------

    async def start(self) -> int:
        """Hear new events, then take over every pending delivery in the store; returns how
        many were recovered."""
        bus = self.engine.bus
        self._unsubscribe = [bus.subscribe(EventAccepted, self._on_accepted),
                             bus.subscribe(SubscriptionSaved, self._on_saved),
                             bus.subscribe(SubscriptionRemoved, self._on_removed)]
        return await self._recover()

    async def stop(self) -> None:
        for stop in self._unsubscribe:
            stop()
        self._unsubscribe = []
        for lane in self.lanes.values():
            for timer, _ in lane.timers.values():
                timer.cancel()
        await cancel(w for lane in self.lanes.values() for w in lane.workers)
        self.lanes.clear()
        self.known.clear()

    async def _recover(self) -> int:
        store = self.engine.store
        assert store is not None
        mark = store.outbox_low_water()
        recovered, next_id = 0, mark
        now = self.clock()
        while True:
            rows = store.pending_deliveries(next_id, 5000)
            if not rows:
                break
            for row in rows:
                if row["id"] in self.known:
                    continue
                self._schedule(Job.from_row(row), max(row["next_attempt_at"] or now, now))
                recovered += 1
            next_id = rows[-1]["id"] + 1
        assert self.engine.writer is not None
        await self.engine.writer.call(lambda s: s.set_outbox_low_water(mark))
        if recovered:
            log.info("recovered %d pending deliveries", recovered)
        return recovered

    # --- what the bus says ----------------------------------------------------------------

    def _on_accepted(self, event: EventAccepted) -> None:
        now = self.clock()
        for ref in event.deliveries:
            if ref.delivery_id not in self.known:
                self._schedule(Job(ref.delivery_id, event.event_id, ref.base_code,
                                   event.change_id, event.data_area, event.data_json,
                                   order=event.service_order_id), now)

    def _on_saved(self, event: SubscriptionSaved) -> None:
        sub = self.engine.index.get(event.base_code)
        if sub is None or not sub.enabled:
            return
        lane = self.lanes.get(event.base_code)
        if lane is not None:
            parked, lane.parked = lane.parked, []
            for job in parked:
                lane.queue.put_nowait(job)
            if not sub.callback_url:  # no callback left to wait for: settle them now
                for timer, job in lane.timers.values():
                    timer.cancel()
                    lane.queue.put_nowait(job)
                lane.timers.clear()
            if sub.ordering != "per-order" and lane.chains:  # no longer ordered: let go
                chains, lane.chains = lane.chains, {}
                for chain in chains.values():
                    for job in list(chain)[1:]:
                        self._schedule(job, job.due)
            self._staff(lane, sub)
        # Its pending deliveries that no lane holds (let go while it had no callback URL, or
        # whose MQ publish completed them meanwhile): look again, now that it changed.
        self._rescan(sub.base_code)

    def _rescan(self, base_code: str) -> None:
        store = self.engine.store
        assert store is not None
        next_id, now = store.outbox_low_water(), self.clock()
        while rows := store.pending_deliveries(next_id, 5000, base_code):
            for row in rows:
                if row["id"] not in self.known:
                    self._schedule(Job.from_row(row), max(row["next_attempt_at"] or now, now))
            next_id = rows[-1]["id"] + 1

    def _on_removed(self, event: SubscriptionRemoved) -> None:
        lane = self.lanes.get(event.base_code)
        if lane is not None:
            parked, lane.parked = lane.parked, []
            for job in parked:
                spawn(self._cancel(job, "the subscription was deleted"), name="cancel")

    # --- scheduling -----------------------------------------------------------------------

    def _lane(self, base_code: str) -> Lane:
        lane = self.lanes.get(base_code)
        if lane is None:
            lane = self.lanes[base_code] = Lane(base_code)
        sub = self.engine.index.get(base_code)
        self._staff(lane, sub)
        return lane

    def _staff(self, lane: Lane, sub: Subscription | None) -> None:
        """As many workers as the subscription's concurrency (at least one to drain)."""
        wanted = sub.concurrency if sub is not None else 1
        lane.workers = [w for w in lane.workers if not w.done()]
        while len(lane.workers) < wanted:
            lane.workers.append(spawn(self._work(lane), name=f"lane {lane.base_code}"))

    def _schedule(self, job: Job, at: float) -> None:
        self.known.add(job.delivery_id)
        lane = self._lane(job.base_code)
        job.due = at
        if job.order is not None:
            sub = self.engine.index.get(job.base_code)
            chain = lane.chains.get(job.order)
            if chain is not None and chain[0] is not job:
                chain.append(job)  # its order has one under way: wait for it
                return
            if chain is None and sub is not None and sub.ordering == "per-order":
                lane.chains[job.order] = deque([job])
        delay = at - self.clock()
        if delay <= 0:
            lane.queue.put_nowait(job)
            return

        def due() -> None:
            lane.timers.pop(job.delivery_id, None)
            lane.queue.put_nowait(job)

        lane.timers[job.delivery_id] = (asyncio.get_running_loop().call_later(delay, due), job)

    async def _work(self, lane: Lane) -> None:
        while True:
            job = await lane.queue.get()
            lane.in_flight += 1
            try:
                await self._attempt(lane, job)
            except Exception:
                # Most likely the store refused to record the attempt: the delivery is still
                # pending there, so keep it and try again shortly.
                log.exception("delivery %d to %s: attempt not recorded; trying again",
                              job.delivery_id, job.base_code)
                self._schedule(job, self.clock() + STORE_TROUBLE_DELAY)
            finally:
                lane.in_flight -= 1

    # --- one attempt ----------------------------------------------------------------------

    async def _attempt(self, lane: Lane, job: Job) -> None:
        sub = self.engine.index.get(job.base_code)
        if sub is None:
            await self._cancel(job, "the subscription was deleted")
            return
        if not sub.enabled:
            lane.parked.append(job)
            return
        if not sub.callback_url:
            # MQ-only: the MQ publisher owns this delivery. If it was published while the
            # subscription still had a callback URL, nothing else will complete it: do so.
            self._finished(lane, job)
            row = self.engine.store.delivery(job.delivery_id)  # type: ignore[union-attr]
            if row is not None and row["mq_published_at"]:
                published = row["mq_published_at"]
                await self.engine.writer.call(  # type: ignore[union-attr]
                    lambda s: s.mark_published([(job.delivery_id, published, True)]))
            return
        msg_id = webhook_id(self.instance, job.delivery_id)
        body = callback_body(base_code=sub.base_code, data_area=job.data_area,
                             change_id=job.change_id, data_json=job.data_json,
                             encoding=sub.data_encoding, send_base_code=sub.send_base_code)
        headers = {"Content-Type": "application/json", "webhook-id": msg_id}
        if sub.secret:
            headers.update(sign(sub.secret, msg_id, body))
        started = self.clock()
        result = await self.http.post(sub.callback_url, body, headers, sub.timeout)
        number = job.attempts + 1
        decision = decide(attempt=number, schedule=sub.retry_schedule, now=self.clock(),
                          status=result.status, error=result.error,
                          retry_after=_header(result, "retry-after"), rng=self.rng)
        record = {"delivery_id": job.delivery_id, "attempt": number, "started_at": started,
                  "latency_ms": result.latency_ms, "status_code": result.status,
                  "response_body": result.body_head.decode("utf-8", "replace"),
                  "error": result.error, "verdict": str(decision.verdict)}
        await self._record(record, _STATUS[decision.verdict], decision.at)
        job.attempts = number
        self._note(lane.health, result, decision.verdict, started)
        self.engine.bus.publish(DeliveryAttempted(
            delivery_id=job.delivery_id, event_id=job.event_id, base_code=job.base_code,
            attempt=number, verdict=str(decision.verdict), status_code=result.status,
            latency_ms=result.latency_ms, error=result.error, webhook_id=msg_id,
            next_at=decision.at, url=str(redact_url(sub.callback_url)), request_headers=headers,
            body=body, response_head=record["response_body"]))
        if decision.verdict is Verdict.RETRY:
            self._schedule(job, decision.at)  # type: ignore[arg-type]
            return
        self._finished(lane, job)
        reason = None
        if decision.verdict is Verdict.GONE:
            reason = f"disabled: {sub.callback_url} answered 410 Gone"
        elif (decision.verdict is Verdict.FAILED and sub.auto_disable_after
              and lane.health.exhausted_in_a_row >= sub.auto_disable_after):
            reason = (f"disabled after {lane.health.exhausted_in_a_row} deliveries in a row "
                      f"exhausted their retries (last: {decision.reason})")
        if reason is not None:
            try:
                await self.engine.set_enabled(sub.base_code, False, reason)
            except Exception:  # the delivery is finished either way: never send it again
                log.exception("could not disable %s (%s)", sub.base_code, reason)

    async def _cancel(self, job: Job, why: str) -> None:
        record = {"delivery_id": job.delivery_id, "attempt": job.attempts,
                  "started_at": self.clock(), "latency_ms": None, "status_code": None,
                  "response_body": None, "error": why, "verdict": "cancelled"}
        await self._record(record, "cancelled", None)
        self._finished(self.lanes.get(job.base_code), job)

    def _finished(self, lane: Lane | None, job: Job) -> None:
        """The delivery is done with (delivered, failed for good, cancelled, or left to the
        MQ publisher): forget it, and start the next of its order."""
        self.known.discard(job.delivery_id)
        if lane is None or job.order is None:
            return
        chain = lane.chains.get(job.order)
        if chain is None or chain[0] is not job:
            return
        chain.popleft()
        if not chain:
            del lane.chains[job.order]
            return
        following = chain[0]
        self._schedule(following, max(following.due, self.clock()))

    async def _record(self, record: dict[str, Any], status: str, next_at: float | None) -> None:
        """Durably record an attempt's result; returns once it is committed. Results that
        arrive together are written together (one writer call, one executemany)."""
        self._results.append((record, status, next_at))
        if self._written is None:
            self._written = asyncio.get_running_loop().create_future()
            spawn(self._write_results(self._written), name="record attempts")
        await asyncio.shield(self._written)

    async def _write_results(self, written: asyncio.Future[None]) -> None:
        await asyncio.sleep(0)  # one turn of the loop: let the other workers' results join
        batch, self._results, self._written = self._results, [], None
        try:
            await self.engine.writer.call(  # type: ignore[union-attr]
                lambda s: s.record_attempts(batch))
        except Exception as error:
            written.set_exception(error)
        else:
            written.set_result(None)

    def _note(self, health: Health, result: HttpResult, verdict: Verdict, at: float) -> None:
        health.last_status, health.last_error, health.last_attempt_at = (
            result.status, result.error, at)
        if verdict is Verdict.DELIVERED:
            health.delivered += 1
            health.consecutive_failures = health.exhausted_in_a_row = 0
            return
        health.failed_attempts += 1
        health.consecutive_failures += 1
        if verdict in (Verdict.FAILED, Verdict.GONE):
            health.exhausted_in_a_row += 1

    # --- for views and the API ------------------------------------------------------------

    def health(self, base_code: str) -> dict[str, Any]:
        lane = self.lanes.get(base_code)
        out = (lane.health if lane else Health()).to_json()
        out.update(queued=lane.queue.qsize() if lane else 0,
                   waiting=len(lane.timers) if lane else 0,
                   parked=len(lane.parked) if lane else 0,
                   heldForOrder=lane.held() if lane else 0,
                   inFlight=lane.in_flight if lane else 0)
        return out

    async def replay(self, delivery_ids: list[int]) -> int:
        """Send deliveries again from attempt 1, whatever their status; returns how many."""
        ids = [d for d in delivery_ids if d not in self.known]
        if not ids:
            return 0
        assert self.engine.writer is not None and self.engine.store is not None
        await self.engine.writer.call(lambda s: s.requeue(ids))
        self.engine.bus.publish(DeliveriesReplayed(delivery_ids=tuple(ids)))
        store = self.engine.store
        now = self.clock()
        count = 0
        for delivery_id in ids:
            for row in store.pending_deliveries(delivery_id, 1):
                if row["id"] == delivery_id:
                    job = Job.from_row(row)
                    job.attempts = 0
                    self._schedule(job, now)
                    count += 1
        return count


def _header(result: HttpResult, name: str) -> str | None:
    for key, value in result.headers.items():
        if key.lower() == name:
            return value
    return None
