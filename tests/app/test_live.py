from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.bus import EventBus
from app.catalog.wecom import EXAMPLES_DIR
from app.events import DeliveryAttempted, ImMessageLogged, MqPublished, PushRecorded
from app.live import FilterError, LiveFeed, make_filter, topic_matches, wecom_topic
from app.wecom.service import KfService, MessagesRefused
from tests.conftest import example, subscription


async def test_accepted_and_rejected_events_become_rows(engine):
    feed = LiveFeed(engine.bus)
    await engine.put_subscription(subscription("HRZ"))
    await engine.submit(example("envelope-changeId-1.json"), source="compose")
    await engine.submit(b"{not json", source="api")
    event, rejected = feed.since(0)
    assert (event.kind, event.outcome, event.topic) == ("event", "ok", "events/1/fwwt")
    assert event.order == "4503599741262301" and event.who == "compose"
    assert "HRZ" in event.summary and event.meta["deliveries"] == ["HRZ"]
    assert '"serviceOrderId"' in event.raw
    assert (rejected.kind, rejected.outcome, rejected.topic) == (
        "rejected", "rejected", "events/rejected/not-json")
    assert feed.counts["events"] == 1 and feed.pending() == 1

    # A callback attempt finds its order through the event it belongs to.
    engine.bus.publish(DeliveryAttempted(
        delivery_id=1, event_id=event.meta["eventId"], base_code="HRZ", attempt=1,
        verdict="delivered", status_code=200, latency_ms=3.0, error=None, webhook_id="w"))
    (attempt,) = feed.since(rejected.seq)
    assert attempt.order == "4503599741262301" and attempt.outcome == "ok"
    assert feed.pending() == 0


async def test_an_org_push_row_names_its_type_and_organisation(engine):
    feed = LiveFeed(engine.bus)
    await engine.put_subscription({"baseCode": "ORGSYS", "orgTypes": [200]})
    accepted = await engine.submit({"body": {"org_id": 7}, "created_at": 1, "org_id": 7,
                                    "operator": 2, "type": 200}, family="org")
    (row,) = feed.since(0)
    assert row.summary == "org push 200 REINITIALIZE_ORG · org 7 → ORGSYS"
    assert row.topic == "events/org:200/7" and row.order is None
    engine.bus.publish(MqPublished(delivery_id=accepted.first_delivery_id, base_code="ORGSYS",
                                   topic="org/push/ORGSYS/7", change_id="org:200", body=b"{}"))
    (published,) = feed.since(row.seq)
    assert published.summary == "org push 200 REINITIALIZE_ORG published (QoS 1, acknowledged)"


def test_since_pages_through_a_window_that_evicts_and_counts():
    bus = EventBus()
    feed = LiveFeed(bus, capacity=3)
    for i in range(5):
        bus.publish(ImMessageLogged(direction="in", user_id=f"u{i}", type="order_chat",
                                    msgid=None, status="accepted", body="{}"))
    assert [r.who for r in feed.since(0)] == ["u2", "u3", "u4"]
    assert feed.evicted == 2
    assert [r.who for r in feed.since(3)] == ["u3", "u4"]
    assert feed.since(5) == [] and [r.who for r in feed.since(0, limit=1)] == ["u2"]
    feed.close()
    bus.publish(PushRecorded(user_id="x", platform="ios", doc={}))
    assert feed.seq == 5  # closed: no longer listening


def test_im_rows_carry_the_topic_the_message_travelled_on():
    bus = EventBus()
    feed = LiveFeed(bus)
    bus.publish(ImMessageLogged(direction="out", user_id="e1", type="order", msgid="m",
                                status="queued", body='{"type": "order"}'))
    bus.publish(PushRecorded(user_id="e1", platform="android",
                             doc={"payload": {"extra": {"o_id": "O9"}}}))
    out, push = feed.since(0)
    assert out.topic == "$sktalent/clients/e1" and out.outcome == "queued"
    assert push.topic == "pushes/android/e1" and push.order == "O9"


