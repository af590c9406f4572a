"""Scenarios played against a real platform (Mosquitto, HTTP on 127.0.0.1, SQLite): the
verdicts, the reports' content, and every sample shipped in resources/scenarios."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET

import pytest

from simulator.scenario import load, load_text
from simulator.scenario.loader import samples
from simulator.scenario.runner import Runner
from tests.conftest import until


def scenario(text: str):
    return load_text(textwrap.dedent(text), "t.yaml")


@pytest.mark.parametrize("path", [p for p in samples() if "busy-day" not in p.name],
                         ids=lambda p: p.stem)
async def test_every_sample_scenario_passes(api, path):
    report = await Runner(api, load(path)).run()
    assert report.passed, report.summary()


@pytest.mark.slow
async def test_the_busy_day_passes(api):
    (path,) = [p for p in samples() if "busy-day" in p.name]
    report = await Runner(api, load(path)).run()
    assert report.passed, report.summary()
    assert report.events_sent > 10_000 and len(report.orders["day"]) == 1000


async def test_a_failing_expectation_is_reported_first_with_what_was_seen(api, tmp_path):
    report = await Runner(api, scenario("""\
        name: failing
        setup:
          subscriptions:
            - {baseCode: OK, changeIds: [1]}
            - {baseCode: BROKEN, changeIds: [1], retrySchedule: [], simulated: {status: 500}}
        steps:
          - send: {changeId: 1, sample: true, as: A}
        expect:
          - delivered: {to: OK, order: A}
          - name: the broken one gets it
            delivered: {to: BROKEN, order: A, within: 1s}
        """)).run()
    assert not report.passed
    (failure,) = report.failures
    assert failure.name == "the broken one gets it"
    assert "1 of 1 event(s) of order A not delivered to BROKEN within 1 s" in failure.message
    assert "failed after 1 attempt(s), last error: HTTP 500" in failure.details[0]
    summary = report.summary()
    assert summary.startswith("FAILED  failing")
    assert summary.index("the broken one gets it") < summary.index("delivered to OK")

    report.write_junit(tmp_path / "junit.xml")
    suite = ET.parse(tmp_path / "junit.xml").getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["delivered to OK order A"].find("failure") is None
    assert "HTTP 500" in cases["the broken one gets it"].find("failure").text
    report.write_json(tmp_path / "report.json")
    import json

    doc = json.loads((tmp_path / "report.json").read_text())
    assert doc["passed"] is False and doc["orders"]["A"] == ["4503599741262301"]


async def test_a_setup_failure_stops_the_run_and_skips_the_expectations(api):
    report = await Runner(api, scenario("""\
        name: bad setup
        setup:
          subscriptions:
            - {baseCode: HRZ, changeIds: [99]}
        steps:
          - send: {changeId: 1, sample: true, as: A}
        expect:
          - delivered: {to: HRZ, order: A}
        """)).run()
    assert not report.passed and report.steps_played == 0
    step, skipped = report.outcomes
    assert step.kind == "step" and "PUT /api/subscriptions/HRZ → 422" in step.message
    assert "changeIds" in step.message
    assert skipped.skipped and skipped.message.startswith("not checked: the setup failed")


async def test_an_unexpected_refusal_fails_its_step_and_the_run_goes_on(api):
    report = await Runner(api, scenario("""\
        name: refused
        setup:
          subscriptions: [{baseCode: HRZ, changeIds: [1]}]
        steps:
          - send: {changeId: 8, sample: true, as: A}
          - send: {changeId: 1, sample: true, as: B}
        expect:
          - delivered: {to: HRZ, order: B}
        """)).run()
    step, held = report.outcomes
    assert step.kind == "step" and not step.ok and "was refused" in step.message
    assert held.ok and report.events_refused == 1 and report.events_sent == 1


async def test_the_broker_restarts_mid_scenario_and_delivery_goes_on(api, platform):
    before = platform.mq.broker.restarts
    report = await Runner(api, scenario("""\
        name: outage
        setup:
          subscriptions: [{baseCode: HRZ, changeIds: [1, 5, 2, 3, 4]}]
          users: [{order: A}]
        steps:
          - workflow: {as: A, only: [1, 5]}
          - broker: restart
          - send: {changeId: 1, sample: true, as: B}
        expect:
          - delivered: {to: HRZ, order: A}
          - delivered: {to: HRZ, order: B, within: 20s}
          - notification: {user: A.contact, order: A}
        """)).run()
    assert report.passed, report.summary()
    assert platform.mq.broker.restarts == before + 1


async def test_stop_ends_a_demo_after_the_event_under_way(api):
    seen = []
    runner = Runner(api, scenario("""\
        name: demo
        pace: human
        setup:
          subscriptions: [{baseCode: HRZ, changeIds: [1]}]
        steps:
          - workflow: {as: A}
        expect:
          - delivered: {to: HRZ, order: A}
        """), human_pause=0.05, on_progress=seen.append)
    import asyncio

    from app.tasks import spawn

    task = spawn(runner.run(), name="demo")
    await until(lambda: len(runner.ctx.sent) >= 3)
    runner.stop()
    report = await asyncio.wait_for(task, 10)
    assert report.stopped == "stopped by the user"
    assert 3 <= report.events_sent < 10
    assert report.outcomes[0].skipped
    captions = [p.caption for p in seen if p.step == 1]
    assert any(c.startswith("待[") for c in captions)  # the generated events' own captions
