"""The Inspector panel: a bare panel for what needs no platform (paste, drop, the pause before
re-inspecting, a megabyte, broken JSON), and the real window on the real platform (managed
Mosquitto, IM server, HTTP API) for what does: every family's example recognised, a captured
request's findings, routing against a subscription made through the engine, Live → Inspect.
"""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.broker.managed import find_mosquitto
from app.catalog.samples import sample
from tests.conftest import subscription
from ui.hub import Hub
from ui.inspector import InspectorPanel, examples
from ui.inspector.panel import PAUSE_MS

needs_mosquitto = pytest.mark.skipif(find_mosquitto() is None,
                                     reason="mosquitto not installed")

BROKEN = '{\n  "changeId": "1",\n  "data": {"remark": }\n}'


def envelope(change_id: str = "1", data_area: str = "fwwt") -> str:
    """A strict-valid callback body (data as the JSON string the table types it)."""
    return json.dumps({"baseCode": "", "dataArea": data_area, "changeId": change_id,
                       "data": json.dumps(sample(change_id), ensure_ascii=False)},
                      ensure_ascii=False, indent=2)


@pytest.fixture
def panel(qtbot) -> InspectorPanel:
    """The panel at a dock's default width, before any platform is up."""
    p = InspectorPanel(Hub())
    qtbot.addWidget(p)
    p.resize(440, 860)
    p.show()
    return p


def inspector(window) -> InspectorPanel:
    panel = window.panels["inspector"]
    assert isinstance(panel, InspectorPanel)
    return panel


def routes(panel: InspectorPanel) -> list[tuple[str, str, str]]:
    return [(r.target, r.verdict, r.topic or "") for r in panel.routing_model.routes]


# --- without a platform -------------------------------------------------------------------


def test_the_empty_state_says_what_can_be_pasted_and_offers_examples(panel):
    assert panel.inspection is None and panel.results.currentIndex() == 0
    assert not panel.headline.isVisible()
    placeholder = panel.editor.placeholderText()
    for family in ("work-order callback", "organisation push", "WeCom", "rich-text message",
                   "IM message", "captured HTTP request"):
        assert family in placeholder
    assert "try an example" in panel.empty.text()
    assert set(panel.try_buttons) == {*(s.id for s in examples.featured()), examples.CAPTURED}
    panel.try_buttons["wecom/text"].click()
    assert panel.verdict() == "valid" and panel.results.currentIndex() == 1
    assert "starting" in panel.routing_note.text()  # no platform: no routing, and why
    panel.clear_button.click()
    assert panel.inspection is None and panel.results.currentIndex() == 0


def test_broken_json_shows_where_it_breaks(panel):
    panel.set_text(BROKEN)
    assert panel.verdict() == "not-json"
    assert panel.headline.verdict.text() == "Not JSON"
    assert panel.headline.what.text() == "It breaks at line 3, column 22"
    assert panel.editor.problem_line == 3
    [finding] = panel.findings.findings.findings
    panel.findings.chosen.emit(finding)
    cursor = panel.editor.textCursor()
    assert (cursor.blockNumber() + 1, cursor.positionInBlock() + 1) == (3, 22)
    assert panel.payload_tabs.currentWidget() is panel.editor

    # in a captured request the body's line 3 is the editor's line 3 + the head's lines
    panel.set_text("POST /api/events HTTP/1.1\nContent-Type: application/json\n\n" + BROKEN)
    assert panel.verdict() == "not-json" and panel.editor.problem_line == 3 + 3


def test_clicking_a_finding_selects_its_field_in_the_tree(panel):
    panel.load_example("workorder/envelope-changeId-1")
    finding = next(f for f in panel.findings.findings.findings
                   if f.path == "data.transportTypeId")
    panel.findings.chosen.emit(finding)
    assert panel.payload_tabs.currentWidget() is panel.tree
    item = panel.tree.currentItem()
    assert (item.text(0), item.text(1)) == ("transportTypeId", "9")
    assert item.parent().text(0) == "data"

    # bare data: its findings say data.…, the tree starts inside data
    panel.load_example("workorder/changeId-5")
    finding = next(f for f in panel.findings.findings.findings
                   if f.path == "data.currentUser[0].eUserId")  # missing: its parent shows
    panel.findings.chosen.emit(finding)
    item = panel.tree.currentItem()
    assert (item.text(0), item.parent().text(0)) == ("0", "currentUser")


def test_errors_come_first_with_the_chinese_label_and_the_hint(panel):
    panel.load_example("workorder/changeId-5")
    findings = panel.findings.findings.findings
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=lambda s: s != "error")
    assert severities[-1] == "warning"
    shown = panel.findings.findings.index(0).data()
    assert shown.startswith("error: data.currentUser (待处理人): expected an object")
    assert "send an object as the table says" in shown
    assert panel.result_tabs.tabText(0) == f"Findings ({len(findings)})"
    assert "4 errors, 1 warning" in panel.findings_summary.text()


