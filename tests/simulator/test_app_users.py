"""Simulated app users against the IM server on a real Mosquitto, wired as serve wires them."""

from __future__ import annotations

import asyncio
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.broker.managed import find_mosquitto
from app.catalog.samples import sample
from simulator.app_users import AppUserCrowd, AppUserInputError, crowd_request

needs_broker = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")


@pytest.fixture
async def crowd(im):
    async def create_users(docs):
        return [im.describe(u, secrets=True) for u, _ in await im.put_users(docs)]

    phones = await AppUserCrowd(im.host, im.port, seed=3, create_users=create_users).start()
    yield phones
    await phones.stop()


async def pair(crowd, **habits):
    [user] = await crowd.create({"count": 1, "prefix": "u", "role": "user", **habits})
    [expert] = await crowd.create({"count": 1, "prefix": "e", "role": "expert", **habits})
    return user["userID"], expert["userID"]


@needs_broker
async def test_two_phones_chat_with_sent_and_received_ticks(crowd, im):
    user, expert = await pair(crowd)
    assert crowd.users[user].state == crowd.users[expert].state == "online"
    msgid = await crowd.chat(user, expert, o_id="O1", content="水管漏水了")
    chat = crowd.users[user].chats[msgid]
    await crowd.wait_until(lambda: chat.received_at is not None)
    assert chat.sent_at is not None and chat.sent_at <= chat.received_at
    [seen] = [s for s in crowd.users[expert].seen if s.type == "order_chat"]
    assert seen.doc["payload"]["content"] == "水管漏水了" and seen.doc["payload"]["expert"]
    assert im.counts["rejected"] == 0 and im.counts["pushes"] == 0


@needs_broker
async def test_off_the_chat_page_a_phone_never_answers_received(crowd, im):
    user, expert = await pair(crowd, onChatPage=False)
    msgid = await crowd.chat(user, expert)
    chat = crowd.users[user].chats[msgid]
    await crowd.wait_until(lambda: crowd.users[expert].counts["chatsIn"] == 1
                           and chat.sent_at is not None)
    assert crowd.users[expert].counts["receivedSent"] == 0
    assert chat.received_at is None


@needs_broker
async def test_offline_a_phone_gets_pushes_then_its_queue_in_order(crowd, im):
    user, expert = await pair(crowd)
    await crowd.offline(expert)
    async with asyncio.timeout(5):  # the broker has taken the DISCONNECT
        while im.online(expert):  # noqa: ASYNC110 - the broker's log, no event to wait on
            await asyncio.sleep(0.01)
    for text in ("一", "二", "三"):
        await crowd.chat(user, expert, content=text)
    await crowd.wait_until(lambda: crowd.users[user].counts["sentTicks"] == 3)
    await im.flush()
    pushes = im.engine.store.pushes(user_id=expert)
    assert [p["payload"]["body"]["text"] for p in reversed(pushes)] == ["一", "二", "三"]
    await crowd.online(expert)
    await crowd.wait_until(lambda: crowd.users[expert].counts["chatsIn"] == 3)
    got = [s.doc["payload"]["content"] for s in crowd.users[expert].seen
           if s.type == "order_chat"]
    assert got == ["一", "二", "三"]
    # Back on the chat page: each queued chat is answered, and the sender sees the ticks.
    await crowd.wait_until(lambda: crowd.users[user].counts["receivedTicks"] == 3)


