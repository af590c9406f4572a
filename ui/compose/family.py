"""What every composer of the platform's other message families shares.

The work-order composer (ui/compose/panel.py) has a form generated from the catalogue's
tables; the other families' documents give examples rather than tables, so their composers
are a type picker, the document's example of each type, a JSON editor and that family's own
validator — findings underlined on the lines they are about (hover for the message), listed
below, a click going to the line — and Send through the same core path the family's HTTP
route takes. A subclass says what its types are, what a fresh body and an example look like,
how a body is checked and how it is sent (ui/compose/org.py, wecom.py, rich.py); this class
does the rest the same way for each.

Scriptable (tests, screenshots):
    c.select_type("205")            a fresh body of this type, defaults filled
    c.load_example("body-205")      one of the document's examples; None: the current type's
    c.set_body({...}) / c.body()    the body (None while the JSON text does not parse)
    c.set_mode("strict")            strict or lenient, for the findings and for Send
    c.validate()                    check now instead of after the pause; the findings
    await c.send()                  the verdict JSON, shown as the work-order composer does
Widgets: type_picker, mode, example_button, new_button, send_button, editor (JsonEditor),
json_status, findings (FindingsList), note, verdict, params (a QFormLayout of the family's
own fields: org_id, the receiver …).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Finding, Mode, Severity
from app.tasks import spawn
from ui import theme
from ui.compose.findings import FindingsList
from ui.compose.json_editor import JsonEditor

if TYPE_CHECKING:
    from app.platform import Platform
    from ui.hub import Hub

#: The pause in typing after which the JSON is read again (and the work-order form follows),
#: in milliseconds; every composer shares these.
JSON_DEBOUNCE_MS = 250
#: The pause after any change before validating, in milliseconds.
VALIDATE_MS = 150


@dataclass(frozen=True, slots=True)
class Sample:
    """One of the document's examples, as a composer offers it."""

    id: str
    title: str
    type_id: str
    note: str = ""
    repairs: tuple[str, ...] = ()


