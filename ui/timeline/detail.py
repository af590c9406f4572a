"""The detail pane: the JSON of whatever was clicked in the timeline, as a tree and as text."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: Children shown per JSON object or array at most: a huge body stays responsive.
MAX_CHILDREN = 500


class DetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.raw = QPlainTextEdit()
        self.raw.setReadOnly(True)
        self.raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(self.raw, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        #: The document shown (for tests and scripts).
        self.doc: Any = None
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("JSON"))
        self.tabs.setTabText(1, self.tr("Text"))
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        if self.doc is None:
            self.title.setText(self.tr("Click an event, badge, mark, bar or hang to see "
                                       "its JSON here."))

    def show_doc(self, title: str, doc: Any) -> None:
        self.doc = doc
        self.title.setText(title)
        self.raw.setPlainText(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
        self.tree.clear()
        fill(self.tree.invisibleRootItem(), doc)
        self.tree.expandToDepth(1)
        self.tree.resizeColumnToContents(0)

    def clear(self) -> None:
        self.doc = None
        self.tree.clear()
        self.raw.clear()
        self.retranslate()


def fill(parent: QTreeWidgetItem, value: Any) -> None:
    if isinstance(value, dict):
        entries = list(value.items())
    elif isinstance(value, list):
        entries = [(f"[{i}]", v) for i, v in enumerate(value)]
    else:
        parent.addChild(QTreeWidgetItem(["", _scalar(value)]))
        return
    for key, child in entries[:MAX_CHILDREN]:
        item = QTreeWidgetItem([str(key), "" if isinstance(child, dict | list)
                                else _scalar(child)])
        item.setToolTip(1, item.text(1))
        parent.addChild(item)
        if isinstance(child, dict | list):
            item.setText(1, f"{{{len(child)}}}" if isinstance(child, dict) else f"[{len(child)}]")
            fill(item, child)
    if len(entries) > MAX_CHILDREN:
        parent.addChild(QTreeWidgetItem(["…", f"+{len(entries) - MAX_CHILDREN}"]))


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
