"""Simulated subscriber systems: callback receivers hosted on 127.0.0.1.

Each stands in for a third-party system at ``<host>/sim/<name>``. It records every request
(headers, body, signature verdict, arrival time) and answers as told — latency, a sequence of
statuses such as 500, 500, 200, a failure rate, 410 Gone, or no answer at all — so a tester
can watch retries, back-off and recovery. A real integrator's URL works the same way in a
subscription; these are for when there is none yet.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import deque
from dataclasses import dataclass, field

from app.delivery.signing import verdict
from app.transport.http import HttpRequest, HttpResponse, HttpServer

#: Requests remembered per subscriber; older ones are dropped and counted.
KEEP = 10_000


@dataclass
class Behaviour:
    """How a simulated subscriber answers."""

    #: Seconds before answering.
    latency: float = 0.0
    #: Statuses to answer, one per request, in order; then ``status`` for the rest.
    statuses: list[int] = field(default_factory=list)
    status: int = 200
    #: Chance (0–1) of answering 500 instead of the planned status.
    failure_rate: float = 0.0
    #: Never answer: the caller's timeout decides.
    hang: bool = False
    #: Sent with 429 and 503 answers when set.
    retry_after: str | None = None


@dataclass(frozen=True, slots=True)
class Received:
    at: float
    headers: dict[str, str]
    body: bytes
    signature: str
    answered: int | None


@dataclass
class SimulatedSubscriber:
    name: str
    url: str
    behaviour: Behaviour
    secret: str | None = None
    received: deque[Received] = field(default_factory=lambda: deque(maxlen=KEEP))
    #: Requests forgotten because more than KEEP arrived.
    forgotten: int = 0
    _answered: int = 0


class SubscriberHost:
    """One HTTP server for any number of simulated subscribers."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, seed: int | None = None) -> None:
        self.server = HttpServer(self._handle, host, port)
        self.subscribers: dict[str, SimulatedSubscriber] = {}
        self._rng = random.Random(seed)
        self._arrived = asyncio.Condition()
        self._stopping = asyncio.Event()

    async def start(self) -> SubscriberHost:
        await self.server.start()
        return self

    async def stop(self) -> None:
        self._stopping.set()
        await self.server.stop()

    def add(self, name: str, behaviour: Behaviour | None = None,
            secret: str | None = None) -> SimulatedSubscriber:
        sub = SimulatedSubscriber(name, f"{self.server.url}/sim/{name}",
                                  behaviour or Behaviour(), secret)
        self.subscribers[name] = sub
        return sub

    async def wait_for(self, name: str, count: int, within: float = 10.0) -> list[Received]:
        """Until ``name`` has received ``count`` requests (TimeoutError after ``within`` s)."""
        sub = self.subscribers[name]
        async with asyncio.timeout(within), self._arrived:
            await self._arrived.wait_for(lambda: len(sub.received) + sub.forgotten >= count)
        return list(sub.received)

    async def _handle(self, request: HttpRequest) -> HttpResponse:
        name = request.path.removeprefix("/sim/")
        sub = self.subscribers.get(name) if request.path.startswith("/sim/") else None
        if sub is None:
            return HttpResponse.json({"error": f"no simulated subscriber at {request.path}"},
                                     404)
        plan = sub.behaviour
        status = plan.statuses[sub._answered] if sub._answered < len(plan.statuses) \
            else plan.status
        sub._answered += 1
        if plan.failure_rate and self._rng.random() < plan.failure_rate:
            status = 500
        answered: int | None = None if plan.hang else status
        if len(sub.received) == KEEP:
            sub.forgotten += 1
        sub.received.append(Received(time.time(), dict(request.headers), request.body,
                                     verdict(sub.secret, dict(request.headers), request.body),
                                     answered))
        async with self._arrived:
            self._arrived.notify_all()
        if plan.hang:
            await self._stopping.wait()
            return HttpResponse(503)
        if plan.latency:
            await asyncio.sleep(plan.latency)
        response = HttpResponse.json({"received": True} if status < 300 else
                                     {"error": f"simulated {status}"}, status)
        if plan.retry_after and status in (429, 503):
            response.headers["Retry-After"] = plan.retry_after
        return response
