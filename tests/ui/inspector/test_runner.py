"""The runner: small payloads at once, big ones on the worker thread, one at a time, the
newest wins and a stale result is never shown."""

from __future__ import annotations

import json

from app.catalog.samples import sample
from ui.inspector.runner import INLINE_CHARS, InspectionRunner, Job


def big(change_id: str) -> str:
    data = sample(change_id)
    data["padding"] = "x" * (INLINE_CHARS + 10)
    return json.dumps({"baseCode": "", "dataArea": "fwwt", "changeId": change_id,
                       "data": data})


def test_a_small_payload_is_inspected_at_once(qtbot):
    runner = InspectionRunner()
    results = []
    runner.finished.connect(lambda job, inspection: results.append(inspection))
    runner.run(Job('{"msgid": "m", "msgtype": "text", "text": {"content": "x"}}'))
    assert not runner.busy and runner.runs == 1
    assert results[0].reading.family == "wecom"


def test_big_payloads_run_aside_and_only_the_newest_is_shown(qtbot):
    runner = InspectionRunner()
    results = []
    runner.finished.connect(lambda job, inspection: results.append(inspection))
    for change_id in ("1", "5", "2"):
        runner.run(Job(big(change_id)))
    assert runner.busy and runner.runs == 0
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert [r.reading.type_id for r in results] == ["2"]  # "5" was skipped, "1" dropped
    assert runner.runs == 2
    runner.close()


def test_a_small_payload_makes_a_big_one_under_way_stale(qtbot):
    runner = InspectionRunner()
    results = []
    runner.finished.connect(lambda job, inspection: results.append(inspection))
    runner.run(Job(big("1")))
    runner.run(Job('{"msgid": "m", "msgtype": "text", "text": {"content": "x"}}'))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert [r.reading.family for r in results] == ["wecom"]
    runner.close()
