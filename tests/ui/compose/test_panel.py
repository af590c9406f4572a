"""The Compose panel over a real engine: a form per changeId, form and JSON kept in sync
both ways, findings in strict and lenient mode, send accepted and rejected, continue an
order, examples, templates, history."""

from __future__ import annotations

import json

import pytest

from app.catalog import default_catalog
from app.catalog.samples import sample
from app.catalog.workorder import EXAMPLES_DIR
from tests.conftest import subscription
from ui.compose.panel import ComposePanel
from ui.hub import Hub

CATALOG = default_catalog()


def envelope(cid: str = "1", **data) -> dict:
    return {"baseCode": "", "dataArea": "fwwt", "changeId": cid, "data": sample(cid, **data)}


def test_before_the_platform_is_up_it_says_so(qtbot):
    panel = ComposePanel(Hub())
    qtbot.addWidget(panel)
    assert panel.stack.currentIndex() == 0 and "starting" in panel.empty.text()


@pytest.mark.parametrize("cid", [t.id for t in CATALOG.workorder.types])
def test_each_change_id_gets_its_form(panel, cid):
    panel.select_change_id(cid)
    assert list(panel.form.rows) == [f.name for f in CATALOG.change(cid).fields]
    assert panel.body()["changeId"] == cid
    unsupported = "not supported by the platform"
    assert (unsupported in panel.change_id.currentText()) == (cid == "8")
    assert ("暂不支持" in panel.note.text()) == (cid == "8")


def test_a_form_edit_shows_in_the_json_and_a_json_edit_in_the_form(panel, qtbot):
    panel.set_body(envelope("1"))
    qtbot.keyClicks(panel.form.rows["remark"].editor, "!")
    shown = json.loads(panel.editor.toPlainText())
    assert shown["data"]["remark"] == sample("1")["remark"] + "!"
    assert panel.body() == shown

    text = panel.editor.toPlainText().replace('"houseId": "408325"', '"houseId": "9"')
    panel.editor.setPlainText(text)  # as typed: the form follows after the pause
    qtbot.waitUntil(lambda: panel.form.rows["houseId"].value() == "9")
    assert panel.editor.toPlainText() == text  # the user's text is left as typed


def test_bad_json_keeps_the_form_and_says_where(panel, qtbot):
    panel.set_body(envelope("1"))
    before = panel.form.data()
    panel.editor.setPlainText('{\n  "changeId": "1",\n  "data": {"remark": }\n}')
    panel._json_to_form()
    assert panel.body() is None
    assert "line 3, column" in panel.json_status.text()
    assert panel.editor.problem_line == 3
    assert panel.form.data() == before
    assert "line 3" in panel.findings.summary.text()
    assert panel.editor.toPlainText().startswith('{\n  "changeId"')  # nothing lost


def test_a_json_that_is_not_an_object_is_refused_too(panel):
    panel.editor.setPlainText("[1, 2]")
    panel._json_to_form()
    assert panel.body() is None and "JSON object" in panel.json_status.text()


def test_a_missing_required_field_is_a_warning_lenient_and_an_error_strict(panel):
    body = envelope("1")
    del body["data"]["remark"]
    panel.set_body(body)
    panel.set_mode("lenient")
    row = panel.form.rows["remark"]
    [finding] = [f for f in panel.validate() if f.path == "data.remark"]
    assert finding.severity == "warning" and row.note.isVisibleTo(panel.form)
    panel.set_mode("strict")
    [finding] = [f for f in panel.validate() if f.path == "data.remark"]
    assert finding.severity == "error"
    assert any("data.remark" in panel.findings.model.index(r, 1).data()
               for r in range(panel.findings.model.rowCount()))
    panel.show_finding(finding)
    assert '"remark"' not in panel.editor.textCursor().block().text()  # absent: its parent
    assert '"data"' in panel.editor.textCursor().block().text()


