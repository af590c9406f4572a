"""MQTT clients driven by the event loop, against a real Mosquitto on a free port."""

from __future__ import annotations

import asyncio
import os
import signal
import threading

import pytest

from app.broker.managed import find_mosquitto
from app.transport.mqtt import MqttClient, MqttError
from app.transport.mqtt_loop import LoopMqttClient, long_lived_client

pytestmark = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")


@pytest.fixture
async def broker(start_broker):
    return await start_broker(*(f"S{i}" for i in range(60)))


def reader(broker, code, **kw):
    account = broker.subscriber_account(code)
    return LoopMqttClient(broker.host, broker.port, username=account.username,
                          password=account.password, client_id=code, **kw)


async def _until(condition, within=20.0):
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - paho-side counters, no event to wait on
            await asyncio.sleep(0.01)


async def test_sixty_clients_share_the_loop_and_start_no_thread(broker):
    threads = threading.active_count()
    got: dict[str, list[bytes]] = {}
    clients = [reader(broker, f"S{i}", on_message=lambda m: got.setdefault(
        m.topic.split("/")[2], []).append(m.payload)) for i in range(60)]
    await asyncio.gather(*(c.connect(5) for c in clients))
    assert threading.active_count() == threads  # no paho thread per client
    await asyncio.gather(*(c.subscribe(f"wo/push/S{i}/#") for i, c in enumerate(clients)))
    service = MqttClient(broker.host, broker.port, username=broker.service.username,
                         password=broker.service.password)
    await service.connect(5)
    try:
        await asyncio.gather(*(service.publish(f"wo/push/S{i}/fwwt", f"m{i}".encode())
                               for i in range(60)))
        await _until(lambda: len(got) == 60)
        assert got == {f"S{i}": [f"m{i}".encode()] for i in range(60)}
    finally:
        await service.disconnect()
        await asyncio.gather(*(c.disconnect() for c in clients))


async def test_offline_and_back_keeps_the_session_and_what_was_queued(broker):
    """A phone going offline and online again: the same client, cleansession false."""
    phone = reader(broker, "S1", clean_session=False)
    service = MqttClient(broker.host, broker.port, username=broker.service.username,
                         password=broker.service.password)
    await asyncio.gather(phone.connect(5), service.connect(5))
    try:
        await phone.subscribe("wo/push/S1/#")
        await phone.disconnect()
        assert not phone.connected
        for i in range(3):
            await service.publish("wo/push/S1/fwwt", f"queued {i}".encode())
        await phone.connect(5)
        got = [(await asyncio.wait_for(phone.messages.get(), 5)).payload for _ in range(3)]
        assert got == [b"queued 0", b"queued 1", b"queued 2"]
    finally:
        await service.disconnect()
        await phone.disconnect()


async def test_a_refused_connect_says_why_and_does_not_retry(broker):
    phone = LoopMqttClient(broker.host, broker.port, username="S1", password="wrong",
                           client_id="S1", reconnect=True)
    with pytest.raises(MqttError, match="refused"):
        await phone.connect(5)
    assert phone._reconnecting is None  # a wrong password is not a lost connection


async def test_the_long_lived_client_comes_back_after_the_broker_dies(broker):
    """The IM server's client on the loop: it reconnects by itself, makes its subscriptions
    again, and sends what was published while the broker was down."""
    account = broker.subscriber_account("S2")
    server = long_lived_client(broker.host, broker.port, username=account.username,
                               password=account.password, client_id="S2")
    assert isinstance(server, LoopMqttClient)
    service = MqttClient(broker.host, broker.port, username=broker.service.username,
                         password=broker.service.password)
    await asyncio.gather(server.connect(5), service.connect(5))
    try:
        await server.subscribe("wo/push/S2/#")
        os.kill(broker.status().pid, signal.SIGKILL)
        await _until(lambda: not server.connected, 10)
        await _until(lambda: server.restored >= 1, 40)
        await service.publish("wo/push/S2/fwwt", b"after the crash")
        message = await asyncio.wait_for(server.messages.get(), 10)
        assert message.payload == b"after the crash"
        assert server.reconnects >= 1
    finally:
        await service.disconnect()
        await server.disconnect()


async def test_a_dropped_phone_stops_reading_at_once(broker):
    phone = reader(broker, "S3", clean_session=False)
    await phone.connect(5)
    phone.drop()
    assert not phone.connected and phone._socket is None
    await phone.connect(5)  # and it can come back on the same client
    assert phone.connected
    await phone.disconnect()
