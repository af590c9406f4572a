"""POST /orgs/{org_id}/messages: the header and body checks on their own, then the route over
real HTTP on 127.0.0.1 against an in-process platform (managed Mosquitto included), with an
app client connected exactly as the IM spec says. Requests whose headers matter are written
byte for byte on a socket: an HTTP client library would add its own Accept and Content-Type.
"""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.api.rich import accept_problem, accepts_json, content_type_problem, parse_org_id
from app.api.routes import Api
from app.broker.managed import find_mosquitto
from app.catalog.rich import EXAMPLES_DIR
from app.platform import Options, Platform
from app.transport.http import HttpRequest
from simulator.api_client import PlatformClient
from tests.app.im.test_service import SpecClient
from tests.conftest import until

EXAMPLE = json.loads((EXAMPLES_DIR / "request.json").read_text(encoding="utf-8"))
PRINTED = (EXAMPLES_DIR / "request.printed.txt").read_bytes()
JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json"}


def request(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(EXAMPLE)
    doc.update(changes)
    return doc


# --- the checks on their own ------------------------------------------------------------------

@pytest.mark.parametrize(("value", "refused"), [
    ("application/json", False), ("application/json; charset=utf-8", False),
    ("Application/JSON;charset=UTF-8", False), ('application/json; charset="utf8"', False),
    (None, True), ("", True), ("text/plain", True), ("application/x-www-form-urlencoded", True),
    ("application/json; charset=gbk", True), ("application/jsonp", True)])
def test_content_type(value, refused):
    problem = content_type_problem(value)
    assert (problem is not None) is refused
    if problem is not None:
        assert problem.status == 415 and problem.errors[0]["path"] == "Content-Type"
        assert "Content-Type: application/json" in problem.errors[0]["hint"]


def test_curls_form_default_is_named():
    problem = content_type_problem("application/x-www-form-urlencoded")
    assert problem is not None and "curl -d" in problem.errors[0]["message"]


@pytest.mark.parametrize(("value", "ok"), [
    ("application/json", True), ("*/*", True), ("application/*", True),
    ("text/html, application/json;q=0.5", True), ("text/html,*/*;q=0.1", True),
    ("application/json;q=x", True), (" application/json ", True),
    ("", False), ("text/html", False), ("application/json;q=0", False),
    ("application/json;q=0, */*", False), ("*/*;q=0", False), ("application/xml", False)])
def test_accept(value, ok):
    assert accepts_json(value) is ok
    problem = accept_problem(value)
    assert (problem is None) is ok
    if problem is not None:
        assert problem.status == 406 and problem.errors[0]["path"] == "Accept"


def test_a_missing_accept_is_refused_with_the_fix():
    problem = accept_problem(None)
    assert problem is not None and problem.status == 406
    assert "Accept: application/json" in problem.errors[0]["hint"]


@pytest.mark.parametrize(("text", "org"), [
    ("123", 123), ("0", 0), ("007", 7), (str(2**63 - 1), 2**63 - 1),
    (str(2**63), None), ("abc", None), ("-1", None), ("1.5", None), ("١٢٣", None), ("", None)])
def test_org_id(text, org):
    got, findings = parse_org_id(text)
    assert got == org
    assert bool(findings) is (org is None)
    if findings:
        assert findings[0].path == "org_id" and findings[0].hint


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_header_and_url_parsing_never_raises(text):
    accepts_json(text)
    content_type_problem(text)
    got, findings = parse_org_id(text)
    assert (got is None) is bool(findings)


async def test_without_an_im_server_a_right_request_gets_503_and_a_wrong_one_422(engine):
    api = Api(engine, "t")
    headers = {"authorization": "Bearer t", "content-type": "application/json",
               "accept": "application/json"}

    async def post(doc: object) -> Any:
        return await api.handle(HttpRequest("POST", "/orgs/1/messages", {}, headers,
                                            json.dumps(doc).encode()))

    response = await post(EXAMPLE)
    assert response.status == 503
    assert "IM server is not running" in json.loads(response.body)["errors"][0]["message"]
    assert (await post(request(type=5))).status == 422


# --- over the wire ----------------------------------------------------------------------------

@pytest.fixture
async def studio(tmp_path: Any) -> Any:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed")
    platform = Platform(Options(db_path=tmp_path / "db.sqlite", data_dir=str(tmp_path),
                                http_port=0))
    await platform.start()
    assert platform.server is not None and platform.im is not None
    async with PlatformClient(platform.server.url, platform.token) as client:
        client.platform = platform
        yield client
    await platform.stop()


async def raw(api: Any, method: str, path: str, headers: dict[str, str],
              body: bytes = b"") -> tuple[int, Any]:
    """One request written byte for byte (only Host, Connection and Content-Length added):
    (status, decoded JSON answer)."""
    server = api.platform.server
    reader, writer = await asyncio.open_connection(server.host, server.port)
    head = (f"{method} {path} HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
            f"Connection: close\r\nContent-Length: {len(body)}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n")
    writer.write(head.encode() + body)
    await writer.drain()
    data = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    await writer.wait_closed()
    status_line, _, rest = data.partition(b"\r\n")
    return int(status_line.split()[1]), json.loads(rest.partition(b"\r\n\r\n")[2])


def auth(api: Any, scheme: str = "Bearer") -> dict[str, str]:
    return {"Authorization": f"{scheme} {api.platform.token}", **JSON_HEADERS}


async def user(api: Any, user_id: str, **fields: Any) -> dict[str, Any]:
    """A new IM user; how it connects (the reply's ``mqtt``)."""
    made = await api.post("/api/users", {"userID": user_id, "name": user_id, **fields})
    return made["mqtt"]


async def online(api: Any, mqtt: dict[str, Any]) -> SpecClient:
    client = await asyncio.to_thread(SpecClient, mqtt)
    await until(lambda: api.platform.im.online(client.user_id))
    return client


async def test_the_spec_example_reaches_an_online_user_as_an_im_message(studio):
    phone = await online(studio, await user(studio, "1"))
    try:
        status, answer = await raw(studio, "POST", "/orgs/123/messages", auth(studio),
                                   json.dumps(EXAMPLE, ensure_ascii=False).encode())
        assert status == 202, answer
        assert answer == {"msgid": answer["msgid"], "userID": "1", "online": True,
                          "push": None}
        got = await phone.json()
        assert got == {"msgid": answer["msgid"], "from": "server", "to": "1",
                       "type": "rich_message",
                       "payload": {"org_id": 123, "app_id": 100,
                                   "chat": EXAMPLE["body"]["chat"], "t": got["payload"]["t"]}}
        log = await studio.get("/api/im/messages", userID="1")
        assert [(m["type"], m["status"], m["msgid"]) for m in log] == [
            ("rich_message", "sent", answer["msgid"])]
        assert studio.platform.im.counts["rich"] == 1
        assert await studio.get("/api/pushes", userID="1") == []
    finally:
        phone.close()


async def test_an_offline_user_is_pushed_the_summary_and_gets_the_message_on_return(studio):
    mqtt = await user(studio, "7", platform="ios", channel="appstore")
    assert studio.platform.im.online("7") is False
    doc = request(dest_id=7)
    doc["body"]["chat"]["apns_summary"] = "明天9点考试"
    # HTTP Token authentication, and curl's default Accept.
    headers = {**auth(studio, "Token"), "Accept": "*/*"}
    status, answer = await raw(studio, "POST", "/orgs/55/messages", headers,
                               json.dumps(doc, ensure_ascii=False).encode())
    assert status == 202, answer
    assert answer["online"] is False and answer["userID"] == "7"
    expected = {"action": "rich_message", "org_id": "55", "app_id": "100",
                "alert": "明天9点考试"}
    assert answer["push"]["payload"] == expected
    (push,) = await studio.get("/api/pushes", userID="7")
    assert push["payload"] == expected and push["alias"] == "7"
    assert push["aliasType"] == "calltalent" and push["tags"] == ["appstore", "1.0.0", "user"]
    (logged,) = await studio.get("/api/im/messages", userID="7")
    assert (logged["type"], logged["status"]) == ("rich_message", "queued")
    phone = await online(studio, mqtt)  # back, still without subscribing to anything
    try:
        got = await phone.json()
        assert got["msgid"] == answer["msgid"] and got["payload"]["org_id"] == 55
        assert got["payload"]["chat"]["apns_summary"] == "明天9点考试"
    finally:
        phone.close()


async def test_refusals_of_the_request_itself(studio):
    body = json.dumps(EXAMPLE).encode()
    token = studio.platform.token
    cases = [
        # (what, method, path, headers, body, status, path of the first error, in its text)
        ("no token", "POST", "/orgs/1/messages", JSON_HEADERS, body, 401, "",
         "Authorization: Token <token>"),
        ("wrong token", "POST", "/orgs/1/messages", {**JSON_HEADERS,
                                                     "Authorization": "Bearer nope"},
         body, 401, "", "missing or wrong token"),
        ("wrong Token token", "POST", "/orgs/1/messages",
         {**JSON_HEADERS, "Authorization": 'Token token="nope"'}, body, 401, "", "token"),
        ("no such path", "POST", "/orgs/1/message", auth(studio), body, 404, "",
         "no such endpoint"),
        ("nothing below", "POST", "/orgs/1/messages/2", auth(studio), body, 404, "",
         "no such endpoint"),
        ("GET", "GET", "/orgs/1/messages", auth(studio), b"", 405, "", "allowed: POST"),
        ("no Content-Type", "POST", "/orgs/1/messages",
         {"Authorization": f"Bearer {token}", "Accept": "application/json"}, body, 415,
         "Content-Type", "Content-Type: application/json"),
        ("form Content-Type", "POST", "/orgs/1/messages",
         {**auth(studio), "Content-Type": "application/x-www-form-urlencoded"}, body, 415,
         "Content-Type", "curl -d"),
        ("GBK", "POST", "/orgs/1/messages",
         {**auth(studio), "Content-Type": "application/json; charset=gbk"}, body, 415,
         "Content-Type", "UTF-8"),
        ("no Accept", "POST", "/orgs/1/messages",
         {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}, body, 406,
         "Accept", "Accept: application/json"),
        ("Accept html", "POST", "/orgs/1/messages", {**auth(studio), "Accept": "text/html"},
         body, 406, "Accept", "Accept: application/json"),
        ("empty body", "POST", "/orgs/1/messages", auth(studio), b"", 400, "", "not JSON"),
        ("not UTF-8", "POST", "/orgs/1/messages", auth(studio), b'{"a": "\xff"}', 400, "",
         "not UTF-8"),
        ("as printed", "POST", "/orgs/1/messages", auth(studio), PRINTED, 400, "",
         "JSON has no comments"),
    ]
    for what, method, path, headers, data, status, where, said in cases:
        got, answer = await raw(studio, method, path, headers, data)
        assert got == status, (what, answer)
        (error,) = answer["errors"]
        assert error["path"] == where, (what, error)
        assert said in error["message"] + error.get("hint", ""), (what, error)
    _, answer = await raw(studio, "POST", "/orgs/1/messages", auth(studio), PRINTED)
    assert (answer["errors"][0]["line"], answer["errors"][0]["column"]) == (4, 21)
    only_comma = b"\n".join(line.split(b"//")[0].rstrip() for line in PRINTED.splitlines())
    _, answer = await raw(studio, "POST", "/orgs/1/messages", auth(studio), only_comma)
    assert "apns_summary" in answer["errors"][0]["hint"]
    assert answer["errors"][0]["line"] == 11
    assert studio.platform.im.counts["out"] == 0
    described = await studio.get("/api/openapi.json")
    assert "post" in described["paths"]["/orgs/{org_id}/messages"]


async def test_every_kind_of_finding_is_a_422_and_nothing_is_sent(studio):
    phone = await online(studio, await user(studio, "1"))
    try:
        chat_type = request()
        chat_type["body"]["chat"]["type"] = 1
        no_summary = request()
        del no_summary["body"]["chat"]["apns_summary"]
        typo = request()
        typo["body"]["chat"]["apns_sumary"] = typo["body"]["chat"].pop("apns_summary")
        cases = [
            ("/orgs/1/messages", request(type=5), [("type", "enum")]),
            ("/orgs/1/messages", chat_type, [("body.chat.type", "enum")]),
            ("/orgs/1/messages", no_summary, [("body.chat.apns_summary", "missing")]),
            ("/orgs/1/messages", request(dest_id="1"), [("dest_id", "type")]),
            ("/orgs/1/messages", request(app_id=1.5), [("app_id", "type")]),
            ("/orgs/1/messages", request(dest_type=2), [("dest_type", "unsupported")]),
            ("/orgs/1/messages", typo, [("body.chat.apns_sumary", "unknown-key"),
                                        ("body.chat.apns_summary", "missing")]),
            ("/orgs/1/messages", [EXAMPLE], [("", "type")]),
            ("/orgs/acme/messages", EXAMPLE, [("org_id", "type")]),
            ("/orgs/acme/messages", request(type=5), [("org_id", "type"), ("type", "enum")]),
            ("/orgs/1/messages", request(dest_id=999), [("dest_id", "unknown-user")]),
        ]
        for path, doc, expected in cases:
            status, answer = await raw(studio, "POST", path, auth(studio),
                                       json.dumps(doc, ensure_ascii=False).encode())
            assert status == 422, (doc, answer)
            assert [(e["path"], e["code"]) for e in answer["errors"]] == expected, answer
            assert all(e["message"] for e in answer["errors"])
        status, answer = await raw(studio, "POST", "/orgs/1/messages", auth(studio),
                                   json.dumps(request(dest_id=999)).encode())
        assert "POST /api/users" in answer["errors"][0]["hint"]
        assert "dest_type 1" in (await raw(studio, "POST", "/orgs/1/messages", auth(studio),
                                           json.dumps(request(dest_type=3)).encode())
                                 )[1]["errors"][0]["hint"]
        im = studio.platform.im
        assert im.counts["rich"] == 0 and im.counts["out"] == 0
        # Nothing reached the phone: the first thing it gets is the one right request.
        status, answer = await raw(studio, "POST", "/orgs/1/messages", auth(studio),
                                   json.dumps(EXAMPLE).encode())
        assert status == 202
        assert (await phone.json())["msgid"] == answer["msgid"]
    finally:
        phone.close()
