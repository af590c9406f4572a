"""The Timeline panel over a real platform object (its real engine, SQLite file and bus), with
real callbacks to simulated subscribers and the real IM server where badges depend on them."""

from __future__ import annotations

import types
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.broker.managed import find_mosquitto
from app.catalog.samples import sample
from app.delivery.dispatcher import Dispatcher
from app.platform import Options, Platform
from app.transport.http import HttpClient
from simulator.subscribers import Behaviour
from tests.conftest import example, subscription, until
from ui import theme
from ui.hub import Hub
from ui.timeline import TimelinePanel

ORDER = "4503599741262301"  # the spec examples' order
CODE = "0120190802003048"
DISPATCH, DEAL = "450359974126230102", "450359974126230104"
FAST = [0, 0.05, 0.05]


@pytest.fixture
def platform(tmp_path):
    """A real platform whose engine is open; broker, IM and callbacks not started."""
    p = Platform(Options(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path)))
    p.engine.open()
    yield p
    p.engine.close()


@pytest.fixture
def panel(qtbot):
    hub = Hub()
    panel = TimelinePanel(hub)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    return panel


def event(change_id: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"changeId": change_id, "dataArea": "fwwt", "data": data}


def spec_story() -> list[dict[str, Any]]:
    """The spec's changeId 1 and 5 examples, then the order's next steps on the same order:
    dispatch handled, the deal track generated, a hang, a transfer, an urging, a timeout,
    handled, the end and the evaluation."""
    dispatched = sample("2", trackId=DISPATCH, trackCode="NODE_DS_DISPATCH", trackName="派单",
                        handleDate="20190802162000", currentUserName="刘凯",
                        trackInfo="刘凯已派单")
    deal = sample("5", trackId=DEAL, trackCode="NODE_DS_DEAL", trackName="处理",
                  createDate="20190802162100", trackInfo="待[王师傅]处理",
                  currentUser={"userId": "94782", "userName": "王师傅", "userType": "2"})
    return [
        example("envelope-changeId-1.json"),
        event("5", example("changeId-5.json")),
        event("2", dispatched),
        event("5", deal),
        event("6", sample("6", hangStatus="1", hangtime="20190802170000")),
        event("6", sample("6", hangStatus="2", hangtime="20190802170100")),
        event("6", sample("6", hangStatus="0", hangtime="20190802170100",
                          factRelieveHang="20190802171500")),
        event("9", sample("9")),
        event("10", sample("10", createTime="20190802173500")),
        event("7", sample("7")),
        event("2", sample("2", trackId=DEAL, trackCode="NODE_DS_DEAL", trackName="处理",
                          handleDate="20190802180000", currentUserName="李电工",
                          trackInfo="李电工已处理")),
        event("3", sample("3")),
        event("4", sample("4", evaluateTime="20190802200000")),
    ]


async def submit_all(platform, bodies) -> list[int]:
    ids = []
    for body in bodies:
        accepted = await platform.engine.submit(body, source="compose")
        assert hasattr(accepted, "event_id"), accepted.to_json()
        ids.append(accepted.event_id)
    return ids


# --- empty states -----------------------------------------------------------------------


def test_before_the_platform_is_up_it_says_so(panel):
    assert "starting" in panel.empty.text()
    assert panel.stack.currentWidget() is panel.empty
    assert not panel.search_box.isEnabled()
    assert panel.show_order(ORDER) is False  # remembered for when the platform is up


def test_with_no_orders_it_tells_a_first_time_user_what_to_do(panel, platform):
    panel.attach(platform)
    assert panel.search_box.isEnabled()
    assert "No work orders yet" in panel.empty.text() and "changeId 1" in panel.empty.text()
    assert panel.show_order("nope") is False
    assert "No events for order “nope”" in panel.empty.text()


async def test_an_order_asked_for_before_the_platform_was_up_opens_on_attach(panel, platform):
    await submit_all(platform, spec_story()[:2])
    panel.show_order(ORDER)
    panel.attach(platform)
    assert panel.stack.currentIndex() == 1 and panel.timeline is not None


# --- the drawing ------------------------------------------------------------------------


