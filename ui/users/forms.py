"""The small forms of the Users panel: start N simulated app users, add an IM user a real
client connects as, send a server notification. Each says what is wrong beside the field it
is about (the core names the field: ``AppUserInputError.path``, ``UserError`` and
``NotifyError`` findings) and never clears what was typed when a submission fails.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
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


#: A starting payload per notification type and receiver role (spec §5's tables): edited,
#: not typed from scratch.
TEMPLATES: dict[tuple[str, str], dict[str, Any]] = {
    ("order", "user"): {"status": "confirmed", "o_id": "WO1"},
    ("order", "expert"): {"status": "paid", "o_id": "WO1"},
    ("note", "user"): {"status": "replied", "note_id": "N1"},
    ("note", "expert"): {"status": "paid", "note_id": "N1"},
    ("feedback", "user"): {"content": "感谢您的反馈，我们会尽快处理"},
    ("feedback", "expert"): {"content": "感谢您的反馈，我们会尽快处理"},
    ("expert", "user"): {"status": "verified", "content": "apply"},
    ("expert", "expert"): {"status": "verified", "content": "apply"},
}


class NotifyForm(FieldForm):
    """``POST /api/im/notifications``: a server notification to the selected user(s)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.to = QLabel()
        self.to.setWordWrap(True)
        self.kind = QComboBox()
        for kind in ("order", "note", "feedback", "expert"):
            self.kind.addItem(kind, kind)
        self.payload = QPlainTextEdit()
        self.payload.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.payload.setMaximumHeight(110)
        self.receivers: list[str] = []
        self.role = "user"
        for key, widget in (("to", self.to), ("type", self.kind), ("payload", self.payload)):
            self._row(key, widget)
        self.kind.currentIndexChanged.connect(lambda _i: self._template())
        self.retranslate()

    def address(self, user_ids: list[str], role: str) -> None:
        """Whom the notification goes to; the payload starts from the template for them."""
        self.receivers, self.role = list(user_ids), role
        self.to.setText(", ".join(user_ids[:10]) + (" …" if len(user_ids) > 10 else ""))
        self.clear_errors()
        self._template()

    def _template(self) -> None:
        doc = TEMPLATES.get((self.kind.currentData(), self.role), {})
        self.payload.setPlainText(json.dumps(doc, ensure_ascii=False, indent=1))

    def value(self) -> dict[str, Any]:
        """The request; ``payload`` is the text itself when it is not JSON (the panel says
        where it breaks)."""
        text = self.payload.toPlainText()
        try:
            payload: Any = json.loads(text)
        except ValueError:
            payload = text
        to: Any = self.receivers[0] if len(self.receivers) == 1 else list(self.receivers)
        return {"type": self.kind.currentData(), "to": to, "payload": payload}

    def retranslate(self) -> None:
        for key, text in (("to", self.tr("To")), ("type", self.tr("Type")),
                          ("payload", self.tr("Payload"))):
            self.labels[key].setText(text)
        self.kind.setToolTip(self.tr("order and note statuses go to the role the spec's "
                                     "table names; feedback and expert are never pushed"))
        self.submit.setText(self.tr("Send notification"))
        self.cancel.setText(self.tr("Close"))
