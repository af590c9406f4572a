"""The callback service against real HTTP on 127.0.0.1: simulated subscribers, a real
SQLite file, the real engine. Schedules are shortened to hundredths of a second; waits are on
conditions with time limits."""

from __future__ import annotations

import base64
import json
import os

import pytest
from standardwebhooks.webhooks import Webhook

from app.catalog.samples import sample
from app.delivery.dispatcher import Dispatcher
from app.events import DeliveryAttempted
from app.transport.http import HttpClient
from simulator.subscribers import Behaviour
from tests.conftest import subscription, until

FAST = [0, 0.05, 0.05]




@pytest.fixture
async def service(engine):
    http = HttpClient()
    await http.start()
    dispatcher = Dispatcher(engine, http, instance=engine.instance_id)
    await dispatcher.start()
    yield dispatcher
    await dispatcher.stop()
    await http.close()


def event(i=0, change_id="1"):
    return {"changeId": change_id, "dataArea": "fwwt",
            "data": sample(change_id, serviceOrderId=f"O{i}")}



def statuses(engine, base_code):
    return [d["status"] for d in reversed(engine.store.deliveries(base_code=base_code))]


async def test_a_signed_callback_arrives_and_is_recorded(engine, receivers, service):
    secret = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    sim = receivers.add("hrz", secret=secret)
    await engine.put_subscription(subscription("HRZ", callbackUrl=sim.url, secret=secret))
    attempted = []
    engine.bus.subscribe(DeliveryAttempted, attempted.append)

    accepted = await engine.submit(event())
    (received,) = await receivers.wait_for("hrz", 1)

    assert received.signature == "valid"
    body = Webhook(secret).verify(received.body, received.headers)  # as the receiver would
    assert body["baseCode"] == "" and body["changeId"] == "1" and body["dataArea"] == "fwwt"
    assert json.loads(body["data"])["serviceOrderId"] == "O0"  # a JSON string, per the table
    delivery_id = accepted.deliveries[0].delivery_id
    assert received.headers["webhook-id"] == f"msg_{engine.instance_id}_{delivery_id}"
    await until(lambda: statuses(engine, "HRZ") == ["delivered"])
    (attempt,) = engine.store.attempts(delivery_id)
    assert (attempt["status_code"], attempt["verdict"]) == (200, "delivered")
    assert '"received"' in attempt["response_body"]
    assert attempted[0].verdict == "delivered" and attempted[0].attempt == 1


async def test_object_encoding_and_the_base_code_on_request(engine, receivers, service):
    sim = receivers.add("obj")
    await engine.put_subscription(subscription("OBJ", callbackUrl=sim.url,
                                               dataEncoding="object", sendBaseCode=True))
    await engine.submit(event())
    (received,) = await receivers.wait_for("obj", 1)
    body = json.loads(received.body)
    assert body["baseCode"] == "OBJ" and body["data"]["serviceOrderId"] == "O0"
    assert received.signature == "unsigned"


async def test_a_failing_subscriber_recovers_with_the_same_webhook_id(engine, receivers, service):
    sim = receivers.add("flaky", Behaviour(statuses=[500, 503]))
    await engine.put_subscription(subscription("FLAKY", callbackUrl=sim.url,
                                               retrySchedule=FAST))
    accepted = await engine.submit(event())
    received = await receivers.wait_for("flaky", 3)
    assert [r.answered for r in received] == [500, 503, 200]
    assert len({r.headers["webhook-id"] for r in received}) == 1
    await until(lambda: statuses(engine, "FLAKY") == ["delivered"])
    attempts = engine.store.attempts(accepted.deliveries[0].delivery_id)
    assert [(a["attempt"], a["status_code"], a["verdict"]) for a in attempts] == [
        (1, 500, "retry"), (2, 503, "retry"), (3, 200, "delivered")]


async def test_exhausted_deliveries_fail_and_then_disable_the_subscription(engine, receivers,
                                                                           service):
    sim = receivers.add("down", Behaviour(status=500))
    await engine.put_subscription(subscription("DOWN", callbackUrl=sim.url,
                                               retrySchedule=[0, 0.02], autoDisableAfter=2))
    await engine.submit(event(1))
    # The store says failed a moment before the service's health notes it (it notes after
    # the result is durable): wait for both.
    await until(lambda: statuses(engine, "DOWN") == ["failed"]
                and service.health("DOWN")["exhaustedInARow"] == 1)
    await engine.submit(event(2))  # the second exhausted delivery: autoDisableAfter=2
    await until(lambda: not engine.index.get("DOWN").enabled)
    assert "2 deliveries in a row" in engine.index.get("DOWN").disabled_reason
    assert statuses(engine, "DOWN") == ["failed", "failed"]


