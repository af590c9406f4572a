"""Live rows to files: JSON Lines (one object per row, the message decoded when it is JSON)
and CSV (the table's columns, for a spreadsheet). Written in the core so that the CLI, a
scenario report and the window export the same thing."""

from __future__ import annotations

import contextlib
import csv
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.live import LiveRow

CSV_COLUMNS = ("time", "kind", "outcome", "who", "order", "topic", "summary", "message")


def row_json(row: LiveRow) -> dict[str, Any]:
    message: Any = row.raw
    if row.raw and not row.binary:
        # else kept as the text it was: a rejected body is often not JSON
        with contextlib.suppress(ValueError):
            message = json.loads(row.raw)
    return {"at": row.at, "time": _iso(row.at), "kind": row.kind, "outcome": row.outcome,
            "topic": row.topic, "who": row.who, "order": row.order, "summary": row.summary,
            "message": message, "binary": row.binary,
            **({"meta": row.meta} if row.meta_json != "{}" else {})}


def write_jsonl(rows: Iterable[LiveRow], path: str | Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row_json(row), ensure_ascii=False, default=str))
            out.write("\n")
            count += 1
    return count


def write_csv(rows: Iterable[LiveRow], path: str | Path) -> int:
    """UTF-8 with a byte-order mark: Excel, the spreadsheet most testers open it with,
    shows Chinese as mojibake without one."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow((_iso(row.at), row.kind, row.outcome, row.who, row.order or "",
                             row.topic, row.summary, row.raw))
            count += 1
    return count


def write(rows: Iterable[LiveRow], path: str | Path) -> int:
    """By the file's suffix: .csv, else JSON Lines."""
    return (write_csv if str(path).lower().endswith(".csv") else write_jsonl)(rows, path)


def _iso(at: float) -> str:
    millis = int(at * 1000) % 1000
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(at)) + f".{millis:03d}"
