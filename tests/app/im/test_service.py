"""The IM server against a real Mosquitto, with clients that follow the spec to the letter:
raw paho, clientid = username = userID, password = authSign, keepalive 30, cleansession
false, and no SUBSCRIBE ever sent."""

from __future__ import annotations

import asyncio
import itertools
import json
import queue
import threading

import paho.mqtt.client as paho
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from app.broker.managed import find_mosquitto
from app.catalog.samples import sample
from app.im import wire
from app.im.msgid import new_msgid
from tests.conftest import until

pytestmark = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
SERVER_TOPIC = "$sktalent/server/mqttserver"


class SpecClient:
    """An app client exactly as spec/mqtt-im-protocol.md §1 configures it."""

    def __init__(self, mqtt: dict):
        self.inbox: queue.Queue = queue.Queue()
        self.user_id = mqtt["clientId"]
        c = paho.Client(CallbackAPIVersion.VERSION2, client_id=mqtt["clientId"],
                        clean_session=False, protocol=paho.MQTTv311)
        c.username_pw_set(mqtt["username"], mqtt["password"])
        self.result = None
        done = threading.Event()

        def on_connect(client, userdata, flags, reason, properties):
            self.result = reason
            done.set()

        c.on_connect = on_connect
        c.on_message = lambda client, userdata, m: self.inbox.put(
            (m.topic, bytes(m.payload)))
        c.connect(mqtt["host"], mqtt["port"], keepalive=30)
        c.loop_start()
        assert done.wait(5) and not self.result.is_failure, f"refused: {self.result}"
        self.client = c

    async def next(self, within=5.0):
        try:
            return await asyncio.to_thread(self.inbox.get, True, within)
        except queue.Empty:
            raise TimeoutError(f"{self.user_id} received nothing in {within} s") from None

    async def json(self, within=5.0):
        topic, payload = await self.next(within)
        assert topic == f"$sktalent/clients/{self.user_id}"
        return json.loads(payload)

    def send(self, envelope) -> None:
        raw = envelope if isinstance(envelope, bytes) else json.dumps(envelope).encode()
        self.client.publish(SERVER_TOPIC, raw, qos=1).wait_for_publish(5)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()



async def user(im, user_id, **fields):
    created, _ = await im.put_user({"userID": user_id, "name": user_id, **fields})
    return im.connection(created)


async def connect(im, mqtt):
    client = await asyncio.to_thread(SpecClient, mqtt)
    await until(lambda: im.online(client.user_id))
    return client


def chat(sender, to, expert, content, msgid=None):
    return {"msgid": msgid or new_msgid(), "from": sender, "to": to, "type": "order_chat",
            "payload": {"o_id": "O1", "expert": expert, "content": content}}


async def test_two_spec_clients_chat_with_sent_and_received_ticks(im):
    alice = await connect(im, await user(im, "alice"))
    bob = await connect(im, await user(im, "bob", role="expert"))
    try:
        message = chat("alice", "bob", True, "水管漏水")
        alice.send(message)
        assert await alice.json() == {"msgid": message["msgid"], "type": "sent"}
        forwarded = await bob.json()
        assert forwarded["payload"]["content"] == "水管漏水" and forwarded["payload"]["t"]
        assert forwarded["from"] == "alice" and forwarded["msgid"] == message["msgid"]
        bob.send({"msgid": message["msgid"], "from": "bob", "to": "alice",
                  "type": "received"})
        assert await alice.json() == {"msgid": message["msgid"], "type": "received"}
    finally:
        alice.close()
        bob.close()


async def test_offline_a_push_is_recorded_and_the_queue_arrives_in_order(im):
    alice = await connect(im, await user(im, "alice"))
    bob_mqtt = await user(im, "bob", role="expert", platform="ios", channel="appstore")
    bob = await connect(im, bob_mqtt)
    bob.close()
    await until(lambda: im.online("bob") is False)
    try:
        sent = [chat("alice", "bob", True, f"第{i}条") for i in range(3)]
        for message in sent:
            alice.send(message)
            await alice.json()  # sent
        await until(lambda: len(im.engine.store.pushes(user_id="bob")) == 3)
        push = im.engine.store.pushes(user_id="bob")[-1]  # newest first: the oldest
        assert push["payload"] == {"action": "order_chat", "o_id": "O1", "alert": "第0条"}
        assert push["alias"] == "bob" and push["aliasType"] == "calltalent"
        assert push["tags"] == ["appstore", "1.0.0", "expert"]
        bob = await connect(im, bob_mqtt)  # back, still without subscribing
        got = [(await bob.json())["payload"]["content"] for _ in range(3)]
        assert got == ["第0条", "第1条", "第2条"]
        bob.close()
    finally:
        alice.close()


