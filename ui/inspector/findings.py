"""The Inspector's findings: one card per finding, errors first — the severity in its colour,
the JSON path and the field's Chinese name, the message, and the hint under it. Cards wrap
to the dock's width (a long id with no space breaks anywhere rather than being clipped).
Clicking one, or Enter on it, emits ``chosen(Finding)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.catalog.findings import Finding, Severity, errors_first
from ui import theme

Index = QModelIndex | QPersistentModelIndex

#: Findings shown at most (errors first): thousands of cards help nobody and cost seconds.
MAX_SHOWN = 500
#: Severity → (light, dark) text colour, each readable on its theme's base colour (≥ 4.5:1).
COLOURS = {Severity.ERROR: ("#b71c1c", "#ff6b6b"), Severity.WARNING: ("#8a5300", "#ffb74d")}
#: Pixels: the severity stripe, the padding inside a card, the gap between its lines.
STRIPE, PAD, GAP = 4, 6, 2


def severity_colour(severity: Severity) -> QColor:
    return QColor(COLOURS[severity][1 if theme.is_dark() else 0])


class FindingCardsModel(QAbstractListModel):
    """The findings of the inspection shown, replaced whole each time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.total = 0

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        ordered = errors_first(list(findings))
        self.total = len(ordered)
        self.findings = ordered[:MAX_SHOWN]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def severity_text(self, finding: Finding) -> str:
        return self.tr("error") if finding.severity is Severity.ERROR else self.tr("warning")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        f = self.findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            label = f" ({f.label_zh})" if f.label_zh else ""
            hint = f" — {f.hint}" if f.hint else ""
            return f"{self.severity_text(f)}: {f.path or '$'}{label}: {f.message}{hint}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Click to show this field in the Tree") if f.path else None
        if role == Qt.ItemDataRole.UserRole:
            return f
        return None


class FindingDelegate(QStyledItemDelegate):
    """Paints a finding as a card of wrapped lines; its height follows the view's width."""

    def __init__(self, model: FindingCardsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def _blocks(self, finding: Finding, font: QFont) -> list[tuple[str, QFont, str]]:
        """(text, font, role) per line block: head, message, hint."""
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        head = f"{self.model.severity_text(finding)}   {finding.path or '$'}"
        if finding.label_zh:
            head += f"   {finding.label_zh}"
        blocks = [(head, bold, "head"), (finding.message, font, "text")]
        if finding.hint:
            blocks.append(("→ " + finding.hint, small, "hint"))
        return blocks

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        finding = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(finding, Finding):
            return super().sizeHint(option, index)
        width = self._text_width(option)
        height = 2 * PAD + sum(_wrapped(text, font, width)[1] + GAP
                               for text, font, _role in self._blocks(finding, option.font))
        return QSize(width + STRIPE + 2 * PAD, height)

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else \
            option.rect.width()
        return max(120, width - STRIPE - 2 * PAD - 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        finding = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(finding, Finding):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        rect = opt.rect
        painter.save()
        painter.fillRect(QRect(rect.x(), rect.y() + 2, STRIPE, rect.height() - 4),
                         severity_colour(finding.severity))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))  # one card from the next
        painter.drawLine(rect.x() + STRIPE + PAD, rect.bottom(), rect.right() - PAD,
                         rect.bottom())
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        muted = text_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        x = rect.x() + STRIPE + PAD
        y = rect.y() + PAD
        width = rect.width() - STRIPE - 2 * PAD
        for text, font, role in self._blocks(finding, opt.font):
            layout, height = _wrapped(text, font, width)
            colour = text_colour
            if role == "head" and not selected:
                colour = severity_colour(finding.severity)
            elif role == "hint":
                colour = muted
            painter.setPen(colour)
            layout.draw(painter, QPointF(x, y))
            y += height + GAP
        painter.restore()


def _wrapped(text: str, font: QFont, width: int) -> tuple[QTextLayout, int]:
    """``text`` laid out in ``width`` pixels, at a word boundary where there is one."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, int(height + 0.999)


class FindingsView(QListView):
    """The cards; ``chosen(Finding)`` on click or Enter."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings = FindingCardsModel(self)
        self.setModel(self.findings)
        self.setItemDelegate(FindingDelegate(self.findings, self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # heights follow the width
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(2)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)

    def set_findings(self, findings: list[Finding]) -> None:
        self.findings.set_findings(findings)

    def _on_clicked(self, index: QModelIndex) -> None:
        finding = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.chosen.emit(finding)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour
            self.viewport().update()
        elif event.type() == QEvent.Type.LanguageChange:  # "error" is "错误": new heights
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)
