"""Message and its typed views: read from an item or the Go form, the wrong view refused, bad
input named — and fuzzed, so that nothing but the documented errors ever comes out."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog.findings import Code, Mode, Severity
from app.catalog.wecom import EXAMPLES_DIR, WECOM
from app.wecom.message import (
    EnterSession,
    Image,
    Location,
    Message,
    MessageError,
    ServicerStatusChange,
    SessionStatusChange,
    Text,
    WrongView,
)


def raw(name: str) -> bytes:
    return (EXAMPLES_DIR / f"{name}.json").read_bytes()


def example(name: str) -> dict:
    return json.loads(raw(name))


def test_a_text_item_reads_into_the_go_message_and_its_view():
    message = Message.from_item(raw("text"))
    assert (message.msgid, message.msgtype, message.event_type, message.origin,
            message.send_time) == ("5M9qZ3Ud1zT7wK6d2sRXnVbrb1xLp4Pa8iGDEpEvY1A", "text", "", 3,
                                   1741921260)
    assert message.origin_data == raw("text")  # the bytes as they came
    view = message.text()
    assert isinstance(view, Text) and view.content.startswith("你好，我家厨房水管漏水了")
    assert view.menu_id == "" and message.view() == view
    assert message.speaker == "customer" and message.findings == ()


@pytest.mark.parametrize("type_id", WECOM.type_ids)
def test_every_example_has_its_view_and_only_that(type_id):
    message = Message.from_item(example(type_id))
    assert message.type_id == type_id
    view = getattr(message, type_id)()
    assert view == message.view() and view.msgid == message.msgid
    wrong = "image" if type_id != "image" else "text"
    with pytest.raises(WrongView) as caught:
        getattr(message, wrong)()
    assert f"so {wrong}() does not apply: use {type_id}() or view()" in str(caught.value)


def test_the_wrong_view_says_what_the_message_is():
    with pytest.raises(WrongView) as caught:
        Message.from_item(example("image")).text()
    assert str(caught.value) == (
        "message '5M9qZ3Ud1zT7wK6d2sRXnVbrb1xLp4Pa8iGDEpEvY1B' is an image message (图片消息), "
        "so text() does not apply: use image() or view()")
    with pytest.raises(WrongView, match=r"is an enter_session event \(用户进入会话事件\)"):
        Message.from_item(example("enter_session")).session_status_change()


def test_an_events_ids_come_from_the_event():
    enter = Message.from_item(example("enter_session"))
    assert enter.open_kfid == "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q"
    assert enter.external_userid == "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"
    assert enter.event_type == "enter_session" and enter.speaker == "system"
    view = enter.enter_session()
    assert isinstance(view, EnterSession) and view.scene == "wuye_qiantai"
    status = Message.from_item(example("servicer_status_change")).view()
    assert isinstance(status, ServicerStatusChange)
    assert (status.servicer_userid, status.status, status.external_userid) == ("zhangsan", 2, "")
    change = Message.from_item(example("session_status_change")).view()
    assert isinstance(change, SessionStatusChange)
    assert (change.change_type, change.old_servicer_userid, change.new_servicer_userid,
            change.msg_code) == (2, "zhangsan", "lisi", "")


def test_views_are_frozen_and_numbers_typed():
    place = Message.from_item(example("location")).location()
    assert isinstance(place, Location) and place.latitude == pytest.approx(22.5431)
    with pytest.raises(AttributeError):
        place.name = "x"  # type: ignore[misc]
    whole = Message.from_item({**example("image"), "send_time": 1741921290.0})
    assert whole.send_time == 1741921290 and isinstance(whole.send_time, int)
    assert isinstance(whole.image(), Image)


def test_the_go_form_round_trips_with_base64():
    for type_id in WECOM.type_ids:
        message = Message.from_item(raw(type_id))
        go = message.to_go_json()
        assert base64.b64decode(go["origin_data"]) == raw(type_id)
        again = Message.from_go_json(json.dumps(go))
        assert again == message and again.view() == message.view()


def test_bad_input_names_the_field_and_the_fix():
    with pytest.raises(MessageError) as caught:
        Message.from_item({**example("text"), "text": {"content": 5}})
    assert str(caught.value) == ('error: text.content (文本内容): expected a string, got a '
                                 'number 5 — hint: send "5" (a string), not 5')
    with pytest.raises(MessageError) as caught:
        Message.from_item(b'{"msgid": ')
    assert caught.value.findings[0].code is Code.NOT_JSON
    with pytest.raises(MessageError, match=r"msgid.*required field is missing"):
        Message.from_item({"msgtype": "text", "text": {"content": "x"}})
    with pytest.raises(MessageError, match=r"origin_data \(原始数据内容\): not base64"):
        Message.from_go_json({**Message.from_item(raw("text")).to_go_json(),
                              "origin_data": "not base64!"})
    with pytest.raises(MessageError, match=r"\(and 1 more\)"):
        Message.from_item({**example("text"), "origin": 9, "send_time": -4})


def test_strict_reading_refuses_what_lenient_keeps():
    item = {"msgid": "m1", "msgtype": "text", "text": {"content": "在吗"}}
    with pytest.raises(MessageError):
        Message.from_item(item, Mode.STRICT)
    kept = Message.from_item(item)
    assert kept.send_time == 0 and kept.origin == 0 and kept.speaker == "origin 0"
    assert {f.path for f in kept.findings} >= {"send_time", "origin", "open_kfid"}
    assert all(f.severity is Severity.WARNING for f in kept.findings)


def test_an_undescribed_type_is_kept_with_no_view():
    message = Message.from_item({**example("text"), "msgtype": "channels_shop_product",
                                 "channels_shop_product": {"product_id": "1"}})
    assert message.type_id is None and message.summary() == "[channels_shop_product]"
    with pytest.raises(WrongView, match="read origin_data"):
        message.view()
    with pytest.raises(WrongView):
        message.text()


def test_a_caller_cannot_change_a_message_through_its_dict():
    item = example("text")
    message = Message.from_item(item)
    item["text"]["content"] = "changed"
    assert message.text().content != "changed"


def test_summaries_say_what_was_said():
    said = {t: Message.from_item(example(t)).summary() for t in WECOM.type_ids}
    assert said["session_status_change"] == "会话转接 transferred zhangsan → lisi"
    assert said["servicer_status_change"] == "客服 zhangsan 停止接待 stopped"
    assert said["msg_send_fail"].startswith("发送失败 send failed: S3tF")
    assert said["location"].startswith("[位置 location] 海文花园2栋 ")
    assert len(Message.from_item(example("text")).summary(10)) == 10


# --- fuzzing ---------------------------------------------------------------------------------

_KEYS = ("msgid", "open_kfid", "external_userid", "servicer_userid", "send_time", "origin",
         "msgtype", "event", "text", "image", "location", "content", "media_id", "event_type",
         "change_type", "fail_type", "status", "latitude", "origin_data", "title",
         "miniprogram")
_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
    | st.sampled_from((*WECOM.type_ids, "event", "")),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=4), inner, max_size=6),
    max_leaves=20)


def _mutated():
    """Valid examples with one value anywhere replaced by anything."""
    def mutate(pair):
        (type_id, value, where) = pair
        item = example(type_id)
        target = item
        path = where % 2
        if path and isinstance(item.get("event") or item.get(type_id), dict):
            target = item.get("event") or item[type_id]
        keys = list(target)
        target[keys[where % len(keys)]] = value
        return item
    return st.tuples(st.sampled_from(WECOM.type_ids), _json,
                     st.integers(0, 50)).map(mutate)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_json, _mutated()), st.sampled_from(tuple(Mode)))
def test_any_item_reads_or_fails_with_findings(doc, mode):
    try:
        message = Message.from_item(doc, mode)
    except MessageError as error:
        assert error.findings and error.findings[0].severity is Severity.ERROR
        return
    try:
        view = message.view()
    except WrongView:
        assert message.type_id is None
    else:
        assert view.msgid == message.msgid
    assert Message.from_go_json(message.to_go_json(), mode) == message
    assert isinstance(message.summary(), str)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_json, st.binary(max_size=40), st.text(max_size=40)))
def test_any_go_message_reads_or_fails_with_findings(doc):
    try:
        message = Message.from_go_json(doc)
    except MessageError as error:
        assert error.findings
    else:
        assert isinstance(message.origin_data, bytes)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=60))
def test_any_bytes_as_an_item_read_or_fail_with_findings(data):
    try:
        Message.from_item(data)
    except MessageError as error:
        assert error.findings
