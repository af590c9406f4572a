"""Timeline times: the events' ``yyyyMMddHHmmss`` strings as seconds, and the axis' ticks.

Times are the order's local wall-clock (the spec gives no zone), so they are read and written
as local time throughout; a tick every hour falls on the hour of that clock.
"""

from __future__ import annotations

from datetime import datetime

#: Tick steps in seconds, smallest first; the axis takes the first that leaves room.
STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 2 * 3600, 3 * 3600,
         6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400,
         91 * 86400, 182 * 86400, 365 * 86400)


def seconds(text: str | None) -> float | None:
    """``yyyyMMddHHmmss`` → unix seconds (local time); None when it is not such a time."""
    if not text or len(text) != 14 or not text.isdigit():
        return None
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S").timestamp()
    except ValueError:
        return None


def step_for(scale: float, min_px: float = 90.0) -> int:
    """The smallest tick step (seconds) whose ticks are at least ``min_px`` apart."""
    for step in STEPS:
        if step * scale >= min_px:
            return step
    return STEPS[-1]


def ticks(start: float, end: float, step: int) -> list[float]:
    """Tick times from ``start`` to ``end``, aligned to the local clock (steps of an hour fall
    on the hour, of a day on midnight)."""
    offset = datetime.fromtimestamp(start).astimezone().utcoffset()
    shift = offset.total_seconds() if offset is not None else 0.0
    first = start - ((start + shift) % step)
    if first < start:
        first += step
    out, t = [], first
    while t <= end and len(out) < 2000:  # bounded even for a nonsense scale
        out.append(t)
        t += step
    return out


def tick_label(t: float, step: int, previous: float | None) -> str:
    """What a tick says: the time at the step's resolution, with the date where it changes."""
    when = datetime.fromtimestamp(t)
    if step >= 86400:
        return when.strftime("%m-%d")
    clock = when.strftime("%H:%M:%S" if step < 60 else "%H:%M")
    new_day = previous is None or datetime.fromtimestamp(previous).date() != when.date()
    return f"{when.strftime('%m-%d')} {clock}" if new_day else clock


def clock(t: float | None) -> str:
    """A time for tooltips and labels: ``2019-08-02 16:16:22``."""
    if t is None:
        return "?"
    return datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M:%S")


def duration(seconds_: float) -> str:
    """``1d 2h``, ``3h 05m``, ``4m 10s``, ``12s``: how long something took."""
    s = round(seconds_)
    days, s = divmod(s, 86400)
    hours, s = divmod(s, 3600)
    minutes, s = divmod(s, 60)
    if days >= 365:
        return f"{days // 365}y {days % 365}d"
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m {s:02d}s"
    return f"{s}s"
