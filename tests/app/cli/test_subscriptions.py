from __future__ import annotations

import json

from main import main


def test_add_list_remove(capsys, tmp_path):
    db = str(tmp_path / "s.db")
    source = tmp_path / "subs.json"
    source.write_text(json.dumps([
        {"baseCode": "HRZDWYWHXT", "dataAreas": ["fwwt"], "changeIds": ["1", "2"],
         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
        {"baseCode": "BAD", "dataAreas": [], "changeIds": ["1"]},
    ]))
    assert main(["--db", db, "subscriptions", "add", str(source)]) == 1
    out, err = capsys.readouterr()
    assert "created HRZDWYWHXT" in out
    assert "item 1 refused" in err and "dataAreas" in err

    assert main(["--db", db, "subscriptions", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["baseCode"] for s in listed] == ["HRZDWYWHXT"]
    assert listed[0]["secret"] == "whsec_…"  # never printed

    assert main(["--db", db, "subscriptions", "remove", "HRZDWYWHXT"]) == 0
    assert main(["--db", db, "subscriptions", "remove", "HRZDWYWHXT"]) == 1
    assert main(["--db", db, "subscriptions", "list"]) == 0
    assert "No subscriptions" in capsys.readouterr().out
