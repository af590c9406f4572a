"""Whether the store holds any work order at all: the Timeline's first-run hint asks this,
and ``find_orders("")`` would sort every order to answer it."""

from __future__ import annotations

from typing import Any


def any_order(store: Any) -> bool:
    """True once an event for some order was accepted; one index probe, however many."""
    return bool(store.db.execute("SELECT EXISTS (SELECT 1 FROM orders)").fetchone()[0])
