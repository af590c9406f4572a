from __future__ import annotations

import asyncio

import pytest

from app.broker.health import Presence, SysStats
from app.broker.managed import ManagedBroker, find_mosquitto
from app.transport.mqtt import MqttClient


def test_presence_follows_the_log():
    p = Presence()
    p.feed("2026-11-22T16:48:18: New client connected from 127.0.0.1:44633 as HRZDWYWHXT "
           "(p2, c0, k60, u'HRZDWYWHXT').")
    p.feed("2026-11-22T16:48:18: New client connected from 127.0.0.1:1 as anon (p2, c1, k60).")
    assert [(c["clientId"], c["username"]) for c in p.to_json()] == [
        ("HRZDWYWHXT", "HRZDWYWHXT"), ("anon", None)]
    p.feed("2026-11-22T16:48:19: Client HRZDWYWHXT disconnected.")
    p.feed("2026-11-22T16:48:19: Client anon closed its connection.")
    assert p.to_json() == []


def test_sys_stats_keep_the_watched_topics():
    s = SysStats()
    assert s.feed("$SYS/broker/publish/messages/dropped", b"3")
    assert not s.feed("$SYS/broker/uptime", b"12 seconds")
    assert s.to_json() == {"messagesDropped": 3}


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_the_managed_broker_knows_who_is_connected(tmp_path):
    broker = ManagedBroker(tmp_path)
    broker.set_subscribers(["HRZ"])
    await broker.start()
    try:
        account = broker.subscriber_account("HRZ")
        c = MqttClient(broker.host, broker.port, username=account.username,
                       password=account.password, client_id="HRZ-app")
        await c.connect(5)
        await asyncio.wait_for(_until(lambda: any(
            x["clientId"] == "HRZ-app" for x in broker.status().clients)), 5)
        seen = {x["clientId"]: x for x in broker.status().to_json()["clients"]}
        assert seen["HRZ-app"]["username"] == "HRZ"
        assert seen["pushstudio-control"]["username"] == "pushstudio"  # its own, shown too
        await c.disconnect()
        await asyncio.wait_for(_until(lambda: all(
            x["clientId"] != "HRZ-app" for x in broker.status().clients)), 5)
    finally:
        await broker.stop()


async def _until(condition):
    # The broker's log is read as it comes: no event to wait on (callers bound it).
    while not condition():  # noqa: ASYNC110
        await asyncio.sleep(0.02)
