from __future__ import annotations

import base64
import json

from app.bus import EventBus
from app.delivery.signing import sign
from app.events import DeliveryAttempted, ImMessageLogged, PushRecorded
from app.im.wire import sync_binary
from app.live import LiveFeed
from app.platform import Options, Platform
from tests.conftest import example, subscription
from ui.hub import Hub
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
    assert [r.who for r in panel.model.all_rows()] == ["u0", "u1", "u2", "u3", "u4"]


def test_a_feed_that_moved_on_while_paused_is_counted_as_missed(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus, capacity=2))
    qtbot.addWidget(panel)
    panel.pause.setChecked(True)
    for i in range(5):
        im(bus, f"u{i}")
    panel.pause.setChecked(False)
    assert [r.who for r in panel.model.all_rows()] == ["u3", "u4"]
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
    # Filtering waits for typing to pause: the rows are all there until then.
    assert panel.proxy.rowCount() == 2
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    panel.filter_edit.setText("pushes/#/more")
    qtbot.waitUntil(panel.problem.isVisible)
    assert "last level" in panel.problem.text()
    assert panel.proxy.rowCount() == 1


def test_the_detail_pane_shows_the_message(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    im(bus, "u1")
    panel.flush()
    panel.table.selectRow(0)
    assert '"payload"' in panel.detail.raw.toPlainText()
    assert panel.detail.tree.topLevelItemCount() == 2  # type, payload
    assert '"topic": "$sktalent/clients/u1"' in panel.detail.meta.toPlainText()
    assert "no headers" in panel.detail.http.toPlainText()
    assert panel.detail.hex.toPlainText().startswith("00000000  7b 22 74 79")


def attempt(bus: EventBus, secret: str | None, body: bytes, **fields) -> None:
    headers = {"Content-Type": "application/json", "webhook-id": "msg_x_1"}
    if secret:
        headers.update(sign(secret, "msg_x_1", body))
    bus.publish(DeliveryAttempted(
        delivery_id=1, event_id=1, base_code="HRZ", attempt=1, verdict="delivered",
        status_code=200, latency_ms=2.0, error=None, webhook_id="msg_x_1",
        url="http://127.0.0.1:9/cb", request_headers=headers, body=body,
        response_head='{"ok": true}', **fields))


def test_a_callback_shows_its_headers_and_what_a_receiver_makes_of_the_signature(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    secret = "whsec_" + base64.b64encode(b"k" * 24).decode()
    body = b'{"baseCode": "HRZ"}'
    attempt(bus, secret, body)
    attempt(bus, None, body)
    panel.flush()
    panel.detail.secret_for = lambda code: secret if code == "HRZ" else None
    panel.table.selectRow(0)
    http = panel.detail.http.toPlainText()
    assert http.startswith("POST http://127.0.0.1:9/cb\n")
    assert "webhook-signature: v1," in http and "Signature: valid" in http
    assert "Answer: HTTP 200" in http and '{"ok": true}' in http
    panel.detail.secret_for = lambda _code: "whsec_" + base64.b64encode(b"x" * 24).decode()
    panel.table.selectRow(0)  # the same row: a receiver with the wrong secret
    panel.detail.show_row(panel.current_row())
    assert "Signature: invalid" in panel.detail.http.toPlainText()
    panel.table.selectRow(1)
    assert "unsigned" in panel.detail.http.toPlainText()


def test_protobuf_is_decoded_and_dumped_as_hex(qtbot):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    data = sync_binary({"msgid": 7, "chatSeq": 3} if False else {"msgid": 7})
    bus.publish(ImMessageLogged(direction="out", user_id="u1", type="1001", msgid="7",
                                status="sent", body=base64.b64encode(data).decode(),
                                binary=True))
    panel.flush()
    panel.table.selectRow(0)
    assert panel.detail.hex.toPlainText().startswith("00000000  " + f"{data[0]:02x}")
    assert "base64" in panel.detail.raw.toPlainText()
    assert panel.detail.tree.topLevelItem(0).text(0) == "msgid"


async def test_the_diff_is_against_the_previous_message_of_the_same_order(qtbot, engine):
    panel = LivePanel(LiveFeed(engine.bus))
    qtbot.addWidget(panel)
    created = example("envelope-changeId-1.json")
    await engine.submit(created)
    again = json.loads(json.dumps(created))
    old_remark = again["data"]["remark"]
    again["data"]["remark"] = "楼上漏水"
    await engine.submit(again)
    panel.flush()
    panel.table.selectRow(0)
    assert "nothing before it" in panel.detail.diff.toPlainText()
    panel.table.selectRow(1)
    text = panel.detail.diff.toPlainText()
    assert "Against the previous event message of order 4503599741262301" in text
    assert f'~ remark: {json.dumps(old_remark, ensure_ascii=False)} → "楼上漏水"' in text
    assert text.count("\n~ ") == 1


async def test_export_writes_the_filtered_rows(qtbot, tmp_path):
    bus = EventBus()
    panel = LivePanel(LiveFeed(bus))
    qtbot.addWidget(panel)
    for user in ("u1", "u2", "u1"):
        im(bus, user)
    panel.flush()
    panel.filter_edit.setText("$sktalent/clients/u1")
    panel.mode.setCurrentIndex(panel.mode.findData("topic"))
    assert panel.export_to(str(tmp_path / "rows.jsonl")) == 2
    lines = (tmp_path / "rows.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line)["who"] for line in lines] == ["u1", "u1"]
    assert "2 rows exported" in panel.state.text()


async def test_history_mode_reads_every_row_from_the_database(qtbot, tmp_path):
    platform = Platform(Options(db_path=tmp_path / "p.db"))
    platform.engine.open()
    try:
        engine = platform.engine
        hub = Hub()
        panel = LivePanel(LiveFeed(engine.bus), hub=hub)
        qtbot.addWidget(panel)
        await engine.put_subscription(subscription("HRZ"))
        for _ in range(3):
            await engine.submit(example("envelope-changeId-1.json"))
        panel.attach(platform)
        panel.history_toggle.setChecked(True)
        assert panel.table.model() is panel.history and panel.history.rowCount() == 3
        assert not panel.filter_edit.isEnabled()
        assert "History: 3 rows in the database" in panel.state.text()
        await engine.submit(example("envelope-changeId-1.json"))
        panel._refresh_history()
        assert panel.history.rowCount() == 4
        panel.table.selectRow(3)
        assert panel.current_row().kind == "event"
        with qtbot.wait_signal(hub.open_order) as opened:
            panel.table.doubleClicked.emit(panel.table.currentIndex())
        assert opened.args == ["4503599741262301"]
        panel.history_toggle.setChecked(False)
        assert panel.table.model() is panel.proxy and panel.filter_edit.isEnabled()
    finally:
        platform.engine.close()
