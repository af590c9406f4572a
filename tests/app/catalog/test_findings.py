from __future__ import annotations

import pytest

from app.catalog.findings import Code, Finding, Severity, errors_first, has_errors, join_path


@pytest.mark.parametrize(("base", "key", "path"), [
    ("", "data", "data"), ("data", "userId", "data.userId"), ("data.list", 0, "data.list[0]"),
    ("data", "hangRemark ", 'data["hangRemark "]'), ("data", 'a"b', 'data["a\\"b"]'),
    ("data", "1x", 'data["1x"]')])
def test_join_path(base, key, path):
    assert join_path(base, key) == path


def test_has_errors():
    warning = Finding("a", Code.EMPTY, "m", Severity.WARNING)
    assert not has_errors([warning])
    assert has_errors([warning, Finding("b", Code.MISSING, "m")])


def test_str_of_a_finding_at_the_root():
    assert str(Finding("", Code.NOT_JSON, "not JSON", hint="fix it")) == \
        "error: $: not JSON — hint: fix it"


def test_errors_first_keeps_order_within_each_severity():
    a = Finding("a", Code.EMPTY, "m", Severity.WARNING)
    b = Finding("b", Code.MISSING, "m")
    c = Finding("c", Code.EMPTY, "m", Severity.WARNING)
    d = Finding("d", Code.TYPE, "m")
    assert [f.path for f in errors_first([a, b, c, d])] == ["b", "d", "a", "c"]
