"""StoreWriter: the one writing thread, group commit, errors reaching their callers.

To make batching deterministic, a test can park the writer thread inside a ``call`` (a
Blocker) while it queues work, then release it: everything queued meanwhile is one batch.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.store import NewEvent, SchemaTooNew, Store
from app.store.writer import StoreWriter, WriterStopped
from app.tasks import spawn

TIMEOUT = 10.0


def event(i: int = 0, deliveries: tuple[str, ...] = (), order: str | None = "O1",
          **fields: Any) -> NewEvent:
    fields.setdefault("data_json", json.dumps({"i": i}))
    return NewEvent(change_id="5", data_area="fwwt", deliveries=list(deliveries),
                    service_order_id=order, **fields)


async def until(condition: Callable[[], bool], within: float = TIMEOUT) -> None:
    """Wait for ``condition`` to hold, polling; fail after ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            pytest.fail(f"condition not met within {within}s")
        await asyncio.sleep(0.005)


def queued(writer: StoreWriter) -> int:
    return writer._queue.qsize()


class Blocker:
    """Work for ``call`` that holds the writer thread until released."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.released = threading.Event()

    def __call__(self, store: Store) -> str:
        self.entered.set()
        if not self.released.wait(TIMEOUT):
            raise TimeoutError("blocker never released")
        return "unblocked"

    async def hold(self, writer: StoreWriter) -> asyncio.Task[Any]:
        task = spawn(writer.call(self))
        assert await asyncio.to_thread(self.entered.wait, TIMEOUT)
        return task


@pytest.fixture
def writer(db_path: Path) -> Iterator[StoreWriter]:
    w = StoreWriter(db_path)
    w.start()
    try:
        yield w
    finally:
        w.stop()


@pytest.fixture
def blocker() -> Iterator[Blocker]:
    b = Blocker()
    try:
        yield b
    finally:
        b.released.set()  # never leave the writer thread parked


def read(db_path: Path) -> Store:
    """A second connection, as the engine's reading side uses."""
    return Store.open(db_path)


async def test_write_events_returns_ids_after_commit(writer: StoreWriter, db_path: Path) -> None:
    written = await asyncio.wait_for(
        writer.write_events([event(1, ("A", "B")), event(2)]), TIMEOUT)
    assert [w.event_id for w in written] == [1, 2]
    assert written[0].delivery_ids == range(1, 3)
    assert written[1].base_codes == ()
    reader = read(db_path)
    try:
        assert reader.counts() == {"events": 2, "rejections": 0, "deliveries_pending": 2}
        assert reader.event(1)["data"] == {"i": 1}
        assert [d["base_code"] for d in reader.deliveries_for([1])[1]] == ["A", "B"]
    finally:
        reader.close()
    assert writer.batches == 1
    assert writer.events_written == 2


async def test_empty_write_returns_empty(writer: StoreWriter) -> None:
    assert await asyncio.wait_for(writer.write_events([]), TIMEOUT) == []


async def test_concurrent_writes_get_distinct_correct_ids_in_fewer_batches(
        writer: StoreWriter, db_path: Path) -> None:
    calls = 50
    events = [[event(i, tuple(f"S{i}-{j}" for j in range(i % 3)), order=f"O{i % 5}")]
              for i in range(calls)]
    results = await asyncio.wait_for(
        asyncio.gather(*(writer.write_events(batch) for batch in events)), TIMEOUT)

    assert writer.batches < calls
    assert writer.events_written == calls
    written = [r[0] for r in results]
    assert sorted(w.event_id for w in written) == list(range(1, calls + 1))
    delivery_ids = [d for w in written for d in w.delivery_ids]
    assert len(delivery_ids) == len(set(delivery_ids)) == sum(i % 3 for i in range(calls))
    assert sorted(delivery_ids) == list(range(1, len(delivery_ids) + 1))

    reader = read(db_path)
    try:
        for i, w in enumerate(written):  # every caller got the ids of its own event
            assert reader.event(w.event_id)["data"] == {"i": i}
            rows = reader.deliveries_for([w.event_id])[w.event_id]
            assert [d["id"] for d in rows] == list(w.delivery_ids)
            assert [d["base_code"] for d in rows] == [f"S{i}-{j}" for j in range(i % 3)]
        assert sum(o["event_count"] for o in reader.find_orders("O")) == calls
    finally:
        reader.close()


async def test_writes_queued_during_a_commit_share_one_batch(
        writer: StoreWriter, blocker: Blocker) -> None:
    held = await blocker.hold(writer)
    gathered = asyncio.gather(*(writer.write_events([event(i)]) for i in range(50)))
    await until(lambda: queued(writer) == 50)
    blocker.released.set()
    results = await asyncio.wait_for(gathered, TIMEOUT)
    assert await held == "unblocked"
    assert writer.batches == 2  # the blocker's own, then all 50 writes under one commit
    assert [r[0].event_id for r in results] == list(range(1, 51))  # queue order


