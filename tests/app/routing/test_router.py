"""Router.route: refuse what the platform does not send, otherwise the index's matches."""

from __future__ import annotations

from typing import Any

import pytest

from app.catalog import Catalog, default_catalog
from app.catalog.envelope import Envelope
from app.routing import topics
from app.routing.index import SubscriptionIndex
from app.routing.router import Router, UnsupportedEvent, topic_for
from app.routing.subscription import Subscription
from tests.conftest import example, subscription

KNOWN = default_catalog().workorder.type_ids


def sub(base_code: str, areas: list[str], changes: list[str], **fields: Any) -> Subscription:
    return Subscription.from_json(
        subscription(base_code, dataAreas=areas, changeIds=changes, **fields), KNOWN)


def codes(subs: list[Subscription]) -> set[str]:
    return {s.base_code for s in subs}


@pytest.fixture
def index() -> SubscriptionIndex:
    return SubscriptionIndex([
        sub("FWWT", ["fwwt"], ["1", "2", "8"]),
        sub("ALL", ["*"], ["1", "8"]),
        sub("OTHER", ["10008"], ["1"]),
        sub("OFF", ["fwwt"], ["1", "8"], enabled=False),
    ])


def test_change_8_is_refused(catalog: Catalog, index: SubscriptionIndex) -> None:
    with pytest.raises(UnsupportedEvent, match="督办") as caught:
        Router(catalog, index).route(Envelope("fwwt", "8", {"serviceOrderId": "1"}))
    text = str(caught.value)
    assert "not supported" in text
    assert "暂不支持" in text
    assert "changeId 8" in text
    assert "allow unsupported events" in text


def test_unsupported_event_is_a_value_error() -> None:
    assert issubclass(UnsupportedEvent, ValueError)


def test_change_8_is_refused_even_with_no_subscribers(catalog: Catalog) -> None:
    with pytest.raises(UnsupportedEvent):
        Router(catalog, SubscriptionIndex()).route(Envelope("fwwt", "8", {}))


def test_change_8_routes_when_allowed(catalog: Catalog, index: SubscriptionIndex) -> None:
    router = Router(catalog, index, allow_unsupported=True)
    assert codes(router.route(Envelope("fwwt", "8", {}))) == {"FWWT", "ALL"}


def test_allow_unsupported_can_be_switched_at_run_time(catalog: Catalog,
                                                       index: SubscriptionIndex) -> None:
    router = Router(catalog, index)
    router.allow_unsupported = True
    assert codes(router.route(Envelope("10008", "8", {}))) == {"ALL"}
    router.allow_unsupported = False
    with pytest.raises(UnsupportedEvent):
        router.route(Envelope("10008", "8", {}))


@pytest.mark.parametrize(("area", "change", "expected"), [
    pytest.param("fwwt", "1", {"FWWT", "ALL"}, id="exact-and-star"),
    pytest.param("10008", "1", {"OTHER", "ALL"}, id="other-area"),
    pytest.param("zz", "1", {"ALL"}, id="unlisted-area-star-only"),
    pytest.param("fwwt", "2", {"FWWT"}, id="only-one-subscribes"),
    pytest.param("fwwt", "3", set(), id="nobody-subscribes"),
    pytest.param("fwwt", "99", set(), id="unknown-change-goes-nowhere"),
])
def test_routes_to_index_matches(catalog: Catalog, index: SubscriptionIndex, area: str,
                                 change: str, expected: set[str]) -> None:
    routed = Router(catalog, index).route(Envelope(area, change, {}))
    assert codes(routed) == expected
    assert "OFF" not in codes(routed)
    assert codes(routed) == codes(index.match(area, change))


def test_routes_the_spec_envelope_example(catalog: Catalog, index: SubscriptionIndex) -> None:
    doc = example("envelope-changeId-1.json")
    envelope = Envelope(doc["dataArea"], doc["changeId"], doc["data"])
    assert codes(Router(catalog, index).route(envelope)) == {"FWWT", "ALL"}


def test_router_sees_index_changes(catalog: Catalog, index: SubscriptionIndex) -> None:
    router = Router(catalog, index)
    index.remove("ALL")
    index.put(sub("NEW", ["fwwt"], ["2"]))
    assert codes(router.route(Envelope("fwwt", "2", {}))) == {"FWWT", "NEW"}
    assert codes(router.route(Envelope("zz", "1", {}))) == set()


def test_topic_for_each_delivery(catalog: Catalog, index: SubscriptionIndex) -> None:
    envelope = Envelope("fwwt", "1", {})
    topics_ = sorted(topic_for(s.base_code, envelope.data_area)
                     for s in Router(catalog, index).route(envelope))
    assert topics_ == ["wo/push/ALL/fwwt", "wo/push/FWWT/fwwt"]


def test_router_reexports_topic_for() -> None:
    assert topic_for is topics.topic_for
    assert topic_for("HRZDWYWHXT", "fwwt") == "wo/push/HRZDWYWHXT/fwwt"
