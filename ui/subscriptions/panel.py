"""The Subscriptions panel: the registry with callback health, an editor for every field,
the data-area × changeId coverage, the data-area catalogue and "why not delivered".

Rows follow the bus (SubscriptionSaved/Removed, DataAreaSaved/Removed: the callbacks run on
the Qt thread under qasync), so a subscription made through the API or auto-disabled by the
callback service shows at once. Health is read from the dispatcher once a second, and only
while the panel is visible; the coverage is recounted only when it changed and is shown.

Scriptable (the lead's screenshots and end-to-end test):
- ``await create_simulated(base_code, statuses=(500, 200), latency=0.0, status=200,
  change_ids=None, data_areas=None)`` → the Subscription, its simulated subscriber made too;
- ``select(base_code)`` shows it in the table and the editor; ``explain(event_id,
  base_code)`` → the engine's verdicts as JSON, shown on the "Why not delivered" tab;
- ``refresh()`` / ``refresh_health()`` / ``refresh_coverage()`` run the timer's work now;
- attributes ``table``, ``model`` (SubscriptionTableModel), ``proxy``, ``editor``
  (SubscriptionEditor), ``matrix`` (CoverageModel), ``matrix_view``, ``areas``
  (DataAreasEditor), ``why`` (WhyWidget), ``tabs``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.events import DataAreaRemoved, DataAreaSaved, SubscriptionRemoved, SubscriptionSaved
from app.routing.subscription import Subscription
from ui.hub import Hub
from ui.panel import Panel, empty_state
from ui.subscriptions.data_areas import DataAreasEditor
from ui.subscriptions.editor import SubscriptionEditor
from ui.subscriptions.matrix import CELL_ROLE, CoverageModel, live_filter
from ui.subscriptions.simulated import (
    SimulatedDialog,
    behaviour_doc,
    simulator_for,
)
from ui.subscriptions.simulated import create_simulated as make_simulated
from ui.subscriptions.table_model import COLUMNS, SubscriptionFilter, SubscriptionTableModel
from ui.subscriptions.why import WhyWidget

if TYPE_CHECKING:
    from app.platform import Platform

#: How often health is read from the dispatcher while the panel is visible (ms).
HEALTH_MS = 1000
#: From this width on, the table and the form sit side by side.
WIDE = 1100


class SubscriptionsPanel(Panel):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self._unsubscribe: list[Callable[[], None]] = []
        self._coverage_dirty = True
        self._areas_dirty = True
        self.dialog: SimulatedDialog | None = None

        # --- the registry: filter and actions, table over editor --------------------------
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.simulate_button = QPushButton()
        self.behaviour_button = QPushButton()
        self.live_button = QPushButton()
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.simulate_button)
        bar2 = QHBoxLayout()
        bar2.addStretch(1)
        bar2.addWidget(self.behaviour_button)
        bar2.addWidget(self.live_button)

        self.model = SubscriptionTableModel(self)
        self.proxy = SubscriptionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the engine's order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip(COLUMNS, (112, 170, 64, 52, 110, 56, 76, 220, 80, 90, 130),
                                 strict=True):
            header.resizeSection(COLUMNS.index(column), width)
        self.no_rows = empty_state()
        self.editor = SubscriptionEditor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addLayout(bar2)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.no_rows, 1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(scroll)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([260, 480])

        # --- coverage ----------------------------------------------------------------------
        self.matrix = CoverageModel(self)
        self.matrix_view = QTableView()
        self.matrix_view.setModel(self.matrix)
        self.matrix_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix_view.horizontalHeader().setDefaultSectionSize(58)
        self.matrix_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Fixed)
        self.matrix_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.coverage_note = QLabel()
        self.coverage_note.setWordWrap(True)
        coverage = QWidget()
        coverage_layout = QVBoxLayout(coverage)
        coverage_layout.addWidget(self.coverage_note)
        coverage_layout.addWidget(self.matrix_view, 1)

        self.areas = DataAreasEditor()
        self.why = WhyWidget(hub)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.split, "")
        self.tabs.addTab(coverage, "")
        self.tabs.addTab(self.areas, "")
        self.tabs.addTab(self.why, "")

        self.empty = empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)

        self.filter.textChanged.connect(self._refilter)
        self.new_button.clicked.connect(self._new)
        self.simulate_button.clicked.connect(self.open_simulated)
        self.behaviour_button.clicked.connect(self.open_behaviour)
        self.live_button.clicked.connect(self.show_in_live)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.matrix_view.doubleClicked.connect(self._cell_activated)
        self.matrix_view.activated.connect(self._cell_activated)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.editor.saved.connect(self.select)

        self.timer = QTimer(self)
        self.timer.setInterval(HEALTH_MS)
        self.timer.timeout.connect(self._tick)
        self.retranslate()
        self._update_state()

    # --- the platform ------------------------------------------------------------------------

    def detach(self) -> None:
        """The platform is about to stop: no more health reads, off its bus."""
        self.timer.stop()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def attach(self, platform: Platform) -> None:
        super().attach(platform)
        bus = platform.engine.bus
        self._unsubscribe = [bus.subscribe(SubscriptionSaved, self._on_bus_saved),
                             bus.subscribe(SubscriptionRemoved, self._on_bus_removed),
                             bus.subscribe(DataAreaSaved, self._on_bus_areas),
                             bus.subscribe(DataAreaRemoved, self._on_bus_areas)]
        # The bus outlives a closed window in tests: stop listening when the panel goes.
        hooks = self._unsubscribe
        self.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in hooks])
        self.editor.attach(platform)
        self.areas.attach(platform, platform.engine.subscriptions)
        self.why.attach(platform)
        self.stack.setCurrentIndex(1)
        self.refresh()
        self.timer.start()
        if self.model.rowCount():
            self.table.selectRow(0)

    def refresh(self) -> None:
        """Read everything again from the engine (subscriptions, health, coverage)."""
        if self.platform is None:
            return
        self.model.set_subscriptions(self.platform.engine.subscriptions())
        self.refresh_health()
        self._coverage_dirty = True
        self._refresh_coverage()
        self.areas.refresh()
        self._update_state()

    def refresh_health(self) -> None:
        """Each subscriber's callback health, from the dispatcher (in memory, no I/O)."""
        p = self.platform
        if p is None or p.dispatcher is None:
            return
        self.model.set_health({s.base_code: p.dispatcher.health(s.base_code)
                               for s in self.model.subs})

    def _tick(self) -> None:
        if not self.isVisible():  # a hidden dock costs nothing
            return
        self.refresh_health()
        if self.tabs.currentIndex() == 1:
            self._refresh_coverage()
        elif self.tabs.currentIndex() == 2 and self._areas_dirty:
            self._areas_dirty = False
            self.areas.refresh()

    def refresh_coverage(self) -> None:
        """Recount the coverage now if anything changed (the timer does it once a second)."""
        self._refresh_coverage()

    def _refresh_coverage(self) -> None:
        if self.platform is None or not self._coverage_dirty:
            return
        engine = self.platform.engine
        self.matrix.rebuild(engine.data_areas.values(), engine.catalog.workorder.types,
                            engine.subscriptions())
        self._coverage_dirty = False
        self.matrix_view.resizeColumnsToContents()
        self._update_coverage_note()

    # --- the bus -----------------------------------------------------------------------------

    def _on_bus_saved(self, event: SubscriptionSaved) -> None:
        sub = self.platform.engine.index.get(event.base_code) if self.platform else None
        if sub is None:
            return
        self.model.put(sub)
        self.editor.follow(sub)
        self._changed()
        if event.created and self.model.rowCount() == 1:
            self.select(sub.base_code)

    def _on_bus_removed(self, event: SubscriptionRemoved) -> None:
        self.model.remove(event.base_code)
        self.editor.forget(event.base_code)
        self._changed()

    def _on_bus_areas(self, _event: object) -> None:
        self._changed()

    def _changed(self) -> None:
        # Recounted on the next tick, not per event: a script saving 1,000 subscriptions
        # would otherwise recount areas × changeIds × subscriptions 1,000 times.
        self._coverage_dirty = self._areas_dirty = True
        self._update_state()

    # --- scripting ---------------------------------------------------------------------------

    def select(self, base_code: str) -> bool:
        """Show this subscription in the table and the editor; False if there is none."""
        row = self.model.row_of(base_code)
        if row is None:
            return False
        self.tabs.setCurrentIndex(0)
        if self.filter.text() and not self.proxy.filterAcceptsRow(row, QModelIndex()):
            self.filter.clear()
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        sub = self.model.subscription(row)
        if sub is not None and (self.editor.current is None
                                or self.editor.current.base_code != base_code):
            self.editor.load(sub)
        return True

    async def create_simulated(self, base_code: str, *, statuses: Sequence[int] = (),
                               latency: float = 0.0, status: int = 200,
                               change_ids: Sequence[str] | None = None,
                               data_areas: Sequence[str] | None = None) -> Subscription:
        """A simulated subscriber answering as told, and its subscription; selected."""
        assert self.platform is not None, "attach the platform first"
        sub, _sim = await make_simulated(
            self.platform, base_code,
            behaviour_doc(statuses=statuses, latency=latency, status=status),
            change_ids=change_ids, data_areas=data_areas)
        self.select(sub.base_code)
        return sub

    def explain(self, event_id: int, base_code: str | None = None) -> dict[str, Any] | None:
        """Why (not) event ``event_id`` goes to ``base_code`` (every subscription when None):
        the engine's verdict as JSON, shown on the "Why not delivered" tab."""
        self.tabs.setCurrentIndex(3)
        self.why.refresh()
        return self.why.explain_event(event_id, base_code)

    def show_in_live(self) -> None:
        """Filter Live to the selected subscriber's callbacks and MQ publishes."""
        sub = self.editor.current
        if sub is not None:
            code = re.escape(sub.base_code)
            self.hub.filter_live.emit(rf"callbacks/{code}\b|wo/push/{code}/", "regex")

    def open_simulated(self) -> SimulatedDialog | None:
        """The "Create simulated subscriber" dialog (non-modal: qasync has no nested loop)."""
        if self.platform is None:
            return None
        self.dialog = SimulatedDialog(self.platform, self)
        self.dialog.accepted.connect(self._dialog_done)
        self.dialog.open()
        return self.dialog

    def open_behaviour(self) -> SimulatedDialog | None:
        """Change how the selected subscription's simulated subscriber answers."""
        sub = self.editor.current
        if self.platform is None or sub is None:
            return None
        sim = simulator_for(self.platform, sub)
        if sim is None:
            return None
        self.dialog = SimulatedDialog(self.platform, self, sim=sim, sub=sub)
        self.dialog.accepted.connect(self._dialog_done)
        self.dialog.open()
        return self.dialog

    # --- slots ---------------------------------------------------------------------------------

    def _dialog_done(self) -> None:
        dialog = self.dialog
        if dialog is not None and dialog.result_sub is not None:
            self.select(dialog.result_sub.base_code)
            self.editor._say(self.tr("%1 answers at %2.").replace(
                "%1", dialog.result_sub.base_code).replace("%2", dialog.sim.url))
        self._update_state()

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        sub = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if isinstance(sub, Subscription):
            self.editor.load(sub)
        self._update_state()

    def _new(self) -> None:
        self.table.clearSelection()
        self.table.selectionModel().clearCurrentIndex()
        self.editor.new()
        self.editor.code.setFocus()
        self._update_state()

    def _refilter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_state()

    def _cell_activated(self, index: QModelIndex) -> None:
        cell = index.data(CELL_ROLE)
        if cell:
            self.hub.filter_live.emit(live_filter(*cell), "regex")

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self._refresh_coverage()
        elif index == 2:
            self._areas_dirty = False
            self.areas.refresh()
        elif index == 3:
            self.why.refresh()

    # --- strings and state ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.empty.setText(self.tr("The platform is starting…\n\nSubscriptions show here once "
                                   "the engine is up."))
        self.no_rows.setText(self.tr(
            "No subscriptions yet.\n\nCreate simulated subscriber makes a stand-in system that "
            "answers as you say (delays, 500s, 410 Gone) and subscribes it in one go.\n"
            "New registers your own system's callback URL, or an MQ-only subscriber."))
        self.filter.setPlaceholderText(self.tr("Filter by baseCode, name, URL or data area"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("Write a new subscription in the form below"))
        self.simulate_button.setText(self.tr("Create simulated subscriber…"))
        self.simulate_button.setToolTip(self.tr(
            "A stand-in subscriber system on 127.0.0.1 that answers as you say, and a "
            "subscription calling it back"))
        self.behaviour_button.setText(self.tr("Simulated behaviour…"))
        self.live_button.setText(self.tr("Show in Live"))
        self.live_button.setToolTip(self.tr("Filter Live to this subscriber's callbacks and "
                                            "MQ publishes"))
        self.tabs.setTabText(0, self.tr("Subscriptions"))
        self.tabs.setTabText(1, self.tr("Coverage"))
        self.tabs.setTabText(2, self.tr("Data areas"))
        self.tabs.setTabText(3, self.tr("Why not delivered"))
        self.model.retranslate()
        self._update_coverage_note()
        self._update_state()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Wide (the dock floated or the panel maximised): table beside the form, which would
        # otherwise stretch its fields across the screen; narrow: the table above it.
        wide = event.size().width() >= WIDE
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != orientation:
            self.split.setOrientation(orientation)
            total = event.size().width() if wide else event.size().height()
            self.split.setSizes([total * 3 // 5, total * 2 // 5] if wide
                                else [total * 2 // 5, total * 3 // 5])
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # outcome colours are read at paint time
            self.table.viewport().update()
            self.matrix_view.viewport().update()
        super().changeEvent(event)

    def _update_coverage_note(self) -> None:
        if self.platform is None:
            return
        if not self.matrix.subscriptions:
            text = self.tr("No subscriptions yet, so no event reaches anyone. Each cell will "
                           "count the enabled subscriptions that receive that changeId in that "
                           "data area.")
        else:
            text = self.tr("Each cell counts the enabled subscriptions receiving that changeId "
                           "in that data area (hover for their names; \"+n\": disabled ones "
                           "that would). %n supported combination(s) reach nobody. "
                           "Double-click a cell to see its traffic in Live.", "",
                           self.matrix.uncovered())
        self.coverage_note.setText(text)

    def _update_state(self) -> None:
        up = self.platform is not None
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.no_rows.setVisible(not has_rows)
        self.new_button.setEnabled(up)
        self.simulate_button.setEnabled(up and self.platform.sims is not None)
        if up and self.platform.sims is None:
            self.simulate_button.setToolTip(self.tr("No simulated subscribers run in this "
                                                    "process"))
        sub = self.editor.current
        self.live_button.setEnabled(sub is not None)
        has_sim = up and sub is not None and simulator_for(self.platform, sub) is not None
        self.behaviour_button.setVisible(bool(has_sim))
