from __future__ import annotations

import json

import pytest

from app import json_codec


def test_round_trip_keeps_chinese_and_odd_keys():
    value = {"hangRemark ": "挂起测试", "n": [1, 2.5, None, True]}
    text = json_codec.dumps(value)
    assert text == '{"hangRemark ":"挂起测试","n":[1,2.5,null,true]}'
    assert json_codec.loads(text) == value
    assert json_codec.loads(text.encode()) == value


def test_what_orjson_refuses_the_standard_library_handles():
    big = 2**70
    assert json_codec.loads(f'{{"a": {big}}}') == {"a": big}
    assert json_codec.dumps({"a": big}) == f'{{"a":{big}}}'


def test_broken_text_is_reported_in_the_standard_words():
    with pytest.raises(json.JSONDecodeError) as caught:
        json_codec.loads('{"a": 1\n "b": 2}')
    assert (caught.value.msg, caught.value.lineno, caught.value.colno) == (
        "Expecting ',' delimiter", 2, 2)


def test_bytes_that_are_not_utf8():
    with pytest.raises(UnicodeDecodeError):
        json_codec.loads(b'{"a": "\xff"}')
