"""The IM envelope a rich-text message travels in: sans-io, no broker."""

from __future__ import annotations

import copy
import json

from app.catalog.rich import EXAMPLES_DIR
from app.im.msgid import is_msgid, msgid_time
from app.im.rich import RICH_MESSAGE, rich_message

EXAMPLE = json.loads((EXAMPLES_DIR / "request.json").read_text(encoding="utf-8"))


def test_the_envelope_is_the_protocols_with_the_request_in_its_payload():
    send = rich_message("1", 123, EXAMPLE, 1_700_000_000.25)
    message = send.message
    assert (send.user_id, send.kind) == ("1", "rich")
    assert list(message) == ["msgid", "from", "to", "type", "payload"]
    assert is_msgid(message["msgid"]) and msgid_time(message["msgid"]) == 1_700_000_000
    assert (message["from"], message["to"], message["type"]) == ("server", "1", RICH_MESSAGE)
    assert message["payload"] == {"org_id": 123, "app_id": 100,
                                  "chat": EXAMPLE["body"]["chat"], "t": "1700000000250"}


def test_the_chat_is_carried_exactly_as_sent():
    doc = copy.deepcopy(EXAMPLE)
    doc["body"]["chat"]["content"] = {"任意": [1, {"x": None}], "exameTime": "2小时"}
    payload = rich_message("1", 1, doc, 0).message["payload"]
    assert payload["chat"] == doc["body"]["chat"]
    assert json.loads(json.dumps(payload, ensure_ascii=False)) == payload


def test_every_message_gets_its_own_msgid():
    assert len({rich_message("1", 1, EXAMPLE, 5).message["msgid"] for _ in range(50)}) == 50


def test_ids_written_as_whole_floats_go_as_whole_numbers():
    payload = rich_message("1", 1, {**EXAMPLE, "app_id": 100.0}, 0).message["payload"]
    assert payload["app_id"] == 100 and isinstance(payload["app_id"], int)
