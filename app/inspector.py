"""The payload inspector: paste any JSON, or a captured HTTP request, and learn what it is.

It recognises the family and type (work-order callback or bare data, organisation push,
WeCom sync message or sync response, rich-message request, IM message), validates it with
that family's reader, adds what the HTTP request itself gets wrong (headers the spec
requires, a Standard Webhooks signature checked against the subscriptions' secrets), and,
given an engine, says how it would be routed: which subscriptions get it and on which topic,
or which user and whether by MQTT or by push. Nothing is stored or sent.

The GUI's Inspector panel and ``python main.py inspect FILE`` both call :func:`inspect`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Code, Finding, Mode, Severity, errors_first, has_errors
from app.catalog.reading import Reader, Reading
from app.delivery.signing import verdict as signature_verdict
from app.routing.topics import org_key, topic_for

if TYPE_CHECKING:
    from app.engine import Engine


def readers() -> tuple[Reader, ...]:
    """Every family's reader, in the order ties are broken."""
    from app.catalog.org import READER as ORG
    from app.catalog.rich import READER as RICH
    from app.catalog.wecom import READER as WECOM
    from app.catalog.workorder_reader import READER as WORKORDER
    from app.im.reader import READER as IM

    return (WORKORDER, ORG, RICH, WECOM, IM)


#: Request paths that name the family outright (a captured request to our own API, or to the
#: platform's), so that a half-broken body is still read as what it was sent as.
_PATH_FAMILIES = (
    (re.compile(r"^/orgs/(?P<org_id>[^/]+)/messages/?$"), "rich"),
    (re.compile(r"^/api/org/(pushes|explain)/?$"), "org"),
    (re.compile(r"^/api/(events|explain)/?$"), "workorder"),
    (re.compile(r"^/api/wecom/messages/?$"), "wecom"),
)
_REQUEST_LINE = re.compile(r"^(?P<method>[A-Z]{3,7}) (?P<target>\S+) HTTP/\d(\.\d)?$")
_SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization", "x-api-key"})


@dataclass(slots=True)
class Captured:
    """What was pasted: the JSON text, and the request around it if it was a request."""

    body: str
    method: str | None = None
    path: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def is_request(self) -> bool:
        return self.method is not None


@dataclass(slots=True)
class Route:
    """One line of "how it would be routed"."""

    target: str  # a baseCode, a userID, or the platform
    verdict: str  # delivered | not-delivered | refused | info
    detail: str
    topic: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"target": self.target, "verdict": self.verdict, "detail": self.detail,
                "topic": self.topic}


@dataclass(slots=True)
class Inspection:
    source: str  # "json" | "http request"
    reading: Reading | None
    findings: list[Finding]
    routing: list[Route] = field(default_factory=list)
    request: dict[str, Any] | None = None
    #: Every family that recognised it, surest first: (family, score).
    candidates: list[tuple[str, int]] = field(default_factory=list)
    #: The decoded JSON (None when it is not JSON), for the tree view.
    value: object = None

    @property
    def usable(self) -> bool:
        return self.reading is not None

    @property
    def valid(self) -> bool:
        return self.usable and not has_errors(self.findings)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "usable": self.usable, "valid": self.valid,
                "family": self.reading.family if self.reading else None,
                "type": self.reading.type_id if self.reading else None,
                "title": self.reading.title if self.reading else None,
                "kind": self.reading.kind if self.reading else None,
                "facts": self.reading.facts if self.reading else {},
                "request": self.request,
                "candidates": [{"family": f, "score": s} for f, s in self.candidates],
                "findings": [f.to_json() for f in self.findings],
                "routing": [r.to_json() for r in self.routing]}


def capture(text: str) -> Captured:
    """Split a captured HTTP request (request line, headers, blank line, body) from plain
    JSON. Line endings may be CRLF or LF; header names are lower-cased."""
    stripped = text.lstrip("\ufeff \t\r\n")
    first, _, rest = stripped.partition("\n")
    match = _REQUEST_LINE.match(first.rstrip("\r"))
    if match is None:
        return Captured(text)
    head, sep, body = rest.replace("\r\n", "\n").partition("\n\n")
    headers: dict[str, str] = {}
    for line in head.split("\n") if head else ():
        name, colon, value = line.partition(":")
        if colon and name.strip():
            headers[name.strip().lower()] = value.strip()
    if not sep and head and not headers:  # no blank line: what followed was the body
        body = rest
    target = match["target"]
    path = target.split("://", 1)[-1] if "://" in target else target
    if "://" in target:
        path = "/" + path.partition("/")[2]
    return Captured(body, match["method"], path.split("?", 1)[0], headers)