async def test_the_spec_order_draws_its_lanes_handlers_hangs_and_marks(panel, platform):
    ids = await submit_all(platform, spec_story())
    panel.attach(platform)
    assert panel.show_order(ORDER)

    titles = panel.scene.lane_titles()
    assert len(titles) == 3  # the order's own lane, then 派单 and 处理
    assert CODE in titles[0] and "噜噜噜" in titles[0]
    assert titles[1].startswith("派单") and "刘凯" in titles[1]
    assert titles[2].startswith("处理") and "王师傅" in titles[2] and "李电工" in titles[2]
    drawn = panel.scene.tagged()
    kinds = {k for k, _ in drawn}
    assert {"order", "track", "hang", "mark", "event"} <= kinds
    marks = {p.kind for k, p in drawn if k == "mark"}
    assert marks == {"transfer", "urgent", "timeout", "end", "evaluation"}
    events = {p for k, p in drawn if k == "event"}  # the rest are plain event markers
    assert events == set(ids) - {p.event_id for k, p in drawn if k == "mark"}
    assert panel.anomalies() == []
    assert "13 events" in panel.status.text() and "2 tracks" in panel.status.text()
    assert "ended" in panel.header.text() and ORDER in panel.header.text()


async def test_a_missing_and_an_out_of_order_change_id_are_flagged(panel, platform):
    story = spec_story()
    # The deal track handled before it was generated: a missing step, then out of order.
    await submit_all(platform, [story[0], story[1], story[2], story[10], story[3]])
    panel.attach(platform)
    panel.show_order(ORDER)

    found = panel.anomalies()
    assert [kind for _, kind, _ in found] == ["missing-step", "out-of-order"]
    assert "never generated" in found[0][2]
    assert panel.anomaly_model.rowCount() == 2
    assert "Anomalies (2)" in panel.tabs.tabText(1)
    rings = [p for k, p in panel.scene.tagged() if k == "anomaly"]
    assert {a.event_id for a in rings} == {a for a, _, _ in found}

    panel.language = lambda: "zh"  # the window shows Chinese: the core's Chinese message
    panel.retranslate()
    assert "未生成" in panel.anomalies()[0][2]

    panel.anomaly_list.setCurrentIndex(panel.anomaly_model.index(0))
    panel._anomaly_clicked(panel.anomaly_model.index(0))
    assert panel.detail.doc["kind"] == "missing-step"
    assert panel.detail.doc["event"]["change_id"] == "2"


async def test_an_order_never_created_here_is_flagged(panel, platform):
    await submit_all(platform, [event("5", example("changeId-5.json"))])
    panel.attach(platform)
    panel.show_order(ORDER)
    assert [k for _, k, _ in panel.anomalies()] == ["unknown-order"]
    assert "never created here" in panel.header.text()


async def test_delivery_badges_say_delivered_and_failed_per_subscriber(panel, platform,
                                                                        receivers):
    ok = receivers.add("ok", Behaviour(statuses=[200]))
    down = receivers.add("down", Behaviour(status=500))
    await platform.engine.put_subscription(subscription("HRZ", callbackUrl=ok.url))
    await platform.engine.put_subscription(subscription("DOWN", callbackUrl=down.url,
                                                        retrySchedule=FAST))
    http = HttpClient()
    await http.start()
    dispatcher = Dispatcher(platform.engine, http, instance=platform.engine.instance_id)
    await dispatcher.start()
    try:
        (first,) = await submit_all(platform, spec_story()[:1])
        panel.attach(platform)

        def badges():
            panel.refresh()  # the throttle timer's slot: this loop is not Qt's
            return set(panel.badges())

        panel.show_order(ORDER)
        await until(lambda: badges() == {(first, "HRZ", "delivered"),
                                         (first, "DOWN", "failed")})
        delivery = next(p for k, p in panel.scene.tagged() if k == "delivery"
                        and p["baseCode"] == "DOWN")
        panel.pick("delivery", delivery)
        assert panel.detail.doc["delivery"]["status"] == "failed"
        assert len(panel.detail.doc["attempts"]) == 3  # FAST: three tries
    finally:
        await dispatcher.stop()
        await http.close()


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_im_notified_and_pushed_badges(panel, engine, im):
    await im.put_user({"userID": "110640113", "name": "contact"})  # offline: queued, pushed
    accepted = await engine.submit(event("1", sample("1")))
    await until(lambda: im.counts["notifications"] >= 1)
    await im.flush()
    panel.attach(types.SimpleNamespace(engine=engine))  # the engine is all the panel reads
    panel.show_order(ORDER)
    assert (accepted.event_id, "110640113", "notified-queued") in panel.badges()
    assert (accepted.event_id, "110640113", "pushed") in panel.badges()
    notice = next(p for k, p in panel.scene.tagged() if k == "notice")
    panel.pick("notice", notice)
    assert panel.detail.doc["status"] == "queued"
    assert panel.detail.doc["push"]["userID"] == "110640113"  # the push made for it


