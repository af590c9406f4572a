from __future__ import annotations

import json

from app.im import wire
from app.im.sync import Chain, Counter, acknowledge, next_record

NOW = 1_700_000_000.0


def test_records_chain_by_offset_and_count_up():
    chain, counter = Chain("110640113"), Counter()
    first = next_record(chain, counter, b"{}", content_is_pb=False, now=NOW)
    second = next_record(chain, counter, b"{}", content_is_pb=False, now=NOW)
    assert first["PreOffset"] == 0 and second["PreOffset"] == first["offset"]
    assert second["offset"] == first["nextOffset"]  # announced before it existed
    assert (first["msgid"], second["msgid"]) == (1, 2)
    assert (first["chatSeq"], second["chatSeq"]) == (1, 2)
    assert first["msgUUID"] != second["msgUUID"] and first["msgType"] == 1001
    assert first["toUID"] == 110640113 and Chain("abc").user_id == "abc"
    other = next_record(Chain("u2"), counter, b"{}", content_is_pb=False, now=NOW)
    assert other["offset"] not in (first["offset"], second["offset"])  # server-wide keys


def test_acknowledgements_advance_ack_chat_seq():
    chain, counter = Chain("u"), Counter()
    for _ in range(3):
        next_record(chain, counter, b"x", content_is_pb=False, now=NOW)
    assert acknowledge(chain, 2) and not acknowledge(chain, 1) and not acknowledge(chain, 9)
    assert next_record(chain, counter, b"x", content_is_pb=False, now=NOW)["ackChatSeq"] == 2


def test_the_json_form_is_go_encoding_json_of_the_struct():
    chain, counter = Chain("u"), Counter()
    record = next_record(chain, counter, b'{"a":1}', content_is_pb=False, now=NOW)
    doc = wire.sync_json(record)
    assert doc["content"] == "eyJhIjoxfQ==" and "contentIsPB" not in doc  # omitempty
    assert "PreOffset" not in doc and "toUID" not in doc  # zero: left out
    assert isinstance(doc["msgUUID"], int) and doc["msgType"] == 1001
    again = wire.decode_sync(json.dumps(doc).encode())
    assert again["content"] == b'{"a":1}'


def test_binary_protobuf_round_trips_with_the_spec_field_numbers():
    chain, counter = Chain("110640113"), Counter()
    notify = {"msg_type": "repair_status_changed", "eosno": "E1",
              "order": {"order_id": "O1", "contact_name": "噜噜噜"},
              "order_status": {"change_id": "2", "status": "track_handled", "event_id": 7}}
    content = wire.notify_binary(notify)
    record = next_record(chain, counter, content, content_is_pb=True, now=NOW)
    data = wire.sync_binary(record)
    assert data[0] == (1 << 3 | 0)  # field 1 (offset), varint: the spec's numbering
    decoded = wire.decode_sync(data)
    assert decoded["contentIsPB"] == 1 and decoded["msgType"] == 1001
    inner = wire.decode_notify(decoded["content"], True)
    assert inner["order"]["contact_name"] == "噜噜噜"
    assert inner["order_status"]["event_id"] == 7


def test_the_proto_text_names_every_field_with_its_number():
    text = wire.proto_text()
    assert "int64 PreOffset = 10;" in text and "int64 msgUUID = 18;" in text
    assert "OrderStatus order_status = 4;" in text
