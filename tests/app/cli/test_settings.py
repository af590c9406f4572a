from __future__ import annotations

import json

from app.catalog.samples import sample
from main import main


def test_allow_unsupported_lets_change_8_through(capsys, tmp_path):
    db = str(tmp_path / "s.db")
    event = tmp_path / "e.json"
    event.write_text(json.dumps({"changeId": "8", "dataArea": "fwwt", "data": sample("8")}))
    assert main(["--db", db, "send", str(event)]) == 1
    assert "settings allow-unsupported on" in capsys.readouterr().out

    assert main(["--db", db, "settings", "allow-unsupported", "on"]) == 0
    assert "allow-unsupported  on" in capsys.readouterr().out
    assert main(["--db", db, "send", str(event)]) == 0

    assert main(["--db", db, "settings", "allow-unsupported", "off"]) == 0
    assert main(["--db", db, "settings"]) == 0
    assert capsys.readouterr().out.endswith("allow-unsupported  off\nvalidation-mode    lenient\n")


def test_validation_mode(capsys, tmp_path):
    db = str(tmp_path / "s.db")
    assert main(["--db", db, "settings", "validation-mode", "strict"]) == 0
    assert "validation-mode    strict" in capsys.readouterr().out
    assert main(["--db", db, "settings", "validation-mode", "loose"]) == 2
    assert "lenient or strict, not 'loose'" in capsys.readouterr().err
    assert main(["--db", db, "settings", "allow-unsupported", "maybe"]) == 2
    assert main(["--db", db, "settings", "allow-unsupported"]) == 2
