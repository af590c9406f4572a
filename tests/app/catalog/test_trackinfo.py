"""trackInfo generation rules, exactly as the spec writes them (punctuation included)."""

from __future__ import annotations

import pytest

from app.catalog.findings import Code, Mode, Severity
from app.catalog.samples import sample
from app.catalog.trackinfo import (
    EndKind,
    TrackAction,
    action_of,
    end_kind_of,
    expected,
    order_ended,
    track_generated,
    track_handled,
)


def test_track_generated():
    assert track_generated("刘凯", "派单") == "待[刘凯]派单"


@pytest.mark.parametrize(("action", "review", "evalue", "text"), [
    (TrackAction.DISPATCH, None, None, "刘凯已派单"),
    (TrackAction.ACCEPT, None, None, "刘凯已接单"),
    (TrackAction.HANDLE, None, None, "刘凯已处理"),
    (TrackAction.REVIEW, "1", None, "刘凯已审核，审核通过"),
    (TrackAction.REVIEW, "2", None, "刘凯已审核，审核不通过"),
    (TrackAction.EVALUATE, None, "4", "刘凯已评价，评价4星"),
    (TrackAction.SYSTEM_EVALUATE, None, "5", "系统默认评价，评价5星"),
    (TrackAction.RETURN_VISIT, "1", None, "刘凯已回访，回访通过"),
    (TrackAction.RETURN_VISIT, "2", None, "刘凯已回访，回访不通过"),
])
def test_track_handled(action, review, evalue, text):
    track = {TrackAction.DISPATCH: "派单", TrackAction.ACCEPT: "接单",
             TrackAction.HANDLE: "处理", TrackAction.REVIEW: "审核",
             TrackAction.EVALUATE: "评价", TrackAction.SYSTEM_EVALUATE: "评价",
             TrackAction.RETURN_VISIT: "回访"}[action]
    assert track_handled(action, "刘凯", track, review, evalue) == text


def test_change_2_uses_a_full_width_comma_and_change_3_an_ascii_one():
    assert "，" in track_handled(TrackAction.REVIEW, "a", "审核", "1")
    assert order_ended(EndKind.CANCEL, "刘凯") == "刘凯已取消工单,工单结束"


@pytest.mark.parametrize(("kind", "operator", "text"), [
    (EndKind.NORMAL, "", "工单结束"),
    (EndKind.CANCEL, "刘凯", "刘凯已取消工单,工单结束"),
    (EndKind.FORCED_CLOSE, "刘凯", "刘凯已关闭工单,工单结束"),
    (EndKind.SYSTEM_CLOSE, "", "系统关闭工单,工单结束"),
])
def test_order_ended(kind, operator, text):
    assert order_ended(kind, operator) == text


@pytest.mark.parametrize(("review", "evalue"), [("3", None), (None, None)])
def test_review_needs_a_verdict(review, evalue):
    with pytest.raises(ValueError, match="reviewResult"):
        track_handled(TrackAction.REVIEW, "a", "审核", review, evalue)


def test_evaluation_needs_stars():
    with pytest.raises(ValueError, match="evalue"):
        track_handled(TrackAction.EVALUATE, "a", "评价", None, "6")


@pytest.mark.parametrize(("track", "user", "info", "action"), [
    ("派单", "刘凯", "", TrackAction.DISPATCH),
    ("接单", "刘凯", "", TrackAction.ACCEPT),
    ("处理", "刘凯", "", TrackAction.HANDLE),
    ("工程审核", "刘凯", "", TrackAction.REVIEW),
    ("回访", "刘凯", "", TrackAction.RETURN_VISIT),
    ("评价", "刘凯", "", TrackAction.EVALUATE),
    ("评价", "", "", TrackAction.SYSTEM_EVALUATE),
    ("评价", "刘凯", "系统默认评价，评价5星", TrackAction.SYSTEM_EVALUATE),
])
def test_action_of(track, user, info, action):
    assert action_of(track, user, info) is action


@pytest.mark.parametrize(("over", "operator", "kind"), [
    ("0", "", EndKind.NORMAL), ("1", "a", EndKind.CANCEL), ("2", "a", EndKind.FORCED_CLOSE),
    ("2", "", EndKind.SYSTEM_CLOSE), ("7", "", None)])
def test_end_kind_of(over, operator, kind):
    assert end_kind_of(over, operator) is kind


def test_several_pending_handlers():
    data = sample("5", currentUser=[{"userName": "甲"}, {"userName": "乙"}])
    texts, rule = expected("5", data)
    assert texts == ["待[甲]派单", "待[乙]派单", "待[甲、乙]派单"]
    assert rule == "待[${userName}]${trackName}"


@pytest.mark.parametrize(("change_id", "overrides"), [
    ("5", {"trackInfo": "待刘凯派单"}),
    ("2", {"trackInfo": "刘凯派单"}),
    ("2", {"trackName": "审核", "reviewResult": "2", "trackInfo": "刘凯已审核，审核通过"}),
    ("3", {"overType": "1", "operator": "刘凯", "trackInfo": "工单结束"}),
])
def test_validation_checks_trackinfo_against_the_events_own_data(catalog, change_id,
                                                                 overrides):
    data = sample(change_id, **overrides)
    strict = [f for f in catalog.validate_data(change_id, data) if f.code == Code.TRACKINFO]
    assert len(strict) == 1 and strict[0].severity is Severity.ERROR
    assert strict[0].path == "data.trackInfo" and strict[0].hint.startswith("expected '")
    lenient = [f for f in catalog.validate_data(change_id, data, Mode.LENIENT)
               if f.code == Code.TRACKINFO]
    assert lenient[0].severity is Severity.WARNING


def test_trackinfo_that_follows_the_rule_passes(catalog):
    data = sample("2", trackName="回访", reviewResult="1", trackInfo="刘凯已回访，回访通过")
    assert not [f for f in catalog.validate_data("2", data) if f.code == Code.TRACKINFO]
