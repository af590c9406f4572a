"""The Live table's model: a list-backed QAbstractTableModel over the core's LiveRows.

Rows arrive in batches (one ``beginInsertRows`` per flush, DESIGN.md) and the oldest leave
once ``capacity`` is reached, counted in ``dropped``; the core's feed and the database keep
them. A QSortFilterProxyModel (``LiveFilter``) filters with the core's predicates, and being
dynamic it applies the filter to rows that arrive after it was set.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from app.live import LiveRow, make_filter
from ui import theme

Index = QModelIndex | QPersistentModelIndex

#: Rows the table holds; older ones are paged out (the core's feed and the database keep them).
CAPACITY = 50_000



class LiveModel(QAbstractTableModel):
    COLUMNS = ("time", "kind", "outcome", "who", "order", "topic", "summary")

    def __init__(self, parent: QObject | None = None, *, capacity: int = CAPACITY) -> None:
        super().__init__(parent)
        #: Plain tuples, which the garbage collector stops tracking (see LiveRow); ``row(i)``
        #: gives one back as a LiveRow.
        self.rows: list[tuple[Any, ...]] = []
        self.capacity = capacity
        self.dropped = 0
        self._headers: tuple[str, ...] = ()
        self.retranslate()

    @staticmethod
    def headers(_model: QObject | None = None) -> tuple[str, ...]:
        """The column titles, in the language now installed (the history model shares them)."""
        # Spelled out call by call: lupdate finds only literal translate() calls.
        return (QCoreApplication.translate("LiveModel", "Time"),
                QCoreApplication.translate("LiveModel", "Kind"),
                QCoreApplication.translate("LiveModel", "Outcome"),
                QCoreApplication.translate("LiveModel", "Who"),
                QCoreApplication.translate("LiveModel", "Order"),
                QCoreApplication.translate("LiveModel", "Topic"),
                QCoreApplication.translate("LiveModel", "Summary"))

    def retranslate(self) -> None:
        self._headers = self.headers(self)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    # --- feeding --------------------------------------------------------------------------

    def append(self, rows: Sequence[LiveRow]) -> None:
        if not rows:
            return
        rows = [tuple(r) for r in list(rows)[-self.capacity:]]
        overflow = len(self.rows) + len(rows) - self.capacity
        if overflow > 0:
            self.beginRemoveRows(QModelIndex(), 0, overflow - 1)
            del self.rows[:overflow]
            self.endRemoveRows()
            self.dropped += overflow
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows.clear()
        self.endResetModel()

    # --- Qt's side ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell(row, self.COLUMNS[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = theme.background(row[FIELD_INDEX["outcome"]])
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.UserRole:
            return LiveRow._make(row)
        return None

    def row(self, i: int) -> LiveRow:
        return LiveRow._make(self.rows[i])

    def all_rows(self) -> list[LiveRow]:
        make = LiveRow._make
        return [make(r) for r in self.rows]


FIELD_INDEX = {name: i for i, name in enumerate(LiveRow._fields)}


def cell(row: tuple[Any, ...], column: str) -> str:
    """A cell's text from a row (a LiveRow or the plain tuple the model keeps)."""
    if column == "time":
        at = row[FIELD_INDEX["at"]]
        millis = int(at * 1000) % 1000
        return time.strftime("%H:%M:%S", time.localtime(at)) + f".{millis:03d}"
    value = row[FIELD_INDEX[column]]
    return "" if value is None else str(value)


class LiveFilter(QSortFilterProxyModel):
    """Filters with ``app.live.make_filter``; ``set_filter`` raises FilterError for a filter
    that cannot be used, and then the previous one stays."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accepts: Callable[[LiveRow], bool] = lambda _row: True
        self.setDynamicSortFilter(True)

    def set_filter(self, text: str, mode: str) -> None:
        accepts = make_filter(text, mode)
        self.beginFilterChange()
        self._accepts = accepts
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, LiveModel)
        return self._accepts(model.row(source_row))
