"""The inspector's reader for IM messages: types, ObjectId msgids and each type's payload."""

from __future__ import annotations

import pytest

from app.im.reader import READER

MSGID = "5f1d7a9e0c3b4a2d1e6f7a8b"


def test_a_chat_is_read_as_client_to_server():
    reading = READER.read({"msgid": MSGID, "from": "u1", "to": "u2", "type": "order_chat",
                           "payload": {"o_id": "1", "expert": True, "content": "hi"}})
    assert reading.valid and reading.type_id == "order_chat"
    assert "$sktalent/server/mqttserver" in reading.facts["direction"]


@pytest.mark.parametrize(("message", "path", "fragment"), [
    ({"msgid": "123", "type": "sent"}, "msgid", "ObjectId"),
    ({"msgid": MSGID, "type": "chat"}, "type", "unknown IM type"),
    ({"msgid": MSGID, "type": "order", "to": "u", "payload": {"o_id": "1", "status": "done"}},
     "payload.status", "not a order status"),
    ({"msgid": MSGID, "type": "order_chat", "to": "u", "payload": {"o_id": "1",
                                                                  "content": "x"}},
     "payload.expert", "true (to an expert)"),
    ({"msgid": MSGID, "type": "note", "payload": {"note_id": "n", "status": "paid"}}, "to",
     "who receives it"),
])
def test_each_mistake_is_named(message, path, fragment):
    findings = [f for f in READER.read(message).findings if f.path == path]
    assert findings and fragment in findings[0].message


def test_recognition_needs_msgid_and_type():
    assert READER.recognise({"msgid": MSGID, "type": "sent"}) == 2
    assert READER.recognise({"type": 4, "body": {}}) == 0