async def test_send_accepted_and_rejected(panel, engine, qtmodeltester):
    await engine.put_subscription(subscription("HRZ", changeIds=["1"]))
    sent = []
    panel.hub.sent.connect(sent.append)
    panel.set_body(envelope("1"))
    result = await panel.send()
    assert result["eventId"] == 1 and [d["baseCode"] for d in result["deliveries"]] == ["HRZ"]
    assert sent == [result] and panel.hub.last_sent == result
    assert "Accepted as event #1" in panel.verdict.text()
    assert engine.event(1)["source"] == "compose"
    assert panel.order_id == sample("1")["serviceOrderId"]  # now the order worked on

    body = envelope("5")
    del body["data"]["trackId"]  # essential: refused even in lenient mode
    panel.set_body(body)
    result = await panel.send()
    assert result["reason"] == "invalid"
    assert any(e["path"] == "data.trackId" for e in result["errors"])
    assert "Rejected (invalid)" in panel.verdict.text()
    assert panel.form.rows["trackId"].note.isVisibleTo(panel.form)
    assert panel.history.rowCount() == 2 and not panel.history.entry(0).accepted
    qtmodeltester.check(panel.history)

    panel._reopen(panel.history.index(1, 0))  # double-click: sent again from the editor
    assert panel.body() == envelope("1")


async def test_json_typed_a_moment_ago_is_what_is_sent(panel, engine):
    panel.editor.setPlainText("{")  # Ctrl+Return before the form caught up: not the old body
    result = await panel.send()
    assert result["reason"] == "not-json" and engine.store.counts()["events"] == 0
    assert "does not parse" in panel.verdict.text()


async def test_continue_an_order_prefills_its_next_events(panel, engine):
    order = "7700000000000001"
    await engine.submit(envelope("1", serviceOrderId=order, serviceOrderCode="WO-77",
                                 trackId=f"{order}01", contactName="小王"), source="api")
    panel.order_search.setText("WO-7")
    panel._search_orders()
    assert panel.order_matches.stringList()[0].startswith(f"{order} · WO-77 · 小王")
    panel._order_chosen(panel.order_matches.index(0))
    assert panel.order_id == order and panel.current_change_id() == "5"
    data = panel.body()["data"]
    assert data["serviceOrderId"] == order and data["trackId"] == f"{order}02"
    assert data["trackInfo"] == "待[刘凯]派单"
    assert "Working on order" in panel.order_label.text()
    assert (await panel.send())["eventId"] == 2

    panel.select_change_id("2")  # the order continues: handle the track just generated
    data = panel.body()["data"]
    assert (data["trackId"], data["currentUserName"], data["trackInfo"]) == (
        f"{order}02", "刘凯", "刘凯已派单")
    assert not panel.continue_order("no-such-order")
    assert "no stored events" in panel.note.text()


def test_every_spec_example_loads_as_printed(panel):
    for ex in CATALOG.workorder.examples:
        panel.load_example(ex.id)
        content = json.loads((EXAMPLES_DIR / ex.path).read_text(encoding="utf-8"))
        expected = content if ex.kind == "envelope" else {
            "baseCode": "", "dataArea": "fwwt", "changeId": ex.message_type, "data": content}
        assert panel.body() == expected, ex.id
        assert ex.title in panel.note.text()
    # the template's data is a description, not JSON: the form says so and keeps it
    panel.load_example("envelope-template")
    assert panel.form_problem.isVisibleTo(panel) and not panel.form.isEnabled()
    panel.envelope_form.rows["dataArea"].editor.setText("fwwt")
    panel.envelope_form.rows["dataArea"].edited.emit()
    assert panel.body()["data"].startswith("具体回调业务数据")
    with pytest.raises(KeyError):
        panel.load_example("nope")


def test_data_as_a_json_string_round_trips(panel):
    body = envelope("4")
    body["data"] = json.dumps(body["data"], ensure_ascii=False)
    panel.set_body(body)
    assert panel.encoding.currentData() == "string"
    panel.form.rows["evalue"].editor.set_value("5")
    panel.form.rows["evalue"].edited.emit()
    assert json.loads(panel.body()["data"])["evalue"] == "5"


def test_templates_are_saved_applied_and_deleted(panel):
    panel.set_body(envelope("10"))
    assert panel.save_template("urge")
    panel.set_body(envelope("1"))
    assert panel.apply_template("urge") and panel.body() == envelope("10")
    assert panel.current_change_id() == "10"
    panel._fill_templates()
    assert "urge" in [a.text() for a in panel.templates_menu.actions()]
    panel.delete_template("urge")
    assert panel.templates.names() == []
    assert not panel.save_template("  ") and "Template not saved" in panel.note.text()


def test_a_body_from_another_panel_opens(panel):
    panel.hub.compose.emit(envelope("3"))
    assert panel.current_change_id() == "3" and panel.body() == envelope("3")
