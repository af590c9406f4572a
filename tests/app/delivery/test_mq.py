"""Deliveries on their MQ topics, through a real Mosquitto, read by an integrator's client."""

from __future__ import annotations

import asyncio
import json

import pytest

from app.broker.managed import find_mosquitto
from app.catalog.samples import sample
from app.delivery.mq import Message, MqPublisher
from app.transport.mqtt import MqttClient
from tests.conftest import subscription, until

pytestmark = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")


@pytest.fixture
async def broker(start_broker):
    return await start_broker("HRZ", "MQONLY")




@pytest.fixture
async def publisher(engine, broker):
    client = MqttClient(broker.host, broker.port, username=broker.service.username,
                        password=broker.service.password)
    await client.connect(5)
    mq = MqPublisher(engine, client)
    yield mq
    await mq.stop()
    await client.disconnect()


async def integrator(broker, base_code):
    account = broker.subscriber_account(base_code)
    c = MqttClient(broker.host, broker.port, username=account.username,
                   password=account.password)
    await c.connect(5)
    await c.subscribe(f"wo/push/{base_code}/#")
    return c


def event(i=0):
    return {"changeId": "1", "dataArea": "fwwt", "data": sample("1", serviceOrderId=f"O{i}")}



async def test_each_delivery_is_on_its_topic(engine, broker, publisher):
    await engine.put_subscription(subscription("HRZ", callbackUrl="http://127.0.0.1:9/cb",
                                               dataEncoding="object"))
    await engine.put_subscription(subscription("MQONLY"))
    hrz, mqonly = await integrator(broker, "HRZ"), await integrator(broker, "MQONLY")
    try:
        await publisher.start()
        accepted = await engine.submit(event())
        message = await asyncio.wait_for(hrz.messages.get(), 5)
        assert message.topic == "wo/push/HRZ/fwwt" and message.qos == 1
        body = json.loads(message.payload)
        assert body["changeId"] == "1" and body["data"]["serviceOrderId"] == "O0"
        only = await asyncio.wait_for(mqonly.messages.get(), 5)
        assert json.loads(json.loads(only.payload)["data"])["serviceOrderId"] == "O0"

        ids = {d.base_code: d.delivery_id for d in accepted.deliveries}
        store = engine.store
        await until(lambda: all(store.delivery(i)["mq_published_at"] for i in ids.values()))
        # The MQ-only subscription is done at PUBACK; the other waits for its callback.
        assert store.delivery(ids["MQONLY"])["status"] == "delivered"
        assert store.delivery(ids["HRZ"])["status"] == "pending"
    finally:
        await hrz.disconnect()
        await mqonly.disconnect()


async def test_unpublished_deliveries_go_out_after_a_restart(engine, broker, publisher):
    await engine.put_subscription(subscription("MQONLY"))
    for i in range(50):
        await engine.submit(event(i))  # accepted while nothing publishes
    reader = await integrator(broker, "MQONLY")
    try:
        assert await publisher.start() == 50
        orders = set()
        while len(orders) < 50:
            m = await asyncio.wait_for(reader.messages.get(), 5)
            orders.add(json.loads(json.loads(m.payload)["data"])["serviceOrderId"])
        await until(lambda: engine.store.mq_low_water() > 50)
    finally:
        await reader.disconnect()


async def test_a_disabled_subscription_waits(engine, broker, publisher):
    await engine.put_subscription(subscription("MQONLY"))
    await publisher.start()
    reader = await integrator(broker, "MQONLY")
    try:
        await engine.submit(event())
        await asyncio.wait_for(reader.messages.get(), 5)
        await engine.set_enabled("MQONLY", False, "by hand")
        # A message routed before the subscription was disabled: held, not published, not
        # lost (put straight on the queue, as if it had been in flight at that moment).
        await publisher.queue.put(Message(999_999, "MQONLY", "1", "fwwt", "{}"))
        await until(lambda: publisher.parked.get("MQONLY"))
        await engine.set_enabled("MQONLY", True)
        message = await asyncio.wait_for(reader.messages.get(), 5)
        assert json.loads(message.payload)["data"] == "{}"
    finally:
        await reader.disconnect()


async def test_replaying_an_mq_only_delivery_publishes_it_again(engine, broker, publisher):
    from app.delivery.dispatcher import Dispatcher
    from app.transport.http import HttpClient

    await engine.put_subscription(subscription("MQONLY"))
    reader = await integrator(broker, "MQONLY")
    http = HttpClient()
    await http.start()
    dispatcher = Dispatcher(engine, http, instance=engine.instance_id)
    try:
        await publisher.start()
        await dispatcher.start()
        accepted = await engine.submit(event())
        await asyncio.wait_for(reader.messages.get(), 5)
        delivery_id = accepted.deliveries[0].delivery_id
        await until(lambda: engine.store.delivery(delivery_id)["status"] == "delivered")
        assert await dispatcher.replay([delivery_id]) == 1
        await asyncio.wait_for(reader.messages.get(), 5)  # published once more
        await until(lambda: engine.store.delivery(delivery_id)["status"] == "delivered")
    finally:
        await dispatcher.stop()
        await http.close()
        await reader.disconnect()


async def test_a_broker_killed_mid_run_loses_nothing_for_an_integrator_away(engine, broker,
                                                                            publisher):
    """The integrator is away with a persistent session, so the broker holds its messages
    in memory; a SIGKILL throws that memory away. What the broker had acknowledged since its
    last save is published again after the restart."""
    import os
    import signal

    await engine.put_subscription(subscription("MQONLY"))
    account = broker.subscriber_account("MQONLY")

    def away_client():
        return MqttClient(broker.host, broker.port, username=account.username,
                          password=account.password, client_id="MQONLY", clean_session=False)

    reader = away_client()
    await reader.connect(5)
    await reader.subscribe("wo/push/MQONLY/#")
    await reader.disconnect()
    # Mosquitto writes its persistence file on SIGUSR1: the session and its subscription
    # are on disk before the run, as they would be a few seconds after subscribing.
    db = broker.directory / "data" / "mosquitto.db"
    saved_before = db.stat().st_mtime if db.exists() else 0
    os.kill(broker.status().pid, signal.SIGUSR1)
    await until(lambda: db.exists() and db.stat().st_mtime > saved_before)

    broker.on_restart.append(publisher.republish_since)
    await publisher.start()
    total = 600
    for i in range(total // 2):
        await engine.submit(event(i))
    await until(lambda: publisher.published >= total // 4)
    os.kill(broker.status().pid, signal.SIGKILL)  # mid-run, without a chance to save
    for i in range(total // 2, total):
        await engine.submit(event(i))
    await until(lambda: broker.restarts == 1 and publisher.republished > 0, 30)

    reader = away_client()
    await reader.connect(10)
    try:
        orders = set()
        while len(orders) < total:
            m = await asyncio.wait_for(reader.messages.get(), 15)
            orders.add(json.loads(json.loads(m.payload)["data"])["serviceOrderId"])
        assert orders == {f"O{i}" for i in range(total)}
    finally:
        await reader.disconnect()
