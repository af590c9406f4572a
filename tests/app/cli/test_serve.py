"""``python main.py serve`` as a user runs it: a real process, real HTTP on 127.0.0.1, a real
SQLite file; receivers in this test process, so that they outlive a kill -9 of the server."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from contextlib import asynccontextmanager

import pytest

from app.catalog.samples import sample
from simulator.subscribers import Behaviour
from tests.conftest import ROOT


@asynccontextmanager
async def served(data_dir, *extra):
    process = await asyncio.create_subprocess_exec(
        sys.executable, "main.py", "serve", "--http", "127.0.0.1:0", "--data-dir",
        str(data_dir), *extra, cwd=ROOT, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = await asyncio.wait_for(process.stdout.readline(), 30)
        assert line, (await process.stderr.read()).decode()
        ready = json.loads(line)
        ready["process"] = process
        yield ready
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 30)


class Api:
    def __init__(self, ready, client):
        self.base, self.client = ready["http"], client
        self.auth = {"Authorization": f"Bearer {ready['token']}"}

    async def call(self, method, path, body=None, auth=True):
        data = body if isinstance(body, bytes) else json.dumps(body).encode() if body else b""
        if method == "GET":
            import aiohttp
            async with aiohttp.ClientSession() as session, session.get(
                    self.base + path, headers=self.auth if auth else {}) as r:
                return r.status, await r.json(content_type=None)
        result = await self.client.post(self.base + path, data,
                                        self.auth if auth else {}, 30)
        return result.status, json.loads(result.body_head or b"null")






async def test_the_ready_line_and_a_clean_stop(tmp_path):
    async with served(tmp_path) as ready:
        assert set(ready) >= {"event", "http", "mqtt", "token", "db"}
        assert ready["event"] == "ready" and ready["http"].startswith("http://127.0.0.1:")
        assert ready["db"] == str(tmp_path / "push-studio.db")
        assert (tmp_path / "api-token").read_text().strip() == ready["token"]
        assert oct((tmp_path / "api-token").stat().st_mode)[-3:] == "600"
        process = ready["process"]
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0
        assert json.loads(await process.stdout.readline()) == {"event": "stopped"}


async def test_an_event_over_http_reaches_a_signed_callback(tmp_path, client, receivers):
    import base64

    from standardwebhooks.webhooks import Webhook

    secret = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    sim = receivers.add("hrz", Behaviour(statuses=[500]), secret=secret)
    async with served(tmp_path) as ready:
        api = Api(ready, client)
        status, _ = await api.call("POST", "/api/subscriptions", {
            "baseCode": "HRZDWYWHXT", "dataAreas": ["fwwt"], "changeIds": ["1"],
            "callbackUrl": sim.url, "secret": secret, "retrySchedule": [0, 0.1]})
        assert status == 201
        status, accepted = await api.call("POST", "/api/events", {
            "changeId": "1", "dataArea": "fwwt", "data": json.dumps(sample("1"))})
        assert status == 202 and accepted["deliveries"][0]["baseCode"] == "HRZDWYWHXT"
        first, second = await receivers.wait_for("hrz", 2)
        assert (first.answered, second.answered) == (500, 200)
        assert first.headers["webhook-id"] == second.headers["webhook-id"]
        body = Webhook(secret).verify(second.body, second.headers)
        assert json.loads(body["data"])["serviceOrderId"] == "4503599741262301"
        delivery_id = accepted["deliveries"][0]["id"]
        for _ in range(100):
            status, delivery = await api.call("GET", f"/api/deliveries/{delivery_id}")
            if delivery["status"] == "delivered":
                break
            await asyncio.sleep(0.05)
        assert [a["status_code"] for a in delivery["attempts"]] == [500, 200]


async def test_bad_input_changes_nothing(tmp_path, client):
    async with served(tmp_path) as ready:
        api = Api(ready, client)
        assert (await api.call("GET", "/api/health", auth=False))[0] == 200
        assert (await api.call("GET", "/api/subscriptions", auth=False))[0] == 401
        status, body = await api.call("POST", "/api/events", b'{"changeId": ')
        assert status == 400 and "line 1 column" in body["errors"][0]["message"]
        assert (await api.call("POST", "/api/events", b"x" * 2_000_000))[0] == 413
        status, body = await api.call("POST", "/api/subscriptions", {"baseCode": "A/B"})
        assert status == 422 and {e["path"] for e in body["errors"]} >= {"baseCode",
                                                                        "dataAreas"}
        assert (await api.call("GET", "/api/events/12345"))[0] == 404
        assert (await api.call("GET", "/api/nowhere"))[0] == 404
        status, subs = await api.call("GET", "/api/subscriptions")
        assert (status, subs) == (200, [])
        status, spec = await api.call("GET", "/api/openapi.json", auth=False)
        assert status == 200 and "/api/events" in spec["paths"]


@pytest.mark.slow
async def test_kill_9_during_10000_deliveries_loses_none(tmp_path, client, receivers):
    subscribers = [f"S{i}" for i in range(10)]
    for name in subscribers:  # 10 lanes x 4 workers / 20 ms: about 5 s of delivering
        receivers.add(name, Behaviour(latency=0.02))
    events = 1000
    async with served(tmp_path) as ready:
        api = Api(ready, client)
        for name in subscribers:
            await api.call("POST", "/api/subscriptions", {
                "baseCode": name, "dataAreas": ["fwwt"], "changeIds": ["4"],
                "callbackUrl": receivers.subscribers[name].url})
        async def post(i):
            status, _ = await api.call("POST", "/api/events", {
                "changeId": "4", "dataArea": "fwwt",
                "data": sample("4", serviceOrderId=f"K{i}")})
            assert status == 202

        for start in range(0, events, 50):
            await asyncio.gather(*(post(i) for i in range(start, start + 50)))
        # Kill it mid-delivery, with no chance to finish anything.
        await receivers.wait_until(lambda: sum(
            len(s.received) for s in receivers.subscribers.values()) >= 2000, 60)
        ready["process"].kill()
        await ready["process"].wait()
    delivered_before = sum(len(s.received) for s in receivers.subscribers.values())
    assert delivered_before < 10 * events, "the kill came too late to prove anything"

    async with served(tmp_path) as ready:
        assert ready["recovered"] > 0
        for name in subscribers:
            sub = receivers.subscribers[name]
            await receivers.wait_until(lambda sub=sub: len(
                {r.headers["webhook-id"] for r in sub.received}) == events, 120)
            orders = {json.loads(json.loads(r.body)["data"])["serviceOrderId"]
                      for r in sub.received}
            assert len(orders) == events  # every event, to every subscriber
        # Sent twice only what was in flight at the kill: 4 per subscriber at the most.
        duplicates = sum(len(s.received) - len({r.headers["webhook-id"] for r in s.received})
                         for s in receivers.subscribers.values())
        assert duplicates <= len(subscribers) * 4
        api = Api(ready, client)
        for _ in range(200):
            _, pending = await api.call("GET", "/api/deliveries?status=pending&limit=1")
            if not pending:
                break
            await asyncio.sleep(0.05)
        assert pending == []



needs_mosquitto = pytest.mark.skipif(
    __import__("app.broker.managed", fromlist=["find_mosquitto"]).find_mosquitto() is None,
    reason="mosquitto not installed")


@needs_mosquitto
async def test_an_integrator_reads_its_topic_with_the_credentials_the_api_shows(tmp_path,
                                                                                client):
    from app.transport.mqtt import MqttClient

    async with served(tmp_path) as ready:
        assert ready["mqtt"]["host"] == "127.0.0.1" and ready["mqtt"]["port"] > 0
        api = Api(ready, client)
        await api.call("POST", "/api/subscriptions", {
            "baseCode": "HRZDWYWHXT", "dataAreas": ["fwwt"], "changeIds": ["4"]})
        _, sub = await api.call("GET", "/api/subscriptions/HRZDWYWHXT")
        creds = sub["mqtt"]
        assert creds["topic"] == "wo/push/HRZDWYWHXT/#" and creds["port"] == ready["mqtt"]["port"]
        integrator = MqttClient(creds["host"], creds["port"], username=creds["username"],
                                password=creds["password"], client_id=creds["clientId"])
        await integrator.connect(10)
        try:
            await integrator.subscribe(creds["topic"])
            _, accepted = await api.call("POST", "/api/events", {
                "changeId": "4", "dataArea": "fwwt", "data": sample("4")})
            message = await asyncio.wait_for(integrator.messages.get(), 10)
            assert message.topic == "wo/push/HRZDWYWHXT/fwwt"
            assert json.loads(message.payload)["changeId"] == "4"
            delivery_id = accepted["deliveries"][0]["id"]
            for _ in range(100):  # MQ-only: delivered once the broker acknowledged it
                _, delivery = await api.call("GET", f"/api/deliveries/{delivery_id}")
                if delivery["status"] == "delivered":
                    break
                await asyncio.sleep(0.05)
            assert delivery["status"] == "delivered" and delivery["mq_published_at"]
        finally:
            await integrator.disconnect()


async def test_without_mosquitto_it_runs_http_only_and_says_how_to_install_it(tmp_path,
                                                                               client):
    async with served(tmp_path, "--mosquitto", "/nowhere/mosquitto") as ready:
        assert ready["mqtt"] is None
        assert "apt-get install mosquitto" in ready["broker"]["problem"]
        # An MQ-only subscription's deliveries wait for a broker: counted, not silent.
        api = Api(ready, client)
        await api.call("POST", "/api/subscriptions", {
            "baseCode": "MQONLY", "dataAreas": ["fwwt"], "changeIds": ["4"]})
        status, _ = await api.call("POST", "/api/events", {
            "changeId": "4", "dataArea": "fwwt", "data": sample("4")})
        assert status == 202
        _, health = await api.call("GET", "/api/health")
        assert health["mqWaiting"] == 1 and health["counts"]["deliveries_pending"] == 1


@needs_mosquitto
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
async def test_kill_9_of_serve_leaves_no_broker(tmp_path):
    async with served(tmp_path) as ready:
        pid = ready["broker"]["pid"]
        ready["process"].kill()
        await ready["process"].wait()
        for _ in range(200):
            if not _alive(pid):
                break
            await asyncio.sleep(0.05)
        else:
            pytest.fail("the broker outlived serve")


def _alive(pid: int) -> bool:
    from pathlib import Path

    stat = Path(f"/proc/{pid}/stat")
    try:
        return " Z " not in stat.read_text()
    except OSError:
        return False


async def test_a_clean_stop_never_fails_an_in_flight_delivery(tmp_path, client):
    """SIGTERM while a callback to a simulated subscriber hangs: the receivers outlive the
    sender, so the delivery stays pending for the next start instead of failing."""
    import sqlite3

    async with served(tmp_path) as ready:
        api = Api(ready, client)
        _, sim = await api.call("POST", "/api/simulators", {"name": "slow", "hang": True})
        await api.call("POST", "/api/subscriptions", {
            "baseCode": "SLOW", "dataAreas": ["fwwt"], "changeIds": ["4"],
            "callbackUrl": sim["url"], "retrySchedule": [0]})
        await api.call("POST", "/api/events", {"changeId": "4", "dataArea": "fwwt",
                                               "data": sample("4")})
        for _ in range(200):  # until the callback is on its way
            _, seen = await api.call("GET", "/api/simulators/slow/requests")
            if seen:
                break
            await asyncio.sleep(0.02)
        assert seen
        ready["process"].send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(ready["process"].wait(), 30) == 0
    conn = sqlite3.connect(tmp_path / "push-studio.db")
    try:
        assert conn.execute("SELECT status FROM deliveries").fetchall() == [("pending",)]
    finally:
        conn.close()


async def test_health_without_the_token_reveals_nothing(tmp_path, client):
    async with served(tmp_path) as ready:
        api = Api(ready, client)
        assert await api.call("GET", "/api/health", auth=False) == (200, {"status": "ok"})
        status, full = await api.call("GET", "/api/health")
        assert status == 200 and "db" in full and "broker" in full


@needs_mosquitto
async def test_im_users_notifications_and_pushes_over_the_api(tmp_path, client):
    async with served(tmp_path) as ready:
        api = Api(ready, client)
        status, created = await api.call("POST", "/api/users", {
            "userID": "e1", "name": "李专家", "role": "expert", "platform": "android"})
        assert status == 201 and len(created["authSign"]) == 64
        mqtt = created["mqtt"]
        assert (mqtt["clientId"], mqtt["username"], mqtt["password"]) == (
            "e1", "e1", created["authSign"])
        assert mqtt["keepalive"] == 30 and mqtt["cleanSession"] is False
        assert mqtt["port"] == ready["mqtt"]["port"]
        status, body = await api.call("POST", "/api/users", {"userID": "a/b"})
        assert status == 422 and body["errors"][0]["path"] == "userID"
        await api.call("POST", "/api/subscriptions", {
            "baseCode": "HRZ", "dataAreas": ["fwwt"], "changeIds": ["1"]})
        status, body = await api.call("POST", "/api/users", {"userID": "HRZ"})
        assert status == 422 and "baseCode" in body["errors"][0]["message"]

        # e1 has never connected: offline, so the notification is also a push.
        status, sent = await api.call("POST", "/api/im/notifications", {
            "type": "order", "to": "e1", "payload": {"status": "paid", "o_id": "O9"}})
        assert status == 202 and sent["online"] is False
        assert sent["push"]["payload"]["extra"] == {"o_id": "O9", "status": "paid"}
        status, body = await api.call("POST", "/api/im/notifications", {
            "type": "order", "to": "e1", "payload": {"status": "confirmed", "o_id": "O9"}})
        assert status == 422 and body["errors"][0]["path"] == "to"  # confirmed → a user
        _, pushes = await api.call("GET", "/api/pushes?userID=e1")
        assert [p["payload"]["body"]["text"] for p in pushes] == ["用户已支付，可以沟通"]
        _, users = await api.call("GET", "/api/users")
        assert users == [{**{k: created[k] for k in ("userID", "name", "role", "platform",
                                                      "channel", "appVersion", "encoding",
                                                      "generation")}, "online": False}]
        _, log = await api.call("GET", "/api/im/messages?userID=e1")
        assert log[0]["status"] == "queued" and log[0]["type"] == "order"


async def test_without_a_broker_the_im_api_says_why(tmp_path, client):
    async with served(tmp_path, "--mosquitto", "/nowhere/mosquitto") as ready:
        status, body = await Api(ready, client).call("POST", "/api/users", {"userID": "u1"})
        assert status == 503 and "needs an MQTT broker" in body["errors"][0]["message"]


async def test_simulated_app_users_over_the_api(tmp_path, client):
    async with served(tmp_path) as ready:
        api = Api(ready, client)
        status, made = await api.call("POST", "/api/simulated-users", {
            "count": 2, "prefix": "p", "role": "user"})
        assert status == 201 and [u["state"] for u in made] == ["online", "online"]
        await api.call("POST", "/api/simulated-users", {"count": 1, "prefix": "x",
                                                        "role": "expert"})
        _, users = await api.call("GET", "/api/users")
        assert {u["userID"] for u in users} == {"p0001", "p0002", "x0001"}
        status, body = await api.call("POST", "/api/simulated-users", {"count": 1,
                                                                       "prefx": "q"})
        assert status == 422 and body["errors"][0]["path"] == "prefx"
        status, sent = await api.call("POST", "/api/simulated-users/p0001/chat",
                                      {"to": "x0001", "content": "你好"})
        assert status == 200 and len(sent["msgid"]) == 24
        for _ in range(200):
            _, seen = await api.call("GET", "/api/simulated-users/p0001/messages")
            if {m["type"] for m in seen} == {"sent", "received"}:
                break
            await asyncio.sleep(0.02)
        assert {m["type"] for m in seen} == {"sent", "received"}
        status, body = await api.call("POST", "/api/simulated-users/p0001/dance")
        assert status == 404 and body["errors"][0]["path"] == "action"
        status, _ = await api.call("GET", "/api/simulated-users/nobody/messages")
        assert status == 404
        status, gone = await api.call("POST", "/api/simulated-users/x0001/offline",
                                      {"drop": True})
        assert status == 200 and gone["state"] == "offline"
