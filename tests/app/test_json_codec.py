from __future__ import annotations

import pytest

from app import json_codec
from app.json_codec import NotJson


def test_round_trip_keeps_chinese_and_odd_keys():
    value = {"hangRemark ": "挂起测试", "n": [1, 2.5, None, True]}
    text = json_codec.dumps(value)
    assert text == '{"hangRemark ":"挂起测试","n":[1,2.5,null,true]}'
    assert json_codec.loads(text) == value
    assert json_codec.loads(text.encode()) == value


def test_integers_beyond_64_bits_are_json():
    big = 2**70
    assert json_codec.loads(f'{{"a": {big}}}') == {"a": big}
    assert json_codec.dumps({"a": big}) == f'{{"a":{big}}}'


def test_a_byte_order_mark_is_dropped():
    assert json_codec.loads("\ufeff{}") == {}
    assert json_codec.loads(b"\xef\xbb\xbf[1]") == [1]


def test_broken_text_is_reported_in_the_standard_words():
    with pytest.raises(NotJson) as caught:
        json_codec.loads('{"a": 1\n "b": 2}')
    problem = caught.value
    assert (problem.reason, problem.line, problem.column) == ("Expecting ',' delimiter", 2, 2)
    assert str(problem) == "Expecting ',' delimiter at line 2 column 2"


@pytest.mark.parametrize(("text", "reason"), [
    ('{"a": NaN}', "expected a JSON value"),
    ('[Infinity]', "expected a JSON value"),
    ("[" * 3000 + "]" * 3000, "depth limit"),
    ("1" * 5000, "infinity"),
    ('{"a": "\\ud800"}', "surrogate"),
    ('["\\udfff x"]', "surrogate"),
])
def test_what_is_not_json_is_refused_with_a_place(text, reason):
    with pytest.raises(NotJson) as caught:
        json_codec.loads(text)
    assert reason in caught.value.reason
    assert caught.value.line == 1 and caught.value.column >= 1


def test_bytes_that_are_not_utf8():
    with pytest.raises(NotJson) as caught:
        json_codec.loads(b'{"a": "\xff"}')
    assert caught.value.reason == "not UTF-8 (byte 0xff)"
    assert caught.value.column == 8
