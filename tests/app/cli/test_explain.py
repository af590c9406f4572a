from __future__ import annotations

import json

from app.catalog.samples import sample
from main import main


def test_explain_against_stored_subscriptions(capsys, tmp_path):
    db = str(tmp_path / "e.db")
    subs = tmp_path / "subs.json"
    subs.write_text(json.dumps([
        {"baseCode": "FWWT", "dataAreas": ["fwwt"], "changeIds": ["1", "2"]},
        {"baseCode": "OTHER", "dataAreas": ["10008"], "changeIds": ["3"]},
        {"baseCode": "OFF", "dataAreas": ["*"], "changeIds": ["1"], "enabled": False},
    ]))
    assert main(["--db", db, "subscriptions", "add", str(subs)]) == 0
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"changeId": "1", "dataArea": "fwwt", "data": sample("1")}))
    capsys.readouterr()

    assert main(["--db", db, "explain", "--event", str(event)]) == 0
    out = capsys.readouterr().out
    assert "✓ FWWT: FWWT receives this event" in out
    assert "✗ OTHER: dataArea 'fwwt' is outside its scope (10008)" in out
    assert "also: changeId 1 is not among its subscribed events (3)" in out
    assert "✗ OFF: subscription OFF is disabled" in out

    assert main(["--db", db, "explain", "--event", str(event), "--json",
                 "--subscription", "FWWT", "--subscription", "GONE"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["refused"] is None
    assert [e["baseCode"] for e in report["explanations"]] == ["FWWT"]
    assert report["unknownSubscriptions"] == ["GONE"]


def test_explain_agrees_with_the_engine_about_refused_events(capsys, tmp_path):
    """An event the engine would refuse reaches nobody, and explain says so first."""
    db = str(tmp_path / "e.db")
    subs = tmp_path / "subs.json"
    subs.write_text(json.dumps({"baseCode": "ALL", "dataAreas": ["*"], "changeIds": ["1"]}))
    assert main(["--db", db, "subscriptions", "add", str(subs)]) == 0
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"changeId": "1", "dataArea": "fwwt",
                                 "data": sample("1", serviceOrderId="")}))
    capsys.readouterr()
    assert main(["--db", db, "explain", "--event", str(event)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The engine refuses this event (invalid)")
    assert "✗ ALL: the event itself is refused: data.serviceOrderId: required field is empty" \
        in out
    assert main(["--db", db, "send", str(event)]) == 1  # and send agrees


def test_explain_with_no_subscriptions_says_how_to_add_one(capsys, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"changeId": "1", "dataArea": "fwwt"}))
    assert main(["--db", str(tmp_path / "x.db"), "explain", "--event", str(event)]) == 0
    assert "subscriptions add" in capsys.readouterr().out


def test_explain_refuses_unusable_events(capsys, tmp_path):
    event = tmp_path / "event.json"
    event.write_text("[1]")
    assert main(["--db", str(tmp_path / "x.db"), "explain", "--event", str(event)]) == 2
    assert "dataArea and changeId" in capsys.readouterr().err
