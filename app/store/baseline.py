"""The raw baseline for ``bench core``: the same rows, straight ``executemany``, no engine.

It writes exactly what Store.write_events writes, into the same schema with the same
pragmas and the same batches, but with rows and JSON prepared beforehand — so the ratio of
the engine's rate to this one is the price of validation, matching and bookkeeping. Like the
store, it lets SQLite number the rows (its fastest way); the ids come out the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.store.database import _INSERT_DELIVERY, _INSERT_EVENT, _UPSERT_ORDER, NewEvent, Store

Rows = tuple[list[tuple], list[tuple], list[tuple]]


def prepare_rows(batches: Sequence[Sequence[NewEvent]]) -> list[Rows]:
    """Pre-build the event, delivery and order rows of each batch (outside the timing)."""
    out: list[Rows] = []
    event_id = delivery_id = 0
    for batch in batches:
        events, deliveries, orders = [], [], []
        for ev in batch:
            event_id += 1
            count = len(ev.deliveries)
            events.append((ev.received_at, ev.source, ev.change_id, ev.data_area,
                           ev.service_order_id, ev.data_json, ev.encoding, ev.warnings_json,
                           delivery_id + 1 if count else None, count))
            for code in ev.deliveries:
                delivery_id += 1
                deliveries.append((event_id, code, ev.received_at, ev.received_at))
            if ev.service_order_id:
                orders.append((ev.service_order_id, ev.service_order_code, ev.contact_user_id,
                               ev.contact_name, event_id, event_id, ev.change_id,
                               ev.received_at))
        out.append((events, deliveries, orders))
    return out


def insert_rows(path: Path, batches: Sequence[Rows], *, durable: bool = True) -> None:
    """Write pre-built rows, one transaction per batch, into a fresh database at ``path``."""
    store = Store.open(path, durable=durable)
    conn = store.db.conn
    try:
        for events, deliveries, orders in batches:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(_INSERT_EVENT, events)
                conn.executemany(_INSERT_DELIVERY, deliveries)
                conn.executemany(_UPSERT_ORDER, orders)
    finally:
        store.close()
