"""The WeCom routes over real HTTP on 127.0.0.1 against an in-process platform: every answer,
every error class (400, 401, 404, 405, 409, 422)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.catalog.wecom import EXAMPLES_DIR
from app.platform import Options, Platform
from simulator.api_client import ApiError, PlatformClient

PAGE = json.loads((EXAMPLES_DIR / "sync_msg-response.json").read_text(encoding="utf-8"))
TEXT, IMAGE = PAGE["msg_list"][2]["msgid"], PAGE["msg_list"][3]["msgid"]
CUSTOMER = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"


def example(name: str) -> dict:
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
async def api(tmp_path: Any) -> Any:
    platform = Platform(Options(db_path=tmp_path / "db.sqlite", data_dir=str(tmp_path),
                                http_port=0))
    await platform.start()
    assert platform.server is not None
    async with PlatformClient(platform.server.url, platform.token) as client:
        client.platform = platform
        yield client
    await platform.stop()


async def test_a_page_is_taken_in_and_read_back(api):
    done = await api.post("/api/wecom/messages", PAGE)
    assert [s["type"] for s in done["stored"]] == ["enter_session", "session_status_change",
                                                   "text", "image", "text"]
    assert done["duplicates"] == [] and done["warnings"] == []
    assert done["sessions"][0]["state"] == "serving"
    listed = await api.get("/api/wecom/messages", externalUserId=CUSTOMER, limit=2)
    assert [m["id"] for m in listed] == [5, 4]  # newest first
    assert listed[0]["item"] == PAGE["msg_list"][4] and listed[0]["origin"] == 5
    assert listed[0]["summary"] == "您好，已收到，马上为您安排维修师傅上门。"
    assert await api.get("/api/wecom/messages", openKfid="nobody") == []
    one = await api.get(f"/api/wecom/messages/{TEXT}")
    assert one["msgtype"] == "text" and one["order"] is None
    again = await api.post("/api/wecom/messages", PAGE)
    assert again["stored"] == [] and [d["path"] for d in again["duplicates"]] == [
        f"msg_list[{i}]" for i in range(5)]


async def test_one_item_or_a_list_is_taken_in(api):
    single = await api.post("/api/wecom/messages", example("servicer_status_change"))
    assert single["servicers"] == [{"openKfid": "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q",
                                    "servicerUserId": "zhangsan", "status": 2,
                                    "statusName": "停止接待", "changedAt": 1741921440}]
    listed = await api.post("/api/wecom/messages", [example("link"), example("file")])
    assert len(listed["stored"]) == 2
    sessions = await api.get("/api/wecom/sessions")
    assert sessions["servicers"][0]["status"] == 2
    assert [s["externalUserId"] for s in sessions["sessions"]] == [CUSTOMER]
    assert (await api.get("/api/wecom/sessions", state="closed"))["sessions"] == []


async def test_an_invalid_item_stores_nothing_and_names_every_problem(api):
    bad = json.loads(json.dumps(PAGE))
    bad["msg_list"][1]["event"]["change_type"] = 4
    bad["msg_list"][2]["text"] = {"content": 1}
    status, answer = await api.exchange("POST", "/api/wecom/messages", bad)
    assert status == 422
    errors = {e["path"]: e for e in answer["errors"]}
    assert set(errors) == {"msg_list[1].event.change_type", "msg_list[2].text.content"}
    assert errors["msg_list[1].event.change_type"]["hint"].startswith("one of 1 = taken")
    assert await api.get("/api/wecom/messages") == []
    status, answer = await api.exchange("POST", "/api/wecom/messages",
                                        {**example("text"), "msgid": "m", "send_time": 1,
                                         "text": {"content": "x", "menuid": "1"}},
                                        query={"mode": "strict"})
    assert status == 422 and answer["errors"][0]["path"] == "text.menuid"
    assert answer["errors"][0]["hint"] == "did you mean menu_id?"


async def test_error_classes(api):
    status, answer = await api.exchange("POST", "/api/wecom/messages", None)
    assert status == 400  # an empty body is not JSON
    status, answer = await api.exchange("POST", "/api/wecom/messages", 42)
    assert status == 422 and answer["errors"][0]["message"].startswith("expected one msg_list")
    result = await api._http.request("POST", api.base_url + "/api/wecom/messages",
                                     b"{not json", {**api._auth})
    assert result.status == 400 and b"line 1 column 2" in result.body_head
    no_token = await api._http.request("GET", api.base_url + "/api/wecom/messages")
    assert no_token.status == 401
    status, _ = await api.exchange("DELETE", "/api/wecom/messages")
    assert status == 405
    for path, query, where in (("/api/wecom/messages", {"limit": "x"}, "limit"),
                               ("/api/wecom/messages", {"beforeId": "0"}, "beforeId"),
                               ("/api/wecom/sessions", {"state": "open"}, "state")):
        status, answer = await api.exchange("GET", path, query=query)
        assert status == 422 and answer["errors"][0]["path"] == where
    status, answer = await api.exchange("POST", "/api/wecom/messages", PAGE,
                                        query={"mode": "loose"})
    assert status == 422 and answer["errors"][0]["path"] == "mode"
    status, answer = await api.exchange("GET", "/api/wecom/messages/nope")
    assert status == 404 and answer["errors"][0]["path"] == "msgid"


async def test_an_order_from_a_customers_text_shows_where_it_came_from(api):
    await api.put("/api/subscriptions/HRZ", {"baseCode": "HRZ", "dataAreas": ["fwwt"],
                                             "changeIds": ["1"]})
    await api.post("/api/wecom/messages", PAGE)
    opened = await api.post(f"/api/wecom/messages/{TEXT}/order",
                            {"contactName": "王女士", "contactTel": "13800000000"})
    order = opened["serviceOrderId"]
    assert opened["msgid"] == TEXT and opened["eventId"] >= 1
    assert [d["baseCode"] for d in opened["deliveries"]] == ["HRZ"]
    assert opened["timeline"] == f"/api/orders/{order}/timeline"
    story = await api.get(opened["timeline"])
    assert story["origins"] == [{
        "kind": "wecom", "msgid": TEXT, "externalUserId": CUSTOMER,
        "openKfid": "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q", "servicerUserId": "zhangsan",
        "content": "你好，我家厨房水管漏水了，麻烦派人来看看", "sendTime": 1741921260,
        "eventId": opened["eventId"], "linkedAt": story["origins"][0]["linkedAt"]}]
    event = await api.get(f"/api/events/{opened['eventId']}")
    assert event["source"] == "wecom" and event["data"]["contactName"] == "王女士"
    linked = await api.get(f"/api/wecom/messages/{TEXT}")
    assert linked["order"]["serviceOrderId"] == order
    status, answer = await api.exchange("POST", f"/api/wecom/messages/{TEXT}/order", {})
    assert status == 409 and order in answer["errors"][0]["hint"]


async def test_an_order_is_refused_with_the_reason(api):
    await api.post("/api/wecom/messages", PAGE)
    for msgid, body, status, where in (
            ("nope", {}, 404, "msgid"),
            (IMAGE, {}, 422, "msgid"),
            (TEXT, {"dataArea": 5}, 422, "dataArea"),
            (TEXT, {"area": "fwwt"}, 422, "area"),
            (TEXT, {"dataArea": "a/b"}, 422, "dataArea"),
            (TEXT, [1], 422, "")):
        status_got, answer = await api.exchange("POST", f"/api/wecom/messages/{msgid}/order",
                                                body)
        assert (status_got, answer["errors"][0]["path"]) == (status, where), answer
    result = await api._http.request("POST", api.base_url + f"/api/wecom/messages/{TEXT}/order",
                                     b"{", {**api._auth})
    assert result.status == 400
    with pytest.raises(ApiError, match="is an image message"):
        await api.post(f"/api/wecom/messages/{IMAGE}/order")
    # An empty body is the defaults: fwwt, a contact named from the customer's id.
    opened = await api.post(f"/api/wecom/messages/{TEXT}/order")
    event = await api.get(f"/api/events/{opened['eventId']}")
    assert event["data_area"] == "fwwt" and event["data"]["contactName"] == "微信客户koAw"


async def test_the_routes_are_described(api):
    described = await api.get("/api/openapi.json")
    assert {"/api/wecom/messages", "/api/wecom/messages/{msgid}/order",
            "/api/wecom/sessions"} <= set(described["paths"])


async def test_without_the_desk_the_routes_say_so(engine):
    from app.api.routes import Api
    from app.transport.http import HttpRequest

    bare = Api(engine, "t")  # an Api composed without a KfService
    answer = await bare.handle(HttpRequest("GET", "/api/wecom/sessions", {},
                                           {"authorization": "Bearer t"}, b""))
    assert answer.status == 503
    assert "python main.py serve" in json.loads(answer.body)["errors"][0]["hint"]
