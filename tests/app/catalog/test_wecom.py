"""The WeCom family as data: every type and field of the document, its enumerations, its quirks
kept visible once each, the constructed examples valid, and the reader for the inspector."""

from __future__ import annotations

import base64
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog import default_catalog
from app.catalog.findings import Code, Mode, Severity
from app.catalog.model import JsonType
from app.catalog.wecom import (
    EVENTS,
    EXAMPLES_DIR,
    FAIL_TYPE,
    FORMS,
    MESSAGES,
    READER,
    WECOM,
    check_go_message,
    check_item,
    check_sync_response,
)
from tests.conftest import ROOT


def example(name: str) -> dict:
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def paths(findings, severity=None):
    return {f.path for f in findings if severity is None or f.severity is severity}


def test_the_family_has_every_type_of_the_document():
    assert default_catalog().families["wecom"] is WECOM
    assert WECOM.type_ids == (
        "text", "image", "voice", "video", "file", "location", "link", "business_card",
        "miniprogram", "enter_session", "msg_send_fail", "servicer_status_change",
        "session_status_change")
    assert WECOM.source == "spec/wecom-kf-syncmsg.txt" and WECOM.zh == "微信客服消息"
    for mt in MESSAGES:
        names = [f.name for f in mt.fields]
        assert names == ["msgid", "open_kfid", "external_userid", "servicer_userid",
                         "send_time", "origin", "msgtype", mt.id], mt.id
        assert mt.by_name["msgtype"].zh == f"消息类型,此时固定为:{mt.id}"
    for mt in EVENTS:
        event = mt.by_name["event"]
        assert event.items[0].name == "event_type"
        assert event.items[0].zh == f"事件类型。此处固定为:{mt.id}"
        assert not mt.by_name["open_kfid"].required  # not returned at the top of an event


def test_fields_are_the_structs_with_their_comments():
    text = WECOM.by_id["text"].by_name["text"]
    assert [(f.name, f.zh, f.required) for f in text.items] == [
        ("content", "文本内容", True),
        ("menu_id", "客户点击菜单消息,触发的回复消息中附带的菜单ID", False)]
    place = {f.name: f for f in WECOM.by_id["location"].by_name["location"].items}
    assert place["latitude"].type is JsonType.NUMBER and place["latitude"].spec_type == "float32"
    assert not place["latitude"].integer
    change = {f.name: f for f in WECOM.by_id["session_status_change"].by_name["event"].items}
    assert change["old_servicer_userid"].zh == "老的客服人员userid。仅change_type为2和3有值"
    assert change["msg_code"].zh.startswith("用于发送事件响应消息的code,仅change_type为1和3时")
    title = WECOM.by_id["miniprogram"].by_name["miniprogram"].items[1]
    assert title.zh == "小程序消息标题,最多64个字节,超过会自动截断"


def _all_fields(fields):
    for f in fields:
        yield f
        yield from _all_fields(f.items)


def test_every_uint_is_a_whole_number_and_every_enumeration_is_the_documents():
    for mt in (*WECOM.types, *FORMS):
        for f in _all_fields(mt.fields):
            if f.spec_type.startswith("uint") or f.spec_type == "int":
                assert f.type is JsonType.NUMBER and f.integer, (mt.id, f.name)
    origin = WECOM.by_id["text"].by_name["origin"].enum
    assert origin is not None and origin.codes == {"3", "4", "5"}
    assert FAIL_TYPE.codes == {"0", "1", "2", "4", "5", "6", "7", "8", "9", "10"}
    status = WECOM.by_id["servicer_status_change"].by_name["event"].items[-1]
    assert status.enum is not None and status.enum.codes == {"1", "2"}


def _quirks():
    """Every quirk of the family, each field counted once however many types share it
    (the BaseMessage fields are one Field object each)."""
    seen: set[int] = set()
    for mt in (*WECOM.types, *FORMS):
        yield from mt.quirks
        for f in _all_fields(mt.fields):
            if id(f) not in seen:
                seen.add(id(f))
                yield from f.quirks


def test_each_quirk_is_written_once_and_listed_in_the_docs():
    tags = [re.match(r"W(\d+): ", q) for q in _quirks()]
    assert all(tags), [q for q, t in zip(_quirks(), tags, strict=True) if not t]
    numbers = sorted(int(t.group(1)) for t in tags)
    assert numbers == list(range(1, len(numbers) + 1)), numbers  # once each, none skipped
    docs = (ROOT / "docs" / "wecom.md").read_text(encoding="utf-8")
    for n in numbers:
        assert f"**W{n}**" in docs, f"docs/wecom.md does not list W{n}"


@pytest.mark.parametrize("entry", WECOM.examples, ids=lambda e: e.id)
def test_every_example_is_strict_valid(entry):
    doc = json.loads((EXAMPLES_DIR / entry.path).read_text(encoding="utf-8"))
    reading = READER.read(doc, Mode.STRICT)
    assert reading.findings == [], [str(f) for f in reading.findings]
    assert "the document prints none" in entry.note or "prints no JSON" in entry.note
    if entry.kind == "item":
        assert reading.type_id == entry.message_type and reading.kind == "message"
    else:
        assert entry.kind == "sync response" and reading.kind == "sync response"


