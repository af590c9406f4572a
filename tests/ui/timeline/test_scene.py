"""The drawn timeline, from timelines built by the core's own builder: the axis (with long
quiet gaps collapsed), lanes, badges and where things are."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from app.catalog.samples import sample
from app.catalog.timefmt import format_time
from app.timeline import build_timeline
from ui.timeline import times
from ui.timeline.scene import BREAK_W, LEFT, RIGHT, TimelineScene, _segments, delivery_outcome

DEAL = "450359974126230104"


def timeline(*bodies, deliveries=None):
    events = [{"id": i + 1, "change_id": c, "data": d, "received_at": time.time()}
              for i, (c, d) in enumerate(bodies)]
    return build_timeline("4503599741262301", events, deliveries)


def at(hours: float) -> str:
    """2019-08-02 08:00 plus ``hours``, as the events write times."""
    return format_time(datetime.fromtimestamp(datetime(2019, 8, 2, 8).timestamp()
                                              + hours * 3600))


def test_a_gap_that_dwarfs_the_order_is_collapsed_and_ordinary_nights_are_not():
    day = 86400
    assert _segments([0, 3600, 7200, 7 * 365 * day]) == [(0, 7200), (7 * 365 * day,
                                                                     7 * 365 * day)]
    nights = [0, 10 * 3600, 24 * 3600, 34 * 3600, 48 * 3600, 58 * 3600]
    assert _segments(nights) == [(0, 58 * 3600)]
    assert _segments([5.0]) == [(5.0, 5.0)]


def test_x_and_time_are_inverse_across_a_collapsed_gap(qapp):
    scene = TimelineScene()
    later = format_time(datetime(2026, 1, 1, 12, 0))
    scene.show(timeline(("1", sample("1", createDate=at(0))),
                        ("5", sample("5", createDate=at(2))),
                        ("10", sample("10", createTime=later))))
    assert len(scene.segments) == 2
    scene.set_scale(0.05)
    for t in (times.seconds(at(0)), times.seconds(at(1.5)), times.seconds(later)):
        assert scene.time_at(scene.x_of(t)) == pytest.approx(t)
    end_first = scene.x_of(times.seconds(at(2)))
    assert scene.x_of(times.seconds(later)) == pytest.approx(end_first + BREAK_W)
    inside = (times.seconds(at(2)) + times.seconds(later)) / 2  # in the gap: within the break
    assert end_first < scene.x_of(inside) < end_first + BREAK_W
    scene.set_scale(scene.fit_scale(800))
    assert scene.x_of(scene.end) <= 800 - RIGHT + 1
    assert scene.x_of(scene.start) == LEFT


def test_an_open_order_runs_to_now_when_it_is_recent(qapp):
    now = time.time()
    scene = TimelineScene()
    scene.show(timeline(("1", sample("1", createDate=format_time(
        datetime.fromtimestamp(now - 600))))))
    assert scene.open_end and scene.end == pytest.approx(time.time(), abs=5)
    old = TimelineScene()
    old.show(timeline(("1", sample("1"))))  # 2019: no stretching to today
    assert old.end == times.seconds(sample("1")["createDate"])


def test_badges_of_events_at_the_same_time_stack_instead_of_overprinting(qapp):
    same = at(1)
    deliveries = {2: [{"id": 1, "base_code": "A", "status": "delivered", "attempts": 1}],
                  3: [{"id": 2, "base_code": "A", "status": "pending", "attempts": 2}]}
    scene = TimelineScene()
    scene.show(timeline(("1", sample("1", createDate=at(0))),
                        ("10", sample("10", createTime=same)),
                        ("10", sample("10", createTime=same)), deliveries=deliveries))
    assert scene.badges() == [(2, "A", "delivered"), (3, "A", "retrying")]
    ys = sorted(item.sceneBoundingRect().top() for item in scene.items()
                if item.data(0) == "delivery")
    assert ys[1] > ys[0]


def test_delivery_outcomes():
    assert delivery_outcome({"status": "pending", "attempts": 0}) == "pending"
    assert delivery_outcome({"status": "pending", "attempts": 1}) == "retrying"
    assert delivery_outcome({"status": "failed", "attempts": 3}) == "failed"
    assert delivery_outcome({}) == "pending"


def test_lane_labels_stay_in_sight_while_panning(qapp):
    scene = TimelineScene()
    scene.show(timeline(("1", sample("1", createDate=at(0))),
                        ("5", sample("5", trackId=DEAL, createDate=at(0.5))),
                        ("2", sample("2", trackId=DEAL, handleDate=at(1), createDate=at(1))),
                        ("3", sample("3", handleDate=at(8), createDate=at(8)))))
    scene.set_scale(0.5)
    track_label = next(i for i in scene.items() if getattr(i, "text", None)
                       and i.text().startswith(scene.lane_titles()[1]))
    natural = track_label.x()
    scene.pin(natural + 300)
    assert track_label.x() == pytest.approx(natural + 304)
    far = scene.x_of(times.seconds(at(7)))  # far past the track's end: still named
    scene.pin(far)
    assert track_label.x() == pytest.approx(far + 4)
    scene.pin(0)
    assert track_label.x() == natural


def test_an_order_opened_from_a_wecom_message_says_so_on_its_first_event(qapp):
    scene = TimelineScene()
    story = timeline(("1", sample("1", createDate=at(0))), ("5", sample("5", createDate=at(1))))
    words = "你好，我家厨房水管漏水了，地上全是水，麻烦尽快派人来看看"
    story.origins = [{"kind": "wecom", "msgid": "MSG1", "externalUserId": "wmAJ2GCAAAme1XQRC",
                      "openKfid": "wkAJ2", "servicerUserId": "", "content": words,
                      "sendTime": 1741921260, "eventId": 1, "linkedAt": 1.0}]
    scene.show(story)
    assert scene.origins() == [(1, "MSG1")]
    title = scene.lane_titles()[0]
    assert title.endswith("from WeCom 微信客服 · customer wmAJ2GCAAA…: "
                          "“你好，我家厨房水管漏水了，地上全…”")
    [bubble] = [i for i in scene.items() if i.data(0) == "origin"]
    tip = bubble.toolTip()
    assert "MSG1" in tip and words in tip and "wkAJ2" in tip
    assert "customer wmAJ2GCAAAme1XQRC" in tip
    assert bubble.sceneBoundingRect().right() < scene.event_pos(1).x()  # beside its event
    assert scene.select("origin", story.origins[0])  # stays outlined across redraws
    scene.rebuild()
    assert scene._outline is not None
    scene.show(timeline(("1", sample("1", createDate=at(0)))))  # an order from elsewhere
    assert scene.origins() == [] and "WeCom" not in scene.lane_titles()[0]
