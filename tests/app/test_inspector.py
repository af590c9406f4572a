"""The payload inspector: every family recognised from JSON or a captured HTTP request, the
request's own mistakes, signatures checked against the subscriptions, and routing."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog.findings import Code
from app.catalog.samples import sample
from app.delivery.body import callback_body
from app.delivery.signing import sign
from app.inspector import capture, inspect
from tests.conftest import subscription

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def text(path: str) -> str:
    return (EXAMPLES / path).read_text(encoding="utf-8")


def org(code: int = 11) -> dict:
    return {"body": json.loads(text("org/11-ORG_UPDATED.json")), "created_at": 1395714696,
            "org_id": 123, "operator": 234, "type": code}


@pytest.mark.parametrize(("payload", "family", "type_id", "kind"), [
    (json.dumps({"changeId": "4", "dataArea": "fwwt", "data": sample("4")}), "workorder", "4",
     "envelope"),
    (text("workorder/changeId-6.json"), "workorder", "6", "data"),
    (json.dumps(org()), "org", "11", "envelope"),
    (text("rich/request.json"), "rich", "4", "request"),
    (text("wecom/text.json"), "wecom", "text", "message"),
    (text("wecom/session_status_change.json"), "wecom", "session_status_change", "message"),
    (json.dumps({"msgid": "5f1d7a9e0c3b4a2d1e6f7a8b", "from": "u1", "to": "u2",
                 "type": "order_chat", "payload": {"o_id": "1", "expert": True,
                                                   "content": "hi"}}), "im", "order_chat",
     "message"),
])
def test_each_family_is_recognised(payload, family, type_id, kind):
    found = inspect(payload)
    assert found.reading is not None, found.findings
    assert (found.reading.family, found.reading.type_id, found.reading.kind) == \
        (family, type_id, kind)


def test_bare_work_order_data_is_taken_as_its_closest_change_id_and_says_so():
    found = inspect(json.dumps(sample("9")))
    assert found.reading.type_id == "9" and found.valid
    assert any(f.code is Code.UNKNOWN_TYPE and "taken as changeId 9" in f.message
               for f in found.findings)


def test_text_that_is_not_json_says_where_it_breaks():
    found = inspect('{"changeId": "1",\n "dataArea": }')
    assert not found.usable
    (finding,) = found.findings
    assert finding.code is Code.NOT_JSON and "line 2" in finding.message


def test_json_of_no_family_is_said_plainly():
    found = inspect('{"hello": "world"}')
    assert not found.usable and "not a payload of any family" in found.findings[0].message
    assert inspect("   ").findings[0].message == "there is nothing to read"


RICH_REQUEST = (
    "POST /orgs/12/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
    "Authorization: Bearer s3cret-token\r\n\r\n" + text("rich/request.json"))


def test_a_captured_request_is_split_and_its_headers_checked_with_secrets_redacted():
    found = inspect(RICH_REQUEST)
    assert found.source == "http request" and found.reading.family == "rich"
    assert found.request["path"] == "/orgs/12/messages"
    assert found.request["headers"]["authorization"] == "<redacted>"
    assert "s3cret" not in json.dumps(found.to_json())
    paths = {f.path for f in found.findings}
    assert {"headers.content-type", "headers.accept"} <= paths
    assert found.reading.facts["org_id"] == "12"


def test_the_path_decides_the_family_even_when_the_body_is_broken():
    found = inspect("POST /api/org/pushes HTTP/1.1\nContent-Type: application/json\n"
                    "Authorization: Bearer x\n\n" + json.dumps({"type": 11}))
    assert found.reading.family == "org" and not found.valid


def test_capture_handles_lf_and_absolute_targets():
    got = capture("POST http://127.0.0.1:9000/cb?x=1 HTTP/1.1\nA: b\n\n{}")
    assert (got.method, got.path, got.headers, got.body) == ("POST", "/cb", {"a": "b"}, "{}")
    assert capture('{"a": 1}').method is None


async def test_routing_names_each_subscription_and_topic(engine):
    await engine.put_subscription(subscription("HRZ"))
    await engine.put_subscription({"baseCode": "ORGSYS", "orgTypes": [11]})
    found = inspect(json.dumps({"changeId": "1", "dataArea": "fwwt", "data": sample("1")}),
                    engine)
    verdicts = {r.target: (r.verdict, r.topic) for r in found.routing}
    assert verdicts["HRZ"] == ("delivered", "wo/push/HRZ/fwwt")
    assert verdicts["ORGSYS"][0] == "not-delivered"
    pushed = inspect(json.dumps(org()), engine)
    verdicts = {r.target: (r.verdict, r.topic) for r in pushed.routing}
    assert verdicts["ORGSYS"] == ("delivered", "org/push/ORGSYS/123")


async def test_a_callback_request_is_matched_to_the_secret_that_signed_it(engine):
    secret = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    await engine.put_subscription(subscription("HRZ", secret=secret))
    body = callback_body(base_code="", data_area="fwwt", change_id="4",
                         data_json=json.dumps(sample("4")))
    headers = {"Content-Type": "application/json", **sign(secret, "msg_1", body)}
    request = "POST /callback HTTP/1.1\n" + "".join(f"{k}: {v}\n" for k, v in
                                                   headers.items()) + "\n" + body.decode()
    found = inspect(request, engine)
    assert found.reading.family == "workorder" and found.valid
    assert "signature valid with HRZ's secret" in found.routing[0].detail
    tampered = inspect(request.replace('"changeId":"4"', '"changeId":"4" '), engine)
    assert tampered.routing[0].verdict == "not-delivered"


def test_a_rich_message_is_routed_to_its_user_online_or_by_push():
    body = text("rich/request.json")
    offline = inspect(body, online=lambda _u: False, users=["1"])
    (route,) = offline.routing
    assert route.target == "1" and "mobile push" in route.detail
    missing = inspect(body, online=lambda _u: True, users=["2"])
    assert missing.routing[0].verdict == "refused"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200) | st.builds(
    lambda m, p, h, b: f"{m} {p} HTTP/1.1\n{h}\n\n{b}",
    st.sampled_from(["POST", "GET"]), st.sampled_from(["/orgs/1/messages", "/api/events", "/x"]),
    st.text(max_size=40), st.text(max_size=80)))
def test_any_text_is_inspected_without_raising(pasted):
    found = inspect(pasted)
    json.dumps(found.to_json())
