"""The detail pane: a clicked item's JSON as a tree and as text, bounded for huge bodies."""

from __future__ import annotations

import json

from ui.timeline.detail import MAX_CHILDREN, DetailPane


def test_a_document_shows_as_a_tree_and_as_text(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    doc = {"changeId": "5", "data": {"trackName": "派单", "currentUser": [{"userId": "1"}]},
           "n": 3, "none": None}
    pane.show_doc("Event #1", doc)
    assert json.loads(pane.raw.toPlainText()) == doc
    assert "派单" in pane.raw.toPlainText()  # not \\u escaped
    top = {pane.tree.topLevelItem(i).text(0): pane.tree.topLevelItem(i)
           for i in range(pane.tree.topLevelItemCount())}
    assert top["changeId"].text(1) == "5" and top["n"].text(1) == "3"
    assert top["none"].text(1) == "null" and top["data"].text(1) == "{2}"
    assert top["data"].child(1).text(1) == "[1]"
    pane.clear()
    assert pane.doc is None and "Click" in pane.title.text()


def test_a_huge_array_is_cut_and_says_so(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_doc("big", list(range(MAX_CHILDREN + 7)))
    assert pane.tree.topLevelItemCount() == MAX_CHILDREN + 1
    assert pane.tree.topLevelItem(MAX_CHILDREN).text(1) == "+7"
