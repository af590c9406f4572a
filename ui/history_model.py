"""The Live table's history mode: one kind of row, read from SQLite a page at a time.

rowCount is the database's count, and ``data`` asks the core's History for the row at a
position, which reads whole pages and keeps the last few: a view over a million rows reads
only the pages it shows, so opening it and jumping to the end costs one count and one page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from app.live_history import History
from ui import theme
from ui.live_model import Index, LiveModel, cell


class HistoryModel(QAbstractTableModel):
    COLUMNS = LiveModel.COLUMNS

    def __init__(self, history: History, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self._rows = history.count
        self._headers = LiveModel.headers()

    def retranslate(self) -> None:
        self._headers = LiveModel.headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def refresh(self) -> int:
        """Rows written since: appended at the end. Returns how many arrived."""
        before = self._rows
        after = self.history.refresh()
        if after < before:  # rows went away (MQ publishes undone by a replay): start over
            self.beginResetModel()
            self._rows = after
            self.endResetModel()
        elif after > before:
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self._rows = after
            self.endInsertRows()
        return max(0, after - before)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.UserRole):
            return None
        row = self.history.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            return theme.background(row.outcome)
        return cell(row, self.COLUMNS[index.column()])
