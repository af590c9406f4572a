"""Latency summaries as the reports quote them: count, p50, p90, p99 and max."""

from __future__ import annotations

import math
from collections.abc import Iterable


def percentiles(values: Iterable[float]) -> dict[str, float | int | None]:
    """Nearest-rank percentiles of ``values``, rounded to 0.1; None for each when empty."""
    ordered = sorted(values)
    if not ordered:
        return {"count": 0, "p50": None, "p90": None, "p99": None, "max": None}

    def rank(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))],
                     1)

    return {"count": len(ordered), "p50": rank(0.5), "p90": rank(0.9), "p99": rank(0.99),
            "max": round(ordered[-1], 1)}
