"""A chat between two IM users, as the IM server saw it: bubbles with their msgid, the ✓ sent
and ✓✓ received ticks, a message queued for a peer who is offline (and the push recorded for
it), a rejected message with the server's reason; and, on request, every envelope each
message caused, exactly as it went over the wire.

Everything comes from the IM server's log (``ImMessageLogged`` on the bus, and the store's
``im_messages`` for what happened before the window opened), never from the phones: it shows
what a real client would see too. A simulated phone can be made to send from here; a real
client cannot be driven, and the window says so.

Scriptable: ``ChatWindow.send(text)`` (async, returns the msgid), ``sender`` (a combo of the
two users), ``compose``, ``raw`` (the envelopes toggle), ``model.messages``.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.events import ImMessageLogged, PushRecorded
from app.tasks import spawn
from app.transport.mqtt import MqttError
from simulator.app_users import AppUserInputError
from ui import theme

if TYPE_CHECKING:
    from app.platform import Platform

Index = QModelIndex | QPersistentModelIndex

#: Log rows read back per user when the window opens (newest first, then shown in order).
HISTORY = 500
#: Messages the window holds; older ones leave (the store keeps them).
CAPACITY = 2_000


@dataclass
class Envelope:
    """One message on the wire: who sent it to whom, and its text."""

    label: str
    body: str
    at: float


@dataclass
class ChatMessage:
    msgid: str
    sender: str
    to: str
    content: str
    o_id: str | None
    at: float
    #: sending (asked from this window, not at the server yet) | accepted | rejected
    state: str = "accepted"
    reason: str | None = None
    #: The server answered the sender ``sent`` (✓).
    sent_at: float | None = None
    #: What the forward to the peer was: sent (peer online) or queued (the broker holds it).
    forwarded: str | None = None
    #: The peer's phone answered ``received`` (on its chat page).
    read_at: float | None = None
    #: The server forwarded that ``received`` to the sender (✓✓).
    received_at: float | None = None
    push: dict[str, Any] | None = None
    wire: list[Envelope] = field(default_factory=list)


#: Log rows a chat remembers having taken (to ignore the same row read twice).
SEEN_KEPT = 10_000


class ChatModel(QAbstractListModel):
    """The messages between ``a`` and ``b``, built from the IM server's log rows."""

    def __init__(self, a: str, b: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.a, self.b = a, b
        self.messages: list[ChatMessage] = []
        self._by_msgid: dict[str, int] = {}
        #: Log rows already taken (the bus and the store both report them), newest last;
        #: bounded: a long session of busy phones must not grow it for ever.
        self._seen: OrderedDict[tuple[Any, ...], None] = OrderedDict()

    # --- feeding --------------------------------------------------------------------------

    def expect(self, msgid: str, sender: str, content: str, o_id: str | None) -> None:
        """A message this window asked a phone to send: shown at once, as "sending"."""
        if msgid in self._by_msgid:
            return
        to = self.b if sender == self.a else self.a
        self._append(ChatMessage(msgid, sender, to, content, o_id, time.time(),
                                 state="sending"))

    def log(self, direction: str, user_id: str | None, kind: str | None, msgid: str | None,
            status: str, reason: str | None, body: str, at: float) -> None:
        """One row of the IM server's log (from the bus or the store)."""
        if user_id not in (self.a, self.b):
            return
        key = (direction, user_id, kind, msgid, status, hash(body))
        if key in self._seen:
            return
        self._seen[key] = None
        if len(self._seen) > SEEN_KEPT:
            self._seen.popitem(last=False)
        if direction == "in" and kind == "order_chat":
            self._chat_in(user_id, msgid, status, reason, body, at)
            return
        i = self._by_msgid.get(msgid or "")
        if i is None:
            return
        m = self.messages[i]
        if direction == "out" and kind == "sent" and user_id == m.sender:
            m.sent_at = m.sent_at or at
            m.wire.append(Envelope(f"server → {m.sender}: sent", body, at))
        elif direction == "out" and kind == "order_chat" and user_id == m.to:
            m.forwarded = status
            m.wire.append(Envelope(f"server → {m.to} ({status})", body, at))
        elif direction == "in" and kind == "received" and user_id == m.to:
            m.read_at = m.read_at or at
            m.wire.append(Envelope(f"{m.to} → server: received", body, at))
        elif direction == "out" and kind == "received" and user_id == m.sender:
            m.received_at = m.received_at or at
            m.wire.append(Envelope(f"server → {m.sender}: received", body, at))
        else:
            return
        self._changed(i)

    def _chat_in(self, sender: str | None, msgid: str | None, status: str,
                 reason: str | None, body: str, at: float) -> None:
        try:
            doc = json.loads(body)
        except ValueError:
            doc = None
        doc = doc if isinstance(doc, dict) else {}
        to = doc.get("to")
        if sender is None or {sender, to} != {self.a, self.b}:
            return
        payload = doc.get("payload") if isinstance(doc.get("payload"), dict) else {}
        content = payload.get("content")
        o_id = payload.get("o_id")
        msgid = msgid or str(doc.get("msgid") or f"?{at}")
        i = self._by_msgid.get(msgid)
        if i is None:
            self._append(ChatMessage(msgid, sender, str(to),
                                     content if isinstance(content, str) else "",
                                     o_id if isinstance(o_id, str) else None, at))
            i = len(self.messages) - 1
        m = self.messages[i]
        if m.o_id is None and isinstance(o_id, str):  # the phone picked one: as it went
            m.o_id = o_id
        if status == "rejected":
            m.state, m.reason = "rejected", reason
        elif m.state != "rejected":
            m.state = "accepted"
        label = f"{sender} → server" + (f" ({status}: {reason})" if reason else "")
        m.wire.append(Envelope(label, body, at))
        self._changed(i)

    def push(self, user_id: str, doc: dict[str, Any], at: float) -> None:
        """A push recorded for ``user_id``: it belongs to the latest message queued for them
        (the server records it in the same step as it queues the message)."""
        for i in range(len(self.messages) - 1, -1, -1):
            m = self.messages[i]
            if m.to == user_id and m.forwarded == "queued" and m.push is None:
                m.push = doc
                m.wire.append(Envelope(f"push → {user_id} ({doc.get('platform', '?')})",
                                       json.dumps(doc, ensure_ascii=False), at))
                self._changed(i)
                return

    def _append(self, message: ChatMessage) -> None:
        if len(self.messages) >= CAPACITY:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self.messages[0]
            self.endRemoveRows()
            self._by_msgid = {m.msgid: k for k, m in enumerate(self.messages)}
        n = len(self.messages)
        self.beginInsertRows(QModelIndex(), n, n)
        self.messages.append(message)
        self._by_msgid[message.msgid] = n
        self.endInsertRows()

    def _changed(self, i: int) -> None:
        self.dataChanged.emit(self.index(i), self.index(i))

    def find(self, msgid: str) -> ChatMessage | None:
        i = self._by_msgid.get(msgid)
        return self.messages[i] if i is not None else None

    # --- Qt's side ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.messages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.messages):
            return None
        m = self.messages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return m.content
        if role == Qt.ItemDataRole.UserRole:
            return m
        return None


class BubbleDelegate(QStyledItemDelegate):
    """Draws a message as a bubble: the sender ``a`` on the right, ``b`` on the left; below
    the text its msgid, time and ticks, a line for queued / pushed / rejected, and the wire
    envelopes when the window shows them."""

    PAD = 8
    MARGIN = 6

    def __init__(self, window: ChatWindow) -> None:
        super().__init__(window)
        self.window = window
        self.mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    def _width(self) -> int:
        return max(160, int(self.window.view.viewport().width() * 0.78))

    def _parts(self, m: ChatMessage) -> list[tuple[str, QFont, str]]:
        """(text, font, colour role) lines of the bubble, in order."""
        small = QFont(self.window.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        w = self.window
        parts: list[tuple[str, QFont, str]] = [
            (m.content or QCoreApplication.translate("ChatWindow", "(no content)"),
             self.window.font(), "text")]
        parts.append((w.status_line(m), small, "status"))
        note = w.note_line(m)
        if note:
            parts.append((note, small, "error" if m.state == "rejected" else "queued"))
        if w.raw.isChecked():
            for env in m.wire:
                parts.append((env.label, small, "label"))
                parts.append((_pretty(env.body), self.mono, "raw"))
        return parts

    def _layout(self, m: ChatMessage) -> tuple[int, list[tuple[QRect, str, QFont, str]]]:
        """The bubble's width and each line's rectangle inside it (below its padding)."""
        inner = self._width() - 2 * self.PAD
        y, out, widest = 0, [], 0
        for text, font, kind in self._parts(m):
            flags = int(Qt.TextFlag.TextWrapAnywhere if kind == "raw"
                        else Qt.TextFlag.TextWordWrap)
            metrics = QFontMetrics(font)
            # The status line leaves room on its right for the ticks drawn there.
            extra = metrics.horizontalAdvance("  ✓✓") if kind == "status" else 0
            rect = metrics.boundingRect(QRect(0, 0, inner - extra, 100_000), flags, text)
            out.append((QRect(0, y, inner - extra, rect.height()), text, font, kind))
            widest = max(widest, rect.width() + extra)
            y += rect.height() + 2
        return min(inner, widest) + 2 * self.PAD, out

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        m = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(m, ChatMessage):
            return QSize(0, 0)
        _, parts = self._layout(m)
        height = parts[-1][0].bottom() + 1 if parts else 0
        return QSize(self._width(), height + 2 * self.PAD + 2 * self.MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        m = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(m, ChatMessage):
            return
        width, parts = self._layout(m)
        height = (parts[-1][0].bottom() + 1 if parts else 0) + 2 * self.PAD
        mine = m.sender == self.window.a
        rect = option.rect
        left = rect.right() - width - self.MARGIN if mine else rect.left() + self.MARGIN
        bubble = QRect(left, rect.top() + self.MARGIN, width, height)
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = (theme.background("rejected") if m.state == "rejected"
                else theme.background("queued") if mine
                else palette.color(QPalette.ColorRole.AlternateBase))
        painter.setBrush(fill)
        selected = option.state & QStyle.StateFlag.State_Selected
        painter.setPen(palette.color(QPalette.ColorRole.Highlight) if selected
                       else palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(bubble, 8, 8)
        text_colour = palette.color(QPalette.ColorRole.Text)
        colours = {"text": text_colour, "raw": text_colour,
                   "status": palette.color(QPalette.ColorRole.PlaceholderText),
                   "label": palette.color(QPalette.ColorRole.PlaceholderText),
                   "error": theme.error_colour(), "queued": theme.strong("queued")}
        full = self._width() - 2 * self.PAD

        def inner_width(r: QRect) -> int:
            return full - r.width()  # what the line leaves free on its right (the ticks)

        for r, text, font, kind in parts:
            painter.setFont(font)
            painter.setPen(colours[kind])
            flags = int(Qt.TextFlag.TextWrapAnywhere if kind == "raw"
                        else Qt.TextFlag.TextWordWrap)
            reserve = inner_width(r)
            target = QRect(bubble.left() + self.PAD, bubble.top() + self.PAD + r.top(),
                           width - 2 * self.PAD - reserve, r.height())
            painter.drawText(target, flags, text)
        if kind_tick := self.window.tick(m):
            tick, outcome = kind_tick
            painter.setFont(parts[1][2])
            painter.setPen(theme.strong(outcome))
            r = parts[1][0]
            painter.drawText(QRect(bubble.left() + self.PAD, bubble.top() + self.PAD + r.top(),
                                   width - 2 * self.PAD, r.height()),
                             int(Qt.AlignmentFlag.AlignRight), tick)
        painter.restore()


def _pretty(body: str) -> str:
    try:
        return json.dumps(json.loads(body), ensure_ascii=False, indent=1)
    except ValueError:
        return body


class ChatWindow(QWidget):
    """The chat between ``a`` and ``b`` (a top-level window; the panel keeps one per pair)."""

    def __init__(self, platform: Platform, a: str, b: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.platform, self.a, self.b = platform, a, b
        self.model = ChatModel(a, b, self)
        self._unsubscribe: list[Callable[[], None]] = []

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.raw = QCheckBox()
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(BubbleDelegate(self))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sender = QComboBox()
        self.sender.addItem(a, a)
        self.sender.addItem(b, b)
        self.order = QLineEdit()
        self.order.setMaximumWidth(140)
        self.compose = QLineEdit()
        self.send_button = QPushButton()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.note = QLabel()  # why sending is not possible, when it is not
        self.note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.raw)
        line = QHBoxLayout()
        self.sender_label = QLabel()
        line.addWidget(self.sender_label)
        line.addWidget(self.sender)
        line.addWidget(self.order)
        line.addWidget(self.compose, 1)
        line.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addLayout(line)

        self.raw.toggled.connect(lambda _on: self.view.doItemsLayout())
        self.compose.returnPressed.connect(self._send_clicked)
        self.send_button.clicked.connect(self._send_clicked)
        self.sender.currentIndexChanged.connect(lambda _i: self.update_state())
        self.model.rowsInserted.connect(self._arrived)
        self.resize(560, 640)
        self._load()
        self.retranslate()
        self.update_state()

    # --- data -----------------------------------------------------------------------------

    def _load(self) -> None:
        """Listen first, then read what happened before: nothing runs in between (one
        thread, no await), so nothing falls in the gap."""
        bus = self.platform.engine.bus
        self._unsubscribe = [bus.subscribe(ImMessageLogged, self._on_logged),
                             bus.subscribe(PushRecorded, self._on_push)]
        store = self.platform.engine.store
        if store is None:
            return
        rows = [*store.im_messages(user_id=self.a, limit=HISTORY),
                *store.im_messages(user_id=self.b, limit=HISTORY)]
        pushes = [*store.pushes(user_id=self.a, limit=HISTORY),
                  *store.pushes(user_id=self.b, limit=HISTORY)]
        merged: list[tuple[float, int, Any]] = [(r["at"], 0, r) for r in rows]
        merged += [(p["at"], 1, p) for p in pushes]
        for _at, kind, r in sorted(merged, key=lambda t: (t[0], t[1])):
            if kind == 1:
                self.model.push(r["userID"], r, r["at"])
            elif not r["binary"]:
                self.model.log(r["direction"], r["user_id"], r["type"], r["msgid"],
                               r["status"], r["reason"], r["body"], r["at"])

    def _on_logged(self, e: ImMessageLogged) -> None:
        if e.user_id in (self.a, self.b) and not e.binary:
            self.model.log(e.direction, e.user_id, e.type, e.msgid, e.status, e.reason,
                           e.body, e.at)

    def _on_push(self, e: PushRecorded) -> None:
        if e.user_id in (self.a, self.b):
            self.model.push(e.user_id, e.doc, e.at)

    def _arrived(self) -> None:
        self.update_state()
        self.view.scrollToBottom()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        """Stop listening to the bus (the window is closed, or the platform stops)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    # --- sending --------------------------------------------------------------------------

    def _crowd(self) -> Any:
        return self.platform.phones

    def can_send_as(self, user_id: str) -> bool:
        crowd = self._crowd()
        return crowd is not None and user_id in crowd.users

    def _send_clicked(self) -> None:
        text = self.compose.text()
        if not text.strip():
            self._say(self.tr("Type a message first"))
            return
        spawn(self.send(text), name=f"chat {self.a}-{self.b}")

    async def send(self, text: str, *, sender: str | None = None) -> str | None:
        """Send ``text`` as ``sender`` (default: the one chosen in the window) to the other
        one, through the simulated phone; the msgid, or None (the reason is shown)."""
        sender = sender or self.sender.currentData()
        peer = self.b if sender == self.a else self.a
        if not self.can_send_as(sender):
            self._say(self.tr("%1 is a real client: send from its own app or MQTT client. "
                              "Its messages still show here.").replace("%1", sender))
            return None
        o_id = self.order.text().strip() or None
        try:
            msgid = await self._crowd().chat(sender, peer, o_id=o_id, content=text)
        except AppUserInputError as error:
            self._say(self.tr("Not sent: %1").replace("%1", str(error)))
            return None
        except MqttError as error:
            self._say(self.tr("Not sent, the broker refused it: %1").replace("%1", str(error)))
            return None
        self.problem.setVisible(False)
        self.model.expect(msgid, sender, text, o_id)
        if self.compose.text() == text:  # typed on meanwhile: keep it
            self.compose.clear()
        return msgid

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

    def update_state(self) -> None:
        """Enable sending only as a simulated phone that is online, and say why not."""
        has = self.model.rowCount() > 0
        self.view.setVisible(has)
        self.empty.setVisible(not has)
        sender = self.sender.currentData()
        crowd = self._crowd()
        note = ""
        if not self.can_send_as(sender):
            note = self.tr("%1 is a real client: it sends from its own app. Pick a simulated "
                           "user under \"Send as\" to send from here.").replace("%1", sender)
        elif crowd.users[sender].state != "online":
            note = self.tr("%1's phone is offline: bring it online to send (messages to it "
                           "are queued by the broker and pushed).").replace("%1", sender)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        enabled = not note
        self.compose.setEnabled(enabled)
        self.send_button.setEnabled(enabled)

    # --- words ----------------------------------------------------------------------------

    def tick(self, m: ChatMessage) -> tuple[str, str] | None:
        """The sender's ticks, and the outcome colour to draw them in."""
        if m.state == "rejected":
            return "✗", "rejected"
        if m.received_at is not None:
            return "✓✓", "ok"
        if m.sent_at is not None:
            return "✓", "queued" if m.forwarded == "queued" else "pending"
        if m.state == "sending":
            return "…", "pending"
        return None

    def status_line(self, m: ChatMessage) -> str:
        clock = time.strftime("%H:%M:%S", time.localtime(m.at))
        parts = [f"{m.sender} → {m.to}", clock, f"msgid {m.msgid}"]
        if m.o_id:
            parts.insert(2, f"o_id {m.o_id}")
        return " · ".join(parts)

    def note_line(self, m: ChatMessage) -> str:
        if m.state == "rejected":
            return self.tr("Rejected by the IM server: %1").replace("%1", m.reason or "?")
        if m.state == "sending":
            return self.tr("Sending…")
        if m.forwarded == "queued":
            text = self.tr("Queued: %1 is offline; the broker holds it until they connect")\
                .replace("%1", m.to)
            if m.push is not None:
                text += " · " + self.tr("push recorded (%1)").replace(
                    "%1", str(m.push.get("platform", "?")))
            return text
        if m.sent_at is not None and m.received_at is None and m.forwarded == "sent":
            return self.tr("Delivered to %1; no ✓✓ until their app answers received (it "
                           "does on the chat page)").replace("%1", m.to)
        return ""

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Chat %1 ⇄ %2").replace("%1", self.a).replace("%2", self.b))
        self.header.setText(self.tr(
            "%1 (right) and %2 (left). ✓ the server answered sent · ✓✓ the peer's app answered "
            "received").replace("%1", self.a).replace("%2", self.b))
        self.raw.setText(self.tr("Raw envelopes"))
        self.raw.setToolTip(self.tr("Show every message each chat caused, as it went over "
                                    "the wire"))
        self.sender_label.setText(self.tr("Send as"))
        self.order.setPlaceholderText(self.tr("o_id (optional)"))
        self.order.setToolTip(self.tr("The work order the chat is about; a random one if "
                                      "empty"))
        self.compose.setPlaceholderText(self.tr("Message (Enter sends)"))
        self.send_button.setText(self.tr("Send"))
        self.empty.setText(self.tr(
            "No messages between %1 and %2 yet.\n\nType below to send one as a simulated "
            "user; messages from real clients appear here as they arrive.")
            .replace("%1", self.a).replace("%2", self.b))
        self._recolour()
        self.update_state()
        self.view.doItemsLayout()

    def _recolour(self) -> None:
        self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
        self.note.setStyleSheet(f"color: {theme.strong('queued').name()};")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._recolour()
            self.view.viewport().update()
        super().changeEvent(event)