def test_the_lenient_switch_reads_it_as_production_sends_it(panel):
    panel.load_example("workorder/envelope-changeId-1")
    strict = [f for f in panel.inspection.findings if f.severity == "error"]
    panel.set_mode("lenient")
    assert panel.job.mode == "lenient"
    lenient = [f for f in panel.inspection.findings if f.severity == "error"]
    assert len(lenient) < len(strict)
    assert "lenient" in panel.status.text()


def drop(target, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    target.dropEvent(event)
    return event


def test_a_dropped_file_or_text_is_inspected(panel, tmp_path):
    path = tmp_path / "push.json"
    path.write_text(examples.text_of("org/body-202"), encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert drop(panel.editor, mime).isAccepted()
    assert panel.inspection.reading.family == "org"
    assert panel.headline.what.text() == "Organisation data-change push · type 202"
    assert "push.json" in panel.status.text()

    text = QMimeData()
    text.setText(examples.text_of("wecom/text"))
    drop(panel, text)  # on the panel, not the editor: the same
    assert panel.inspection.reading.family == "wecom"
    assert panel.editor.toPlainText() == examples.text_of("wecom/text")

    binary = tmp_path / "photo.bin"
    binary.write_bytes(b"\x89PNG\0\0\0")
    assert not panel.open_file(binary)
    assert panel.problem.isVisible() and "not text" in panel.problem.text()
    assert panel.inspection.reading.family == "wecom"  # what was shown stays


def test_typing_is_inspected_once_it_pauses_not_per_keystroke(panel, qtbot):
    qtbot.keyClicks(panel.editor, '{"msgid": "m1", "msgtype": "text", "text": {"content": "hi"}}')
    assert panel.runner.runs == 0  # 60 keystrokes, no inspection yet
    qtbot.waitUntil(lambda: panel.inspection is not None, timeout=PAUSE_MS * 10)
    assert panel.runner.runs == 1
    assert panel.inspection.reading.family == "wecom"
    qtbot.wait(PAUSE_MS * 2)
    assert panel.runner.runs == 1


def test_a_megabyte_of_json_is_inspected_off_the_gui_thread(panel, qtbot):
    body = {"baseCode": "", "dataArea": "fwwt", "changeId": "1", "data": sample("1")}
    body["data"]["reqVariables"] = [{"title": "描述", "attrCode": f"REMARK{i}",
                                     "attrValue": "x" * 80} for i in range(7_000)]
    text = json.dumps(body, ensure_ascii=False, indent=2)
    assert len(text.encode()) > 1_000_000
    started = time.perf_counter()
    panel.set_text(text)
    assert time.perf_counter() - started < 0.5  # the editor took it; the inspector works aside
    assert panel.runner.busy and "Inspecting" in panel.status.text()
    qtbot.waitUntil(lambda: panel.inspection is not None, timeout=10_000)
    assert panel.inspection.reading.type_id == "1"
    panel.tree.select_path("data.reqVariables[6999].attrCode")  # opened chunk by chunk
    assert panel.tree.currentItem().text(1) == "REMARK6999"

    # typing in it: one more inspection after the pause, none per keystroke
    runs = panel.runner.runs
    qtbot.keyClicks(panel.editor, "   ")
    assert panel.runner.runs == runs
    qtbot.waitUntil(lambda: panel.runner.runs == runs + 1 and not panel.runner.busy,
                    timeout=10_000)


# --- in the window, on the platform -------------------------------------------------------


@needs_mosquitto
async def test_every_family_example_is_recognised_in_the_window(window, qtbot):
    panel = inspector(window)
    assert window.docks["inspector"].toggleViewAction().shortcut().toString() == "Alt+7"
    window.show_panel("inspector")
    expected = {
        "workorder/envelope-changeId-1": ("workorder", "Work-order event push · changeId 1",
                                          "invalid"),
        "org/body-202": ("org", "Organisation data-change push · type 202", "valid"),
        "rich/request": ("rich", "Rich-text message request · type 4", "valid"),
        "wecom/text": ("wecom", "WeCom customer-service message · msgtype text", "valid"),
        "wecom/sync_msg-response": ("wecom", "WeCom customer-service message · sync response",
                                    "valid"),
    }
    for sample_id, (family, what, verdict) in expected.items():
        panel.load_example(sample_id)
        assert panel.inspection.reading.family == family, sample_id
        assert panel.headline.what.text() == what
        assert panel.verdict() == verdict
        assert panel.headline.verdict.text() == verdict.capitalize()
    panel.load_example("wecom/text")
    assert "msgtype" in panel.headline.facts.text() and "origin" in panel.headline.facts.text()
    panel.set_text(json.dumps({"hello": "world"}))
    assert panel.verdict() == "unrecognised"
    assert panel.headline.verdict.text() == "Not recognised"


@needs_mosquitto
async def test_a_captured_rich_request_without_accept_says_so(window, qtbot):
    panel = inspector(window)
    panel.load_example(examples.CAPTURED)
    assert panel.inspection.source == "http request"
    assert panel.headline.request.text() == "Captured HTTP request: POST /orgs/123/messages"
    [finding] = [f for f in panel.inspection.findings if f.path == "headers.accept"]
    assert "Accept is missing" in finding.message and finding.hint
    assert panel.result_tabs.isTabVisible(2)
    request = panel.request_view.toPlainText()
    assert request.startswith("POST /orgs/123/messages\n")
    assert "authorization: <redacted>" in request and "2f4e9c0d51b7" not in request
    panel.findings.chosen.emit(finding)
    assert panel.result_tabs.currentIndex() == 2  # the header is in the request
    # dest_id 1 names no IM user yet: the API would answer 422
    assert routes(panel) == [("1", "refused", "")]

    panel.set_text(examples.text_of("rich/request"))  # plain JSON: no request tab
    assert not panel.result_tabs.isTabVisible(2) and not panel.headline.request.isVisible()


@needs_mosquitto
async def test_routing_shows_a_matching_subscription_with_its_topic(window, qtbot):
    panel = inspector(window)
    engine = window.platform.engine
    panel.set_text(envelope("1"))
    assert panel.verdict() == "valid"
    assert routes(panel) == [("platform", "info", "")]  # no subscriptions: nobody gets it
    assert "no subscriptions yet" in panel.routing_model.routes[0].detail
    await engine.put_subscription(subscription("INSPECTHRZ", dataAreas=["fwwt"],
                                               changeIds=["1"]))
    await engine.put_subscription(subscription("INSPECTOTHER", dataAreas=["fwwt"],
                                               changeIds=["5"]))
    # the panel looks again once the subscriptions changed (after the pause)
    qtbot.waitUntil(lambda: {"INSPECTHRZ", "INSPECTOTHER"} <= {r[0] for r in routes(panel)})
    assert ("INSPECTHRZ", "delivered", "wo/push/INSPECTHRZ/fwwt") in routes(panel)
    assert ("INSPECTOTHER", "not-delivered", "") in routes(panel)
    row = [r.target for r in panel.routing_model.routes].index("INSPECTHRZ")
    model = panel.routing_model
    assert model.index(row, 1).data() == "delivered"
    assert model.index(row, 3).data() == "wo/push/INSPECTHRZ/fwwt"
    assert panel.result_tabs.tabText(1) == f"Routing ({model.rowCount()})"
    assert "nothing is sent" in panel.routing_note.text()


@needs_mosquitto
async def test_live_sends_a_message_to_the_inspector(window, qtbot):
    panel = inspector(window)
    window.hub.inspect.emit(envelope("5"))
    assert window.docks["inspector"].isVisible()
    assert panel.inspection.reading.type_id == "5"
    assert "sent from another panel" in panel.status.text()

    live = window.live  # Raw's "Inspect this message" goes through the hub too
    with qtbot.wait_signal(window.hub.inspect) as asked:
        live.detail.inspect_requested.emit(envelope("2"))
    assert json.loads(asked.args[0])["changeId"] == "2"
    assert panel.inspection.reading.type_id == "2"


@needs_mosquitto
async def test_file_open_asks_for_a_file_without_blocking(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    panel = inspector(window)
    assert window.inspect_file_action in window.file_menu.actions()
    window.inspect_file_action.trigger()
    dialog = panel.findChild(QFileDialog)
    assert dialog is not None and dialog.windowTitle() == "Inspect a file"
    path = tmp_path / "text.json"
    path.write_text(examples.text_of("wecom/image"), encoding="utf-8")
    dialog.fileSelected.emit(str(path))  # what choosing it does
    dialog.reject()
    assert panel.inspection.reading.type_id == "image"
    assert panel.status.text().startswith("text.json · ")


@needs_mosquitto
async def test_it_speaks_chinese(window, qtbot):
    panel = inspector(window)
    panel.load_example("workorder/envelope-changeId-1")
    try:
        window.set_language("zh_CN")
        qtbot.waitUntil(lambda: window.docks["inspector"].windowTitle() == "载荷检查")
        assert panel.headline.verdict.text() == "无效"
        assert panel.headline.what.text().startswith("工单事件推送")
        assert panel.result_tabs.tabText(0) == "问题（12）"
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: panel.headline.verdict.text() == "Invalid")