async def test_auto_disable_can_be_turned_off(engine, receivers, service):
    sim = receivers.add("down", Behaviour(status=500))
    await engine.put_subscription(subscription("DOWN", callbackUrl=sim.url, retrySchedule=[0],
                                               autoDisableAfter=0))
    for i in range(3):
        await engine.submit(event(i))
    await until(lambda: statuses(engine, "DOWN") == ["failed"] * 3)
    assert engine.index.get("DOWN").enabled


async def test_410_disables_and_parks_until_enabled_again(engine, receivers, service):
    sim = receivers.add("leaving", Behaviour(statuses=[410]))
    await engine.put_subscription(subscription("LEAVING", callbackUrl=sim.url))
    await engine.submit(event(1))
    await until(lambda: not engine.index.get("LEAVING").enabled)
    assert "410 Gone" in engine.index.get("LEAVING").disabled_reason
    assert statuses(engine, "LEAVING") == ["failed"]

    # While disabled, the router skips it: a new event makes no delivery for it at all.
    sub = engine.index.get("LEAVING")
    await engine.put_subscription({**sub.to_json(reveal_secret=True), "enabled": False})
    await engine.submit(event(2))  # the router skips disabled subscriptions: no delivery
    assert statuses(engine, "LEAVING") == ["failed"]

    await engine.set_enabled("LEAVING", True)
    assert engine.index.get("LEAVING").disabled_reason is None
    await engine.submit(event(3))
    await receivers.wait_for("leaving", 2)
    await until(lambda: statuses(engine, "LEAVING") == ["failed", "delivered"])


async def test_retry_after_is_honoured(engine, receivers, service):
    sim = receivers.add("busy", Behaviour(statuses=[503], retry_after="1"))
    await engine.put_subscription(subscription("BUSY", callbackUrl=sim.url,
                                               retrySchedule=[0, 0.01]))
    await engine.submit(event())
    first, second = await receivers.wait_for("busy", 2, within=5)
    assert second.at - first.at >= 0.95


async def test_a_slow_subscriber_does_not_delay_another(engine, receivers, service):
    slow = receivers.add("slow", Behaviour(latency=1.0))
    fast = receivers.add("fast")
    await engine.put_subscription(subscription("SLOW", callbackUrl=slow.url, concurrency=1))
    await engine.put_subscription(subscription("FAST", callbackUrl=fast.url))
    for i in range(5):
        await engine.submit(event(i))
    await receivers.wait_for("fast", 5, within=3)
    # All five reached the fast subscriber while the slow one (1 s each, one at a time)
    # was still on its first or second.
    assert len(slow.received) <= 2


async def test_pending_deliveries_are_recovered_at_start(engine, receivers):
    sim = receivers.add("later")
    await engine.put_subscription(subscription("LATER", callbackUrl=sim.url))
    for i in range(20):
        await engine.submit(event(i))  # accepted while no callback service runs
    http = HttpClient()
    await http.start()
    dispatcher = Dispatcher(engine, http, instance=engine.instance_id)
    try:
        assert await dispatcher.start() == 20
        await receivers.wait_for("later", 20)
        await until(lambda: statuses(engine, "LATER") == ["delivered"] * 20)
        assert engine.store.outbox_low_water() >= 1
    finally:
        await dispatcher.stop()
        await http.close()


async def test_replay_sends_again_from_attempt_one(engine, receivers, service):
    sim = receivers.add("replay")
    await engine.put_subscription(subscription("REPLAY", callbackUrl=sim.url))
    accepted = await engine.submit(event())
    await receivers.wait_for("replay", 1)
    delivery_id = accepted.deliveries[0].delivery_id
    await until(lambda: statuses(engine, "REPLAY") == ["delivered"])
    assert await service.replay([delivery_id]) == 1
    second = (await receivers.wait_for("replay", 2))[1]
    assert second.headers["webhook-id"] == sim.received[0].headers["webhook-id"]
    await until(lambda: len(engine.store.attempts(delivery_id)) == 2)