def test_there_is_one_example_per_type_and_a_whole_response():
    assert sorted(e.message_type for e in WECOM.examples if e.kind == "item") == \
        sorted(WECOM.type_ids)
    assert [e.path for e in WECOM.examples if e.kind == "sync response"] == \
        ["sync_msg-response.json"]


def test_fail_type_3_is_refused_with_the_gap_said():
    item = example("msg_send_fail")
    item["event"]["fail_type"] = 3
    _, findings = check_item(item, Mode.LENIENT)
    assert [(f.path, f.code, f.severity) for f in findings] == [
        ("event.fail_type", Code.ENUM, Severity.ERROR)]
    assert "4 = the session expired" in findings[0].hint and "3 =" not in findings[0].hint


@pytest.mark.parametrize(("change", "value", "want"), [
    ({"origin": 6}, None, ("origin", Code.ENUM)),
    ({"send_time": 1.5}, None, ("send_time", Code.TYPE)),
    ({"send_time": "1741921260"}, None, ("send_time", Code.TYPE)),
    ({"origin": True}, None, ("origin", Code.TYPE)),
    ({"text": "hi"}, None, ("text", Code.TYPE)),
    ({"msgid": ""}, None, ("msgid", Code.EMPTY)),
])
def test_bad_values_name_the_path(change, value, want):
    item = {**example("text"), **change}
    _, findings = check_item(item, Mode.LENIENT)
    errors = [(f.path, f.code) for f in findings if f.severity is Severity.ERROR]
    assert errors == [want]


def test_a_number_sent_as_a_string_says_how_to_send_it():
    _, findings = check_item({**example("text"), "send_time": "1741921260"})
    assert findings[0].hint == 'send 1741921260 (a number), not "1741921260"'


def test_an_unknown_msgtype_is_an_error_when_strict_and_kept_when_lenient():
    item = {**example("text"), "msgtype": "merged_msg", "merged_msg": {"title": "x"}}
    del item["text"]
    type_id, strict = check_item(item, Mode.STRICT)
    assert type_id is None
    assert [(f.path, f.code, f.severity) for f in strict] == [
        ("msgtype", Code.UNKNOWN_TYPE, Severity.ERROR)]  # one finding, not one per key
    _, lenient = check_item(item, Mode.LENIENT)
    assert [f.severity for f in lenient] == [Severity.WARNING]
    _, cased = check_item({**example("text"), "msgtype": "Text"})
    assert cased[0].hint == "did you mean text?"


def test_an_unknown_event_type_is_read_as_the_sdks_event_message():
    item = {"msgid": "m", "send_time": 1, "origin": 4, "msgtype": "event",
            "event": {"event_type": "user_recall_msg", "recall_msgid": "x"}}
    type_id, findings = check_item(item, Mode.LENIENT)
    assert type_id is None
    assert [(f.path, f.code) for f in findings] == [("event.event_type", Code.UNKNOWN_TYPE)]
    _, missing = check_item({**item, "event": {}}, Mode.LENIENT)
    assert ("event.event_type", Code.MISSING, Severity.ERROR) in \
        [(f.path, f.code, f.severity) for f in missing]


def test_not_an_object_says_what_an_item_is():
    _, findings = check_item([1], Mode.LENIENT, "msg_list[0]")
    assert findings[0].path == "msg_list[0]" and "msgid" in findings[0].hint


def test_a_sync_response_reports_each_item_by_its_index():
    page = example("sync_msg-response")
    page["msg_list"][2]["text"]["content"] = 7
    page["msg_list"][1]["event"]["change_type"] = 9
    types, findings = check_sync_response(page, Mode.LENIENT)
    assert types == ["enter_session", "session_status_change", "text", "image", "text"]
    assert paths(findings, Severity.ERROR) == {"msg_list[2].text.content",
                                               "msg_list[1].event.change_type"}


def test_a_sync_response_error_answer_and_a_missing_cursor():
    _, findings = check_sync_response({"errcode": 95007, "errmsg": "invalid msg token"})
    assert [(f.path, f.severity) for f in findings] == [("errcode", Severity.WARNING)]
    assert "95007 (invalid msg token)" in findings[0].message
    _, findings = check_sync_response({"errcode": 0, "has_more": 1, "msg_list": []})
    assert [f.path for f in findings] == ["next_cursor"]
    _, findings = check_sync_response({"errcode": 0})
    assert [(f.path, f.code) for f in findings] == [("msg_list", Code.MISSING)]
    _, nil = check_sync_response({"errcode": 0, "msg_list": None}, Mode.LENIENT)
    assert [(f.path, f.severity) for f in nil] == [("msg_list", Severity.WARNING)]
    assert "Go writes a nil slice as null" in nil[0].hint
    _, strict = check_sync_response({"errcode": 0, "has_more": False, "msg_list": []})
    assert [f.path for f in strict] == ["has_more"]  # a boolean: lenient only
    _, lenient = check_sync_response({"errcode": 0, "has_more": False, "msg_list": []},
                                     Mode.LENIENT)
    assert lenient == []


