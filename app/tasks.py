"""Spawning asyncio tasks that cannot be garbage-collected mid-flight.

``asyncio.create_task`` keeps only a weak reference to its task, and qasync's ``asyncSlot``
keeps none; a task nobody holds can vanish. Every task in Push Studio starts here (ruff's
banned-api rule enforces it), is held until it ends, and has its exception logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Iterable
from typing import Any

log = logging.getLogger(__name__)

_running: set[asyncio.Task[Any]] = set()


def spawn(coro: Coroutine[Any, Any, Any], *, name: str | None = None) -> asyncio.Task[Any]:
    task = asyncio.get_running_loop().create_task(coro, name=name)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("task %s failed", task.get_name(), exc_info=task.exception())


async def cancel(tasks: Iterable[asyncio.Task[Any]]) -> None:
    """Cancel these tasks and wait until every one has ended (their errors are logged)."""
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def running() -> frozenset[asyncio.Task[Any]]:
    return frozenset(_running)
