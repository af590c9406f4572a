"""What validation says about the body being composed: a list of findings (errors first),
each with its severity, JSON path, the field's Chinese name, the message and the fix.
Activating one asks the panel to show that field (``chosen``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.catalog.findings import Finding, Severity, errors_first
from ui import theme

Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractTableModel):
    """The findings of the last validation; replaced whole each time (they are few)."""

    COLUMNS = 3  # severity, path, message — hint

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = errors_first(list(findings))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.findings):
            return None
        f = self.findings[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.tr("error") if f.severity is Severity.ERROR else self.tr("warning")
            if column == 1:
                label = f" ({f.label_zh})" if f.label_zh else ""
                return (f.path or "$") + label
            return f.message + (f" — {f.hint}" if f.hint else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(f)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return theme.error_colour() if f.severity is Severity.ERROR \
                else theme.strong("retry")
        if role == Qt.ItemDataRole.UserRole:
            return f
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return (self.tr("Severity"), self.tr("Field"), self.tr("What and how to fix"))[
                section]
        return None


class FindingsList(QWidget):
    """A summary line and the findings table; ``chosen(Finding)`` on click or Enter."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 200)
        self.table.clicked.connect(self._chosen)
        self.table.activated.connect(self._chosen)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        self.mode = ""
        self.note = ""
        self.show_findings([], "")

    def _chosen(self, index: QModelIndex) -> None:
        finding = self.model.data(index, Qt.ItemDataRole.UserRole)
        if finding is not None:
            self.chosen.emit(finding)

    def show_findings(self, findings: list[Finding], mode: str, note: str = "") -> None:
        """Show these findings of a validation in ``mode``; ``note`` replaces the summary
        when there is nothing to validate (JSON that does not parse, no platform yet)."""
        self.model.set_findings(findings)
        self.mode, self.note = mode, note
        self.retranslate()

    def retranslate(self) -> None:
        findings = self.model.findings
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = len(findings) - errors
        if self.note:
            text, colour = self.note, theme.error_colour().name()
        elif not findings:
            text = (self.tr("Valid in strict mode: no findings.") if self.mode == "strict"
                    else self.tr("Valid in lenient mode: no findings."))
            colour = theme.strong("ok").name()
        else:
            text = (self.tr("%n error(s)", "", errors) + ", "
                    + self.tr("%n warning(s)", "", warnings) + " — "
                    + self.tr("click one to go to its field"))
            colour = (theme.error_colour() if errors else theme.strong("retry")).name()
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {colour}")

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate()
        super().changeEvent(event)
