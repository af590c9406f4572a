"""Keeping the garbage collector's full passes short in a process that holds a large, long-lived
population — a thousand simulated phones, each a paho client with its buffers and records.

CPython's full (generation 2) collection walks every tracked object. With 1,000 phones that
walk took 60–70 ms, and whatever was in flight waited: it was the whole chat p99 in
``bench im`` (docs/benchmarks.md). ``gc.freeze()`` moves the objects alive at that moment
to a permanent generation the collector no longer walks; later passes see only what came
after. Frozen objects are still freed by reference counting; only cycles among them would
stay, which is why ``settle`` collects first.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Call once a long-lived population has been built (after startup, after a crowd of
    simulated users came online): collect what is garbage now, freeze the rest."""
    gc.collect()
    gc.freeze()
