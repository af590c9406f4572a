"""The events sent from Compose: what was sent and the verdict, newest first. Bounded (the
newest LIMIT are kept); double-clicking one opens its body in the editor again."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from ui import theme

Index = QModelIndex | QPersistentModelIndex

#: How many sent events the history keeps.
LIMIT = 500


@dataclass(slots=True)
class Sent:
    """One event sent: its body, and the engine's verdict (Accepted/Rejected.to_json())."""

    body: dict[str, Any]
    result: dict[str, Any]
    at: float = field(default_factory=time.time)

    @property
    def accepted(self) -> bool:
        return "eventId" in self.result

    @property
    def change_id(self) -> str:
        value = self.body.get("changeId")
        return value if isinstance(value, str) else ""

    @property
    def order_id(self) -> str:
        data = self.body.get("data")
        value = data.get("serviceOrderId") if isinstance(data, dict) else None
        return value if isinstance(value, str) else ""


class HistoryModel(QAbstractTableModel):
    """Columns: time, verdict, changeId, order, result."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Sent] = []  # newest first

    def add(self, entry: Sent) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.entries.insert(0, entry)
        self.endInsertRows()
        if len(self.entries) > LIMIT:
            self.beginRemoveRows(QModelIndex(), LIMIT, len(self.entries) - 1)
            del self.entries[LIMIT:]
            self.endRemoveRows()

    def entry(self, row: int) -> Sent | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return time.strftime("%H:%M:%S", time.localtime(e.at))
            if column == 1:
                return self.tr("accepted") if e.accepted else self.tr("rejected")
            if column == 2:
                return e.change_id
            if column == 3:
                return e.order_id
            return self._result(e)
        if role == Qt.ItemDataRole.BackgroundRole:
            return theme.background("ok" if e.accepted else "rejected")
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return self._result(e)
        return None

    def _result(self, e: Sent) -> str:
        r = e.result
        if e.accepted:
            codes = ", ".join(d.get("baseCode", "") for d in r.get("deliveries", []))
            text = self.tr("event #%1 → %n delivery(ies)", "", len(r.get("deliveries", []))
                           ).replace("%1", str(r["eventId"]))
            return f"{text}: {codes}" if codes else text
        errors = r.get("errors", [])
        first = errors[0] if errors else {}
        head = f"{first.get('path') or '$'}: {first.get('message', '')}" if first else ""
        return self.tr("%1, %n finding(s)", "", len(errors)).replace(
            "%1", str(r.get("reason", ""))) + (f" — {head}" if head else "")

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            return (self.tr("Time"), self.tr("Verdict"), self.tr("changeId"),
                    self.tr("Order"), self.tr("Result"))[section]
        return None
