"""The Live panel: one table of everything that moves, filtered, pausable, with a detail pane.

It pulls from the core's LiveFeed on a timer (every FLUSH_MS), so a burst of events becomes
one insert per flush. Paused, it stops pulling: the rows wait in the feed and arrive on
resume; if the feed's window moved past them meanwhile, the panel says how many it missed.

History mode swaps the table's model for one kind of row read back from SQLite a page at a
time (ui/history_model.py): the table holds the newest rows, the database all of them.
From a row: replay its delivery, open its order in the Timeline, export what is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import live_export
from app.live import FilterError, LiveFeed, LiveRow
from app.live_history import KINDS, PAGE, History
from app.tasks import spawn
from ui import theme
from ui.history_model import HistoryModel
from ui.hub import Hub
from ui.live_detail import LiveDetail, inspectable
from ui.live_model import FIELD_INDEX, LiveFilter, LiveModel

if TYPE_CHECKING:
    from app.platform import Platform

#: How often the panel takes new rows from the feed, in milliseconds.
FLUSH_MS = 100
#: Rows taken per flush at most; the rest come with the next ones.
BATCH = 5_000
#: How far back the diff looks for the previous message of the same order (rows).
DIFF_LOOKBACK = 20_000
#: How often history mode counts the rows written since, in milliseconds.
HISTORY_REFRESH_MS = 1_000
#: How long typing in the filter pauses before the table is filtered, in milliseconds.
REFILTER_MS = 200


class LivePanel(QWidget):
    def __init__(self, feed: LiveFeed, parent: QWidget | None = None, *,
                 hub: Hub | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self.hub = hub
        self.platform: Platform | None = None
        self.last_seq = feed.seq  # what happened before the window opened is history
        self.missed = 0
        self.model = LiveModel(self)
        self.proxy = LiveFilter(self)
        self.proxy.setSourceModel(self.model)
        self.history: HistoryModel | None = None

        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.mode = QComboBox()
        for mode in ("text", "regex", "topic"):
            self.mode.addItem("", mode)
        self.pause = QToolButton()
        self.pause.setCheckable(True)
        self.follow = QCheckBox()
        self.follow.setChecked(True)
        self.clear = QToolButton()
        self.export = QToolButton()
        self.replay = QToolButton()
        self.replay.setEnabled(False)
        self.history_toggle = QToolButton()
        self.history_toggle.setCheckable(True)
        self.history_kind = QComboBox()
        for kind in KINDS:
            self.history_kind.addItem("", kind)
        self.history_kind.setVisible(False)
        self.state = QLabel()
        self.problem = QLabel()
        self.problem.setObjectName("filterProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)  # no empty line above the table until there is one

        # Two rows: the filter gets the whole width, however narrow the docks leave Live.
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.mode)
        actions = QHBoxLayout()
        for widget in (self.pause, self.follow, self.clear, self.history_toggle,
                       self.history_kind):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.replay)
        actions.addWidget(self.export)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().setVisible(False)
        # Uniform rows: the view never measures a row to lay out a million of them.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
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

        self.detail = LiveDetail()
        self.detail.secret_for = self._secret_for
        if hub is not None:
            self.detail.inspect_requested.connect(hub.inspect)

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
        layout.addLayout(actions)
        layout.addWidget(self.problem)
        layout.addWidget(split, 1)
        layout.addWidget(self.state)

        # Filtering 50,000 rows takes a good part of a second: once typing pauses, not per key.
        self.refilter_timer = QTimer(self)
        self.refilter_timer.setSingleShot(True)
        self.refilter_timer.setInterval(REFILTER_MS)
        self.refilter_timer.timeout.connect(self._refilter)
        self.filter_edit.textChanged.connect(self.refilter_timer.start)
        self.mode.currentIndexChanged.connect(self._refilter)
        self.pause.toggled.connect(self._paused)
        self.clear.clicked.connect(self.clear_rows)
        self.export.clicked.connect(self._export_dialog)
        self.replay.clicked.connect(self.replay_current)
        self.history_toggle.toggled.connect(self.show_history)
        self.history_kind.currentIndexChanged.connect(
            lambda _i: self.show_history(self.history_toggle.isChecked()))
        self.table.doubleClicked.connect(self._open_order)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._connect_selection()
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_edit.setFocus)

        self.timer = QTimer(self)
        self.timer.setInterval(FLUSH_MS)
        self.timer.timeout.connect(self.flush)
        self.timer.start()
        self.history_timer = QTimer(self)
        self.history_timer.setInterval(HISTORY_REFRESH_MS)
        self.history_timer.timeout.connect(self._refresh_history)
        self.retranslate()
        self._update_state()

    def attach(self, platform: Platform) -> None:
        self.platform = platform
        self._update_actions()

    def detach(self) -> None:
        """The platform is about to stop: leave History (its store closes) and stop reading."""
        self.history_toggle.setChecked(False)
        self.history_timer.stop()
        self.timer.stop()
        self.platform = None
        self._update_actions()

    def clear_rows(self) -> None:
        """Empty the table; what left it before is no longer "out of the window"."""
        self.model.clear()
        self.model.dropped = self.missed = 0
        self._update_state()

    def set_filter(self, text: str, mode: str = "text") -> None:
        """Show only the rows this filter accepts (another panel asked, through the hub)."""
        if self.history_toggle.isChecked():
            self.history_toggle.setChecked(False)
        self.mode.setCurrentIndex(max(self.mode.findData(mode), 0))
        self.filter_edit.setText(text)
        self.refilter_timer.stop()
        self._refilter()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour
            self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
            self.table.viewport().update()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
        self.filter_edit.setPlaceholderText(self.tr(
            "Filter: text, a regex, or an MQTT topic such as wo/push/+/fwwt (Ctrl+F)"))
        for i, text in enumerate((self.tr("Text"), self.tr("Regex"), self.tr("MQTT topic"))):
            self.mode.setItemText(i, text)
        kinds = {"event": self.tr("Events"), "rejected": self.tr("Rejected events"),
                 "callback": self.tr("Callback attempts"), "mq": self.tr("MQ publishes"),
                 "im": self.tr("IM messages"), "push": self.tr("Pushes"),
                 "wecom": self.tr("WeCom messages")}
        for i, kind in enumerate(KINDS):
            self.history_kind.setItemText(i, kinds.get(kind, kind))
        self.pause.setText(self.tr("Pause"))
        self.pause.setToolTip(self.tr("Stop taking new rows; none are lost while paused"))
        self.follow.setText(self.tr("Follow"))
        self.follow.setToolTip(self.tr("Scroll to each new row"))
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Empty the table (the database keeps every row: see "
                                      "History)"))
        self.history_toggle.setText(self.tr("History"))
        self.history_toggle.setToolTip(self.tr(
            "Every row the database holds, one kind at a time, however many"))
        self.replay.setText(self.tr("Replay"))
        self.replay.setToolTip(self.tr(
            "Send the selected row's delivery again, from attempt 1, on every channel"))
        self.export.setText(self.tr("Export…"))
        self.export.setToolTip(self.tr("Save the rows shown (after the filter) as JSON Lines "
                                       "or CSV"))
        self.empty.setText(self.tr(
            "Nothing has moved yet.\n\nSend an event (Compose, or POST /api/events), create "
            "IM users or simulated app users, and every event, callback, MQ publish, IM "
            "message and push appears here as it happens."))
        self.model.retranslate()
        if self.history is not None:
            self.history.retranslate()
        self.detail.retranslate()
        self._update_state()

    # --- feeding --------------------------------------------------------------------------

    def flush(self) -> None:
        """Take what the feed has gathered since the last flush (one insert)."""
        if self.pause.isChecked():
            self._update_state()
            return
        oldest = self.feed.oldest_seq()
        if self.last_seq + 1 < oldest:  # the feed's window moved on while we were away
            self.missed += oldest - self.last_seq - 1
            self.last_seq = oldest - 1
        rows = self.feed.since(self.last_seq, BATCH)
        if rows:
            self.last_seq = rows[-1].seq
            self.model.append(rows)
            if self.follow.isChecked() and self.history is None:
                self.table.scrollToBottom()
        self._update_state()

    def _paused(self, paused: bool) -> None:
        if not paused:
            self.flush()
        self._update_state()

    def _update_state(self) -> None:
        if self.history is not None:
            self.table.setVisible(True)
            self.empty.setVisible(False)
            self.state.setText(self.tr("History: %n row(s) in the database", "",
                                       self.history.rowCount()))
            return
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
            parts.append(self.tr("%n older row(s) out of the window (kept in the database: "
                                 "see History)", "", self.model.dropped + self.missed))
        self.state.setText(" · ".join(parts))

    # --- history --------------------------------------------------------------------------

    def show_history(self, on: bool) -> None:
        """History mode on (the kind chosen beside the button) or back to live rows."""
        self.history_kind.setVisible(on)
        for widget in (self.filter_edit, self.mode, self.pause, self.clear):
            widget.setEnabled(not on)
        if on and self.platform is not None and self.platform.engine.store is not None:
            old = self.history
            self.history = HistoryModel(History(self.platform.engine.store,
                                                self.history_kind.currentData()), self)
            self.table.setModel(self.history)
            self.history_timer.start()
            if old is not None:
                old.deleteLater()
            if self.follow.isChecked():
                self.table.scrollToBottom()
        else:
            if on:  # no platform yet: nothing to read
                self.history_toggle.setChecked(False)
                return
            self.history_timer.stop()
            if self.history is not None:
                self.table.setModel(self.proxy)
                self.history.deleteLater()
                self.history = None
        self._connect_selection()
        self._update_actions()  # the selection went with the model
        self._update_state()

    def _refresh_history(self) -> None:
        if self.history is not None and self.history.refresh() and self.follow.isChecked():
            self.table.scrollToBottom()
        self._update_state()

    # --- filter, selection and detail -----------------------------------------------------

    def _refilter(self) -> None:
        try:
            self.proxy.set_filter(self.filter_edit.text(), self.mode.currentData())
        except FilterError as error:
            self.problem.setText(str(error))
            self.problem.setVisible(True)
            return
        self.problem.setVisible(False)
        self._update_state()

    def _connect_selection(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._show)

    def current_row(self) -> LiveRow | None:
        row = self.table.currentIndex().data(Qt.ItemDataRole.UserRole)
        return row if isinstance(row, LiveRow) else None

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if isinstance(row, LiveRow):
            self.detail.show_row(row, self.previous_of(row, current.row()))
        self._update_actions()

    def previous_of(self, row: LiveRow, view_row: int) -> LiveRow | None:
        """The message before ``row`` of the same order and kind (and, for deliveries, the
        same subscriber). Live: searched in the model's own tuples, DIFF_LOOKBACK rows back
        (a few milliseconds). History: only within the pages already read, never a query on
        a click."""
        if not row.order:
            return None
        same_who = row.kind in ("callback", "mq", "push")
        order_at, kind_at, who_at = FIELD_INDEX["order"], FIELD_INDEX["kind"], FIELD_INDEX["who"]

        def same(other: tuple[Any, ...]) -> bool:
            return (other[order_at] == row.order and other[kind_at] == row.kind
                    and (not same_who or other[who_at] == row.who))

        if self.history is not None:
            history = self.history.history
            for i in range(view_row - 1, max(-1, view_row - PAGE), -1):
                other = history.cached(i)
                if other is None:
                    return None
                if same(other):
                    return other
            return None
        source = self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()
        rows = self.model.rows
        for i in range(source - 1, max(-1, source - DIFF_LOOKBACK), -1):
            if same(rows[i]):
                return LiveRow._make(rows[i])
        return None

    def _secret_for(self, base_code: str) -> str | None:
        if self.platform is None:
            return None
        sub = self.platform.engine.index.get(base_code)
        return sub.secret if sub is not None else None

    def _update_actions(self) -> None:
        row = self.current_row()
        self.replay.setEnabled(self.platform is not None and self.platform.dispatcher is not None
                               and row is not None and "deliveryId" in row.meta)

    # --- actions --------------------------------------------------------------------------

    def replay_current(self) -> None:
        row = self.current_row()
        meta = row.meta if row is not None else {}
        if row is None or "deliveryId" not in meta or self.platform is None:
            return
        dispatcher = self.platform.dispatcher
        if dispatcher is None:
            return
        delivery_id = int(meta["deliveryId"])

        async def replay() -> None:
            try:
                count = await dispatcher.replay([delivery_id])
            except Exception as error:  # said where the user looks, not a traceback
                self.problem.setText(self.tr("Replay failed: %1").replace("%1", str(error)))
                self.problem.setVisible(True)
                return
            message = (self.tr("Delivery %1 is being sent again (to %2)")
                       .replace("%1", str(delivery_id)).replace("%2", row.who)
                       if count else
                       self.tr("Delivery %1 was not replayed: it is still being delivered")
                       .replace("%1", str(delivery_id)))
            self.state.setText(message)

        spawn(replay(), name=f"replay-{delivery_id}")

    def shown_rows(self) -> list[LiveRow]:
        """The rows the table shows now, after the filter (live mode)."""
        proxy, model = self.proxy, self.model
        return [model.row(proxy.mapToSource(proxy.index(i, 0)).row())
                for i in range(proxy.rowCount())]

    def export_to(self, path: str) -> int:
        """Write the rows shown to ``path`` (.csv, else JSON Lines); returns how many."""
        if self.history is not None:
            history = self.history.history
            rows = (history.row(i) for i in range(history.count))
            count = live_export.write((r for r in rows if r is not None), path)
        else:
            count = live_export.write(self.shown_rows(), path)
        self.state.setText(self.tr("%n row(s) exported to %1", "", count).replace("%1", path))
        return count

    def _export_dialog(self) -> None:
        jsonl, csv = self.tr("JSON Lines (*.jsonl)"), self.tr("CSV (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export rows"), "live.jsonl",
                                                   f"{jsonl};;{csv}")
        if path:
            # The format is the suffix's: make the suffix say the format chosen.
            wanted = ".csv" if chosen == csv else ".jsonl"
            if not path.lower().endswith(wanted):
                path = path.rsplit(".", 1)[0] if path.lower().endswith((".csv", ".jsonl")) \
                    else path
                path += wanted
            try:
                self.export_to(path)
            except OSError as error:
                self.problem.setText(self.tr("Could not export: %1").replace("%1", str(error)))
                self.problem.setVisible(True)

    def _open_order(self, index: QModelIndex) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(row, LiveRow) and row.order and self.hub is not None:
            self.hub.open_order.emit(row.order)

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        row = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if not isinstance(row, LiveRow):
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        if row.order and self.hub is not None:
            open_order = QAction(self.tr("Open order %1 in the Timeline").replace(
                "%1", row.order), menu)
            open_order.triggered.connect(lambda: self._open_order(index))
            menu.addAction(open_order)
            only = QAction(self.tr("Show only this order"), menu)
            only.triggered.connect(lambda: self.set_filter(row.order or "", "text"))
            menu.addAction(only)
        hub, payload = self.hub, inspectable(row)
        if hub is not None and payload is not None:
            inspect = QAction(self.tr("Inspect this message"), menu)
            inspect.triggered.connect(lambda: hub.inspect.emit(payload))
            menu.addAction(inspect)
        if "deliveryId" in row.meta:
            replay = QAction(self.tr("Replay this delivery"), menu)
            replay.setEnabled(self.replay.isEnabled())
            replay.triggered.connect(self.replay_current)
            menu.addAction(replay)
        if menu.actions():
            menu.popup(self.table.viewport().mapToGlobal(point))
