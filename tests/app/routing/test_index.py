"""SubscriptionIndex: which enabled subscriptions hold an event's dataArea and changeId."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog import default_catalog
from app.routing.index import SubscriptionIndex
from app.routing.subscription import Subscription
from tests.conftest import subscription

KNOWN = default_catalog().workorder.type_ids


def sub(base_code: str, areas: list[str], changes: list[str], **fields: Any) -> Subscription:
    return Subscription.from_json(
        subscription(base_code, dataAreas=areas, changeIds=changes, **fields), KNOWN)


def codes(subs: list[Subscription]) -> list[str]:
    return [s.base_code for s in subs]


def test_empty_index() -> None:
    index = SubscriptionIndex()
    assert len(index) == 0
    assert list(index) == []
    assert index.get("A") is None
    assert index.match("fwwt", "1") == []
    assert index.match("*", "1") == []
    assert index.remove("A") is None


def test_match_by_exact_area_and_change() -> None:
    a = sub("A", ["fwwt"], ["1", "2"])
    b = sub("B", ["10008"], ["1"])
    index = SubscriptionIndex([a, b])
    assert index.match("fwwt", "1") == [a]
    assert index.match("fwwt", "2") == [a]
    assert index.match("10008", "1") == [b]
    assert index.match("10008", "2") == []
    assert index.match("fwwt", "3") == []
    assert index.match("other", "1") == []


def test_star_subscription_matches_every_area() -> None:
    star = sub("STAR", ["*"], ["1"])
    scoped = sub("SCOPED", ["fwwt"], ["1"])
    index = SubscriptionIndex([star, scoped])
    assert sorted(codes(index.match("fwwt", "1"))) == ["SCOPED", "STAR"]
    assert codes(index.match("10008", "1")) == ["STAR"]
    assert codes(index.match("never-heard-of-it", "1")) == ["STAR"]
    assert index.match("fwwt", "2") == []


def test_an_event_in_area_star_reaches_only_star_subscriptions() -> None:
    # Consistent with Subscription.covers_area("*"): only an all-areas scope holds "*".
    index = SubscriptionIndex([sub("STAR", ["*"], ["1"]), sub("SCOPED", ["fwwt"], ["1"])])
    assert codes(index.match("*", "1")) == ["STAR"]


def test_disabled_subscriptions_never_match_but_are_kept() -> None:
    off = sub("OFF", ["fwwt"], ["1"], enabled=False)
    off_star = sub("OFFSTAR", ["*"], ["1"], enabled=False)
    index = SubscriptionIndex([off, off_star])
    assert index.match("fwwt", "1") == []
    assert len(index) == 2
    assert index.get("OFF") is off
    assert set(codes(list(index))) == {"OFF", "OFFSTAR"}


def test_put_replaces_by_baseCode_and_drops_the_old_scope() -> None:
    index = SubscriptionIndex([sub("A", ["fwwt"], ["1"])])
    new = sub("A", ["10008"], ["2"])
    index.put(new)
    assert len(index) == 1
    assert index.get("A") is new
    assert index.match("fwwt", "1") == []
    assert index.match("10008", "1") == []
    assert index.match("10008", "2") == [new]


def test_put_replaces_star_with_scoped() -> None:
    index = SubscriptionIndex([sub("A", ["*"], ["1"])])
    index.put(sub("A", ["fwwt"], ["1"]))
    assert index.match("10008", "1") == []
    assert codes(index.match("fwwt", "1")) == ["A"]


def test_disabling_by_put_stops_matching_and_enabling_restores() -> None:
    on = sub("A", ["fwwt"], ["1"])
    index = SubscriptionIndex([on])
    index.put(on.with_changes(enabled=False))
    assert index.match("fwwt", "1") == []
    assert index.get("A").enabled is False
    index.put(on)
    assert index.match("fwwt", "1") == [on]


def test_remove_returns_the_subscription_and_cleans_up() -> None:
    a = sub("A", ["fwwt", "10008"], ["1", "2"])
    star = sub("S", ["*"], ["3"])
    off = sub("OFF", ["fwwt"], ["1"], enabled=False)
    index = SubscriptionIndex([a, star, off])
    assert index.remove("A") is a
    assert index.remove("S") is star
    assert index.remove("OFF") is off
    assert index.remove("A") is None
    assert len(index) == 0
    for area in ("fwwt", "10008", "*", "x"):
        for change in ("1", "2", "3"):
            assert index.match(area, change) == []
    # Nothing left behind for matching to walk over (the module's cost promise).
    assert index._index == {}


def test_remove_one_of_several_sharing_a_slot() -> None:
    a, b = sub("A", ["fwwt"], ["1"]), sub("B", ["fwwt"], ["1"])
    index = SubscriptionIndex([a, b])
    index.remove("A")
    assert index.match("fwwt", "1") == [b]


def test_iteration_order_and_get() -> None:
    subs = [sub(c, ["fwwt"], ["1"]) for c in ("C", "A", "B")]
    index = SubscriptionIndex(subs)
    assert codes(list(index)) == ["C", "A", "B"]
    assert codes(index.match("fwwt", "1")) == ["C", "A", "B"]
    assert index.get("A") is subs[1]


# --- property: the index agrees with a brute-force filter ----------------------------------

AREAS = ["a", "b", "c"]
CHANGES = ["1", "2", "3"]
BASE_CODES = ["A", "B", "C", "D", "E"]

subscriptions = st.builds(
    lambda code, areas, changes, enabled: sub(code, areas, changes, enabled=enabled),
    st.sampled_from(BASE_CODES),
    st.one_of(st.just(["*"]), st.lists(st.sampled_from(AREAS), min_size=1, max_size=4)),
    st.lists(st.sampled_from(CHANGES), min_size=1, max_size=4),
    st.booleans(),
)
operations = st.lists(
    st.one_of(st.tuples(st.just("put"), subscriptions),
              st.tuples(st.just("remove"), st.sampled_from(BASE_CODES))),
    max_size=25,
)


def brute_force(model: dict[str, Subscription], area: str, change: str) -> set[str]:
    return {s.base_code for s in model.values()
            if s.enabled and s.covers_area(area) and change in s.change_ids}


@settings(max_examples=200, deadline=None)
@given(initial=st.lists(subscriptions, max_size=6), ops=operations)
def test_match_equals_brute_force(initial: list[Subscription],
                                  ops: list[tuple[str, Any]]) -> None:
    index = SubscriptionIndex(initial)
    model = {s.base_code: s for s in initial}
    for op, arg in ops:
        if op == "put":
            index.put(arg)
            model[arg.base_code] = arg
        else:
            assert index.remove(arg) is model.pop(arg, None)
        for area in [*AREAS, "z", "*"]:
            for change in [*CHANGES, "4"]:
                found = index.match(area, change)
                assert len(found) == len({id(s) for s in found}), "no duplicates"
                assert {s.base_code for s in found} == brute_force(model, area, change)
                assert all(model[s.base_code] is s for s in found), "the current version"
    assert len(index) == len(model)
    assert {s.base_code for s in index} == set(model)
    assert all(index.get(code) is s for code, s in model.items())


def test_org_pushes_match_on_type_within_org_ids():
    known = default_catalog().workorder.type_ids
    index = SubscriptionIndex([
        Subscription.from_json(subscription("BOTH", orgTypes=[11], orgIds=[123]), known),
        Subscription.from_json({"baseCode": "ALL", "orgTypes": [11, 205]}, known),
        Subscription.from_json(subscription("WO"), known),
    ])
    assert [s.base_code for s in index.match("123", "org:11")] == ["BOTH", "ALL"]
    assert [s.base_code for s in index.match("9", "org:11")] == ["ALL"]
    assert [s.base_code for s in index.match("123", "org:205")] == ["ALL"]
    assert index.match("123", "org:12") == []
    # The work-order side is untouched: the org subscriber's "*" areas hold no changeIds.
    assert [s.base_code for s in index.match("fwwt", "1")] == ["BOTH", "WO"]
    index.remove("ALL")
    assert index.match("9", "org:11") == []