@pytest.mark.parametrize(("pattern", "topic", "hit"), [
    ("wo/push/#", "wo/push/HRZ/fwwt", True),
    ("wo/push/+/fwwt", "wo/push/HRZ/fwwt", True),
    ("wo/push/+", "wo/push/HRZ/fwwt", False),
    ("wo/#", "wo", True),
    ("#", "$sktalent/clients/u1", True),  # a view, not a broker
    ("$sktalent/clients/+", "$sktalent/clients/u1", True),
    ("events/1/fwwt", "events/1/fwwt", True),
])
def test_topic_wildcards(pattern, topic, hit):
    assert topic_matches(pattern, topic) is hit


def test_filters_say_what_is_wrong():
    with pytest.raises(FilterError, match="position"):
        make_filter("(unclosed", "regex")
    with pytest.raises(FilterError, match="last level"):
        make_filter("wo/#/x", "topic")
    with pytest.raises(FilterError, match=r"'\+' stands alone"):
        make_filter("wo/a+", "topic")
    with pytest.raises(FilterError, match="use one of"):
        make_filter("x", "glob")


@given(st.text(max_size=30), st.sampled_from(["text", "regex", "topic"]), st.text(max_size=30))
def test_any_filter_text_is_usable_or_refused_with_a_reason(text, mode, topic):
    from app.live import LiveRow

    try:
        predicate = make_filter(text, mode)
    except FilterError as error:
        assert str(error)
        return
    predicate(LiveRow(seq=1, at=0, kind="mq", outcome="ok", topic=topic, who="w", order=None,
                      summary="s"))


async def test_an_mq_publish_finds_its_order_through_its_delivery(engine):
    feed = LiveFeed(engine.bus)
    await engine.put_subscription(subscription("HRZ"))
    await engine.put_subscription(subscription("WYGJ"))
    first = await engine.submit(example("envelope-changeId-1.json"))
    refs = first.deliveries
    for ref in refs:
        engine.bus.publish(MqPublished(delivery_id=ref.delivery_id, base_code=ref.base_code,
                                       topic=f"wo/push/{ref.base_code}/fwwt", change_id="1",
                                       body=b"{}"))
    engine.bus.publish(MqPublished(delivery_id=refs[-1].delivery_id + 1, base_code="X",
                                   topic="wo/push/X/fwwt", change_id="1", body=b"{}"))
    rows = [r for r in feed.since(0) if r.kind == "mq"]
    assert [r.order for r in rows] == ["4503599741262301", "4503599741262301", None]


async def test_wecom_messages_refusals_and_orders_become_rows(engine):
    feed = LiveFeed(engine.bus)
    kf = KfService(engine).start()
    page = json.loads((EXAMPLES_DIR / "sync_msg-response.json").read_text(encoding="utf-8"))
    await kf.ingest(page)
    rows = feed.since(0)
    assert [r.kind for r in rows] == ["wecom"] * 5
    enter, _, text, _, answer = rows
    customer = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"
    assert text.topic == f"wecom/wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q/{customer}/text"
    assert text.who == customer and text.summary == (
        "客户 customer ← 你好，我家厨房水管漏水了，麻烦派人来看看")
    assert answer.who == "zhangsan" and answer.summary.startswith("客服 servicer → 您好")
    assert enter.summary.startswith("事件 event · 进入会话") and enter.topic.endswith(
        "/enter_session")
    assert json.loads(text.raw) == page["msg_list"][2] and text.meta["origin"] == 3
    assert make_filter(f"wecom/+/{customer}/#", "topic")(text)
    with pytest.raises(MessagesRefused):
        await kf.ingest({"msgid": "x", "msgtype": "text", "text": 1})
    (refused,) = feed.since(answer.seq)
    assert (refused.outcome, refused.topic) == ("rejected", "wecom/rejected")
    assert refused.summary.startswith("refused, nothing stored: text: expected an object")
    opened = await kf.open_order(page["msg_list"][2]["msgid"])
    order_row = next(r for r in feed.since(refused.seq) if r.kind == "wecom")
    assert order_row.order == opened.service_order_id and order_row.topic.endswith("/order")
    assert feed.counts["wecom"] == 5


def test_a_wecom_row_without_a_customer_or_with_a_slash_keeps_its_levels():
    assert wecom_topic("wk/K", "", "servicer_status_change") == \
        "wecom/wk%2FK/-/servicer_status_change"
