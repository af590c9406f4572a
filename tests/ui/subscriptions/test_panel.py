import argparse
import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

from app.broker.managed import find_mosquitto
from app.bus import EventBus
from app.live import LiveFeed
from simulator.subscribers import SubscriberHost
from tests.conftest import example, subscription, until
from ui.app import start_platform
from ui.hub import Hub
from ui.main_window import MainWindow
from ui.subscriptions import SubscriptionsPanel
from ui.subscriptions.table_model import COLUMNS


def panel_on(hosted, qtbot) -> SubscriptionsPanel:
    panel = SubscriptionsPanel(Hub())
    qtbot.addWidget(panel)
    panel.attach(hosted)
    return panel


def codes(panel) -> list[str]:
    return [s.base_code for s in panel.model.subs]


def test_before_the_platform_is_up_the_panel_says_it_is_starting(qtbot):
    panel = SubscriptionsPanel(Hub())
    qtbot.addWidget(panel)
    assert panel.stack.currentWidget() is panel.empty
    assert "starting" in panel.empty.text()


async def test_with_no_subscriptions_it_says_what_to_do(hosted, qtbot):
    panel = panel_on(hosted, qtbot)
    assert panel.stack.currentWidget() is panel.tabs
    assert panel.no_rows.isVisibleTo(panel) and not panel.table.isVisibleTo(panel)
    assert "Create simulated subscriber" in panel.no_rows.text()
    assert panel.simulate_button.isEnabled()


async def test_the_table_shows_saved_subscriptions_and_follows_the_bus(hosted, qtbot,
                                                                      qtmodeltester):
    await hosted.engine.put_subscription(subscription("FIRST"))
    panel = panel_on(hosted, qtbot)
    assert codes(panel) == ["FIRST"]
    assert panel.editor.current.base_code == "FIRST"  # the first row is shown at once
    await hosted.engine.put_subscription(subscription("API", callbackUrl="http://127.0.0.1:9/x"))
    assert codes(panel) == ["FIRST", "API"]
    assert panel.table.isVisibleTo(panel)
    await hosted.engine.set_enabled("FIRST", False, "410 Gone from the subscriber")
    row = panel.model.row_of("FIRST")
    assert panel.model.index(row, COLUMNS.index("state")).data() == \
        "disabled: 410 Gone from the subscriber"
    assert not panel.editor.enabled.isChecked()  # the open form followed
    await hosted.engine.delete_subscription("API")
    assert codes(panel) == ["FIRST"]
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)


async def test_select_filter_and_show_in_live(hosted, qtbot):
    for code in ("A", "B", "C"):
        await hosted.engine.put_subscription(subscription(code))
    panel = panel_on(hosted, qtbot)
    panel.filter.setText("C")
    assert panel.proxy.rowCount() == 1
    assert panel.select("B")  # hidden by the filter: the filter makes way
    assert panel.filter.text() == ""
    assert panel.editor.current.base_code == "B"
    assert panel.table.currentIndex().data() == "B"
    assert not panel.select("NOPE")
    with qtbot.wait_signal(panel.hub.filter_live) as asked:
        panel.live_button.click()
    assert asked.args == [r"callbacks/B\b|wo/push/B/", "regex"]


async def test_an_edit_saved_from_the_panel_selects_the_new_row(hosted, qtbot):
    panel = panel_on(hosted, qtbot)
    panel.new_button.click()
    panel.editor.code.setText("NEW")
    await panel.editor.save()
    assert codes(panel) == ["NEW"]
    assert panel.table.currentIndex().data() == "NEW"


async def test_create_simulated_makes_a_failing_then_recovering_subscriber(delivering, qtbot):
    panel = panel_on(delivering, qtbot)
    sub = await panel.create_simulated("HRZ", statuses=[500, 200], change_ids=["1"],
                                       data_areas=["fwwt"])
    assert codes(panel) == ["HRZ"] and panel.editor.current == sub
    assert panel.behaviour_button.isVisibleTo(panel)
    doc = sub.to_json(reveal_secret=True)
    doc["retrySchedule"] = [0, 0.1]
    await delivering.engine.put_subscription(doc)
    await delivering.engine.submit(example("envelope-changeId-1.json"))
    sim = delivering.sims.subscribers["hrz"]
    await until(lambda: len(sim.received) == 2)

    def delivered() -> str:
        panel.refresh_health()  # the timer's work, run here: this loop is not Qt's
        return panel.model.index(0, COLUMNS.index("delivered")).data()

    await until(lambda: delivered() == "1")
    assert panel.model.index(0, COLUMNS.index("last")).data() == "HTTP 200"
    dialog = panel.open_behaviour()
    assert dialog is not None and dialog.sim is sim
    dialog.reject()


