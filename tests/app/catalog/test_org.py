"""The organisation push family: every code with its body schema, the document's examples,
and reading an envelope — exact findings for each kind of mistake, and fuzzed."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog.findings import Code, Mode, Severity
from app.catalog.org import EXAMPLES_DIR, ORG, READER, parse_type, read_push, type_name

CODES = {"ORG_UPDATED": 11, "ORG_MEMBER_JOINED": 202, "ORG_MEMBER_LEFT": 203,
         "DISCUSSION_GROUP_CREATED": 12, "DISCUSSION_GROUP_UPDATED": 13,
         "DISCUSSION_GROUP_DISBANDED": 20, "DISCUSSION_GROUP_MEMBER_JOINED": 16,
         "DISCUSSION_GROUP_MEMBER_LEFT": 17, "DEPARTMENT_CREATED": 205,
         "DEPARTMENT_UPDATED": 41, "DEPARTMENT_DISBANDED": 42,
         "MEMBER_DEPARTMENTS_UPDATED": 100, "USER_UPDATED": 206, "APP_ACCOUNT_JOINED": 201,
         "REINITIALIZE_ORG": 200}


def body_of(code: int) -> object:
    example = next(e for e in ORG.examples if e.kind == "body" and e.message_type == str(code))
    return json.loads((EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))


def push(code: int = 11, **changes: object) -> dict:
    body = body_of(code)
    if code == 200:
        body = {"org_id": 123}
    return {"body": body, "created_at": 1395714696, "org_id": 123, "operator": 234,
            "type": code, **changes}


def test_every_message_type_of_the_document_is_in_the_catalogue():
    assert {t.en: int(t.id) for t in ORG.types} == CODES
    lists = {t.en for t in ORG.types if t.body == "list"}
    assert lists == {"DEPARTMENT_CREATED", "MEMBER_DEPARTMENTS_UPDATED", "USER_UPDATED"}


@pytest.mark.parametrize("code", sorted(CODES.values()))
def test_each_documented_body_validates_in_its_envelope(code):
    report = read_push(push(code))
    assert report.push is not None and report.push.type == code
    assert not [str(f) for f in report.findings], report.findings


def test_the_envelope_sketch_is_shipped_with_its_quirk_reported():
    example = next(e for e in ORG.examples if e.kind == "envelope")
    assert example.repairs and "# " in example.repairs[0]
    sketch = json.loads((EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))
    report = read_push(sketch)
    (finding,) = report.findings
    assert (finding.path, finding.code) == ("type", Code.ENUM)
    assert "11 = ORG_UPDATED" in finding.hint


def test_every_example_file_is_listed():
    listed = sorted(e.path for e in ORG.examples)
    shipped = sorted(p.name for p in EXAMPLES_DIR.glob("*.json"))
    assert listed == shipped and len(listed) == 16


def test_reinitialize_body_repeats_the_org_id_and_a_difference_is_said():
    report = read_push(push(200, body={"org_id": 1231}))
    (finding,) = report.findings
    assert finding.path == "body.org_id" and finding.severity is Severity.WARNING


CASES = [
    # (what, push, path, code, message fragment, hint fragment)
    ("list body sent as an object", push(205, body=body_of(205)[0]), "body", Code.TYPE,
     "expected an array", "wrap the object in a list"),
    ("object body sent as a list", push(41, body=[body_of(41)]), "body", Code.TYPE,
     "expected an object", None),
    ("type as a string", push(11, type="11"), "type", Code.TYPE, "expected a number",
     "send 11"),
    ("unknown type", push(11, type=99), "type", Code.ENUM, "99 is not one of", "ORG_UPDATED"),
    ("fractional org_id", push(11, org_id=1.5), "org_id", Code.TYPE, "whole number", None),
    ("missing org", push(11, body={}), "body.org", Code.MISSING, "missing", None),
    ("group member ids as objects", push(16, body={**body_of(16), "users": [{"id": 1}]}),
     "body.users[0]", Code.TYPE, "expected a whole number", None),
    ("nested id as a string", push(12, body={"group": {**body_of(12)["group"], "id": "1"}}),
     "body.group.id", Code.TYPE, "expected a number", 'send 1'),
    ("drifted key", push(11, orgid=5), "orgid", Code.UNKNOWN_KEY, "unknown key", None),
    ("missing created_at", {k: v for k, v in push(11).items() if k != "created_at"},
     "created_at", Code.MISSING, "missing", None),
]


@pytest.mark.parametrize(("what", "obj", "path", "code", "message", "hint"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_mistake_is_named_with_its_path(what, obj, path, code, message, hint):
    findings = [f for f in read_push(obj).findings if f.path == path and f.code is code]
    assert findings, [str(f) for f in read_push(obj).findings]
    assert message in findings[0].message
    if hint:
        assert hint in (findings[0].hint or "")


def test_lenient_mode_warns_where_strict_refuses():
    body = body_of(11)
    del body["org"]["city"]
    strict = read_push(push(11, body=body), Mode.STRICT).findings
    lenient = read_push(push(11, body=body), Mode.LENIENT).findings
    assert [f.severity for f in strict] == [Severity.ERROR]
    assert [f.severity for f in lenient] == [Severity.WARNING]


def test_types_are_read_by_code_or_name():
    assert parse_type(11) == parse_type("11") == parse_type("org_updated") == 11
    assert parse_type(True) is None and parse_type(1) is None and parse_type("x") is None
    assert type_name(205) == "DEPARTMENT_CREATED" and type_name(7) == "7"


def test_the_reader_recognises_a_push_and_not_a_rich_message():
    assert READER.recognise(push(11)) == 5
    rich = {"body": {"chat": {}}, "app_id": 100, "dest_id": 1, "dest_type": 1, "type": 4}
    assert READER.recognise(rich) == 0
    reading = READER.read(push(206))
    assert reading.type_id == "206" and reading.valid and "USER_UPDATED" in reading.title
    assert reading.facts["org_id"] == 123


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=8),
                    lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(st.text(max_size=8), kids, max_size=5), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.one_of(JSON, st.fixed_dictionaries(
    {"body": JSON, "org_id": JSON, "type": st.sampled_from(sorted(CODES.values())) | JSON},
    optional={"created_at": JSON, "operator": JSON})))
def test_reading_never_crashes_and_every_finding_has_a_path_or_is_about_the_root(obj):
    report = read_push(obj)
    for f in report.findings:
        assert isinstance(f.path, str) and f.message
    if report.push is not None:
        assert isinstance(report.push.org_id, int)
    READER.read(obj)
