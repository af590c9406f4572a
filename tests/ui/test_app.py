from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QTableWidget

from ui.app import CJK_FONTS, PlaceholderWindow, pick_font


def test_placeholder_window_tells_the_truth(qtbot, tmp_path):
    window = PlaceholderWindow(str(tmp_path / "x.db"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    text = "\n".join(label.text() for label in window.findChildren(QLabel))
    assert "python main.py validate FILE" in text
    assert str(tmp_path / "x.db") in text
    table = window.findChild(QTableWidget)
    assert table.rowCount() == 10
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "1", "5", "2", "3", "4", "6", "7", "8", "9", "10"]


def test_a_cjk_font_is_chosen_when_one_is_installed(qapp):
    installed = [f for f in CJK_FONTS if f in set(QFontDatabase.families())]
    if not installed:
        pytest.skip("no CJK font installed (./dev installs fonts-noto-cjk on Debian)")
    assert pick_font().family() == installed[0]
