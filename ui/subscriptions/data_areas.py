"""The data-area catalogue (数据域编码): a code/name table and a form to add, rename, delete.

The spec's own list is missing (spec/README.md #8), so the catalogue is the user's. Deleting
an area that subscriptions still name is allowed (they keep routing on the code), but the
form says which ones first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.routing.dataareas import DataArea, DataAreaError
from app.routing.subscription import Subscription
from app.tasks import spawn
from ui import theme

if TYPE_CHECKING:
    from app.platform import Platform

Index = QModelIndex | QPersistentModelIndex


class DataAreaModel(QAbstractTableModel):
    COLUMNS = ("code", "name", "used")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.areas: list[DataArea] = []
        #: Data-area code → baseCodes that name it (not counting "*").
        self.used: dict[str, list[str]] = {}
        self._headers: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = (self.tr("Code"), self.tr("Name"), self.tr("Named by"))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def set_areas(self, areas: Sequence[DataArea], subs: Sequence[Subscription]) -> None:
        used: dict[str, list[str]] = {}
        for sub in subs:
            for code in sub.data_areas:
                used.setdefault(code, []).append(sub.base_code)
        if [a.code for a in areas] == [a.code for a in self.areas]:
            self.areas, self.used = list(areas), used
            if areas:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(areas) - 1, len(self.COLUMNS) - 1))
            return
        self.beginResetModel()
        self.areas, self.used = list(areas), used
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.areas)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.areas):
            return None
        area = self.areas[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "code":
                return area.code
            if column == "name":
                return area.name
            names = self.used.get(area.code, [])
            everything = len(self.used.get("*", []))
            text = ", ".join(names) if names else "—"
            return text + (" " + self.tr("(+%n with *)", "", everything) if everything else "")
        if role == Qt.ItemDataRole.UserRole:
            return area
        return None


class DataAreasEditor(QWidget):
    """Scriptable: ``code``/``name`` line edits, ``await save()``, ``await delete(code)``,
    ``select(code)``; ``model`` and ``table``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform: Platform | None = None
        self.subscriptions: Callable[[], list[Subscription]] = list
        self.model = DataAreaModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(0, 110)
        self.table.horizontalHeader().resizeSection(1, 200)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.save_button = QPushButton()
        self.delete_button = QPushButton()
        self.clear_button = QPushButton()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.name, 2)
        row.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.save_button.clicked.connect(lambda: spawn(self.save(), name="save data area"))
        self.code.returnPressed.connect(self.save_button.click)
        self.name.returnPressed.connect(self.save_button.click)
        self.delete_button.clicked.connect(
            lambda: spawn(self.delete(self.code.text().strip()), name="delete data area"))
        self.clear_button.clicked.connect(self.clear)
        self.code.textChanged.connect(self._update_actions)
        self.retranslate()
        self._update_actions()

    def attach(self, platform: Platform, subscriptions: Callable[[], list[Subscription]]
               ) -> None:
        self.platform = platform
        self.subscriptions = subscriptions
        self.refresh()

    def refresh(self) -> None:
        if self.platform is None:
            return
        self.model.set_areas(list(self.platform.engine.data_areas.values()),
                             self.subscriptions())
        self._update_actions()

    def retranslate(self) -> None:
        self.error.setStyleSheet(f"color: {theme.error_colour().name()};")
        self.intro.setText(self.tr(
            "Data areas (数据域) scope subscriptions: a subscription names the areas it "
            "receives, or * for all. The spec's own list is missing, so this catalogue is "
            "yours: add the codes your platform uses."))
        self.code.setPlaceholderText(self.tr("code, e.g. dqwt"))
        self.name.setPlaceholderText(self.tr("name, e.g. 电气问题"))
        self.save_button.setText(self.tr("Add / rename"))
        self.save_button.setToolTip(self.tr("Add this code, or give an existing code this "
                                            "name"))
        self.delete_button.setText(self.tr("Delete"))
        self.clear_button.setText(self.tr("Clear"))
        self.model.retranslate()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # a translator came or went
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.error.setStyleSheet(f"color: {theme.error_colour().name()};")
        super().changeEvent(event)

    def select(self, code: str) -> None:
        for row, area in enumerate(self.model.areas):
            if area.code == code:
                self.table.selectRow(row)
                return

    def clear(self) -> None:
        self.table.clearSelection()
        self.code.clear()
        self.name.clear()
        self._show_error("")
        self.code.setFocus()

    async def save(self) -> DataArea | None:
        """Add or rename the area in the form; a bad code is said under the form, the text
        stays."""
        if self.platform is None:
            return None
        code, name = self.code.text().strip(), self.name.text().strip()
        try:
            area = await self.platform.engine.put_data_area({"code": code, "name": name})
        except DataAreaError as error:
            self._show_error("\n".join(
                (f"{f.path}: {f.message}" if f.path else f.message)
                + (" — " + self.tr("fix: %1").replace("%1", f.hint) if f.hint else "")
                for f in error.findings))
            self.code.setFocus()
            return None
        self._show_error("")
        self.refresh()
        self.select(area.code)
        self.message.setText(self.tr("Saved data area %1.").replace("%1", area.code))
        return area

    async def delete(self, code: str) -> bool:
        if self.platform is None or not code:
            return False
        removed = await self.platform.engine.delete_data_area(code)
        users = self.model.used.get(code, [])
        self.refresh()
        self.clear()
        if not removed:
            self._show_error(self.tr("%1 is not in the catalogue.").replace("%1", code))
        elif users:
            self.message.setText(self.tr("Deleted %1. Still named by %2: they keep receiving "
                                         "events of that code.").replace("%1", code).replace(
                "%2", ", ".join(users)))
        else:
            self.message.setText(self.tr("Deleted %1.").replace("%1", code))
        return removed

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        area = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if isinstance(area, DataArea):
            self.code.setText(area.code)
            self.name.setText(area.name)
            self._show_error("")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _update_actions(self) -> None:
        up = self.platform is not None
        code = self.code.text().strip()
        self.save_button.setEnabled(up)
        known = up and code in self.platform.engine.data_areas  # type: ignore[union-attr]
        self.delete_button.setEnabled(bool(known))
        users = self.model.used.get(code, [])
        self.delete_button.setToolTip(
            self.tr("Still named by: %1").replace("%1", ", ".join(users)) if users else "")
