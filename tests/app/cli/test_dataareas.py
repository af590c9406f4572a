from __future__ import annotations

from main import main


def test_list_add_rename_remove(capsys, tmp_path):
    db = str(tmp_path / "d.db")
    assert main(["--db", db, "data-areas", "list"]) == 0
    assert "fwwt             房屋问题" in capsys.readouterr().out
    assert main(["--db", db, "data-areas", "add", "dqwt", "电气问题"]) == 0
    assert main(["--db", db, "data-areas", "add", "dqwt", "电气"]) == 0
    assert main(["--db", db, "data-areas", "remove", "10008"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "data-areas", "list"]) == 0
    assert capsys.readouterr().out.split("\n")[:2] == ["fwwt             房屋问题",
                                                      "dqwt             电气"]


def test_bad_input_names_the_field(capsys, tmp_path):
    db = str(tmp_path / "d.db")
    assert main(["--db", db, "data-areas", "add", "a/b"]) == 1
    assert "code: 'a/b' is not a data-area code" in capsys.readouterr().err
    assert main(["--db", db, "data-areas", "remove", "nope"]) == 1
