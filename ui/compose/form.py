"""A form generated from a catalogue message type: one row per field, in the spec's order.

- Required fields (the table's "Y") carry a mark; each label shows the field's name, its
  Chinese description as the spec writes it, and a tooltip with the English meaning, the
  type as written and the spec's quirks around it.
- Enumerations are combos of "code — meaning"; ``yyyyMMddHHmmss`` times have a picker;
  objects are nested forms, and arrays of objects (reqVariables, currentUser, supUser …) are
  lists of nested forms with add and remove.
- A field that is not in the body is *absent* (shown greyed with "not sent"), which is not
  the same as an empty string: typing into it adds it, the ✕ button removes it again.
- Keys the catalogue does not know (``userid`` of the spec's example, key drift) are kept,
  listed under "Other keys" and editable: the form never drops what the JSON holds.
- A value of another type than the table's (a number for a String, changeId 5's currentUser
  as an array) gets the editor that fits the value, not the table, so nothing is converted
  unasked.

``data()`` gives the body back in the order of the keys it was given (new ones after), and
``edited`` fires on user edits only: ``set_data`` is silent, so the panel can mirror one into
the other without loops. ``mark(findings)`` shows findings beside their fields.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.findings import Finding, Severity, join_path
from app.catalog.model import Field, JsonType
from ui import theme
from ui.compose.editors import EnumEditor, RawEditor, TextEditor, TimeEditor


def _kind(field: Field | None, value: Any) -> str:
    """Which editor a value gets: by the value's shape first, then by the field."""
    if isinstance(value, dict):
        return "object" if field is not None and field.items else "raw"
    if isinstance(value, list):
        if field is not None and field.items and all(isinstance(v, dict) for v in value):
            return "list"
        return "raw"
    if not isinstance(value, str):  # a number, a boolean, null
        return "raw"
    if field is None:
        return "text"
    if field.type is not JsonType.STRING:  # a string where the table wants more
        return "raw"
    if field.enum is not None:
        return "enum"
    return "time" if field.time else "text"


#: How much of a field's Chinese description its label shows (the tooltip has it all).
LABEL_CHARS = 14


def discard(widget: QWidget) -> None:
    """Take a widget out of view now and delete it later: a deleteLater alone leaves it
    drawn over its replacement until the event loop runs."""
    widget.hide()
    widget.setParent(None)  # type: ignore[call-overload]
    widget.deleteLater()


