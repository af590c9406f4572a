"""The Users table's model: one row per IM user, list-backed, keyed by userID.

The panel gathers what it knows of each user (the IM server's record, the broker's word on
presence, the simulated phone's state, counters kept from the bus) into ``UserRow``s and hands
them over with ``upsert``; only the rows that changed are announced, one ``dataChanged`` per
row and one insert per batch of new users, so a crowd of a thousand phones coming online is a
handful of signals, not thousands (DESIGN.md: rows are buffered and flushed).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from ui import theme

Index = QModelIndex | QPersistentModelIndex

#: The role that gives each cell a value to sort by (numbers as numbers, unknown last).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(slots=True)
class UserRow:
    user_id: str
    name: str
    role: str = "user"
    platform: str = "android"
    encoding: str = "json"
    #: A phone simulated by this app (it can be driven); else a real client's account.
    simulated: bool = False
    #: The simulated phone's own state: online | connecting | offline (None: real client).
    phone: str | None = None
    #: The broker's word: connected, not connected, or None when it cannot tell.
    online: bool | None = None
    #: Messages published to the user while the broker said it was offline, since it was
    #: last seen online: what its persistent session holds for it.
    queued: int = 0
    pushes: int = 0
    #: When the user last sent or was sent an IM message (unix seconds).
    last_at: float | None = None
    last_error: str | None = None


class UsersModel(QAbstractTableModel):
    #: Presence and what waits for the user first: what a tester looks at in a narrow dock.
    COLUMNS = ("user", "name", "online", "queued", "pushes", "role", "platform", "kind",
               "last")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UserRow] = []
        self._at: dict[str, int] = {}
        self._headers: tuple[str, ...] = ()
        self._words: dict[str, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = (self.tr("User ID"), self.tr("Name"), self.tr("Online"),
                         self.tr("Queued"), self.tr("Pushes"), self.tr("Role"),
                         self.tr("Platform"), self.tr("Kind"), self.tr("Last message"))
        self._words = {
            "online": self.tr("online"), "offline": self.tr("offline"),
            "unknown": self.tr("unknown"), "connecting": self.tr("connecting"),
            "simulated": self.tr("simulated"), "real": self.tr("real"),
            "user": self.tr("user"), "expert": self.tr("expert"),
            "android": self.tr("Android"), "ios": self.tr("iOS"),
        }
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    # --- feeding --------------------------------------------------------------------------

    def upsert(self, rows: Iterable[UserRow]) -> None:
        """Update the users already shown (only the changed ones are announced) and append
        the new ones in one insert."""
        fresh: list[UserRow] = []
        last = len(self.COLUMNS) - 1
        for row in rows:
            i = self._at.get(row.user_id)
            if i is None:
                fresh.append(row)
            elif self.rows[i] != row:
                self.rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        if fresh:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for k, row in enumerate(fresh):
                self._at[row.user_id] = first + k
            self.rows.extend(fresh)
            self.endInsertRows()

    def remove(self, user_ids: Iterable[str]) -> None:
        """Take these users out (deleted), one contiguous removal at a time."""
        gone = sorted((self._at[u] for u in set(user_ids) if u in self._at), reverse=True)
        for i in gone:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self.rows[i]
            self.endRemoveRows()
        if gone:
            self._at = {r.user_id: i for i, r in enumerate(self.rows)}

    def row_of(self, user_id: str) -> int | None:
        return self._at.get(user_id)

    def get(self, user_id: str) -> UserRow | None:
        i = self._at.get(user_id)
        return self.rows[i] if i is not None else None

    def ids(self) -> Sequence[str]:
        return [r.user_id for r in self.rows]

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
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "online":
            # Read at paint time: the theme may have changed since the row arrived.
            return QBrush(theme.strong(self._outcome(row)))
        if role == Qt.ItemDataRole.ForegroundRole and column == "queued" and row.queued:
            return QBrush(theme.strong("queued"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("queued", "pushes"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == SORT_ROLE:
            return _sort_key(row, column)
        return None

    @staticmethod
    def _outcome(row: UserRow) -> str:
        # Offline is an ordinary state (grey); not knowing is the one to notice (amber).
        return {True: "ok", False: "pending", None: "retry"}[row.online]

    def presence(self, row: UserRow) -> str:
        """The broker's word on the user, in words."""
        return self._words[{True: "online", False: "offline", None: "unknown"}[row.online]]

    def _text(self, row: UserRow, column: str) -> str:
        w = self._words
        if column == "user":
            return row.user_id
        if column == "name":
            return row.name
        if column == "role":
            return w.get(row.role, row.role)
        if column == "platform":
            return w.get(row.platform, row.platform)
        if column == "kind":
            return w["simulated"] if row.simulated else w["real"]
        if column == "online":
            text = "● " + self.presence(row)
            if row.simulated and row.phone and (row.phone == "online") != bool(row.online):
                # The phone and the broker disagree: a dropped phone the broker still holds
                # until its keepalive runs out, or a phone still connecting.
                text += " · " + self.tr("phone %1").replace("%1", w.get(row.phone, row.phone))
            return text
        if column == "queued":
            return str(row.queued) if row.queued else ""
        if column == "pushes":
            return str(row.pushes) if row.pushes else ""
        if column == "last":
            return time.strftime("%H:%M:%S", time.localtime(row.last_at)) if row.last_at else ""
        return ""

    def _tooltip(self, row: UserRow, column: str) -> str | None:
        if column == "online":
            if row.online is None:
                return self.tr("The broker does not say who is connected, so presence is "
                               "unknown and no pushes are recorded (see the status bar)")
            if row.simulated and row.phone == "offline" and row.online:
                return self.tr("The phone dropped off the network without a DISCONNECT: the "
                               "broker holds it as connected until its keepalive runs out "
                               "(about 45 s)")
            return self.tr("Who is online is the broker's word, not the client's")
        if column == "queued":
            return self.tr("Messages the broker holds in this user's session until it "
                           "connects again")
        if column == "pushes":
            return self.tr("Mobile pushes recorded for this user while it was offline")
        if column == "kind":
            return (self.tr("A phone simulated by Push Studio: it can be taken offline and "
                            "made to chat") if row.simulated else
                    self.tr("An account for a real MQTT client (MQTTX, the app): copy its "
                            "connection settings"))
        if column == "user" and row.last_error:
            return row.last_error
        return self._text(row, column) or None


def _sort_key(row: UserRow, column: str) -> Any:
    if column == "online":
        return {True: 0, False: 1, None: 2}[row.online]
    if column == "queued":
        return row.queued
    if column == "pushes":
        return row.pushes
    if column == "last":
        return row.last_at or 0.0
    if column == "kind":
        return 0 if row.simulated else 1
    return getattr(row, {"user": "user_id"}.get(column, column))


class UsersFilter(QSortFilterProxyModel):
    """Sorts by each column's own kind of value; filters by userID or name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, UsersModel)
        row = model.rows[source_row]
        return self._needle in row.user_id.casefold() or self._needle in row.name.casefold()
