"""The subscriptions table's model: one row per subscription, with its callback health.

Rows follow the engine's index one subscription at a time (``put``/``remove``, driven by the
bus's SubscriptionSaved/SubscriptionRemoved), so a save never resets the view or loses the
selection. Health comes from the dispatcher on a throttled timer (``set_health``) and only
rows whose numbers changed are repainted. A subscriber of organisation pushes shows them in
the same cells: "org pushes: 11, 205" among its events, "orgs: 77" among its scopes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
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

from app.catalog.org import ORG
from app.routing.subscription import Subscription, redact_url
from ui import theme

Index = QModelIndex | QPersistentModelIndex

#: The raw value a column sorts by (numbers as numbers, not as text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

#: Health first after the code: in a narrow dock that is what shows without scrolling.
COLUMNS = ("code", "state", "delivered", "failures", "last", "queue", "delivery", "url",
           "areas", "changes", "name")
#: The columns health updates touch.
HEALTH_COLUMNS = ("state", "delivered", "failures", "last", "queue")


def outcome_of(sub: Subscription, health: Mapping[str, Any] | None) -> str | None:
    """The theme outcome a row is coloured with: disabled is failed, failing is retry."""
    if not sub.enabled:
        return "failed"
    if health and health.get("consecutiveFailures"):
        return "retry"
    return None


class SubscriptionTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.subs: list[Subscription] = []
        self.health: dict[str, dict[str, Any]] = {}
        self._rows: dict[str, int] = {}
        self._headers: tuple[str, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = (self.tr("baseCode"), self.tr("State"), self.tr("Delivered"),
                         self.tr("Failing"), self.tr("Last answer"), self.tr("Waiting"),
                         self.tr("Delivery"), self.tr("Callback URL"), self.tr("Data areas"),
                         self.tr("changeIds"), self.tr("Name"))
        self._header_tips = (
            self.tr("The subscriber's code: its MQTT username and topic level"),
            self.tr("Enabled, failing (the last attempts failed) or disabled, with why"),
            self.tr("Deliveries that reached the subscriber since the platform started"),
            self.tr("Attempts that failed in a row, most recent first"),
            self.tr("The last HTTP status or error"),
            self.tr("Deliveries queued, waiting to retry, in flight or held"),
            self.tr("HTTP callback and MQ topic, or the MQ topic only"),
            self.tr("Where callbacks go (any password in it hidden)"),
            self.tr("The data areas it receives; * is every one (and, for organisation "
                    "pushes, the organisations)"),
            self.tr("The events it receives: changeIds, and organisation push types"),
            self.tr("A name for people"))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.subs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.subs) - 1,
                                                                len(COLUMNS) - 1))

    # --- following the engine ----------------------------------------------------------------

    def set_subscriptions(self, subs: Iterable[Subscription]) -> None:
        """Make the rows these subscriptions, row by row (no reset: selection survives)."""
        subs = list(subs)
        wanted = {s.base_code for s in subs}
        for code in [c for c in self._rows if c not in wanted]:
            self.remove(code)
        for sub in subs:
            self.put(sub)

    def put(self, sub: Subscription) -> None:
        row = self._rows.get(sub.base_code)
        if row is None:
            row = len(self.subs)
            self.beginInsertRows(QModelIndex(), row, row)
            self.subs.append(sub)
            self._rows[sub.base_code] = row
            self.endInsertRows()
        else:
            self.subs[row] = sub
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, base_code: str) -> None:
        row = self._rows.get(base_code)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.subs[row]
        self._rows = {s.base_code: i for i, s in enumerate(self.subs)}
        self.health.pop(base_code, None)
        self.endRemoveRows()

    def set_health(self, health: Mapping[str, dict[str, Any]]) -> None:
        """New health numbers by baseCode; repaints only the rows that changed."""
        first, last = COLUMNS.index("state"), len(COLUMNS) - 1
        for code, numbers in health.items():
            row = self._rows.get(code)
            if row is None or self.health.get(code) == numbers:
                continue
            self.health[code] = dict(numbers)
            self.dataChanged.emit(self.index(row, first), self.index(row, last))

    def row_of(self, base_code: str) -> int | None:
        return self._rows.get(base_code)

    def subscription(self, row: int) -> Subscription | None:
        return self.subs[row] if 0 <= row < len(self.subs) else None

    # --- Qt's side -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.subs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.subs):
            return None
        sub = self.subs[index.row()]
        health = self.health.get(sub.base_code)
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(sub, health, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(sub, health, column)
        if role == SORT_ROLE:
            return self._sort_key(sub, health, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            outcome = outcome_of(sub, health)
            colour = theme.background(outcome) if outcome else None
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            outcome = outcome_of(sub, health)
            return QBrush(theme.strong(outcome)) if outcome else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("delivered", "failures",
                                                                       "queue"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return sub
        return None

    def _text(self, sub: Subscription, health: Mapping[str, Any] | None, column: str) -> str:
        h = health or {}
        if column == "code":
            return sub.base_code
        if column == "name":
            return sub.name
        if column == "state":
            if sub.enabled:
                return self.tr("failing") if h.get("consecutiveFailures") else self.tr("enabled")
            reason = sub.disabled_reason
            if not reason:
                return self.tr("disabled")
            if sub.callback_url:  # its own URL, in full, would push the why out of sight
                reason = reason.replace(sub.callback_url, "URL")
            # the callback service's reasons already say "disabled …"
            return reason if reason.casefold().startswith("disabled") else \
                self.tr("disabled: %1").replace("%1", reason)
        if column == "delivery":
            return self.tr("HTTP + MQ") if sub.callback_url else self.tr("MQ only")
        if column == "url":
            return str(redact_url(sub.callback_url)) if sub.callback_url else "—"
        if column == "areas":
            parts = []
            if sub.change_ids or not sub.org_types:
                parts.append(self.tr("all (*)") if sub.all_areas else ", ".join(sub.data_areas))
            if sub.org_types:
                parts.append(self.tr("orgs: %1").replace(
                    "%1", self.tr("all (*)") if sub.org_ids == ("*",)
                    else ", ".join(sub.org_ids)))
            return " · ".join(parts)
        if column == "changes":
            parts = [", ".join(sub.change_ids)] if sub.change_ids else []
            if sub.org_types:
                parts.append(self.tr("org pushes: %1").replace("%1", ", ".join(sub.org_types)))
            return " · ".join(parts)
        if health is None:
            return ""
        if column == "delivered":
            return str(h.get("delivered", 0))
        if column == "failures":
            return str(h.get("consecutiveFailures", 0))
        if column == "last":
            return _last_answer(h)
        if column == "queue":
            return str(_waiting(h))
        return ""

    def _tooltip(self, sub: Subscription, health: Mapping[str, Any] | None,
                 column: str) -> str:
        h = health or {}
        if column == "last" and h.get("lastAttemptAt"):
            at = time.strftime("%H:%M:%S", time.localtime(h["lastAttemptAt"]))
            return self.tr("Last attempt at %1: %2").replace("%1", at).replace(
                "%2", _last_answer(h))
        if column == "queue" and health is not None:
            return self.tr("queued %1 · waiting to retry %2 · in flight %3 · held while "
                           "disabled %4 · held for order %5").replace(
                "%1", str(h.get("queued", 0))).replace("%2", str(h.get("waiting", 0))).replace(
                "%3", str(h.get("inFlight", 0))).replace("%4", str(h.get("parked", 0))).replace(
                "%5", str(h.get("heldForOrder", 0)))
        if column == "failures" and health is not None:
            return self.tr("%1 failed attempt(s) in all; %2 delivery(ies) in a row gave up "
                           "(auto-disable after %3)").replace(
                "%1", str(h.get("failedAttempts", 0))).replace(
                "%2", str(h.get("exhaustedInARow", 0))).replace(
                "%3", str(sub.auto_disable_after) if sub.auto_disable_after
                else self.tr("never"))
        if column == "state" and sub.disabled_reason:
            return str(redact_url(sub.disabled_reason))
        if column == "code" and sub.name != sub.base_code:
            return f"{sub.base_code} — {sub.name}"
        if column == "delivery":
            topics = []
            if sub.change_ids or not sub.org_types:
                topics.append(self.tr("MQ topic wo/push/%1/<dataArea>").replace(
                    "%1", sub.base_code))
            if sub.org_types:
                topics.append(self.tr("MQ topic org/push/%1/<org_id> for organisation "
                                      "pushes").replace("%1", sub.base_code))
            return "\n".join(topics)
        if column == "changes" and sub.org_types:
            lines = [f"changeIds: {', '.join(sub.change_ids)}"] if sub.change_ids else []
            lines += [f"org {t} {ORG.by_id[t].en} · {ORG.by_id[t].zh}" if t in ORG.by_id
                      else f"org {t}" for t in sub.org_types]
            return "\n".join(lines)
        return self._text(sub, health, column)

    def _sort_key(self, sub: Subscription, health: Mapping[str, Any] | None,
                  column: str) -> Any:
        h = health or {}
        if column == "delivered":
            return h.get("delivered", 0)
        if column == "failures":
            return h.get("consecutiveFailures", 0)
        if column == "queue":
            return _waiting(h)
        if column == "state":
            return (sub.enabled, -int(h.get("consecutiveFailures", 0) or 0))
        return self._text(sub, health, column).casefold()


def _last_answer(h: Mapping[str, Any]) -> str:
    status, error = h.get("lastStatus"), h.get("lastError")
    if status is not None and error:
        return f"HTTP {status} · {error}"
    if status is not None:
        return f"HTTP {status}"
    return str(error or "")


def _waiting(h: Mapping[str, Any]) -> int:
    return sum(int(h.get(k, 0) or 0) for k in ("queued", "waiting", "inFlight", "parked",
                                                "heldForOrder"))


class SubscriptionFilter(QSortFilterProxyModel):
    """Sorts by SORT_ROLE and filters on code, name, URL, data areas (case-insensitive)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, SubscriptionTableModel)
        sub = model.subs[source_row]
        hay = " ".join((sub.base_code, sub.name, sub.callback_url or "",
                        " ".join(sub.data_areas), " ".join(sub.org_ids) if sub.org_types
                        else "")).casefold()
        return self._needle in hay

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
