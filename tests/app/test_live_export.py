from __future__ import annotations

import csv
import json

from app.live import LiveRow
from app.live_export import CSV_COLUMNS, write


def rows() -> list[LiveRow]:
    return [
        LiveRow(seq=1, at=1_700_000_000.25, kind="event", outcome="ok", topic="events/1/fwwt",
                who="compose", order="O1", summary="changeId 1 · 工单",
                raw='{"serviceOrderId": "O1", "title": "漏水"}', meta={"eventId": 1}),
        LiveRow(seq=2, at=1_700_000_001.0, kind="rejected", outcome="rejected",
                topic="events/rejected/not-json", who="api", order=None, summary="not json",
                raw="{not json"),
        LiveRow(seq=3, at=1_700_000_002.0, kind="im", outcome="ok", topic="$sktalent/x",
                who="e1", order=None, summary="protobuf", raw="CAE=", binary=True),
    ]


def test_json_lines_decode_json_messages_and_keep_the_rest_as_text(tmp_path):
    path = tmp_path / "live.jsonl"
    assert write(rows(), path) == 3
    first, second, third = (json.loads(line) for line in path.read_text("utf-8").splitlines())
    assert first["message"] == {"serviceOrderId": "O1", "title": "漏水"}
    assert first["meta"] == {"eventId": 1} and first["time"].endswith(".250")
    assert second["message"] == "{not json" and "meta" not in second
    assert third["message"] == "CAE=" and third["binary"] is True


def test_csv_has_the_table_columns_and_a_bom_for_excel(tmp_path):
    path = tmp_path / "live.CSV"
    assert write(rows(), path) == 3
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert tuple(table[0]) == CSV_COLUMNS
    assert table[1][1:7] == ["event", "ok", "compose", "O1", "events/1/fwwt", "changeId 1 · 工单"]
    assert table[2][4] == "" and table[2][7] == "{not json"
