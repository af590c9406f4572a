"""The list of an order's anomalies, each with the event it concerns and its explanation in
the language shown (the core gives every message in English and Chinese)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.timeline.model import Anomaly
from ui import theme

Index = QModelIndex | QPersistentModelIndex


class AnomalyList(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Anomaly] = []
        #: "en" or "zh": which message to show (the panel sets it).
        self.language: Callable[[], str] = lambda: "en"

    def set_rows(self, rows: list[Anomaly]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        """The language changed: the same rows, other words."""
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def message(self, anomaly: Anomaly) -> str:
        return anomaly.message_zh if self.language() == "zh" else anomaly.message

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"#{a.event_id}  {self.message(a)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            other = a.message if self.language() == "zh" else a.message_zh
            return f"{a.kind}\n{self.message(a)}\n{other}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(theme.error_colour())
        if role == Qt.ItemDataRole.UserRole:
            return a
        return None
