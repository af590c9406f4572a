"""explain(): every reason an event does or does not reach a subscription, router's first."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog import Catalog, default_catalog
from app.catalog.envelope import Envelope
from app.routing.explain import Explanation, Reason, explain
from app.routing.index import SubscriptionIndex
from app.routing.router import Router, UnsupportedEvent
from app.routing.subscription import Subscription
from tests.conftest import subscription

KNOWN = default_catalog().workorder.type_ids


def sub(base_code: str = "HRZDWYWHXT", **fields: Any) -> Subscription:
    return Subscription.from_json(subscription(base_code, **fields), KNOWN)


def test_matched(catalog: Catalog) -> None:
    why = explain(sub(), "fwwt", "1", catalog)
    assert why.reasons == (Reason.MATCHED,)
    assert why.reason is Reason.MATCHED
    assert why.matched
    assert "HRZDWYWHXT" in why.messages[0]
    assert "HRZDWYWHXT" in why.messages_zh[0]
    assert "会收到" in why.messages_zh[0]


def test_star_scope_matches_any_area(catalog: Catalog) -> None:
    assert explain(sub(dataAreas=["*"]), "whatever", "2", catalog).matched


def test_disabled(catalog: Catalog) -> None:
    why = explain(sub(enabled=False), "fwwt", "1", catalog)
    assert why.reasons == (Reason.DISABLED,)
    assert not why.matched
    assert "HRZDWYWHXT" in why.messages[0] and "disabled" in why.messages[0]
    assert "HRZDWYWHXT" in why.messages_zh[0] and "停用" in why.messages_zh[0]


def test_area_out_of_scope(catalog: Catalog) -> None:
    why = explain(sub(dataAreas=["fwwt", "zz"]), "10008", "1", catalog)
    assert why.reasons == (Reason.AREA_OUT_OF_SCOPE,)
    for text in (why.messages[0], why.messages_zh[0]):
        assert "10008" in text
        assert "fwwt, zz" in text
    assert "scope" in why.messages[0]
    assert "范围" in why.messages_zh[0]


def test_change_not_subscribed(catalog: Catalog) -> None:
    why = explain(sub(changeIds=["10", "1", "5"]), "fwwt", "4", catalog)
    assert why.reasons == (Reason.CHANGE_NOT_SUBSCRIBED,)
    for text in (why.messages[0], why.messages_zh[0]):
        assert "4" in text
        assert "1, 5, 10" in text
    assert "未订阅" in why.messages_zh[0]


def test_change_8_is_unsupported(catalog: Catalog) -> None:
    why = explain(sub(changeIds=["8"]), "fwwt", "8", catalog)
    assert why.reasons == (Reason.CHANGE_UNSUPPORTED,)
    assert not why.matched
    assert "8" in why.messages[0]
    assert "not supported" in why.messages[0]
    assert "allow unsupported events" in why.messages[0]
    assert "督办" in why.messages_zh[0]
    assert "暂不支持" in why.messages_zh[0]


def test_change_8_matches_when_unsupported_events_are_allowed(catalog: Catalog) -> None:
    why = explain(sub(changeIds=["8"]), "fwwt", "8", catalog, allow_unsupported=True)
    assert why.reasons == (Reason.MATCHED,)


def test_change_8_allowed_but_not_subscribed(catalog: Catalog) -> None:
    why = explain(sub(changeIds=["1"]), "fwwt", "8", catalog, allow_unsupported=True)
    assert why.reasons == (Reason.CHANGE_NOT_SUBSCRIBED,)


def test_unknown_change(catalog: Catalog) -> None:
    why = explain(sub(), "fwwt", "99", catalog)
    # An unknown changeId can never be among the subscribed ones, so both are listed.
    assert why.reasons == (Reason.UNKNOWN_CHANGE, Reason.CHANGE_NOT_SUBSCRIBED)
    assert why.reason is Reason.UNKNOWN_CHANGE
    assert "'99'" in why.messages[0] and "not a known event" in why.messages[0]
    assert "'99'" in why.messages_zh[0] and "不是已知事件" in why.messages_zh[0]


def test_allow_unsupported_does_not_make_unknown_changes_known(catalog: Catalog) -> None:
    why = explain(sub(), "fwwt", "99", catalog, allow_unsupported=True)
    assert why.reason is Reason.UNKNOWN_CHANGE


def test_every_reason_at_once_router_stop_first(catalog: Catalog) -> None:
    why = explain(sub(enabled=False, changeIds=["1"]), "10008", "8", catalog)
    assert why.reasons == (Reason.CHANGE_UNSUPPORTED, Reason.DISABLED,
                           Reason.AREA_OUT_OF_SCOPE, Reason.CHANGE_NOT_SUBSCRIBED)
    assert why.reason is Reason.CHANGE_UNSUPPORTED
    assert len(why.messages) == len(why.messages_zh) == 4
    assert "督办" in why.messages_zh[0]
    assert "disabled" in why.messages[1]
    assert "10008" in why.messages[2]
    assert "8" in why.messages[3]


def test_disabled_and_out_of_scope(catalog: Catalog) -> None:
    why = explain(sub(enabled=False), "10008", "1", catalog)
    assert why.reasons == (Reason.DISABLED, Reason.AREA_OUT_OF_SCOPE)
    assert Reason.MATCHED not in why.reasons


def test_echoes_the_pair(catalog: Catalog) -> None:
    why = explain(sub("ZZ"), "10008", "3", catalog)
    assert (why.base_code, why.data_area, why.change_id) == ("ZZ", "10008", "3")


def test_to_json_shape(catalog: Catalog) -> None:
    why = explain(sub(enabled=False), "10008", "4", catalog)
    out = why.to_json()
    assert out == {
        "baseCode": "HRZDWYWHXT", "dataArea": "10008", "changeId": "4", "matched": False,
        "reason": "disabled",
        "reasons": ["disabled", "area-out-of-scope", "change-not-subscribed"],
        "messages": list(why.messages), "messagesZh": list(why.messages_zh),
    }
    assert all(type(r) is str for r in out["reasons"])
    assert type(out["reason"]) is str
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out


def test_to_json_matched(catalog: Catalog) -> None:
    out = explain(sub(), "fwwt", "1", catalog).to_json()
    assert out["matched"] is True
    assert out["reason"] == "matched"
    assert out["reasons"] == ["matched"]


def test_reason_values_are_stable() -> None:
    assert {str(r) for r in Reason} == {"matched", "event-refused", "change-unsupported",
                                        "unknown-change",
                                        "disabled", "area-out-of-scope",
                                        "change-not-subscribed"}


def test_explanation_is_immutable(catalog: Catalog) -> None:
    why: Explanation = explain(sub(), "fwwt", "1", catalog)
    with pytest.raises(AttributeError):
        why.reasons = ()  # type: ignore[misc]


# --- property: the explanation agrees with the router -------------------------------------

subs = st.builds(
    lambda code, areas, changes, enabled: sub(code, dataAreas=areas, changeIds=changes,
                                              enabled=enabled),
    st.sampled_from(["A", "B", "C", "D"]),
    st.one_of(st.just(["*"]), st.lists(st.sampled_from(["fwwt", "10008"]), min_size=1)),
    st.lists(st.sampled_from(["1", "2", "8", "10"]), min_size=1, max_size=4),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(population=st.lists(subs, max_size=6),
       area=st.sampled_from(["fwwt", "10008", "zz"]),
       change=st.sampled_from(["1", "2", "8", "10", "99"]),
       allow=st.booleans())
def test_explain_agrees_with_the_router(population: list[Subscription], area: str,
                                        change: str, allow: bool) -> None:
    catalog = default_catalog()
    index = SubscriptionIndex(population)
    router = Router(catalog, index, allow_unsupported=allow)
    verdicts = [explain(s, area, change, catalog, allow_unsupported=allow) for s in index]
    try:
        routed = {s.base_code for s in router.route(Envelope(area, change, {}))}
    except UnsupportedEvent:
        assert all(v.reason is Reason.CHANGE_UNSUPPORTED for v in verdicts)
        assert not allow
        return
    assert routed == {v.base_code for v in verdicts if v.matched}
    assert all(v.reason is not Reason.CHANGE_UNSUPPORTED for v in verdicts)


def test_org_pushes_are_explained_by_org_ids_and_org_types(catalog):
    known = catalog.workorder.type_ids
    sub = Subscription.from_json({"baseCode": "ORG", "orgTypes": [11], "orgIds": [123]},
                                 known)
    assert explain(sub, "123", "org:11", catalog).matched
    other = explain(sub, "9", "org:205", catalog)
    assert other.reasons == (Reason.AREA_OUT_OF_SCOPE, Reason.CHANGE_NOT_SUBSCRIBED)
    assert "org_id 9 is outside its orgIds (123)" in other.messages[0]
    assert "205 DEPARTMENT_CREATED is not among its orgTypes (11 ORG_UPDATED)" in \
        other.messages[1]
    assert explain(sub, "123", "org:99", catalog).reason is Reason.UNKNOWN_CHANGE


def test_a_work_order_event_and_an_org_only_subscriber(catalog):
    sub = Subscription.from_json({"baseCode": "ORG", "orgTypes": [11]},
                                 catalog.workorder.type_ids)
    why = explain(sub, "fwwt", "1", catalog)
    assert why.reasons == (Reason.CHANGE_NOT_SUBSCRIBED,)
    assert "none: it subscribes to organisation pushes" in why.messages[0]
