from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.im.msgid import is_msgid, msgid_time, new_msgid


def test_the_time_comes_first_then_randomness():
    msgid = new_msgid(0x5F5E1000, bytes(range(8)))
    assert msgid == "5f5e1000" + "0001020304050607" and msgid_time(msgid) == 0x5F5E1000
    assert is_msgid(new_msgid()) and new_msgid() != new_msgid()


@given(st.text(max_size=30))
def test_only_24_lower_case_hex_digits_are_msgids(text):
    expected = len(text) == 24 and all(c in "0123456789abcdef" for c in text)
    assert is_msgid(text) is expected
