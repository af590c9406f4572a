"""The one writer: a thread that owns the writing connection and commits in batches.

Callers on the asyncio loop hand it events and await the commit. While one batch commits,
new submissions queue up and go into the next batch together (group commit), so under load
the cost of the fsync is shared by many events, and with no load an event waits for nothing
but its own commit. The queue is unbounded on purpose: every event in it was accepted from a
caller who is still awaiting its durability, so back-pressure is the callers' awaiting.
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


class StoreWriter:
    """Owns a Store on its own thread; ``write_events`` and ``call`` run work there."""

    def __init__(self, path: str | Path, *, durable: bool = True, max_batch: int = 5000) -> None:
        self.path = Path(path)
        self.durable = durable
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._ready: Future[None] = Future()
        #: Batches committed and events written, for the status bar and benchmarks.
        self.batches = 0
        self.events_written = 0

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()
        self._ready.result()  # re-raises an error opening the file (SchemaTooNew …)

    def stop(self) -> None:
        """Finish everything queued, then close the connection."""
        if self._thread is None:
            return
        self._queue.put(_STOP)
        self._thread.join()
        self._thread = None

    async def write_events(self, events: Sequence[NewEvent]) -> list[WrittenEvent]:
        """Durably store ``events``; returns their ids once committed."""
        future: Future[list[WrittenEvent]] = Future()
        self._queue.put((events, future))
        return await asyncio.wrap_future(future)

    async def call(self, work: Callable[[Store], Any]) -> Any:
        """Run ``work(store)`` on the writer thread (saves, deletes), in queue order."""
        future: Future[Any] = Future()
        self._queue.put((work, future))
        return await asyncio.wrap_future(future)

    def _run(self) -> None:
        try:
            store = Store.open(self.path, durable=self.durable)
        except BaseException as error:
            self._ready.set_exception(error)
            return
        self._ready.set_result(None)
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                batch = [item]
                stop = False
                pending = len(item[0]) if not callable(item[0]) else 1
                while pending < self.max_batch:
                    try:
                        nxt = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if nxt is _STOP:
                        stop = True
                        break
                    batch.append(nxt)
                    pending += len(nxt[0]) if not callable(nxt[0]) else 1
                self._commit(store, batch)
                if stop:
                    return
        finally:
            store.close()

    def _commit(self, store: Store, batch: list[tuple[Any, Future[Any]]]) -> None:
        # Other work runs first, in its own transactions, keeping queue order relative to
        # itself; events of the batch share one transaction.
        writes = []
        for payload, future in batch:
            if callable(payload):
                _settle(future, payload, store)
            else:
                writes.append((payload, future))
        if not writes:
            return
        events = [ev for payload, _ in writes for ev in payload]
        try:
            written = store.write_events(events)
        except BaseException as error:  # the whole batch failed: every caller hears so
            log.exception("writing %d events failed", len(events))
            for _, future in writes:
                future.set_exception(error)
            return
        self.batches += 1
        self.events_written += len(events)
        start = 0
        for payload, future in writes:
            future.set_result(written[start:start + len(payload)])
            start += len(payload)


def _settle(future: Future[Any], work: Callable[[Store], Any], store: Store) -> None:
    try:
        future.set_result(work(store))
    except BaseException as error:
        future.set_exception(error)
