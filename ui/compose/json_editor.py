"""The JSON side of Compose: a plain-text editor with line numbers, JSON syntax colours that
follow the light or dark theme, and a marked line where the text stops being JSON.

``set_text`` replaces the text as one undoable step (the form's edits can be undone here
too) without firing ``edited``; ``edited`` fires on the user's typing only. ``set_marks``
underlines the lines findings are about (errors and warnings in their colours), with the
findings as the line's tooltip: the family composers show their findings inline this way.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ui import theme

# One pass over a line: strings (keys when a colon follows), numbers, literals, punctuation.
_TOKENS = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*"?)(?P<colon>\s*:)?'
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<literal>\btrue\b|\bfalse\b|\bnull\b)"
    r"|(?P<punct>[{}\[\],:])"
)

#: A finding's path in parts: ``data.currentUser[1]["hangRemark "]``.
_PATH_PARTS = re.compile(r'\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]')

#: token → (light, dark) colour.
_COLOURS = {
    "key": ("#1e4fa0", "#8cc4ff"),
    "string": ("#2e7d32", "#a5d6a7"),
    "number": ("#b3541e", "#ffb074"),
    "literal": ("#7b1fa2", "#ce93d8"),
}


class JsonHighlighter(QSyntaxHighlighter):
    """Colours by token; reads the theme at highlight time, so ``rehighlight`` after a
    palette change is all a theme switch needs."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def _format(self, token: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(_COLOURS[token][1 if theme.is_dark() else 0]))
        if token == "key":
            fmt.setFontWeight(QFont.Weight.DemiBold)
        return fmt

    def highlightBlock(self, text: str) -> None:
        formats = {name: self._format(name) for name in _COLOURS}
        for match in _TOKENS.finditer(text):
            kind = match.lastgroup
            if match.group("string") is not None:
                start, end = match.span("string")
                self.setFormat(start, end - start,
                               formats["key" if match.group("colon") else "string"])
            elif kind in ("number", "literal"):
                start, end = match.span(kind)
                self.setFormat(start, end - start, formats[kind])


class _Gutter(QWidget):
    def __init__(self, editor: JsonEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        self.editor.paint_gutter(event)


class JsonEditor(QPlainTextEdit):
    """Edit JSON text; ``problem_line`` (1-based, 0 for none) is marked in the gutter."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jsonEditor")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)  # Tab moves on, as in a form; JSON needs no tabs
        self.highlighter = JsonHighlighter(self.document())
        self.problem_line = 0
        #: Line (1-based) → [(is an error, what to say)], from ``set_marks``.
        self.marks: dict[int, list[tuple[bool, str]]] = {}
        self._setting = False
        self.gutter = _Gutter(self)
        self.blockCountChanged.connect(lambda _n: self._fit_gutter())
        self.updateRequest.connect(self._scroll_gutter)
        self.textChanged.connect(self._changed)
        self._fit_gutter()

    # --- text -----------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Replace the text (one undo step), keeping the scroll position; silent."""
        if text == self.toPlainText():
            return
        bar = self.verticalScrollBar().value()
        position = self.textCursor().position()
        self._setting = True
        try:
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
            cursor.endEditBlock()
            cursor.setPosition(min(position, len(text)))
            self.setTextCursor(cursor)
        finally:
            self._setting = False
        self.verticalScrollBar().setValue(bar)

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def set_problem(self, line: int, column: int = 0) -> None:
        """Mark this line (0: none) with the error colour."""
        self.problem_line = line
        self._select()

    def set_marks(self, marks: list[tuple[int, bool, str]]) -> None:
        """Underline these lines: (line 1-based, is an error, what to say on hover); lines
        below 1 are left out. Replaces the marks before."""
        self.marks = {}
        for line, error, text in marks:
            if line > 0:
                self.marks.setdefault(line, []).append((error, text))
        self._select()

    def _select(self) -> None:
        selections = []
        if self.problem_line > 0:
            selection = QTextEdit.ExtraSelection()
            colour = QColor(theme.error_colour())
            colour.setAlpha(60)
            selection.format.setBackground(colour)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(self.document().findBlockByNumber(self.problem_line - 1))
            selection.cursor = cursor
            selections.append(selection)
        for line, marks in self.marks.items():
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            text = block.text()
            indent = len(text) - len(text.lstrip())
            selection = QTextEdit.ExtraSelection()
            error = any(e for e, _ in marks)
            selection.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            selection.format.setUnderlineColor(theme.error_colour() if error
                                               else theme.strong("retry"))
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + indent)
            cursor.setPosition(block.position() + max(len(text.rstrip()), indent + 1),
                               QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
        self.gutter.update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.marks:
            line = self.cursorForPosition(event.pos()).blockNumber() + 1  # type: ignore[attr-defined]
            marks = self.marks.get(line)
            if marks:
                QToolTip.showText(event.globalPos(),  # type: ignore[attr-defined]
                                  "\n".join(text for _, text in marks), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def go_to(self, line: int, column: int = 1) -> None:
        """Put the cursor at this line and column (1-based) and show it."""
        block = self.document().findBlockByNumber(max(line - 1, 0))
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right, n=max(
            min(column - 1, block.length() - 1), 0))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def line_of_path(self, path: str) -> int:
        """The line (1-based) where a finding's path is in the text, found by walking its
        keys in order (``[i]`` skips to the i-th next key); 0 when even the first key is not
        there. A missing field lands on its parent's line."""
        text = self.toPlainText()
        position, found, skip = 0, -1, 0
        for plain, index, quoted in _PATH_PARTS.findall(path):
            if index:
                skip = int(index)
                continue
            key = plain or quoted.replace('\\"', '"').replace("\\\\", "\\")
            at = text.find(f'"{key}"', position)
            for _ in range(skip):
                if at < 0:
                    break
                at = text.find(f'"{key}"', at + 1)
            skip = 0
            if at < 0:
                break
            position = found = at
        return text.count("\n", 0, found) + 1 if found >= 0 else 0

    # --- the gutter -----------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(digits, 2)

    def _fit_gutter(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        r = self.contentsRect()
        self.gutter.setGeometry(QRect(r.left(), r.top(), self.gutter_width(), r.height()))

    def paint_gutter(self, event) -> None:
        painter = QPainter(self.gutter)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                problem = number + 1 == self.problem_line
                marks = self.marks.get(number + 1)
                if problem or (marks and any(e for e, _ in marks)):
                    painter.setPen(theme.error_colour())
                elif marks:
                    painter.setPen(theme.strong("retry"))
                else:
                    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(0, top, self.gutter.width() - 5, height,
                                 Qt.AlignmentFlag.AlignRight, str(number + 1))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.rehighlight()
            self._select()
        super().changeEvent(event)
