"""A JSON value as a tree of fields: Live's detail pane and the Inspector both show one.

Filled lazily, so a megabyte of JSON opens at once: an object's or array's children are made
when it is first expanded, at most CHUNK at a time (a "… N more" row brings the next ones).
``data`` sent as a JSON string (dataEncoding "string") is opened up like an object. A
finding's path (``data.currentUser[0].eUserId``, ``data["hangRemark "]``) can be selected.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

#: Children made at a time under one object or array.
CHUNK = 500
#: Items made at most when the first levels are expanded on show (the rest on demand).
EXPAND_BUDGET = 2_000

_TOKEN = re.compile(r'\.?(?P<name>[^\W\d]\w*)|\[(?P<index>\d+)\]|\["(?P<quoted>(?:[^"\\]|\\.)*)"\]')


class JsonItem(QTreeWidgetItem):
    """One field: its key (a str, or an int in an array) and, for a container not yet opened,
    the value its children come from."""

    def __init__(self, parent: QTreeWidgetItem, key: str | int | None, value: Any,
                 *, from_string: bool = False) -> None:
        super().__init__(parent)
        self.key = key
        self.value = value
        self.from_string = from_string
        self.filled = 0  # children made so far (containers)
        self.more = False  # the "… N more" row of its parent
        self.setText(0, "" if key is None else str(key))
        if not isinstance(value, dict | list):
            self.setText(1, value if isinstance(value, str) else
                         json.dumps(value, ensure_ascii=False, default=str))
        elif value:
            self.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)


class JsonTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemExpanded.connect(self._on_item_expanded)
        self.itemActivated.connect(self._on_item_activated)
        #: The value shown (None before the first).
        self.value: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        root = self.invisibleRootItem()
        stack = [root.child(i) for i in range(root.childCount())]
        while stack:  # only the rows made so far carry translated summaries
            item = stack.pop()
            if isinstance(item, JsonItem):
                self._label(item)
                stack.extend(item.child(i) for i in range(item.childCount()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_value(self, value: Any, depth: int = 1) -> None:
        """Show ``value``; its first ``depth`` levels open while that makes few rows."""
        self.clear()
        self.value = value
        root = self.invisibleRootItem()
        if isinstance(value, dict | list):
            self._fill(root, value)
        else:
            JsonItem(root, None, value)
        budget = EXPAND_BUDGET
        level = [root.child(i) for i in range(root.childCount())]
        for _ in range(depth):
            nxt = []
            for item in level:
                if not isinstance(item, JsonItem) or item.more or \
                        not isinstance(item.value, dict | list) or not item.value:
                    continue
                size = min(len(item.value), CHUNK)
                if size > budget:
                    break
                budget -= size
                item.setExpanded(True)  # fills it (itemExpanded)
                nxt.extend(item.child(i) for i in range(item.childCount()))
            level = nxt
        self.resizeColumnToContents(0)

    # --- filling --------------------------------------------------------------------------

    def _fill(self, parent: QTreeWidgetItem, value: dict | list, start: int = 0) -> None:
        """Make up to CHUNK children of ``parent`` from ``start``, and a "more" row after."""
        entries = (list(value.items())[start:start + CHUNK] if isinstance(value, dict)
                   else list(enumerate(value[start:start + CHUNK], start)))
        for key, child in entries:
            from_string = False
            if isinstance(child, str) and child[:1] in "{[":
                with contextlib.suppress(ValueError):
                    child, from_string = json.loads(child), True
            item = JsonItem(parent, key, child, from_string=from_string)
            if from_string or isinstance(child, dict | list):
                self._label(item)
        end = start + len(entries)
        if isinstance(parent, JsonItem):
            parent.filled = end
        if end < len(value):
            more = JsonItem(parent, None, None)
            more.more = True
            more.setText(1, "")
            more.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            more.value = (value, end)
            self._label(more)

    def _label(self, item: JsonItem) -> None:
        if item.more:
            value, end = item.value
            item.setText(0, "…")
            item.setText(1, self.tr("%n more (expand to show)", "", len(value) - end))
            return
        value = item.value
        if isinstance(value, dict):
            text = "{ " + self.tr("%n key(s)", "", len(value)) + " }"
        elif isinstance(value, list):
            text = "[ " + self.tr("%n item(s)", "", len(value)) + " ]"
        else:
            return
        if item.from_string:
            text += " · " + self.tr("JSON sent as a string")
        item.setText(1, text)

    def _open(self, item: JsonItem) -> None:
        if item.more:
            value, end = item.value
            parent = item.parent() or self.invisibleRootItem()
            parent.removeChild(item)
            self._fill(parent, value, end)
        elif isinstance(item.value, dict | list) and not item.filled and item.value:
            self._fill(item, item.value)

    def _on_item_expanded(self, item: QTreeWidgetItem) -> None:
        if isinstance(item, JsonItem):
            self._open(item)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if isinstance(item, JsonItem) and item.more:
            self._open(item)

    # --- paths ----------------------------------------------------------------------------

    def item_at_path(self, path: str) -> tuple[JsonItem | None, bool]:
        """The row a finding's path names, opening what leads to it: (row, exact). When the
        path goes further than the value (a missing field), the deepest row on the way, not
        exact. A path whose first step is not in the value (a bare body's findings say
        ``data.…``) is tried without that step. (None, False): nothing of it is here."""
        tokens = parse_path(path)
        if not tokens:
            return None, False
        found, exact = self._walk(tokens)
        if found is None and len(tokens) > 1:
            found, exact = self._walk(tokens[1:])
        return found, exact

    def select_path(self, path: str) -> bool:
        """Select and show the row of ``path`` (or the deepest row on its way); False when
        nothing of it is in the tree."""
        item, _exact = self.item_at_path(path)
        if item is None:
            return False
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.setCurrentItem(item)
        self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _walk(self, tokens: list[str | int]) -> tuple[JsonItem | None, bool]:
        parent: QTreeWidgetItem = self.invisibleRootItem()
        found: JsonItem | None = None
        for token in tokens:
            child = self._child(parent, token)
            if child is None:
                return found, False
            found = parent = child
        return found, True

    def _child(self, parent: QTreeWidgetItem, token: str | int) -> JsonItem | None:
        if isinstance(parent, JsonItem):
            self._open(parent)
        while True:
            more = None
            for i in range(parent.childCount()):
                child = parent.child(i)
                if not isinstance(child, JsonItem):
                    continue
                if child.more:
                    more = child
                elif child.key == token or (isinstance(child.key, int) and str(child.key)
                                            == str(token)):
                    return child
            if more is None:
                return None
            self._open(more)  # the next chunk may hold it


def parse_path(path: str) -> list[str | int]:
    """``data.currentUser[0]["e id"]`` → ``["data", "currentUser", 0, "e id"]``; "" or "$"
    → []. What does not parse ends the list (a path is only ever a hint of where to look)."""
    path = path.strip()
    if path in ("", "$"):
        return []
    path = path.removeprefix("$")
    tokens: list[str | int] = []
    pos = 0
    while pos < len(path):
        match = _TOKEN.match(path, pos)
        if match is None or match.end() == pos:
            break
        if match["name"] is not None:
            tokens.append(match["name"])
        elif match["index"] is not None:
            tokens.append(int(match["index"]))
        else:
            tokens.append(re.sub(r"\\(.)", r"\1", match["quoted"]))
        pos = match.end()
    return tokens
