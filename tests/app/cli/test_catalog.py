from __future__ import annotations

import json

from main import main


def test_overview(capsys):
    assert main(["catalog"]) == 0
    out = capsys.readouterr().out
    assert "changeId  8  督办（暂不支持）" in out and "not supported" in out
    assert "envelope-changeId-1" in out


def test_one_change_id_lists_its_fields_with_enumerations_and_quirks(capsys):
    assert main(["catalog", "6"]) == 0
    out = capsys.readouterr().out
    assert "hangStatus" in out and "values: 0 = unhung" in out
    assert "quirk: #11" in out


def test_json(capsys):
    assert main(["catalog", "--json"]) == 0
    families = json.loads(capsys.readouterr().out)
    types = {t["id"]: t for t in families[0]["types"]}
    assert types["8"]["supported"] is False
    current_user = next(f for f in types["5"]["fields"] if f["name"] == "currentUser")
    assert current_user["specType"] == "Object" and current_user["alsoAccepted"] == ["array"]
    assert len(families[0]["examples"]) == 12


def test_unknown_change_id(capsys):
    assert main(["catalog", "12"]) == 2
    assert "one of 1, 5, 2" in capsys.readouterr().err


def test_other_families_are_listed_and_shown(capsys):
    assert main(["catalog", "--family", "org"]) == 0
    out = capsys.readouterr().out
    assert "205  部门创建 · DEPARTMENT_CREATED  (1 field, a list of them)" in out
    assert main(["catalog", "--family", "org", "16"]) == 0
    assert "quirk: bare user ids here" in capsys.readouterr().out
    assert main(["catalog", "--family", "org", "99"]) == 2
    assert "not a type of organisation data-change push" in capsys.readouterr().err
    assert main(["catalog", "--family", "nope"]) == 2
