"""What to do after an attempt: the retry state machine, with no I/O and no clock of its own.

A subscription's ``retrySchedule`` lists the delay before each attempt: ``[0, 5, 30]`` means
try at once, then 5 s after the first failure, then 30 s after the second, then give up. Each
delay gets ±10% jitter so that a subscriber that was down is not hit by every retry at the
same instant. 2xx is success; 410 Gone gives up and disables the subscription; everything
else — 3xx, 4xx, 5xx, a timeout, a refused connection — is a failure to retry, and 429 and 503
are retried no sooner than their ``Retry-After``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from enum import StrEnum

JITTER = 0.1
#: Retry-After beyond this is capped: a subscriber cannot park a delivery for days.
MAX_RETRY_AFTER = 3600.0


class Verdict(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"
    FAILED = "failed"  # the schedule is exhausted
    GONE = "gone"  # 410: the subscriber asks to be unsubscribed


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    #: When to try again (unix seconds), for RETRY.
    at: float | None = None
    reason: str = ""


def decide(*, attempt: int, schedule: tuple[float, ...], now: float, status: int | None,
           error: str | None = None, retry_after: str | None = None,
           rng: random.Random | None = None) -> Decision:
    """The decision after attempt number ``attempt`` (1 for the first) ended with ``status``
    (None when no response came, then ``error`` says why)."""
    if status is not None and 200 <= status < 300:
        return Decision(Verdict.DELIVERED, reason=f"HTTP {status}")
    if status == 410:
        return Decision(Verdict.GONE, reason="HTTP 410 Gone: the subscriber asked to stop")
    reason = f"HTTP {status}" if status is not None else (error or "no response")
    if attempt >= max(len(schedule), 1):
        return Decision(Verdict.FAILED, reason=f"{reason}; {attempt} attempt(s), schedule "
                                               "exhausted")
    delay = schedule[attempt] * (1 + (rng or random).uniform(-JITTER, JITTER))
    if status in (429, 503):
        delay = max(delay, retry_after_seconds(retry_after, now) or 0.0)
    return Decision(Verdict.RETRY, at=now + delay, reason=reason)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """``Retry-After`` as seconds from ``now``: delta-seconds or an HTTP date; None if absent
    or unreadable. Capped at MAX_RETRY_AFTER."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return min(max(when.timestamp() - now, 0.0), MAX_RETRY_AFTER)


def first_attempt_at(schedule: tuple[float, ...], accepted_at: float) -> float:
    return accepted_at + (schedule[0] if schedule else 0.0)
