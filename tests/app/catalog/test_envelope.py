"""The callback envelope, and fuzzing: no input makes the parser raise, every rejection is
named by its path."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog.envelope import JsonProblem, loads, read_envelope
from app.catalog.findings import Code, Mode, Severity, has_errors
from app.catalog.samples import sample
from tests.conftest import example


def envelope(**fields):
    body = {"baseCode": "", "dataArea": "fwwt", "changeId": "4",
            "data": json.dumps(sample("4"), ensure_ascii=False)}
    body.update(fields)
    return body


def codes(report):
    return {(f.path, f.code) for f in report.findings}


def test_the_spec_form_is_strict_valid(catalog):
    report = read_envelope(envelope(), catalog, Mode.STRICT)
    assert report.valid and not report.findings
    assert report.envelope.encoding == "string"
    assert report.envelope.data["evalue"] == "4"


def test_object_data_is_the_examples_form(catalog):
    body = envelope(data=sample("4"))
    strict = read_envelope(body, catalog, Mode.STRICT)
    assert codes(strict) == {("data", Code.TYPE)} and "#1" in strict.findings[0].hint
    lenient = read_envelope(body, catalog, Mode.LENIENT)
    assert lenient.valid and lenient.envelope.encoding == "object"


@pytest.mark.parametrize(("fields", "expected"), [
    ({"changeId": 4}, ("changeId", Code.TYPE)),
    ({"changeId": "11"}, ("changeId", Code.UNKNOWN_TYPE)),
    ({"changeId": ""}, ("changeId", Code.EMPTY)),
    ({"dataArea": ""}, ("dataArea", Code.EMPTY)),
    ({"data": "{not json"}, ("data", Code.NOT_JSON)),
    ({"data": "[1, 2]"}, ("data", Code.TYPE)),
    ({"data": 12}, ("data", Code.TYPE)),
    ({"extra": 1}, ("extra", Code.UNKNOWN_KEY)),
])
def test_envelope_errors_name_the_field(catalog, fields, expected):
    report = read_envelope(envelope(**fields), catalog, Mode.STRICT)
    assert expected in codes(report)
    assert not report.valid


@pytest.mark.parametrize("key", ["changeId", "dataArea", "data"])
def test_missing_envelope_fields(catalog, key):
    body = envelope()
    del body[key]
    report = read_envelope(body, catalog, Mode.LENIENT)
    assert (key, Code.MISSING) in codes(report) and not report.valid


def test_number_change_id_gets_a_hint(catalog):
    finding = next(f for f in read_envelope(envelope(changeId=4), catalog).findings
                   if f.path == "changeId")
    assert finding.hint == 'send "4" (a string), not 4'


def test_not_json_data_says_where_it_breaks(catalog):
    report = read_envelope(envelope(data='{"a": 1,}'), catalog)
    finding = next(f for f in report.findings if f.code == Code.NOT_JSON)
    assert "line 1 column 9" in finding.message


def test_drifted_envelope_keys_still_validate_the_data(catalog):
    body = envelope(data=json.dumps(sample("4", evalue="9")))
    body["changeid"] = body.pop("changeId")
    report = read_envelope(body, catalog, Mode.LENIENT)
    assert ("changeid", Code.KEY_DRIFT) in codes(report)
    assert ("data.evalue", Code.ENUM) in codes(report)


def test_base_code_is_kept(catalog):
    assert read_envelope(envelope(baseCode="HRZDWYWHXT"), catalog).envelope.base_code \
        == "HRZDWYWHXT"


def test_change_8_is_flagged_unsupported(catalog):
    report = read_envelope(envelope(changeId="8", data=sample("8")), catalog, Mode.LENIENT)
    finding = next(f for f in report.findings if f.code == Code.UNSUPPORTED)
    assert finding.severity is Severity.WARNING and report.valid


def test_the_spec_envelope_example(catalog):
    report = read_envelope(example("envelope-changeId-1.json"), catalog, Mode.LENIENT)
    assert report.valid and report.envelope.data_area == "fwwt"


def test_loads_reports_line_and_column():
    with pytest.raises(JsonProblem) as caught:
        loads('{\n  "a": 1\n  "b": 2\n}', "event.json")
    problem = caught.value
    assert (problem.line, problem.column) == (3, 3)
    assert str(problem).startswith("event.json is not JSON: Expecting ',' delimiter at line 3")
    assert problem.excerpt() == '  "b": 2\n  ^'


def test_loads_rejects_bytes_that_are_not_utf8():
    with pytest.raises(JsonProblem):
        loads(b'{"a": "\xff"}')


# --- fuzzing -------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20)

field_names = st.sampled_from(["baseCode", "dataArea", "changeId", "data", "changeid",
                               " dataArea", "DATA", "x"])
change_ids = st.sampled_from(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "", 1])
data_names = st.sampled_from(["serviceOrderId", "trackInfo", "currentUser", "overType",
                              "hangtime", "hangTime", "hangRemark ", "reqVariables",
                              "evalue", "userid", "trackName", "currentUserName", "supUser"])


def _check_report(report):
    for f in report.findings:
        assert isinstance(f.path, str) and f.message
        assert f.severity in (Severity.ERROR, Severity.WARNING)
    if report.valid:
        assert report.envelope is not None
    if report.envelope is None:
        assert has_errors(report.findings)


@settings(max_examples=300, deadline=None)
@given(json_values, st.sampled_from(list(Mode)))
def test_fuzz_any_json_value(catalog, value, mode):
    _check_report(read_envelope(value, catalog, mode))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(field_names, json_values | change_ids, max_size=6),
       st.sampled_from(list(Mode)))
def test_fuzz_envelope_shaped_objects(catalog, body, mode):
    _check_report(read_envelope(body, catalog, mode))


@settings(max_examples=300, deadline=None)
@given(change_ids.filter(lambda c: c in {"1", "2", "3", "5", "6", "7", "10"}),
       st.dictionaries(data_names, json_values, max_size=8), st.booleans(),
       st.sampled_from(list(Mode)))
def test_fuzz_event_bodies(catalog, change_id, data, as_string, mode):
    body = {"dataArea": "fwwt", "changeId": change_id,
            "data": json.dumps(data) if as_string else data}
    report = read_envelope(body, catalog, mode)
    _check_report(report)
    for f in report.findings:
        assert f.path == "" or f.path.split(".")[0].split("[")[0] in {
            "data", "changeId", "dataArea", "baseCode"}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64) | st.text(max_size=64))
def test_fuzz_loads_raises_only_json_problem(raw):
    try:
        loads(raw)
    except JsonProblem as problem:
        assert problem.line >= 1 and problem.column >= 0
