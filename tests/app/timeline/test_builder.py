"""Order timelines: a realistic story built from strict-valid sample bodies, each anomaly kind
on its own, key drift, deliveries, JSON — and the whole path through the engine."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from app.catalog.samples import sample
from app.catalog.timefmt import format_time
from app.engine import Engine
from app.timeline import Timeline, build_timeline
from app.timeline.model import Hang, Mark, Track
from tests.conftest import subscription

ORDER = "4503599741262301"
CODE = "0120190802003048"
DISPATCH, DEAL, OVER = "450359974126230102", "450359974126230104", "450359974126230106"
#: Receive time of every event: 2019-08-02 18:30:00 local (changeId 7 has no time field).
RECEIVED = datetime(2019, 8, 2, 18, 30, 0).timestamp()
RECEIVED_TEXT = "20190802183000"


def events(*bodies: tuple[str, dict[str, Any]], first_id: int = 1) -> list[dict[str, Any]]:
    """Event dicts shaped like Store.events_for_order returns them."""
    return [{"id": first_id + i, "change_id": change, "data": data, "received_at": RECEIVED}
            for i, (change, data) in enumerate(bodies)]


def generated(track_id: str, code: str, name: str, user: str, at: str) -> dict[str, Any]:
    return sample("5", trackId=track_id, trackCode=code, trackName=name, statusName=f"待{name}",
                  createDate=at, trackInfo=f"待[{user}]{name}",
                  currentUser={"userId": "94782", "eUserId": "E94782", "userName": user,
                               "userType": "2", "userTel": "19100000002"})


def handled(track_id: str, code: str, name: str, user: str, at: str) -> dict[str, Any]:
    return sample("2", trackId=track_id, trackCode=code, trackName=name, createDate=at,
                  handleDate=at, currentUserName=user, trackInfo=f"{user}已{name}")


def hang(status: str, at: str, **extra: Any) -> dict[str, Any]:
    return sample("6", hangStatus=status, hangtime=at, **extra)


def story() -> list[tuple[str, dict[str, Any]]]:
    """1 create → 5/2 dispatch → 5 handle → hang 1/2/0 → transfer → urgent → timeout →
    2 handled → 3 normal end → 4 evaluation."""
    return [
        ("1", sample("1")),                                                          # 1
        ("5", sample("5")),                                                          # 2
        ("2", sample("2")),                                                          # 3
        ("5", generated(DEAL, "NODE_DS_DEAL", "处理", "王师傅", "20190802161700")),  # 4
        ("6", hang("1", "20190802170659")),                                          # 5
        ("6", hang("2", "20190802170800")),                                          # 6
        ("6", hang("0", "20190802170800", factRelieveHang="20190802171500")),        # 7
        ("9", sample("9")),                                                          # 8
        ("10", sample("10", createTime="20190802173500")),                           # 9
        ("7", sample("7")),                                                          # 10
        ("2", handled(DEAL, "NODE_DS_DEAL", "处理", "李电工", "20190802180000")),    # 11
        ("3", sample("3")),                                                          # 12
        ("4", sample("4", evaluateTime="20190802200000")),                           # 13
    ]


def build(*bodies: tuple[str, dict[str, Any]],
          deliveries: dict[int, list[dict[str, Any]]] | None = None) -> Timeline:
    return build_timeline(ORDER, events(*bodies), deliveries)


def kinds(t: Timeline) -> list[tuple[str, int]]:
    return [(a.kind, a.event_id) for a in t.anomalies]


# --- the clean story -------------------------------------------------------------------


@pytest.fixture
def clean() -> Timeline:
    return build(*story())


def test_story_has_no_anomalies(clean: Timeline) -> None:
    assert clean.anomalies == []


def test_story_creation_code_and_contact(clean: Timeline) -> None:
    assert clean.service_order_id == ORDER
    assert clean.service_order_code == CODE
    assert clean.created_at == "20190802161622"
    assert clean.created_event_id == 1
    assert clean.contact == {"userId": "110640113", "name": "噜噜噜", "tel": "19133333333"}


def test_story_tracks_in_order(clean: Timeline) -> None:
    assert [t.track_id for t in clean.tracks] == [DISPATCH, DEAL]
    dispatch, deal = clean.tracks
    assert dispatch == Track(
        track_id=DISPATCH, track_code="NODE_DS_DISPATCH", track_name="派单",
        generated_at="20190802161622", handled_at="20190802161700", handlers=["刘凯"],
        handled_by="刘凯", generated_event_id=2, handled_event_id=3, track_info="刘凯已派单",
        review_result=None, evalue=None)
    assert (deal.track_code, deal.track_name) == ("NODE_DS_DEAL", "处理")
    assert (deal.generated_at, deal.handled_at) == ("20190802161700", "20190802180000")
    assert (deal.generated_event_id, deal.handled_event_id) == (4, 11)
    # waited for 王师傅, transferred to 李电工, who handled it
    assert deal.handlers == ["王师傅", "李电工"]
    assert deal.handled_by == "李电工"
    assert deal.track_info == "李电工已处理"


def test_story_hang_interval(clean: Timeline) -> None:
    assert clean.hangs == [Hang(
        track_id=DEAL, requested_at="20190802170659", start="20190802170800",
        end="20190802171500", planned_end="20190803090000",
        transitions=[("1", "20190802170659", 5), ("2", "20190802170800", 6),
                     ("0", "20190802171500", 7)],
        remark="等待配件", by="王师傅")]


def test_story_marks(clean: Timeline) -> None:
    assert [(m.kind, m.event_id) for m in clean.marks] == [
        ("transfer", 8), ("urgent", 9), ("timeout", 10), ("end", 12), ("evaluation", 13)]
    transfer, urgent, timeout, end, evaluation = clean.marks
    assert transfer.time == "20190802173000"
    assert transfer.track_id == DEAL
    assert transfer.details == {"from": "王师傅", "fromId": "94782", "to": "李电工",
                                "toId": "94783", "remark": "非本人专业，转电工班"}
    assert "王师傅 → 李电工" in transfer.label

    assert urgent.time == "20190802173500"
    assert urgent.details == {"comment": "请尽快上门", "photo": "", "by": "噜噜噜"}
    assert "加急" in urgent.label

    # changeId 7 carries no time: the receive time stands in
    assert timeout.time == format_time(datetime.fromtimestamp(RECEIVED)) == RECEIVED_TEXT
    assert timeout.details == {"supflag": "1", "currentUser": ["王师傅"], "supUser": ["张主管"]}
    assert "1" in timeout.label

    assert end == Mark("end", "20190802190338", 12, "工单结束", OVER,
                       {"overType": "0", "meaning": "completed normally", "operator": "",
                        "dealAdvise": ""})
    assert evaluation.time == "20190802200000"
    assert evaluation.details == {"evalue": "4", "evaluator": "噜噜噜", "evaluateMsg": "好评"}
    assert clean.over_type == "0"
    assert clean.ended_at == "20190802190338"


def test_story_events(clean: Timeline) -> None:
    assert [e.event_id for e in clean.events] == list(range(1, 14))
    assert [e.change_id for e in clean.events] == [
        "1", "5", "2", "5", "6", "6", "6", "9", "10", "7", "2", "3", "4"]
    by_id = {e.event_id: e for e in clean.events}
    assert by_id[2].summary == "待[刘凯]派单"
    assert by_id[3].summary == "刘凯已派单"
    assert by_id[12].summary == "工单结束"
    assert by_id[3].time == "20190802161700"
    assert by_id[4].track_id == DEAL
    assert by_id[1].summary.startswith(f"生成工单 {CODE}")
    assert all(e.deliveries == [] for e in clean.events)


def test_events_are_read_in_id_order_whatever_the_input_order() -> None:
    shuffled = list(reversed(events(*story())))
    assert build_timeline(ORDER, shuffled) == build(*story())


def test_open_order_has_no_end() -> None:
    t = build(*story()[:4])
    assert (t.over_type, t.ended_at) == (None, None)
    assert t.anomalies == []
    assert t.tracks[1].handled_at is None


def test_hang_refused_closes_the_interval() -> None:
    t = build(("1", sample("1")), ("6", hang("1", "20190802170659")),
              ("6", hang("3", "20190802171000")))
    assert t.anomalies == []
    (h,) = t.hangs
    assert (h.requested_at, h.start, h.end) == ("20190802170659", None, "20190802171000")


def test_the_end_closes_an_open_hang() -> None:
    t = build(("1", sample("1")), ("6", hang("1", "20190802170659")),
              ("6", hang("2", "20190802170800")), ("3", sample("3", overType="1")))
    (h,) = t.hangs
    assert h.end == "20190802190338"
    assert t.over_type == "1"
    assert t.marks[-1].details["meaning"] == "cancelled (terminated)"
    assert t.anomalies == []  # a cancelled order needs no handled tracks


def test_invalid_time_falls_back_to_receive_time() -> None:
    t = build(("1", sample("1", createDate="20191302161622")))
    assert t.created_at == RECEIVED_TEXT


# --- anomalies, one kind at a time -----------------------------------------------------


def test_unknown_order() -> None:
    t = build(("5", sample("5")), ("2", sample("2")))
    assert kinds(t) == [("unknown-order", 1)]
    assert "changeId 5" in t.anomalies[0].message
    assert t.anomalies[0].message_zh
    assert t.created_at is None


def test_duplicate_creation() -> None:
    t = build(("1", sample("1")), ("1", sample("1", serviceOrderCode="OTHER",
                                                 contactName="别人")))
    assert kinds(t) == [("duplicate-creation", 2)]
    assert t.service_order_code == CODE  # the first creation stands
    assert t.contact["name"] == "噜噜噜"
    assert t.created_event_id == 1


def test_handled_before_generated() -> None:
    t = build(("1", sample("1")), ("5", sample("5", createDate="20190802161622")),
              ("2", sample("2", handleDate="20190802161500")))
    assert kinds(t) == [("handled-before-generated", 3)]
    assert "20190802161500" in t.anomalies[0].message


def test_missing_step_handled_without_generation() -> None:
    t = build(("1", sample("1")), ("2", sample("2")))
    assert kinds(t) == [("missing-step", 2)]
    assert DISPATCH in t.anomalies[0].message
    assert t.tracks[0].generated_at is None
    assert t.tracks[0].handled_at == "20190802161700"


def test_missing_step_normal_end_with_an_unhandled_track() -> None:
    t = build(("1", sample("1")), ("5", sample("5")), ("2", sample("2")),
              ("5", generated(DEAL, "NODE_DS_DEAL", "处理", "王师傅", "20190802161700")),
              ("3", sample("3")))
    assert kinds(t) == [("missing-step", 5)]
    assert DEAL in t.anomalies[0].message


def test_missing_step_normal_end_without_tracks() -> None:
    t = build(("1", sample("1")), ("3", sample("3")))
    assert kinds(t) == [("missing-step", 2)]


def test_after_end() -> None:
    t = build(("1", sample("1")), ("5", sample("5")), ("2", sample("2")), ("3", sample("3")),
              ("10", sample("10", trackId=DISPATCH)))
    assert kinds(t) == [("after-end", 5)]
    assert "event 4" in t.anomalies[0].message


def test_evaluation_after_end_is_not_an_anomaly() -> None:
    t = build(("1", sample("1")), ("5", sample("5")), ("2", sample("2")), ("3", sample("3")),
              ("4", sample("4")))
    assert t.anomalies == []
    assert t.marks[-1].kind == "evaluation"


def test_duplicate_track() -> None:
    t = build(("1", sample("1")), ("5", sample("5")),
              ("5", sample("5", createDate="20190802161650")))
    assert kinds(t) == [("duplicate-track", 3)]
    assert len(t.tracks) == 1
    assert t.tracks[0].generated_at == "20190802161622"  # the first generation stands


def test_duplicate_handling() -> None:
    t = build(("1", sample("1")), ("5", sample("5")), ("2", sample("2")),
              ("2", sample("2", handleDate="20190802162000", currentUserName="别人")))
    assert kinds(t) == [("duplicate-handling", 4)]
    assert t.tracks[0].handled_at == "20190802161700"
    assert t.tracks[0].handled_by == "刘凯"


def test_out_of_order_unhang_without_hang() -> None:
    t = build(("1", sample("1")),
              ("6", hang("0", "20190802170800", factRelieveHang="20190802171500")))
    assert kinds(t) == [("out-of-order", 2)]
    assert "no hang" in t.anomalies[0].message


def test_out_of_order_hung_without_request() -> None:
    t = build(("1", sample("1")), ("6", hang("2", "20190802170800")))
    assert kinds(t) == [("out-of-order", 2)]
    (h,) = t.hangs
    assert h.start == "20190802170800"


def test_one_anomaly_kind_does_not_hide_another() -> None:
    t = build(("5", sample("5")), ("1", sample("1")), ("1", sample("1")), ("3", sample("3")),
              ("10", sample("10")))
    # the track generated by event 1 was never handled: the normal end flags that too; and
    # the comment names the DEAL track while only DISPATCH was ever generated
    assert kinds(t) == [("unknown-order", 1), ("duplicate-creation", 3), ("missing-step", 4),
                        ("after-end", 5), ("unknown-track", 5)]


# --- drift, deliveries, JSON -----------------------------------------------------------


def test_drifted_keys_are_still_read() -> None:
    create = sample("1")
    for table_key, drifted in (("userId", "userid"), ("contactName", "contactname")):
        create[drifted] = create.pop(table_key)

    def drifted(status: str, at: str, **extra: str) -> dict[str, Any]:
        """changeId 6 with the spec example's spellings: hangTime, planRelieveTime,
        "hangRemark " and "factRelieveHang " (trailing spaces inside the keys)."""
        body = sample("6", hangStatus=status)
        for key in ("hangtime", "planrelievetime", "hangremark", "factRelieveHang"):
            del body[key]
        body.update({"hangTime": at, "planRelieveTime": "20190803100000",
                     "hangRemark ": "等待配件到货", **extra})
        return body

    requested = drifted("1", "20190802170659")
    hung = drifted("2", "20190802170800")
    relieved = drifted("0", "20190802170800", **{"factRelieveHang ": "20190802171500"})

    t = build(("1", create), ("6", requested), ("6", hung), ("6", relieved))
    assert t.contact == {"userId": "110640113", "name": "噜噜噜", "tel": "19133333333"}
    (h,) = t.hangs
    assert h.remark == "等待配件到货"
    assert h.planned_end == "20190803100000"
    assert (h.requested_at, h.start, h.end) == (
        "20190802170659", "20190802170800", "20190802171500")
    assert t.anomalies == []


def test_current_user_as_a_list_is_read() -> None:
    body = sample("5", currentUser=[{"userName": "刘凯"}, {"userName": " 王师傅 "}])
    t = build(("1", sample("1")), ("5", body))
    assert t.tracks[0].handlers == ["刘凯", "王师傅"]


def test_deliveries_appear_on_their_events() -> None:
    rows = {
        1: [{"id": 1, "event_id": 1, "base_code": "HRZDWYWHXT", "status": "pending",
             "attempts": 0, "next_attempt_at": 1.0, "created_at": 1.0, "updated_at": None,
             "last_error": None},
            {"id": 2, "event_id": 1, "base_code": "B2", "status": "delivered",
             "attempts": 1, "next_attempt_at": None, "created_at": 1.0, "updated_at": 2.0,
             "last_error": None}],
        3: [{"id": 3, "event_id": 3, "base_code": "B2", "status": "failed", "attempts": 5,
             "next_attempt_at": None, "created_at": 1.0, "updated_at": 2.0,
             "last_error": "HTTP 500"}],
    }
    t = build(("1", sample("1")), ("5", sample("5")), ("2", sample("2")), deliveries=rows)
    by_id = {e.event_id: e.deliveries for e in t.events}
    assert by_id[1] == [
        {"id": 1, "baseCode": "HRZDWYWHXT", "status": "pending", "attempts": 0},
        {"id": 2, "baseCode": "B2", "status": "delivered", "attempts": 1}]
    assert by_id[2] == []
    assert by_id[3] == [{"id": 3, "baseCode": "B2", "status": "failed", "attempts": 5}]


def test_to_json_is_json_serialisable(clean: Timeline) -> None:
    out = clean.to_json()
    text = json.dumps(out, ensure_ascii=False)
    back = json.loads(text)
    assert back["service_order_id"] == ORDER
    assert back["hangs"][0]["transitions"] == [
        {"hangStatus": "1", "time": "20190802170659", "eventId": 5},
        {"hangStatus": "2", "time": "20190802170800", "eventId": 6},
        {"hangStatus": "0", "time": "20190802171500", "eventId": 7}]
    assert [m["kind"] for m in back["marks"]] == [
        "transfer", "urgent", "timeout", "end", "evaluation"]
    assert len(back["events"]) == 13
    assert back["anomalies"] == []
    anomalous = build(("5", sample("5")))
    assert json.loads(json.dumps(anomalous.to_json()))["anomalies"][0]["kind"] == (
        "unknown-order")


def test_null_user_name_does_not_break_the_timeline() -> None:
    user = dict(sample("5")["currentUser"], userName=None)
    t = build(("1", sample("1")), ("5", sample("5", currentUser=user)))
    assert [tr.track_id for tr in t.tracks] == [DISPATCH]


# --- through the engine: stored events, deliveries, timeline ---------------------------


async def test_engine_timeline_with_deliveries(engine: Engine) -> None:
    await engine.put_subscription(subscription())  # fwwt, changeIds 1 5 2 3
    bodies = [("1", sample("1")), ("5", sample("5")), ("2", sample("2")),
              ("6", hang("1", "20190802170659", trackId=DISPATCH)), ("3", sample("3"))]
    accepted = []
    for change, data in bodies:
        result = await engine.submit({"changeId": change, "dataArea": "fwwt", "data": data})
        assert hasattr(result, "event_id"), result
        accepted.append(result)

    t = engine.timeline(ORDER)
    assert t is not None
    assert [e.event_id for e in t.events] == [a.event_id for a in accepted]
    assert [e.change_id for e in t.events] == ["1", "5", "2", "6", "3"]
    assert t.created_at == "20190802161622"
    assert t.service_order_code == CODE
    assert t.contact["name"] == "噜噜噜"
    assert [tr.track_id for tr in t.tracks] == [DISPATCH]
    assert t.tracks[0].handled_by == "刘凯"
    assert t.over_type == "0"
    assert t.anomalies == []
    # the subscription takes 1 5 2 3: those events carry a pending delivery, 6 none
    for e, a in zip(t.events, accepted, strict=True):
        if e.change_id == "6":
            assert e.deliveries == []
        else:
            assert e.deliveries == [{"id": a.first_delivery_id, "baseCode": "HRZDWYWHXT",
                                     "status": "pending", "attempts": 0}]
    assert json.dumps(t.to_json(), ensure_ascii=False)
    assert engine.timeline("no-such-order") is None


async def test_engine_timeline_flags_an_anomaly_from_stored_events(engine: Engine) -> None:
    result = await engine.submit({"changeId": "2", "dataArea": "fwwt", "data": sample("2")})
    t = engine.timeline(ORDER)
    assert t is not None
    assert kinds(t) == [("unknown-order", result.event_id), ("missing-step", result.event_id)]
    assert t.events[0].deliveries == []  # no subscription, no delivery


async def test_engine_timeline_of_an_accepted_null_user_name(engine: Engine) -> None:
    user = dict(sample("5")["currentUser"], userName=None)
    for change, data in (("1", sample("1")), ("5", sample("5", currentUser=user))):
        result = await engine.submit({"changeId": change, "dataArea": "fwwt", "data": data})
        assert hasattr(result, "event_id"), result  # accepted (with a warning)
    t = engine.timeline(ORDER)
    assert t is not None
    assert [tr.track_id for tr in t.tracks] == [DISPATCH]


def test_generated_after_handled_is_out_of_order() -> None:
    t = build(("1", sample("1")), ("2", sample("2")), ("5", sample("5")))
    assert kinds(t) == [("missing-step", 2), ("out-of-order", 3)]
    assert "after it was handled" in t.anomalies[1].message


def test_a_second_evaluation_is_flagged() -> None:
    t = build(("1", sample("1")), ("4", sample("4")), ("4", sample("4", evalue="1")))
    assert kinds(t) == [("duplicate-evaluation", 3)]


@pytest.mark.parametrize("change", ["6", "7", "9", "10"])
def test_events_on_a_track_never_generated(change: str) -> None:
    t = build(("1", sample("1")), ("5", sample("5")), (change, sample(change)))
    assert ("unknown-track", 3) in kinds(t)
