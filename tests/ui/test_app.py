"""The desktop app hosting the real platform: a real Mosquitto, real HTTP, a real SQLite file,
watched by the real window (offscreen)."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase

from app.broker.managed import find_mosquitto
from app.bus import EventBus
from app.live import LiveFeed
from simulator.subscribers import Behaviour, SubscriberHost
from tests.conftest import example, subscription, until
from ui.app import CJK_FONTS, pick_font, start_platform
from ui.main_window import MainWindow


def test_a_cjk_font_is_chosen_when_one_is_installed(qapp):
    installed = [f for f in CJK_FONTS if f in set(QFontDatabase.families())]
    if not installed:
        pytest.skip("no CJK font installed (./dev installs fonts-noto-cjk on Debian)")
    assert pick_font().family() == installed[0]


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_an_event_sent_to_the_hosted_platform_shows_up_live(qtbot, tmp_path):
    bus = EventBus()
    window = MainWindow(LiveFeed(bus), settings=QSettings(str(tmp_path / "ui.ini"),
                                                           QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert "Starting" in window.status.broker.text()
    args = argparse.Namespace(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path),
                              mqtt_port=0)
    platform = await start_platform(args, window, bus, SubscriberHost)
    assert platform is not None
    try:
        assert window.status.api.text().startswith("API http://127.0.0.1:")
        assert window.status.copy.isEnabled()
        sim = platform.sims.add("hrz", Behaviour(statuses=[200]))
        await platform.engine.put_subscription(subscription(
            "HRZ", callbackUrl=sim.url, changeIds=["1"]))
        await platform.engine.submit(example("envelope-changeId-1.json"), source="compose")

        def kinds() -> set[str]:  # the panel's timer slot, run here: this loop is not Qt's
            window.live.flush()
            return {r.kind for r in window.live.model.all_rows()}

        await until(lambda: kinds() >= {"event", "mq", "callback"})
        window.status.refresh()
        assert "events 1" in window.status.counters.text()
        assert "Managed Mosquitto on port" in window.status.broker.text()
    finally:
        await platform.stop()


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_an_event_composed_in_the_form_reaches_a_simulated_subscriber_and_every_panel(
        qtbot, tmp_path):
    """The first thing a new user does: make a subscriber, compose a changeId 1 from the form,
    send it, and see it in Live, on the order's Timeline (a delivered badge) and in the Flow."""
    bus = EventBus()
    window = MainWindow(LiveFeed(bus), settings=QSettings(str(tmp_path / "ui.ini"),
                                                           QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    args = argparse.Namespace(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path),
                              mqtt_port=0)
    platform = await start_platform(args, window, bus, SubscriberHost)
    assert platform is not None
    panels = window.panels
    try:
        await panels["subscriptions"].create_simulated("HRZ", change_ids=["1"],
                                                       data_areas=["fwwt"])
        compose = panels["compose"]
        compose.select_change_id("1")
        result = await compose.send()
        event_id = result["eventId"]  # accepted, with the subscriber among its deliveries
        assert [d["baseCode"] for d in result["deliveries"]] == ["HRZ"]

        def live_kinds() -> set[str]:
            window.live.flush()
            return {r.kind for r in window.live.model.all_rows()}

        await until(lambda: {"event", "mq", "callback"} <= live_kinds())
        order = compose.body()["data"]["serviceOrderId"]
        timeline = panels["timeline"]
        window.hub.open_order.emit(order)  # as a double-click on the Live row does
        await until(lambda: (timeline.refresh() or True)
                    and (event_id, "HRZ", "delivered") in timeline.badges())
        flow = panels["flow"]
        flow.step(0.05)
        assert flow.counters()["delivered"] >= 1 and flow.counters()["events"] >= 1
    finally:
        window.detach()
        await platform.stop()
