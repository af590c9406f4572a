"""The rich-text message request as data: its fields, the document's example (printed, then
repaired as listed), strict and lenient reading, and the inspector's reader."""

from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog import default_catalog
from app.catalog.findings import Code, Mode, Severity, has_errors
from app.catalog.org import READER as ORG_READER
from app.catalog.rich import EXAMPLES_DIR, READER, RICH, RICH_4, read_request, whole

EXAMPLE = json.loads((EXAMPLES_DIR / "request.json").read_text(encoding="utf-8"))
PRINTED = (EXAMPLES_DIR / "request.printed.txt").read_text(encoding="utf-8")


def request(**changes):
    doc = copy.deepcopy(EXAMPLE)
    doc.update(changes)
    return doc


def errors(doc, mode=Mode.STRICT):
    return {(f.path, f.code) for f in read_request(doc, mode).findings
            if f.severity is Severity.ERROR}


def test_the_family_is_in_the_default_catalogue_with_one_type_4():
    assert default_catalog().families["rich"] is RICH
    assert RICH.type_ids == ("4",) and RICH.source == "spec/org-change-push.md"
    assert (RICH.zh, RICH.en) == ("富文本消息", "rich-text message")
    assert [f.name for f in RICH_4.fields] == ["body", "app_id", "dest_id", "dest_type", "type"]
    chat = RICH_4.by_name["body"].items[0]
    assert chat.name == "chat"
    assert [f.name for f in chat.items] == ["content", "apns_summary", "type"]
    assert all(f.required for f in (*RICH_4.fields, chat, *chat.items))


def test_the_fields_keep_the_documents_comments_as_their_chinese_text():
    chat = RICH_4.by_name["body"].items[0]
    assert chat.items[0].zh == "消息体内容放在content里头"
    assert chat.items[1].zh == "apns推送内容"
    assert chat.items[2].zh == "富文本消息的type"
    assert RICH_4.by_name["app_id"].zh == "应用id"
    assert RICH_4.by_name["dest_id"].zh == "推送接收方的id, 注: 接受方所在组织在URL里面(:org_id)"
    assert RICH_4.by_name["dest_type"].zh == "推送接收方的类型"
    assert RICH_4.by_name["type"].zh == "固定"
    assert any("not a schema" in q for q in chat.items[0].quirks)
    assert any("gives no values" in q for q in RICH_4.by_name["dest_type"].quirks)


def test_the_printed_example_becomes_the_shipped_one_by_exactly_the_listed_repairs():
    with pytest.raises(json.JSONDecodeError):
        json.loads(PRINTED)  # as printed it is not JSON
    (example,) = RICH.examples
    comments = re.findall(r"//[^\n]*", PRINTED)
    removed = [r for r in example.repairs if r.startswith("removed the comment")]
    assert len(removed) == len(comments) == 7
    for comment, repair in zip(comments, removed, strict=True):
        assert f'"{comment.strip()}"' in repair
    assert sum("comma missing" in r for r in example.repairs) == 1
    assert len(example.repairs) == 8
    text = re.sub(r"\s*//[^\n]*", "", PRINTED)
    text = text.replace('"老大给你安排了一个xxx考试"\n      "type"',
                        '"老大给你安排了一个xxx考试",\n      "type"')
    assert json.loads(text) == EXAMPLE
    # Keys, order and values stay the document's.
    assert list(EXAMPLE) == ["body", "app_id", "dest_id", "dest_type", "type"]


def test_the_examples_own_oddities_are_kept_and_said():
    content = EXAMPLE["body"]["chat"]["content"]
    assert content["exameTime"] == "2小时" and "examTime" not in content
    assert content["examStartTime"] == "2016-01-01 12-01-02"
    note = RICH.examples[0].note
    assert "exameTime" in note and "2016-01-01 12-01-02" in note


@pytest.mark.parametrize("mode", list(Mode))
def test_the_repaired_example_is_valid_and_read_with_its_facts(mode):
    reading = read_request(EXAMPLE, mode, org_id=123)
    assert reading.findings == [] and reading.valid
    assert (reading.family, reading.type_id, reading.kind) == ("rich", "4", "request")
    assert reading.facts == {"org_id": 123, "app_id": 100, "dest_id": 1, "dest_type": 1,
                             "userID": "1"}
    assert "org_id" not in read_request(EXAMPLE).facts  # only the URL knows it


def test_content_is_free_form():
    for content in ({}, {"anything": [1, {"deep": None}]}, {"title": 5}):
        doc = request()
        doc["body"]["chat"]["content"] = content
        assert errors(doc) == set()
    doc = request()
    doc["body"]["chat"]["content"] = "text"
    assert errors(doc) == {("body.chat.content", Code.TYPE)}


