"""The JSON tree Live's detail pane and the Inspector share: filled lazily (a big array
opens a chunk at a time), JSON sent as a string opened up, a finding's path selectable."""

from __future__ import annotations

import pytest

from ui.json_tree import CHUNK, JsonTree, parse_path


@pytest.mark.parametrize(("path", "tokens"), [
    ("", []), ("$", []),
    ("changeId", ["changeId"]),
    ("data.currentUser[0].eUserId", ["data", "currentUser", 0, "eUserId"]),
    ('data["hangRemark "]', ["data", "hangRemark "]),
    ('data["a\\"b"].c', ["data", 'a"b', "c"]),
    ("msg_list[2].text.content", ["msg_list", 2, "text", "content"]),
    ("data.联系人", ["data", "联系人"]),
    ("data..broken", ["data"]),  # what does not parse ends the path
])
def test_paths_are_read_as_findings_write_them(path, tokens):
    assert parse_path(path) == tokens


@pytest.fixture
def tree(qtbot) -> JsonTree:
    t = JsonTree()
    qtbot.addWidget(t)
    return t


def test_a_value_shows_its_first_levels_and_counts_what_it_holds(tree):
    tree.show_value({"changeId": "1", "data": '{"userId": "9", "list": [1, 2]}', "n": None})
    top = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [(i.text(0), i.text(1)) for i in top] == [
        ("changeId", "1"), ("data", "{ 2 keys } · JSON sent as a string"), ("n", "null")]
    data = top[1]
    assert data.isExpanded() and data.child(0).text(1) == "9"
    assert data.child(1).text(1) == "[ 2 items ]"


def test_a_big_array_opens_a_chunk_at_a_time_and_a_path_finds_its_row(tree):
    tree.show_value({"rows": [{"i": i} for i in range(CHUNK * 3)]})
    rows = tree.topLevelItem(0)
    assert rows.childCount() == CHUNK + 1  # and a "… more" row
    more = rows.child(CHUNK)
    assert more.text(0) == "…" and more.text(1) == f"{CHUNK * 2} more (expand to show)"
    assert rows.child(0).childCount() == 0 or not rows.child(0).isExpanded()
    assert tree.select_path(f"rows[{CHUNK * 2 + 5}].i")
    assert tree.currentItem().text(1) == str(CHUNK * 2 + 5)
    assert rows.childCount() == CHUNK * 3  # every chunk on the way was made


def test_a_path_beyond_the_value_selects_the_deepest_row_on_its_way(tree):
    tree.show_value({"data": {"currentUser": [{"userId": "1"}]}})
    item, exact = tree.item_at_path("data.currentUser[0].eUserId")
    assert not exact and item.text(0) == "0"
    item, exact = tree.item_at_path("currentUser[0].userId")  # tried from the root, then
    assert item is None
    tree.show_value({"currentUser": [{"userId": "1"}]})  # a bare body: findings say data.…
    item, exact = tree.item_at_path("data.currentUser[0].userId")
    assert exact and item.text(1) == "1"
    assert not tree.select_path("headers.accept")
