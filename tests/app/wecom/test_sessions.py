"""Sessions as the events tell them: scripted conversations, no store."""

from __future__ import annotations

from app.wecom.message import Message
from app.wecom.sessions import CLOSED, SERVING, WAITING, Servicer, Session, Sessions

KF, CUSTOMER = "wkKF", "wmCUSTOMER"


def event(n: int, event: dict) -> Message:
    return Message.from_item({"msgid": f"e{n}", "send_time": n, "origin": 4,
                              "msgtype": "event",
                              "event": {"open_kfid": KF, "external_userid": CUSTOMER, **event}})


def said(n: int, origin: int = 3, servicer: str = "") -> Message:
    return Message.from_item({"msgid": f"m{n}", "open_kfid": KF, "external_userid": CUSTOMER,
                              "servicer_userid": servicer, "send_time": n, "origin": origin,
                              "msgtype": "text", "text": {"content": "x"}})


def change(n: int, change_type: int, old: str = "", new: str = "", code: str = "") -> Message:
    fields = {"event_type": "session_status_change", "change_type": change_type}
    fields.update({k: v for k, v in (("old_servicer_userid", old),
                                     ("new_servicer_userid", new), ("msg_code", code)) if v})
    return event(n, fields)


def test_a_whole_conversation():
    desk = Sessions()
    desk.apply([event(1, {"event_type": "enter_session", "scene": "qiantai",
                          "welcome_code": "W"})])
    s = desk.session(KF, CUSTOMER)
    assert s is not None and (s.state, s.scene, s.welcome_code) == (WAITING, "qiantai", "W")
    desk.apply([change(2, 1, new="zhangsan", code="C1"), said(3), said(4, 5, "zhangsan")])
    s = desk.session(KF, CUSTOMER)
    assert (s.state, s.servicer_userid, s.msg_code, s.messages) == (SERVING, "zhangsan", "C1",
                                                                    4)
    desk.apply([change(5, 2, old="zhangsan", new="lisi")])
    s = desk.session(KF, CUSTOMER)
    assert (s.servicer_userid, s.transfers) == ("lisi", 1)
    desk.apply([change(6, 3, old="lisi", code="C3")])
    s = desk.session(KF, CUSTOMER)
    assert (s.state, s.servicer_userid, s.msg_code, s.last_msgid) == (CLOSED, "", "C3", "e6")
    desk.apply([said(7)])  # the customer writes again: back in the queue
    assert desk.session(KF, CUSTOMER).state == WAITING


def test_an_older_message_does_not_rewind_the_session():
    desk = Sessions()
    desk.apply([change(10, 3, old="zhangsan", code="C")])
    desk.apply([change(5, 1, new="zhangsan", code="C")])  # a page read again, late
    s = desk.session(KF, CUSTOMER)
    assert s.state == CLOSED and s.messages == 2 and s.last_at == 10


def test_a_servicers_message_names_who_serves():
    desk = Sessions()
    desk.apply([said(1), said(2, 5, "wangwu")])
    assert (desk.session(KF, CUSTOMER).state,
            desk.session(KF, CUSTOMER).servicer_userid) == (SERVING, "wangwu")


def test_servicer_status_and_preview_without_commit():
    desk = Sessions()
    status = Message.from_item({"msgid": "s", "send_time": 9, "origin": 4, "msgtype": "event",
                                "event": {"event_type": "servicer_status_change",
                                          "servicer_userid": "zhangsan", "open_kfid": KF,
                                          "status": 2}})
    changes = desk.preview([status, said(1)])
    assert desk.servicers == {} and desk.sessions == {}
    assert changes.servicers[(KF, "zhangsan")] == Servicer(KF, "zhangsan", 2, 9)
    desk.commit(changes)
    assert desk.servicers[(KF, "zhangsan")].status == 2
    older = Message.from_item({**status.item, "msgid": "s0", "send_time": 1,
                               "event": {**status.item["event"], "status": 1}})
    desk.apply([older])
    assert desk.servicers[(KF, "zhangsan")].status == 2


def test_sessions_round_trip_through_json():
    s = Session(KF, CUSTOMER, SERVING, "zhangsan", 3, 4, "m4", 4, 1, "qiantai", "C", "W")
    assert Session.from_json({**s.to_json(), "added_later": 1}) == s
    v = Servicer(KF, "zhangsan", 1, 5)
    assert Servicer.from_json(v.to_json()) == v
    assert Sessions([s], [v]).session(KF, CUSTOMER) == s
