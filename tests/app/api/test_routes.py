"""The API routes scenarios and integrators lean on, over real HTTP on 127.0.0.1 against an
in-process platform (managed Mosquitto included)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from app.broker.managed import find_mosquitto
from app.catalog.org import EXAMPLES_DIR as ORG_EXAMPLES
from app.catalog.samples import sample
from app.platform import Options, Platform
from app.transport.mqtt import MqttClient
from simulator.api_client import ApiError, PlatformClient
from simulator.app_users import AppUserCrowd
from simulator.subscribers import SubscriberHost
from tests.conftest import until


@pytest.fixture
async def api(tmp_path: Any) -> Any:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed")
    platform = Platform(Options(db_path=tmp_path / "db.sqlite", data_dir=str(tmp_path),
                                http_port=0), simulators=SubscriberHost, crowd=AppUserCrowd)
    await platform.start()
    assert platform.server is not None
    async with PlatformClient(platform.server.url, platform.token) as client:
        client.platform = platform
        yield client
    await platform.stop()


def subscription(code: str, **fields: Any) -> dict[str, Any]:
    return {"baseCode": code, "dataAreas": ["fwwt"], "changeIds": ["1"], **fields}


async def test_an_event_is_explained_against_every_subscription_or_one(api):
    await api.put("/api/subscriptions/HRZ", subscription("HRZ"))
    await api.put("/api/subscriptions/PARK", subscription("PARK", dataAreas=["10008"]))
    accepted = await api.post("/api/events", {"changeId": "1", "dataArea": "fwwt",
                                              "data": sample("1")})
    got = await api.get(f"/api/events/{accepted['eventId']}/explain")
    assert got["accepted"] is True
    verdicts = {s["baseCode"]: s["reason"] for s in got["subscriptions"]}
    assert verdicts == {"HRZ": "matched", "PARK": "area-out-of-scope"}
    one = await api.get(f"/api/events/{accepted['eventId']}/explain", baseCode="PARK")
    assert [s["baseCode"] for s in one["subscriptions"]] == ["PARK"]
    status, answer = await api.exchange("GET", f"/api/events/{accepted['eventId']}/explain",
                                        query={"baseCode": "NOPE"})
    assert status == 404 and answer["errors"][0]["path"] == "baseCode"
    status, _ = await api.exchange("GET", "/api/events/999999/explain")
    assert status == 404


async def test_a_body_is_explained_without_storing_it(api):
    await api.put("/api/subscriptions/HRZ", subscription("HRZ"))
    got = await api.post("/api/explain", {"changeId": "8", "dataArea": "fwwt",
                                          "data": sample("8")})
    assert got["accepted"] is False and got["errors"]
    assert got["subscriptions"][0]["reason"] == "event-refused"
    status, answer = await api.exchange("POST", "/api/explain", {"changeId": 1})
    assert status == 422 and "dataArea" in answer["errors"][0]["message"]
    status, _ = await api.exchange("POST", "/api/explain", None)
    assert status == 400
    assert (await api.get("/api/deliveries/stats", fromEventId=1, toEventId=9))["events"] == 0


async def test_delivery_stats_need_their_range(api):
    status, answer = await api.exchange("GET", "/api/deliveries/stats",
                                        query={"fromEventId": "1"})
    assert status == 422 and answer["errors"][0]["path"] == "toEventId"
    status, answer = await api.exchange("GET", "/api/deliveries/stats",
                                        query={"fromEventId": "x", "toEventId": "2"})
    assert status == 422 and answer["errors"][0]["path"] == "fromEventId"


async def test_the_managed_broker_restarts_on_request(api):
    before = api.platform.mq.broker.restarts
    answer = await api.post("/api/broker/restart")
    assert answer["restarted"] is True and answer["restarts"] == before + 1
    assert answer["running"] is True


async def test_simulated_users_can_be_named(api):
    made = await api.post("/api/simulated-users", {"users": ["110640113", {
        "userID": "94781", "name": "刘凯"}], "role": "user"})
    assert [u["userID"] for u in made] == ["110640113", "94781"]
    listed = {u["userID"]: u for u in await api.get("/api/users")}
    assert listed["94781"]["name"] == "刘凯"
    for bad, path in (({"users": "x"}, "users"), ({"users": [5]}, "users[0]"),
                      ({"users": [{"userID": "a", "name": 3}]}, "users[0].name")):
        with pytest.raises(ApiError) as caught:
            await api.post("/api/simulated-users", bad)
        assert caught.value.status == 422 and caught.value.errors[0]["path"] == path


async def test_an_unreachable_api_is_said_plainly():
    async with PlatformClient("http://127.0.0.1:9", "t") as client:
        with pytest.raises(ApiError) as caught:
            await client.get("/api/health")
    assert caught.value.status is None
    assert "cannot connect to 127.0.0.1:9" in str(caught.value)
    assert "is Push Studio serving at http://127.0.0.1:9?" in str(caught.value)


# --- organisation pushes ------------------------------------------------------------------


def org_push(code: int = 11, org_id: int = 123, **changes: Any) -> dict[str, Any]:
    body = json.loads((ORG_EXAMPLES / "11-ORG_UPDATED.json").read_text(encoding="utf-8"))
    return {"body": body, "created_at": 1395714696, "org_id": org_id, "operator": 234,
            "type": code, **changes}


async def test_an_org_push_reaches_its_subscriber_signed_retried_and_on_its_topic(api):
    secret = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    sim = await api.post("/api/simulators", {"name": "orgsys", "secret": secret,
                                             "statuses": [500, 200]})
    await api.put("/api/subscriptions/ORGSYS", {
        "orgTypes": ["ORG_UPDATED", 205], "orgIds": [123], "callbackUrl": sim["url"],
        "secret": secret, "retrySchedule": [0, 0.2]})
    await api.put("/api/subscriptions/WOONLY", subscription("WOONLY"))
    account = (await api.get("/api/subscriptions/ORGSYS"))["mqtt"]
    assert account["orgTopic"] == "org/push/ORGSYS/#"
    reader = MqttClient(account["host"], account["port"], username=account["username"],
                        password=account["password"])
    await reader.connect(5)
    try:
        await reader.subscribe(account["orgTopic"])
        push = org_push()
        accepted = await api.post("/api/org/pushes", push)
        (delivery,) = accepted["deliveries"]
        assert (delivery["baseCode"], delivery["topic"]) == ("ORGSYS", "org/push/ORGSYS/123")

        message = await asyncio.wait_for(reader.messages.get(), 5)
        assert message.topic == "org/push/ORGSYS/123" and json.loads(message.payload) == push

        orgsys = api.platform.sims.subscribers["orgsys"]
        await until(lambda: len(orgsys.received) == 2)
        requests = await api.get("/api/simulators/orgsys/requests")
        assert [r["answered"] for r in requests] == [500, 200]
        second = requests[1]
        assert second["signature"] == "valid"
        assert Webhook(secret).verify(second["body"], second["headers"]) == push
        # The same webhook-id both times: a receiver can tell the retry from a new push.
        assert requests[0]["headers"]["webhook-id"] == second["headers"]["webhook-id"]

        store = api.platform.engine.store
        await until(lambda: store.delivery(delivery["id"])["status"] == "delivered")
        assert [a["verdict"] for a in store.attempts(delivery["id"])] == ["retry", "delivered"]
    finally:
        await reader.disconnect()

    event = await api.get(f"/api/events/{accepted['eventId']}")
    assert event["change_id"] == "org:11" and event["data"] == push
    why = await api.get(f"/api/events/{accepted['eventId']}/explain")
    assert {s["baseCode"]: s["reason"] for s in why["subscriptions"]} == {
        "ORGSYS": "matched", "WOONLY": "change-not-subscribed"}
    elsewhere = await api.post("/api/org/explain", org_push(org_id=9), baseCode="ORGSYS")
    assert elsewhere["subscriptions"][0]["reason"] == "area-out-of-scope"


async def test_a_bad_org_push_is_refused_with_its_findings_and_nothing_is_sent(api):
    await api.put("/api/subscriptions/ORGSYS", {"orgTypes": [11]})
    status, answer = await api.exchange("POST", "/api/org/pushes", org_push(type="11"))
    assert status == 422 and answer["reason"] == "invalid"
    assert answer["errors"][0]["path"] == "type" and "send 11" in answer["errors"][0]["hint"]
    status, answer = await api.exchange("POST", "/api/org/pushes", org_push(body=[]))
    assert status == 422 and answer["errors"][0]["path"] == "body"
    status, answer = await api.exchange("POST", "/api/org/pushes", org_push(type=99))
    assert status == 422 and "ORG_UPDATED" in answer["errors"][0]["hint"]
    status, _ = await api.exchange("POST", "/api/org/explain", {"type": "x"})
    assert status == 422
    assert api.platform.engine.store.deliveries(base_code="ORGSYS") == []