class Row(QWidget):
    """One field of a form: its label, its editor, and whether it is in the body at all."""

    edited = Signal()

    def __init__(self, key: str, field: Field | None, path: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.key, self.field, self.path = key, field, path
        self.present = False
        self.kind = ""
        self.editor: QWidget | None = None
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        # No wrapping: a wrapped label's height is not known to the form's size hint, and
        # the scroll area would squeeze the rows; long descriptions are cut (tooltip: all).
        self.label.setWordWrap(False)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.add = QPushButton()
        self.add.setFlat(True)
        self.add.clicked.connect(self._add)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        self.remove.clicked.connect(self._remove)
        self.note = QLabel()  # the finding, inline under the editor
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings: list[Finding] = []

        self.line = QHBoxLayout()
        self.line.setContentsMargins(0, 0, 0, 0)
        self.line.setSpacing(2)
        self.line.addWidget(self.add)
        self.line.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addLayout(self.line)
        box.addWidget(self.note)
        self.set_value(None, present=False)
        self.retranslate()

    # --- value ----------------------------------------------------------------------------

    def set_value(self, value: Any, present: bool = True) -> None:
        kind = _kind(self.field, value if present else self._blank())
        if kind != self.kind:
            self._make_editor(kind)
        self.present = present
        assert self.editor is not None
        self.editor.set_value(value if present else self._blank())  # type: ignore[attr-defined]
        self._show_presence()

    def value(self) -> Any:
        assert self.editor is not None
        return self.editor.value()  # type: ignore[attr-defined]

    def _blank(self) -> Any:
        """What an absent field starts from when the user adds it."""
        f = self.field
        if f is not None and f.items and f.type is JsonType.ARRAY:
            return [{}]
        if f is not None and f.items and f.type is JsonType.OBJECT:
            return {}
        return ""

    def _make_editor(self, kind: str) -> None:
        if self.editor is not None:
            self.line.removeWidget(self.editor)
            discard(self.editor)
        f = self.field
        if kind == "enum" and f is not None and f.enum is not None:
            editor: QWidget = EnumEditor(f.enum)
        elif kind == "time":
            editor = TimeEditor()
        elif kind == "object" and f is not None:
            editor = ObjectEditor(f, self.path, multi=JsonType.ARRAY in f.also)
        elif kind == "list" and f is not None:
            editor = ListEditor(f, self.path)
        elif kind == "raw":
            editor = RawEditor()
        else:
            editor = TextEditor()
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        editor.edited.connect(self._edited)  # type: ignore[attr-defined]
        if isinstance(editor, ObjectEditor | ListEditor):
            editor.becomes_list.connect(self._becomes_list)
        self.line.insertWidget(0, editor, 1)
        self.editor, self.kind = editor, kind
        self.retranslate()

    def _edited(self) -> None:
        self.present = True
        self._show_presence()
        self.edited.emit()

    def _becomes_list(self, items: list) -> None:
        """An Object field that production sends as an array (changeId 5 currentUser): the
        user asked for a second element, so it becomes a list, as the example sends it."""
        self._make_editor("list")
        self.set_value(items)
        self.edited.emit()

    def _add(self) -> None:
        self.set_value(self._blank())
        self.edited.emit()
        self.focus_editor()

    def _remove(self) -> None:
        self.set_value(None, present=False)
        self.edited.emit()

    def _show_presence(self) -> None:
        composite = self.kind in ("object", "list")
        assert self.editor is not None
        # An absent object or list is one "add" button; an absent scalar is an empty editor
        # that says "not sent" and becomes present on the first key press.
        self.editor.setVisible(self.present or not composite)
        self.add.setVisible(not self.present and composite)
        self.remove.setVisible(self.present)
        if not composite:
            self.editor.setProperty("absent", not self.present)
            editor = self.editor.line if isinstance(self.editor, TimeEditor) else self.editor
            if isinstance(editor, EnumEditor):
                editor = editor.lineEdit()
            editor.setPlaceholderText(  # type: ignore[attr-defined]
                self.tr("not sent — type to add") if not self.present
                else ("yyyyMMddHHmmss" if self.kind == "time" else ""))

    def focus_editor(self) -> None:
        if self.editor is not None and self.editor.isVisible():
            self.editor.focus_editor()  # type: ignore[attr-defined]
        else:
            self.add.setFocus()

    # --- text -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        f = self.field
        self.add.setText(self.tr("+ Add %1").replace("%1", self.key))
        self.remove.setToolTip(self.tr("Remove %1 from the body (not sent)").replace(
            "%1", self.key))
        self.relabel()
        if f is None:
            self.label.setToolTip(self.tr("Not in the spec's table for this changeId: kept as "
                                          "it is, and reported by validation."))
            return
        tip = [f"<b>{html.escape(self.key)}</b> — {html.escape(f.en)}",
               html.escape(f.zh).replace("\n", "<br>"),
               self.tr("Type in the spec: %1").replace("%1", html.escape(f.spec_type or "—"))
               + (" · " + self.tr("required") if f.required else " · " + self.tr("optional"))]
        if f.time:
            tip.append(self.tr("A time as yyyyMMddHHmmss, e.g. 20190802161622"))
        if f.enum is not None:
            tip.append(html.escape(f.enum.describe()))
        tip += [f"⚠ {html.escape(q)}" for q in f.quirks]
        self.label.setToolTip("<br>".join(tip))
        if isinstance(self.editor, TimeEditor):
            self.editor.retranslate()

    def relabel(self) -> None:
        """The label in the palette's colours (again after a theme switch)."""
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        name = html.escape(self.key)
        if self.key != self.key.strip() or not self.key:
            name = html.escape(repr(self.key))  # a trailing space stays visible
        f = self.field
        star = (f' <span style="color:{theme.error_colour().name()}">*</span>'
                if f is not None and f.required else "")
        sub = f.short_zh if f is not None else self.tr("not in the spec's table")
        sub = html.escape(sub if len(sub) <= LABEL_CHARS else sub[:LABEL_CHARS - 1] + "…")
        self.label.setText(f"{name}{star}<br><span style=\"color:{muted}; font-size:small\">"
                           f"{sub}</span>")

    # --- findings -------------------------------------------------------------------------

    def mark(self, findings: list[Finding]) -> None:
        self.findings = findings
        editor = self.editor
        if not findings:
            self.note.setVisible(False)
            if editor is not None and self.kind not in ("object", "list"):
                editor.setStyleSheet("")
                editor.setToolTip("")
            return
        error = any(f.severity is Severity.ERROR for f in findings)
        colour = (theme.error_colour() if error else theme.strong("retry")).name()
        text = "\n".join(f.message + (f" — {f.hint}" if f.hint else "") for f in findings)
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {colour}; font-size: small")
        self.note.setVisible(True)
        if editor is not None and self.kind not in ("object", "list"):
            editor.setStyleSheet(f"border: 1px solid {colour}; border-radius: 2px; "
                                 "padding: 1px")
            editor.setToolTip(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.relabel()
            self.mark(self.findings)
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show_presence()
        super().changeEvent(event)


class Form(QWidget):
    """The rows of one object: the fields of a message type (or of a nested object), then
    the keys the catalogue does not know."""

    edited = Signal()

    def __init__(self, fields: Sequence[Field], path: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = tuple(fields)
        self.path = path
        self.rows: dict[str, Row] = {}
        self.order: list[str] = []  # the keys of the body given, in its order
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.setVerticalSpacing(6)
        self.extras_title = QLabel()
        self.extras_title.setVisible(False)
        for f in self.fields:
            self._add_row(f.name, f)
        self.layout_.addRow(self.extras_title)
        self.retranslate()

    def _add_row(self, key: str, field: Field | None) -> Row:
        row = Row(key, field, join_path(self.path, key))
        row.edited.connect(self.edited)
        self.rows[key] = row
        self.layout_.addRow(row.label, row)
        return row

    def set_data(self, data: dict[str, Any]) -> None:
        """Show this body (silently: ``edited`` does not fire)."""
        known = {f.name for f in self.fields}
        for key in [k for k in self.rows if k not in known and k not in data]:
            row = self.rows.pop(key)  # an unknown key that is gone from the body
            self.layout_.removeRow(row)
        for key, value in data.items():
            row = self.rows.get(key) or self._add_row(key, None)
            row.set_value(value)
        for key, row in self.rows.items():
            if key not in data:
                row.set_value(None, present=False)
        self.order = list(data)
        self.extras_title.setVisible(any(k not in known for k in self.rows))

    def data(self) -> dict[str, Any]:
        """The body as the form holds it: given keys in their order, added ones after."""
        out: dict[str, Any] = {}
        for key in self.order:
            row = self.rows.get(key)
            if row is not None and row.present:
                out[key] = row.value()
        for key, row in self.rows.items():
            if row.present and key not in out:
                out[key] = row.value()
        return out

    def all_rows(self) -> Iterable[Row]:
        """Every row, nested ones included."""
        for row in self.rows.values():
            yield row
            editor = row.editor
            if isinstance(editor, ObjectEditor | ListEditor):
                for form in editor.forms:
                    yield from form.all_rows()

    def row_for(self, path: str) -> Row | None:
        """The row a finding's path names, or the nearest row above it."""
        rows = {r.path: r for r in self.all_rows()}
        while path:
            if path in rows:
                return rows[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                return None
            path = path[:cut]
        return None

    def mark(self, findings: Iterable[Finding]) -> list[Finding]:
        """Show findings beside their rows; returns those that belong to no row."""
        by_row: dict[int, list[Finding]] = {}
        rows = list(self.all_rows())
        unplaced = []
        for finding in findings:
            row = self.row_for(finding.path)
            if row is None:
                unplaced.append(finding)
            else:
                by_row.setdefault(id(row), []).append(finding)
        for row in rows:
            row.mark(by_row.get(id(row), []))
        return unplaced

    def retranslate(self) -> None:
        self.extras_title.setText(self.tr("Other keys (not in the spec's table)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ObjectEditor(QFrame):
    """An object field as a nested form in a frame. ``multi``: production sends a list here
    too (currentUser of changeId 5), so "add another" turns it into a list."""

    edited = Signal()
    becomes_list = Signal(list)

    def __init__(self, field: Field, path: str, multi: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.form = Form(field.items, path)
        self.forms = [self.form]
        self.form.edited.connect(self.edited)
        self.another = QPushButton()
        self.another.setFlat(True)
        self.another.setVisible(multi)
        self.another.clicked.connect(
            lambda: self.becomes_list.emit([self.form.data(), {}]))
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(self.form)
        box.addWidget(self.another, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.another.setText(self.tr("+ Another (sends a list, as the spec's example does)"))

    def value(self) -> Any:
        return self.form.data()

    def set_value(self, value: Any) -> None:
        self.form.set_data(value if isinstance(value, dict) else {})

    def focus_editor(self) -> None:
        rows = list(self.form.rows.values())
        if rows:
            rows[0].focus_editor()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ListEditor(QFrame):
    """An array of objects (reqVariables, variables, currentUser, supUser): one nested form
    per element, each removable, and "add" for another."""

    edited = Signal()
    becomes_list = Signal(list)  # never: already a list (the Row connects both alike)

    def __init__(self, field: Field, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.field, self.path = field, path
        self.forms: list[Form] = []
        self.frames: list[QWidget] = []
        self.items = QVBoxLayout()
        self.items.setContentsMargins(0, 0, 0, 0)
        self.append = QPushButton()
        self.append.setFlat(True)
        self.append.clicked.connect(self._append)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addLayout(self.items)
        box.addWidget(self.append, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.append.setText(self.tr("+ Add an element"))
        for i, frame in enumerate(self.frames):
            frame.findChild(QLabel, "itemTitle").setText(  # type: ignore[union-attr]
                self.tr("Element %1").replace("%1", str(i)))
            frame.findChild(QToolButton, "itemRemove").setToolTip(  # type: ignore[union-attr]
                self.tr("Remove this element"))

    def _build(self, count: int) -> None:
        while len(self.forms) > count:
            self.forms.pop()
            frame = self.frames.pop()
            self.items.removeWidget(frame)
            discard(frame)
        while len(self.forms) < count:
            i = len(self.forms)
            frame = QWidget()
            title = QLabel()
            title.setObjectName("itemTitle")
            remove = QToolButton()
            remove.setObjectName("itemRemove")
            remove.setText("✕")
            remove.setAutoRaise(True)
            remove.clicked.connect(lambda _c=False, f=frame: self._remove(f))
            head = QHBoxLayout()
            head.setContentsMargins(0, 0, 0, 0)
            head.addWidget(title, 1)
            head.addWidget(remove)
            form = Form(self.field.items, f"{self.path}[{i}]")
            form.edited.connect(self.edited)
            box = QVBoxLayout(frame)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(0)
            box.addLayout(head)
            box.addWidget(form)
            self.items.addWidget(frame)
            self.forms.append(form)
            self.frames.append(frame)
        self.retranslate()

    def _remove(self, frame: QWidget) -> None:
        values = self.value()
        del values[self.frames.index(frame)]
        self.set_value(values)
        self.edited.emit()

    def _append(self) -> None:
        self.set_value([*self.value(), {}])
        self.edited.emit()

    def value(self) -> Any:
        return [form.data() for form in self.forms]

    def set_value(self, value: Any) -> None:
        items = [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
        self._build(len(items))
        for form, item in zip(self.forms, items, strict=True):
            form.set_data(item)

    def focus_editor(self) -> None:
        if self.forms and self.forms[0].rows:
            next(iter(self.forms[0].rows.values())).focus_editor()
        else:
            self.append.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
