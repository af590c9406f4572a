"""How the inspected payload would be routed, as a small table: target (a subscriber's
baseCode, a userID, or the platform), verdict in its outcome's colour, what decides it, and
the MQ topic it would be published on. Compact (a narrow dock), the topic goes under the
reason and its own column is hidden, so the reason keeps room to be read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from app.inspector import Route
from ui import theme

Index = QModelIndex | QPersistentModelIndex

#: Verdict → the outcome whose colour it takes (ui.theme).
OUTCOMES = {"delivered": "ok", "not-delivered": "pending", "refused": "failed",
            "info": "info"}
TARGET, VERDICT, DETAIL, TOPIC = range(4)


class RoutingModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.routes: list[Route] = []
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            if self.routes:
                self.dataChanged.emit(self.index(0, DETAIL),
                                      self.index(len(self.routes) - 1, DETAIL))

    def set_routes(self, routes: list[Route]) -> None:
        self.beginResetModel()
        self.routes = list(routes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.routes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def verdict_text(self, verdict: str) -> str:
        return {"delivered": self.tr("delivered"), "not-delivered": self.tr("not delivered"),
                "refused": self.tr("refused"), "info": self.tr("note")}.get(verdict, verdict)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.routes):
            return None
        route, column = self.routes[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            detail = route.detail
            if self.compact and route.topic:
                detail += "\n→ " + route.topic
            return (route.target, self.verdict_text(route.verdict), detail,
                    route.topic or "")[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == VERDICT:
            return theme.strong(OUTCOMES.get(route.verdict, "info"))
        if role == Qt.ItemDataRole.FontRole and column == VERDICT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return route
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < 4:
            return (self.tr("Target"), self.tr("Verdict"), self.tr("Why"),
                    self.tr("MQ topic"))[section]
        return None

    def refresh(self) -> None:
        """The theme or the language changed: the verdicts' colours and words with it."""
        if self.routes:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.routes) - 1, 3))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