class FamilyComposer(QWidget):
    """The shared composer; subclasses fill in the hooks below."""

    #: The catalogue family id ("org", "wecom", "rich").
    family = ""
    #: Whether strict/lenient is the user's choice (else always strict).
    has_modes = True

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.platform: Platform | None = None
        self.mode_value = Mode.LENIENT if self.has_modes else Mode.STRICT
        self.json_error: JsonProblem | str | None = None
        self.last_result: dict[str, Any] | None = None
        self.last_findings: list[Finding] = []
        self._body: Any = {}
        self._type_id = ""
        self._note: tuple[str, Any] = ("", "")  # (kind, detail), worded again on a
        # language switch

        self.json_timer = QTimer(self, singleShot=True, interval=JSON_DEBOUNCE_MS)
        self.json_timer.timeout.connect(self._json_changed)
        self.validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_MS)
        self.validate_timer.timeout.connect(self.validate)

        self.type_picker = QComboBox()
        self.type_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_picker.setMinimumContentsLength(14)
        self.type_picker.activated.connect(
            lambda i: self.select_type(self.type_picker.itemData(i)))
        self.mode = QComboBox()
        self.mode.addItem("", str(Mode.LENIENT))
        self.mode.addItem("", str(Mode.STRICT))
        self.mode.activated.connect(lambda i: self.set_mode(self.mode.itemData(i)))
        self.mode.setVisible(self.has_modes)
        self.example_button = QToolButton()
        self.example_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.example_button.clicked.connect(lambda: self.load_example(None))
        self.examples_menu = QMenu(self.example_button)
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.examples_menu.setToolTipsVisible(True)
        self.example_button.setMenu(self.examples_menu)
        self.new_button = QToolButton()
        self.new_button.clicked.connect(lambda: self.select_type(self.current_type()))
        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(
            lambda: spawn(self.send(), name=f"compose-{self.family}-send"))
        bar = QHBoxLayout()
        bar.addWidget(self.type_picker, 1)
        bar.addWidget(self.mode)
        bar.addWidget(self.example_button)
        bar.addWidget(self.new_button)
        bar.addWidget(self.send_button)

        #: The family's own fields (org_id, the receiver …), filled by the subclass.
        self.params = QFormLayout()
        self.params.setContentsMargins(0, 0, 0, 0)
        self.params.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.params.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.type_title = QLabel()
        self.type_title.setWordWrap(True)
        self.type_title.setTextFormat(Qt.TextFormat.RichText)
        self.note = QLabel()  # what was loaded, and its quirks
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict = QLabel()
        self.verdict.setObjectName("familyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.verdict.linkActivated.connect(self._link)

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
        self.findings = FindingsList()
        self.findings.chosen.connect(self.show_finding)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(json_side)
        self.split.addWidget(self.findings)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)

        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addLayout(bar)
        self.column.addLayout(self.params)
        self.column.addWidget(self.type_title)
        self.column.addWidget(self.note)
        self.column.addWidget(self.verdict)
        self.column.addWidget(self.split, 1)

    # --- hooks for the family ---------------------------------------------------------------

    def type_ids(self) -> list[str]:
        """The types the picker offers, in the document's order."""
        raise NotImplementedError

    def type_label(self, type_id: str) -> str:
        """A type as the picker shows it."""
        return type_id

    def type_title_html(self, type_id: str) -> str:
        """A line of rich text about the type: its names, its shape, its quirks."""
        return html.escape(self.type_label(type_id))

    def type_of(self, body: Any) -> str | None:
        """Which type a body is, so the picker follows JSON typed by hand."""
        return None

    def fresh(self, type_id: str) -> Any:
        """A new body of this type, with today's defaults (times, ids from the fields)."""
        raise NotImplementedError

    def samples(self) -> list[Sample]:
        """The document's examples."""
        return []

    def sample_body(self, sample: Sample) -> Any:
        """An example as it is opened (a bare body gets its envelope around it)."""
        raise NotImplementedError

    def check(self, body: Any) -> list[Finding]:
        """The family's own findings about a body, in the chosen mode."""
        return []

    async def deliver(self, body: Any) -> tuple[dict[str, Any], list[Finding]]:
        """Send through the core: the verdict JSON, and the findings when refused."""
        raise NotImplementedError

    def verdict_html(self, result: dict[str, Any]) -> tuple[str, bool]:
        """The verdict of an accepted send (rich text) and whether it went well."""
        return html.escape(json.dumps(result, ensure_ascii=False)), True

    def body_changed(self, body: Any) -> None:
        """The body changed (typed, loaded): the family's fields may follow it."""

    def follow_link(self, kind: str, value: str) -> None:
        """A link in the verdict or the note that only this family knows."""

    def family_note(self, kind: str, detail: Any) -> str | None:
        """The words of a note only this family gives (worded again on a language switch);
        None for a kind it does not know."""
        return None

    def retranslate_family(self) -> None:
        """The family's own strings."""

    # --- the platform --------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        self.platform = platform
        if self.has_modes:
            self.set_mode(str(platform.engine.settings.validation_mode))
        else:
            self.validate()

    def detach(self) -> None:
        self.json_timer.stop()
        self.validate_timer.stop()

    # --- the body ----------------------------------------------------------------------------

    def current_type(self) -> str:
        value = self.type_picker.currentData()
        return value if isinstance(value, str) else (self.type_ids() or [""])[0]

    def body(self) -> Any:
        """The body being composed; None while the JSON text does not parse."""
        if self.json_timer.isActive():  # typed a moment ago: read what is there now
            self._json_changed()
        return None if self.json_error is not None else json.loads(json.dumps(self._body))

    def set_body(self, body: Any, *, note: tuple[str, Any] = ("", "")) -> None:
        """Open this body (the picker follows its type)."""
        self.json_timer.stop()
        self.verdict.setVisible(False)  # the last verdict was about another body
        self._body = json.loads(json.dumps(body))
        self.editor.set_text(json.dumps(self._body, ensure_ascii=False, indent=4))
        self._json_ok()
        self._follow_type(self._body)
        self.body_changed(self._body)
        self._note = note
        self._show_note()
        self.validate_timer.start()

    def replace_body(self, body: Any) -> None:
        """The family's fields changed the body: the JSON follows (one undo step), the
        note and verdict stay."""
        self._body = json.loads(json.dumps(body))
        self.editor.set_text(json.dumps(self._body, ensure_ascii=False, indent=4))
        self._json_ok()
        self.validate_timer.start()

    def select_type(self, type_id: str) -> None:
        """Compose a fresh body of this type."""
        if type_id not in self.type_ids():
            raise ValueError(f"{type_id!r} is not a {self.family} type")
        self._set_picker(type_id)
        self.set_body(self.fresh(type_id), note=("fresh", type_id))

    def load_example(self, example_id: str | None) -> bool:
        """Open one of the document's examples; None: the current type's. False when there
        is none (the note says so); KeyError for an unknown id."""
        samples = self.samples()
        if example_id is None:
            found = next((s for s in samples if s.type_id == self.current_type()), None)
            if found is None:
                self._note = ("no-example", self.current_type())
                self._show_note()
                return False
        else:
            found = next((s for s in samples if s.id == example_id), None)
            if found is None:
                raise KeyError(example_id)
        self.set_body(self.sample_body(found), note=("example", found.id))
        return True

    def _set_picker(self, type_id: str) -> None:
        self._type_id = type_id
        index = self.type_picker.findData(type_id)
        if index >= 0:
            self.type_picker.setCurrentIndex(index)
        self._title()

    def _follow_type(self, body: Any) -> None:
        found = self.type_of(body)
        if found is not None and found in self.type_ids():
            if found != self._type_id:
                self._set_picker(found)
        elif self._type_id:  # a type the document does not have: the title says so
            self._type_id = ""
            self._title()

    def _json_changed(self) -> None:
        """The JSON text after a pause in typing: parse it, or say where it breaks."""
        self.json_timer.stop()
        try:
            parsed = loads(self.editor.toPlainText(), "the JSON")
        except JsonProblem as problem:
            self.json_error = problem
            self.editor.set_problem(problem.line, problem.column)
            self.editor.set_marks([])
            self._show_json_error()
            return
        self._body = parsed
        self._json_ok()
        self._follow_type(parsed)
        self.body_changed(parsed)
        self.validate()

    def _json_ok(self) -> None:
        self.json_error = None
        self.editor.set_problem(0)
        self.json_status.setText(self.tr("Findings are underlined in the JSON as you type; "
                                         "hover a line to read them."))
        self.json_status.setStyleSheet("")

    def _show_json_error(self) -> None:
        error = self.json_error
        if isinstance(error, JsonProblem):
            text = self.tr("Not JSON: %1 at line %2, column %3. Nothing you typed is lost.") \
                .replace("%1", error.reason).replace("%2", str(error.line)) \
                .replace("%3", str(error.column))
        else:
            text = ""
        self.json_status.setText(text)
        self.json_status.setStyleSheet(f"color: {theme.error_colour().name()}")
        self.findings.show_findings([], str(self.mode_value), text)

    # --- validation ----------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode_value = Mode(mode) if self.has_modes else Mode.STRICT
        self.mode.setCurrentIndex(self.mode.findData(str(self.mode_value)))
        self.validate()

    def validate(self) -> list[Finding]:
        """Check the body now with the family's validator; underline the lines the findings
        are about, list them, and return them."""
        self.validate_timer.stop()
        if self.json_error is not None:
            return []
        findings = self.check(self._body)
        self.last_findings = findings
        self._show_findings(findings)
        return findings

    def _show_findings(self, findings: list[Finding]) -> None:
        marks = []
        for f in findings:
            text = f"{f.path or '$'}: {f.message}" + (f" — {f.hint}" if f.hint else "")
            marks.append((self.editor.line_of_path(f.path) if f.path else 1,
                          f.severity is Severity.ERROR, text))
        self.editor.set_marks(marks)
        self.findings.show_findings(findings, str(self.mode_value))

    def show_finding(self, finding: Finding) -> None:
        """Go to a finding's line in the JSON."""
        line = self.editor.line_of_path(finding.path) if finding.path else 1
        if line:
            self.editor.go_to(line)

    # --- examples ------------------------------------------------------------------------------

    def _fill_examples(self) -> None:
        menu = self.examples_menu
        menu.clear()
        samples = self.samples()
        if not samples:
            menu.addAction(self.tr("The document prints no example")).setEnabled(False)
            return
        menu.addSection(self.tr("The document's examples (as printed, quirks kept)"))
        for s in samples:
            action = menu.addAction(s.title)
            action.setToolTip(s.note)
            action.triggered.connect(lambda _c=False, i=s.id: self.load_example(i))

    # --- sending -------------------------------------------------------------------------------

    async def send(self) -> dict[str, Any]:
        """Send the body through the core; show and return the verdict JSON. JSON that does
        not parse is not sent."""
        body = self.body()
        if body is None or self.platform is None:
            result: dict[str, Any] = {"reason": "not-json" if body is None else "not-ready",
                                      "errors": []}
            self._show_verdict(result)
            return result
        self.send_button.setEnabled(False)
        try:
            result, findings = await self.deliver(body)
        except Exception as error:  # a part of the platform refused: say so, keep the body
            result, findings = {"reason": "error", "errors": [
                {"path": "", "message": f"{type(error).__name__}: {error}"}]}, []
        finally:
            self.send_button.setEnabled(True)
        self.hub.last_sent = result
        self.hub.sent.emit(result)
        if findings:
            self._show_findings(findings)
        else:
            self.validate()
        self._show_verdict(result)
        return result

    def _show_verdict(self, result: dict[str, Any], show: bool = True) -> None:
        self.last_result = result
        if show:
            self.verdict.setVisible(True)
        reason = result.get("reason")
        if reason is None:
            text, ok = self.verdict_html(result)
        elif reason == "not-json":
            text, ok = html.escape(self.tr("Not sent: the JSON does not parse. Fix it first.")), \
                False
        elif reason == "not-ready":
            text, ok = html.escape(self.tr("Not sent: the platform is still starting.")), False
        else:
            errors = result.get("errors", [])
            # Spelled with its context: PySide looks a subclass's tr() up in the base
            # class's context for plain strings, but not for plurals.
            text = html.escape(QCoreApplication.translate(
                "FamilyComposer", "Rejected (%1): %n finding(s), listed below.", "",
                len(errors)).replace("%1", str(reason)))
            if errors and not self.findings.model.rowCount():
                first = errors[0]
                text += "<br>" + html.escape(f"{first.get('path') or '$'}: "
                                             f"{first.get('message', '')}")
            ok = False
        colour = theme.strong("ok") if ok else theme.error_colour()
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"QLabel#familyVerdict {{ color: {colour.name()}; "
                                   "font-weight: bold; }")

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "timeline" and value:
            self.hub.open_order.emit(value)
        elif kind == "live" and value:
            self.hub.filter_live.emit(value, "regex")
        else:
            self.follow_link(kind, value)

    # --- words ---------------------------------------------------------------------------------

    def _title(self) -> None:
        if not self._type_id:
            self.type_title.setText(
                f'<span style="color:{theme.error_colour().name()}">' + html.escape(self.tr(
                    "This message is of none of the document's types: the findings say "
                    "why, and the picker above makes a fresh one.")) + "</span>")
            return
        self.type_title.setText(self.type_title_html(self._type_id))

    def _show_note(self) -> None:
        kind, detail = self._note
        colour = None
        if kind == "example":
            sample = next((s for s in self.samples() if s.id == detail), None)
            if sample is None:
                self.note.setVisible(False)
                return
            text = self.tr("Loaded the document's example %1, as printed: its quirks are "
                           "kept, and the findings name them.").replace("%1", sample.title)
            if sample.note:
                text += "\n" + sample.note
            if sample.repairs:
                text += "\n" + self.tr("Repaired to parse: %1").replace(
                    "%1", "; ".join(sample.repairs))
        elif kind == "no-example":
            text = self.tr("The document prints no example of %1; this is a fresh one.") \
                .replace("%1", self.type_label(detail))
            colour = theme.strong("retry")
        elif kind == "fresh":
            text = self.tr("A fresh %1 with today's defaults: edit the JSON, then Send "
                           "(Ctrl+Return).").replace("%1", self.type_label(detail))
        elif kind == "error":
            text, colour = detail, theme.error_colour()
        elif kind == "info":
            text = detail
        elif (family := self.family_note(kind, detail)) is not None:
            text = family
        else:
            self.note.setVisible(False)
            return
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {colour.name()}" if colour else "")
        self.note.setVisible(True)

    def say(self, text: str, *, error: bool = False) -> None:
        """Put a line in the note (an action's outcome)."""
        self._note = ("error" if error else "info", text)
        self._show_note()

    def note_of(self, kind: str, detail: Any) -> None:
        """Put the family's own note of this kind in the note line (see ``family_note``)."""
        self._note = (kind, detail)
        self._show_note()

    def retranslate(self) -> None:
        for i in range(self.type_picker.count()):
            self.type_picker.setItemText(i, self.type_label(self.type_picker.itemData(i)))
        self.mode.setItemText(0, self.tr("Lenient"))
        self.mode.setItemText(1, self.tr("Strict"))
        self.mode.setToolTip(self.tr("Strict holds the message to every field the document "
                                     "shows; lenient only to what delivery needs. Findings "
                                     "and Send both use this mode."))
        self.example_button.setText(self.tr("Example"))
        self.example_button.setToolTip(self.tr("Load the document's example of this type; "
                                               "the arrow lists every example"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("A fresh message of this type with today's "
                                           "defaults"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send it to the platform (Ctrl+Return)"))
        self.retranslate_family()
        self._title()
        if self.json_error is None:
            self._json_ok()
        else:
            self._show_json_error()
        self._show_note()
        if self.last_result is not None:
            self._show_verdict(self.last_result, show=False)
        self.findings.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._title()
            self._show_note()
            if self.last_result is not None:
                self._show_verdict(self.last_result, show=False)
        super().changeEvent(event)

    def fill_types(self) -> None:
        """Fill the picker from ``type_ids`` (the subclass calls it once it can)."""
        self.type_picker.clear()
        for type_id in self.type_ids():
            self.type_picker.addItem(self.type_label(type_id), type_id)