def inspect(text: str | bytes, engine: Engine | None = None, *, mode: Mode = Mode.STRICT,
            online: Callable[[str], bool | None] | None = None,
            users: Iterable[str] | None = None) -> Inspection:
    """Recognise, validate and (with an engine) route one pasted payload.

    ``online`` and ``users`` come from the IM server when one runs: whether a user is
    connected, and which userIDs exist (for the rich-message API's destination).
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    captured = capture(text)
    source = "http request" if captured.is_request else "json"
    request = None
    if captured.is_request:
        request = {"method": captured.method, "path": captured.path,
                   "headers": {k: ("<redacted>" if k in _SECRET_HEADERS else v)
                               for k, v in captured.headers.items()}}
    if not captured.body.strip():
        return Inspection(source, None, [Finding("", Code.NOT_JSON, "there is nothing to read",
                                                 hint="paste or drop a JSON payload, or a "
                                                      "captured HTTP request with its body")],
                          request=request)
    try:
        obj = loads(captured.body, "the body" if captured.is_request else "the payload")
    except JsonProblem as problem:
        return Inspection(source, None, [Finding(
            "", Code.NOT_JSON, str(problem),
            hint="JSON has no comments and no trailing commas; keys and strings take double "
                 "quotes (the documents' examples need those repairs too)")], request=request)

    forced, path_org = _family_from_path(captured.path)
    candidates = sorted(((r.family, r.recognise(obj)) for r in readers()),
                        key=lambda c: -c[1])
    candidates = [c for c in candidates if c[1] > 0]
    family = forced or (candidates[0][0] if candidates else None)
    if family is None:
        return Inspection(source, None, [Finding(
            "", Code.UNKNOWN_TYPE, "not a payload of any family Push Studio knows",
            hint="a work-order callback has changeId and dataArea; an organisation push "
                 "type, org_id and body; a WeCom message msgid and msgtype; a rich message "
                 "body.chat and dest_id; an IM message msgid, type and payload")],
            request=request, value=obj)
    reader = next(r for r in readers() if r.family == family)
    reading = reader.read(obj, mode)
    if path_org is not None:
        reading.facts["org_id"] = path_org
    findings = list(reading.findings)
    if captured.is_request:
        findings += _request_findings(captured, family, path_org)
    inspection = Inspection(source, reading, errors_first(findings), request=request,
                            candidates=candidates, value=obj)
    if captured.is_request and "webhook-id" in captured.headers and engine is not None:
        inspection.routing += _signature(captured, engine)
    if engine is not None or online is not None:
        inspection.routing += _route(reading, obj, engine, online, users, path_org)
    return inspection


def _family_from_path(path: str | None) -> tuple[str | None, str | None]:
    if path is None:
        return None, None
    for pattern, family in _PATH_FAMILIES:
        match = pattern.match(path)
        if match:
            return family, match.groupdict().get("org_id")
    return None, None


def _request_findings(captured: Captured, family: str, org_id: str | None) -> list[Finding]:
    """What the request gets wrong around its body."""
    out: list[Finding] = []
    headers = captured.headers
    content_type = headers.get("content-type", "")
    if captured.method not in ("POST", "PUT"):
        out.append(Finding("request", Code.TYPE, f"{captured.method} carries no body to "
                           "deliver", hint="these payloads are POSTed"))
    if content_type.split(";")[0].strip().lower() != "application/json":
        out.append(Finding("headers.content-type", Code.MISSING if not content_type
                           else Code.TYPE,
                           f"Content-Type is {content_type or 'missing'}, not application/json",
                           hint="send Content-Type: application/json"))
    if family == "rich":
        accept = headers.get("accept")
        if accept is None or not any(a.split(";")[0].strip() in
                                     ("application/json", "application/*", "*/*")
                                     for a in accept.split(",")):
            out.append(Finding("headers.accept", Code.MISSING if accept is None else Code.TYPE,
                               f"Accept is {accept or 'missing'}: the API answers JSON only",
                               hint="send Accept: application/json (the document requires it)"))
        if "authorization" not in headers:
            out.append(Finding("headers.authorization", Code.MISSING,
                               "no token: the rich-message API authenticates with the HTTP "
                               "token", hint="send Authorization: Bearer <token>"))
        if org_id is not None and not org_id.isdigit():
            out.append(Finding("path.org_id", Code.TYPE, f"org_id {org_id!r} in the URL is "
                               "not a number", hint="POST /orgs/123/messages"))
    elif captured.path and captured.path.startswith("/api/") and \
            "authorization" not in headers:
        out.append(Finding("headers.authorization", Code.MISSING, "no bearer token: the "
                           "local API answers 401", Severity.WARNING,
                           hint="send Authorization: Bearer <token>"))
    return out


def _signature(captured: Captured, engine: Engine) -> list[Route]:
    """Which subscription's secret, if any, signed this callback."""
    headers, body = captured.headers, captured.body.encode()
    signed = [s for s in engine.subscriptions() if s.secret]
    for sub in signed:
        if signature_verdict(sub.secret, headers, body) == "valid":
            return [Route(sub.base_code, "info", f"signature valid with {sub.base_code}'s "
                          "secret (Standard Webhooks)")]
    if "webhook-signature" not in headers:
        return [Route("signature", "info", "unsigned: no webhook-signature header")]
    return [Route("signature", "not-delivered",
                  f"no subscription's secret verifies it ({len(signed)} with a secret); a "
                  "body changed after signing, or a timestamp over 5 minutes old, fails too")]


