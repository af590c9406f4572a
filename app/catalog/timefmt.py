"""The spec's ``yyyyMMddHHmmss`` time strings (e.g. ``20190802161622``)."""

from __future__ import annotations

import calendar
from datetime import datetime
from functools import lru_cache

FORMAT = "%Y%m%d%H%M%S"


@lru_cache(maxsize=8192)
def time_problem(text: str) -> str | None:
    """Why ``text`` is not a valid yyyyMMddHHmmss time, or None when it is.

    Cached: an event stream repeats the same few timestamps, and this sits on the hot path.
    """
    if len(text) != 14 or not text.isascii() or not text.isdigit():
        return f"{text!r} is not 14 digits in the form yyyyMMddHHmmss"
    year, month, day = int(text[0:4]), int(text[4:6]), int(text[6:8])
    hour, minute, second = int(text[8:10]), int(text[10:12]), int(text[12:14])
    if not 1 <= month <= 12:
        return f"month {month:02d} does not exist"
    if year < 1:
        return "year 0000 does not exist"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"day {day:02d} does not exist in {year:04d}-{month:02d} (it has {last} days)"
    if hour > 23:
        return f"hour {hour:02d} is past 23"
    if minute > 59:
        return f"minute {minute:02d} is past 59"
    if second > 59:
        return f"second {second:02d} is past 59"
    return None


def parse(text: str) -> datetime:
    """The naive local datetime of a valid time; ValueError with the reason otherwise."""
    problem = time_problem(text)
    if problem:
        raise ValueError(problem)
    return datetime.strptime(text, FORMAT)


def format_time(moment: datetime) -> str:
    return moment.strftime(FORMAT)
