"""Subscription.from_json: every field of the external contract, read or refused with a finding
that names the field (and says how to fix it where the reader knows how)."""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

import pytest

from app.catalog import default_catalog
from app.catalog.findings import Code, Finding
from app.routing.subscription import (
    DEFAULT_RETRY_SCHEDULE,
    DEFAULT_TIMEOUT,
    Subscription,
    SubscriptionError,
)
from tests.conftest import subscription

KNOWN = default_catalog().workorder.type_ids
SECRET = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
SECRET_BODY = SECRET.removeprefix("whsec_")
SHORT_SECRET = "whsec_" + base64.b64encode(secrets.token_bytes(8)).decode()
_MISSING = object()


def read(doc: object, base_code: str | None = None) -> Subscription:
    return Subscription.from_json(doc, KNOWN, base_code=base_code)


def findings_of(doc: object, base_code: str | None = None) -> list[Finding]:
    with pytest.raises(SubscriptionError) as caught:
        read(doc, base_code)
    assert caught.value.findings, "a SubscriptionError always carries findings"
    return caught.value.findings


def doc_with(**fields: Any) -> dict[str, Any]:
    """The conftest subscription with fields overridden; ``_MISSING`` drops a field."""
    doc = subscription()
    for key, value in fields.items():
        if value is _MISSING:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


# --- valid input ------------------------------------------------------------------------