def go_form(item: dict, **top) -> dict:
    event = item.get("event", {})
    doc = {"msgid": item["msgid"],
           "open_kfid": item.get("open_kfid") or event.get("open_kfid", ""),
           "external_userid": item.get("external_userid") or event.get("external_userid", ""),
           "servicer_userid": item.get("servicer_userid", ""), "send_time": item["send_time"],
           "origin": item["origin"], "msgtype": item["msgtype"],
           "event_type": event.get("event_type", ""),
           "origin_data": base64.b64encode(json.dumps(item).encode()).decode()}
    doc.update(top)
    return doc


def test_the_go_message_carries_its_item_in_base64():
    go, findings = check_go_message(go_form(example("enter_session")))
    assert findings == [] and go is not None and go.type_id == "enter_session"
    assert go.item == example("enter_session")
    reading = READER.read(go_form(example("text")))
    assert reading.kind == "message" and reading.type_id == "text"
    assert reading.facts["form"] == "Go Message (origin_data base64)"


def test_a_go_message_that_cannot_be_read_says_why():
    _, findings = check_go_message(go_form(example("text"), origin_data="%%%"))
    assert [(f.path, f.message) for f in findings] == [("origin_data", "not base64")]
    _, findings = check_go_message(go_form(example("text"), origin_data=base64.b64encode(
        b"{nope").decode()))
    assert findings[0].code is Code.NOT_JSON and findings[0].path == "origin_data"
    bad = example("text")
    bad["text"]["content"] = 1
    _, findings = check_go_message(go_form(bad))
    assert paths(findings) == {"origin_data.text.content"}
    _, findings = check_go_message(go_form(example("text"), msgid="other"))
    assert [(f.path, f.code) for f in findings] == [("msgid", Code.CONSISTENCY)]
    _, findings = check_go_message(go_form(example("text"), origin_data=""))
    assert findings[0].code is Code.EMPTY


def test_origin_data_as_an_object_is_read_only_leniently():
    doc = go_form(example("image"), origin_data=example("image"))
    go, strict = check_go_message(doc, Mode.STRICT)
    assert [(f.path, f.severity) for f in strict] == [("origin_data", Severity.ERROR)]
    assert "base64" in strict[0].hint
    go, lenient = check_go_message(doc, Mode.LENIENT)
    assert go is not None and go.type_id == "image"
    assert [f.severity for f in lenient] == [Severity.WARNING]


def test_the_reader_recognises_its_forms_and_not_others():
    assert READER.recognise(example("text")) >= 6
    assert READER.recognise(example("sync_msg-response")) == 3
    assert READER.recognise({"msgid": "x", "from": "a", "to": "b", "type": "order_chat",
                             "payload": {}}) == 1  # an IM envelope shares only msgid
    assert READER.recognise([1]) == 0 and READER.recognise({"changeId": "1"}) == 0


def test_the_reader_reads_facts_and_titles():
    reading = READER.read(example("session_status_change"))
    assert reading.title == "WeCom session status changed 会话状态变更事件"
    assert reading.facts == {
        "msgid": "ErVUmBAZNSxCj9HN6LQAbMyNhxbAtzPa8HLrxPS5Fsz", "msgtype": "event",
        "event_type": "session_status_change", "origin": 4, "send_time": 1741921500,
        "open_kfid": "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q",
        "external_userid": "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw", "form": "msg_list item"}
    page = READER.read(example("sync_msg-response"))
    assert page.title == "WeCom sync_msg response 读取消息 — 5 messages"
    assert page.facts["types"] == {"enter_session": 1, "session_status_change": 1, "text": 2,
                                   "image": 1}
    odd = READER.read({"msgid": "m", "msgtype": "merged_msg"}, Mode.LENIENT)
    assert odd.title.endswith("does not describe: merged_msg") and odd.valid
    assert READER.read("text").findings[0].code is Code.TYPE
    assert READER.read({"msgid": "m", "msgtype": "text"}).to_json()["valid"] is False


_json = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=6)
    | st.sampled_from((*WECOM.type_ids, "event", "")),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(("msgid", "msgtype", "event", "event_type", "msg_list", "errcode",
                         "has_more", "next_cursor", "origin_data", "origin", "send_time",
                         "text", "content", "change_type")) | st.text(max_size=4),
        inner, max_size=6),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(_json, st.sampled_from(tuple(Mode)))
def test_the_reader_reads_anything_without_raising(doc, mode):
    reading = READER.read(doc, mode)
    assert reading.family == "wecom" and reading.kind in ("message", "sync response")
    assert all(f.path is not None and f.message for f in reading.findings)
    json.dumps(reading.to_json(), ensure_ascii=False)  # what the inspector shows is JSON
