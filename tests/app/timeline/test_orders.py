"""any_order: the first-run question, on a real store."""

from __future__ import annotations

from app.catalog.samples import sample
from app.timeline.orders import any_order


async def test_any_order_says_whether_an_order_was_ever_accepted(engine):
    assert any_order(engine.store) is False
    await engine.submit({"changeId": "1", "dataArea": "fwwt", "data": sample("1")})
    assert any_order(engine.store) is True