VALID = [
    pytest.param({}, {"base_code": "HRZDWYWHXT", "data_areas": ("fwwt",),
                      "change_ids": ("1", "2", "3", "5")}, id="conftest-default"),
    pytest.param({"name": _MISSING, "dataAreas": ["10008"], "changeIds": ["4"]},
                 {"name": "HRZDWYWHXT", "data_areas": ("10008",), "change_ids": ("4",)},
                 id="minimal-three-fields"),
    pytest.param({"dataAreas": ["*"]}, {"data_areas": ("*",), "all_areas": True},
                 id="all-areas"),
    pytest.param({"dataAreas": ["fwwt", "10008", "a.b-c_D9"]},
                 {"data_areas": ("fwwt", "10008", "a.b-c_D9"), "all_areas": False},
                 id="several-areas-keep-order"),
    pytest.param({"changeIds": list(KNOWN)},
                 {"change_ids": ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")},
                 id="every-known-changeId-including-8"),
    pytest.param({"callbackUrl": "http://127.0.0.1:9000/callback"},
                 {"callback_url": "http://127.0.0.1:9000/callback"}, id="callback-http"),
    pytest.param({"callbackUrl": "https://example.com/hooks?x=1"},
                 {"callback_url": "https://example.com/hooks?x=1"}, id="callback-https"),
    pytest.param({"callbackUrl": "http://[::1]:9000/cb"},
                 {"callback_url": "http://[::1]:9000/cb"}, id="callback-ipv6"),
    pytest.param({"callbackUrl": ""}, {"callback_url": None}, id="callback-empty-is-none"),
    pytest.param({"callbackUrl": None}, {"callback_url": None}, id="callback-null-is-none"),
    pytest.param({"dataEncoding": "object"}, {"data_encoding": "object"}, id="encoding-object"),
    pytest.param({"dataEncoding": "string"}, {"data_encoding": "string"}, id="encoding-string"),
    pytest.param({"secret": SECRET}, {"secret": SECRET}, id="secret-24-bytes"),
    pytest.param({"secret": ""}, {"secret": None}, id="secret-empty-is-none"),
    pytest.param({"secret": None}, {"secret": None}, id="secret-null-is-none"),
    pytest.param({"retrySchedule": []}, {"retry_schedule": ()}, id="retry-none"),
    pytest.param({"retrySchedule": [0, 1.5, 604800]}, {"retry_schedule": (0.0, 1.5, 604800.0)},
                 id="retry-bounds"),
    pytest.param({"timeout": 300}, {"timeout": 300.0}, id="timeout-max"),
    pytest.param({"timeout": 0.5}, {"timeout": 0.5}, id="timeout-fraction"),
    pytest.param({"enabled": False}, {"enabled": False}, id="disabled"),
    pytest.param({"sendBaseCode": True}, {"send_base_code": True}, id="send-base-code"),
    pytest.param({"name": "华润置地物业"}, {"name": "华润置地物业"}, id="chinese-name"),
    pytest.param({"baseCode": "x" * 64, "name": _MISSING}, {"base_code": "x" * 64,
                                                           "name": "x" * 64},
                 id="baseCode-64-chars"),
]


@pytest.mark.parametrize(("fields", "expected"), VALID)
def test_valid_input_is_read(fields: dict[str, Any], expected: dict[str, Any]) -> None:
    sub = read(doc_with(**fields))
    for attr, value in expected.items():
        assert getattr(sub, attr) == value, attr


def test_defaults() -> None:
    sub = read({"baseCode": "HRZDWYWHXT", "dataAreas": ["fwwt"], "changeIds": ["1"]})
    assert sub.name == "HRZDWYWHXT"
    assert sub.data_encoding == "string"
    assert sub.enabled is True
    assert sub.send_base_code is False
    assert sub.timeout == 15 == DEFAULT_TIMEOUT
    assert sub.callback_url is None
    assert sub.secret is None
    assert sub.retry_schedule == DEFAULT_RETRY_SCHEDULE


def test_baseCode_may_come_from_the_url_alone() -> None:
    sub = read(doc_with(baseCode=_MISSING, name=_MISSING), base_code="FROMURL")
    assert sub.base_code == "FROMURL"
    assert sub.name == "FROMURL"


def test_baseCode_in_body_may_repeat_the_url() -> None:
    assert read(doc_with(baseCode="SAME"), base_code="SAME").base_code == "SAME"


def test_duplicate_changeIds_collapse_and_sort_numerically() -> None:
    sub = read(doc_with(changeIds=["9", "10", "3", "1", "10", "3", "2"]))
    assert sub.change_ids == ("1", "2", "3", "9", "10")


def test_duplicate_dataAreas_collapse_keeping_first_order() -> None:
    sub = read(doc_with(dataAreas=["fwwt", "10008", "fwwt", "10008", "zz"]))
    assert sub.data_areas == ("fwwt", "10008", "zz")


def test_covers_area() -> None:
    scoped = read(doc_with(dataAreas=["fwwt"]))
    everything = read(doc_with(dataAreas=["*"]))
    assert scoped.covers_area("fwwt")
    assert not scoped.covers_area("10008")
    assert everything.covers_area("fwwt")
    assert everything.covers_area("anything-at-all")


# --- invalid input ----------------------------------------------------------------------

# (fields to override, url baseCode, the one finding's path, its code, text its hint holds)
INVALID = [
    pytest.param({"baseCode": _MISSING}, None, "baseCode", Code.MISSING, "HRZDWYWHXT",
                 id="baseCode-missing"),
    pytest.param({"baseCode": None}, None, "baseCode", Code.MISSING, "HRZDWYWHXT",
                 id="baseCode-null"),
    pytest.param({"baseCode": "wo/HR"}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-slash"),
    pytest.param({"baseCode": "HR+"}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-plus"),
    pytest.param({"baseCode": "HR#"}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-hash"),
    pytest.param({"baseCode": "HR\0"}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-nul"),
    pytest.param({"baseCode": ""}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-empty"),
    pytest.param({"baseCode": "HR ZD"}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-space"),
    pytest.param({"baseCode": "HR\n"}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-trailing-newline"),
    pytest.param({"baseCode": "x" * 65}, None, "baseCode", Code.TYPE, "1–64",
                 id="baseCode-65-chars"),
    pytest.param({"baseCode": 12345}, None, "baseCode", Code.TYPE, "MQTT topic level",
                 id="baseCode-int"),
    pytest.param({"baseCode": "华润"}, None, "baseCode", Code.TYPE, "letters, digits",
                 id="baseCode-non-ascii"),
    pytest.param({"baseCode": "BODY"}, "URL", "baseCode", Code.TYPE, "leave baseCode out",
                 id="baseCode-contradicts-url"),
    pytest.param({"baseCode": _MISSING}, "wo/HR", "baseCode", Code.TYPE, "MQTT topic level",
                 id="url-baseCode-slash"),
    pytest.param({"dataAreas": _MISSING}, None, "dataAreas", Code.MISSING, '["*"]',
                 id="dataAreas-missing"),
    pytest.param({"dataAreas": []}, None, "dataAreas", Code.TYPE, '["*"]',
                 id="dataAreas-empty"),
    pytest.param({"dataAreas": "fwwt"}, None, "dataAreas", Code.TYPE, '["fwwt"]',
                 id="dataAreas-string"),
    pytest.param({"dataAreas": ["fwwt", "*"]}, None, "dataAreas[1]", Code.TYPE,
                 'use ["*"] alone', id="dataAreas-star-after-area"),
    pytest.param({"dataAreas": ["a/b"]}, None, "dataAreas[0]", Code.TYPE, "fwwt",
                 id="dataAreas-slash"),
    pytest.param({"dataAreas": ["fwwt", "a+"]}, None, "dataAreas[1]", Code.TYPE, "fwwt",
                 id="dataAreas-plus"),
    pytest.param({"dataAreas": ["#"]}, None, "dataAreas[0]", Code.TYPE, "fwwt",
                 id="dataAreas-hash"),
    pytest.param({"dataAreas": [10008]}, None, "dataAreas[0]", Code.TYPE, "fwwt",
                 id="dataAreas-int"),
    pytest.param({"changeIds": _MISSING}, None, "changeIds", Code.MISSING, '"1"',
                 id="changeIds-missing"),
    pytest.param({"changeIds": []}, None, "changeIds", Code.TYPE, '"1"',
                 id="changeIds-empty"),
    pytest.param({"changeIds": "1,2"}, None, "changeIds", Code.TYPE, '"1"',
                 id="changeIds-string"),
    pytest.param({"changeIds": [1]}, None, "changeIds[0]", Code.TYPE, 'send "1"',
                 id="changeIds-int"),
    pytest.param({"changeIds": ["1", 10]}, None, "changeIds[1]", Code.TYPE, 'send "10"',
                 id="changeIds-int-second"),
    pytest.param({"changeIds": ["11"]}, None, "changeIds[0]", Code.ENUM, "one of 1, 5",
                 id="changeIds-unknown"),
    pytest.param({"changeIds": ["1", "0"]}, None, "changeIds[1]", Code.ENUM, "10",
                 id="changeIds-zero"),
    pytest.param({"changeIds": ["01"]}, None, "changeIds[0]", Code.ENUM, "one of",
                 id="changeIds-leading-zero"),
    pytest.param({"changeIds": [True]}, None, "changeIds[0]", Code.ENUM, "one of",
                 id="changeIds-bool"),
    pytest.param({"callbackUrl": "ftp://example.com/cb"}, None, "callbackUrl", Code.TYPE,
                 "http://127.0.0.1", id="callback-ftp"),
    pytest.param({"callbackUrl": "example.com/cb"}, None, "callbackUrl", Code.TYPE,
                 "http://127.0.0.1", id="callback-no-scheme"),
    pytest.param({"callbackUrl": "http://"}, None, "callbackUrl", Code.TYPE, "MQTT only",
                 id="callback-no-host"),
    pytest.param({"callbackUrl": 8080}, None, "callbackUrl", Code.TYPE, "MQTT only",
                 id="callback-int"),
    pytest.param({"dataEncoding": "json"}, None, "dataEncoding", Code.ENUM, '"object"',
                 id="encoding-json"),
    pytest.param({"dataEncoding": "String"}, None, "dataEncoding", Code.ENUM, '"string"',
                 id="encoding-case"),
    pytest.param({"dataEncoding": None}, None, "dataEncoding", Code.ENUM, '"string"',
                 id="encoding-null"),
    pytest.param({"secret": SECRET_BODY}, None, "secret", Code.TYPE, "whsec_",
                 id="secret-no-prefix"),
    pytest.param({"secret": "WHSEC_" + SECRET_BODY}, None, "secret", Code.TYPE, "whsec_",
                 id="secret-uppercase-prefix"),
    pytest.param({"secret": "whsec_not base64!!"}, None, "secret", Code.TYPE, "base64",
                 id="secret-not-base64"),
    pytest.param({"secret": SHORT_SECRET}, None, "secret", Code.TYPE, "whsec_",
                 id="secret-8-bytes"),
    pytest.param({"secret": "whsec_"}, None, "secret", Code.TYPE, "whsec_",
                 id="secret-prefix-only"),
    pytest.param({"secret": 123}, None, "secret", Code.TYPE, "whsec_", id="secret-int"),
    pytest.param({"retrySchedule": [5, -1]}, None, "retrySchedule", Code.TYPE, "[5, 30",
                 id="retry-negative"),
    pytest.param({"retrySchedule": [5, True]}, None, "retrySchedule", Code.TYPE, "[]",
                 id="retry-bool"),
    pytest.param({"retrySchedule": [5, "30"]}, None, "retrySchedule", Code.TYPE, "[]",
                 id="retry-string-item"),
    pytest.param({"retrySchedule": [604801]}, None, "retrySchedule", Code.TYPE, "[]",
                 id="retry-over-a-week"),
    pytest.param({"retrySchedule": "5,30"}, None, "retrySchedule", Code.TYPE, "[]",
                 id="retry-string"),
    pytest.param({"retrySchedule": [float("nan")]}, None, "retrySchedule", Code.TYPE, "[]",
                 id="retry-nan"),
    pytest.param({"timeout": 0}, None, "timeout", Code.TYPE, "15", id="timeout-zero"),
    pytest.param({"timeout": -5}, None, "timeout", Code.TYPE, "15", id="timeout-negative"),
    pytest.param({"timeout": 300.5}, None, "timeout", Code.TYPE, "15", id="timeout-over-300"),
    pytest.param({"timeout": True}, None, "timeout", Code.TYPE, "15", id="timeout-bool"),
    pytest.param({"timeout": "15"}, None, "timeout", Code.TYPE, "15", id="timeout-string"),
    pytest.param({"timeout": float("inf")}, None, "timeout", Code.TYPE, "15",
                 id="timeout-inf"),
    pytest.param({"enabled": "yes"}, None, "enabled", Code.TYPE, None, id="enabled-string"),
    pytest.param({"enabled": 1}, None, "enabled", Code.TYPE, None, id="enabled-int"),
    pytest.param({"sendBaseCode": "false"}, None, "sendBaseCode", Code.TYPE, None,
                 id="sendBaseCode-string"),
    pytest.param({"name": 42}, None, "name", Code.TYPE, None, id="name-int"),
    pytest.param({"changeids": ["1"]}, None, "changeids", Code.UNKNOWN_KEY,
                 "did you mean changeIds?", id="unknown-changeids"),
    pytest.param({"BaseCode": "X"}, None, "BaseCode", Code.UNKNOWN_KEY,
                 "did you mean baseCode?", id="unknown-BaseCode"),
    pytest.param({"dataAreas ": ["fwwt"]}, None, "dataAreas ", Code.UNKNOWN_KEY,
                 "did you mean dataAreas?", id="unknown-trailing-space"),
    pytest.param({"colour": "red"}, None, "colour", Code.UNKNOWN_KEY, "callbackUrl",
                 id="unknown-no-guess-lists-fields"),
]


@pytest.mark.parametrize(("fields", "url_code", "path", "code", "hint"), INVALID)
def test_invalid_input_names_the_field(fields: dict[str, Any], url_code: str | None, path: str,
                                       code: Code, hint: str | None) -> None:
    findings = findings_of(doc_with(**fields), url_code)
    assert [f.path for f in findings] == [path]
    (finding,) = findings
    assert finding.code is code
    assert finding.message
    if hint is not None:
        assert finding.hint is not None
        assert hint in finding.hint


@pytest.mark.parametrize("doc", [[], "HRZDWYWHXT", None, 42],
                         ids=["list", "string", "null", "number"])
def test_not_an_object(doc: object) -> None:
    (finding,) = findings_of(doc)
    assert finding.path == ""
    assert finding.hint is not None and "baseCode" in finding.hint


def test_star_mixed_both_ways() -> None:
    paths = [f.path for f in findings_of(doc_with(dataAreas=["*", "fwwt"]))]
    assert paths == ["dataAreas[0]"]
    paths = [f.path for f in findings_of(doc_with(dataAreas=["*", "*"]))]
    assert paths == ["dataAreas[0]", "dataAreas[1]"]


def test_int_changeId_hint_says_send_the_string() -> None:
    (finding,) = findings_of(doc_with(changeIds=[3]))
    assert finding.hint == 'send "3", not 3'


def test_every_bad_element_of_a_list_is_reported() -> None:
    findings = findings_of(doc_with(changeIds=[1, "2", "99", 5], dataAreas=["a/b", "ok", "c#"]))
    assert [f.path for f in findings] == ["dataAreas[0]", "dataAreas[2]",
                                          "changeIds[0]", "changeIds[2]", "changeIds[3]"]


def test_several_errors_are_all_reported() -> None:
    doc = {"baseCode": "wo/HR", "name": 7, "dataAreas": ["*", "fwwt"], "changeIds": [1, "11"],
           "callbackUrl": "ftp://x", "dataEncoding": "xml", "secret": "whsec_short",
           "retrySchedule": [-1], "enabled": "yes", "sendBaseCode": 0, "timeout": 0,
           "changeids": ["1"]}
    with pytest.raises(SubscriptionError) as caught:
        read(doc)
    paths = {f.path for f in caught.value.findings}
    assert paths == {"changeids", "baseCode", "name", "dataAreas[0]", "changeIds[0]",
                     "changeIds[1]", "callbackUrl", "dataEncoding", "secret", "retrySchedule",
                     "enabled", "sendBaseCode", "timeout"}
    text = str(caught.value)
    for path in paths:
        assert path in text


def test_all_three_required_fields_missing_at_once() -> None:
    findings = findings_of({})
    assert {(f.path, f.code) for f in findings} == {("baseCode", Code.MISSING),
                                                    ("dataAreas", Code.MISSING),
                                                    ("changeIds", Code.MISSING)}
    assert all(f.hint for f in findings)


def test_subscription_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="baseCode"):
        read({"dataAreas": ["fwwt"], "changeIds": ["1"]})


def test_a_rejected_secret_is_not_echoed() -> None:
    almost = "whsec_" + base64.b64encode(b"0123456789").decode()  # 10 bytes: too short
    with pytest.raises(SubscriptionError) as caught:
        read(doc_with(secret=almost))
    assert almost.removeprefix("whsec_") not in str(caught.value)
    assert all(almost.removeprefix("whsec_") not in json.dumps(f.to_json())
               for f in caught.value.findings)


# --- callbackUrl: what urlsplit lets through that a callback must not ----------------------


def test_malformed_ipv6_callback_is_a_finding() -> None:
    findings = findings_of(doc_with(callbackUrl="http://[::1/cb", timeout=0))
    assert {f.path for f in findings} == {"callbackUrl", "timeout"}


def test_callback_port_out_of_range_is_refused() -> None:
    (finding,) = findings_of(doc_with(callbackUrl="http://127.0.0.1:99999/cb"))
    assert finding.path == "callbackUrl"


@pytest.mark.parametrize("url", ["http://exa\nmple.com/cb", "http://127.0.0.1/cb\r\nX: 1"],
                         ids=["newline-in-host", "crlf-in-path"])
def test_callback_with_control_characters_is_refused(url: str) -> None:
    (finding,) = findings_of(doc_with(callbackUrl=url))
    assert finding.path == "callbackUrl"


# --- writing it back -----------------------------------------------------------------------


def full_subscription() -> Subscription:
    return read({"baseCode": "HRZDWYWHXT", "name": "华润置地", "dataAreas": ["fwwt", "10008"],
                 "changeIds": ["10", "1", "8"], "callbackUrl": "https://example.com/cb",
                 "dataEncoding": "object", "secret": SECRET, "retrySchedule": [1, 2.5],
                 "enabled": False, "sendBaseCode": True, "timeout": 3,
                 "ordering": "per-order", "autoDisableAfter": 0})


def test_to_json_has_the_contract_fields() -> None:
    out = full_subscription().to_json(reveal_secret=True)
    assert out == {"baseCode": "HRZDWYWHXT", "name": "华润置地", "dataAreas": ["fwwt", "10008"],
                   "changeIds": ["1", "8", "10"], "callbackUrl": "https://example.com/cb",
                   "dataEncoding": "object", "secret": SECRET, "retrySchedule": [1.0, 2.5],
                   "enabled": False, "sendBaseCode": True, "timeout": 3.0,
                   "concurrency": 4, "ordering": "per-order", "autoDisableAfter": 0,
                   "disabledReason": None, "orgTypes": [], "orgIds": ["*"]}
    json.dumps(out)  # plain JSON


@pytest.mark.parametrize("value", [0, 65, 2.5, True, "4"])
def test_concurrency_is_a_whole_number_from_1_to_64(value) -> None:
    (finding,) = findings_of(doc_with(concurrency=value))
    assert finding.path == "concurrency" and "default is 4" in finding.hint


@pytest.mark.parametrize("value", ["per_order", "order", None, 1])
def test_ordering_is_none_or_per_order(value) -> None:
    (finding,) = findings_of(doc_with(ordering=value))
    assert finding.path == "ordering" and '"per-order"' in finding.hint


@pytest.mark.parametrize("value", [-1, 10_001, 1.5, False, "5"])
def test_auto_disable_after_is_a_whole_number_and_0_means_never(value) -> None:
    (finding,) = findings_of(doc_with(autoDisableAfter=value))
    assert finding.path == "autoDisableAfter" and "0 never disables" in finding.hint


def test_defaults_keep_delivery_unordered_and_auto_disable_at_5() -> None:
    sub = read(doc_with())
    assert (sub.ordering, sub.auto_disable_after) == ("none", 5)


@pytest.mark.parametrize("sub", [
    pytest.param(full_subscription(), id="every-field"),
    pytest.param(read(doc_with()), id="defaults"),
    pytest.param(read(doc_with(dataAreas=["*"], retrySchedule=[])), id="all-areas-no-retry"),
])
def test_to_json_round_trips(sub: Subscription) -> None:
    again = read(json.loads(json.dumps(sub.to_json(reveal_secret=True))))
    assert again == sub
    assert again.to_json() == sub.to_json()
    assert read(sub.to_json(reveal_secret=True), base_code=sub.base_code) == sub


def test_repr_never_shows_the_secret() -> None:
    sub = full_subscription()
    for text in (repr(sub), str(sub), repr([sub]), f"{sub!r}"):
        assert SECRET not in text
        assert SECRET_BODY not in text
    assert "HRZDWYWHXT" in repr(sub)


def test_masked_to_json_never_shows_the_secret() -> None:
    masked = full_subscription().to_json()  # masked unless asked
    assert SECRET_BODY not in json.dumps(masked, ensure_ascii=False)
    assert masked["secret"].startswith("whsec_")
    assert masked["secret"] != SECRET
    assert full_subscription().to_json(reveal_secret=True)["secret"] == SECRET


def test_masked_to_json_without_a_secret_stays_null() -> None:
    assert read(doc_with()).to_json()["secret"] is None


def test_with_changes_returns_a_new_subscription() -> None:
    sub = read(doc_with())
    off = sub.with_changes(enabled=False)
    assert off.enabled is False
    assert sub.enabled is True
    assert off.base_code == sub.base_code


def test_a_password_in_a_callback_url_never_reaches_a_finding() -> None:
    (finding,) = findings_of(doc_with(callbackUrl="ftp://user:hunter2@example.com/cb"))
    assert "hunter2" not in str(finding) and "user:***@example.com" in finding.message


@pytest.mark.parametrize("code", ["pushstudio", "PushStudio"])
def test_the_broker_service_account_name_is_reserved(code) -> None:
    from app.broker.accounts import SERVICE_USER
    from app.routing.subscription import RESERVED_BASE_CODES

    assert SERVICE_USER in RESERVED_BASE_CODES
    (finding,) = findings_of(doc_with(baseCode=code))
    assert finding.path == "baseCode" and "reserved" in finding.message


# --- organisation pushes --------------------------------------------------------------


def test_org_types_are_read_by_code_or_name_and_kept_sorted():
    sub = read(subscription(orgTypes=["ORG_UPDATED", 205, "11"], orgIds=[123, 7]))
    assert sub.org_types == ("11", "205") and sub.org_ids == ("123", "7")
    out = sub.to_json()
    assert out["orgTypes"] == [11, 205] and out["orgIds"] == [123, 7]
    assert read(out) == sub  # the stored form reads back the same


def test_a_subscriber_of_org_pushes_only_needs_no_change_ids():
    sub = read({"baseCode": "ORGONLY", "orgTypes": [11]})
    assert sub.change_ids == () and sub.org_types == ("11",) and sub.org_ids == ("*",)
    assert sub.routing_keys == ("org:11",)
    assert read(sub.to_json()) == sub


@pytest.mark.parametrize(("doc", "path", "fragment"), [
    ({"orgTypes": [99]}, "orgTypes[0]", "11 ORG_UPDATED"),
    ({"orgTypes": "11"}, "orgTypes", "[11, 202]"),
    ({"orgTypes": [11], "orgIds": ["abc"]}, "orgIds[0]", "whole number"),
    ({"orgTypes": [11], "orgIds": []}, "orgIds", '["*"]'),
])
def test_bad_org_fields_are_named(doc, path, fragment):
    with pytest.raises(SubscriptionError) as caught:
        read(subscription(**doc))
    (finding,) = caught.value.findings
    assert finding.path == path and fragment in (finding.hint or "")


def test_neither_change_ids_nor_org_types_is_still_an_error():
    with pytest.raises(SubscriptionError) as caught:
        read({"baseCode": "X", "dataAreas": ["fwwt"], "changeIds": []})
    assert [f.path for f in caught.value.findings] == ["changeIds"]
