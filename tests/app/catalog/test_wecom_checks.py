"""The WeCom cross-field rules: what the document's comments say in words, checked."""

from __future__ import annotations

import json

import pytest

from app.catalog.findings import Code, Mode, Severity
from app.catalog.wecom import EXAMPLES_DIR, check_item


def example(name: str) -> dict:
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def found(item: dict) -> list[tuple[str, Severity]]:
    return [(f.path, f.severity) for f in check_item(item, Mode.STRICT)[1]]


def session(change_type: int, **fields: str) -> dict:
    item = example("session_status_change")
    event = {k: v for k, v in item["event"].items()
             if k not in ("old_servicer_userid", "new_servicer_userid", "msg_code")}
    item["event"] = {**event, "change_type": change_type, **fields}
    return item


W = Severity.WARNING


@pytest.mark.parametrize(("change_type", "fields", "want"), [
    (1, {"new_servicer_userid": "a", "msg_code": "c"}, []),
    (2, {"old_servicer_userid": "a", "new_servicer_userid": "b"}, []),
    (3, {"old_servicer_userid": "a", "msg_code": "c"}, []),
    (1, {"new_servicer_userid": "a", "msg_code": "c", "old_servicer_userid": "x"},
     [("event.old_servicer_userid", W)]),
    (3, {"old_servicer_userid": "a", "msg_code": "c", "new_servicer_userid": "x"},
     [("event.new_servicer_userid", W)]),
    (2, {"old_servicer_userid": "a", "new_servicer_userid": "b", "msg_code": "c"},
     [("event.msg_code", W)]),
    (1, {}, [("event.new_servicer_userid", W), ("event.msg_code", W)]),
    (2, {"new_servicer_userid": "b"}, [("event.old_servicer_userid", W)]),
])
def test_session_changes_have_the_servicers_and_code_the_document_says(change_type, fields,
                                                                        want):
    assert found(session(change_type, **fields)) == want


def test_the_hint_quotes_the_document():
    finding = check_item(session(1, new_servicer_userid="a"))[1][0]
    assert finding.hint == "the document: 仅change_type为1和3时,会返回该字段"


def test_event_ids_at_the_top_are_not_what_the_document_says():
    item = {**example("enter_session"), "open_kfid": "wkOTHER"}
    [finding] = check_item(item)[1]
    assert finding.path == "open_kfid" and finding.severity is W
    assert "differs from event.open_kfid" in finding.message
    assert "not returned when msgtype is event" in finding.hint


def test_origin_follows_what_the_item_is():
    assert found({**example("enter_session"), "origin": 3}) == [("origin", W)]
    assert found({**example("text"), "origin": 4}) == [("origin", W)]
    assert found({**example("text"), "origin": 5}) == []


def test_send_time_is_unix_seconds_in_a_uint64():
    assert found({**example("text"), "send_time": -1}) == [("send_time", Severity.ERROR)]
    assert found({**example("text"), "send_time": 2**64}) == [("send_time", Severity.ERROR)]
    [finding] = check_item({**example("text"), "send_time": 1741921260123})[1]
    assert finding.severity is W and finding.hint == "WeCom sends unix seconds: 1741921260"


def test_a_location_is_on_earth():
    item = example("location")
    item["location"].update(latitude=91, longitude=-181.5)
    assert found(item) == [("location.latitude", Severity.ERROR),
                           ("location.longitude", Severity.ERROR)]


def test_a_mini_program_title_over_64_bytes_is_cut():
    item = example("miniprogram")
    item["miniprogram"]["title"] = "报" * 21 + "a"  # 64 bytes: fine
    assert found(item) == []
    item["miniprogram"]["title"] = "报" * 22  # 66 bytes
    [finding] = check_item(item)[1]
    assert finding.path == "miniprogram.title" and finding.code is Code.CONSISTENCY
    assert finding.hint == f"WeCom cuts it to 64 bytes: the customer sees {'报' * 21!r}"
