"""``POST /orgs/{org_id}/messages``: 发送富文本消息 (spec/org-change-push.md) on the local API.

The document asks for JSON in UTF-8 with ``Content-type: application/json`` and ``Accept:
application/json``, and token authentication. A request is checked in this order, and
nothing is sent unless every check passes (docs/rich-messages.md shows each answer). After
the path (404) and the method (405), as everywhere on the API:

1. the token — ``Authorization: Bearer <token>``, ``Token <token>`` or ``Token
   token="<token>"`` (Api.handle, app.api.token): 401;
2. ``Content-Type`` is application/json, UTF-8 if a charset is given: 415;
3. ``Accept`` covers application/json (``*/*``, curl's default, does): 406;
4. the body is JSON: 400, with the line and column where it breaks;
5. the body reads strictly as the catalogue's rich-text message (app.catalog.rich) and the
   URL's org_id is a number: 422 with every finding at once;
6. the IM server runs: 503; the receiver (dest_id, dest_type 1) is an IM user: 422.

Then the message goes to that user over MQTT as app.im.rich shapes it, through the IM
server's usual path (in order, QoS 1, logged, a push recorded when the user is offline), and
the answer is 202 ``{msgid, userID, online, push}`` once the broker holds it. 202, not 201:
what is accepted is a delivery that may complete later (an offline user's queue), and there
is no resource to point a Location at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.api.routes import Problem
from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Code, Finding, Mode, errors_first, has_errors
from app.catalog.rich import read_request
from app.im.rich import rich_message
from app.transport.http import HttpRequest, HttpResponse

if TYPE_CHECKING:
    from app.im.service import ImService

JSON = "application/json"
_CONTENT_FIX = ("send Content-Type: application/json (with curl: -H 'Content-Type: "
                "application/json')")
_ACCEPT_FIX = "send Accept: application/json, or leave curl's default Accept: */*"
#: An org id is a whole number that fits the int64 the platform's other ids are.
_ORG_ID_MAX = 2**63 - 1


async def post_message(request: HttpRequest, org_id: str,
                       im: Callable[[], ImService]) -> HttpResponse:
    """The route's handler; ``im()`` is the IM server, or raises the 503 Problem."""
    problem = (content_type_problem(request.headers.get("content-type"))
               or accept_problem(request.headers.get("accept")))
    if problem is not None:
        raise problem
    doc = _json(request.body)
    org, findings = parse_org_id(org_id)
    reading = read_request(doc, Mode.STRICT, org_id=org)
    findings += reading.findings
    if has_errors(findings):
        raise Problem(422, "", errors=[f.to_json() for f in errors_first(findings)])
    assert org is not None and isinstance(doc, dict)
    service = im()
    user_id = str(reading.facts["userID"])
    if user_id not in service.users:
        raise Problem(422, "", errors=[Finding(
            "dest_id", Code.UNKNOWN_USER,
            f"dest_id {reading.facts['dest_id']} is no IM user: there is no userID "
            f"{user_id!r}",
            hint=f'create it first: POST /api/users {{"userID": "{user_id}", "name": …}}',
            label_zh="推送接收方的id").to_json()])
    out = await service.send_rich(rich_message(user_id, org, doc, service.clock()))
    return HttpResponse.json({"msgid": out["msgid"], "userID": out["userID"],
                              "online": out["online"], "push": out["push"]}, 202)


def content_type_problem(value: str | None) -> Problem | None:
    """415 unless the body is declared application/json (in UTF-8, if a charset is named)."""
    if value is None or not value.strip():
        return Problem(415, "Content-Type is missing: the body must be declared "
                       "application/json", _CONTENT_FIX, path="Content-Type")
    kind, params = _media_type(value)
    if kind != JSON:
        why = (" (curl -d sends that unless told otherwise)"
               if kind == "application/x-www-form-urlencoded" else "")
        return Problem(415, f"Content-Type {value!r} is not application/json{why}",
                       _CONTENT_FIX, path="Content-Type")
    charset = params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        return Problem(415, f"charset {charset!r}: the body must be UTF-8",
                       "send UTF-8 text with Content-Type: application/json (charset=utf-8 "
                       "or none)", path="Content-Type")
    return None


def accept_problem(value: str | None) -> Problem | None:
    """406 unless the client accepts application/json, the only type answered in."""
    if value is None:
        return Problem(406, "Accept is missing: the API answers in application/json only, "
                       "and the document asks for Accept: application/json", _ACCEPT_FIX,
                       path="Accept")
    if not accepts_json(value):
        return Problem(406, f"Accept {value!r} does not take application/json, the only "
                       "type this API answers in", _ACCEPT_FIX, path="Accept")
    return None


def accepts_json(value: str) -> bool:
    """Does an Accept header take application/json? The most specific range that matches
    decides (RFC 9110 §12.5.1): ``application/json;q=0, */*`` does not."""
    best, weight = -1, 0.0
    for part in value.split(","):
        kind, params = _media_type(part)
        rank = {JSON: 2, "application/*": 1, "*/*": 0}.get(kind)
        if rank is None or rank < best:
            continue
        q = _weight(params.get("q"))
        weight = q if rank > best else max(weight, q)
        best = rank
    return weight > 0


def parse_org_id(text: str) -> tuple[int | None, list[Finding]]:
    """The URL's :org_id as a number, or the finding that says it is none."""
    if text.isascii() and text.isdigit() and int(text) <= _ORG_ID_MAX:
        return int(text), []
    return None, [Finding("org_id", Code.TYPE, f"org_id {text!r} in the URL is not an "
                          "organisation id (a whole number)",
                          hint="POST /orgs/123/messages: the receiver's organisation id")]


def _json(body: bytes) -> object:
    """The decoded body, or 400 saying where it breaks (and why, for the spec's own
    example pasted as printed)."""
    try:
        return loads(body, "the body")
    except JsonProblem as problem:
        lines = problem.text.splitlines()
        line = lines[problem.line - 1] if problem.line <= len(lines) else ""
        if line[problem.column - 1:problem.column + 1] == "//":
            hint = ("JSON has no comments: remove the // notes (the document's example has "
                    "them; resources/examples/rich/request.json is it repaired)")
        elif problem.reason.startswith("Expecting ',' delimiter"):
            hint = ("a comma is missing before this point (the document's example lacks the "
                    "one after \"apns_summary\")")
        else:
            hint = "send one JSON object, in UTF-8"
        raise Problem(400, "", errors=[{"path": "", "message": str(problem), "hint": hint,
                                        "line": problem.line,
                                        "column": problem.column}]) from None


def _media_type(text: str) -> tuple[str, dict[str, str]]:
    """``("application/json", {"charset": "utf-8"})`` from ``Application/JSON; charset=UTF-8``."""
    kind, *pairs = text.split(";")
    params = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        params[name.strip().lower()] = value.strip().strip('"')
    return kind.strip().lower(), params


def _weight(text: str | None) -> float:
    """An Accept weight; a malformed one counts as the default 1, not as a refusal of what
    the client plainly lists."""
    try:
        q = float(text) if text is not None else 1.0
    except ValueError:
        return 1.0
    return q if 0.0 <= q <= 1.0 else 1.0
