from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from app.json_diff import Change, describe, diff


def test_changes_are_paths_in_document_order():
    old = {"a": 1, "data": {"status": "1", "users": [{"name": "张三"}], "gone": True}}
    new = {"a": 1, "data": {"status": "2", "users": [{"name": "李四"}, {"name": "王五"}]},
           "extra": None}
    assert diff(old, new) == [
        Change("data.status", "changed", "1", "2"),
        Change("data.users[0].name", "changed", "张三", "李四"),
        Change("data.users[1]", "added", new={"name": "王五"}),
        Change("data.gone", "removed", old=True),
        Change("extra", "added", new=None),
    ]
    assert [describe(c) for c in diff(old, new)][:2] == [
        '~ data.status: "1" → "2"', '~ data.users[0].name: "张三" → "李四"']


def test_json_types_are_told_apart():
    assert diff({"n": 1}, {"n": True}) == [Change("n", "changed", 1, True)]
    assert diff({"n": 1}, {"n": 1.0}) == [Change("n", "changed", 1, 1.0)]
    assert diff([1], "x") == [Change("", "changed", [1], "x")]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                   max_size=3),
    max_leaves=12)


@given(json_values, json_values)
def test_no_changes_exactly_when_equal(old, new):
    changes = diff(old, new)
    same = json.dumps(old, sort_keys=True) == json.dumps(new, sort_keys=True)
    assert (changes == []) == same
    assert diff(old, old) == []
    for change in changes:
        assert describe(change)  # every change can be shown
