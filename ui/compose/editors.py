"""The value editors of Compose's form: text, enumerations, ``yyyyMMddHHmmss`` times, and raw
JSON for values the catalogue's type does not describe (a number where the table says
String, ``null``, an array of strings …), so that nothing the JSON holds is dropped or
silently converted.

Each editor has ``value()``, ``set_value(v)`` and an ``edited`` signal that fires on the
user's edits only (never on ``set_value``), so the form can mirror them into the JSON view
without loops.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.catalog.model import Enumeration
from app.catalog.timefmt import FORMAT, time_problem


class TextEditor(QLineEdit):
    """A string value."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> Any:
        return self.text()

    def set_value(self, value: Any) -> None:
        self.setText(value if isinstance(value, str) else "")

    def focus_editor(self) -> None:
        self.setFocus()
        self.selectAll()


class RawEditor(QLineEdit):
    """Any JSON value, typed as JSON text: ``12``, ``null``, ``["a", "b"]``. Text that is not
    JSON is kept as a string (and the validator says what the field expects)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rawJson")
        font = self.font()
        font.setStyleHint(font.StyleHint.Monospace)
        font.setFamily("monospace")
        self.setFont(font)
        self.textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> Any:
        try:
            return json.loads(self.text())
        except ValueError:
            return self.text()

    def set_value(self, value: Any) -> None:
        self.setText(json.dumps(value, ensure_ascii=False))

    def focus_editor(self) -> None:
        self.setFocus()
        self.selectAll()


class EnumEditor(QComboBox):
    """A code of an enumeration, shown as "code — meaning" (both languages, as the spec's
    catalogue gives them). Editable: production sends codes outside the list
    (transportTypeId "9"), and those must be typeable and kept."""

    edited = Signal()

    def __init__(self, enum: Enumeration, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum = enum
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        for v in enum.values:
            self.addItem(f"{v.value} — {v.zh} · {v.en}", v.value)
        self.setCurrentIndex(-1)
        self.activated.connect(lambda _i: self.edited.emit())
        self.lineEdit().textEdited.connect(lambda _t: self.edited.emit())

    def value(self) -> Any:
        text = self.currentText()
        index = self.findText(text)
        if index >= 0:
            return self.itemData(index)
        return text.partition(" — ")[0].strip() if " — " in text else text

    def set_value(self, value: Any) -> None:
        index = self.findData(value) if isinstance(value, str) else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(value if isinstance(value, str) else "")

    def focus_editor(self) -> None:
        self.setFocus()
        self.lineEdit().selectAll()


class TimeEditor(QWidget):
    """A ``yyyyMMddHHmmss`` string: typed, or picked from a calendar and a clock ("Now" is
    one click). The text stays what the user typed; a bad time is the validator's to name."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("yyyyMMddHHmmss")
        self.line.setMaxLength(32)
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        self.pick = QToolButton()
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick.setText("…")
        self.menu = QMenu(self.pick)
        self.pick.setMenu(self.menu)

        holder = QWidget()
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.clock = QTimeEdit()
        self.clock.setDisplayFormat("HH:mm:ss")
        self.now = QPushButton()
        self.apply = QPushButton()
        self.apply.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clock, 1)
        buttons.addWidget(self.now)
        buttons.addWidget(self.apply)
        box = QVBoxLayout(holder)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.calendar)
        box.addLayout(buttons)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(holder)
        self.menu.addAction(action)
        self.menu.aboutToShow.connect(self._show_current)
        self.now.clicked.connect(self.set_now)
        self.apply.clicked.connect(self._apply)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.pick)
        self.setFocusProxy(self.line)
        self.retranslate()

    def retranslate(self) -> None:
        self.pick.setToolTip(self.tr("Pick a date and time"))
        self.now.setText(self.tr("Now"))
        self.apply.setText(self.tr("Set"))

    def _show_current(self) -> None:
        text = self.line.text()
        moment = (datetime.strptime(text, FORMAT) if text and time_problem(text) is None
                  else datetime.now().replace(microsecond=0))
        qt = QDateTime(moment)
        self.calendar.setSelectedDate(qt.date())
        self.clock.setTime(qt.time())

    def pick_time(self, moment: datetime) -> None:
        """Set the value to this moment, as the picker does (an edit: the JSON follows)."""
        self.line.setText(moment.strftime(FORMAT))
        self.edited.emit()

    def set_now(self) -> None:
        self.pick_time(datetime.now())
        self.menu.close()

    def _apply(self) -> None:
        moment = QDateTime(self.calendar.selectedDate(), self.clock.time()).toPython()
        self.pick_time(moment)
        self.menu.close()

    def value(self) -> Any:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        self.line.setText(value if isinstance(value, str) else "")

    def focus_editor(self) -> None:
        self.line.setFocus()
        self.line.selectAll()

    def setStyleSheet(self, sheet: str) -> None:
        self.line.setStyleSheet(sheet)

    def setToolTip(self, tip: str) -> None:
        self.line.setToolTip(tip)


