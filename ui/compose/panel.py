"""The Compose panel: write a work-order event, see what the spec says about it, send it.

A changeId picker (8 督办 marked unsupported) builds a form from the catalogue; a JSON editor
beside it shows the same body, and each follows the other (the JSON after a short pause in
typing; JSON that does not parse is pointed at, line and column, and the form keeps the last
good version). Findings of the platform's own validation, in strict or lenient mode, appear
beside the fields and in a list as you type. "Continue an order" picks a stored order and
pre-fills the next event with its ids, track and handlers; the order stays the one being
worked on, so switching changeId continues it. Spec examples and valid samples load from a
menu; bodies can be saved as templates. Send (Ctrl+Return) submits through the engine and
shows the verdict; the history lists what was sent, and a double-click opens one again.

Scripting (the lead's screenshots and end-to-end test):
    panel.select_change_id("5")        pick a changeId (the body follows, order kept)
    panel.load_example("changeId-5")   a spec example by id, or "sample-5" for a valid one
    panel.continue_order("4503…")      the next event of a stored order
    panel.set_body({...}) / body()     the envelope {baseCode, dataArea, changeId, data}
    panel.set_mode("strict")           strict or lenient validation (send uses it too)
    await panel.send()                 the verdict JSON (Accepted/Rejected.to_json())
    panel.validate()                   validate now instead of after the pause
    panel.save_template(name) / apply_template(name) / delete_template(name)
    attributes: form (data Form), envelope_form, editor (JsonEditor), findings (FindingsList),
    history (HistoryModel), history_view, change_id (combo), mode (combo), send_button,
    verdict (label), order_search (line edit).

The platform's other message families have composers of their own beside this one
(ui/compose/family.py and one module per family), picked with ``family`` above them:
    panel.select_family("org")         工单事件 workorder · 组织数据变更 org · …
    panel.composers["org"]             that family's composer (select_type, send …)
    panel.send_current()               Send of the family shown (Event › Send, Ctrl+Return)
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import default_catalog
from app.catalog.continuation import carry_over
from app.catalog.continuation import continue_order as next_event
from app.catalog.envelope import FIELDS as ENVELOPE_FIELDS
from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Finding, Mode, Severity
from app.catalog.samples import sample
from app.catalog.workorder import EXAMPLES_DIR
from app.engine import Accepted, Refusal
from app.tasks import spawn
from ui import theme
from ui.compose.family import JSON_DEBOUNCE_MS, VALIDATE_MS, FamilyComposer
from ui.compose.findings import FindingsList
from ui.compose.form import Form, discard
from ui.compose.history import HistoryModel, Sent
from ui.compose.json_editor import JsonEditor
from ui.compose.org import OrgComposer
from ui.compose.rich import RichComposer
from ui.compose.templates import Templates
from ui.compose.wecom import WecomComposer
from ui.hub import Hub
from ui.panel import Panel, empty_state

if TYPE_CHECKING:
    from app.platform import Platform

#: How many orders the "continue an order" search lists.
ORDER_MATCHES = 20
#: Below this width the form sits above the JSON instead of beside it.
SIDE_BY_SIDE = 760


class ComposePanel(Panel):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.catalog = default_catalog()
        self.templates = Templates()
        self.mode_value = Mode.LENIENT
        self.order_id: str | None = None
        self.json_error: JsonProblem | str | None = None
        self.last_result: dict[str, Any] | None = None
        self._body: dict[str, Any] = {}
        self._data_usable = True
        self._order_ids: list[str] = []
        self._note = ("", "")  # (kind, detail) of the note line, re-worded on retranslate
        self._order_events: list[dict[str, Any]] | None = None

        self.json_timer = QTimer(self, singleShot=True, interval=JSON_DEBOUNCE_MS)
        self.json_timer.timeout.connect(self._json_to_form)
        self.validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_MS)
        self.validate_timer.timeout.connect(self.validate)
        self.search_timer = QTimer(self, singleShot=True, interval=200)
        self.search_timer.timeout.connect(self._search_orders)
        self.stack = QStackedWidget()
        self.empty = empty_state()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_families(self._build()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        hub.compose.connect(self._composed_elsewhere)

        self.retranslate()
        self._rebuild_form("1")
        self.set_body({"baseCode": "", "dataArea": "fwwt", "changeId": "1",
                       "data": sample("1")})

    # --- building -------------------------------------------------------------------------

    def _build(self) -> QWidget:
        page = QWidget()
        self.change_id = QComboBox()
        self.change_id.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.change_id.setMinimumContentsLength(14)
        for t in self.catalog.workorder.types:
            self.change_id.addItem("", t.id)
        self.change_id.activated.connect(
            lambda i: self.select_change_id(self.change_id.itemData(i)))
        self.mode = QComboBox()
        self.mode.addItem("", str(Mode.LENIENT))
        self.mode.addItem("", str(Mode.STRICT))
        self.mode.activated.connect(lambda i: self.set_mode(self.mode.itemData(i)))
        self.examples_button = QToolButton()
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_menu = QMenu(self.examples_button)
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.examples_button.setMenu(self.examples_menu)
        self.templates_button = QToolButton()
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.templates_menu = QMenu(self.templates_button)
        self.templates_menu.aboutToShow.connect(self._fill_templates)
        self.templates_button.setMenu(self.templates_menu)
        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(lambda: spawn(self.send(), name="compose-send"))
        # Ctrl+Return is the main window's Event › Send action (one shortcut, in the menu).

        bar = QHBoxLayout()
        bar.addWidget(self.change_id, 1)
        bar.addWidget(self.mode)
        bar.addWidget(self.examples_button)
        bar.addWidget(self.templates_button)
        bar.addWidget(self.send_button)

        self.order_search = QLineEdit()
        self.order_search.setClearButtonEnabled(True)
        self.order_matches = QStringListModel(self)
        self.completer = QCompleter(self.order_matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.order_search.setCompleter(self.completer)
        self.order_search.textEdited.connect(lambda _t: self.search_timer.start())
        self.completer.activated[QModelIndex].connect(self._order_chosen)
        self.recent_orders = QToolButton()
        self.recent_orders.setArrowType(Qt.ArrowType.DownArrow)
        self.recent_orders.clicked.connect(lambda: self._search_orders(show_all=True))
        self.order_label = QLabel()
        self.order_label.setWordWrap(True)
        self.order_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.order_label.linkActivated.connect(self._link)
        order_bar = QHBoxLayout()
        order_bar.addWidget(self.order_search, 2)
        order_bar.addWidget(self.recent_orders)
        order_bar.addWidget(self.order_label, 3)

        self.note = QLabel()  # what was loaded, and its quirks
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel()  # the last send's verdict
        self.verdict.setObjectName("composeVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.verdict.linkActivated.connect(self._link)

        # The form side: the envelope's own fields, how data is encoded, then data's fields.
        self.envelope_form = Form(ENVELOPE_FIELDS[:2])
        self.envelope_form.edited.connect(self._form_edited)
        self.encoding = QComboBox()
        self.encoding.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.encoding.setMinimumContentsLength(10)
        self.encoding.addItem("", "object")
        self.encoding.addItem("", "string")
        self.encoding.activated.connect(lambda _i: self._form_edited())
        self.encoding_label = QLabel()
        encoding_row = QHBoxLayout()
        encoding_row.setContentsMargins(4, 0, 4, 0)
        encoding_row.addWidget(self.encoding_label)
        encoding_row.addWidget(self.encoding, 1)
        self.type_title = QLabel()
        self.type_title.setWordWrap(True)
        self.type_title.setTextFormat(Qt.TextFormat.RichText)
        self.form_problem = QLabel()  # when data cannot be shown as a form
        self.form_problem.setWordWrap(True)
        self.form_problem.setVisible(False)
        self.form_holder = QVBoxLayout()
        self.form_holder.setContentsMargins(0, 0, 0, 0)
        self.form: Form = Form(())
        form_page = QWidget()
        box = QVBoxLayout(form_page)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.envelope_form)
        box.addLayout(encoding_row)
        box.addWidget(self.type_title)
        box.addWidget(self.form_problem)
        box.addLayout(self.form_holder)
        box.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(form_page)
        form_page.installEventFilter(self)

        self.editor = JsonEditor()
        self.editor.edited.connect(self.json_timer.start)
        self.json_status = QLabel()
        self.json_status.setWordWrap(True)
        self.json_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        json_side = QWidget()
        json_box = QVBoxLayout(json_side)
        json_box.setContentsMargins(0, 0, 0, 0)
        json_box.addWidget(self.editor, 1)
        json_box.addWidget(self.json_status)

        self.sides = QSplitter(Qt.Orientation.Horizontal)
        self.sides.addWidget(self.scroll)
        self.sides.addWidget(json_side)
        self.sides.setChildrenCollapsible(False)
        self.sides.setStretchFactor(0, 3)  # stacked in a narrow dock, the form gets more
        self.sides.setStretchFactor(1, 2)

        self.findings = FindingsList()
        self.findings.chosen.connect(self.show_finding)
        self.history = HistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.history_view.verticalHeader().setDefaultSectionSize(22)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((64, 72, 64, 140)):
            self.history_view.horizontalHeader().resizeSection(column, width)
        self.history_view.doubleClicked.connect(self._reopen)
        self.history_empty = empty_state()
        history_page = QWidget()
        history_box = QVBoxLayout(history_page)
        history_box.setContentsMargins(0, 0, 0, 0)
        history_box.addWidget(self.history_empty)
        history_box.addWidget(self.history_view, 1)
        self.history_view.setVisible(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.findings, "")
        self.tabs.addTab(history_page, "")

        self.main = QSplitter(Qt.Orientation.Vertical)
        self.main.addWidget(self.sides)
        self.main.addWidget(self.tabs)
        self.main.setStretchFactor(0, 3)
        self.main.setStretchFactor(1, 1)
        self.main.setChildrenCollapsible(False)

        column = QVBoxLayout(page)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(bar)
        column.addLayout(order_bar)
        column.addWidget(self.note)
        column.addWidget(self.verdict)
        column.addWidget(self.main, 1)
        return page

    def _build_families(self, workorder: QWidget) -> QWidget:
        """The family picker over the work-order composer and the other families' own."""
        self.composers: dict[str, FamilyComposer] = {
            "org": OrgComposer(self.hub),
            "wecom": WecomComposer(self.hub),
            "rich": RichComposer(self.hub),
        }
        self.family = QComboBox()
        self.family.addItem("", "workorder")
        for name in self.composers:
            self.family.addItem("", name)
        self.family.activated.connect(lambda i: self.select_family(self.family.itemData(i)))
        self.family_label = QLabel()
        row = QHBoxLayout()
        row.setContentsMargins(4, 4, 4, 0)
        row.addWidget(self.family_label)
        row.addWidget(self.family, 1)
        self.families = QStackedWidget()
        self.families.addWidget(workorder)
        for composer in self.composers.values():
            page = QWidget()
            box = QVBoxLayout(page)
            box.setContentsMargins(4, 4, 4, 4)
            box.addWidget(composer)
            self.families.addWidget(page)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addWidget(self.families, 1)
        return content

    def select_family(self, name: str) -> None:
        """Show the composer of this family: "workorder" (this panel's own) or a key of
        ``composers``."""
        index = self.family.findData(name)
        if index < 0:
            raise ValueError(f"no composer for the family {name!r}")
        self.family.setCurrentIndex(index)
        self.families.setCurrentIndex(index)

    def current_family(self) -> str:
        value = self.family.currentData()
        return value if isinstance(value, str) else "workorder"

    def send_current(self) -> None:
        """Send what the family shown holds (Event › Send, Ctrl+Return)."""
        composer = self.composers.get(self.current_family())
        (composer.send_button if composer is not None else self.send_button).click()

    def _composed_elsewhere(self, body: object) -> None:
        """A work-order body from another panel (the Timeline's "Continue in Compose")."""
        self.select_family("workorder")
        self.set_body(body)

    def _rebuild_form(self, change_id: str) -> None:
        """A new form for this changeId's fields (or none for an unknown changeId)."""
        message_type = self.catalog.change(change_id)
        old = self.form
        self.form_holder.removeWidget(old)
        discard(old)
        self.form = Form(message_type.fields if message_type else (), "data")
        self.form.edited.connect(self._form_edited)
        self.form_holder.addWidget(self.form)
        index = self.change_id.findData(change_id)
        if index >= 0:
            self.change_id.setCurrentIndex(index)
        self._title()

    # --- the platform ---------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        super().attach(platform)
        self.set_mode(str(platform.engine.settings.validation_mode))
        self.stack.setCurrentIndex(1)
        self.validate()
        for composer in self.composers.values():
            composer.attach(platform)

    def detach(self) -> None:
        for composer in self.composers.values():
            composer.detach()

    # --- the body, both ways --------------------------------------------------------------

    def body(self) -> dict[str, Any] | None:
        """The envelope being composed; None while the JSON text does not parse."""
        if self.json_timer.isActive():  # typed a moment ago: read what is there now
            self._json_to_form()
        return None if self.json_error is not None else json.loads(json.dumps(self._body))

    def set_body(self, body: object) -> None:
        """Open this body (an envelope, or a bare data object of the current changeId)."""
        if not isinstance(body, dict):
            return
        if "changeId" not in body and "data" not in body:
            body = {"baseCode": "", "dataArea": self._body.get("dataArea", "fwwt"),
                    "changeId": self.current_change_id(), "data": body}
        self.json_timer.stop()  # this body replaces whatever was being typed
        self.verdict.setVisible(False)  # the last verdict was about another body
        self._body = json.loads(json.dumps(body))
        self._to_form(self._body)
        self._to_editor()

    def current_change_id(self) -> str:
        value = self.change_id.currentData()
        return value if isinstance(value, str) else "1"

    def _to_editor(self) -> None:
        self.editor.set_text(json.dumps(self._body, ensure_ascii=False, indent=4))
        self._json_ok()
        self.validate_timer.start()

    def _to_form(self, body: dict[str, Any]) -> None:
        """Show a parsed body in the form (the editor already holds it)."""
        change_id = body.get("changeId")
        if isinstance(change_id, str) and change_id != self.current_change_id() \
                and self.catalog.change(change_id) is not None:
            self._rebuild_form(change_id)
        known = isinstance(change_id, str) and self.catalog.change(change_id) is not None
        self.envelope_form.set_data({k: v for k, v in body.items()
                                     if k not in ("changeId", "data")})
        data, problem = body.get("data"), ""
        encoding = "object"
        if isinstance(data, str):
            encoding = "string"
            try:
                data = loads(data, "data")
            except JsonProblem as error:
                problem = self.tr("data is a string that is not JSON (%1 at line %2, column "
                                  "%3), so it has no fields to show: edit it in the JSON.") \
                    .replace("%1", error.reason).replace("%2", str(error.line)) \
                    .replace("%3", str(error.column))
        if not problem and not known:
            problem = self.tr("changeId %1 is not a work-order event of the catalogue (1–10): "
                              "the form has no fields for it; edit it in the JSON.") \
                .replace("%1", json.dumps(change_id, ensure_ascii=False))
        elif not problem and data is not None and not isinstance(data, dict):
            problem = self.tr("data is not an object, so it has no fields to show: edit it "
                              "in the JSON.")
        self.encoding.setCurrentIndex(self.encoding.findData(encoding))
        self._data_usable = not problem
        self.form.setEnabled(not problem)
        self.form_problem.setText(problem)
        self.form_problem.setVisible(bool(problem))
        self.form_problem.setStyleSheet(f"color: {theme.error_colour().name()}")
        if not problem:
            self.form.set_data(data if isinstance(data, dict) else {})
        self._refit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.scroll.widget():
            QTimer.singleShot(0, self._refit)
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        """Let the scroll area take the form's new height now: it does not notice rows
        added or removed inside its widget until it is resized."""
        self.scroll.widget().layout().activate()
        self.scroll.setWidgetResizable(True)

    def _form_edited(self) -> None:
        """A form edit: the body and the JSON text follow."""
        envelope = self.envelope_form.data()
        out: dict[str, Any] = {}
        for key in [*self._body, *envelope, "changeId", "data"]:
            if key in out:
                continue
            if key == "changeId":
                out[key] = self._body.get("changeId", self.current_change_id())
            elif key == "data":
                if self._data_usable:
                    data = self.form.data()
                    out[key] = (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                                if self.encoding.currentData() == "string" else data)
                elif "data" in self._body:
                    out[key] = self._body["data"]
            elif key in envelope:
                out[key] = envelope[key]
        self._body = out
        self._to_editor()
        self._refit()  # a list element or an object may have come or gone

    def _json_to_form(self) -> None:
        """The JSON text after a pause in typing: parse it, and the form follows; or say
        where it breaks and keep the form as it was."""
        self.json_timer.stop()
        try:
            parsed = loads(self.editor.toPlainText(), "the JSON")
        except JsonProblem as problem:
            self.json_error = problem
            self.editor.set_problem(problem.line, problem.column)
            self._show_json_error()
            return
        if not isinstance(parsed, dict):
            self.json_error = "not-object"
            self.editor.set_problem(1)
            self._show_json_error()
            return
        self._body = parsed
        self._to_form(parsed)
        self._json_ok()
        self.validate()

    def _json_ok(self) -> None:
        self.json_error = None
        self.editor.set_problem(0)
        self.json_status.setText(self.tr("JSON follows the form, and the form follows the "
                                         "JSON as you type."))
        self.json_status.setStyleSheet("")

    def _show_json_error(self) -> None:
        error = self.json_error
        if isinstance(error, JsonProblem):
            text = self.tr("Not JSON: %1 at line %2, column %3. The form keeps the last "
                           "version that parsed; nothing you typed is lost.") \
                .replace("%1", error.reason).replace("%2", str(error.line)) \
                .replace("%3", str(error.column))
        else:
            text = self.tr("The event must be a JSON object {\"changeId\", \"dataArea\", "
                           "\"data\"}. The form keeps the last object.")
        self.json_status.setText(text)
        self.json_status.setStyleSheet(f"color: {theme.error_colour().name()}")
        self.findings.show_findings([], str(self.mode_value), text)
        self._tab_titles()

    # --- changeId, mode ---------------------------------------------------------------------

    def select_change_id(self, change_id: str) -> None:
        """Compose an event of this changeId: the order being worked on continues (its next
        event), else the current body's order fields are kept on a valid sample."""
        if self.catalog.change(change_id) is None:
            raise ValueError(f"changeId {change_id!r} is not in the catalogue")
        previous = self._body.get("data")
        if isinstance(previous, str):
            try:
                previous = loads(previous)
            except JsonProblem:
                previous = {}
        if self.order_id is not None and self.platform is not None:
            events = self.platform.engine.store.events_for_order(self.order_id)
            data = next_event(events, change_id)["data"]
        else:
            data = carry_over(previous if isinstance(previous, dict) else {}, change_id)
        body = dict(self._body) if self.json_error is None else {}
        body.setdefault("baseCode", "")
        body.setdefault("dataArea", "fwwt")
        body["changeId"] = change_id
        string = isinstance(self._body.get("data"), str)
        body["data"] = json.dumps(data, ensure_ascii=False, separators=(",", ":")) \
            if string else data
        self._rebuild_form(change_id)
        self.set_body(body)
        message_type = self.catalog.change(change_id)
        if message_type is not None and not message_type.supported:
            self._set_note("unsupported", "")

    def set_mode(self, mode: str) -> None:
        self.mode_value = Mode(mode)
        self.mode.setCurrentIndex(self.mode.findData(str(self.mode_value)))
        self.validate()

    # --- validation ---------------------------------------------------------------------------

    def validate(self) -> list[Finding]:
        """Validate the body now, as the engine would accept it in the chosen mode; show the
        findings beside the fields and in the list, and return them."""
        self.validate_timer.stop()
        if self.platform is None or self.json_error is not None:
            return []
        outcome = self.platform.engine.prepare(self._body, source="compose",
                                               mode=self.mode_value)
        findings = list(outcome.findings if isinstance(outcome, Refusal)
                        else outcome.warnings)
        data_findings = [f for f in findings if f.path == "data" or f.path.startswith(
            ("data.", "data["))]
        rest = [f for f in findings if f not in data_findings]
        self.form.mark(data_findings if self._data_usable else [])
        self.envelope_form.mark([f for f in rest if f.path != "changeId"])
        picker = [f for f in findings if f.path == "changeId"]
        self._mark_widget(self.change_id, picker)
        self._mark_widget(self.encoding, [f for f in findings if f.path == "data"])
        self.findings.show_findings(findings, str(self.mode_value))
        self._tab_titles()
        return findings

    @staticmethod
    def _mark_widget(widget: QWidget, findings: list[Finding]) -> None:
        if not findings:
            widget.setStyleSheet("")
            widget.setToolTip("")
            return
        error = any(f.severity is Severity.ERROR for f in findings)
        colour = (theme.error_colour() if error else theme.strong("retry")).name()
        widget.setStyleSheet(f"QComboBox {{ border: 1px solid {colour}; }}")
        widget.setToolTip("\n".join(str(f) for f in findings))

    def show_finding(self, finding: Finding) -> None:
        """Go to a finding: its field in the form, and its line in the JSON."""
        line = self.editor.line_of_path(finding.path)
        if line:
            self.editor.go_to(line)
        row = self.form.row_for(finding.path) if finding.path.startswith("data") else \
            self.envelope_form.row_for(finding.path)
        if row is not None:
            self.scroll.ensureWidgetVisible(row, 0, 40)
            row.focus_editor()
        elif finding.path == "changeId":
            self.change_id.setFocus()

    # --- examples, templates -------------------------------------------------------------

    def _fill_examples(self) -> None:
        menu = self.examples_menu
        menu.clear()
        menu.addSection(self.tr("Valid samples (follow the spec's tables)"))
        for t in self.catalog.workorder.types:
            action = menu.addAction(f"{t.id} · {t.zh} · {t.en}")
            action.triggered.connect(lambda _c=False, i=t.id: self.load_example(f"sample-{i}"))
        menu.addSection(self.tr("The spec's examples (as printed, quirks kept)"))
        for example in self.catalog.workorder.examples:
            action = menu.addAction(example.title)
            action.setToolTip(example.note)
            action.triggered.connect(lambda _c=False, n=example.id: self.load_example(n))
        menu.setToolTipsVisible(True)

    def load_example(self, name: str) -> None:
        """Load a spec example by id ("changeId-5", "envelope-changeId-1") or a valid sample
        ("sample-5"). KeyError for an unknown name."""
        if name.startswith("sample-"):
            change_id = name.removeprefix("sample-")
            if self.catalog.change(change_id) is None:
                raise KeyError(name)
            self.order_id = None
            self._show_order(None)
            self.set_body({"baseCode": "", "dataArea": self._body.get("dataArea", "fwwt"),
                           "changeId": change_id, "data": sample(change_id)})
            self._set_note("sample", change_id)
            return
        example = next((e for e in self.catalog.workorder.examples if e.id == name), None)
        if example is None:
            raise KeyError(name)
        content = json.loads((EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))
        if example.kind == "envelope":
            self.set_body(content)
        else:
            self.set_body({"baseCode": "", "dataArea": "fwwt",
                           "changeId": example.message_type, "data": content})
        self._set_note("example", example.id)

    def _fill_templates(self) -> None:
        menu = self.templates_menu
        menu.clear()
        save = menu.addAction(self.tr("Save as template…"))
        save.triggered.connect(self._ask_template_name)
        names = self.templates.names()
        if not names:
            hint = menu.addAction(self.tr("No templates yet: save the body to reuse it"))
            hint.setEnabled(False)
            return
        menu.addSection(self.tr("Open"))
        for name in names:
            action = menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.apply_template(n))
        delete = menu.addMenu(self.tr("Delete"))
        for name in names:
            action = delete.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.delete_template(n))

    def _ask_template_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as template"),
                                        self.tr("Name of the template:"))
        if ok:
            self.save_template(name)

    def save_template(self, name: str) -> bool:
        """Save the body under this name (replacing one of the same name)."""
        body = self.body()
        if body is None:
            self._set_note("error", self.tr("Fix the JSON first: a template is saved from a "
                                            "body that parses."))
            return False
        try:
            self.templates.save(name, body)
        except ValueError as error:
            self._set_note("error", self.tr("Template not saved: %1").replace("%1", str(error)))
            return False
        self._set_note("saved", name.strip())
        return True

    def apply_template(self, name: str) -> bool:
        body = self.templates.get(name)
        if body is None:
            self._set_note("error", self.tr("Template %1 cannot be read.").replace("%1", name))
            return False
        self.set_body(body)
        self._set_note("template", name)
        return True

    def delete_template(self, name: str) -> None:
        self.templates.delete(name)
        self._set_note("deleted", name)

    # --- continue an order --------------------------------------------------------------

    def _search_orders(self, show_all: bool = False) -> None:
        if self.platform is None:
            return
        text = "" if show_all else self.order_search.text().strip()
        rows = self.platform.engine.store.find_orders(text, ORDER_MATCHES)
        self._order_ids = [r["service_order_id"] for r in rows]
        self.order_matches.setStringList([
            " · ".join(str(v) for v in (r["service_order_id"], r["service_order_code"],
                                        r["contact_name"] or r["contact_user_id"]) if v)
            + "  " + self.tr("(%n event(s), last changeId %1)", "", r["event_count"])
            .replace("%1", str(r["last_change_id"]))
            for r in rows])
        if rows and (show_all or self.order_search.hasFocus()):
            self.order_search.setFocus()
            self.completer.setCompletionPrefix("")
            self.completer.complete()
        elif text:
            self._set_note("error", self.tr("No stored order matches %1.").replace("%1", text))

    def _order_chosen(self, index: QModelIndex) -> None:
        row = index.row()
        if 0 <= row < len(self._order_ids):
            self.continue_order(self._order_ids[row])
            QTimer.singleShot(0, self.order_search.clear)

    def continue_order(self, order_id: str, change_id: str | None = None) -> bool:
        """Work on this stored order: the next event of ``change_id`` (default: the one
        picked, or 5 after a creation) pre-filled from its events. False if it has none."""
        if self.platform is None:
            return False
        events = self.platform.engine.store.events_for_order(order_id)
        if not events:
            self._set_note("error", self.tr("Order %1 has no stored events.").replace(
                "%1", order_id))
            return False
        self.order_id = order_id
        if change_id is None:
            change_id = self.current_change_id()
            if change_id == "1":  # an order exists already: its next step, not a new one
                change_id = "5"
        self._show_order(events)
        self.select_change_id(change_id)
        self._set_note("continued", order_id)
        return True

    def _show_order(self, events: list[dict[str, Any]] | None) -> None:
        self._order_events = events
        if not events or self.order_id is None:
            self.order_label.setText(self.tr("No order picked: events start from a sample."))
            return
        last = events[-1]
        self.order_label.setText(
            self.tr("Working on order %1 (%n event(s), last changeId %2).", "", len(events))
            .replace("%1", html.escape(self.order_id)).replace("%2", str(last["change_id"]))
            + f' <a href="timeline:{html.escape(self.order_id)}">'
            + self.tr("Timeline") + '</a> · <a href="stop:">' + self.tr("Stop") + "</a>")

    # --- sending --------------------------------------------------------------------------

    async def send(self) -> dict[str, Any]:
        """Submit the body through the engine in the chosen mode; show and return the
        verdict (Accepted/Rejected.to_json()). JSON that does not parse is not sent."""
        body = self.body()
        if body is None or self.platform is None:
            reason = "not-json" if body is None else "not-ready"
            result = {"reason": reason, "errors": []}
            self._show_verdict(result)
            return result
        self.send_button.setEnabled(False)
        try:
            outcome = await self.platform.engine.submit(body, source="compose",
                                                        mode=self.mode_value)
        finally:
            self.send_button.setEnabled(True)
        result = outcome.to_json()
        self.last_result = result
        self.history.add(Sent(body, result))
        self._history_shown()
        self.hub.last_sent = result
        self.hub.sent.emit(result)
        if isinstance(outcome, Accepted):
            order = outcome.envelope.fields.get("serviceOrderId")
            if isinstance(order, str) and order:
                self.order_id = order  # the order being worked on: the next event continues it
                self._show_order(self.platform.engine.store.events_for_order(order))
            self.validate()
        else:
            self.findings.show_findings(list(outcome.findings), str(self.mode_value))
            self.form.mark([f for f in outcome.findings if f.path.startswith("data")])
            self.tabs.setCurrentIndex(0)
        self._show_verdict(result)
        return result

    def _show_verdict(self, result: dict[str, Any], show: bool = True) -> None:
        """Word the verdict (again, on a language or theme switch: ``show=False`` leaves
        a verdict hidden since another body was loaded hidden)."""
        self.last_result = result
        if show:
            self.verdict.setVisible(True)
        if "eventId" in result:
            deliveries = result.get("deliveries", [])
            codes = ", ".join(d["baseCode"] for d in deliveries)
            text = self.tr("Accepted as event #%1: %n delivery(ies)", "", len(deliveries)) \
                .replace("%1", str(result["eventId"]))
            text = html.escape(text + (f" ({codes})" if codes else ""))
            if not deliveries:
                text += " — " + html.escape(self.tr("no subscription takes it; the "
                                                    "Subscriptions panel says why"))
            if self.order_id:
                text += (f' · <a href="timeline:{html.escape(self.order_id)}">'
                         + self.tr("Timeline") + "</a>"
                         f' · <a href="live:{html.escape(self.order_id)}">'
                         + self.tr("Live") + "</a>")
            colour = theme.strong("ok")
        elif result.get("reason") == "not-json":
            text = html.escape(self.tr("Not sent: the JSON does not parse. Fix it first."))
            colour = theme.error_colour()
        elif result.get("reason") == "not-ready":
            text = html.escape(self.tr("Not sent: the platform is still starting."))
            colour = theme.error_colour()
        else:
            errors = result.get("errors", [])
            text = html.escape(self.tr("Rejected (%1): %n finding(s), listed below.", "",
                                       len(errors)).replace("%1", str(result.get("reason"))))
            colour = theme.error_colour()
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"QLabel#composeVerdict {{ color: {colour.name()}; "
                                   "font-weight: bold; }")

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "timeline" and value:
            self.hub.open_order.emit(value)
        elif kind == "live" and value:
            self.hub.filter_live.emit(value, "text")
        elif kind == "stop":
            self.order_id = None
            self._show_order(None)

    def _reopen(self, index: QModelIndex) -> None:
        entry = self.history.entry(index.row())
        if entry is not None:
            self.set_body(entry.body)
            self._set_note("reopened", "")

    def _history_shown(self) -> None:
        has = self.history.rowCount() > 0
        self.history_view.setVisible(has)
        self.history_empty.setVisible(not has)
        self._tab_titles()

    # --- words ------------------------------------------------------------------------------

    def _set_note(self, kind: str, detail: str) -> None:
        self._note = (kind, detail)
        self._show_note()

    def _show_note(self) -> None:
        kind, detail = self._note
        colour = None
        if kind == "example":
            example = next(e for e in self.catalog.workorder.examples if e.id == detail)
            text = self.tr("Loaded the spec's example %1, as printed: its deviations from the "
                           "tables are kept, and the findings name them.").replace(
                               "%1", example.title)
            text += "\n" + example.note
            if example.repairs:
                text += "\n" + self.tr("Repaired to parse: %1").replace(
                    "%1", "; ".join(example.repairs))
        elif kind == "sample":
            text = self.tr("Loaded a valid sample of changeId %1, built from the spec's tables."
                           ).replace("%1", detail)
        elif kind == "unsupported":
            text = self.tr("changeId 8 督办 is not supported by the platform (暂不支持): it is "
                           "refused unless \"allow unsupported events\" is on (python main.py "
                           "settings allow-unsupported on).")
            colour = theme.strong("retry")
        elif kind == "continued":
            text = self.tr("Continuing order %1: ids, track and handlers come from its events. "
                           "Switch changeId to compose its other next events.").replace(
                               "%1", detail)
        elif kind == "template":
            text = self.tr("Opened template %1.").replace("%1", detail)
        elif kind == "saved":
            text = self.tr("Saved as template %1.").replace("%1", detail)
        elif kind == "deleted":
            text = self.tr("Deleted template %1.").replace("%1", detail)
        elif kind == "reopened":
            text = self.tr("Opened a sent event again: edit it and send it once more.")
        elif kind == "error":
            text, colour = detail, theme.error_colour()
        else:
            self.note.setVisible(False)
            return
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {colour.name()}" if colour else "")
        self.note.setVisible(True)

    def _title(self) -> None:
        message_type = self.catalog.change(self.current_change_id())
        if message_type is None:
            self.type_title.setText("")
            return
        support = "" if message_type.supported else (
            f' <span style="color:{theme.strong("retry").name()}">'
            + html.escape(self.tr("not supported by the platform")) + "</span>")
        required = len(message_type.required)
        self.type_title.setText(
            f"<b>data</b> · changeId {message_type.id} {html.escape(message_type.zh)} · "
            f"{html.escape(message_type.en)}{support}<br><small>"
            + html.escape(self.tr("%n required field(s), marked *. Hover a name for its "
                                  "meaning and the spec's quirks.", "", required))
            + "</small>")

    def _tab_titles(self) -> None:
        findings = self.findings.model.rowCount()
        self.tabs.setTabText(0, self.tr("Findings (%1)").replace("%1", str(findings)))
        self.tabs.setTabText(1, self.tr("Sent (%1)").replace("%1",
                                                             str(self.history.rowCount())))

    def retranslate(self) -> None:
        self.empty.setText(self.tr("The platform is starting… Compose opens once it is up."))
        self.family_label.setText(self.tr("Message family"))
        families = {"workorder": self.tr("Work-order events"),
                    "org": self.tr("Organisation data changes"),
                    "wecom": self.tr("WeCom customer service messages"),
                    "rich": self.tr("Rich-text messages")}
        for i in range(self.family.count()):
            self.family.setItemText(i, families.get(self.family.itemData(i), ""))
        self.family.setToolTip(self.tr("Which of the platform's message families to compose"))
        for i, t in enumerate(self.catalog.workorder.types):
            text = f"changeId {t.id} · {t.zh} · {t.en}"
            if not t.supported:
                text += " — " + self.tr("not supported by the platform")
            self.change_id.setItemText(i, text)
        self.change_id.setToolTip(self.tr("The work-order event to compose"))
        self.mode.setItemText(0, self.tr("Lenient"))
        self.mode.setItemText(1, self.tr("Strict"))
        self.mode.setToolTip(self.tr(
            "Strict follows the spec's tables; lenient accepts what the platform's own "
            "examples do. Findings and Send both use this mode."))
        self.examples_button.setText(self.tr("Examples"))
        self.examples_button.setToolTip(self.tr("Load a spec example or a valid sample"))
        self.templates_button.setText(self.tr("Templates"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Submit the event to the platform (Ctrl+Return)"))
        self.order_search.setPlaceholderText(
            self.tr("Continue an order: type its id, code or contact…"))
        self.recent_orders.setToolTip(self.tr("The most recent orders"))
        self.encoding_label.setText(self.tr("data sent as"))
        self.encoding.setItemText(0, self.tr("an object (as the spec's examples)"))
        self.encoding.setItemText(1, self.tr("a JSON string (as the spec's table, #1)"))
        self.history_empty.setText(self.tr("Nothing sent yet. Press Send (Ctrl+Return): each "
                                           "event sent appears here with its verdict; "
                                           "double-click one to open it again."))
        self._show_order(getattr(self, "_order_events", None))
        self._title()
        self._tab_titles()
        if self.json_error is None:
            self._json_ok()
        else:
            self._show_json_error()
        self._show_note()
        if self.last_result is not None:
            self._show_verdict(self.last_result, show=False)
        self.findings.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._title()
            self._show_note()
            if self.last_result is not None:
                self._show_verdict(self.last_result, show=False)
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        # A narrow dock stacks the form over the JSON; a wide one puts them side by side.
        wide = self.width() >= SIDE_BY_SIDE
        self.sides.setOrientation(Qt.Orientation.Horizontal if wide
                                  else Qt.Orientation.Vertical)
        super().resizeEvent(event)