# --- live ------------------------------------------------------------------------------


async def test_a_new_event_for_the_shown_order_redraws_it_throttled(panel, platform):
    story = spec_story()
    await submit_all(platform, story[:2])
    panel.attach(platform)
    panel.show_order(ORDER)
    assert len(panel.timeline.events) == 2
    refreshed = []
    panel.throttle.timeout.connect(lambda: refreshed.append(1))

    await submit_all(platform, [event("1", sample("1", serviceOrderId="OTHER"))])
    assert not panel.throttle.isActive()  # another order: nothing to do
    await submit_all(platform, story[2:6])
    assert panel.throttle.isActive() and panel.settle.isActive()
    assert len(panel.timeline.events) == 2  # not rebuilt per message
    panel.throttle.timeout.emit()  # the timer fires once for the burst
    assert refreshed == [1]
    assert len(panel.timeline.events) == 6
    assert any(k == "hang" for k, _ in panel.scene.tagged())


# --- search ----------------------------------------------------------------------------


async def test_search_finds_by_id_code_and_contact(panel, platform):
    await submit_all(platform, [*spec_story()[:2], event("1", sample(
        "1", serviceOrderId="WO-2", serviceOrderCode="0120190802009999", contactName="王五",
        userId="555"))])
    panel.attach(platform)
    for text, expected in ((ORDER, [ORDER]), (CODE[-6:], [ORDER]), ("噜噜噜", [ORDER]),
                           ("555", ["WO-2"]), ("王五", ["WO-2"]),
                           ("01201908020", ["WO-2", ORDER])):
        rows = panel.search(text)
        assert [r["service_order_id"] for r in rows] == expected, text
    assert panel.search_box.table.isVisible()

    panel.search("WO-2")
    assert panel.open_search() == "WO-2"
    assert panel.order_id == "WO-2" and panel.stack.currentIndex() == 1
    assert not panel.search_box.table.isVisible()  # results put away once an order opens

    assert panel.search("zzz") == []
    assert "No order matches “zzz”" in panel.search_box.message.text()
    assert panel.search_box.message.isVisible()
    assert panel.open_search() is None and panel.order_id == "WO-2"  # nothing lost


async def test_clicking_a_search_result_opens_it(panel, platform, qtbot):
    await submit_all(platform, spec_story()[:2])
    panel.attach(platform)
    panel.search("噜")
    table = panel.search_box.table
    rect = table.visualRect(panel.search_box.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.order_id == ORDER and panel.timeline is not None


# --- clicking, zooming, the hub --------------------------------------------------------


async def test_clicking_an_event_shows_its_json(panel, platform, qtbot):
    ids = await submit_all(platform, spec_story()[:3])
    panel.attach(platform)
    panel.show_order(ORDER)
    view = panel.view
    view.center_on_event(ids[0])
    pos = view.mapFromScene(panel.scene.event_pos(ids[0]))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert panel.detail.doc["id"] == ids[0]
    assert panel.detail.doc["data"]["serviceOrderId"] == ORDER
    assert panel.detail.tree.topLevelItemCount() > 5
    assert "changeId 1" in panel.detail.title.text()

    panel.pick("track", next(p for k, p in panel.scene.tagged() if k == "track"))
    assert panel.detail.doc["track_name"] == "派单"
    assert view.pick(QPoint(view.viewport().width() - 2, view.viewport().height() - 2)) \
        is None  # empty space: nothing


async def test_zoom_changes_the_time_scale_and_fit_restores_it(panel, platform, qtbot):
    await submit_all(platform, spec_story())
    panel.attach(platform)
    panel.show_order(ORDER)
    fitted = panel.scene.scale
    panel.view.zoom(2.0)
    assert panel.scene.scale == pytest.approx(fitted * 2)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Plus)
    assert panel.scene.scale == pytest.approx(fitted * 2 * 1.25)
    panel.zoom_out_button.click()
    assert panel.scene.scale == pytest.approx(fitted * 2)
    assert panel.view.horizontalScrollBar().maximum() > 0  # wider than the view: pan
    qtbot.keyClick(panel.view, Qt.Key.Key_0)
    assert panel.scene.scale == pytest.approx(fitted)
    assert panel.scene.sceneRect().width() <= panel.view.viewport().width() + 1


