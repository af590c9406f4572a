"""The local HTTP API of DESIGN.md ("The external contract"), as plain async handlers.

Every route but ``GET /api/health`` (and the OpenAPI description) needs
``Authorization: Bearer <token>``. Bad input changes nothing: 400 for a body that is not JSON
(with where it breaks), 413 for a body over 1 MB (the transport refuses it), 422 with the
validation findings, 401 without the token, 404 for what does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from app.api import token as tokens
from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Mode
from app.engine import Accepted, Engine
from app.routing.dataareas import DataAreaError
from app.routing.subscription import SubscriptionError
from app.transport.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from app.delivery.dispatcher import Dispatcher


class SimulatorHost(Protocol):
    """What the API needs of the simulated subscribers (simulator/ provides it)."""

    def describe(self) -> list[dict[str, Any]]: ...
    def create(self, doc: object) -> dict[str, Any]: ...
    def requests(self, name: str) -> list[dict[str, Any]] | None: ...


class Problem(Exception):
    """A refusal with its HTTP status and findings."""

    def __init__(self, status: int, message: str, hint: str | None = None, path: str = "",
                 errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.errors = errors or [{"path": path, "message": message,
                                  **({"hint": hint} if hint else {})}]


Handler = Callable[..., Awaitable[HttpResponse]]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: str
    summary: str
    public: bool = False


def _r(method: str, path: str, handler: str, summary: str, public: bool = False) -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path)
    return Route(method, re.compile(f"^{regex}$"), handler, summary, public)


ROUTES = (
    _r("GET", "/api/health", "health",
       "Is it up? (no token needed; with it, the broker, counts and who is connected)",
       public=True),
    _r("GET", "/api/openapi.json", "openapi", "This API, described (no token needed)",
       public=True),
    _r("GET", "/api/subscriptions", "list_subscriptions", "Every subscription, with health"),
    _r("POST", "/api/subscriptions", "create_subscription", "Create or replace a subscription"),
    _r("GET", "/api/subscriptions/{baseCode}", "get_subscription", "One subscription"),
    _r("PUT", "/api/subscriptions/{baseCode}", "put_subscription", "Create or replace one"),
    _r("DELETE", "/api/subscriptions/{baseCode}", "delete_subscription", "Delete one"),
    _r("POST", "/api/subscriptions/{baseCode}/enable", "enable", "Enable (again)"),
    _r("POST", "/api/subscriptions/{baseCode}/disable", "disable", "Disable"),
    _r("POST", "/api/subscriptions/{baseCode}/replay", "replay_subscription",
       "Replay its deliveries with a status (default failed) in a time window"),
    _r("POST", "/api/events", "post_event", "Accept an event {changeId, dataArea, data}"),
    _r("GET", "/api/events/{eventId}", "get_event", "One event with its deliveries"),
    _r("GET", "/api/orders/{serviceOrderId}/timeline", "timeline", "A work order's story"),
    _r("GET", "/api/deliveries", "list_deliveries", "Deliveries, newest first"),
    _r("GET", "/api/deliveries/{deliveryId}", "get_delivery", "One delivery and its attempts"),
    _r("POST", "/api/deliveries/{deliveryId}/replay", "replay_delivery", "Send it again"),
    _r("GET", "/api/data-areas", "list_areas", "The data-area catalogue"),
    _r("POST", "/api/data-areas", "put_area", "Add or rename a data area"),
    _r("DELETE", "/api/data-areas/{code}", "delete_area", "Remove a data area"),
    _r("GET", "/api/settings", "get_settings", "Engine settings"),
    _r("PUT", "/api/settings", "put_settings",
       "Change settings {allowUnsupported, validationMode}"),
    _r("GET", "/api/simulators", "list_simulators", "Simulated subscribers"),
    _r("POST", "/api/simulators", "create_simulator",
       "Create or reconfigure a simulated subscriber"),
    _r("GET", "/api/simulators/{name}/requests", "simulator_requests",
       "What a simulated subscriber received"),
    _r("POST", "/api/users", "not_yet", "IM users (arrive with the IM server)"),
    _r("GET", "/api/users", "not_yet", "IM users (arrive with the IM server)"),
    _r("GET", "/api/pushes", "not_yet", "Mobile pushes (arrive with the IM server)"),
)


class Api:
    def __init__(self, engine: Engine, token: str, *, dispatcher: Dispatcher | None = None,
                 simulators: SimulatorHost | None = None,
                 status: Callable[[], dict[str, Any]] | None = None,
                 mqtt_account: Callable[[str], dict[str, Any] | None] | None = None) -> None:
        self.engine, self.token = engine, token
        self.dispatcher, self.simulators = dispatcher, simulators
        self.status = status or (lambda: {})
        self.mqtt_account = mqtt_account or (lambda _code: None)

    async def handle(self, request: HttpRequest) -> HttpResponse:
        allowed = []
        for route in ROUTES:
            match = route.pattern.match(request.path)
            if not match:
                continue
            if route.method != request.method:
                allowed.append(route.method)
                continue
            if not route.public and not tokens.matches(request.headers.get("authorization"),
                                                       self.token):
                return _error(Problem(401, "missing or wrong bearer token",
                                      "send Authorization: Bearer <token>; the token is in the "
                                      "ready line of `serve` and in the data dir's api-token"))
            try:
                return await getattr(self, route.handler)(request, **match.groupdict())
            except Problem as problem:
                return _error(problem)
        if allowed:
            return _error(Problem(405, f"{request.method} is not allowed here",
                                  "allowed: " + ", ".join(sorted(set(allowed)))))
        return _error(Problem(404, f"no such endpoint: {request.path}",
                              "GET /api/openapi.json lists them"))

    # --- health and description -------------------------------------------------------

    async def health(self, request: HttpRequest) -> HttpResponse:
        """Up or not, for anyone; the details (paths, who is connected) only with the token."""
        if not tokens.matches(request.headers.get("authorization"), self.token):
            return HttpResponse.json({"status": "ok"})
        return HttpResponse.json({"status": "ok", **self.status()})

    async def openapi(self, request: HttpRequest) -> HttpResponse:
        paths: dict[str, dict[str, Any]] = {}
        for route in ROUTES:
            path = route.pattern.pattern.strip("^$")
            path = re.sub(r"\(\?P<(\w+)>\[\^/\]\+\)", r"{\1}", path)
            paths.setdefault(path, {})[route.method.lower()] = {
                "summary": route.summary, "operationId": f"{route.handler}_{route.method}",
                **({} if route.public else {"security": [{"bearer": []}]}),
                "responses": {"200": {"description": "OK"}}}
        return HttpResponse.json({
            "openapi": "3.1.0",
            "info": {"title": "Push Studio local API", "version": "1"},
            "components": {"securitySchemes": {"bearer": {"type": "http",
                                                          "scheme": "bearer"}}},
            "paths": paths})

    # --- subscriptions ----------------------------------------------------------------

    def _sub_json(self, sub: Any, reveal: bool = False) -> dict[str, Any]:
        out = sub.to_json(reveal_secret=reveal)
        if self.dispatcher is not None:
            out["health"] = self.dispatcher.health(sub.base_code)
        return out

    async def list_subscriptions(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse.json([self._sub_json(s) for s in self.engine.subscriptions()])

    async def create_subscription(self, request: HttpRequest) -> HttpResponse:
        return await self._save(_body(request), None)

    async def put_subscription(self, request: HttpRequest, baseCode: str) -> HttpResponse:
        return await self._save(_body(request), baseCode)

    async def _save(self, doc: object, base_code: str | None) -> HttpResponse:
        try:
            sub, created = await self.engine.put_subscription(doc, base_code=base_code)
        except SubscriptionError as error:
            raise Problem(422, "", errors=[f.to_json() for f in error.findings]) from None
        return HttpResponse.json(self._sub_json(sub), 201 if created else 200)

    async def get_subscription(self, request: HttpRequest, baseCode: str) -> HttpResponse:
        out = self._sub_json(self._sub(baseCode), reveal=True)
        out["mqtt"] = self.mqtt_account(baseCode)  # its own credentials for its own topic
        return HttpResponse.json(out)

    async def delete_subscription(self, request: HttpRequest, baseCode: str) -> HttpResponse:
        self._sub(baseCode)
        await self.engine.delete_subscription(baseCode)
        return HttpResponse(204)

    async def enable(self, request: HttpRequest, baseCode: str) -> HttpResponse:
        self._sub(baseCode)
        return HttpResponse.json(self._sub_json(await self.engine.set_enabled(baseCode, True)))

    async def disable(self, request: HttpRequest, baseCode: str) -> HttpResponse:
        self._sub(baseCode)
        sub = await self.engine.set_enabled(baseCode, False, "disabled by hand")
        return HttpResponse.json(self._sub_json(sub))

    async def replay_subscription(self, request: HttpRequest, baseCode: str) -> HttpResponse:
        self._sub(baseCode)
        doc = _body(request) if request.body.strip() else {}
        if not isinstance(doc, dict):
            raise Problem(422, "the body is an object {status, since}", path="")
        status = doc.get("status", "failed")
        since = doc.get("since")
        if status not in ("failed", "delivered", "cancelled"):
            raise Problem(422, f"status {status!r} cannot be replayed", path="status",
                          hint="failed (the default), delivered or cancelled")
        if since is not None and not isinstance(since, int | float):
            raise Problem(422, "since is unix seconds", path="since")
        rows = self._store().deliveries(base_code=baseCode, status=status, since=since,
                                        limit=100_000)
        count = await self._dispatcher().replay([r["id"] for r in rows])
        return HttpResponse.json({"replayed": count}, 202)

    def _sub(self, base_code: str) -> Any:
        sub = self.engine.index.get(base_code)
        if sub is None:
            raise Problem(404, f"no subscription {base_code!r}", path="baseCode")
        return sub

    # --- events, orders, deliveries ---------------------------------------------------

    async def post_event(self, request: HttpRequest) -> HttpResponse:
        mode = request.query.get("mode")
        if mode is not None and mode not in ("strict", "lenient"):
            raise Problem(422, f"mode {mode!r}", path="mode", hint="strict or lenient")
        result = await self.engine.submit(request.body, source="api",
                                          mode=Mode(mode) if mode else None)
        if isinstance(result, Accepted):
            return HttpResponse.json(result.to_json(), 202)
        status = {"not-json": 400, "store-error": 503}.get(result.reason, 422)
        return HttpResponse.json(result.to_json(), status)

    async def get_event(self, request: HttpRequest, eventId: str) -> HttpResponse:
        row = self.engine.event(_int(eventId, "eventId"))
        if row is None:
            raise Problem(404, f"no event {eventId}", path="eventId")
        return HttpResponse.json(row)

    async def timeline(self, request: HttpRequest, serviceOrderId: str) -> HttpResponse:
        story = self.engine.timeline(serviceOrderId)
        if story is None:
            raise Problem(404, f"no events for order {serviceOrderId!r}",
                          path="serviceOrderId")
        return HttpResponse.json(story.to_json())

    async def list_deliveries(self, request: HttpRequest) -> HttpResponse:
        q = request.query
        status = q.get("status")
        if status is not None and status not in ("pending", "delivered", "failed",
                                                  "cancelled"):
            raise Problem(422, f"status {status!r}", path="status",
                          hint="pending, delivered, failed or cancelled")
        limit = _int(q.get("limit", "100"), "limit")
        rows = self._store().deliveries(
            base_code=q.get("baseCode") or None, status=status,
            before_id=_int(q["beforeId"], "beforeId") if "beforeId" in q else None,
            limit=max(1, min(limit, 1000)))
        return HttpResponse.json(rows)

    async def get_delivery(self, request: HttpRequest, deliveryId: str) -> HttpResponse:
        delivery_id = _int(deliveryId, "deliveryId")
        row = self._store().delivery(delivery_id)
        if row is None:
            raise Problem(404, f"no delivery {deliveryId}", path="deliveryId")
        return HttpResponse.json({**row, "attempts": self._store().attempts(delivery_id)})

    async def replay_delivery(self, request: HttpRequest, deliveryId: str) -> HttpResponse:
        delivery_id = _int(deliveryId, "deliveryId")
        if self._store().delivery(delivery_id) is None:
            raise Problem(404, f"no delivery {deliveryId}", path="deliveryId")
        count = await self._dispatcher().replay([delivery_id])
        if not count:
            raise Problem(409, f"delivery {deliveryId} is already on its way",
                          path="deliveryId", hint="wait for its current attempts to end")
        return HttpResponse.json({"replayed": count}, 202)

    # --- data areas and settings ------------------------------------------------------

    async def list_areas(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse.json([a.to_json() for a in self.engine.data_areas.values()])

    async def put_area(self, request: HttpRequest) -> HttpResponse:
        try:
            area = await self.engine.put_data_area(_body(request))
        except DataAreaError as error:
            raise Problem(422, "", errors=[f.to_json() for f in error.findings]) from None
        return HttpResponse.json(area.to_json())

    async def delete_area(self, request: HttpRequest, code: str) -> HttpResponse:
        if not await self.engine.delete_data_area(code):
            raise Problem(404, f"no data area {code!r}", path="code")
        return HttpResponse(204)

    async def get_settings(self, request: HttpRequest) -> HttpResponse:
        s = self.engine.settings
        return HttpResponse.json({"allowUnsupported": s.allow_unsupported,
                                  "validationMode": str(s.validation_mode)})

    async def put_settings(self, request: HttpRequest) -> HttpResponse:
        doc = _body(request)
        if not isinstance(doc, dict):
            raise Problem(422, "settings are an object", hint='{"allowUnsupported": true}')
        unknown = set(doc) - {"allowUnsupported", "validationMode"}
        if unknown:
            raise Problem(422, f"unknown setting {sorted(unknown)[0]!r}",
                          path=sorted(unknown)[0], hint="allowUnsupported, validationMode")
        if "allowUnsupported" in doc and not isinstance(doc["allowUnsupported"], bool):
            raise Problem(422, "allowUnsupported is true or false", path="allowUnsupported")
        if "validationMode" in doc and doc["validationMode"] not in ("strict", "lenient"):
            raise Problem(422, "validationMode is strict or lenient", path="validationMode")
        if "allowUnsupported" in doc:
            await self.engine.set_allow_unsupported(doc["allowUnsupported"])
        if "validationMode" in doc:
            await self.engine.set_validation_mode(Mode(doc["validationMode"]))
        return await self.get_settings(request)

    # --- simulated subscribers --------------------------------------------------------

    async def list_simulators(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse.json(self._simulators().describe())

    async def create_simulator(self, request: HttpRequest) -> HttpResponse:
        try:
            return HttpResponse.json(self._simulators().create(_body(request)), 201)
        except ValueError as error:
            raise Problem(422, str(error), path=getattr(error, "path", "")) from None

    async def simulator_requests(self, request: HttpRequest, name: str) -> HttpResponse:
        seen = self._simulators().requests(name)
        if seen is None:
            raise Problem(404, f"no simulated subscriber {name!r}", path="name")
        return HttpResponse.json(seen)

    async def not_yet(self, request: HttpRequest) -> HttpResponse:
        raise Problem(501, "IM users and pushes arrive with the IM server",
                      "this Push Studio does not serve them yet")

    # --- plumbing ---------------------------------------------------------------------

    def _store(self) -> Any:
        assert self.engine.store is not None
        return self.engine.store

    def _dispatcher(self) -> Dispatcher:
        if self.dispatcher is None:
            raise Problem(503, "the callback service is not running")
        return self.dispatcher

    def _simulators(self) -> SimulatorHost:
        if self.simulators is None:
            raise Problem(503, "no simulated subscribers in this process")
        return self.simulators


def _body(request: HttpRequest) -> object:
    try:
        return loads(request.body, "the body")
    except JsonProblem as problem:
        raise Problem(400, str(problem), "send JSON with Content-Type: application/json") \
            from None


def _int(text: str, name: str) -> int:
    if not text.isdigit():
        raise Problem(422 if name in ("limit", "beforeId") else 404,
                      f"{name} {text!r} is not a number", path=name)
    return int(text)


def _error(problem: Problem) -> HttpResponse:
    return HttpResponse.json({"errors": problem.errors}, problem.status)
