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

from app import heap
from app.api import token as tokens
from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Mode
from app.engine import Accepted, Engine
from app.routing.dataareas import DataAreaError
from app.routing.subscription import SubscriptionError
from app.routing.topics import is_org_key
from app.transport.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from app.delivery.dispatcher import Dispatcher
    from app.im.service import ImService
    from app.wecom.service import KfService


class SimulatorHost(Protocol):
    """What the API needs of the simulated subscribers (simulator/ provides it)."""

    def describe(self) -> list[dict[str, Any]]: ...
    def create(self, doc: object) -> dict[str, Any]: ...
    def requests(self, name: str) -> list[dict[str, Any]] | None: ...


class AppUserHost(Protocol):
    """What the API needs of the simulated app users (simulator/ provides it)."""

    def describe(self) -> list[dict[str, Any]]: ...
    async def create(self, doc: object) -> list[dict[str, Any]]: ...
    def messages(self, user_id: str) -> list[dict[str, Any]] | None: ...
    async def act(self, user_id: str, action: str, doc: object) -> dict[str, Any]: ...


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
    #: The Authorization schemes that may carry the token (app.api.token).
    schemes: tuple[str, ...] = ("Bearer",)


def _r(method: str, path: str, handler: str, summary: str, public: bool = False,
       schemes: tuple[str, ...] = ("Bearer",)) -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path)
    return Route(method, re.compile(f"^{regex}$"), handler, summary, public, schemes)


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
    _r("GET", "/api/events/{eventId}/explain", "explain_event",
       "Why the event does or does not reach each subscription (?baseCode=), by today's "
       "subscriptions"),
    _r("POST", "/api/explain", "explain_body",
       "Why an event body {changeId, dataArea, data} would or would not reach each "
       "subscription (?baseCode=); nothing is stored"),
    _r("POST", "/api/org/pushes", "post_org_push",
       "Accept an organisation data-change push {body, created_at, org_id, operator, type}: "
       "routed to the subscriptions whose orgTypes and orgIds match, on MQ topic "
       "org/push/<baseCode>/<org_id> and by callback"),
    _r("POST", "/api/org/explain", "explain_org_push",
       "Why an organisation push would or would not reach each subscription (?baseCode=); "
       "nothing is stored"),
    _r("GET", "/api/orders/{serviceOrderId}/timeline", "timeline", "A work order's story"),
    _r("GET", "/api/deliveries", "list_deliveries", "Deliveries, newest first"),
    _r("GET", "/api/deliveries/stats", "delivery_stats",
       "What became of the deliveries of events fromEventId…toEventId (&baseCode=&changeId=): "
       "counts by status and latency percentiles"),
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
    _r("GET", "/api/simulated-users", "list_app_users",
       "Simulated app users (phones on MQTT): state, habits, counts"),
    _r("POST", "/api/simulated-users", "create_app_users",
       "Create IM users and bring their simulated phones online {count, prefix, role, "
       "platform, encoding, onChatPage, chatEvery, offlineEvery, offlineFor}"),
    _r("GET", "/api/simulated-users/{userID}/messages", "app_user_messages",
       "What a simulated phone received"),
    _r("POST", "/api/simulated-users/{userID}/{action}", "app_user_act",
       "online | offline {drop} | chat {to, o_id, content} | habits {onChatPage, …}"),
    _r("POST", "/api/users", "put_user",
       "Create or change an IM user (or a list of them, all or nothing); the reply holds "
       "its authSign and how to connect"),
    _r("GET", "/api/users", "list_users", "IM users, with who is online"),
    _r("GET", "/api/users/{userID}", "get_user", "One IM user, with its authSign"),
    _r("DELETE", "/api/users/{userID}", "delete_user", "Delete an IM user"),
    _r("POST", "/api/users/{userID}/rotate", "rotate_user",
       "A new authSign for the user; the old one stops working"),
    _r("POST", "/api/im/notifications", "notify",
       "Send a notification {type: order|note|feedback|expert, to, payload}; "
       "to may list userIDs"),
    _r("GET", "/api/im/messages", "im_messages",
       "The IM server's message log, newest first (?userID=&status=&limit=)"),
    _r("GET", "/api/im/proto", "im_proto", "The .proto of the 1001 records (text)"),
    _r("GET", "/api/pushes", "list_pushes", "Mobile pushes recorded for offline users"),
    _r("POST", "/api/wecom/messages", "post_wecom_messages",
       "Take in WeCom sync messages (?mode=): one msg_list item, a list, or a sync_msg "
       "response; all or nothing, duplicates by msgid kept out and listed (docs/wecom.md)"),
    _r("GET", "/api/wecom/messages", "list_wecom_messages",
       "WeCom messages, newest first (?externalUserId=&openKfid=&beforeId=&limit=)"),
    _r("GET", "/api/wecom/messages/{msgid}", "get_wecom_message",
       "One WeCom message, with the work order opened from it"),
    _r("POST", "/api/wecom/messages/{msgid}/order", "open_wecom_order",
       "Open a changeId 1 work order from a customer's text {dataArea?, contactName?, "
       "contactTel?}"),
    _r("GET", "/api/wecom/sessions", "wecom_sessions",
       "WeCom sessions (customer ↔ servicer, state) and servicers' status "
       "(?openKfid=&state=)"),
    _r("POST", "/api/broker/restart", "restart_broker",
       "Stop the managed broker and let it start again as after a crash (an outage drill)"),
    # The document's own path, not under /api; its "http的token" is also taken as Token.
    _r("POST", "/orgs/{org_id}/messages", "post_org_message",
       "发送富文本消息: a rich-text message {body: {chat: {content, apns_summary, type: 0}}, "
       "app_id, dest_id, dest_type: 1, type: 4} to IM user dest_id (docs/rich-messages.md)",
       schemes=("Bearer", "Token")),
)


