"""Finding a work order: a search box over the store's orders (id, code, contact id or name)
with a results table. Typing searches after a short pause (debounced); Enter opens the exact
id if there is one, else the first result; a click on a result opens it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex

#: Milliseconds of quiet typing before the search runs.
DEBOUNCE_MS = 250
#: Results shown at most (the store query's limit).
LIMIT = 50


class OrderResults(QAbstractTableModel):
    """Rows as ``store.find_orders`` returns them (dicts of the orders table)."""

    COLUMNS = ("order", "code", "contact", "last", "events")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        #: changeId → its name in the current language (the panel sets it).
        self.change_name: Callable[[str], str] = lambda change: ""
        self._headers: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = (self.tr("Order id"), self.tr("Code"), self.tr("Contact"),
                         self.tr("Last change"), self.tr("Events"))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def order_id(self, row: int) -> str | None:
        return self.rows[row]["service_order_id"] if 0 <= row < len(self.rows) else None

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
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row["service_order_id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "events":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell(self, row: dict[str, Any], column: str) -> str:
        if column == "order":
            return str(row["service_order_id"])
        if column == "code":
            return str(row.get("service_order_code") or "")
        if column == "contact":
            return " · ".join(str(v) for v in (row.get("contact_name"),
                                                row.get("contact_user_id")) if v)
        if column == "last":
            change = str(row.get("last_change_id") or "")
            when = row.get("updated_at")
            clock = time.strftime("%m-%d %H:%M:%S", time.localtime(when)) if when else ""
            return " · ".join(x for x in (f"{change} {self.change_name(change)}".strip(),
                                          clock) if x)
        return str(row.get("event_count") or 0)


class OrderSearch(QWidget):
    """The search box and its results. ``find`` is set by the panel (the store's
    ``find_orders``); ``opened(order_id)`` says which order the user chose."""

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find: Callable[[str, int], list[dict[str, Any]]] | None = None
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.model = OrderResults(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 140, 130, 150)):
            header.resizeSection(column, width)
        self.table.setMaximumHeight(180)
        self.table.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(self.table)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.edit.textEdited.connect(lambda _text: self.timer.start())
        self.edit.returnPressed.connect(self.open_best)
        self.edit.installEventFilter(self)
        self.table.activated.connect(self._open_index)
        self.table.clicked.connect(self._open_index)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr(
            "Find an order: serviceOrderId, order code, contact name or id"))
        self.edit.setToolTip(self.tr("Enter opens the exact id, else the first match; "
                                     "Down moves into the results"))
        self.model.retranslate()
        if self.message.isVisible():
            self.run()

    def run(self) -> list[dict[str, Any]]:
        """Search now for what the box holds; returns the rows found."""
        self.timer.stop()
        text = self.edit.text().strip()
        if not text or self.find is None:
            self.model.set_rows([])
            self.table.setVisible(False)
            self.message.setVisible(False)
            return []
        rows = self.find(text, LIMIT)
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        if not rows:
            self.message.setText(self.tr(
                "No order matches “%1”. Orders appear once an event for them was "
                "accepted; search by id, code, contact name or contact id.").replace("%1", text))
        elif len(rows) >= LIMIT:
            self.message.setText(self.tr("The first %n matches; type more to narrow them.",
                                         "", len(rows)))
        self.message.setVisible(not rows or len(rows) >= LIMIT)
        return rows

    def open_best(self) -> str | None:
        """Enter: the exact id if one matches, else the first result."""
        text = self.edit.text().strip()
        rows = self.run() if text else []
        if not rows:
            return None
        exact = next((r for r in rows if r["service_order_id"] == text), rows[0])
        self._open(exact["service_order_id"])
        return exact["service_order_id"]

    def collapse(self) -> None:
        """An order is open: put the results away (the text stays, to search on)."""
        self.table.setVisible(False)
        self.message.setVisible(False)

    def _open_index(self, index: QModelIndex) -> None:
        order = self.model.order_id(index.row()) if index.isValid() else None
        if order is not None:
            self._open(order)

    def _open(self, order_id: str) -> None:
        self.collapse()
        self.opened.emit(order_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the box goes into the results, as in a browser's address bar.
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and self.table.isVisible() and self.model.rowCount()):
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
