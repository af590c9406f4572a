"""The retry state machine, as a table: attempt and response in, decision out."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from app.delivery.retry import MAX_RETRY_AFTER, Verdict, decide, retry_after_seconds

SCHEDULE = (0.0, 5.0, 30.0)
NOW = 1_800_000_000.0


def run(attempt, status, **kw):
    return decide(attempt=attempt, schedule=SCHEDULE, now=NOW, status=status,
                  rng=random.Random(1), **kw)


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_2xx_is_delivered(status):
    assert run(1, status).verdict is Verdict.DELIVERED


def test_410_is_gone():
    assert run(1, 410).verdict is Verdict.GONE


@pytest.mark.parametrize(("status", "error"), [(301, None), (404, None), (500, None),
                                               (None, "timed out after 15 s"),
                                               (None, "connection refused")])
def test_everything_else_is_retried_on_schedule_with_jitter(status, error):
    decision = run(1, status, error=error)
    assert decision.verdict is Verdict.RETRY
    assert NOW + 4.5 <= decision.at <= NOW + 5.5
    assert (error or str(status)) in decision.reason


def test_the_schedule_runs_out():
    assert run(2, 500).verdict is Verdict.RETRY
    last = run(3, 500)
    assert last.verdict is Verdict.FAILED and "3 attempt(s)" in last.reason


def test_an_empty_schedule_means_one_attempt():
    assert decide(attempt=1, schedule=(), now=NOW, status=500).verdict is Verdict.FAILED


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(status):
    decision = run(1, status, retry_after="120")
    assert decision.at == NOW + 120
    assert run(1, 500, retry_after="120").at < NOW + 10  # only for 429 and 503


def test_retry_after_as_an_http_date():
    when = datetime.fromtimestamp(NOW + 300, UTC)
    assert retry_after_seconds(format_datetime(when, usegmt=True), NOW) == pytest.approx(300)


@pytest.mark.parametrize(("value", "seconds"), [(None, None), ("", None), ("soon", None),
                                                ("99999", MAX_RETRY_AFTER)])
def test_retry_after_edge_cases(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds
