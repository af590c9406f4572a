"""``python main.py inspect``: what a payload is, its findings and its routing; exit 0 valid,
1 invalid, 2 unreadable or not recognised."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from app import paths
from app.catalog.samples import sample
from app.engine import Engine
from main import main

EXAMPLES = Path(__file__).resolve().parents[3] / "resources" / "examples"


def run(capsys, tmp_path, *argv):
    code = main(["--data-dir", str(tmp_path / "data"), "inspect", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_org_push_is_named_and_valid(capsys, tmp_path):
    push = {"body": json.loads((EXAMPLES / "org/12-DISCUSSION_GROUP_CREATED.json").read_text()),
            "created_at": 1, "org_id": 5, "operator": 2, "type": 12}
    path = tmp_path / "push.json"
    path.write_text(json.dumps(push))
    code, out, _ = run(capsys, tmp_path, str(path))
    assert code == 0
    assert "DISCUSSION_GROUP_CREATED = 12" in out and "valid" in out
    assert "no database yet" in out


def test_a_bad_rich_request_exits_1_with_hints_and_json_output(capsys, tmp_path):
    path = tmp_path / "req.http"
    body = json.loads((EXAMPLES / "rich/request.json").read_text())
    body["type"] = 5
    path.write_text("POST /orgs/7/messages HTTP/1.1\nContent-Type: application/json\n"
                    "Accept: application/json\nAuthorization: Bearer t\n\n" + json.dumps(body))
    code, out, _ = run(capsys, tmp_path, str(path))
    assert code == 1 and "type" in out and "hint:" in out
    code, out, _ = run(capsys, tmp_path, "--json", str(path))
    got = json.loads(out)
    assert code == 1 and got["family"] == "rich" and got["request"]["path"] == "/orgs/7/messages"
    assert got["request"]["headers"]["authorization"] == "<redacted>"


def test_routing_uses_the_stored_subscriptions(capsys, tmp_path):
    async def add() -> None:
        with Engine(paths.db_path(None, str(tmp_path / "data"))) as engine:
            await engine.put_subscription({"baseCode": "HRZ", "dataAreas": ["fwwt"],
                                           "changeIds": ["4"]})
    asyncio.run(add())
    path = tmp_path / "e.json"
    path.write_text(json.dumps({"changeId": "4", "dataArea": "fwwt",
                                "data": json.dumps(sample("4"))}))
    code, out, _ = run(capsys, tmp_path, str(path))
    assert code == 0 and "delivered     HRZ" in out and "wo/push/HRZ/fwwt" in out


def test_unreadable_and_unrecognised_input_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path, str(tmp_path / "missing.json"))
    assert code == 2 and "cannot read" in err
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}')
    code, out, _ = run(capsys, tmp_path, str(path))
    assert code == 2 and "not recognised" in out
