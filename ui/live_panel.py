"""The Live panel: one table of everything that moves, filtered, pausable, with a detail pane.

It pulls from the core's LiveFeed on a timer (every FLUSH_MS), so a burst of events becomes
one insert per flush. Paused, it stops pulling: the rows wait in the feed and arrive on
resume; if the feed's window moved past them meanwhile, the panel says how many it missed.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.live import FilterError, LiveFeed, LiveRow
from ui import theme
from ui.live_model import LiveFilter, LiveModel

if TYPE_CHECKING:
    from app.platform import Platform

#: How often the panel takes new rows from the feed, in milliseconds.
FLUSH_MS = 100
#: Rows taken per flush at most; the rest come with the next ones.
BATCH = 5_000


class LivePanel(QWidget):
    def __init__(self, feed: LiveFeed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self.platform: Platform | None = None
        self.last_seq = feed.seq  # what happened before the window opened is history
        self.missed = 0
        self.model = LiveModel(self)
        self.proxy = LiveFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.mode = QComboBox()
        for mode, label in (("text", self.tr("Text")), ("regex", self.tr("Regex")),
                            ("topic", self.tr("MQTT topic"))):
            self.mode.addItem(label, mode)
        self.pause = QToolButton()
        self.pause.setCheckable(True)
        self.follow = QCheckBox()
        self.follow.setChecked(True)
        self.clear = QToolButton()
        self.state = QLabel()
        self.problem = QLabel()
        self.problem.setObjectName("filterProblem")
        self.problem.setVisible(False)  # no empty line above the table until there is one

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.mode)
        bar.addWidget(self.pause)
        bar.addWidget(self.follow)
        bar.addWidget(self.clear)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((92, 64, 68, 90, 130, 190)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyState")

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.meta = QPlainTextEdit()
        self.meta.setReadOnly(True)
        self.meta.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail = QTabWidget()
        self.detail.addTab(self.tree, "")
        self.detail.addTab(self.raw, "")
        self.detail.addTab(self.meta, "")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([480, 240])  # the table first; the detail pane is a glance

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(split, 1)
        layout.addWidget(self.state)

        self.filter_edit.textChanged.connect(self._refilter)
        self.mode.currentIndexChanged.connect(self._refilter)
        self.pause.toggled.connect(self._paused)
        self.clear.clicked.connect(self.model.clear)
        self.table.selectionModel().currentRowChanged.connect(self._show)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_edit.setFocus)

        self.timer = QTimer(self)
        self.timer.setInterval(FLUSH_MS)
        self.timer.timeout.connect(self.flush)
        self.timer.start()
        self.retranslate()
        self._update_state()

    def attach(self, platform: Platform) -> None:
        self.platform = platform

    def set_filter(self, text: str, mode: str = "text") -> None:
        """Show only the rows this filter accepts (another panel asked, through the hub)."""
        self.mode.setCurrentIndex(max(self.mode.findData(mode), 0))
        self.filter_edit.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour
            self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
            self.table.viewport().update()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
        self.filter_edit.setPlaceholderText(self.tr(
            "Filter: text, a regex, or an MQTT topic such as wo/push/+/fwwt (Ctrl+F)"))
        self.pause.setText(self.tr("Pause"))
        self.pause.setToolTip(self.tr("Stop taking new rows; none are lost while paused"))
        self.follow.setText(self.tr("Follow"))
        self.follow.setToolTip(self.tr("Scroll to each new row"))
        self.clear.setText(self.tr("Clear"))
        self.detail.setTabText(0, self.tr("JSON"))
        self.detail.setTabText(1, self.tr("Raw"))
        self.detail.setTabText(2, self.tr("Details"))
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.empty.setText(self.tr(
            "Nothing has moved yet.\n\nSend an event (Compose, or POST /api/events), create "
            "IM users or simulated app users, and every event, callback, MQ publish, IM "
            "message and push appears here as it happens."))
        self.model.retranslate()
        self._update_state()

    # --- feeding --------------------------------------------------------------------------

    def flush(self) -> None:
        """Take what the feed has gathered since the last flush (one insert)."""
        if self.pause.isChecked():
            self._update_state()
            return
        oldest = self.feed.rows[0].seq if self.feed.rows else self.feed.seq + 1
        if self.last_seq + 1 < oldest:  # the feed's window moved on while we were away
            self.missed += oldest - self.last_seq - 1
            self.last_seq = oldest - 1
        rows = self.feed.since(self.last_seq, BATCH)
        if rows:
            self.last_seq = rows[-1].seq
            self.model.append(rows)
            if self.follow.isChecked():
                self.table.scrollToBottom()
        self._update_state()

    def _paused(self, paused: bool) -> None:
        if not paused:
            self.flush()
        self._update_state()

    def _update_state(self) -> None:
        shown, held = self.proxy.rowCount(), self.model.rowCount()
        has_rows = held > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        waiting = self.feed.seq - self.last_seq
        parts = [self.tr("%n row(s)", "", held)]
        if shown != held:
            parts.append(self.tr("%n shown by the filter", "", shown))
        if self.pause.isChecked():
            parts.append(self.tr("paused: %n waiting", "", waiting))
        if self.model.dropped or self.missed:
            parts.append(self.tr("%n older row(s) out of the window (kept in the database)",
                                 "", self.model.dropped + self.missed))
        self.state.setText(" · ".join(parts))

    # --- filter and detail ----------------------------------------------------------------

    def _refilter(self) -> None:
        try:
            self.proxy.set_filter(self.filter_edit.text(), self.mode.currentData())
        except FilterError as error:
            self.problem.setText(str(error))
            self.problem.setVisible(True)
            return
        self.problem.setVisible(False)
        self._update_state()

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if not isinstance(row, LiveRow):
            return
        self.raw.setPlainText(_pretty(row.raw) if not row.binary else
                              self.tr("protobuf, base64:\n") + row.raw)
        self.meta.setPlainText(json.dumps(
            {"kind": row.kind, "outcome": row.outcome, "topic": row.topic, "who": row.who,
             "order": row.order, **row.meta}, ensure_ascii=False, indent=2))
        self.tree.clear()
        try:
            doc = json.loads(row.raw) if row.raw and not row.binary else row.meta
        except ValueError:
            doc = row.meta
        _fill(self.tree.invisibleRootItem(), doc)
        self.tree.expandToDepth(1)
        self.tree.resizeColumnToContents(0)


def _pretty(raw: str) -> str:
    try:
        return json.dumps(json.loads(raw), ensure_ascii=False, indent=2)
    except ValueError:
        return raw


def _fill(parent: QTreeWidgetItem, value: Any) -> None:
    items = (value.items() if isinstance(value, dict)
             else enumerate(value) if isinstance(value, list) else ())
    for key, child in items:
        item = QTreeWidgetItem(parent, [str(key), "" if isinstance(child, dict | list)
                                        else json.dumps(child, ensure_ascii=False)])
        if isinstance(child, str) and child[:1] in "{[":
            # data sent as a JSON string (dataEncoding "string"): show what it holds
            with contextlib.suppress(ValueError):
                child = json.loads(child)
        _fill(item, child)
