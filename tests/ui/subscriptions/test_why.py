import json

from tests.conftest import example, subscription
from ui.hub import Hub
from ui.subscriptions.why import WhyWidget


def why_on(hosted, qtbot) -> WhyWidget:
    widget = WhyWidget(Hub())
    qtbot.addWidget(widget)
    widget.attach(hosted)
    return widget


async def test_a_stored_event_gets_the_engines_reason_for_each_subscription(hosted, qtbot):
    engine = hosted.engine
    await engine.put_subscription(subscription("FW", changeIds=["1"]))
    await engine.put_subscription(subscription("ELEC", dataAreas=["dqwt"], changeIds=["5"]))
    accepted = await engine.submit(example("envelope-changeId-1.json"))
    widget = why_on(hosted, qtbot)
    assert widget.latest.currentData() == accepted.event_id  # the newest first
    out = widget.explain_event(accepted.event_id, "ELEC")
    (verdict,) = out["explanations"]
    _, expected = engine.explain(example("envelope-changeId-1.json"), ["ELEC"])
    assert verdict == expected[0].to_json()
    assert verdict["reasons"] == ["area-out-of-scope", "change-not-subscribed"]
    text = widget.result.toPlainText()
    assert "✗ ELEC" in text and "outside its scope" in text and "不在订阅范围内" in text
    assert "also:" in text
    assert out["history"] == [{"baseCode": "FW", "status": "pending", "attempts": 0,
                               "lastError": None}]
    assert "FW: pending" in text
    every = widget.explain_event(accepted.event_id)
    assert {e["baseCode"]: e["matched"] for e in every["explanations"]} == {
        "FW": True, "ELEC": False}
    assert "Received by 1 of 2 subscriptions." in widget.result.toPlainText()


async def test_the_form_explains_a_pasted_body_and_says_what_is_wrong_with_input(
        hosted, qtbot):
    await hosted.engine.put_subscription(subscription("FW", changeIds=["1"]))
    widget = why_on(hosted, qtbot)
    widget.source.setCurrentIndex(0)
    assert widget.run() is None
    assert "No events are stored yet" in widget.problem.text()
    widget.event_id.setText("abc")
    assert widget.run() is None and "Event id" in widget.problem.text()
    widget.event_id.setText("99")
    assert widget.run() is None and "no event 99" in widget.problem.text()
    widget.source.setCurrentIndex(1)
    widget.body.setPlainText('{"changeId": "1", "dataArea": ')
    assert widget.run() is None and "not JSON" in widget.problem.text()
    body = example("envelope-changeId-1.json")
    body["dataArea"] = "fw/wt"  # cannot be a topic level: the engine refuses it
    widget.body.setPlainText(json.dumps(body, ensure_ascii=False))
    out = widget.run()
    assert not widget.problem.isVisibleTo(widget)
    assert out["refused"] is not None
    assert out["explanations"][0]["reason"] == "event-refused"
    assert "refuses this event" in widget.result.toPlainText()


async def test_compose_and_timeline_are_asked_through_the_hub(hosted, qtbot):
    accepted = await hosted.engine.submit(example("envelope-changeId-1.json"))
    widget = why_on(hosted, qtbot)
    widget.explain_event(accepted.event_id)
    with qtbot.wait_signal(widget.hub.compose) as composed:
        widget.compose.click()
    assert composed.args[0]["changeId"] == "1"
    with qtbot.wait_signal(widget.hub.open_order) as opened:
        widget.timeline.click()
    assert opened.args[0] == hosted.engine.event(accepted.event_id)["service_order_id"]
    assert "No subscriptions yet" in widget.result.toPlainText()
