from __future__ import annotations

import asyncio
import gc
import logging

from app.tasks import running, spawn


async def test_spawned_tasks_are_kept_until_done():
    done = asyncio.Event()

    async def work():
        await done.wait()
        return 7

    task = spawn(work(), name="work")
    del task
    gc.collect()
    assert any(t.get_name() == "work" for t in running())
    done.set()
    await asyncio.wait_for(asyncio.gather(*running()), 5)
    assert not running()


async def test_failures_are_logged(caplog):
    async def fail():
        raise RuntimeError("lost")

    with caplog.at_level(logging.ERROR):
        task = spawn(fail(), name="failing")
        await asyncio.wait([task], timeout=5)
        await asyncio.sleep(0)  # let the done-callback run
    assert "failing" in caplog.text and "lost" in caplog.text