def _route(reading: Reading, obj: object, engine: Engine | None,
           online: Callable[[str], bool | None] | None, users: Iterable[str] | None,
           path_org: str | None) -> list[Route]:
    family = reading.family
    if family in ("workorder", "org") and engine is not None:
        body = obj
        if family == "workorder" and reading.kind == "data" and reading.type_id:
            body = {"changeId": reading.type_id, "dataArea": "fwwt", "data": obj}
        try:
            refusal, explanations = engine.explain(body, family=family)
        except ValueError as error:
            return [Route("platform", "refused", str(error))]
        out = []
        if refusal is not None:
            first = next((f for f in refusal.findings if f.severity is Severity.ERROR), None)
            out.append(Route("platform", "refused", f"the platform refuses it: "
                             f"{first or refusal.reason}"))
        key = org_key(reading.type_id) if family == "org" else reading.type_id or ""
        for e in explanations:
            out.append(Route(e.base_code, "delivered" if e.matched else "not-delivered",
                             "; ".join(e.messages),
                             topic_for(e.base_code, e.data_area, key) if e.matched else None))
        if not explanations:
            out.append(Route("platform", "info", "no subscriptions yet: it would be stored "
                             "and delivered to nobody"))
        if family == "workorder" and reading.kind == "data":
            out.insert(0, Route("platform", "info", "routed as if in data area fwwt: a bare "
                                "body names no dataArea"))
        return out
    if family == "rich":
        dest = obj.get("dest_id") if isinstance(obj, dict) else None
        if not isinstance(dest, int) or isinstance(dest, bool):
            return [Route("platform", "refused", "no usable dest_id: nothing would be sent")]
        user = str(dest)
        if users is not None and user not in set(users):
            return [Route(user, "refused", f"no IM user {user}: the API answers 422; create "
                          "it with POST /api/users")]
        state = online(user) if online else None
        chat = obj.get("body", {}).get("chat", {}) if isinstance(obj.get("body"), dict) else {}
        summary = chat.get("apns_summary") if isinstance(chat, dict) else None
        where = f"$sktalent/clients/{user}"
        if state is False:
            return [Route(user, "delivered", f"{user} is offline: queued on its topic, and a "
                          f"mobile push with alert {summary!r}", where)]
        return [Route(user, "delivered", f"published to {user} over MQTT"
                      + ("" if state else " (online state unknown)"), where)]
    if family == "wecom":
        return [Route("platform", "info", "POST /api/wecom/messages stores it as a sync "
                      "message; a customer's text (origin 3) can open a work order with "
                      "POST /api/wecom/messages/{msgid}/order")]
    if family == "im":
        return [Route("platform", "info", str(reading.facts.get("direction", "")))]
    return []
