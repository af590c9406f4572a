from __future__ import annotations

import json

from app.catalog.samples import sample
from main import main


def test_timeline_by_id_by_contact_and_as_json(capsys, tmp_path):
    db = str(tmp_path / "t.db")
    events = tmp_path / "events.json"
    events.write_text(json.dumps([
        {"changeId": "1", "dataArea": "fwwt", "data": sample("1")},
        {"changeId": "3", "dataArea": "fwwt", "data": sample("3")},
        {"changeId": "10", "dataArea": "fwwt", "data": sample("10")},
    ], ensure_ascii=False), encoding="utf-8")
    assert main(["--db", db, "send", str(events)]) == 0
    capsys.readouterr()

    assert main(["--db", db, "timeline", "4503599741262301"]) == 0
    out = capsys.readouterr().out
    assert "contact 噜噜噜 110640113" in out and "completed normally 正常完结" in out
    assert "the order ended normally without a single track" in out
    assert "changeId 10 arrived after the order ended" in out

    assert main(["--db", db, "timeline", "噜噜噜"]) == 0  # found by contact name
    assert "order 4503599741262301" in capsys.readouterr().out

    assert main(["--db", db, "timeline", "--json", "4503599741262301"]) == 0
    story = json.loads(capsys.readouterr().out)
    assert story["over_type"] == "0" and len(story["anomalies"]) == 2


def test_timeline_of_nothing(capsys, tmp_path):
    assert main(["--db", str(tmp_path / "t.db"), "timeline", "x"]) == 1
    assert "no order matches 'x'" in capsys.readouterr().err
