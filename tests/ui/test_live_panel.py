from __future__ import annotations

from app.bus import EventBus
from app.events import ImMessageLogged, PushRecorded
from app.live import LiveFeed
from ui.live_panel import LivePanel


def im(bus: EventBus, user: str, status: str = "sent") -> None:
    bus.publish(ImMessageLogged(direction="out", user_id=user, type="order", msgid=None,
                                status=status, body='{"type": "order", "payload": {"a": 1}}'))


def test_rows_arrive_in_batches_and_the_empty_state_goes(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty.isVisible() and "Send an event" in panel.empty.text()
    for i in range(3):
        im(bus, f"u{i}")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert not panel.empty.isVisible() and panel.table.isVisible()
    assert panel.state.text().startswith("3 row")


def test_pause_loses_nothing_and_says_what_waits(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    panel.pause.setChecked(True)
    for i in range(5):
        im(bus, f"u{i}")
    panel.flush()
    assert panel.model.rowCount() == 0 and "paused: 5 waiting" in panel.state.text()
    panel.pause.setChecked(False)
    assert [r.who for r in panel.model.rows] == ["u0", "u1", "u2", "u3", "u4"]


def test_a_feed_that_moved_on_while_paused_is_counted_as_missed(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus, capacity=2))
    qtbot.addWidget(panel)
    panel.pause.setChecked(True)
    for i in range(5):
        im(bus, f"u{i}")
    panel.pause.setChecked(False)
    assert [r.who for r in panel.model.rows] == ["u3", "u4"]
    assert panel.missed == 3 and "3 older row" in panel.state.text()


def test_a_bad_filter_is_explained_and_the_last_good_one_stays(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.problem.isVisible()
    panel.mode.setCurrentIndex(panel.mode.findData("topic"))
    panel.filter_edit.setText("pushes/#")
    im(bus, "u1", status="queued")
    bus.publish(PushRecorded(user_id="u1", platform="ios", doc={"payload": {"o_id": "O1"}}))
    panel.flush()
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.setText("pushes/#/more")
    assert panel.problem.isVisible() and "last level" in panel.problem.text()
    assert panel.proxy.rowCount() == 1


def test_the_detail_pane_shows_the_message(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    im(bus, "u1")
    panel.flush()
    panel.table.selectRow(0)
    assert '"payload"' in panel.raw.toPlainText()
    assert panel.tree.topLevelItemCount() == 2  # type, payload
    assert '"topic": "$sktalent/clients/u1"' in panel.meta.toPlainText()
