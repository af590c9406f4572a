from __future__ import annotations

import json

from app.catalog.samples import sample
from main import main


def write(tmp_path, obj):
    path = tmp_path / "events.json"
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_send_accepts_routes_and_reports(capsys, tmp_path):
    db = str(tmp_path / "s.db")
    subs = write(tmp_path, {"baseCode": "A", "dataAreas": ["fwwt"], "changeIds": ["1"]})
    assert main(["--db", db, "subscriptions", "add", subs]) == 0
    events = write(tmp_path, [{"changeId": "1", "dataArea": "fwwt", "data": sample("1")},
                              {"changeId": "4", "dataArea": "fwwt", "data": sample("4")}])
    capsys.readouterr()
    assert main(["--db", db, "send", events]) == 0
    out = capsys.readouterr().out
    assert "accepted #1 changeId 1 → A" in out
    assert "accepted #2 changeId 4 → no subscription (`explain --event` says why)" in out


def test_send_rejections_exit_1_with_errors_first(capsys, tmp_path):
    data = sample("3", overType="4")
    del data["statusName"]
    events = write(tmp_path, {"changeId": "3", "dataArea": "fwwt", "data": data})
    assert main(["--db", str(tmp_path / "s.db"), "send", events]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "rejected item 0 (invalid):"
    assert lines[1].strip().startswith("error   data.overType")
    assert lines[2].strip().startswith("warning data.statusName")


def test_send_json_and_strict(capsys, tmp_path):
    spec_form = {"changeId": "4", "dataArea": "fwwt", "data": sample("4")}  # data as object
    events = write(tmp_path, spec_form)
    assert main(["--db", str(tmp_path / "s.db"), "send", "--strict", "--json", events]) == 1
    (result,) = json.loads(capsys.readouterr().out)
    assert result["reason"] == "invalid" and result["errors"][0]["path"] == "data"


def test_send_unusable_input(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[{]")
    assert main(["--db", str(tmp_path / "s.db"), "send", str(bad)]) == 2
    assert "not JSON" in capsys.readouterr().err


def test_items_that_are_not_objects_are_rejected_not_reparsed(capsys, tmp_path):
    inner = json.dumps({"changeId": "4", "dataArea": "fwwt", "data": sample("4")})
    events = write(tmp_path, [inner, 7])
    assert main(["--db", str(tmp_path / "s.db"), "send", events]) == 1
    out = capsys.readouterr().out
    assert "rejected item 0: not an event object" in out
    assert "rejected item 1: not an event object" in out


def test_an_empty_list_says_so(capsys, tmp_path):
    assert main(["--db", str(tmp_path / "s.db"), "send", write(tmp_path, [])]) == 0
    assert "nothing to send" in capsys.readouterr().err


def test_warnings_carry_their_hints_and_labels(capsys, tmp_path):
    data = sample("1")
    data["userid"] = data.pop("userId")
    events = write(tmp_path, {"changeId": "1", "dataArea": "fwwt", "data": data})
    assert main(["--db", str(tmp_path / "s.db"), "send", events]) == 0
    assert "warning data.userid (联系人ID): unknown key 'userid' — hint: did you mean userId?" \
        in capsys.readouterr().out
