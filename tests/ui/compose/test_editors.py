"""The value editors: codes outside an enumeration are kept, the time picker writes
yyyyMMddHHmmss, raw JSON reads back as JSON."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QTime

from app.catalog.workorder import TRANSPORT_TYPE
from ui.compose.editors import EnumEditor, RawEditor, TimeEditor


def test_an_enumeration_shows_meanings_and_keeps_any_code(qtbot):
    editor = EnumEditor(TRANSPORT_TYPE)
    qtbot.addWidget(editor)
    editor.set_value("2")
    assert editor.currentText() == "2 — 400电话界面接入 · 400 hotline" and editor.value() == "2"
    editor.set_value("9")
    assert editor.value() == "9"
    with qtbot.wait_signal(editor.edited):
        editor.activated.emit(0)
    editor.setCurrentIndex(0)
    assert editor.value() == "1"


def test_the_time_picker_writes_the_spec_format(qtbot):
    editor = TimeEditor()
    qtbot.addWidget(editor)
    editor.set_value("20190802161622")
    editor._show_current()
    assert editor.calendar.selectedDate() == QDate(2019, 8, 2)
    editor.calendar.setSelectedDate(QDate(2024, 2, 29))
    editor.clock.setTime(QTime(23, 5, 9))
    with qtbot.wait_signal(editor.edited):
        editor.apply.click()
    assert editor.value() == "20240229230509"
    editor.pick_time(datetime(2020, 1, 2, 3, 4, 5))
    assert editor.value() == "20200102030405"


def test_raw_json_reads_back_as_json_and_other_text_as_a_string(qtbot):
    editor = RawEditor()
    qtbot.addWidget(editor)
    editor.set_value([1, None, "甲"])
    assert editor.text() == '[1, null, "甲"]' and editor.value() == [1, None, "甲"]
    editor.setText("[1,")
    assert editor.value() == "[1,"
