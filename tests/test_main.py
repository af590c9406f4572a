"""The command line as a user meets it: a real ``python main.py`` process."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT


def run(*argv, stdin=None):
    return subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_validate_exit_codes_are_the_contract():
    assert run("validate", "--lenient", "--change-id", "4",
               str(EXAMPLES / "changeId-4.json")).returncode == 0
    assert run("validate", "--change-id", "4", str(EXAMPLES / "changeId-4.json")).returncode == 1
    broken = run("validate", "-", stdin='{"changeId": "1"')
    assert broken.returncode == 2 and "not JSON" in broken.stderr


def test_help_lists_the_commands():
    out = run("--help").stdout
    for command in ("validate", "catalog", "send", "explain", "subscriptions", "data-areas",
                    "timeline", "settings", "bench"):
        assert command in out


def test_a_database_from_a_newer_push_studio_is_refused_in_words(tmp_path):
    import sqlite3

    db = tmp_path / "newer.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = run("--db", str(db), "subscriptions", "list")
    assert result.returncode == 2
    assert "newer than this Push Studio knows" in result.stderr
    assert "Traceback" not in result.stderr
