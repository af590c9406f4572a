"""Timeline times: the events' local yyyyMMddHHmmss, the axis' ticks and labels."""

from __future__ import annotations

from datetime import datetime

from ui.timeline import times


def test_seconds_reads_the_events_own_format_and_nothing_else():
    assert times.seconds("20190802161622") == datetime(2019, 8, 2, 16, 16, 22).timestamp()
    for bad in (None, "", "2019-08-02", "20191302161622", "2019080216162x"):
        assert times.seconds(bad) is None


def test_the_step_leaves_room_between_labels():
    assert times.step_for(1.0) == 120  # 1 px/s: 90 px needs 2 minutes
    assert times.step_for(100.0) == 1
    assert times.step_for(1e-9) == times.STEPS[-1]


def test_ticks_fall_on_the_local_clock():
    start = datetime(2019, 8, 2, 16, 16, 22).timestamp()
    end = datetime(2019, 8, 2, 20, 0, 0).timestamp()
    found = [datetime.fromtimestamp(t) for t in times.ticks(start, end, 3600)]
    assert [d.hour for d in found] == [17, 18, 19, 20]
    assert all(d.minute == 0 and d.second == 0 for d in found)


def test_labels_say_the_date_where_it_changes():
    t = datetime(2019, 8, 2, 23, 0).timestamp()
    assert times.tick_label(t, 3600, None) == "08-02 23:00"
    assert times.tick_label(t, 3600, t - 3600) == "23:00"
    assert times.tick_label(t + 3600, 3600, t) == "08-03 00:00"
    assert times.tick_label(t, 30, t - 30) == "23:00:00"
    assert times.tick_label(t, 86400, None) == "08-02"


def test_durations_read_naturally():
    assert times.duration(12) == "12s"
    assert times.duration(250) == "4m 10s"
    assert times.duration(3 * 3600 + 300) == "3h 05m"
    assert times.duration(2 * 86400 + 7200) == "2d 2h"
    assert times.duration(800 * 86400) == "2y 70d"
    assert times.clock(None) == "?"
