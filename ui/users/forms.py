"""The two small forms of the Users panel: start N simulated app users, and add an IM user a
real client connects as. Each says what is wrong beside the field it is about (the core names
the field: ``AppUserInputError.path``, ``UserError`` findings) and never clears what was typed
when a submission fails.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import theme


class FieldForm(QWidget):
    """A form whose rows each have an error line under them, keyed by the API's field name."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.problem = QLabel()  # what belongs to no one field
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.submit = QPushButton()
        self.cancel = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.submit.clicked.connect(lambda: self.submitted.emit(self.value()))
        self.cancel.clicked.connect(self.hide)

    def _row(self, key: str, widget: QWidget) -> None:
        label = QLabel()
        error = QLabel()
        error.setWordWrap(True)
        error.setVisible(False)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        self.form.addRow(label, column)
        label.setBuddy(widget)
        self.labels[key], self.errors[key] = label, error

    def value(self) -> dict[str, Any]:
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        """``{field: message}``; a field the form has no row for goes to the line below."""
        self.clear_errors()
        loose = []
        for key, message in errors.items():
            label = self.errors.get(key)
            if label is None:
                loose.append(f"{key}: {message}" if key else message)
                continue
            label.setText(message)
            label.setVisible(True)
        if loose:
            self.problem.setText("\n".join(loose))
            self.problem.setVisible(True)
        self._recolour()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.setVisible(False)
        self.problem.setVisible(False)

    def has_errors(self) -> bool:
        return self.problem.isVisibleTo(self) or any(
            e.isVisibleTo(self) for e in self.errors.values())

    def _recolour(self) -> None:
        style = f"color: {theme.error_colour().name()};"
        for label in (*self.errors.values(), self.problem):
            label.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)