async def test_mq_only_subscriptions_are_not_called_back(engine, receivers, service):
    await engine.put_subscription(subscription("MQONLY"))  # no callbackUrl
    accepted = await engine.submit(event())
    # Wait until the callback service has taken the job and let it go.
    await until(lambda: accepted.deliveries[0].delivery_id not in service.known
                and not service.lanes["MQONLY"].in_flight)
    assert statuses(engine, "MQONLY") == ["pending"]  # the MQ publisher's to deliver
    assert engine.store.attempts(accepted.deliveries[0].delivery_id) == []


async def test_a_callback_url_added_later_picks_up_what_was_waiting(engine, receivers,
                                                                    service):
    await engine.put_subscription(subscription("LATE"))  # MQ-only at first
    accepted = await engine.submit(event())
    delivery_id = accepted.deliveries[0].delivery_id
    await until(lambda: delivery_id not in service.known)  # let go: no callback URL
    sim = receivers.add("late")
    await engine.put_subscription(subscription("LATE", callbackUrl=sim.url))
    await receivers.wait_for("late", 1)
    await until(lambda: statuses(engine, "LATE") == ["delivered"])


async def test_removing_the_callback_url_completes_what_mq_already_published(engine,
                                                                             service):
    await engine.put_subscription(subscription("GOING", callbackUrl="http://127.0.0.1:9/x",
                                               retrySchedule=[0, 30]))
    accepted = await engine.submit(event())
    delivery_id = accepted.deliveries[0].delivery_id
    # Published to its MQ topic while it still had a callback URL: not done by that alone.
    await engine.writer.call(lambda s: s.mark_published([(delivery_id, 1.0, False)]))
    await until(lambda: len(engine.store.attempts(delivery_id)) == 1)  # the callback failed
    await engine.put_subscription(subscription("GOING"))  # now MQ-only: no 30 s wait
    await until(lambda: statuses(engine, "GOING") == ["delivered"], within=5)


def order_and_change(request):
    data = json.loads(json.loads(request.body)["data"])
    return data["serviceOrderId"], json.loads(request.body)["changeId"]


async def test_per_order_ordering_holds_an_order_back_and_no_other(engine, receivers, service):
    sim = receivers.add("ordered", Behaviour(statuses=[500]))
    await engine.put_subscription(subscription("ORDERED", callbackUrl=sim.url,
                                               retrySchedule=[0, 1.0], ordering="per-order"))
    for change_id in ("1", "5", "3"):
        await engine.submit(event(1, change_id))
    await receivers.wait_for("ordered", 1)  # O1's first: answered 500, retried in 1 s
    assert service.health("ORDERED")["heldForOrder"] == 2
    for change_id in ("1", "5"):
        await engine.submit(event(2, change_id))
    await receivers.wait_for("ordered", 6, within=10)
    seen = [order_and_change(r) for r in sim.received]
    # O2 went out while O1 waited for its retry; O1's events in the order accepted, the
    # second only after the first was delivered.
    assert seen == [("O1", "1"), ("O2", "1"), ("O2", "5"), ("O1", "1"), ("O1", "5"),
                    ("O1", "3")]
    await until(lambda: statuses(engine, "ORDERED") == ["delivered"] * 5)
    assert service.health("ORDERED")["heldForOrder"] == 0


async def test_without_ordering_later_events_overtake_a_retry(engine, receivers, service):
    sim = receivers.add("unordered", Behaviour(statuses=[500]))
    await engine.put_subscription(subscription("FREE", callbackUrl=sim.url,
                                               retrySchedule=[0, 1.0]))
    for change_id in ("1", "5"):
        await engine.submit(event(1, change_id))
    await receivers.wait_for("unordered", 3, within=5)
    assert [order_and_change(r) for r in sim.received] == [("O1", "1"), ("O1", "5"),
                                                           ("O1", "1")]


async def test_switching_ordering_off_lets_held_deliveries_go(engine, receivers, service):
    sim = receivers.add("ordered", Behaviour(statuses=[500]))
    doc = subscription("ORDERED", callbackUrl=sim.url, retrySchedule=[0, 30],
                       ordering="per-order")
    await engine.put_subscription(doc)
    for change_id in ("1", "5", "3"):
        await engine.submit(event(1, change_id))
    await receivers.wait_for("ordered", 1)
    await engine.put_subscription({**doc, "ordering": "none"})
    await receivers.wait_for("ordered", 3)
    assert service.health("ORDERED")["heldForOrder"] == 0
