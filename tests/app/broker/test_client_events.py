"""Presence on an external broker: unit tests of the event parsing, and a real Mosquitto
configured as its operator would (``log_dest topic``), watched the way serve watches it."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.broker.client_events import ClientEvents
from app.broker.managed import find_mosquitto, free_port
from app.transport.mqtt import MqttClient
from app.transport.mqtt_loop import LoopMqttClient
from tests.conftest import until

LOG = "$SYS/broker/log/N"


def test_presence_is_unknown_until_the_broker_says_something():
    events = ClientEvents()
    assert events.online("u1") is None
    assert events.to_json()["hint"].startswith("Mosquitto: add `log_dest topic`")
    events.feed(LOG, b"1700000000: Client u0 disconnected.")  # nobody we knew: still unknown
    assert events.online("u1") is None


def test_mosquitto_log_lines_on_sys():
    events = ClientEvents()
    assert events.feed(LOG, b"1700000000: New client connected from 127.0.0.1:50000 as u1 "
                            b"(p2, c0, k30, u'u1').")
    assert events.online("u1") is True and events.online("u2") is False
    assert events.source == "mosquitto-log"
    assert events.feed(LOG, b"1700000001: Client u1 disconnected.")
    assert events.online("u1") is False


def test_emqx_client_events():
    events = ClientEvents()
    topic = "$SYS/brokers/emqx@127.0.0.1/clients/u1/"
    assert events.feed(topic + "connected", json.dumps(
        {"clientid": "u1", "username": "u1", "ipaddress": "10.0.0.7", "keepalive": 30}).encode())
    assert events.online("u1") is True and events.source == "emqx"
    assert events.to_json()["clients"][0]["address"] == "10.0.0.7"
    assert events.feed(topic + "disconnected", b'{"clientid": "u1", "reason": "normal"}')
    assert events.online("u1") is False
    assert not events.feed(topic + "connected", b"not json")
    assert events.unreadable == 1


@given(st.text(max_size=80), st.binary(max_size=200))
def test_any_message_is_taken_without_harm(topic, payload):
    events = ClientEvents()
    events.feed(topic, payload)
    events.feed("$SYS/brokers/n/clients/x/" + topic, payload)
    events.feed(LOG, payload)
    assert events.online("x") in (True, False, None)


needs_mosquitto = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")


@pytest.fixture(params=["log_dest topic"])
async def operators_mosquitto(request, tmp_path: Path):
    """Not our managed broker: one an operator runs, by default with its log published on
    $SYS (``log_dest topic``)."""
    port = free_port()
    conf = tmp_path / "mosquitto.conf"
    conf.write_text("\n".join([
        f"listener {port} 127.0.0.1", "allow_anonymous true", request.param,
        "log_type notice", *(["user root"] if os.geteuid() == 0 else [])]) + "\n")
    process = await asyncio.create_subprocess_exec(
        find_mosquitto(), "-c", str(conf), stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
                writer.close()
                break
            except OSError:
                await asyncio.sleep(0.025)
        yield port
    finally:
        process.terminate()
        await process.wait()


@needs_mosquitto
async def test_who_is_connected_to_an_operators_mosquitto(operators_mosquitto):
    port = operators_mosquitto
    watcher = LoopMqttClient("127.0.0.1", port, client_id="watcher", reconnect=True)
    await watcher.connect()
    events = await ClientEvents().watch(watcher)
    try:
        phone = MqttClient("127.0.0.1", port, client_id="u1", username="u1", password="x",
                           clean_session=False, keepalive=30)
        await phone.connect()
        await until(lambda: events.online("u1") is True)
        assert events.source == "mosquitto-log" and events.refused == []
        await phone.disconnect()
        await until(lambda: events.online("u1") is False)
    finally:
        await events.stop()
        await watcher.disconnect()


@needs_mosquitto
async def test_serve_on_an_external_broker_pushes_to_an_offline_user(operators_mosquitto,
                                                                    tmp_path, client):
    from tests.app.cli.test_serve import Api, served

    port = operators_mosquitto
    async with served(tmp_path, "--broker", f"mqtt://127.0.0.1:{port}") as ready:
        api = Api(ready, client)
        _, health = await api.call("GET", "/api/health")
        events = health["broker"]["clientEvents"]
        assert events["source"] == "mosquitto-log"  # the IM server's own arrival, awaited
        for user in ("u1", "e1"):
            status, _ = await api.call("POST", "/api/users", {
                "userID": user, "role": "user" if user == "u1" else "expert",
                "platform": "ios"})
            assert status == 201
        phone = MqttClient("127.0.0.1", port, client_id="u1", username="u1",
                           password="anything", clean_session=False,
                           keepalive=30)
        await phone.connect()
        for _ in range(250):
            _, users = await api.call("GET", "/api/users")
            if {u["userID"]: u["online"] for u in users} == {"u1": True, "e1": False}:
                break
            await asyncio.sleep(0.02)
        assert {u["userID"]: u["online"] for u in users} == {"u1": True, "e1": False}
        for to, status in (("u1", "confirmed"), ("e1", "paid")):  # the spec's receivers
            code, sent = await api.call("POST", "/api/im/notifications", {
                "type": "order", "to": to, "payload": {"status": status, "o_id": "O9"}})
            assert code == 202 and (sent["push"] is None) == (to == "u1")
        _, pushes = await api.call("GET", "/api/pushes?userID=e1")
        assert len(pushes) == 1 and pushes[0]["platform"] == "ios"
        await phone.disconnect()


@needs_mosquitto
@pytest.mark.parametrize("operators_mosquitto", ["log_dest none"], indirect=True)
async def test_a_broker_that_says_nothing_leaves_presence_unknown_and_says_how(
        operators_mosquitto, tmp_path, client):
    from tests.app.cli.test_serve import Api, served

    async with served(tmp_path, "--broker", f"mqtt://127.0.0.1:{operators_mosquitto}") as ready:
        api = Api(ready, client)
        _, health = await api.call("GET", "/api/health")
        events = health["broker"]["clientEvents"]
        assert events["source"] is None and "log_dest topic" in events["hint"]
        await api.call("POST", "/api/users", {"userID": "e1", "role": "expert"})
        code, sent = await api.call("POST", "/api/im/notifications", {
            "type": "order", "to": "e1", "payload": {"status": "paid", "o_id": "O9"}})
        # Unknown is not offline: no push is invented.
        assert code == 202 and sent["online"] is None and sent["push"] is None
