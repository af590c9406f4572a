"""Scripted conversations with the protocol core: no broker, no clock, no socket."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.im.msgid import new_msgid
from app.im.protocol import Acked, Ignored, ImProtocol, NotifyError, Rejected, Send
from app.im.users import ImUser

USERS = {"u1": ImUser("u1", "张三", role="user"), "e1": ImUser("e1", "李专家", role="expert")}
NOW = 1_700_000_000.0


@pytest.fixture
def im():
    return ImProtocol(USERS.get)


def chat(msgid, sender="u1", to="e1", expert=True, **payload):
    return json.dumps({"msgid": msgid, "from": sender, "to": to, "type": "order_chat",
                       "payload": {"o_id": "O1", "expert": expert, "content": "你好",
                                   **payload}}).encode()


def received(msgid, sender="e1", to="u1"):
    return json.dumps({"msgid": msgid, "from": sender, "to": to,
                       "type": "received"}).encode()


def test_a_chat_is_answered_sent_forwarded_with_t_and_its_receipt_returns(im):
    msgid = new_msgid(NOW)
    sent, forward = im.receive(chat(msgid), NOW)
    assert sent == Send("u1", {"msgid": msgid, "type": "sent"}, "sent")
    assert forward == Send("e1", {"msgid": msgid, "from": "u1", "to": "e1",
                                  "type": "order_chat",
                                  "payload": {"o_id": "O1", "expert": True, "content": "你好",
                                              "t": "1700000000000"}}, "chat")
    assert im.receive(received(msgid), NOW) == [
        Send("u1", {"msgid": msgid, "type": "received"}, "received")]


def test_a_redelivered_msgid_is_not_forwarded_twice(im):
    msgid = new_msgid(NOW)
    im.receive(chat(msgid), NOW)
    again = im.receive(chat(msgid), NOW)
    assert again[0].kind == "sent" and isinstance(again[1], Ignored) and len(again) == 2
    im.receive(received(msgid), NOW)
    assert isinstance(im.receive(received(msgid), NOW)[0], Ignored)


@pytest.mark.parametrize(("raw", "reason"), [
    (b"not json", "not JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"type": "selfie"}', "unknown type 'selfie'"),
    (b'{"type": "order", "msgid": "x"}', "sent by the server"),
    (json.dumps({"msgid": "xyz", "from": "u1", "to": "e1", "type": "order_chat"}).encode(),
     "not 24 lower-case hex"),
    (chat("a" * 24, sender="ghost"), "from 'ghost' is not a known user"),
    (chat("a" * 24, to="ghost"), "to 'ghost' is not a known user"),
    (chat("a" * 24, to="u1"), "same user"),
    (chat("a" * 24, expert=False), "payload.expert is false but e1 is an expert"),
    (chat("a" * 24, o_id=""), "payload.o_id"),
    (received("b" * 24), "did not forward"),
    (json.dumps({"msgid": "c" * 24, "from": "u1", "type": "sync_ack",
                 "payload": {"chatSeq": "3"}}).encode(), "chatSeq"),
])
def test_bad_messages_are_rejected_with_a_reason(im, raw, reason):
    (action,) = im.receive(raw, NOW)
    assert isinstance(action, Rejected) and reason in action.reason and action.raw == raw


def test_received_only_from_the_one_who_got_the_message(im):
    msgid = new_msgid(NOW)
    im.receive(chat(msgid), NOW)
    (action,) = im.receive(received(msgid, sender="u1"), NOW)
    assert isinstance(action, Rejected) and "went to e1" in action.reason


def test_a_sync_ack_advances_the_acknowledged_chat_seq(im):
    raw = json.dumps({"msgid": new_msgid(NOW), "from": "u1", "type": "sync_ack",
                      "payload": {"chatSeq": 7}}).encode()
    assert im.receive(raw, NOW) == [Acked("u1", 7)]


def test_old_chats_are_forgotten_and_counted():
    im = ImProtocol(USERS.get, remember=2)
    ids = [new_msgid(NOW) for _ in range(3)]
    for msgid in ids:
        im.receive(chat(msgid), NOW)
    assert im.forgotten == 1 and list(im.chats) == ids[1:]


@given(st.binary(max_size=300))
def test_no_input_crashes_the_server(raw):
    for action in ImProtocol(USERS.get).receive(raw, NOW):
        assert isinstance(action, Rejected | Send | Ignored | Acked)


@given(st.dictionaries(st.sampled_from(["msgid", "from", "to", "type", "payload"]),
                       st.one_of(st.none(), st.integers(), st.text(max_size=5),
                                 st.sampled_from(["order_chat", "received", "u1", "e1",
                                                  "a" * 24]),
                                 st.dictionaries(st.text(max_size=8), st.text(max_size=3)))))
def test_no_envelope_crashes_the_server(message):
    ImProtocol(USERS.get).receive(json.dumps(message).encode(), NOW)


def test_notifications_go_to_the_role_the_spec_names(im):
    sent = im.notify("order", "e1", {"status": "pending", "o_id": "O1"}, NOW)
    assert sent.user_id == "e1" and sent.message["type"] == "order"
    assert sent.message["from"] == "server" and len(sent.message["msgid"]) == 24
    with pytest.raises(NotifyError) as error:
        im.notify("order", "u1", {"status": "pending", "o_id": "O1"}, NOW)
    (finding,) = error.value.findings
    assert finding.path == "to" and "goes to an expert" in finding.message
    im.notify("note", "u1", {"status": "replied", "note_id": "N1"}, NOW)
    im.notify("feedback", "u1", {"content": "已处理"}, NOW)
    im.notify("expert", "e1", {"status": "verified", "content": "apply"}, NOW)


@pytest.mark.parametrize(("kind", "to", "payload", "path"), [
    ("order", "ghost", {"status": "paid", "o_id": "O1"}, "to"),
    ("gossip", "u1", {}, "type"),
    ("order", "e1", {"status": "lost", "o_id": "O1"}, "payload.status"),
    ("order", "e1", {"status": "paid"}, "payload.o_id"),
    ("note", "e1", {"status": "paid", "note_id": 5}, "payload.note_id"),
    ("expert", "e1", {"status": "ok", "content": "x"}, "payload.status"),
    ("feedback", "u1", [], "payload"),
])
def test_a_bad_notification_request_names_the_field(im, kind, to, payload, path):
    with pytest.raises(NotifyError) as error:
        im.notify(kind, to, payload, NOW)
    assert path in [f.path for f in error.value.findings]