async def test_hub_opens_orders_and_the_panel_asks_live_and_compose(panel, platform, qtbot):
    ids = await submit_all(platform, spec_story()[:3])
    panel.attach(platform)
    panel.hub.open_order.emit(ORDER)
    assert panel.order_id == ORDER
    with qtbot.wait_signal(panel.hub.filter_live) as live:
        panel.live_button.click()
    assert live.args == [ORDER, "text"]
    with qtbot.wait_signal(panel.hub.compose) as compose:
        panel.compose_button.click()
    body = compose.args[0]
    assert body["changeId"] == "2" and body["dataArea"] == "fwwt"
    assert body["data"] == platform.engine.event(ids[-1])["data"]


async def test_dark_theme_and_language_change_redraw_without_losing_the_order(panel,
                                                                              platform):
    await submit_all(platform, spec_story())
    panel.attach(platform)
    panel.show_order(ORDER)
    before = len(panel.scene.tagged())
    app = QApplication.instance()
    try:
        theme.apply(app, "dark")
        assert len(panel.scene.tagged()) == before and theme.is_dark()
    finally:
        theme.apply(app, "light")
    panel.retranslate()
    assert len(panel.scene.tagged()) == before and panel.order_id == ORDER


async def test_a_redraw_due_after_the_platform_stopped_is_harmless(panel, platform):
    await submit_all(platform, spec_story()[:2])
    panel.attach(platform)
    panel.show_order(ORDER)
    await submit_all(platform, spec_story()[2:3])
    assert panel.throttle.isActive()
    platform.engine.close()  # the app is closing; the timer still fires once
    assert panel.refresh() is False
    panel.pick("event", 1)  # nothing to read, nothing raised


async def test_the_selection_and_the_fit_survive_a_redraw(panel, platform):
    story = spec_story()
    ids = await submit_all(platform, story[:3])
    panel.attach(platform)
    panel.show_order(ORDER)
    panel.pick("event", ids[0])
    assert panel.scene._outline is not None
    first_fit = panel.scene.scale
    await submit_all(platform, story[3:5])  # the order grows by 40 minutes
    panel.refresh()
    assert panel.scene._outline is not None  # still outlined after the rebuild
    assert panel.scene.scale < first_fit  # refitted: the whole order still in view
    panel.view.zoom(2.0)
    zoomed = panel.scene.scale
    await submit_all(platform, story[5:7])
    panel.refresh()
    assert panel.scene.scale == zoomed  # the user zoomed: their zoom is kept


async def test_detached_it_stops_redrawing_and_leaves_the_bus(panel, platform):
    story = spec_story()
    await submit_all(platform, story[:2])
    panel.attach(platform)
    panel.show_order(ORDER)
    await submit_all(platform, story[2:3])
    assert panel.throttle.isActive()
    panel.detach()
    assert not panel.throttle.isActive() and not panel.settle.isActive()
    await submit_all(platform, story[3:4])
    assert not panel.throttle.isActive()  # no longer listening
    assert not panel.search_box.isEnabled()
    assert panel.timeline is not None  # what was drawn stays
