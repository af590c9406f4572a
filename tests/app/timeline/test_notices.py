"""IM notifications and pushes per event of an order, read back from the real IM server's log
(a real Mosquitto, users offline so each notification is queued and pushed)."""

from __future__ import annotations

import base64
import json

import pytest

from app.broker.managed import find_mosquitto
from app.catalog.samples import sample
from app.im import wire
from app.timeline.notices import decode, notices, order_users
from tests.conftest import until

ORDER = "WO-N1"


def body(change_id: str, **fields):
    return {"changeId": change_id, "dataArea": "fwwt",
            "data": sample(change_id, serviceOrderId=ORDER, **fields)}


def test_the_users_an_order_concerns_contact_first():
    events = [{"change_id": "1", "data": sample("1")}, {"change_id": "5", "data": sample("5")},
              {"change_id": "9", "data": sample("9")}, {"change_id": "5", "data": "not a dict"}]
    users = order_users(events)
    assert users[0] == "110640113"  # the contact
    assert "94781" in users and len(users) == len(set(users))


def test_rows_that_are_not_notifications_are_skipped():
    assert decode({"type": "order_chat", "direction": "out", "body": "{}"}) is None
    assert decode({"type": "repair_status_changed", "direction": "out",
                   "body": "not json", "binary": 0}) is None
    assert decode({"type": "repair_status_changed", "direction": "out",
                   "body": "!!", "binary": 1}) is None


def test_a_record_whose_protobuf_content_is_broken_is_skipped_not_raised():
    """protobuf's DecodeError is no ValueError: one bad row stopped the whole drawing."""
    record = wire.sync_binary({"msgid": 1, "content": b"\xff\xff\xff", "contentIsPB": 1})
    assert decode({"type": "repair_status_changed", "direction": "out", "binary": 1,
                   "body": base64.b64encode(record).decode()}) is None
    as_json = json.dumps({"msgid": 2, "content": base64.b64encode(b'{"a": 1}').decode()})
    assert decode({"type": "repair_status_changed", "direction": "out", "binary": 0,
                   "body": as_json}) is None  # JSON, but not a NotifyRepairStatus


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_each_event_lists_who_was_notified_and_pushed(im, engine):
    await im.put_user({"userID": "110640113", "name": "contact"})
    await im.put_user({"userID": "94781", "name": "dispatcher", "encoding": "protobuf"})
    first = await engine.submit(body("1"))
    second = await engine.submit(body("5", currentUser={"userId": "94781", "userName": "刘凯"}))
    await engine.submit({"changeId": "1", "dataArea": "fwwt",
                         "data": sample("1", serviceOrderId="ANOTHER")})
    await until(lambda: im.counts["notifications"] >= 4)
    await im.flush()

    found = notices(engine.store, ORDER)
    assert set(found) == {first.event_id, second.event_id}  # not the other order's
    assert [(n["userId"], n["status"]) for n in found[first.event_id]] == [
        ("110640113", "queued")]
    users = {n["userId"] for n in found[second.event_id]}
    assert users == {"110640113", "94781"}  # the protobuf one decoded too
    for notice in (*found[first.event_id], *found[second.event_id]):
        assert notice["push"] is not None and notice["push"]["userID"] == notice["userId"]
    assert notices(engine.store, "NO-SUCH-ORDER") == {}
