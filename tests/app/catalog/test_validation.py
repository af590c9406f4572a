"""Field-level validation, table-driven: each row is one deviation and what must be said."""

from __future__ import annotations

import pytest

from app.catalog.findings import Code, Mode, Severity
from app.catalog.samples import change_ids, sample


def findings(catalog, change_id, data, mode=Mode.STRICT):
    return catalog.validate_data(change_id, data, mode)


def only(found, code):
    matching = [f for f in found if f.code == code]
    assert len(matching) == 1, [str(f) for f in found]
    return matching[0]


@pytest.mark.parametrize("change_id", [c for c in change_ids() if c != "8"])
def test_samples_are_strict_valid(catalog, change_id):
    assert not [f for f in findings(catalog, change_id, sample(change_id))
                if f.severity is Severity.ERROR]


CASES = [
    # (id, changeId, mutation, path, code, message fragment, hint fragment)
    ("missing", "4", lambda d: d.pop("evaluator"), "data.evaluator", Code.MISSING,
     "missing", None),
    ("number-for-string", "4", lambda d: d.update(evalue=4), "data.evalue", Code.TYPE,
     "expected a string, got a number", 'send "4"'),
    ("enum", "3", lambda d: d.update(overType="5"), "data.overType", Code.ENUM,
     "'5' is not one of the overType codes", "0 = completed normally 正常完结"),
    ("iso-time", "4", lambda d: d.update(evaluateTime="2019-08-02 19:03:38"),
     "data.evaluateTime", Code.TIME, "14 digits", "yyyyMMddHHmmss"),
    ("feb-30", "4", lambda d: d.update(evaluateTime="20190230120000"), "data.evaluateTime",
     Code.TIME, "day 30 does not exist", None),
    ("month-13", "4", lambda d: d.update(evaluateTime="20191301120000"), "data.evaluateTime",
     Code.TIME, "month 13", None),
    ("hour-24", "4", lambda d: d.update(evaluateTime="20190802240000"), "data.evaluateTime",
     Code.TIME, "hour 24", None),
    ("unknown-key", "4", lambda d: d.update(orderKey=""), "data.orderKey", Code.UNKNOWN_KEY,
     "unknown key", None),
    ("typo", "4", lambda d: d.update(evaluatr="x"), "data.evaluatr", Code.UNKNOWN_KEY,
     "unknown key", "did you mean evaluator?"),
    ("case-drift", "1", lambda d: d.update(userid=d.pop("userId")), "data.userid",
     Code.KEY_DRIFT, "unknown key 'userid'", "did you mean userId?"),
    ("trailing-space", "6", lambda d: d.update({"hangremark ": d.pop("hangremark")}),
     'data["hangremark "]', Code.KEY_DRIFT, "unknown key", "key has trailing space"),
    ("leading-space", "6", lambda d: d.update({" hangremark": d.pop("hangremark")}),
     'data[" hangremark"]', Code.KEY_DRIFT, "unknown key", "key has leading space"),
    ("null", "4", lambda d: d.update(evaluateMsg=None), "data.evaluateMsg", Code.TYPE,
     "null", 'send ""'),
    ("object-for-array", "7", lambda d: d.update(supUser=d["supUser"][0]), "data.supUser",
     Code.TYPE, "expected an array", "wrap the object in a list"),
    ("nested-missing", "7", lambda d: d["supUser"][0].pop("userName"),
     "data.supUser[0].userName", Code.MISSING, "missing", None),
    ("nested-not-object", "1", lambda d: d.update(reqVariables=["x"]), "data.reqVariables[0]",
     Code.TYPE, "expected an object", None),
    ("nested-object", "5", lambda d: d["currentUser"].pop("userId"),
     "data.currentUser.userId", Code.MISSING, "missing", None),
]


