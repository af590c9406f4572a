"""Running the inspector without blocking the window: a small payload is inspected at once,
a big one (a megabyte of JSON takes a good part of a second) on a worker thread. One runs
at a time; while it does, only the newest request waits, and a result that a newer request
made stale is dropped, never shown."""

from __future__ import annotations

import contextlib
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from app.catalog.findings import Mode
from app.inspector import Inspection, inspect

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from app.engine import Engine

log = logging.getLogger(__name__)

#: Characters inspected on the GUI thread at most (a few milliseconds' work).
INLINE_CHARS = 64 * 1024


@dataclass(slots=True)
class Job:
    """One inspection asked for: the text and what it is read and routed against."""

    text: str
    mode: Mode = Mode.STRICT
    engine: Engine | None = None
    online: Callable[[str], bool | None] | None = None
    users: Iterable[str] | None = None
    generation: int = field(default=0, compare=False)

    def call(self) -> Inspection:
        return inspect(self.text, self.engine, mode=self.mode, online=self.online,
                       users=self.users)


class InspectionRunner(QObject):
    #: (Job, Inspection): the newest job's result.
    finished = Signal(object, object)
    #: (Job, str): the inspector itself failed (a bug): what it said.
    failed = Signal(object, str)
    _done = Signal(object, object)  # (Job, Future), from the worker thread (queued)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = None
        self._pending: Job | None = None
        self.generation = 0
        #: A job is on the worker thread.
        self.busy = False
        #: Inspections run so far (tests count them).
        self.runs = 0
        # Queued even when the job ended before its callback was added (the callback then
        # runs on this thread): a result always arrives from the event loop, never inside run.
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda *_: self.close())

    def run(self, job: Job) -> None:
        """Inspect ``job`` now if it is small, else on the worker thread (after the one
        under way, if any); ``finished`` says the result."""
        self.generation += 1
        job.generation = self.generation
        if len(job.text) <= INLINE_CHARS:
            self._pending = None
            self.runs += 1
            try:
                result = job.call()
            except Exception as error:  # said in the panel, not a traceback on stderr
                log.exception("the inspector failed")
                self.failed.emit(job, str(error))
                return
            self.finished.emit(job, result)
            return
        if self.busy:
            self._pending = job
            return
        self._start(job)

    def close(self) -> None:
        """Stop taking jobs; a job under way ends on its own and its result is dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def _start(self, job: Job) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="inspector")
        self.busy = True
        future = self._executor.submit(job.call)
        future.add_done_callback(lambda f: self._from_worker(job, f))

    def _from_worker(self, job: Job, future: Future[Any]) -> None:
        # RuntimeError: the runner went with its window, and nobody waits for this.
        with contextlib.suppress(RuntimeError):
            self._done.emit(job, future)

    def _on_done(self, job: Job, future: Future[Inspection]) -> None:
        self.busy = False
        self.runs += 1
        pending, self._pending = self._pending, None
        if pending is not None:
            self._start(pending)
            return
        if job.generation != self.generation or future.cancelled():
            return  # a newer job was inspected meanwhile
        error = future.exception()
        if error is not None:
            log.error("the inspector failed", exc_info=error)
            self.failed.emit(job, str(error))
            return
        self.finished.emit(job, future.result())
