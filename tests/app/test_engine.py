"""The engine over a real SQLite file: accept, reject, route, persist, survive a kill."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog.findings import Code, Mode
from app.catalog.samples import sample
from app.engine import Accepted, Engine, Rejected
from app.events import EventAccepted, EventRejected, SettingChanged, SubscriptionSaved
from app.routing.subscription import SubscriptionError
from app.store import Store
from app.tasks import spawn
from tests.conftest import ROOT, example, subscription


def event(change_id="1", data_area="fwwt", **data):
    return {"changeId": change_id, "dataArea": data_area, "data": sample(change_id, **data)}


def recorder(engine, kind):
    seen = []
    engine.bus.subscribe(kind, seen.append)
    return seen


async def test_accepted_event_is_routed_and_durable(engine, db_path):
    await engine.put_subscription(subscription("A", dataAreas=["fwwt"], changeIds=["1"]))
    await engine.put_subscription(subscription("B", dataAreas=["*"], changeIds=["1", "2"]))
    await engine.put_subscription(subscription("C", dataAreas=["10008"], changeIds=["1"]))
    announced = recorder(engine, EventAccepted)

    result = await engine.submit(event("1"))

    assert isinstance(result, Accepted)
    assert [(d.base_code, d.topic) for d in result.deliveries] == [
        ("A", "wo/push/A/fwwt"), ("B", "wo/push/B/fwwt")]
    assert announced[0].event_id == result.event_id
    assert announced[0].deliveries == result.deliveries
    # Durable on return: a second, independent connection sees the event and its outbox rows.
    other = Store.open(db_path)
    try:
        stored = other.event(result.event_id)
        assert stored["data"]["serviceOrderId"] == "4503599741262301"
        rows = other.deliveries_for([result.event_id])[result.event_id]
        assert [(r["id"], r["base_code"], r["status"]) for r in rows] == [
            (d.delivery_id, d.base_code, "pending") for d in result.deliveries]
    finally:
        other.close()


async def test_invalid_event_is_rejected_kept_and_announced(engine):
    rejected = recorder(engine, EventRejected)
    body = event("3", overType="9")
    result = await engine.submit(body)
    assert isinstance(result, Rejected) and result.reason == "invalid"
    assert [(f.path, f.code) for f in result.findings] == [("data.overType", Code.ENUM)]
    assert rejected[0].rejection_id == result.rejection_id
    assert engine.store.counts() == {"events": 0, "rejections": 1}
    assert result.to_json()["errors"][0]["path"] == "data.overType"


async def test_text_that_is_not_json_is_rejected_with_where_it_breaks(engine):
    result = await engine.submit(b'{"changeId": "1",, }')
    assert result.reason == "not-json"
    assert "line 1 column 18" in result.findings[0].message


async def test_change_8_is_refused_unless_allowed(engine):
    await engine.put_subscription(subscription("A", changeIds=["8"]))
    refused = await engine.submit(event("8"))
    assert isinstance(refused, Rejected) and refused.reason == "unsupported"
    assert "督办" in refused.findings[0].message and refused.findings[0].hint

    changes = recorder(engine, SettingChanged)
    await engine.set_allow_unsupported(True)
    accepted = await engine.submit(event("8"))
    assert isinstance(accepted, Accepted) and accepted.base_codes == ("A",)
    assert changes[0].key == "allow_unsupported"


async def test_unknown_data_area_is_accepted_with_a_warning(engine):
    result = await engine.submit(event("1", data_area="nowhere"))
    assert isinstance(result, Accepted)
    assert [w.code for w in result.warnings] == [Code.UNKNOWN_AREA]


async def test_modes(engine):
    spec_example = {"changeId": "1", "dataArea": "fwwt", "data": example("changeId-1.json")}
    assert isinstance(await engine.submit(spec_example), Accepted)  # lenient by default
    assert isinstance(await engine.submit(spec_example, mode=Mode.STRICT), Rejected)
    await engine.set_validation_mode(Mode.STRICT)
    assert isinstance(await engine.submit(spec_example), Rejected)


async def test_disabled_subscriptions_receive_nothing(engine):
    await engine.put_subscription(subscription("A", enabled=False))
    assert (await engine.submit(event("1"))).deliveries == ()


async def test_subscription_errors_name_fields_and_store_nothing(engine):
    with pytest.raises(SubscriptionError) as caught:
        await engine.put_subscription({"baseCode": "A", "dataAreas": "fwwt", "changeIds": [1]})
    assert {f.path for f in caught.value.findings} == {"dataAreas", "changeIds[0]"}
    assert engine.subscriptions() == [] and engine.store.subscriptions() == []


async def test_configuration_survives_a_restart(db_path):
    first = Engine(db_path).open()
    try:
        saved = recorder(first, SubscriptionSaved)
        _, created = await first.put_subscription(subscription("A", secret=None))
        assert created and saved[0].base_code == "A"
        _, created = await first.put_subscription(subscription("A", name="renamed"))
        assert not created
        await first.put_subscription(subscription("B"))
        assert await first.delete_subscription("B")
        assert not await first.delete_subscription("B")
        await first.delete_data_area("10008")
        await first.put_data_area({"code": "dqwt", "name": "电气问题"})
        await first.set_allow_unsupported(True)
    finally:
        first.close()
    again = Engine(db_path).open()
    try:
        assert [(s.base_code, s.name) for s in again.subscriptions()] == [("A", "renamed")]
        assert sorted(again.data_areas) == ["dqwt", "fwwt"]  # the seed is not re-added
        assert again.settings.allow_unsupported and again.router.allow_unsupported
    finally:
        again.close()


async def test_concurrent_submissions_share_commits(engine):
    await engine.put_subscription(subscription("A"))
    results = await asyncio.gather(*(engine.submit(event("1", serviceOrderId=f"O{i}"))
                                     for i in range(200)))
    ids = [r.event_id for r in results]
    assert sorted(ids) == list(range(1, 201))
    assert len({r.deliveries[0].delivery_id for r in results}) == 200
    assert engine.writer.batches < 200  # group commit: fewer transactions than events


async def test_a_failing_observer_does_not_stop_acceptance(engine):
    def broken(_event):
        raise RuntimeError("observer bug")

    engine.bus.subscribe(EventAccepted, broken)
    assert isinstance(await engine.submit(event("1")), Accepted)
    assert engine.bus.failures == 1


async def test_reading_back(engine):
    await engine.put_subscription(subscription("A"))
    accepted = await engine.submit(event("1"))
    stored = engine.event(accepted.event_id)
    assert stored["change_id"] == "1" and stored["deliveries"][0]["base_code"] == "A"
    assert engine.event(999) is None
    timeline = engine.timeline("4503599741262301")
    assert timeline.created_event_id == accepted.event_id
    assert timeline.events[0].deliveries[0]["status"] == "pending"
    assert engine.timeline("unknown") is None


async def test_explain(engine):
    await engine.put_subscription(subscription("A", dataAreas=["10008"]))
    await engine.put_subscription(subscription("B"))
    refusal, explanations = engine.explain(event("1"))
    verdicts = {e.base_code: e for e in explanations}
    assert refusal is None
    assert not verdicts["A"].matched and verdicts["A"].reason == "area-out-of-scope"
    assert verdicts["B"].matched
    assert [e.base_code for e in engine.explain(event("1"), ["B", "nope"])[1]] == ["B"]
    with pytest.raises(ValueError, match="dataArea and changeId"):
        engine.explain({"changeId": 1})
    refusal, explanations = engine.explain(event("3", overType="9"))
    assert refusal.reason == "invalid"
    assert all(e.reason == "event-refused" for e in explanations)
    assert engine.store.counts()["events"] == 0  # explaining stores nothing


def test_read_only_engine_does_not_start_a_writer(db_path):
    Engine(db_path).open().close()
    with Engine(db_path).open(writable=False) as engine:
        assert engine.writer is None and engine.data_areas


def await_(coro):
    return asyncio.run(coro)


CHILD = textwrap.dedent("""
    import asyncio, sys
    from app.engine import Engine
    from app.catalog.samples import sample

    async def main():
        engine = Engine(sys.argv[1]).open()
        await engine.put_subscription({"baseCode": "A", "dataAreas": ["*"],
                                       "changeIds": ["1"]})
        print("ready", flush=True)
        i = 0
        while True:
            i += 1
            body = {"changeId": "1", "dataArea": "fwwt",
                    "data": sample("1", serviceOrderId=f"K{i}")}
            accepted = await engine.submit(body)
            print(accepted.event_id, accepted.deliveries[0].delivery_id, flush=True)

    asyncio.run(main())
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_loses_nothing_that_was_accepted(db_path):
    """Kill -9 the process mid-stream: every event it reported accepted is in the file, with
    its delivery, after the restart."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    accepted: list[tuple[int, int]] = []
    try:
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 30
        while len(accepted) < 150 and time.monotonic() < deadline:
            event_id, delivery_id = child.stdout.readline().split()
            accepted.append((int(event_id), int(delivery_id)))
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=10)
    assert len(accepted) == 150, "the child stopped reporting accepted events"
    with Engine(db_path).open() as engine:
        for event_id, delivery_id in accepted:
            stored = engine.event(event_id)
            assert stored is not None, f"event {event_id} was reported accepted and then lost"
            assert [d["id"] for d in stored["deliveries"]] == [delivery_id]
        # And the engine carries on after the crash: new ids continue past the old ones.
        again = await_(engine.submit({"changeId": "1", "dataArea": "fwwt",
                                      "data": sample("1", serviceOrderId="after")}))
        assert again.event_id > max(e for e, _ in accepted)


async def test_drifted_identity_keys_reach_the_store(engine):
    data = sample("1")
    data["serviceorderid"] = data.pop("serviceOrderId")
    data["userid"] = data.pop("userId")
    result = await engine.submit({"changeId": "1", "dataArea": "fwwt", "data": data})
    assert isinstance(result, Accepted)
    assert engine.store.order("4503599741262301")["contact_user_id"] == "110640113"
    assert engine.timeline("4503599741262301").created_event_id == result.event_id


@pytest.mark.parametrize("area", ["a/b", "a/#", "+", "a b", "数据域"])
async def test_data_area_must_be_a_topic_level(engine, area):
    result = await engine.submit(event("1", data_area=area))
    assert isinstance(result, Rejected)
    assert [(f.path, f.code) for f in result.findings] == [("dataArea", Code.TYPE)]


async def test_a_store_failure_is_a_recorded_rejection(engine, monkeypatch):
    def refuse(*_args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "write_events", refuse)
    result = await engine.submit(event("1"))
    assert isinstance(result, Rejected) and result.reason == "store-error"
    assert "disk I/O error" in result.findings[0].message
    assert engine.store.counts() == {"events": 0, "rejections": 1}  # nothing vanished


async def test_an_event_is_announced_even_when_its_caller_stops_waiting(engine):
    announced, heard = [], asyncio.Event()
    engine.bus.subscribe(EventAccepted, lambda e: (announced.append(e), heard.set()))
    release = threading.Event()
    blocked = spawn(engine.writer.call(lambda _store: release.wait(10)))  # holds the writer
    caller = spawn(engine.submit(event("1")))
    await asyncio.sleep(0)  # one turn of the loop: the submission is queued behind `blocked`
    caller.cancel()
    release.set()
    await blocked
    await asyncio.wait_for(heard.wait(), 10)
    assert caller.cancelled()
    assert len(announced) == 1 and engine.event(announced[0].event_id) is not None


# --- fuzzing through the whole accept path ------------------------------------------------

_hostile_text = st.sampled_from([
    '"\\ud800"', "NaN", "Infinity", "1" * 5000, "[" * 1500 + "]" * 1500, '"\\u0000"',
    '"房屋问题"', "18446744073709551616", '"a\\"b"', "{}", "[]", "null", '" trailing "'])
_keys = st.sampled_from(["serviceOrderId", "userid", "hangRemark ", "trackInfo", "x", ""])


@st.composite
def _bodies(draw):
    """Event bodies as bytes: mostly event-shaped, with hostile JSON spliced in."""
    change_id = draw(st.sampled_from(['"1"', '"3"', '"6"', '"8"', "1", '"99"']))
    area = draw(st.sampled_from(['"fwwt"', '"a/#"', '""', "7"]))
    pairs = draw(st.lists(st.tuples(_keys, _hostile_text), max_size=4))
    data = "{" + ",".join(f'"{k}":{v}' for k, v in pairs) + "}"
    if draw(st.booleans()):
        data = json.dumps(data)  # the spec's form: data as a JSON string
    text = f'{{"changeId":{change_id},"dataArea":{area},"data":{data}}}'
    cut = draw(st.integers(0, 3))
    return text.encode()[: len(text) - cut] if cut == 3 else text.encode()


@settings(max_examples=60, deadline=None)
@given(st.lists(_bodies(), min_size=1, max_size=5))
def test_fuzz_nothing_submitted_vanishes(tmp_path_factory, bodies):
    db = tmp_path_factory.mktemp("fuzz") / "f.db"

    async def run():
        with Engine(db).open() as engine:
            await engine.put_subscription(subscription("ALL", dataAreas=["*"],
                                                       changeIds=["1", "3", "6"]))
            results = [await engine.submit(body) for body in bodies]
            counts = engine.store.counts()
        return results, counts

    results, counts = asyncio.run(run())
    assert all(isinstance(r, Accepted | Rejected) for r in results)
    accepted = sum(isinstance(r, Accepted) for r in results)
    assert counts["events"] == accepted
    assert counts["rejections"] == len(results) - accepted
    for r in results:
        if isinstance(r, Rejected):
            assert r.findings and all(isinstance(f.path, str) for f in r.findings)