async def test_max_batch_splits_a_long_queue(db_path: Path, blocker: Blocker) -> None:
    writer = StoreWriter(db_path, max_batch=10)
    writer.start()
    try:
        await blocker.hold(writer)
        gathered = asyncio.gather(*(writer.write_events([event(i)]) for i in range(30)))
        await until(lambda: queued(writer) == 30)
        blocker.released.set()
        results = await asyncio.wait_for(gathered, TIMEOUT)
        assert writer.batches == 4  # the blocker's, then 30 writes in batches of 10
        assert [r[0].event_id for r in results] == list(range(1, 31))
    finally:
        writer.stop()


async def test_call_runs_on_the_writer_thread_in_order(writer: StoreWriter) -> None:
    seen: list[tuple[int, str]] = []

    def work(n: int) -> Callable[[Store], int]:
        def run(store: Store) -> int:
            seen.append((n, threading.current_thread().name))
            return n * 10
        return run

    results = await asyncio.wait_for(
        asyncio.gather(*(writer.call(work(n)) for n in range(20))), TIMEOUT)
    assert results == [n * 10 for n in range(20)]
    assert [n for n, _ in seen] == list(range(20))
    assert {name for _, name in seen} == {"store-writer"}
    assert threading.current_thread().name != "store-writer"


async def test_call_gets_the_writer_store(writer: StoreWriter, db_path: Path) -> None:
    await writer.call(lambda s: s.save_data_area("fwwt", "房屋问题"))
    path = await writer.call(lambda s: s.path)
    assert path == db_path
    reader = read(db_path)
    try:
        assert reader.data_areas() == [("fwwt", "房屋问题")]
    finally:
        reader.close()


async def test_exception_in_call_reaches_the_caller_and_writer_goes_on(
        writer: StoreWriter) -> None:
    def boom(store: Store) -> None:
        raise ValueError("不行")

    with pytest.raises(ValueError, match="不行"):
        await asyncio.wait_for(writer.call(boom), TIMEOUT)
    with pytest.raises(sqlite3.OperationalError):
        await asyncio.wait_for(writer.call(lambda s: s.db.execute("SELECT * FROM nope")),
                               TIMEOUT)
    assert await asyncio.wait_for(writer.call(lambda s: s.counts()), TIMEOUT) == {
        "events": 0, "rejections": 0}
    (w,) = await asyncio.wait_for(writer.write_events([event()]), TIMEOUT)
    assert w.event_id == 1


@pytest.mark.parametrize(("bad", "error"), [
    pytest.param(event(data_json=None), sqlite3.IntegrityError, id="integrity-error"),
    pytest.param(event(data_json=object()), TypeError, id="data-json-not-serialisable"),
])
async def test_a_bad_event_fails_only_its_own_caller(
        writer: StoreWriter, blocker: Blocker, db_path: Path, bad: NewEvent,
        error: type[Exception]) -> None:
    """Callers grouped into one transaction with a bad event are retried on their own: the
    good events are stored, only the bad one's caller hears the error."""
    await blocker.hold(writer)
    gathered = asyncio.gather(writer.write_events([event(1, ("A",))]),
                              writer.write_events([bad]),
                              writer.write_events([event(3), event(4)]),
                              return_exceptions=True)
    await until(lambda: queued(writer) == 3)
    blocker.released.set()
    first, failed, last = await asyncio.wait_for(gathered, TIMEOUT)
    assert isinstance(failed, error)
    assert [w.event_id for w in first] == [1] and [w.event_id for w in last] == [2, 3]
    assert (first[0].first_delivery_id, first[0].base_codes) == (1, ("A",))

    reader = read(db_path)
    try:
        assert reader.counts() == {"events": 3, "rejections": 0, "deliveries_pending": 1}
        assert reader.order("O1") is not None
    finally:
        reader.close()

    (w,) = await asyncio.wait_for(writer.write_events([event(5, ("B",))]), TIMEOUT)
    assert (w.event_id, w.first_delivery_id) == (4, 2)


async def test_stop_drains_queued_work(writer: StoreWriter, blocker: Blocker,
                                       db_path: Path) -> None:
    await blocker.hold(writer)
    tasks = [spawn(writer.write_events([event(i, ("A",))])) for i in range(5)]
    saved = spawn(writer.call(lambda s: s.set_setting("k", "v")))
    await until(lambda: queued(writer) == 6)
    stopping = spawn(asyncio.to_thread(writer.stop))
    await until(lambda: queued(writer) == 7)  # the stop sits behind the queued work
    blocker.released.set()
    await asyncio.wait_for(stopping, TIMEOUT)
    assert writer._thread is None

    results = await asyncio.wait_for(asyncio.gather(*tasks), TIMEOUT)
    assert [r[0].event_id for r in results] == [1, 2, 3, 4, 5]
    await asyncio.wait_for(saved, TIMEOUT)
    reader = read(db_path)
    try:
        assert reader.counts() == {"events": 5, "rejections": 0, "deliveries_pending": 5}
        assert reader.setting("k") == "v"
    finally:
        reader.close()
    writer.stop()  # a second stop is harmless


