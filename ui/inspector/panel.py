"""The Inspector panel: paste any payload, or a captured HTTP request, and learn what it is.

Paste into the editor, drop a file or text anywhere on the panel, open a file (Open…, Ctrl+O,
or File › Inspect a file…), pick one of the catalogue's examples, or send a message here
from Live (a row's context menu, or Raw's). Typing re-inspects once it pauses; a big
payload is inspected on a worker thread (ui/inspector/runner.py), so the window never
waits for it.

On top, what it is (ui/inspector/headline.py); then the payload as text and as a JSON tree
(ui/json_tree.py); then the findings, errors first (ui/inspector/findings.py) — clicking
one selects its field in the tree —, how the platform would route it against the
subscriptions it holds now (ui/inspector/routing.py), and a captured request's request line
and headers, secrets redacted. Nothing is stored or sent: this is app/inspector.py's
``inspect``, the same as ``python main.py inspect FILE``.

Scriptable (tests, screenshots):
    panel.set_text(text)        # as if pasted, inspected at once (not after the pause)
    panel.load_example(id)      # "workorder/envelope-changeId-1", examples.CAPTURED …
    panel.open_file(path)       # True when it was read
    panel.set_mode("lenient")
    panel.inspection            # the Inspection shown (None: empty)
    panel.runner.runs           # how many inspections ran
Widgets: ``editor``, ``tree``, ``payload_tabs``, ``headline``, ``findings``, ``routing``,
``routing_note``, ``request_view``, ``result_tabs``, ``empty``, ``status``, ``problem``,
``open_button``, ``examples_button``, ``mode``, ``clear_button``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFontDatabase,
    QKeySequence,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.findings import Code, Finding, Mode, Severity
from app.events import DataAreaRemoved, DataAreaSaved, SubscriptionRemoved, SubscriptionSaved
from app.inspector import Inspection, capture
from ui import theme
from ui.hub import Hub
from ui.inspector import examples
from ui.inspector.findings import FindingsView, severity_colour
from ui.inspector.headline import Headline, verdict_of, where_it_breaks
from ui.inspector.routing import RoutingModel
from ui.inspector.runner import InspectionRunner, Job
from ui.json_tree import JsonTree
from ui.panel import Panel, empty_state

if TYPE_CHECKING:
    from app.platform import Platform

#: How long typing pauses before the payload is inspected again, in milliseconds.
PAUSE_MS = 300
#: The pause for a big payload (each inspection of it costs more).
BIG_PAUSE_MS = 700
#: Characters from which a payload counts as big.
BIG_CHARS = 256 * 1024
#: Below this width (pixels) the routing table puts the topic under the reason.
COMPACT_ROUTING = 640
#: Bytes of a file read at most (an editor holding more is no longer a pleasure).
MAX_FILE = 10 * 1024 * 1024


def _local_file(mime: QMimeData) -> str | None:
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile():
            return url.toLocalFile()
    return None


class PayloadEditor(QPlainTextEdit):
    """The paste area: monospace, wrapped to the dock; a dropped file or text from
    elsewhere replaces what it holds (``file_dropped``, ``text_dropped``)."""

    file_dropped = Signal(str)
    text_dropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorEditor")
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(True)  # keyboard users can leave it; JSON needs no tabs
        #: The line where JSON stops parsing (1-based), marked; None when it parses.
        self.problem_line: int | None = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is not self and _local_file(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.source() is not self and _local_file(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if event.source() is self:  # moving a selection within: as any editor does
            super().dropEvent(event)
            return
        path = _local_file(mime)
        if path is not None:
            event.acceptProposedAction()
            self.file_dropped.emit(path)
        elif mime.hasText():
            event.acceptProposedAction()
            self.text_dropped.emit(mime.text())
        else:
            super().dropEvent(event)

    def mark_problem(self, line: int | None, column: int = 1) -> None:
        """Mark the line where JSON breaks (None: clear the mark)."""
        self.problem_line = line
        if line is None:
            self.setExtraSelections([])
            return
        block = self.document().findBlockByNumber(max(line - 1, 0))
        selection = QTextEdit.ExtraSelection()
        selection.format = QTextCharFormat()
        selection.format.setBackground(theme.background("failed") or QColor("#fbe0e0"))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(block)
        selection.cursor = cursor
        self.setExtraSelections([selection])

    def go_to(self, line: int, column: int = 1) -> None:
        block = self.document().findBlockByNumber(max(line - 1, 0))
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=max(
            0, min(column - 1, block.length() - 1)))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()


class InspectorPanel(Panel):
    #: An inspection was shown (None: the panel was emptied).
    inspected = Signal(object)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.setAcceptDrops(True)
        self.inspection: Inspection | None = None
        self.job: Job | None = None
        self._unsubscribe: list[Any] = []
        self._started = 0.0
        self._elapsed_ms = 0.0
        self._bytes = 0
        #: Where the text came from: ("file", name), ("example", id), ("hub", ""), or None.
        self._source: tuple[str, str] | None = None

        # --- the bar ---
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_dialog)
        self.examples_menu = QMenu(self)
        self.examples_menu.setToolTipsVisible(True)
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.examples_button = QToolButton()
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.examples_button.setMenu(self.examples_menu)
        self.mode = QComboBox()
        for mode in Mode:
            self.mode.addItem("", str(mode))
        self.mode.currentIndexChanged.connect(self._on_mode_current_index_changed)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        bar = QHBoxLayout()
        bar.addWidget(self.open_button)
        bar.addWidget(self.examples_button)
        bar.addWidget(self.mode)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)

        # --- what it is ---
        self.headline = Headline()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

        # --- the payload: text and tree ---
        self.editor = PayloadEditor()
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.file_dropped.connect(self.open_file)
        self.editor.text_dropped.connect(self.set_text)
        self.tree = JsonTree()
        self.payload_tabs = QTabWidget()
        self.payload_tabs.addTab(self.editor, "")
        self.payload_tabs.addTab(self.tree, "")

        # --- what it says: findings, routing, request ---
        self.findings = FindingsView()
        self.findings.chosen.connect(self.show_finding)
        self.findings_summary = QLabel()
        self.findings_summary.setWordWrap(True)
        findings_page = QWidget()
        findings_box = QVBoxLayout(findings_page)
        findings_box.setContentsMargins(0, 0, 0, 0)
        findings_box.addWidget(self.findings_summary)
        findings_box.addWidget(self.findings, 1)
        self.routing_model = RoutingModel(self)
        self.routing = QTableView()
        self.routing.setModel(self.routing_model)
        self.routing.setWordWrap(True)
        self.routing.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.routing.installEventFilter(self)
        self.routing.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.routing.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.routing.verticalHeader().setVisible(False)
        self.routing.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.routing.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.routing_note = QLabel()
        self.routing_note.setWordWrap(True)
        routing_page = QWidget()
        routing_box = QVBoxLayout(routing_page)
        routing_box.setContentsMargins(0, 0, 0, 0)
        routing_box.addWidget(self.routing_note)
        routing_box.addWidget(self.routing, 1)
        self.request_view = QPlainTextEdit()
        self.request_view.setReadOnly(True)
        self.request_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.result_tabs = QTabWidget()
        self.result_tabs.addTab(findings_page, "")
        self.result_tabs.addTab(routing_page, "")
        self.result_tabs.addTab(self.request_view, "")

        # --- nothing yet: what can be pasted, and examples to try ---
        self.empty = empty_state()
        self.try_buttons: dict[str, QPushButton] = {}
        empty_page = QWidget()
        empty_box = QVBoxLayout(empty_page)
        empty_box.addWidget(self.empty)
        for sample_id in [s.id for s in examples.featured()] + [examples.CAPTURED]:
            button = QPushButton()
            button.clicked.connect(lambda _c=False, i=sample_id: self.load_example(i))
            self.try_buttons[sample_id] = button
            empty_box.addWidget(button)
        empty_box.addStretch(1)
        self.results = QStackedWidget()
        self.results.addWidget(empty_page)
        self.results.addWidget(self.result_tabs)

        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.payload_tabs)
        self.split.addWidget(self.results)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("inspectorStatus")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.headline)
        layout.addWidget(self.problem)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.status)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.inspect_now)
        self.runner = InspectionRunner(self)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        QShortcut(QKeySequence.StandardKey.Open, self, self.open_dialog,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()
        self._show(None)

    # --- the platform ---------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        super().attach(platform)
        bus = platform.engine.bus
        self._unsubscribe = [bus.subscribe(kind, self._on_bus_routing_changed) for kind in
                             (SubscriptionSaved, SubscriptionRemoved, DataAreaSaved,
                              DataAreaRemoved)]
        hooks = self._unsubscribe  # the bus outlives a closed window in tests
        self.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in hooks])
        if self.editor.toPlainText().strip():
            self.inspect_now()  # now it can say how it would be routed
        else:
            self._routing_note()

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self.timer.stop()
        self.platform = None

    def _on_bus_routing_changed(self, _event: object) -> None:
        """Subscriptions changed: routing may have; look again once things settle."""
        if self.inspection is not None:
            self.timer.start(PAUSE_MS)

    # --- input ----------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show ``text`` and inspect it at once (a paste, a drop, a message from Live)."""
        self._source = None
        self.editor.setPlainText(text)
        self.payload_tabs.setCurrentWidget(self.editor)
        self.inspect_now()

    def inspect_text(self, text: str) -> None:
        """The hub's ``inspect``: another panel sent a payload here."""
        self.set_text(text)
        self._source = ("hub", "")
        self._status()

    def load_example(self, sample_id: str) -> None:
        """Paste one of the catalogue's examples (``examples.samples()`` ids) or
        ``examples.CAPTURED``; KeyError for an unknown id."""
        text = examples.text_of(sample_id)
        self.set_text(text)
        self._source = ("example", sample_id)
        self._status()

    def open_file(self, path: str | Path) -> bool:
        """Read a file into the editor and inspect it; False (and why, in the panel) when
        it cannot be read."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE:
                self._say_problem(self.tr("%1 is %2 MB: the inspector reads files up to "
                                          "%3 MB.").replace("%1", path.name)
                                  .replace("%2", f"{size / 1024 / 1024:.1f}")
                                  .replace("%3", str(MAX_FILE // 1024 // 1024)))
                return False
            data = path.read_bytes()
        except OSError as error:
            self._say_problem(self.tr("Could not read %1: %2").replace("%1", str(path))
                              .replace("%2", error.strerror or str(error)))
            return False
        if b"\0" in data[:4096]:
            self._say_problem(self.tr("%1 is not text (a binary file?): paste its JSON "
                                      "instead.").replace("%1", path.name))
            return False
        self.set_text(data.decode("utf-8-sig", "replace"))
        self._source = ("file", path.name)
        self._status()
        return True

    def open_dialog(self) -> None:
        """Open… : not the static dialog, which would nest an event loop under qasync."""
        dialog = QFileDialog(self, self.tr("Inspect a file"), "",
                             self.tr("Payloads (*.json *.txt *.http);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.open_file)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def clear(self) -> None:
        self._source = None
        self.editor.clear()
        self.inspect_now()
        self.editor.setFocus()

    def set_mode(self, mode: str) -> None:
        """strict | lenient: the findings (and verdict) follow at once."""
        self.mode.setCurrentIndex(max(self.mode.findData(str(Mode(mode))), 0))

    def _on_mode_current_index_changed(self, _index: int) -> None:
        if self.editor.toPlainText().strip():
            self.inspect_now()

    def _on_editor_text_changed(self) -> None:
        """Typed: inspect once typing pauses (longer for a big payload)."""
        big = self.editor.document().characterCount() > BIG_CHARS
        self.timer.start(BIG_PAUSE_MS if big else PAUSE_MS)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if _local_file(mime) or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        path = _local_file(mime)
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)
        elif mime.hasText():
            event.acceptProposedAction()
            self.set_text(mime.text())

    # --- inspecting -----------------------------------------------------------------------

    def inspect_now(self) -> None:
        """Inspect what the editor holds now (the pause's timer calls this)."""
        self.timer.stop()
        text = self.editor.toPlainText()
        if not text.strip():
            self.runner.generation += 1  # whatever is under way is stale
            self._show(None)
            return
        platform = self.platform
        engine = platform.engine if platform is not None else None
        im = getattr(platform, "im", None)
        self.job = Job(text, Mode(self.mode.currentData()), engine,
                       im.online if im is not None else None,
                       list(im.users) if im is not None else None)  # a copy for the thread
        self._started = time.perf_counter()
        self._bytes = len(text.encode("utf-8", "replace"))
        self.runner.run(self.job)
        if self.runner.busy:
            self.status.setText(self.tr("Inspecting %1…").replace("%1", _size(self._bytes)))

    def _on_runner_finished(self, job: Job, inspection: Inspection) -> None:
        self._elapsed_ms = (time.perf_counter() - self._started) * 1000
        self._show(inspection, job)

    def _on_runner_failed(self, _job: Job, message: str) -> None:
        self._say_problem(self.tr("The inspector failed: %1").replace("%1", message))

    def _show(self, inspection: Inspection | None, job: Job | None = None) -> None:
        self.inspection = inspection
        self.problem.setVisible(False)
        self.headline.show_inspection(inspection)
        if inspection is None:
            self.results.setCurrentIndex(0)
            self.findings.set_findings([])
            self.routing_model.set_routes([])
            self.tree.clear()
            self.tree.value = None
            self.editor.mark_problem(None)
            self._status()
            self.inspected.emit(None)
            return
        self.results.setCurrentIndex(1)
        self.findings.set_findings(inspection.findings)
        self.routing_model.set_routes(inspection.routing)
        self.routing.resizeColumnToContents(0)
        self.routing.resizeColumnToContents(1)
        self.routing.resizeColumnToContents(3)
        request = inspection.request
        self.result_tabs.setTabVisible(2, request is not None)
        if request is not None:
            self.request_view.setPlainText("\n".join(
                [f"{request['method']} {request['path']}"]
                + [f"{k}: {v}" for k, v in request["headers"].items()]))
        if inspection.value is not None:
            self.tree.show_value(inspection.value)
        else:
            self.tree.clear()
        where = where_it_breaks(inspection)
        if where is not None and job is not None:
            self.editor.mark_problem(where[0] + _body_line(job.text), where[1])
        else:
            self.editor.mark_problem(None)
        self._retranslate_results()
        self._status()
        self.inspected.emit(inspection)

    def show_finding(self, finding: Finding) -> None:
        """A finding was chosen: show its field in the tree, the line where JSON breaks in
        the text, or a header in the request."""
        inspection = self.inspection
        if finding.code is Code.NOT_JSON and inspection is not None and self.job is not None:
            where = where_it_breaks(inspection)
            if where is not None:
                self.payload_tabs.setCurrentWidget(self.editor)
                self.editor.go_to(where[0] + _body_line(self.job.text), where[1])
                return
        if finding.path.startswith(("headers.", "request", "path.")) and \
                inspection is not None and inspection.request is not None:
            self.result_tabs.setCurrentIndex(2)
            return
        if finding.path and self.tree.select_path(finding.path):
            self.payload_tabs.setCurrentWidget(self.tree)
            self.status.setText(self.tr("%1 is selected in the Tree").replace(
                "%1", finding.path))
        elif finding.path:
            self.status.setText(self.tr("%1 is not in the payload").replace(
                "%1", finding.path))

    # --- words ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("&Open…"))
        self.open_button.setToolTip(self.tr("Inspect a file (Ctrl+O); or drop one here"))
        self.examples_button.setText(self.tr("E&xamples"))
        self.examples_button.setToolTip(self.tr("Paste one of the catalogue's examples"))
        self.mode.setItemText(0, self.tr("Strict"))
        self.mode.setItemText(1, self.tr("Lenient"))
        self.mode.setToolTip(self.tr(
            "Strict: the spec's field tables. Lenient: what production sends — drifted keys, "
            "extra keys and the examples' types are warnings."))
        self.mode.setAccessibleName(self.tr("Validation mode"))
        self.clear_button.setText(self.tr("Clea&r"))
        self.editor.setPlaceholderText(self.tr(
            "Paste a payload here, or drop a file anywhere on this panel:\n\n"
            "• a work-order callback {baseCode, dataArea, changeId, data}, or its data alone\n"
            "• an organisation push {type, org_id, operator, created_at, body}\n"
            "• a WeCom sync message, or a whole sync_msg response\n"
            "• a rich-text message request (POST /orgs/{org_id}/messages)\n"
            "• an IM message {msgid, type, payload}\n"
            "• a captured HTTP request: request line, headers, a blank line, the body\n\n"
            "It is inspected as you type: nothing is stored or sent."))
        self.editor.setAccessibleName(self.tr("Payload"))
        self.payload_tabs.setTabText(0, self.tr("Text"))
        self.payload_tabs.setTabText(1, self.tr("Tree"))
        self.empty.setText(self.tr(
            "Nothing to inspect yet. Paste JSON or a captured HTTP request above, drop a "
            "file, open one (Ctrl+O), or try an example:"))
        titles = {"workorder": self.tr("Work-order callback (changeId 1, as the spec prints "
                                       "it)"),
                  "org": self.tr("Organisation push (a member joined)"),
                  "rich": self.tr("Rich-text message request"),
                  "wecom": self.tr("WeCom text message")}
        for sample_id, button in self.try_buttons.items():
            family = sample_id.partition("/")[0]
            button.setText(self.tr("Captured HTTP request (rich message, no Accept header)")
                           if sample_id == examples.CAPTURED else titles.get(family, sample_id))
        self._retranslate_results()
        self._status()

    def _retranslate_results(self) -> None:
        model = self.findings.findings
        self.result_tabs.setTabText(0, self.tr("Findings (%n)", "", model.total))
        self.result_tabs.setTabText(1, self.tr("Routing (%n)", "",
                                               self.routing_model.rowCount()))
        self.result_tabs.setTabText(2, self.tr("Request"))
        self.routing_model.refresh()
        self._findings_summary()
        self._routing_note()

    def _findings_summary(self) -> None:
        inspection = self.inspection
        findings = inspection.findings if inspection is not None else []
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = len(findings) - errors
        mode = self.job.mode if self.job is not None else Mode.STRICT
        if inspection is not None and not inspection.usable:
            text, colour = self.tr("Nothing could be read: the finding says why."), \
                theme.error_colour()
        elif not findings:
            text = (self.tr("No findings: valid in strict mode.") if mode is Mode.STRICT
                    else self.tr("No findings: valid in lenient mode."))
            colour = theme.strong("ok")
        else:
            counts = ([self.tr("%n error(s)", "", errors)] if errors else []) + \
                ([self.tr("%n warning(s)", "", warnings)] if warnings else [])
            text = (self.tr("%1, %2 — click one to show its field") if len(counts) == 2 else
                    self.tr("%1 — click one to show its field"))
            for i, count in enumerate(counts, start=1):
                text = text.replace(f"%{i}", count)
            colour = theme.error_colour() if errors else severity_colour(Severity.WARNING)
        self.findings_summary.setText(text)
        self.findings_summary.setStyleSheet(f"color: {colour.name()}")

    def _routing_note(self) -> None:
        inspection = self.inspection
        if self.platform is None:
            note = self.tr("The platform is starting: how it would be routed shows once it is "
                           "up.")
        elif inspection is None or not inspection.usable:
            note = self.tr("Routing needs a payload the inspector recognises.")
        elif not inspection.routing:
            note = self.tr("Nothing to route.")
        else:
            note = self.tr("Against the subscriptions and users the platform holds now; "
                           "nothing is sent.")
        self.routing_note.setText(note)
        self.routing.setVisible(self.routing_model.rowCount() > 0)

    def _status(self) -> None:
        inspection = self.inspection
        if inspection is None:
            self.status.setText("")  # the empty state says it all
            return
        parts = []
        if self._source is not None:
            parts.append(self._source_text(*self._source))
        if self.job is not None:
            parts.append(_size(self._bytes))
            parts.append(self.tr("strict") if self.job.mode is Mode.STRICT
                         else self.tr("lenient"))
        parts.append(self.tr("inspected in %1 ms").replace("%1", f"{self._elapsed_ms:.0f}"))
        shown = self.findings.findings
        if shown.total > len(shown.findings):
            parts.append(self.tr("the first %1 of %2 findings are listed").replace(
                "%1", str(len(shown.findings))).replace("%2", str(shown.total)))
        self.status.setText(" · ".join(parts))

    def _source_text(self, kind: str, value: str) -> str:
        if kind == "hub":
            return self.tr("sent from another panel")
        if kind == "example":
            return (self.tr("example: captured HTTP request") if value == examples.CAPTURED
                    else self.tr("example: %1").replace("%1", examples.sample(value).title))
        return value

    def _say_problem(self, text: str) -> None:
        self.problem.setStyleSheet(f"color: {theme.error_colour().name()}")
        self.problem.setText(text)
        self.problem.setVisible(True)

    def _fill_examples(self) -> None:
        menu = self.examples_menu
        menu.clear()
        for family, items in examples.samples().items():
            sub = menu.addMenu(self.headline.family_name(family))
            sub.setToolTipsVisible(True)
            for sample in items:
                action = sub.addAction(sample.title)
                if sample.note:
                    action.setToolTip(sample.note)
                action.triggered.connect(lambda _c=False, i=sample.id: self.load_example(i))
        menu.addSeparator()
        action = menu.addAction(self.tr("Captured HTTP request (rich message, no Accept "
                                        "header)"))
        action.triggered.connect(lambda _c=False: self.load_example(examples.CAPTURED))

    def verdict(self) -> str | None:
        """valid | invalid | not-json | unrecognised, or None when empty."""
        return verdict_of(self.inspection) if self.inspection is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.routing and event.type() == QEvent.Type.Resize:
            self._fit_routing()
        return super().eventFilter(watched, event)

    def _fit_routing(self) -> None:
        """Narrow: the topic under the reason, its column hidden; wide: a column of its own."""
        compact = self.routing.width() < COMPACT_ROUTING
        self.routing_model.set_compact(compact)
        self.routing.setColumnHidden(3, compact)
        self.routing.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "status"):
            self.routing_model.refresh()
            self._findings_summary()
            if self.inspection is not None and self.job is not None:
                where = where_it_breaks(self.inspection)
                if where is not None:
                    self.editor.mark_problem(where[0] + _body_line(self.job.text), where[1])
            if self.problem.isVisible():
                self.problem.setStyleSheet(f"color: {theme.error_colour().name()}")
        super().changeEvent(event)


def _body_line(text: str) -> int:
    """Lines before a captured request's body (0 for plain JSON): JSON's line numbers count
    from the body."""
    captured = capture(text)
    if not captured.is_request:
        return 0
    normal = text.replace("\r\n", "\n")
    at = normal.find("\n\n")
    return normal[:at + 2].count("\n") if at >= 0 else 1


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
