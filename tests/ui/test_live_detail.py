"""What Live's detail pane sends to the Inspector: a callback with its recorded request line
and headers (so its signature can be checked there), a protobuf decoded, else the text as it
travelled; and Raw's "Inspect this message" reaches the hub."""

from __future__ import annotations

import base64
import json

from app.im.wire import sync_binary
from app.inspector import capture
from app.live import LiveRow
from ui.hub import Hub
from ui.live_detail import inspectable
from ui.live_panel import LivePanel


def row(**fields) -> LiveRow:
    base = {"seq": 1, "at": 0.0, "kind": "im", "outcome": "ok", "topic": "", "who": "u1",
            "order": "", "summary": "", "raw": '{"type": "order"}', "binary": False,
            "meta": {}}
    base.update(fields)
    return LiveRow(**base)


def test_a_callback_is_inspected_as_the_request_it_was():
    body = '{"baseCode": "HRZ", "changeId": "1"}'
    text = inspectable(row(kind="callback", raw=body, meta={
        "url": "http://127.0.0.1:9/cb",
        "requestHeaders": {"Content-Type": "application/json", "webhook-id": "msg_1"}}))
    captured = capture(text)
    assert captured.is_request and captured.path == "/cb" and captured.body == body
    assert captured.headers["webhook-id"] == "msg_1"


def test_other_rows_are_their_message_or_nothing():
    assert inspectable(row()) == '{"type": "order"}'
    assert inspectable(row(raw="")) is None
    data = base64.b64encode(sync_binary({"msgid": 7})).decode()
    assert json.loads(inspectable(row(raw=data, binary=True)))["msgid"] == 7


def test_raw_inspect_reaches_the_hub(qtbot):
    from app.bus import EventBus
    from app.live import LiveFeed

    hub = Hub()
    panel = LivePanel(LiveFeed(EventBus()), hub=hub)
    qtbot.addWidget(panel)
    with qtbot.wait_signal(hub.inspect) as asked:
        panel.detail.inspect_requested.emit('{"a": 1}')
    assert asked.args == ['{"a": 1}']