class CrowdForm(FieldForm):
    """``POST /api/simulated-users``: how many, their ids, role, platform, and habits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = QSpinBox()
        self.count.setRange(1, 10_000)
        self.count.setValue(5)
        self.prefix = QLineEdit("sim")
        self.role = QComboBox()
        self.platform = QComboBox()
        self.encoding = QComboBox()
        for combo, values in ((self.role, ("user", "expert")),
                              (self.platform, ("android", "ios")),
                              (self.encoding, ("json", "protobuf"))):
            for v in values:
                combo.addItem(v, v)
        self.on_chat_page = QCheckBox()
        self.on_chat_page.setChecked(True)
        self.chat_every = _seconds()
        self.offline_every = _seconds()
        self.offline_for = _seconds(minimum=0.1, value=10.0)
        for key, widget in (("count", self.count), ("prefix", self.prefix),
                            ("role", self.role), ("platform", self.platform),
                            ("encoding", self.encoding), ("onChatPage", self.on_chat_page),
                            ("chatEvery", self.chat_every),
                            ("offlineEvery", self.offline_every),
                            ("offlineFor", self.offline_for)):
            self._row(key, widget)
        self.retranslate()

    def value(self) -> dict[str, Any]:
        return {"count": self.count.value(), "prefix": self.prefix.text().strip(),
                "role": self.role.currentData(), "platform": self.platform.currentData(),
                "encoding": self.encoding.currentData(),
                "onChatPage": self.on_chat_page.isChecked(),
                "chatEvery": self.chat_every.value(), "offlineEvery": self.offline_every.value(),
                "offlineFor": self.offline_for.value()}

    def retranslate(self) -> None:
        texts = {"count": self.tr("How many"), "prefix": self.tr("userID prefix"),
                 "role": self.tr("Role"), "platform": self.tr("Platform"),
                 "encoding": self.tr("1001 records as"), "onChatPage": self.tr("Chat page"),
                 "chatEvery": self.tr("Chat every"), "offlineEvery": self.tr("Go offline every"),
                 "offlineFor": self.tr("Stay offline for")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.prefix.setToolTip(self.tr("userIDs become prefix0001, prefix0002, …"))
        self.on_chat_page.setText(self.tr("On the chat page (answers received: ✓✓)"))
        self.chat_every.setSpecialValueText(self.tr("only when told"))
        self.offline_every.setSpecialValueText(self.tr("stays online"))
        for spin in (self.chat_every, self.offline_every, self.offline_for):
            spin.setSuffix(self.tr(" s"))
        self.chat_every.setToolTip(self.tr("Mean seconds between chats each phone starts"))
        self.offline_every.setToolTip(self.tr("Mean seconds online before a phone goes "
                                              "offline (one in three drops without a "
                                              "DISCONNECT)"))
        self.role.setItemText(0, self.tr("user"))
        self.role.setItemText(1, self.tr("expert"))
        self.platform.setItemText(0, self.tr("Android"))
        self.platform.setItemText(1, self.tr("iOS"))
        self.encoding.setItemText(0, self.tr("JSON"))
        self.encoding.setItemText(1, self.tr("protobuf"))
        self.submit.setText(self.tr("Start"))
        self.cancel.setText(self.tr("Close"))


class UserForm(FieldForm):
    """``POST /api/users``: an IM user for a real client (or to change one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_id = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        self.platform = QComboBox()
        self.encoding = QComboBox()
        for combo, values in ((self.role, ("user", "expert")),
                              (self.platform, ("android", "ios")),
                              (self.encoding, ("json", "protobuf"))):
            for v in values:
                combo.addItem(v, v)
        self.channel = QLineEdit("official")
        self.app_version = QLineEdit("1.0.0")
        for key, widget in (("userID", self.user_id), ("name", self.name),
                            ("role", self.role), ("platform", self.platform),
                            ("encoding", self.encoding), ("channel", self.channel),
                            ("appVersion", self.app_version)):
            self._row(key, widget)
        self.retranslate()

    def value(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"userID": self.user_id.text().strip(),
                               "role": self.role.currentData(),
                               "platform": self.platform.currentData(),
                               "encoding": self.encoding.currentData(),
                               "channel": self.channel.text(),
                               "appVersion": self.app_version.text()}
        if self.name.text().strip():  # empty: the server names the user after its id
            doc["name"] = self.name.text()
        if not doc["userID"]:
            del doc["userID"]  # the server then says it is required, by name
        return doc

    def fill(self, doc: dict[str, Any]) -> None:
        """Start from an existing user (to change it: same userID)."""
        self.user_id.setText(str(doc.get("userID", "")))
        self.name.setText(str(doc.get("name", "")))
        for combo, key in ((self.role, "role"), (self.platform, "platform"),
                           (self.encoding, "encoding")):
            combo.setCurrentIndex(max(0, combo.findData(doc.get(key))))
        self.channel.setText(str(doc.get("channel", "official")))
        self.app_version.setText(str(doc.get("appVersion", "1.0.0")))
        self.clear_errors()

    def retranslate(self) -> None:
        texts = {"userID": self.tr("userID"), "name": self.tr("Name"), "role": self.tr("Role"),
                 "platform": self.tr("Platform"), "encoding": self.tr("1001 records as"),
                 "channel": self.tr("Channel"), "appVersion": self.tr("App version")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.user_id.setPlaceholderText(self.tr("e.g. 110640113 (also its MQTT client id)"))
        self.name.setPlaceholderText(self.tr("e.g. 噜噜噜 (the userID when empty)"))
        self.channel.setToolTip(self.tr("The app's distribution channel: an Umeng push tag"))
        self.role.setItemText(0, self.tr("user"))
        self.role.setItemText(1, self.tr("expert"))
        self.platform.setItemText(0, self.tr("Android"))
        self.platform.setItemText(1, self.tr("iOS"))
        self.encoding.setItemText(0, self.tr("JSON"))
        self.encoding.setItemText(1, self.tr("protobuf"))
        self.submit.setText(self.tr("Save user"))
        self.cancel.setText(self.tr("Close"))


def _seconds(minimum: float = 0.0, value: float = 0.0) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(minimum, 86_400)
    spin.setDecimals(1)
    spin.setValue(value)
    return spin
