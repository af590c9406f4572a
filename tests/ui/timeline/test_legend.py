"""The legend wraps to the width it gets and draws in both themes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui import theme
from ui.timeline.legend import Legend


def test_a_narrow_legend_is_taller_and_paints_in_both_themes(qtbot):
    legend = Legend()
    qtbot.addWidget(legend)
    assert legend.heightForWidth(300) > legend.heightForWidth(1400)
    assert any(text == "timeout" for _, _, text in legend.entries)
    app = QApplication.instance()
    try:
        for mode in ("dark", "light"):
            theme.apply(app, mode)
            legend.resize(500, legend.heightForWidth(500))
            assert not legend.grab().isNull()
    finally:
        theme.apply(app, "light")
