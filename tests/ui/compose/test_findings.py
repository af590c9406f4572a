"""The findings list: errors first, the field's path and Chinese name, the fix; a click
says which finding."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.catalog.findings import Code, Finding, Severity
from ui.compose.findings import FindingsList, FindingsModel

WARN = Finding("data.userid", Code.UNKNOWN_KEY, "unknown key 'userid'", Severity.WARNING,
               hint="did you mean userId?")
ERR = Finding("data.trackId", Code.MISSING, "trackId is missing", label_zh="环节id")


def test_errors_come_first_with_path_and_fix(qtmodeltester):
    model = FindingsModel()
    model.set_findings([WARN, ERR])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(3)] == [
        "error", "data.trackId (环节id)", "trackId is missing"]
    assert model.index(1, 2).data() == "unknown key 'userid' — did you mean userId?"


def test_the_summary_counts_and_a_click_chooses(qtbot):
    view = FindingsList()
    qtbot.addWidget(view)
    view.show_findings([WARN, ERR], "strict")
    assert view.summary.text().startswith("1 error, 1 warning")
    with qtbot.wait_signal(view.chosen) as blocker:
        view.table.clicked.emit(view.model.index(1, 0))
    assert blocker.args == [WARN]
    view.show_findings([], "strict")
    assert view.summary.text() == "Valid in strict mode: no findings."
    view.show_findings([], "lenient", "Not JSON: …")
    assert view.summary.text() == "Not JSON: …"
    assert view.model.data(view.model.index(0, 0), Qt.ItemDataRole.DisplayRole) is None
