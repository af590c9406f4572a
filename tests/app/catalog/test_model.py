from __future__ import annotations

import pytest

from app.catalog.model import JsonType
from app.catalog.workorder import OVER_TYPE, WORKORDER


@pytest.mark.parametrize(("value", "kind"), [
    ("x", JsonType.STRING), ({}, JsonType.OBJECT), ([], JsonType.ARRAY), (1, JsonType.NUMBER),
    (1.5, JsonType.NUMBER), (True, JsonType.BOOLEAN), (None, None)])
def test_json_type_of(value, kind):
    assert JsonType.of(value) is kind


def test_json_type_of_subclasses():
    class Text(str):
        pass

    assert JsonType.of(Text("x")) is JsonType.STRING


def test_enumeration_meanings():
    assert OVER_TYPE.meaning("1", "zh") == "取消（终止）"
    assert OVER_TYPE.meaning("1") == "cancelled (terminated)"
    assert OVER_TYPE.meaning("9") is None
    assert OVER_TYPE.describe().startswith("0 = completed normally 正常完结")


def test_short_label_is_the_first_line():
    field = WORKORDER.by_id["5"].by_name["trackInfo"]
    assert "\n" in field.zh and "\n" not in field.short_zh
