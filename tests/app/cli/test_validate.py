"""``python main.py validate``: exit 0 valid, 1 invalid, 2 unusable input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from app.catalog.samples import sample
from main import main
from tests.conftest import EXAMPLES


def run(capsys, *argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(["validate", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def write(tmp_path, obj, name="event.json"):
    path = tmp_path / name
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_valid_envelope(capsys, tmp_path):
    body = {"baseCode": "", "dataArea": "fwwt", "changeId": "4",
            "data": json.dumps(sample("4"), ensure_ascii=False)}
    code, out, _ = run(capsys, write(tmp_path, body))
    assert code == 0
    assert "changeId 4 评价 (evaluation), strict: valid — 0 error(s)" in out


def test_spec_example_strict_lists_findings_with_chinese_names_and_hints(capsys):
    code, out, _ = run(capsys, "--change-id", "1", str(EXAMPLES / "changeId-1.json"))
    assert code == 1
    assert "INVALID — 11 error(s)" in out
    assert "data.userid (联系人ID): unknown key 'userid'" in out
    assert "hint: did you mean userId?" in out


def test_lenient_passes_the_same_example(capsys):
    code, out, _ = run(capsys, "--lenient", "--change-id", "1",
                       str(EXAMPLES / "changeId-1.json"))
    assert code == 0 and "lenient: valid" in out and "warning" in out


def test_json_output(capsys):
    code, out, _ = run(capsys, "--json", str(EXAMPLES / "envelope-changeId-1.json"))
    report = json.loads(out)
    assert code == 1 and report["valid"] is False and report["changeId"] == "1"
    assert {"path": "data", "code": "type"}.items() <= report["findings"][0].items()


def test_stdin(capsys, monkeypatch):
    body = json.dumps({"dataArea": "fwwt", "changeId": "4", "data": sample("4")}).encode()
    code, out, _ = run(capsys, "--lenient", "-", stdin=body, monkeypatch=monkeypatch)
    assert code == 0 and out.startswith("-: envelope")


@pytest.mark.parametrize(("argv", "stdin", "message"), [
    (["-"], b'{"changeId": "1",\n  "data": {,}}', "line 2 column 12"),
    (["-"], b"", "is not JSON"),
    (["/no/such/file.json"], None, "cannot read /no/such/file.json"),
    (["--change-id", "11", "-"], b"{}", "--change-id 11 is not a known changeId"),
    (["-"], b'{"serviceOrderId": "1"}', "pass --change-id N"),
])
def test_unusable_input_exits_2_and_says_why(capsys, monkeypatch, argv, stdin, message):
    code, _, err = run(capsys, *argv, stdin=stdin, monkeypatch=monkeypatch)
    assert code == 2 and message in err


def test_unusable_input_in_json_mode(capsys, monkeypatch):
    code, out, _ = run(capsys, "--json", "-", stdin=b"nope", monkeypatch=monkeypatch)
    assert code == 2 and json.loads(out)["usable"] is False
