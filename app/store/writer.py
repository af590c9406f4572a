"""The one writer: a thread that owns the writing connection and commits in batches.

Callers on the asyncio loop hand it events and await the commit. While one batch commits,
new submissions queue up and go into the next batch together (group commit), so under load
the cost of the fsync is shared by many events, and with no load an event waits for nothing
but its own commit. The queue is unbounded on purpose: every event in it was accepted from a
caller who is still awaiting its durability, so back-pressure is the callers' awaiting.

Work runs strictly in queue order, all of a batch under one COMMIT (one fsync), each
caller's work in its own savepoint so that one failure undoes only that caller's work. A
caller that stops waiting (a cancelled task, a request timeout) before its work starts has
it dropped; one that stops waiting later still has it done — it just does not hear about it.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from app.store.database import NewEvent, Store, WrittenEvent

log = logging.getLogger(__name__)

_STOP = object()


class WriterStopped(RuntimeError):
    """Work handed to a writer that is not running."""


class StoreWriter:
    """Owns a Store on its own thread; ``write_events`` and ``call`` run work there."""

    def __init__(self, path: str | Path, *, durable: bool = True, max_batch: int = 5000) -> None:
        self.path = Path(path)
        self.durable = durable
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        # Held while checking "running" and queueing, and while stopping: nothing can be
        # queued behind the stop marker, where nobody would ever answer it.
        self._lock = threading.Lock()
        #: Transactions committed and events written, for the status bar and benchmarks.
        self.batches = 0
        self.events_written = 0

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        ready: Future[None] = Future()
        thread = threading.Thread(target=self._run, args=(ready,), name="store-writer",
                                  daemon=True)
        thread.start()
        ready.result()  # re-raises an error opening the file (SchemaTooNew …)
        self._thread = thread

    def stop(self) -> None:
        """Finish everything queued, then close the connection."""
        with self._lock:
            if self._thread is None:
                return
            thread, self._thread = self._thread, None
            self._queue.put(_STOP)
        thread.join()

    async def write_events(self, events: Sequence[NewEvent]) -> list[WrittenEvent]:
        """Durably store ``events``; returns their ids once committed."""
        return await asyncio.wrap_future(self._submit(events))

    def submit_events(self, events: Sequence[NewEvent]) -> Future[list[WrittenEvent]]:
        """Queue ``events`` now, without waiting: the future resolves once they are durable.
        For callers that must have the write under way before they next yield."""
        return self._submit(events)

    async def call(self, work: Callable[[Store], Any]) -> Any:
        """Run ``work(store)`` on the writer thread (saves, deletes), in queue order."""
        return await asyncio.wrap_future(self._submit(work))

    def run(self, work: Callable[[Store], Any]) -> Any:
        """``call`` for code with no event loop (start-up, one-shot commands): blocks."""
        return self._submit(work).result()

    def _submit(self, payload: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            if self._thread is None:
                raise WriterStopped(f"the store writer for {self.path} is not running")
            self._queue.put((payload, future))
        return future

    def _run(self, ready: Future[None]) -> None:
        try:
            store = Store.open(self.path, durable=self.durable)
        except BaseException as error:
            ready.set_exception(error)
            return
        ready.set_result(None)
        try:
            stop = False
            while not stop:
                batch = [self._queue.get()]
                size = _size(batch[0])
                while size < self.max_batch:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                    size += _size(batch[-1])
                if _STOP in batch:
                    stop = True
                    batch = batch[:batch.index(_STOP)]
                self._run_batch(store, batch)
        finally:
            store.close()

    def _run_batch(self, store: Store, batch: list[tuple[Any, Future[Any]]]) -> None:
        """Everything queued together under one COMMIT (one fsync), each caller's work in its
        own savepoint: one failure undoes only its own work. Nobody hears a result before
        the COMMIT has made it durable."""
        live = [(p, f) for p, f in batch if f.set_running_or_notify_cancel()]
        if not live:
            return  # every caller gave up before we started: nothing was promised
        outcomes: list[tuple[Future[Any], Any, BaseException | None]] = []
        written = 0
        conn = store.db.conn
        try:
            with store.transaction():
                for payload, future in live:
                    try:
                        with store.transaction():
                            if callable(payload):
                                value = payload(store)
                            else:
                                value = store.write_events(payload)
                                written += len(payload)
                    except Exception as error:
                        if not conn.in_transaction:
                            # SQLite rolled back everything (disk full, I/O error): the work
                            # of the callers before this one is gone too.
                            raise
                        if not callable(payload):
                            log.exception("writing %d events failed", len(payload))
                        outcomes.append((future, None, error))
                    else:
                        outcomes.append((future, value, None))
        except Exception as error:  # BEGIN or COMMIT failed, or all was rolled back
            log.exception("committing a batch of %d writes failed", len(live))
            for _, future in live:
                future.set_exception(error)
            return
        self.batches += 1
        self.events_written += written
        for future, value, error in outcomes:
            if error is None:
                future.set_result(value)
            else:
                future.set_exception(error)


def _size(item: Any) -> int:
    if item is _STOP or callable(item[0]):
        return 1
    return max(len(item[0]), 1)
