"""Coverage: data areas × changeIds, and which subscriptions receive each combination.

A row is a data area (the catalogue's, then any a subscription names that the catalogue
lacks), a column a changeId in the catalogue's order. A cell counts the enabled
subscriptions that match that event; its tooltip names them, and the disabled ones that would
match if enabled. An empty cell is an event nobody receives — what an integrator looks for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from app.catalog.model import MessageType
from app.routing.dataareas import DataArea
from app.routing.subscription import Subscription
from ui import theme

Index = QModelIndex | QPersistentModelIndex

#: The cell's receivers (enabled, matching), a tuple of baseCodes.
RECEIVERS_ROLE = Qt.ItemDataRole.UserRole
#: The cell's (dataArea, changeId).
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Cell:
    receivers: tuple[str, ...]
    disabled: tuple[str, ...]


def live_filter(data_area: str, change_id: str) -> str:
    """The Live regex that shows this cell's traffic: the accepted events of this changeId
    in this data area, and their MQ publishes (topic wo/push/<baseCode>/<dataArea>)."""
    area = re.escape(data_area)
    return (rf"events/{re.escape(change_id)}/{area}\b"
            rf"|wo/push/[^/ ]+/{area} .*changeId {re.escape(change_id)} published")


class CoverageModel(QAbstractTableModel):
    """Scriptable: ``cell(area, change_id)`` → Cell; ``areas``, ``changes`` list the axes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.areas: list[DataArea] = []
        self.changes: list[MessageType] = []
        self.cells: list[list[Cell]] = []
        self.subscriptions = 0

    def rebuild(self, areas: Iterable[DataArea], changes: Sequence[MessageType],
                subs: Sequence[Subscription]) -> None:
        """Recount every cell (areas × changeIds × subscriptions, all in memory)."""
        area_list = list(areas)
        known = {a.code for a in area_list}
        for sub in subs:  # areas subscribed to but missing from the catalogue still show
            for code in sub.data_areas:
                if code != "*" and code not in known:
                    known.add(code)
                    area_list.append(DataArea(code, ""))
        cells = []
        for area in area_list:
            row = []
            for change in changes:
                on, off = [], []
                for sub in subs:
                    if sub.covers_area(area.code) and change.id in sub.change_ids:
                        (on if sub.enabled else off).append(sub.base_code)
                row.append(Cell(tuple(on), tuple(off)))
            cells.append(row)
        same_shape = ([a.code for a in area_list] == [a.code for a in self.areas]
                      and [c.id for c in changes] == [c.id for c in self.changes])
        if same_shape:
            self.areas, self.cells, self.subscriptions = area_list, cells, len(subs)
            if cells and changes:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(cells) - 1, len(changes) - 1))
            if area_list:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(area_list) - 1)
            return
        self.beginResetModel()
        self.areas, self.changes, self.cells = area_list, list(changes), cells
        self.subscriptions = len(subs)
        self.endResetModel()

    def cell(self, data_area: str, change_id: str) -> Cell | None:
        for r, area in enumerate(self.areas):
            if area.code == data_area:
                for c, change in enumerate(self.changes):
                    if change.id == change_id:
                        return self.cells[r][c]
        return None

    def uncovered(self) -> int:
        """Cells of supported changeIds that no enabled subscription receives."""
        return sum(1 for row in self.cells for c, cell in enumerate(row)
                   if not cell.receivers and self.changes[c].supported)

    # --- Qt's side -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.areas)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.changes):
            change = self.changes[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{change.id}\n{change.zh.split('（')[0]}"
            if role == Qt.ItemDataRole.ToolTipRole:
                text = f"changeId {change.id}: {change.zh} · {change.en}"
                return text if change.supported else text + "\n" + self.tr(
                    "Not supported: the router refuses it unless \"allow unsupported "
                    "events\" is on")
            if role == Qt.ItemDataRole.ForegroundRole and not change.supported:
                return QBrush(theme.strong("pending"))
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.areas):
            area = self.areas[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{area.code}  {area.name}" if area.name else area.code
            if role == Qt.ItemDataRole.ToolTipRole and not area.name:
                return self.tr("%1 is named by a subscription but is not in the data-area "
                               "catalogue").replace("%1", area.code)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.cells)
                                       and 0 <= index.column() < len(self.changes)):
            return None
        cell = self.cells[index.row()][index.column()]
        area, change = self.areas[index.row()], self.changes[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            count = len(cell.receivers)
            return str(count) if count or not cell.disabled else f"0 (+{len(cell.disabled)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, area, change)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            outcome = ("ok" if cell.receivers else "failed" if cell.disabled
                       else None)
            colour = theme.background(outcome) if outcome else None
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and not change.supported:
            return QBrush(theme.strong("pending"))
        if role == RECEIVERS_ROLE:
            return cell.receivers
        if role == CELL_ROLE:
            return (area.code, change.id)
        return None

    def _tooltip(self, cell: Cell, area: DataArea, change: MessageType) -> str:
        head = f"{area.code} × changeId {change.id} {change.zh}"
        lines = [head]
        if cell.receivers:
            lines.append(self.tr("Received by: %1").replace("%1", ", ".join(cell.receivers)))
        else:
            lines.append(self.tr("No enabled subscription receives this event."))
        if cell.disabled:
            lines.append(self.tr("Would also match, but disabled: %1").replace(
                "%1", ", ".join(cell.disabled)))
        lines.append(self.tr("Double-click: show this traffic in Live"))
        return "\n".join(lines)
