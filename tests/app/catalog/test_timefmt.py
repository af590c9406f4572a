from __future__ import annotations

from datetime import datetime

import pytest

from app.catalog.timefmt import format_time, parse, time_problem


@pytest.mark.parametrize("text", ["20190802161622", "20200229000000", "20191231235959"])
def test_valid_times(text):
    assert time_problem(text) is None
    assert format_time(parse(text)) == text


@pytest.mark.parametrize(("text", "reason"), [
    ("", "14 digits"), ("2019080216162", "14 digits"), ("2019-08-02 16:16", "14 digits"),
    ("２０１９０８０２１６１６２２", "14 digits"),  # full-width digits are not ASCII digits
    ("20190229000000", "day 29 does not exist in 2019-02"),
    ("20190431000000", "day 31"), ("20190800000000", "day 00"),
    ("20191301000000", "month 13"), ("00000101000000", "year 0000"),
    ("20190802240000", "hour 24"), ("20190802236000", "minute 60"),
    ("20190802235960", "second 60"),
])
def test_impossible_times(text, reason):
    assert reason in time_problem(text)
    with pytest.raises(ValueError, match=r"does not exist|digits|past"):
        parse(text)


def test_parse_gives_a_naive_datetime():
    assert parse("20190802161622") == datetime(2019, 8, 2, 16, 16, 22)
