from __future__ import annotations

import sys

import pytest

from app.api.token import TOKEN_FILE, load_or_create, matches


def test_made_once_and_kept(tmp_path):
    token = load_or_create(tmp_path)
    assert load_or_create(tmp_path) == token and len(token) >= 32


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_readable_by_the_owner_only_even_if_loosened(tmp_path):
    load_or_create(tmp_path)
    path = tmp_path / TOKEN_FILE
    assert oct(path.stat().st_mode)[-3:] == "600"
    path.chmod(0o644)
    load_or_create(tmp_path)
    assert oct(path.stat().st_mode)[-3:] == "600"


@pytest.mark.parametrize(("header", "ok"), [("Bearer abc", True), ("Bearer abd", False),
                                            ("abc", False), (None, False), ("Bearer ", False)])
def test_matches(header, ok):
    assert matches(header, "abc") is ok
