"""Chats between two users: ticks, queued messages and pushes, rejections, raw envelopes."""

from __future__ import annotations

import json

from tests.conftest import until
from ui.users.chat import ChatModel


def test_the_chat_model_passes_qt_s_model_tester(qtmodeltester):
    model = ChatModel("a", "b")
    body = json.dumps({"msgid": "m1", "from": "a", "to": "b", "type": "order_chat",
                       "payload": {"o_id": "O1", "content": "你好"}})
    model.log("in", "a", "order_chat", "m1", "accepted", None, body, 1.0)
    model.log("out", "a", "sent", "m1", "sent", None, '{"msgid":"m1","type":"sent"}', 1.1)
    model.log("out", "b", "order_chat", "m1", "queued", None, body, 1.1)
    model.push("b", {"platform": "ios"}, 1.2)
    qtmodeltester.check(model)
    [m] = model.messages
    assert m.content == "你好" and m.o_id == "O1" and m.sent_at == 1.1
    assert m.forwarded == "queued" and m.push == {"platform": "ios"}
    assert [e.label for e in m.wire] == ["a → server", "server → a: sent",
                                         "server → b (queued)", "push → b (ios)"]


def test_other_pairs_and_repeats_are_left_out():
    model = ChatModel("a", "b")
    other = json.dumps({"msgid": "m1", "from": "a", "to": "c", "type": "order_chat"})
    model.log("in", "a", "order_chat", "m1", "accepted", None, other, 1.0)
    assert model.rowCount() == 0
    body = json.dumps({"msgid": "m2", "from": "b", "to": "a", "type": "order_chat",
                       "payload": {"content": "x"}})
    for _ in range(2):
        model.log("in", "b", "order_chat", "m2", "accepted", None, body, 2.0)
    assert model.rowCount() == 1 and len(model.messages[0].wire) == 1


def test_a_rejected_message_keeps_the_server_s_reason():
    model = ChatModel("u", "x")
    body = json.dumps({"msgid": "m1", "from": "u", "to": "x", "type": "order_chat",
                       "payload": {"o_id": "O", "expert": True, "content": "hi"}})
    model.log("in", "u", "order_chat", "m1", "rejected", "payload.expert is wrong", body, 1.0)
    assert model.messages[0].state == "rejected"
    assert model.messages[0].reason == "payload.expert is wrong"


async def test_a_chat_shows_sent_then_received_ticks(panel, platform, qtbot):
    [user] = await panel.start_simulated(1, prefix="u", role="user")
    [expert] = await panel.start_simulated(1, prefix="e", role="expert")
    chat = panel.open_chat(user, expert)
    assert panel.open_chat(user, expert) is chat  # one window per pair
    assert "No messages" in chat.empty.text() and chat.view.isHidden()
    msgid = await chat.send("水管还在漏水")
    m = chat.model.find(msgid)
    assert m is not None and m.content == "水管还在漏水"
    await until(lambda: m.sent_at is not None)
    await until(lambda: m.received_at is not None)
    assert m.sent_at <= m.received_at and chat.tick(m) == ("✓✓", "ok")
    assert m.forwarded == "sent" and not chat.view.isHidden()
    assert m.o_id and f"o_id {m.o_id}" in chat.status_line(m)  # the one the phone picked
    assert chat.compose.text() == ""
    labels = [e.label for e in m.wire]
    assert labels[0] == f"{user} → server"
    assert f"server → {user}: received" in labels
    sent_envelope = json.loads(m.wire[0].body)
    assert sent_envelope["payload"]["content"] == "水管还在漏水"
    chat.raw.setChecked(True)  # laid out again with the envelopes; no warnings
    qtbot.waitUntil(lambda: chat.view.sizeHintForRow(0) > 100)
    chat.close()


async def test_a_chat_to_an_offline_user_shows_queued_and_its_push(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u", role="user")
    [expert] = await panel.start_simulated(1, prefix="e", role="expert", platform="ios")
    await panel.take_offline(expert)
    chat = panel.open_chat(user, expert)
    msgid = await chat.send("在吗？")
    m = chat.model.find(msgid)
    await until(lambda: m.push is not None)
    assert m.forwarded == "queued" and chat.tick(m) == ("✓", "queued")
    assert m.push["platform"] == "ios" and m.push["payload"]["alert"] == "在吗？"
    assert "Queued" in chat.note_line(m) and "push recorded (ios)" in chat.note_line(m)
    # Sending as the offline one is not possible, and the window says why.
    chat.sender.setCurrentIndex(1)
    assert not chat.compose.isEnabled() and "offline" in chat.note.text()


async def test_reopened_chats_read_what_happened_before(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u", role="user")
    [expert] = await panel.start_simulated(1, prefix="e", role="expert")
    msgid = await platform.phones.chat(user, expert, content="早上好")
    phone_chat = platform.phones.users[user].chats[msgid]
    await platform.phones.wait_until(lambda: phone_chat.received_at is not None)
    await platform.im.flush()
    chat = panel.open_chat(user, expert)
    m = chat.model.find(msgid)
    assert m is not None and m.content == "早上好" and m.received_at is not None


async def test_a_real_client_cannot_be_driven_and_the_window_says_so(panel, platform):
    await panel.add_user({"userID": "real1", "name": "真人"})
    [sim] = await panel.start_simulated(1, prefix="u")
    chat = panel.open_chat("real1", sim)
    assert chat.sender.currentData() == "real1"
    assert not chat.send_button.isEnabled() and "real client" in chat.note.text()
    assert await chat.send("hello") is None
    assert "real client" in chat.problem.text()
    chat.sender.setCurrentIndex(1)
    assert chat.send_button.isEnabled()


async def test_off_the_chat_page_a_message_stays_at_one_tick_and_says_why(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u", role="user")
    [expert] = await panel.start_simulated(1, prefix="e", role="expert")
    assert await panel.set_habits(expert, onChatPage=False)
    assert not platform.phones.users[expert].habits.on_chat_page
    chat = panel.open_chat(user, expert)
    msgid = await chat.send("在吗")
    m = chat.model.find(msgid)
    await platform.phones.wait_until(lambda: platform.phones.users[expert].counts["chatsIn"])
    await until(lambda: m.sent_at is not None and m.forwarded == "sent")
    assert m.received_at is None and chat.tick(m) == ("✓", "pending")
    assert "chat page" in chat.note_line(m)
    assert not await panel.set_habits(expert, chatEvery=-1)
    assert "chatEvery" in panel.problem.text()
