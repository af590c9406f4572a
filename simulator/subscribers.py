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
from collections.abc import Callable
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
        await self.wait_until(lambda: len(sub.received) + sub.forgotten >= count, within)
        return list(sub.received)

    async def wait_until(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        """Until ``predicate()`` holds, checked as each request arrives (TimeoutError after
        ``within`` seconds)."""
        async with asyncio.timeout(within), self._arrived:
            await self._arrived.wait_for(predicate)

    # --- the API's JSON face (app.api.routes.SimulatorHost) -------------------------------

    def describe(self) -> list[dict]:
        return [_describe(s) for s in self.subscribers.values()]

    def create(self, doc: object) -> dict:
        """Create, or reconfigure keeping what it received, from the API's JSON."""
        if not isinstance(doc, dict):
            raise SimulatorInputError("", 'a simulated subscriber is an object {"name": ...}')
        name = doc.get("name")
        if (not isinstance(name, str) or not 1 <= len(name) <= 64
                or not name.replace("-", "").replace("_", "").isalnum() or not name.isascii()):
            raise SimulatorInputError("name", "name is 1–64 letters, digits, '-' or '_' (it "
                                              "becomes the last part of its URL)")
        secret = doc.get("secret")
        if secret is not None and not isinstance(secret, str):
            raise SimulatorInputError("secret", "secret is the subscription's whsec_ secret")
        behaviour = _behaviour(doc)
        existing = self.subscribers.get(name)
        if existing is not None:
            existing.behaviour, existing.secret, existing._answered = behaviour, secret, 0
            return _describe(existing)
        return _describe(self.add(name, behaviour, secret))

    def requests(self, name: str) -> list[dict] | None:
        sub = self.subscribers.get(name)
        if sub is None:
            return None
        return [{"at": r.at, "headers": r.headers, "body": r.body.decode("utf-8", "replace"),
                 "signature": r.signature, "answered": r.answered} for r in sub.received]

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


class SimulatorInputError(ValueError):
    """Bad input for a simulated subscriber; ``path`` names the field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


def _behaviour(doc: dict) -> Behaviour:
    def number(key: str, low: float, high: float, default: float) -> float:
        value = doc.get(key, default)
        if not isinstance(value, int | float) or isinstance(value, bool) \
                or not low <= value <= high:
            raise SimulatorInputError(key, f"{key} must be a number from {low:g} to {high:g}")
        return float(value)

    def status(value: object, key: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 100 <= value <= 599:
            raise SimulatorInputError(key, f"{key} must be an HTTP status, 100–599")
        return value

    statuses = doc.get("statuses", [])
    if not isinstance(statuses, list):
        raise SimulatorInputError("statuses", "statuses is a list, e.g. [500, 500, 200]")
    hang = doc.get("hang", False)
    if not isinstance(hang, bool):
        raise SimulatorInputError("hang", "hang is true or false")
    retry_after = doc.get("retryAfter")
    if retry_after is not None and not isinstance(retry_after, str | int):
        raise SimulatorInputError("retryAfter", "retryAfter is seconds or an HTTP date")
    return Behaviour(latency=number("latency", 0, 600, 0),
                     statuses=[status(s, f"statuses[{i}]") for i, s in enumerate(statuses)],
                     status=status(doc.get("status", 200), "status"),
                     failure_rate=number("failureRate", 0, 1, 0), hang=hang,
                     retry_after=None if retry_after is None else str(retry_after))


def _describe(sub: SimulatedSubscriber) -> dict:
    b = sub.behaviour
    return {"name": sub.name, "url": sub.url, "received": len(sub.received) + sub.forgotten,
            "forgotten": sub.forgotten, "signed": bool(sub.secret),
            "behaviour": {"latency": b.latency, "statuses": b.statuses, "status": b.status,
                          "failureRate": b.failure_rate, "hang": b.hang,
                          "retryAfter": b.retry_after}}