async def test_bad_messages_are_rejected_and_the_server_goes_on(im):
    alice = await connect(im, await user(im, "alice"))
    bob = await connect(im, await user(im, "bob", role="expert"))
    try:
        for raw in (b"not json", b'{"type": "order_chat"}',
                    json.dumps(chat("ghost", "bob", True, "x")).encode(),
                    json.dumps(chat("alice", "nobody", True, "x")).encode()):
            alice.send(raw)
        await until(lambda: len(im.engine.store.im_messages(status="rejected")) == 4)
        reasons = [m["reason"] for m in im.engine.store.im_messages(status="rejected")]
        assert any("not JSON" in r for r in reasons)
        assert any("'ghost' is not a known user" in r for r in reasons)
        alice.send(chat("alice", "bob", True, "still here"))
        assert (await bob.json())["payload"]["content"] == "still here"
    finally:
        alice.close()
        bob.close()


async def test_a_work_order_event_notifies_its_contact_in_json_and_protobuf(im, engine):
    contact = await connect(im, await user(im, "110640113"))
    handler = await connect(im, await user(im, "94781", encoding="protobuf"))
    try:
        await engine.submit({"changeId": "1", "dataArea": "fwwt",
                             "data": sample("1", serviceOrderId="WO1")})
        record = wire.decode_sync((await contact.next())[1])
        assert record["msgType"] == 1001 and "contentIsPB" not in record
        notify = wire.decode_notify(record["content"], False)
        assert notify["msg_type"] == "repair_status_changed"
        assert notify["eosno"] == "E110640113" and notify["order"]["order_id"] == "WO1"
        assert notify["order_status"]["status"] == "created"

        await engine.submit({"changeId": "5", "dataArea": "fwwt",
                             "data": sample("5", serviceOrderId="WO1")})
        second = wire.decode_sync((await contact.next())[1])
        assert second["PreOffset"] == record["offset"]  # the contact's chain goes on
        assert second["offset"] == record["nextOffset"] and second["chatSeq"] == 2
        topic, data = await handler.next()
        assert topic == "$sktalent/clients/94781" and data[:1] != b"{"  # binary protobuf
        binary = wire.decode_sync(data)
        assert binary["contentIsPB"] == 1
        inner = wire.decode_notify(binary["content"], True)
        assert inner["order_status"]["status"] == "track_generated"
        assert inner["order"]["contact_name"] == "噜噜噜"  # from the creation event
    finally:
        contact.close()
        handler.close()


async def test_a_rotated_auth_sign_replaces_the_old_one(im):
    mqtt = await user(im, "alice")
    await im.rotate("alice")
    with pytest.raises(AssertionError, match="refused"):
        await asyncio.to_thread(SpecClient, mqtt)
    fresh = im.connection(im.users["alice"])
    client = await connect(im, fresh)
    client.close()


async def test_a_burst_of_events_keeps_each_receivers_chain_in_order(im, engine):
    contact = await connect(im, await user(im, "110640113"))
    try:
        await engine.submit({"changeId": "1", "dataArea": "fwwt",
                             "data": sample("1", serviceOrderId="WO2")})
        for _ in range(5):
            await engine.submit({"changeId": "10", "dataArea": "fwwt",
                                 "data": sample("10", serviceOrderId="WO2")})
        records = [wire.decode_sync((await contact.next())[1]) for _ in range(6)]
        assert [r["chatSeq"] for r in records] == [1, 2, 3, 4, 5, 6]
        assert all(b.get("PreOffset") == a["offset"] for a, b in itertools.pairwise(records))
    finally:
        contact.close()
