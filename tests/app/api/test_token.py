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


@pytest.mark.parametrize(("header", "ok"), [
    ("Bearer abc", True), ("Token abc", True), ('Token token="abc"', True),
    ('Token token="abc", nonce="n"', True), ("Token token=abc", True),
    ('Token token="abd"', False), ("token abc", False), ('Token token=""', False),
    ("Token ", False), ("Basic abc", False)])
def test_http_token_authentication_where_a_route_allows_it(header, ok):
    assert matches(header, "abc", ("Bearer", "Token")) is ok


def test_the_token_scheme_is_refused_where_only_bearer_is_allowed():
    assert matches("Token abc", "abc") is False