def test_stop_without_start_is_harmless(db_path: Path) -> None:
    StoreWriter(db_path).stop()


def test_start_on_a_too_new_file_raises_schema_too_new(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    writer = StoreWriter(db_path)
    with pytest.raises(SchemaTooNew, match="newer Push Studio"):
        writer.start()
    assert not writer.running
    with pytest.raises(WriterStopped):
        writer._submit([event()])
    writer.stop()


async def test_work_after_stop_is_refused_and_a_restart_works(db_path: Path) -> None:
    writer = StoreWriter(db_path)
    writer.start()
    writer.stop()
    with pytest.raises(WriterStopped, match="not running"):
        await writer.write_events([event()])
    writer.start()
    try:
        (w,) = await asyncio.wait_for(writer.write_events([event()]), TIMEOUT)
        assert w.event_id == 1
    finally:
        writer.stop()


def test_start_creates_and_migrates_the_file(db_path: Path) -> None:
    writer = StoreWriter(db_path, durable=False)
    writer.start()
    try:
        assert db_path.is_file()
        reader = read(db_path)
        try:
            assert reader.counts() == {"events": 0, "rejections": 0}
        finally:
            reader.close()
    finally:
        writer.stop()


@pytest.mark.parametrize("kind", ["write_events", "call"])
async def test_a_cancelled_caller_does_not_kill_the_writer(
        writer: StoreWriter, blocker: Blocker, kind: str) -> None:
    await blocker.hold(writer)
    work = (writer.write_events([event(1)]) if kind == "write_events"
            else writer.call(lambda s: s.counts()))
    impatient = spawn(work)
    await until(lambda: queued(writer) == 1)
    impatient.cancel()
    with pytest.raises(asyncio.CancelledError):
        await impatient
    blocker.released.set()
    written = await asyncio.wait_for(writer.write_events([event(2)]), 3)
    # The cancelled work never started, so it was dropped: this is the first event written.
    assert written[0].event_id == 1
    assert await asyncio.wait_for(writer.call(lambda s: "alive"), 3) == "alive"


async def test_a_caller_told_durable_is_stored_even_when_the_disk_fills(
        writer: StoreWriter, blocker: Blocker, db_path: Path) -> None:
    """Disk full in the middle of a batch: SQLite may undo the statement or the whole
    transaction. Either way, whoever hears "written" must find it stored."""
    pages = await writer.call(lambda s: s.db.execute("PRAGMA page_count").fetchone()[0])
    await writer.call(lambda s: s.db.execute(f"PRAGMA max_page_count = {pages + 3}"))
    await blocker.hold(writer)
    big = event(2, data_json=json.dumps({"x": "y" * 200_000}))
    gathered = asyncio.gather(writer.write_events([event(1)]), writer.write_events([big]),
                              return_exceptions=True)
    await until(lambda: queued(writer) == 2)
    blocker.released.set()
    results = await asyncio.wait_for(gathered, TIMEOUT)
    assert isinstance(results[1], sqlite3.Error)  # the big one cannot fit
    reader = read(db_path)
    try:
        for result in results:
            if not isinstance(result, BaseException):
                assert reader.event(result[0].event_id) is not None
    finally:
        reader.close()


async def test_when_sqlite_undoes_the_whole_transaction_the_whole_batch_fails(
        writer: StoreWriter, blocker: Blocker, db_path: Path) -> None:
    """What SQLite does on some I/O errors, done by hand: the transaction ends under the
    writer's feet. The caller before the failure must not be told its work is durable."""
    def io_error(store: Store) -> None:
        store.db.conn.execute("ROLLBACK")  # as SQLite does by itself on some errors
        raise sqlite3.OperationalError("disk I/O error")

    await blocker.hold(writer)
    gathered = asyncio.gather(writer.write_events([event(1)]), writer.call(io_error),
                              return_exceptions=True)
    await until(lambda: queued(writer) == 2)
    blocker.released.set()
    first, second = await asyncio.wait_for(gathered, TIMEOUT)
    assert isinstance(first, sqlite3.Error) and isinstance(second, sqlite3.Error)
    reader = read(db_path)
    try:
        assert reader.counts()["events"] == 0
    finally:
        reader.close()
    (w,) = await asyncio.wait_for(writer.write_events([event(3)]), TIMEOUT)  # and it goes on
    assert w.event_id == 1