@needs_broker
@pytest.mark.parametrize("encoding", ["json", "protobuf"])
async def test_a_work_order_reaches_the_contacts_phone_and_is_acknowledged(crowd, im,
                                                                         encoding):
    [contact] = await crowd.create({"count": 1, "prefix": "c", "encoding": encoding})
    user_id = contact["userID"]
    await im.engine.submit(json.dumps({"changeId": "1", "dataArea": "fwwt", "data": sample(
        "1", serviceOrderId="SO1", userId=user_id, eUserId="")}).encode())
    phone = crowd.users[user_id]
    await crowd.wait_until(lambda: phone.counts["records"] == 1)
    [record] = [s.doc for s in phone.seen if s.type == "1001"]
    assert record["msgType"] == 1001 and record["chatSeq"] == 1
    assert bool(record.get("contentIsPB")) == (encoding == "protobuf")
    assert record["notify"]["order"]["order_id"] == "SO1"
    assert record["notify"]["eosno"] == user_id
    # The phone's sync_ack moves the server's chain on.
    async with asyncio.timeout(5):
        while im.chains[user_id].ack_chat_seq != 1:  # noqa: ASYNC110 - server-side state
            await asyncio.sleep(0.01)


@needs_broker
async def test_a_rotated_sign_locks_the_old_phone_out(crowd, im):
    [phone] = await crowd.create({"count": 1, "prefix": "r"})
    user_id = phone["userID"]
    await crowd.offline(user_id)
    await im.rotate(user_id)
    result = await crowd.act(user_id, "online", {})
    assert result["state"] == "offline" and result["counts"]["refused"] == 1
    assert "refused" in result["lastError"]


@needs_broker
async def test_phones_chat_and_come_and_go_on_their_own(crowd, im):
    users = await crowd.create({"count": 4, "prefix": "s", "chatEvery": 0.05,
                                "offlineEvery": 0.3, "offlineFor": 0.1})
    ids = [u["userID"] for u in users]
    await crowd.wait_until(lambda: sum(crowd.users[u].counts["chatsSent"] for u in ids) >= 8
                           and all(crowd.users[u].counts["connects"] >= 2 for u in ids), 20)
    await crowd.act(ids[0], "habits", {"chatEvery": 0, "offlineEvery": 0})
    assert crowd.users[ids[0]].habits.chat_every == 0


@needs_broker
async def test_bad_requests_name_the_field_and_create_nothing(crowd, im):
    for doc, path in [({"count": 0}, "count"), ({"prefx": "a"}, "prefx"),
                      ({"role": "admin"}, "role"), ({"chatEvery": -1}, "chatEvery"),
                      ({"onChatPage": "yes"}, "onChatPage"), ([], "")]:
        with pytest.raises(AppUserInputError) as caught:
            await crowd.create(doc)
        assert caught.value.path == path
    assert not im.users and not crowd.users
    user, _ = await pair(crowd)
    with pytest.raises(LookupError, match="online, offline, chat or habits"):
        await crowd.act(user, "dance", {})
    with pytest.raises(AppUserInputError, match="not a simulated user"):
        await crowd.act(user, "chat", {"to": "nobody"})
    with pytest.raises(AppUserInputError) as caught:
        await crowd.act(user, "habits", {"chatEvry": 1})
    assert caught.value.path == "chatEvry"


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(
                        st.sampled_from(["count", "prefix", "role", "chatEvery",
                                         "offlineFor", "onChatPage", "x"]) | st.text(),
                        inner), max_leaves=8))
def test_any_request_is_accepted_or_refused_with_a_field(doc):
    try:
        checked = crowd_request(doc)
    except AppUserInputError as error:
        assert isinstance(error.path, str) and str(error)
    else:
        assert 1 <= checked["count"] <= 10_000


@needs_broker
async def test_a_reply_lost_going_offline_is_counted_not_raised(crowd, caplog, monkeypatch):
    from app.transport.mqtt import MqttError

    user, _ = await pair(crowd)

    async def cut_off(*_args):  # what publish raises when DISCONNECT beats the PUBACK
        raise MqttError("disconnected")

    monkeypatch.setattr(crowd.users[user].client, "publish", cut_off)
    crowd._send(crowd.users[user], {"msgid": "0" * 24, "type": "received"})
    await crowd.wait_until(lambda: crowd.users[user].counts["repliesLost"] == 1)
    assert "lost going offline" in crowd.users[user].last_error
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
