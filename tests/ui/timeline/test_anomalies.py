"""The anomaly list: every model through qtmodeltester; the message in the language shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.timeline.model import Anomaly
from ui import theme
from ui.timeline.anomalies import AnomalyList

ROWS = [Anomaly("missing-step", 3, "track T was handled but never generated",
                "环节 T 未生成就已处理"),
        Anomaly("after-end", 9, "changeId 5 arrived after the order ended", "工单已结束后又收到")]


def test_the_model_passes_qtmodeltester(qtmodeltester):
    model = AnomalyList()
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    qtmodeltester.check(model)


def test_messages_follow_the_language_and_tooltips_give_both(qtbot):
    model = AnomalyList()
    model.set_rows(ROWS)
    index = model.index(0)
    assert index.data() == "#3  track T was handled but never generated"
    model.language = lambda: "zh"
    with qtbot.wait_signal(model.dataChanged):
        model.refresh()
    assert index.data() == "#3  环节 T 未生成就已处理"
    assert "track T" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == theme.error_colour()
    assert index.data(Qt.ItemDataRole.UserRole) is ROWS[0]
