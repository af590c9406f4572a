from __future__ import annotations

from app.catalog.samples import sample
from app.im.repair import contact_of, notification, order_of, receivers, status_of

CREATION = sample("1", serviceOrderId="O1")
CONTACT = contact_of(CREATION)


def test_the_contact_is_the_creation_events_user():
    assert CONTACT == ("110640113", "E110640113")
    assert receivers("1", CREATION, None) == [CONTACT]


def test_each_event_concerns_the_contact_and_its_own_people():
    assert receivers("5", sample("5"), CONTACT) == [CONTACT, ("94781", "E94781")]
    assert receivers("2", sample("2"), CONTACT) == [CONTACT, ("94781", "E94781")]
    assert receivers("7", sample("7"), CONTACT) == [CONTACT, ("94782", "E94782"),
                                                    ("94700", "E94700")]
    assert receivers("9", sample("9"), CONTACT) == [CONTACT, ("94782", "E94782"),
                                                    ("94783", "E94783")]
    assert receivers("3", sample("3"), CONTACT) == [CONTACT]
    assert receivers("3", sample("3"), None) == []  # an order we never saw created


def test_current_user_as_a_list_as_the_example_sends_it():
    data = sample("5", currentUser=[{"userId": "7", "eUserId": ""}])
    assert receivers("5", data, None) == [("7", "7")]  # no eUserId: the userId is the eosno


def test_order_and_status_are_built_from_the_creation_and_the_event():
    event = sample("2", serviceOrderId="O1")
    order = order_of("fwwt", CREATION, event)
    assert order["order_id"] == "O1" and order["contact_name"] == "噜噜噜"
    assert order["address"] == "海文花园2栋1单元" and order["data_area"] == "fwwt"
    status = status_of("2", event, 42)
    assert status["status"] == "track_handled" and status["handler_name"] == "刘凯"
    assert status["track_info"] == "刘凯已派单" and status["time"] == "20190802161700"
    assert status["event_id"] == 42
    doc = notification("E110640113", order, status)
    assert doc["msg_type"] == "repair_status_changed" and doc["eosno"] == "E110640113"


def test_the_spec_examples_drifted_userid_still_names_the_contact():
    """changeId 1's example writes `userid`; lenient mode accepts it, so the IM server must
    not quietly notify nobody."""
    assert contact_of({"userid": "u1"}) == ("u1", "u1")
    assert contact_of({"userId": "u2", "userid": "u1"}) == ("u2", "u2")
    assert contact_of({"userid": ""}) is None
    order = order_of("fwwt", {"userid": "u1", "contactname": "张三"}, {"serviceOrderId": "O1"})
    assert (order["contact_user_id"], order["contact_name"]) == ("u1", "张三")
