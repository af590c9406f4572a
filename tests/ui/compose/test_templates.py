"""Templates by name in QSettings: saved, listed, read back, deleted; bad ones are refused
or ignored, never a crash."""

from __future__ import annotations

import pytest

from ui.compose.templates import GROUP, Templates


def test_saved_listed_read_and_deleted(settings):
    t = Templates(settings)
    t.save("b hang", {"changeId": "6"})
    t.save("A create", {"changeId": "1", "data": {"remark": "房屋问题"}})
    assert t.names() == ["A create", "b hang"]
    assert t.get("A create") == {"changeId": "1", "data": {"remark": "房屋问题"}}
    t.delete("b hang")
    assert t.names() == ["A create"] and t.get("b hang") is None


@pytest.mark.parametrize("name", ["", "  ", "a/b", "a\\b"])
def test_bad_names_are_refused(settings, name):
    with pytest.raises(ValueError, match="name"):
        Templates(settings).save(name, {})


def test_an_unreadable_template_reads_as_none(settings):
    settings.setValue(f"{GROUP}/broken", "{not json")
    settings.setValue(f"{GROUP}/list", "[1, 2]")
    t = Templates(settings)
    assert t.get("broken") is None and t.get("list") is None