class Api:
    def __init__(self, engine: Engine, token: str, *, dispatcher: Dispatcher | None = None,
                 simulators: SimulatorHost | None = None,
                 status: Callable[[], dict[str, Any]] | None = None,
                 mqtt_account: Callable[[str], dict[str, Any] | None] | None = None,
                 im: ImService | None = None, app_users: AppUserHost | None = None,
                 restart_broker: Callable[[], Awaitable[dict[str, Any]]] | None = None,
                 wecom: KfService | None = None) -> None:
        self.engine, self.token, self.im = engine, token, im
        self.wecom = wecom
        self._restart_broker = restart_broker
        self.app_users = app_users
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
                                                       self.token, route.schemes):
                return _error(Problem(
                    401, "missing or wrong " + ("bearer token" if len(route.schemes) == 1
                                                else "token"),
                    "send " + " or ".join(f"Authorization: {s} <token>" for s in route.schemes)
                    + "; the token is in the ready line of `serve` and in the data dir's "
                    "api-token"))
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
        code = doc.get("baseCode", base_code) if isinstance(doc, dict) else base_code
        if self.im is not None and code in self.im.users:
            raise Problem(422, f"{code!r} is already an IM user's userID (MQTT usernames are "
                          "shared)", "choose another baseCode", path="baseCode")
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

    async def post_org_push(self, request: HttpRequest) -> HttpResponse:
        mode = request.query.get("mode")
        if mode is not None and mode not in ("strict", "lenient"):
            raise Problem(422, f"mode {mode!r}", path="mode", hint="strict or lenient")
        result = await self.engine.submit(request.body, source="api",
                                          mode=Mode(mode) if mode else None, family="org")
        if isinstance(result, Accepted):
            return HttpResponse.json(result.to_json(), 202)
        status = {"not-json": 400, "store-error": 503}.get(result.reason, 422)
        return HttpResponse.json(result.to_json(), status)

    async def explain_org_push(self, request: HttpRequest) -> HttpResponse:
        return self._explain(request, _body(request), family="org")

    async def get_event(self, request: HttpRequest, eventId: str) -> HttpResponse:
        row = self.engine.event(_int(eventId, "eventId"))
        if row is None:
            raise Problem(404, f"no event {eventId}", path="eventId")
        return HttpResponse.json(row)

    async def explain_event(self, request: HttpRequest, eventId: str) -> HttpResponse:
        row = self.engine.event(_int(eventId, "eventId"))
        if row is None:
            raise Problem(404, f"no event {eventId}", path="eventId")
        if is_org_key(row["change_id"]):  # stored whole: the envelope is the push
            return self._explain(request, row["data"], family="org")
        return self._explain(request, {"changeId": row["change_id"],
                                       "dataArea": row["data_area"], "data": row["data"]})

    async def explain_body(self, request: HttpRequest) -> HttpResponse:
        return self._explain(request, _body(request))

    def _explain(self, request: HttpRequest, body: object, family: str = "workorder"
                 ) -> HttpResponse:
        code = request.query.get("baseCode")
        try:
            refusal, found = self.engine.explain(body, [code] if code else None, family=family)
        except ValueError as error:
            shape = ('{"type": 11, "org_id": 123, "operator": 234, "created_at": 1395714696, '
                     '"body": {...}}' if family == "org" else
                     '{"changeId": "1", "dataArea": "fwwt", "data": {...}}')
            what = "a push" if family == "org" else "an event"
            raise Problem(422, str(error), path="", hint=f"{what} is {shape}") from None
        if code and not found:
            raise Problem(404, f"no subscription {code!r}", path="baseCode")
        return HttpResponse.json({
            "accepted": refusal is None,
            "errors": [] if refusal is None else [f.to_json() for f in refusal.findings],
            "subscriptions": [e.to_json() for e in found]})

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

    async def delivery_stats(self, request: HttpRequest) -> HttpResponse:
        q = request.query
        for name in ("fromEventId", "toEventId"):
            if name not in q:
                raise Problem(422, f"{name} is required", path=name,
                              hint="the eventIds POST /api/events answered with")
        return HttpResponse.json(self._store().delivery_stats(
            _int(q["fromEventId"], "fromEventId"), _int(q["toEventId"], "toEventId"),
            base_code=q.get("baseCode") or None, change_id=q.get("changeId") or None))

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

    # --- simulated app users ------------------------------------------------------------

    async def list_app_users(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse.json(self._app_users().describe())

    async def create_app_users(self, request: HttpRequest) -> HttpResponse:
        from app.im.users import UserError

        crowd = self._app_users()
        try:
            created = await crowd.create(_body(request))
            heap.settle()  # a crowd is long-lived: out of the full GC pass's way
            return HttpResponse.json(created, 201)
        except UserError as error:
            raise Problem(422, "", errors=[f.to_json() for f in error.findings]) from None
        except ValueError as error:
            raise Problem(422, str(error), path=getattr(error, "path", "")) from None

    async def app_user_messages(self, request: HttpRequest, userID: str) -> HttpResponse:
        seen = self._app_users().messages(userID)
        if seen is None:
            raise Problem(404, f"no simulated app user {userID!r}", path="userID")
        return HttpResponse.json(seen)

    async def app_user_act(self, request: HttpRequest, userID: str,
                           action: str) -> HttpResponse:
        crowd = self._app_users()
        if crowd.messages(userID) is None:
            raise Problem(404, f"no simulated app user {userID!r}", path="userID")
        try:
            doc = _body(request) if request.body.strip() else {}
            return HttpResponse.json(await crowd.act(userID, action, doc))
        except LookupError as error:
            raise Problem(404, str(error).strip("'\""), path="action") from None
        except ValueError as error:
            raise Problem(422, str(error), path=getattr(error, "path", "")) from None

    def _app_users(self) -> AppUserHost:
        if self.app_users is None:
            raise Problem(503, "no simulated app users in this process: they need the IM "
                               "server, which needs an MQTT broker",
                          "see GET /api/health → broker.problem")
        return self.app_users

    # --- the IM server ----------------------------------------------------------------

    async def put_user(self, request: HttpRequest) -> HttpResponse:
        from app.im.users import UserError

        im = self._im()
        doc = _body(request)
        try:
            if isinstance(doc, list):  # a batch: all or nothing
                done = await im.put_users(doc)
                return HttpResponse.json([im.describe(u, secrets=True) for u, _ in done],
                                         201 if any(c for _, c in done) else 200)
            user, created = await im.put_user(doc)
        except UserError as error:
            raise Problem(422, "", errors=[f.to_json() for f in error.findings]) from None
        return HttpResponse.json(im.describe(user, secrets=True), 201 if created else 200)

    async def list_users(self, request: HttpRequest) -> HttpResponse:
        im = self._im()
        return HttpResponse.json([im.describe(u) for u in im.users.values()])

    async def get_user(self, request: HttpRequest, userID: str) -> HttpResponse:
        im = self._im()
        return HttpResponse.json(im.describe(self._user(userID), secrets=True))

    async def delete_user(self, request: HttpRequest, userID: str) -> HttpResponse:
        self._user(userID)
        await self._im().delete_user(userID)
        return HttpResponse(204)

    async def rotate_user(self, request: HttpRequest, userID: str) -> HttpResponse:
        self._user(userID)
        im = self._im()
        return HttpResponse.json(im.describe(await im.rotate(userID), secrets=True))

    async def notify(self, request: HttpRequest) -> HttpResponse:
        from app.im.protocol import NotifyError

        doc = _body(request)
        if not isinstance(doc, dict):
            raise Problem(422, "a notification is an object {type, to, payload}")
        im, to = self._im(), doc.get("to")
        try:
            if isinstance(to, list):  # the same notification to each: all or nothing
                if not 1 <= len(to) <= 10_000:
                    raise Problem(422, "to lists 1 to 10000 userIDs", path="to")
                sent: Any = await im.notify_many(doc.get("type"), to, doc.get("payload"))
            else:
                sent = await im.notify(doc.get("type"), to, doc.get("payload"))
        except NotifyError as error:
            raise Problem(422, "", errors=[f.to_json() for f in error.findings]) from None
        return HttpResponse.json(sent, 202)

    async def im_messages(self, request: HttpRequest) -> HttpResponse:
        await self._im().flush()  # the log as of now, not as of the journal's last batch
        q = request.query
        limit = _int(q.get("limit", "100"), "limit")
        return HttpResponse.json(self._store().im_messages(
            user_id=q.get("userID"), status=q.get("status"), limit=min(limit, 1000)))

    async def im_proto(self, request: HttpRequest) -> HttpResponse:
        from app.im.wire import proto_text

        return HttpResponse(200, proto_text().encode(), "text/plain; charset=utf-8")

    async def list_pushes(self, request: HttpRequest) -> HttpResponse:
        if self.im is not None:
            await self.im.flush()
        q = request.query
        limit = _int(q.get("limit", "100"), "limit")
        return HttpResponse.json(self._store().pushes(user_id=q.get("userID"),
                                                      limit=min(limit, 1000)))

    async def restart_broker(self, request: HttpRequest) -> HttpResponse:
        if self._restart_broker is None:
            raise Problem(409, "only the managed broker can be restarted from here",
                          "restart an external broker with its own tools")
        try:
            return HttpResponse.json(await self._restart_broker())
        except LookupError as error:
            raise Problem(409, str(error), "start serve with the managed broker") from None
        except RuntimeError as error:  # it did not come back: the message says why
            raise Problem(503, str(error)) from None

    async def post_org_message(self, request: HttpRequest, org_id: str) -> HttpResponse:
        from app.api.rich import post_message  # it builds on Problem, defined here

        return await post_message(request, org_id, self._im)

    # --- WeCom customer service (handlers in app.api.wecom) ---------------------------------

    async def post_wecom_messages(self, request: HttpRequest) -> HttpResponse:
        from app.api import wecom  # it builds on Problem, defined here

        return await wecom.post_messages(self._wecom(), request)

    async def list_wecom_messages(self, request: HttpRequest) -> HttpResponse:
        from app.api import wecom

        return wecom.list_messages(self._wecom(), request)

    async def get_wecom_message(self, request: HttpRequest, msgid: str) -> HttpResponse:
        from app.api import wecom

        return wecom.get_message(self._wecom(), msgid)

    async def open_wecom_order(self, request: HttpRequest, msgid: str) -> HttpResponse:
        from app.api import wecom

        return await wecom.open_order(self._wecom(), request, msgid)

    async def wecom_sessions(self, request: HttpRequest) -> HttpResponse:
        from app.api import wecom

        return wecom.list_sessions(self._wecom(), request)

    def _wecom(self) -> KfService:
        if self.wecom is None:
            raise Problem(503, "the WeCom customer-service desk is not running in this "
                               "process", "run the platform: python main.py serve")
        return self.wecom

    def _im(self) -> ImService:
        if self.im is None:
            raise Problem(503, "the IM server is not running: it needs an MQTT broker",
                          "install Mosquitto (see GET /api/health → broker.problem), or "
                          "start serve with --broker mqtt://…")
        return self.im

    def _user(self, user_id: str) -> Any:
        user = self._im().users.get(user_id)
        if user is None:
            raise Problem(404, f"no IM user {user_id!r}", path="userID")
        return user

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


#: Numbers read from the query string: a bad one is bad input (422), not a missing thing (404).
_QUERY_NUMBERS = ("limit", "beforeId", "fromEventId", "toEventId")


def _int(text: str, name: str) -> int:
    if not text.isdigit():
        raise Problem(422 if name in _QUERY_NUMBERS else 404,
                      f"{name} {text!r} is not a number", path=name)
    return int(text)


def _error(problem: Problem) -> HttpResponse:
    return HttpResponse.json({"errors": problem.errors}, problem.status)
