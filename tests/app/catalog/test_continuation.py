"""The next event of an order, pre-filled from its stored events: consistent ids, track and
handlers, valid in strict mode, and accepted by a real engine in the order's timeline."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.catalog.continuation import carry_over, continue_order
from app.catalog.findings import Mode, has_errors
from app.catalog.samples import change_ids, sample
from tests.conftest import example

NOW = datetime(2024, 3, 5, 9, 30, 0)
ORDER = "7700000000000001"


def created(**overrides):
    return sample("1", serviceOrderId=ORDER, serviceOrderCode="WO-77", userId="555",
                  contactName="小王", trackId=f"{ORDER}01", **overrides)


def rows(*bodies):
    """Store-shaped rows of (changeId, data)."""
    return [{"id": i + 1, "change_id": cid, "data_area": "dqwt", "data": data}
            for i, (cid, data) in enumerate(bodies)]


@pytest.mark.parametrize("cid", change_ids())
def test_every_next_event_is_strict_valid_and_keeps_the_order(catalog, cid):
    body = continue_order(rows(("1", created())), cid, NOW)
    assert body["changeId"] == cid and body["dataArea"] == "dqwt" and body["baseCode"] == ""
    data = body["data"]
    assert data["serviceOrderId"] == ORDER and data["serviceOrderCode"] == "WO-77"
    findings = catalog.validate_data(cid, data, Mode.STRICT)
    assert not has_errors(findings), [str(f) for f in findings]


def test_after_creation_the_next_track_is_dispatch_with_a_new_track_id():
    data = continue_order(rows(("1", created())), "5", NOW)["data"]
    assert data["trackId"] == f"{ORDER}02"
    assert (data["trackCode"], data["trackName"], data["statusName"]) == (
        "NODE_DS_DISPATCH", "派单", "待派单")
    assert data["currentUser"]["userName"] == "刘凯"
    assert data["trackInfo"] == "待[刘凯]派单"
    assert data["createDate"] == "20240305093000"


def test_handling_closes_the_open_track_with_its_pending_user():
    generated = continue_order(rows(("1", created())), "5", NOW)["data"]
    generated["currentUser"] = {"userId": "9", "eUserId": "E9", "userName": "老李",
                                "userType": "2"}
    events = rows(("1", created()), ("5", generated))
    data = continue_order(events, "2", NOW)["data"]
    assert data["trackId"] == generated["trackId"]
    assert (data["currentUserId"], data["currentEuserId"], data["currentUserName"]) == (
        "9", "E9", "老李")
    assert data["trackInfo"] == "老李已派单" and data["statusName"] == "已派单"
    assert data["handleDate"] == data["createDate"] == "20240305093000"


def test_after_a_handled_track_the_flow_moves_on_and_a_hang_follows_its_sequence():
    g = continue_order(rows(("1", created())), "5", NOW)["data"]
    h = continue_order(rows(("1", created()), ("5", g)), "2", NOW)["data"]
    events = rows(("1", created()), ("5", g), ("2", h))
    nxt = continue_order(events, "5", NOW)["data"]
    assert nxt["trackName"] == "接单" and nxt["trackId"] == f"{ORDER}03"
    deal = dict(nxt, trackName="处理", trackCode="NODE_DS_DEAL")
    events = rows(("1", created()), ("5", g), ("2", h), ("5", deal))
    hang = continue_order(events, "6", NOW)["data"]
    assert hang["trackId"] == deal["trackId"] and hang["hangStatus"] == "1"
    assert hang["userName"] == deal["currentUser"]["userName"]
    hung = continue_order(events + rows(("6", hang)), "6", NOW)["data"]
    assert hung["hangStatus"] == "2"
    relieved = continue_order(events + rows(("6", hang), ("6", hung)), "6", NOW)["data"]
    assert relieved["hangStatus"] == "0" and relieved["factRelieveHang"] == "20240305093000"
    end = continue_order(events, "3", NOW)["data"]
    assert end["trackName"] == "结束" and end["trackId"] == f"{ORDER}04"


def test_drifted_keys_of_the_spec_example_are_read():
    events = rows(("1", example("changeId-1.json")))
    data = continue_order(events, "10", NOW)["data"]
    spec = example("changeId-1.json")
    assert data["serviceOrderId"] == spec["serviceOrderId"]
    assert data["userId"] == spec["userid"] and data["userName"] == spec["contactname"]


def test_no_events_give_the_sample_and_unknown_change_ids_are_refused():
    assert continue_order([], "4", NOW)["data"]["evaluateTime"] == "20240305093000"
    with pytest.raises(KeyError):
        continue_order([], "11", NOW)


def test_carry_over_keeps_the_order_fields_only():
    previous = created()
    data = carry_over(previous, "5")
    assert data["serviceOrderId"] == ORDER and data["serviceOrderCode"] == "WO-77"
    assert data["trackId"] == sample("5")["trackId"]  # a track is not the order's