@pytest.mark.parametrize(("change_id", "mutate", "path", "code", "message", "hint"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_deviation_is_named_with_its_path_and_fix(catalog, change_id, mutate, path, code,
                                                        message, hint):
    data = sample(change_id)
    mutate(data)
    finding = only(findings(catalog, change_id, data), code)
    assert finding.path == path
    assert finding.severity is Severity.ERROR
    assert message in finding.message
    if hint:
        assert hint in (finding.hint or "")
    assert str(finding).startswith("error: " + path)


def test_drifted_value_is_still_validated_under_its_field(catalog):
    data = sample("1")
    data["usertype"] = data.pop("userType")
    data["usertype"] = "9"  # drifted AND out of the enumeration: both are said
    found = findings(catalog, "1", data)
    assert {(f.path, f.code) for f in found} == {("data.usertype", Code.KEY_DRIFT),
                                                 ("data.usertype", Code.ENUM)}


def test_drift_alongside_the_right_key_is_a_duplicate_not_drift(catalog):
    data = sample("1", userid="110640113")
    finding = only(findings(catalog, "1", data), Code.UNKNOWN_KEY)
    assert finding.hint == "duplicates userId, which is also present"


def test_several_problems_are_all_reported(catalog):
    data = sample("3", overType="7", handleDate="yesterday")
    del data["trackId"]
    codes = {f.code for f in findings(catalog, "3", data)}
    assert {Code.ENUM, Code.TIME, Code.MISSING} <= codes


def test_lenient_downgrades_drift_unknown_keys_and_missing_fields(catalog):
    data = sample("1", orderKey="")
    data["userid"] = data.pop("userId")
    del data["eCommunityId"]
    found = findings(catalog, "1", data, Mode.LENIENT)
    assert found and all(f.severity is Severity.WARNING for f in found)


def test_lenient_keeps_essential_fields_and_wrong_values_as_errors(catalog):
    data = sample("3", overType="9")
    del data["serviceOrderId"]
    found = findings(catalog, "3", data, Mode.LENIENT)
    errors = {(f.path, f.code) for f in found if f.severity is Severity.ERROR}
    assert errors == {("data.serviceOrderId", Code.MISSING), ("data.overType", Code.ENUM)}


def test_array_for_object_is_a_strict_error_and_lenient_silence(catalog):
    data = sample("5", currentUser=[sample("5")["currentUser"]])
    finding = only(findings(catalog, "5", data), Code.TYPE)
    assert finding.path == "data.currentUser" and "#3" in finding.hint
    assert not findings(catalog, "5", data, Mode.LENIENT)


def test_open_enumeration_is_lenient_about_unlisted_codes(catalog):
    data = sample("1", transportTypeId="9")
    assert only(findings(catalog, "1", data), Code.ENUM).severity is Severity.ERROR
    assert only(findings(catalog, "1", data, Mode.LENIENT), Code.ENUM).severity \
        is Severity.WARNING


def test_empty_required_field_is_a_strict_warning(catalog):
    finding = only(findings(catalog, "4", sample("4", evaluator="")), Code.EMPTY)
    assert finding.severity is Severity.WARNING
    assert not findings(catalog, "4", sample("4", evaluator=""), Mode.LENIENT)


def test_empty_essential_field_is_an_error_in_both_modes(catalog):
    for mode in Mode:
        finding = only(findings(catalog, "4", sample("4", serviceOrderId=""), mode), Code.EMPTY)
        assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("data", [[], "text", 3, None])
def test_data_that_is_not_an_object(catalog, data):
    finding = only(findings(catalog, "4", data), Code.TYPE)
    assert finding.path == "data"


def test_findings_carry_the_spec_chinese_label(catalog):
    finding = only(findings(catalog, "4", sample("4", evalue="6")), Code.ENUM)
    assert finding.label_zh == "评价值"
    assert finding.to_json() == {"path": "data.evalue", "code": "enum", "severity": "error",
                                 "message": "'6' is not one of the evalue codes",
                                 "hint": finding.hint, "label_zh": "评价值"}


def test_unknown_change_id_is_a_key_error(catalog):
    with pytest.raises(KeyError):
        catalog.validate_data("11", {})
