"""The Flow panel over a real engine and bus (and, where it matters, the whole real platform:
Mosquitto, the callback service, simulated subscribers)."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt

from app.broker.managed import find_mosquitto
from app.catalog.findings import Code, Finding, Severity
from app.events import DeliveryAttempted, EventAccepted, EventRejected, MqPublished
from app.platform import Options, Platform
from tests.conftest import example, subscription, until
from ui import theme
from ui.flow import FlowPanel
from ui.flow.animation import DOT_BUDGET
from ui.flow.feed import PENDING_MAX
from ui.hub import Hub


@pytest.fixture
def platform(tmp_path):
    """A real platform object whose engine is open; broker, IM and callbacks not started
    (they are absent, as when Mosquitto is not installed)."""
    p = Platform(Options(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path)))
    p.engine.open()
    yield p
    p.engine.close()


@pytest.fixture
def panel(qtbot):
    hub = Hub()
    panel = FlowPanel(hub)
    panel.hub_for_test = hub  # type: ignore[attr-defined]
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def accepted(event_id: int, *codes: str, order: str = "W123") -> EventAccepted:
    return EventAccepted(event_id=event_id, change_id="1", data_area="fwwt",
                         service_order_id=order, source="compose",
                         first_delivery_id=event_id * 10, base_codes=codes)


def attempt(code: str, verdict: str, status: int = 200, attempt_no: int = 1
            ) -> DeliveryAttempted:
    return DeliveryAttempted(delivery_id=1, event_id=1, base_code=code, attempt=attempt_no,
                             verdict=verdict, status_code=status, latency_ms=12.0, error=None,
                             webhook_id="msg_1")


async def with_subscriptions(platform, panel):
    await platform.engine.put_subscription(subscription("HRZ", name="华润置地物业系统",
                                                        callbackUrl="http://127.0.0.1:9/cb"))
    await platform.engine.put_subscription(subscription("LAKE", name="Data lake"))
    panel.attach(platform)


def test_before_the_platform_is_up_it_says_it_is_starting(panel):
    assert panel.stack.currentWidget() is panel.empty
    assert "starting" in panel.empty.text()
    assert panel.nodes() == {}


async def test_nodes_for_every_part_and_each_kind_of_subscriber(platform, panel):
    await with_subscriptions(platform, panel)
    assert panel.stack.currentWidget() is panel.view
    nodes = panel.nodes()
    for key in ("source", "router", "callbacks", "im", "users", "push", "topic:HRZ",
                "sub:HRZ", "topic:LAKE", "sub:LAKE"):
        assert key in nodes, key
    edges = panel.counters()["edges"]
    # HTTP: topic → callback service → subscriber; MQ only: topic → subscriber directly
    assert {"topic:HRZ>callbacks", "callbacks>sub:HRZ", "topic:LAKE>sub:LAKE"} <= set(edges)
    assert "topic:LAKE>callbacks" not in edges
    assert nodes["sub:HRZ"].title == "华润置地物业系统"
    assert "127.0.0.1:9" in nodes["sub:HRZ"].subtitle
    assert "MQ only" in nodes["sub:LAKE"].subtitle
    # nothing running behind them here: said, not hidden
    assert nodes["im"].dimmed and "not running" in nodes["im"].subtitle
    assert "MQ off" in nodes["topic:HRZ"].subtitle


async def test_no_subscription_yet_tells_what_to_do(platform, panel):
    panel.attach(platform)
    assert "Subscriptions panel" in panel.hint.text() and not panel.hint.isHidden()
    await platform.engine.put_subscription(subscription("HRZ"))
    panel.relayout()
    assert panel.hint.isHidden()


async def test_a_saved_subscription_lays_the_picture_out_again(platform, panel):
    await with_subscriptions(platform, panel)
    await platform.engine.put_subscription(subscription("NEW", callbackUrl="http://h:1/x"))
    assert panel.relayout_timer.isActive()  # a burst of changes is laid out once
    panel.relayout()  # what the timer does (Qt timers do not fire on this test's loop)
    assert {"topic:NEW", "sub:NEW"} <= set(panel.nodes())
    await platform.engine.delete_subscription("LAKE")
    panel.relayout()
    assert "sub:LAKE" not in panel.nodes()


async def test_many_subscribers_share_a_last_row_and_are_still_counted(platform, panel):
    for i in range(14):
        await platform.engine.put_subscription(subscription(f"S{i:02d}",
                                                            callbackUrl="http://h:1/x"))
    panel.attach(platform)
    subs = [k for k in panel.nodes() if k.startswith("sub:")]
    assert len(subs) == 10 and "sub:+more" in subs
    assert "5 more" in panel.nodes()["sub:+more"].title
    platform.engine.bus.publish(attempt("S13", "delivered"))
    panel.step(0.01)
    assert panel.counters()["edges"]["callbacks>sub:+more"] == 1


async def test_an_event_moves_along_its_path_and_is_counted(platform, panel):
    await with_subscriptions(platform, panel)
    accepted_result = await platform.engine.submit(example("envelope-changeId-1.json"),
                                                   source="compose")
    assert accepted_result.to_json()["deliveries"]
    panel.step(0.01)
    assert panel.in_flight() == 1
    dot = panel.animator.dots[0]
    source, router = panel.nodes()["source"], panel.nodes()["router"]
    # the dot left the sources' right edge, heading for the router
    assert source.pos().x() < dot.item.pos().x() < router.pos().x()
    panel.step(0.45)
    assert source.pos().x() < dot.item.pos().x() < router.pos().x()
    panel.step(1.0)
    assert panel.in_flight() == 0
    assert router.flash > 0  # it glows where it arrived
    counters = panel.counters()
    assert counters["events"] == 1 and counters["deliveries"] == 2
    assert counters["edges"]["source>router"] == 1
    assert "1 event" in panel.state.text()


async def test_outcomes_colour_the_dots_and_the_subscribers(platform, panel):
    await with_subscriptions(platform, panel)
    bus = platform.engine.bus
    bus.publish(attempt("HRZ", "delivered"))
    bus.publish(attempt("HRZ", "retry", 500))
    bus.publish(attempt("HRZ", "failed", 500, 6))
    bus.publish(MqPublished(delivery_id=1, base_code="LAKE", topic="wo/push/LAKE/fwwt",
                            change_id="1", body=b"{}"))
    panel.step(0.01)
    colours = [(d.outcome, d.item.brush().color().name()) for d in panel.animator.dots]
    assert colours == [("ok", theme.strong("ok").name()),
                       ("retry", theme.strong("retry").name()),
                       ("failed", theme.strong("failed").name()),
                       ("ok", theme.strong("ok").name())]
    # the MQ-only subscriber's message goes router → topic → subscriber
    lake = panel.animator.dots[3]
    assert lake.end == "sub:LAKE" and len(lake.points) > 80
    assert panel.nodes()["sub:HRZ"].status == "failed"  # its last word
    panel.step(1.0)
    panel.step(0.85)  # two hops: topic → callback service → subscriber
    assert panel.animator.bursts  # failed for good: a red ring where it ended
    panel.step(2.0)
    assert panel.in_flight() == 0 and not panel.animator.bursts
    counters = panel.counters()
    assert (counters["delivered"], counters["retries"], counters["failed"]) == (1, 1, 1)
    assert counters["edges"]["callbacks>sub:HRZ"] == 3


async def test_a_rejected_event_ends_in_a_red_burst_at_the_router(platform, panel):
    panel.attach(platform)
    finding = Finding(path="data.userId", code=Code.MISSING, message="userId is missing",
                      severity=Severity.ERROR)
    platform.engine.bus.publish(EventRejected(rejection_id=1, source="api", reason="invalid",
                                              findings=(finding,)))
    panel.step(0.01)
    assert panel.animator.dots[0].outcome == "rejected"
    panel.step(1.0)
    assert panel.animator.bursts and panel.counters()["rejected"] == 1
    panel.step(1.0)
    panel.feed.advance(1.0)
    assert "Refused (invalid): userId is missing" in panel.feed.captions


async def test_ten_thousand_events_at_once_stay_bounded_and_are_all_counted(platform, panel):
    await with_subscriptions(platform, panel)
    bus = platform.engine.bus
    for _ in range(10_000):
        bus.publish(attempt("HRZ", "delivered"))
        assert len(panel.feed.pending) <= PENDING_MAX
    counters = panel.counters()
    assert counters["pending"] == PENDING_MAX
    assert counters["aggregated"] == 10_000 - PENDING_MAX  # counted at once, not dropped
    panel.step(0.01)
    assert panel.in_flight() == DOT_BUDGET  # a budget of dots, the rest pulse and count
    while panel.feed.pending:
        panel.step(0.01)
        assert panel.in_flight() <= DOT_BUDGET
    counters = panel.counters()
    assert counters["animated"] + counters["aggregated"] == 10_000
    assert counters["delivered"] == 10_000
    assert counters["edges"]["callbacks>sub:HRZ"] == 10_000
    aggregated = f"{counters['aggregated']:,}"
    assert aggregated.replace(",", "") in panel.state.text().replace(",", "")
    assert "without a dot" in panel.state.text()


async def test_pause_holds_the_dots_and_loses_nothing(platform, panel):
    await with_subscriptions(platform, panel)
    panel.pause.setChecked(True)
    platform.engine.bus.publish(accepted(1, "HRZ", "LAKE"))
    panel.step(0.5)
    assert panel.in_flight() == 0 and panel.counters()["pending"] == 1
    assert "paused: 1 waiting" in panel.state.text()
    panel.pause.setChecked(False)
    panel.step(0.01)
    assert panel.in_flight() == 1 and panel.counters()["events"] == 1


async def test_a_hidden_panel_counts_without_animating(platform, panel):
    await with_subscriptions(platform, panel)
    panel.hide()
    platform.engine.bus.publish(accepted(1, "HRZ"))
    assert panel.counters()["pending"] == 0 and panel.counters()["events"] == 1
    assert not panel.timer.isActive()
    panel.show()
    platform.engine.bus.publish(accepted(2, "HRZ"))
    panel.step(0.01)
    assert panel.in_flight() == 1


async def test_presentation_opens_full_screen_with_captions_and_esc_closes_it(
        platform, panel, qtbot):
    await with_subscriptions(platform, panel)
    panel.presentation(True)
    presenter = panel.presenter
    assert presenter is not None
    assert presenter.windowState() & Qt.WindowState.WindowFullScreen
    assert presenter.view.scene() is panel.scene  # the same dots, a second view
    assert "Waiting for the first event" in presenter.captions.text()
    platform.engine.bus.publish(accepted(1, "HRZ", "LAKE", order="4503599741262301"))
    platform.engine.bus.publish(attempt("HRZ", "delivered"))
    panel.step(0.01)
    assert "Order 4503599741262301: 生成工单 → routed to 2 subscriber" in \
        presenter.captions.text()
    panel.step(1.0)  # captions come one at a time, readable
    assert "HRZ received it (HTTP 200, 12 ms)" in presenter.captions.text()
    assert "1 events" in presenter.totals.text()
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert panel.presenter is None
    assert not panel.present.isChecked()


def test_double_clicking_a_box_filters_live(panel, qtbot):
    hub = panel.hub_for_test
    with qtbot.waitSignal(hub.filter_live) as blocker:
        panel.scene.activated.emit("topic:HRZ")
    assert blocker.args == ["wo/push/HRZ/#", "topic"]
    with qtbot.waitSignal(hub.filter_live) as blocker:
        panel.scene.activated.emit("sub:HRZ")
    assert blocker.args == ["HRZ", "text"]


async def test_the_dark_theme_recolours_the_dots(platform, panel, qapp):
    await with_subscriptions(platform, panel)
    try:
        theme.apply(qapp, "dark")
        qapp.processEvents()  # the palette change reaches the widgets as an event
        platform.engine.bus.publish(attempt("HRZ", "failed", 500))
        panel.step(0.01)
        assert panel.animator.dots[0].item.brush().color() == theme.strong("failed")
        assert "#ef5350" in panel.legend.text()
        panel.grab()  # paints every item in the dark palette without a warning
    finally:
        theme.apply(qapp, "light")


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_the_whole_platform_lights_up_the_picture(tmp_path, panel):
    from simulator.subscribers import Behaviour, SubscriberHost

    args = argparse.Namespace(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path))
    platform = Platform(Options(db_path=args.db_path, data_dir=args.data_dir, http_port=0),
                        simulators=SubscriberHost)
    await platform.start()
    try:
        sim = platform.sims.add("hrz", Behaviour(statuses=[500, 200]))
        await platform.engine.put_subscription(subscription(
            "HRZ", callbackUrl=sim.url, changeIds=["1"], retrySchedule=[0, 0.05]))
        panel.attach(platform)
        assert not panel.nodes()["topic:HRZ"].dimmed  # the broker runs
        await platform.engine.submit(example("envelope-changeId-1.json"), source="compose")

        def seen() -> dict:
            panel.step(0.05)
            return panel.counters()

        await until(lambda: seen()["delivered"] == 1 and seen()["mq"] >= 1)
        counters = panel.counters()
        assert counters["retries"] == 1 and counters["events"] == 1
        assert counters["edges"]["router>topic:HRZ"] >= 1
        assert counters["edges"]["callbacks>sub:HRZ"] == 2
        assert panel.nodes()["sub:HRZ"].status == "ok"
    finally:
        await platform.stop()
