"""MQ topics: one per delivery, wo/push/<baseCode>/<dataArea>."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.routing.topics import topic_for


@pytest.mark.parametrize(("base_code", "area", "topic"), [
    pytest.param("HRZDWYWHXT", "fwwt", "wo/push/HRZDWYWHXT/fwwt", id="spec-codes"),
    pytest.param("HRZDWYWHXT", "10008", "wo/push/HRZDWYWHXT/10008", id="numeric-area"),
    pytest.param("a.b-c_D", "x", "wo/push/a.b-c_D/x", id="punctuation"),
])
def test_topic_for(base_code: str, area: str, topic: str) -> None:
    assert topic_for(base_code, area) == topic


codes = st.from_regex(r"[A-Za-z0-9_.\-]{1,64}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(base_code=codes, area=codes)
def test_valid_codes_give_four_plain_levels(base_code: str, area: str) -> None:
    # Every code Subscription.from_json accepts is exactly one topic level, never a wildcard.
    topic = topic_for(base_code, area)
    assert topic.split("/") == ["wo", "push", base_code, area]
    assert "+" not in topic and "#" not in topic and "\0" not in topic
    assert not topic.startswith("$")


def test_org_pushes_have_their_own_topic_tree():
    from app.routing.topics import is_org_key, org_key, org_type_of, topic_for
    assert org_key(11) == "org:11" and is_org_key("org:11") and not is_org_key("1")
    assert org_type_of("org:205") == "205"
    assert topic_for("HRZ", "123", "org:11") == "org/push/HRZ/123"
    assert topic_for("HRZ", "fwwt", "1") == topic_for("HRZ", "fwwt") == "wo/push/HRZ/fwwt"
