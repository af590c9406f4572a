"""The paho wrapper against a real Mosquitto on a free port."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from app.broker.managed import find_mosquitto
from app.transport.mqtt import MqttClient, MqttError

pytestmark = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")


@pytest.fixture
async def broker(start_broker):
    return await start_broker("HRZ")




async def connected(broker, account, **kw):
    c = MqttClient(broker.host, broker.port, username=account.username,
                   password=account.password, **kw)
    await c.connect(5)
    return c


async def test_thousands_of_qos1_publishes_all_acknowledged_under_a_small_cap(broker):
    service = await connected(broker, broker.service, max_inflight=20)
    reader = await connected(broker, broker.subscriber_account("HRZ"))
    try:
        await reader.subscribe("wo/push/HRZ/#")
        await asyncio.gather(*(service.publish("wo/push/HRZ/fwwt", str(i).encode())
                               for i in range(3000)))
        got = set()
        while len(got) < 3000:
            got.add(int((await asyncio.wait_for(reader.messages.get(), 10)).payload))
        assert got == set(range(3000))
    finally:
        await service.disconnect()
        await reader.disconnect()


async def test_a_full_inbox_drops_and_counts(broker):
    service = await connected(broker, broker.service)
    reader = await connected(broker, broker.subscriber_account("HRZ"), inbox=5)
    try:
        await reader.subscribe("wo/push/HRZ/#")
        for i in range(20):
            await service.publish("wo/push/HRZ/fwwt", str(i).encode())
        await asyncio.wait_for(_until(lambda: reader.dropped == 15), 5)
        assert reader.messages.qsize() == 5
    finally:
        await service.disconnect()
        await reader.disconnect()


async def test_reconnects_after_the_broker_dies(broker):
    """Both clients come back by themselves: what was published while the broker was down is
    sent and acknowledged after the reconnect, and the reader's subscription is restored.

    (A message published before the reader is back is not for it: a broker killed outright
    forgets the sessions made since its last autosave. The outbox in SQLite, not the broker,
    is the record of what must reach a subscriber.)"""
    service = await connected(broker, broker.service)
    reader = await connected(broker, broker.subscriber_account("HRZ"), client_id="HRZ",
                             clean_session=False)
    try:
        await reader.subscribe("wo/push/HRZ/#")
        os.kill(broker.status().pid, signal.SIGKILL)
        await asyncio.wait_for(_until(lambda: not service.connected), 10)
        # Published while the broker is down: sent and acknowledged once paho reconnects.
        await asyncio.wait_for(service.publish("wo/push/HRZ/fwwt", b"while down"), 40)
        assert service.reconnects >= 1
        await asyncio.wait_for(_until(lambda: reader.restored >= 1), 40)  # SUBACKed again
        await service.publish("wo/push/HRZ/fwwt", b"after the crash")
        while (message := await asyncio.wait_for(reader.messages.get(), 10)).payload \
                == b"while down":
            pass  # it may arrive too, if the reader's session survived in the autosave
        assert message.payload == b"after the crash"
    finally:
        await service.disconnect()
        await reader.disconnect()


async def test_connecting_nowhere_fails_in_words():
    c = MqttClient("127.0.0.1", 9)  # discard port: nothing listens
    with pytest.raises(MqttError, match=r"127\.0\.0\.1:9"):
        await c.connect(2)


async def _until(condition):
    # The counters live on paho's side of the hop, with no event to wait on: poll (callers
    # bound it with wait_for).
    while not condition():  # noqa: ASYNC110
        await asyncio.sleep(0.01)