async def test_explain_and_the_matrix(hosted, qtbot):
    await hosted.engine.put_subscription(subscription("FW", changeIds=["1"]))
    await hosted.engine.put_subscription(subscription("OTHER", dataAreas=["10008"]))
    accepted = await hosted.engine.submit(example("envelope-changeId-1.json"))
    panel = panel_on(hosted, qtbot)
    out = panel.explain(accepted.event_id, "OTHER")
    assert panel.tabs.currentWidget() is panel.why
    assert out["explanations"][0]["reason"] == "area-out-of-scope"
    panel.tabs.setCurrentIndex(1)
    assert panel.matrix.cell("fwwt", "1").receivers == ("FW",)
    assert panel.matrix.cell("10008", "5").receivers == ("OTHER",)
    await hosted.engine.put_subscription(subscription("ALL", dataAreas=["*"], changeIds=["1"]))
    assert panel.matrix.cell("fwwt", "1").receivers == ("FW",)  # recounted on the tick
    panel.refresh_coverage()
    assert panel.matrix.cell("fwwt", "1").receivers == ("FW", "ALL")
    assert "reach nobody" in panel.coverage_note.text()
    column = [c.id for c in panel.matrix.changes].index("1")
    with qtbot.wait_signal(panel.hub.filter_live) as asked:
        panel.matrix_view.doubleClicked.emit(panel.matrix.index(0, column))
    assert asked.args[1] == "regex" and "events/1/fwwt" in asked.args[0]


async def test_data_area_changes_reach_the_matrix_and_catalogue(hosted, qtbot):
    panel = panel_on(hosted, qtbot)
    panel.tabs.setCurrentIndex(1)
    await hosted.engine.put_data_area({"code": "dqwt", "name": "电气问题"})
    panel.refresh_coverage()
    assert "dqwt" in [a.code for a in panel.matrix.areas]
    panel.tabs.setCurrentIndex(2)
    assert "dqwt" in [a.code for a in panel.areas.model.areas]


async def test_the_panel_stops_listening_when_it_goes(hosted, qtbot):
    bus = hosted.engine.bus
    panel = SubscriptionsPanel(Hub())
    panel.attach(hosted)
    panel.deleteLater()
    qtbot.waitUntil(lambda: _gone(panel), timeout=2000)
    await hosted.engine.put_subscription(subscription("AFTER"))
    assert bus.failures == 0  # no handler left calling into a deleted widget


def _gone(widget) -> bool:
    from shiboken6 import isValid
    return not isValid(widget)


async def test_wide_puts_the_form_beside_the_table(hosted, qtbot):
    panel = panel_on(hosted, qtbot)
    panel.resize(520, 760)
    panel.show()
    qtbot.waitUntil(lambda: panel.split.orientation().name == "Vertical")
    panel.resize(1400, 900)
    qtbot.waitUntil(lambda: panel.split.orientation().name == "Horizontal")


def test_every_label_has_text_after_a_retranslate(qtbot):
    panel = SubscriptionsPanel(Hub())
    qtbot.addWidget(panel)
    panel.retranslate()
    for button in (panel.new_button, panel.simulate_button, panel.live_button,
                   panel.editor.save_button, panel.editor.delete_button,
                   panel.editor.copy_mq, panel.why.go, panel.areas.save_button):
        assert button.text()
    assert all(panel.tabs.tabText(i) for i in range(panel.tabs.count()))
    assert all(label.text() for label in panel.editor.labels.values())


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_in_the_window_with_the_managed_broker_mq_credentials_are_copied(qtbot,
                                                                              tmp_path):
    bus = EventBus()
    window = MainWindow(LiveFeed(bus), settings=QSettings(str(tmp_path / "ui.ini"),
                                                           QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    args = argparse.Namespace(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path),
                              mqtt_port=0)
    platform = await start_platform(args, window, bus, SubscriberHost)
    assert platform is not None
    try:
        panel = window.panels["subscriptions"]
        assert isinstance(panel, SubscriptionsPanel)
        await panel.create_simulated("HRZDWYWHXT", statuses=[500, 200])
        assert panel.editor.copy_mq.isEnabled()
        account = panel.editor.copy_mq_credentials()
        assert account["topic"] == "wo/push/HRZDWYWHXT/#"
        assert json.loads(QGuiApplication.clipboard().text())["username"] == \
            account["username"]
    finally:
        await platform.stop()


def test_a_language_change_reaches_every_part(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    panel = SubscriptionsPanel(Hub())
    qtbot.addWidget(panel)
    parts = {panel.editor.save_button: panel.editor, panel.areas.save_button: panel.areas,
             panel.why.go: panel.why, panel.new_button: panel}
    for button, owner in parts.items():
        text = button.text()
        button.setText("stale")
        QCoreApplication.sendEvent(owner, QEvent(QEvent.Type.LanguageChange))
        assert button.text() == text