@pytest.mark.parametrize(("change", "expected"), [
    ({"type": 5}, {("type", Code.ENUM)}),
    ({"type": 4.5}, {("type", Code.TYPE)}),
    ({"dest_id": "1"}, {("dest_id", Code.TYPE)}),
    ({"dest_id": True}, {("dest_id", Code.TYPE)}),
    ({"app_id": None}, {("app_id", Code.TYPE)}),
    ({"dest_type": 2}, {("dest_type", Code.UNSUPPORTED)}),
    ({"body": []}, {("body", Code.TYPE)}),
    ({"extra": 1}, {("extra", Code.UNKNOWN_KEY)}),
])
def test_each_kind_of_deviation_is_one_finding_at_its_path(change, expected):
    assert errors(request(**change)) == expected


def test_the_chat_is_checked_inside():
    doc = request()
    doc["body"]["chat"].update(type=1, apns_summary="")
    assert errors(doc) == {("body.chat.type", Code.ENUM), ("body.chat.apns_summary", Code.EMPTY)}
    del doc["body"]["chat"]["content"]
    assert ("body.chat.content", Code.MISSING) in errors(doc)


def test_every_missing_field_is_reported_at_once():
    assert errors({"body": {"chat": {}}}) == {
        ("app_id", Code.MISSING), ("dest_id", Code.MISSING), ("dest_type", Code.MISSING),
        ("type", Code.MISSING), ("body.chat.content", Code.MISSING),
        ("body.chat.apns_summary", Code.MISSING), ("body.chat.type", Code.MISSING)}


def test_dest_type_says_why_only_1_is_delivered():
    (finding,) = read_request(request(dest_type=2)).findings
    assert "not a receiver Push Studio delivers to" in finding.message
    assert "dest_type 1" in finding.hint and "IM user" in finding.hint


def test_a_misspelt_key_gets_a_hint_and_lenient_mode_reads_through_it():
    doc = request()
    doc["Dest_id"] = doc.pop("dest_id")
    strict = read_request(doc).findings
    assert [(f.path, f.code, f.hint) for f in strict] == [
        ("Dest_id", Code.KEY_DRIFT, "did you mean dest_id?")]
    lenient = read_request(doc, Mode.LENIENT)
    assert lenient.valid and lenient.facts["userID"] == "1"
    doc = request()
    doc["body"]["chat"]["apns_sumary"] = doc["body"]["chat"].pop("apns_summary")
    hints = {f.path: f.hint for f in read_request(doc).findings}
    assert hints["body.chat.apns_sumary"] == "did you mean apns_summary?"


def test_missing_app_id_is_a_warning_when_lenient_but_the_receiver_is_essential():
    doc = request()
    del doc["app_id"], doc["dest_id"]
    lenient = {(f.path, f.severity) for f in read_request(doc, Mode.LENIENT).findings}
    assert lenient == {("app_id", Severity.WARNING), ("dest_id", Severity.ERROR)}


def test_a_type_other_than_4_is_recognisably_rich_but_untyped():
    reading = read_request(request(type=11))
    assert reading.type_id is None and not reading.valid and "not 4" in reading.title


def test_the_reader_recognises_the_request_and_not_an_org_push():
    assert READER.family == "rich"
    assert READER.recognise(EXAMPLE) == 4
    assert READER.recognise({"body": {"org": {}}, "created_at": 1, "org_id": 1,
                             "operator": 2, "type": 11}) == 0
    assert READER.recognise({"type": 4}) == 0 and READER.recognise([EXAMPLE]) == 0
    assert ORG_READER.recognise(EXAMPLE) == 0
    assert READER.read(EXAMPLE, Mode.STRICT, org_id=9).facts["org_id"] == 9


def test_whole_numbers():
    assert whole(3) == 3 and whole(3.0) == 3
    assert whole(3.5) is None and whole(True) is None and whole("3") is None


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=8),
                    lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(st.text(max_size=8), kids, max_size=5), max_leaves=20)
NEAR = st.fixed_dictionaries(
    {"body": st.one_of(JSON, st.fixed_dictionaries({"chat": st.one_of(
        JSON, st.fixed_dictionaries({}, optional={"content": JSON, "apns_summary": JSON,
                                                  "type": JSON | st.just(0)}))}))},
    optional={"app_id": JSON, "dest_id": JSON | st.integers(), "type": JSON | st.just(4),
              "dest_type": JSON | st.just(1), " dest_type": JSON})


@settings(max_examples=400, deadline=None)
@given(st.one_of(JSON, NEAR), st.sampled_from(list(Mode)))
def test_any_json_is_read_without_raising_and_every_finding_has_a_path(obj, mode):
    reading = read_request(obj, mode, org_id=1)
    for f in reading.findings:
        assert isinstance(f.path, str) and f.message
        assert f.path == "" or not f.path.startswith(".")
    assert READER.recognise(obj) >= 0
    json.dumps(reading.to_json())  # what the inspector shows is JSON
    if reading.valid:
        assert reading.facts["userID"] == str(whole(obj["dest_id"]))
    if not isinstance(obj, dict):
        assert has_errors(reading.findings)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["body", "app_id", "dest_id", "dest_type", "type"]), JSON)
def test_replacing_any_field_of_the_example_never_raises(name, value):
    doc = request(**{name: value})
    reading = read_request(doc)
    if reading.valid:
        assert read_request(doc, Mode.LENIENT).valid
