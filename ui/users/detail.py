"""The selected user in full: its account and connection settings (what an integrator pastes
into MQTTX), its latest IM messages, the pushes recorded for it, and — for a simulated phone —
its habits, counters and what it received. Each tab is a bounded read (``LIMIT``)."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QWidget

if TYPE_CHECKING:
    from app.platform import Platform

#: Rows each tab reads at most (newest first).
LIMIT = 100


class UserDetail(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = _text()
        self.messages = _text()
        self.pushes = _text()
        self.phone = _text()
        for widget in (self.account, self.messages, self.pushes, self.phone):
            self.addTab(widget, "")
        self.user_id: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        for i, text in enumerate((self.tr("Account"), self.tr("Messages"), self.tr("Pushes"),
                                  self.tr("Phone"))):
            self.setTabText(i, text)
        self.setTabToolTip(0, self.tr("The user as the API returns it, with its authSign and "
                                      "MQTT connection settings"))
        self.setTabToolTip(1, self.tr("The latest IM messages from and to this user (newest "
                                      "first), as the IM server logged them"))
        self.setTabToolTip(2, self.tr("Mobile pushes the Umeng gateway would have received "
                                      "while this user was offline (newest first)"))
        self.setTabToolTip(3, self.tr("The simulated phone: state, habits, counters and the "
                                      "latest messages it received"))
        if self.user_id is None:
            self.clear_user()

    def clear_user(self) -> None:
        self.user_id = None
        hint = self.tr("Select a user to see its account, messages and pushes.")
        for widget in (self.account, self.messages, self.pushes, self.phone):
            widget.setPlainText(hint)

    def show_user(self, platform: Platform, user_id: str) -> None:
        """Read the user afresh (bounded queries; the scroll position is kept on a refresh)."""
        im = platform.im
        if im is None or user_id not in im.users:
            self.clear_user()
            return
        self.user_id = user_id
        _set(self.account, _dump(im.describe(im.users[user_id], secrets=True)))
        store = platform.engine.store
        if store is not None:
            rows = store.im_messages(user_id=user_id, limit=LIMIT)
            _set(self.messages, "\n".join(_message_line(r) for r in rows) or self.tr(
                "No IM messages from or to this user yet."))
            pushes = store.pushes(user_id=user_id, limit=LIMIT)
            _set(self.pushes, "\n\n".join(
                f"{_clock(p['at'])}\n{_dump({k: v for k, v in p.items() if k not in ('id', 'at')})}"
                for p in pushes) or self.tr(
                "No pushes: one is recorded when a message reaches this user while the broker "
                "says it is offline."))
        crowd = platform.phones
        if crowd is not None and user_id in crowd.users:
            seen = (crowd.messages(user_id) or [])[-LIMIT:]
            received = "\n".join(
                f"{_clock(s['at'])}  {s['type']:<12} {s['msgid'] or ''}  "
                f"{json.dumps(s['doc'], ensure_ascii=False)}" for s in reversed(seen))
            _set(self.phone, _dump(crowd.users[user_id].to_json()) + "\n\n" + self.tr(
                "Received (newest first):") + "\n" + (received or self.tr("nothing yet")))
        else:
            _set(self.phone, self.tr(
                "A real client's account: Push Studio does not drive it. Connect MQTTX or the "
                "app with the settings under Account (Copy connection settings)."))


def _text() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return edit


def _set(edit: QPlainTextEdit, text: str) -> None:
    """Only when it changed, keeping where the user had scrolled to."""
    if edit.toPlainText() == text:
        return
    bar = edit.verticalScrollBar()
    at = bar.value()
    edit.setPlainText(text)
    bar.setValue(at)


def _dump(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _clock(at: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(at)) + f".{int(at * 1000) % 1000:03d}"


def _message_line(row: dict[str, Any]) -> str:
    arrow = "←" if row["direction"] == "in" else "→"
    reason = f" ({row['reason']})" if row.get("reason") else ""
    body = "<protobuf>" if row.get("binary") else row.get("body", "")
    return (f"{_clock(row['at'])} {arrow} {row.get('type') or '?':<14} {row['status']:<9}"
            f"{reason} {row.get('msgid') or ''}  {body}")
