"""KfService over a real engine and SQLite file: ingest (all or nothing, duplicates said),
sessions kept and reloaded, work orders opened from a customer's text and linked."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.catalog.findings import Mode
from app.catalog.wecom import EXAMPLES_DIR
from app.engine import Engine
from app.events import EventAccepted, KfMessageReceived, KfMessagesRefused, KfOrderOpened
from app.wecom.message import Message
from app.wecom.service import KfService, MessagesRefused, OrderRefused
from app.wecom.sessions import SERVING

PAGE = (EXAMPLES_DIR / "sync_msg-response.json").read_bytes()
TEXT = json.loads(PAGE)["msg_list"][2]["msgid"]
IMAGE = json.loads(PAGE)["msg_list"][3]["msgid"]
ANSWER = json.loads(PAGE)["msg_list"][4]["msgid"]


def example(name: str) -> dict:
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def heard(engine: Engine, kind: type) -> list:
    seen: list = []
    engine.bus.subscribe(kind, seen.append)
    return seen


@pytest.fixture
def kf(engine: Engine) -> KfService:
    return KfService(engine).start()


async def test_a_sync_page_is_stored_announced_and_tells_the_session(kf, engine):
    received = heard(engine, KfMessageReceived)
    done = await kf.ingest(PAGE)
    assert [row_id for row_id, _ in done.stored] == [1, 2, 3, 4, 5]
    assert [e.msgid for e in received] == [m.msgid for _, m in done.stored]
    assert received[2].summary == "你好，我家厨房水管漏水了，麻烦派人来看看"
    assert received[0].external_userid == "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"  # the event's
    row = engine.store.wecom_message(TEXT)
    assert row["item"] == json.dumps(json.loads(PAGE)["msg_list"][2], ensure_ascii=False,
                                     separators=(",", ":"))
    session = kf.sessions.session("wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q",
                                  "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw")
    assert session.state == SERVING and session.servicer_userid == "zhangsan"
    assert done.to_json()["sessions"][0]["messages"] == 5


async def test_duplicates_are_kept_out_and_said(kf, engine):
    await kf.ingest(PAGE)
    again = await kf.ingest(PAGE)
    assert again.stored == [] and len(again.duplicates) == 5
    assert again.duplicates[0] == ("msg_list[0]", json.loads(PAGE)["msg_list"][0]["msgid"],
                                   "already stored: kept out")
    twice = example("voice")
    done = await kf.ingest([twice, twice])
    assert len(done.stored) == 1
    assert done.duplicates == [("[1]", twice["msgid"], "the same msgid as [0] in this body: "
                                                       "kept out")]
    assert engine.store.wecom_known([twice["msgid"], "nope"]) == {twice["msgid"]}


async def test_one_bad_item_and_nothing_is_stored_but_the_body_is_kept(kf, engine):
    refused = heard(engine, KfMessagesRefused)
    page = json.loads(PAGE)
    page["msg_list"][3]["image"] = {"media_id": 42}
    with pytest.raises(MessagesRefused) as caught:
        await kf.ingest(json.dumps(page), source="test")
    assert caught.value.status == 422
    assert [f.path for f in caught.value.findings] == ["msg_list[3].image.media_id"]
    assert engine.store.wecom_messages() == [] and kf.sessions.sessions == {}
    assert refused[0].source == "test" and '"media_id": 42' in refused[0].body
    assert engine.store.counts()["rejections"] == 1


async def test_not_json_and_not_a_message_say_what_to_send(kf):
    with pytest.raises(MessagesRefused) as caught:
        await kf.ingest(b'{"msgid": ')
    assert caught.value.status == 400 and "msg_list" in caught.value.findings[0].hint
    with pytest.raises(MessagesRefused) as caught:
        await kf.ingest(b"42")
    assert caught.value.findings[0].message.startswith("expected one msg_list item")


async def test_the_mode_is_the_engines_unless_asked(kf, engine):
    lax = {"msgid": "lax", "msgtype": "text", "text": {"content": "在吗"}}
    assert len((await kf.ingest(lax)).stored) == 1  # lenient: warnings only
    with pytest.raises(MessagesRefused):
        await kf.ingest({**lax, "msgid": "lax2"}, mode=Mode.STRICT)
    await engine.set_validation_mode(Mode.STRICT)
    with pytest.raises(MessagesRefused):
        await kf.ingest({**lax, "msgid": "lax3"})


async def test_go_messages_are_taken_in_with_their_paths(kf):
    go = Message.from_item(example("location")).to_go_json()
    bad = {**Message.from_item(example("file")).to_go_json(), "origin_data": "!!"}
    with pytest.raises(MessagesRefused) as caught:
        await kf.ingest([go, bad])
    assert [f.path for f in caught.value.findings] == ["[1].origin_data"]
    done = await kf.ingest([go])
    assert done.stored[0][1].type_id == "location"


async def test_sessions_survive_a_restart(db_path, engine, kf):
    await kf.ingest(PAGE)
    engine.close()
    with Engine(db_path) as reopened:
        again = KfService(reopened).start()
        assert again.sessions.sessions == kf.sessions.sessions


async def test_an_order_opened_from_a_customers_text_is_linked_both_ways(kf, engine):
    accepted, opened = heard(engine, EventAccepted), heard(engine, KfOrderOpened)
    await kf.ingest(PAGE)
    await engine.set_validation_mode(Mode.STRICT)  # the body is strict-valid
    result = await kf.open_order(TEXT, contact_name="王女士")
    order = result.service_order_id
    assert accepted[-1].source == "wecom" and accepted[-1].service_order_id == order
    assert opened[0].msgid == TEXT and opened[0].event_id == result.accepted.event_id
    data = engine.event(result.accepted.event_id)["data"]
    assert data["userId"] == "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"
    assert data["noteName"] == "zhangsan"  # the servicer holding the session
    assert data["contactName"] == "王女士" and data["templateInstName"] == "房屋问题"
    story = engine.timeline(order).to_json()
    assert [o["msgid"] for o in story["origins"]] == [TEXT]
    assert story["origins"][0]["content"] == "你好，我家厨房水管漏水了，麻烦派人来看看"
    assert story["contact"]  # the builder's own reading of the changeId 1
    row = engine.store.wecom_message(TEXT)
    assert (row["service_order_id"], row["event_id"]) == (order, result.accepted.event_id)


async def test_an_order_is_refused_for_the_wrong_message(kf):
    await kf.ingest(PAGE)
    cases = [("nope", 404, "no WeCom message 'nope'"),
             (IMAGE, 422, "is an image message (图片消息)"),
             (ANSWER, 422, "sent by the servicer (origin 5)")]
    for msgid, status, said in cases:
        with pytest.raises(OrderRefused) as caught:
            await kf.open_order(msgid)
        assert caught.value.status == status and said in str(caught.value)
        assert caught.value.hint
    first = await kf.open_order(TEXT)
    with pytest.raises(OrderRefused) as caught:
        await kf.open_order(TEXT)
    assert caught.value.status == 409
    assert f"/api/orders/{first.service_order_id}/timeline" in caught.value.hint


async def test_a_bad_data_area_is_the_engines_refusal(kf, engine):
    await kf.ingest(PAGE)
    with pytest.raises(OrderRefused) as caught:
        await kf.open_order(TEXT, data_area="a/b")
    assert caught.value.status == 422
    assert caught.value.findings[0].path == "dataArea"
    assert engine.store.wecom_message(TEXT)["service_order_id"] is None  # not linked


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2**65) | st.text(max_size=5)
    | st.sampled_from(("text", "event", "enter_session", "msg_send_fail")),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(("msgid", "msgtype", "event", "event_type", "msg_list", "errcode",
                         "origin_data", "text", "content", "send_time", "origin")),
        inner, max_size=6),
    max_leaves=20)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(_json, _json.map(json.dumps), st.binary(max_size=30)))
def test_reading_any_body_gives_messages_or_a_refusal(kf, body):
    try:
        messages, findings = kf.read(body, Mode.LENIENT)
    except MessagesRefused as refused:
        assert refused.findings and refused.status in (400, 422)
    else:
        assert all(isinstance(m, Message) for _, m in messages)
        assert all(f.severity.value == "warning" for f in findings)
