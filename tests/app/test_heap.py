from __future__ import annotations

import gc
import weakref

from app import heap


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_settle_frees_the_garbage_and_takes_the_living_out_of_full_passes():
    garbage, kept = Node(), Node()
    gone = weakref.ref(garbage)
    del garbage
    try:
        heap.settle()
        assert gone() is None  # collected before freezing, not frozen forever
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects(generation=2))  # not walked again
    finally:
        gc.unfreeze()
