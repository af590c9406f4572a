"""The raw baseline of ``bench core`` writes exactly what Store.write_events writes.

If the two differed (other ids, other rows, a missing order update), the benchmark's ratio
would compare unlike work. Timestamps the store takes itself (delivery created_at and
next_attempt_at, orders.updated_at) are the only columns allowed to differ.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.store import NewEvent, Store
from app.store.baseline import insert_rows, prepare_rows

#: Columns set from the clock at write time, not from the event.
CLOCK = {"deliveries": {"created_at", "next_attempt_at", "updated_at"},
         "orders": {"updated_at"}}


def ev(change_id: str, order: str | None, deliveries: tuple[str, ...], at: float,
       **fields: Any) -> NewEvent:
    data = {"serviceOrderId": order, "changeId": change_id, "备注": "测试"}
    return NewEvent(change_id=change_id, data_area="fwwt",
                    data_json=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    deliveries=list(deliveries), service_order_id=order, received_at=at,
                    **fields)


def batches() -> list[list[NewEvent]]:
    t = 1564733782.123456
    return [
        [ev("1", "O1", ("HRZDWYWHXT", "B2"), t, service_order_code="C1",
            contact_user_id="110640113", contact_name="噜噜噜", source="gui", encoding="object"),
         ev("5", "O1", ("HRZDWYWHXT",), t + 1),
         ev("1", "O2", (), t + 2, service_order_code="C2", contact_user_id="u2"),
         ev("7", None, ("B2",), t + 3, warnings_json='[{"path":"data.x"}]')],
        [ev("2", "O1", ("HRZDWYWHXT", "B2", "B3"), t + 4, service_order_code=""),
         ev("6", "O2", (), t + 5)],
        [ev("3", "O1", ("HRZDWYWHXT",), t + 6, contact_name="后来的名字"),
         ev("1", "O3", ("B2",), t + 7, service_order_code="C3", contact_name="王")],
    ]


def table(path: Path, name: str) -> list[dict[str, Any]]:
    store = Store.open(path)
    try:
        order_by = "service_order_id" if name == "orders" else "id"
        rows = list(store.db.query(f"SELECT * FROM {name} ORDER BY {order_by}"))
    finally:
        store.close()
    skip = CLOCK.get(name, set())
    return [{k: v for k, v in row.items() if k not in skip} for row in rows]


@pytest.fixture
def both(tmp_path: Path) -> tuple[Path, Path]:
    engine_path, raw_path = tmp_path / "store.db", tmp_path / "raw.db"
    store = Store.open(engine_path)
    try:
        for batch in batches():
            store.write_events(batch)
    finally:
        store.close()
    insert_rows(raw_path, prepare_rows(batches()))
    return engine_path, raw_path


@pytest.mark.parametrize("name", ["events", "deliveries", "orders"])
def test_baseline_writes_the_same_rows_as_the_store(both: tuple[Path, Path], name: str) -> None:
    engine_path, raw_path = both
    engine_rows, raw_rows = table(engine_path, name), table(raw_path, name)
    assert engine_rows, f"the fixture wrote no {name}"
    assert raw_rows == engine_rows


def test_the_compared_tables_are_not_trivial(both: tuple[Path, Path]) -> None:
    engine_path, _ = both
    events, deliveries, orders = (table(engine_path, n)
                                  for n in ("events", "deliveries", "orders"))
    assert len(events) == 8
    assert len(deliveries) == 9
    by_id = {o["service_order_id"]: o for o in orders}
    assert by_id["O1"]["event_count"] == 4
    assert by_id["O1"]["service_order_code"] == "C1"  # the empty code did not erase it
    assert by_id["O1"]["contact_name"] == "后来的名字"
    assert by_id["O1"]["last_change_id"] == "3"
    assert [e["first_delivery_id"] for e in events] == [1, 3, None, 4, 5, None, 8, 9]


def test_prepare_rows_cross_references_number_like_the_store(tmp_path: Path) -> None:
    """Rows carry no ids (SQLite numbers them 1, 2, … in order, as the store lets it), but
    each delivery's event and each event's first delivery must point where the store's do."""
    prepared = prepare_rows(batches())
    assert [len(events) for events, _, _ in prepared] == [4, 2, 2]
    events = [row for evs, _, _ in prepared for row in evs]
    deliveries = [row for _, dls, _ in prepared for row in dls]
    for event_id, row in enumerate(events, start=1):
        first, count = row[8], row[9]
        mine = [d for d in range(1, len(deliveries) + 1) if deliveries[d - 1][0] == event_id]
        assert mine == (list(range(first, first + count)) if count else [])


def test_insert_rows_opens_the_file_like_the_store(tmp_path: Path) -> None:
    path = tmp_path / "raw.db"
    insert_rows(path, prepare_rows(batches()), durable=False)
    store = Store.open(path)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.counts() == {"events": 8, "rejections": 0, "deliveries_pending": 9}
    finally:
        store.close()
