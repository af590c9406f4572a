"""The WeCom composer over a real engine and WeCom desk: a fresh item of every type, the
desk's findings underlined, a customer's text taken in, and a work order opened from it that
the Timeline shows with where it came from."""

from __future__ import annotations

import time

import pytest

from app.catalog import wecom as catalogue
from ui.compose.wecom import WecomComposer, customer_text, example_of
from ui.timeline import TimelinePanel


@pytest.fixture
def wecom(panel) -> WecomComposer:
    panel.select_family("wecom")
    composer = panel.composers["wecom"]
    assert isinstance(composer, WecomComposer) and composer.isVisibleTo(panel)
    return composer


@pytest.mark.parametrize("type_id", [t.id for t in (*catalogue.MESSAGES, *catalogue.EVENTS)])
def test_a_fresh_item_of_each_type_is_valid_even_strictly(wecom, type_id):
    wecom.set_mode("strict")
    wecom.select_type(type_id)
    item = wecom.body()
    assert catalogue.type_of(item) == type_id and wecom.current_type() == type_id
    assert item["msgid"] != example_of(type_id)["msgid"]  # fresh: not a duplicate
    assert abs(item["send_time"] - time.time()) < 60
    assert wecom.validate() == [], type_id


def test_the_customer_field_goes_where_the_type_keeps_it(wecom):
    wecom.select_type("text")
    wecom.set_customer("wmCUSTOMER")
    assert wecom.body()["external_userid"] == "wmCUSTOMER"
    wecom.select_type("enter_session")  # an event: inside event
    body = wecom.body()
    assert body["event"]["external_userid"] == "wmCUSTOMER"
    assert "external_userid" not in body


async def test_a_wrong_item_is_underlined_and_refused(wecom, engine):
    wecom.select_type("text")
    body = wecom.body()
    body["origin"] = 7
    wecom.set_body(body)
    findings = wecom.validate()
    assert any(f.path == "origin" for f in findings)
    line = wecom.editor.line_of_path("origin")
    assert wecom.editor.marks[line][0][0] is True
    result = await wecom.send()
    assert result["reason"] == "invalid" and "Rejected (invalid)" in wecom.verdict.text()
    assert wecom.platform.wecom.messages() == []


async def test_a_customer_text_sent_opens_an_order_shown_in_the_timeline_with_its_origin(
        panel, wecom, engine, qtbot):
    timeline = TimelinePanel(panel.hub)  # as in the window: the same hub
    qtbot.addWidget(timeline)
    timeline.resize(900, 700)
    timeline.attach(panel.platform)
    opened = []
    panel.hub.open_order.connect(opened.append)

    wecom.select_type("text")
    item = wecom.body()
    item["text"]["content"] = "厨房水管漏水了，地上全是水，麻烦尽快派人来看看"
    wecom.set_body(item)
    assert not wecom.validate()
    result = await wecom.send()
    [stored] = result["stored"]
    assert stored["msgid"] == item["msgid"] and wecom.last_text == item["msgid"]
    assert "Taken in: 1 message stored" in wecom.verdict.text()
    assert "Open a work order from this message" in wecom.verdict.text()
    assert wecom.open_order_button.isEnabled()
    # sent again: kept out as a duplicate, and the findings said so before
    assert any("stored already" in f.message for f in wecom.validate())
    again = await wecom.send()
    assert again["stored"] == [] and "kept out" in wecom.verdict.text()

    order = await wecom.open_order()
    order_id = order["serviceOrderId"]
    assert opened == [order_id] and timeline.order_id == order_id
    assert f"Work order {order_id} opened from message" in wecom.verdict.text()
    assert engine.event(order["eventId"])["source"] == "wecom"
    [origin] = timeline.timeline.origins
    assert origin["msgid"] == item["msgid"] and origin["content"].startswith("厨房水管漏水")
    assert timeline.scene.origins() == [(order["eventId"], item["msgid"])]
    assert "from WeCom 微信客服" in timeline.scene.lane_titles()[0]
    assert "厨房水管漏水" in timeline.header.text()
    tips = [i.toolTip() for i in timeline.scene.items() if i.data(0) == "origin"]
    assert item["msgid"] in tips[0] and "Opened from a WeCom" in tips[0]
    timeline.pick("origin", origin)
    assert item["msgid"] in timeline.detail.title.text()

    again = await wecom.open_order(item["msgid"])  # one order per message
    assert again is None and "already opened" in wecom.note.text()


def test_only_a_customers_text_opens_an_order():
    text = example_of("text")
    assert customer_text(text) == text["msgid"]
    assert customer_text({**text, "origin": 5}) is None
    assert customer_text(example_of("image")) is None


def test_the_stored_examples_all_load(wecom):
    for sample in wecom.samples():
        wecom.load_example(sample.id)
        assert sample.title in wecom.note.text()


async def test_a_simulated_conversation_is_taken_in_and_its_first_text_opens_an_order(
        wecom, engine):
    result = await wecom.simulate(pace=0)
    talk = wecom.last_conversation
    assert len(result["stored"]) == len(talk.items) >= 10
    assert [m["msgid"] for m in wecom.platform.wecom.messages(limit=100)][::-1] == \
        [i["msgid"] for i in talk.items]
    assert wecom.body()["msgid"] == talk.first_text and wecom.last_text == talk.first_text
    assert wecom.customer.text() == talk.external_userid
    assert talk.customer in wecom.note.text()
    assert "… and" in wecom.verdict.text() and "Open a work order" in wecom.verdict.text()
    order = await wecom.open_order()  # the text shown, stored
    assert order["msgid"] == talk.first_text
    assert engine.timeline(order["serviceOrderId"]).origins[0]["msgid"] == talk.first_text
    second = await wecom.simulate(pace=0)  # another customer
    assert wecom.last_conversation.external_userid != talk.external_userid
    assert second["stored"]


async def test_every_simulated_conversation_happened_in_the_last_hour(wecom):
    for _ in range(3):
        await wecom.simulate(pace=0)
        times = [i["send_time"] for i in wecom.last_conversation.items]
        assert time.time() - 1900 <= times[0] and times[-1] <= time.time() + 1800
