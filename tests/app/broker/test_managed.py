"""The managed Mosquitto, for real: started on a free port in a temporary data dir."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.broker.managed import BrokerUnavailable, ManagedBroker, find_mosquitto
from app.transport.mqtt import MqttClient, MqttError
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")


@pytest.fixture
async def broker(start_broker):
    return await start_broker("HRZ", "OTHER")




async def client(broker, account=None, **kw):
    c = MqttClient(broker.host, broker.port, username=account.username if account else None,
                   password=account.password if account else None, **kw)
    await c.connect(5)
    return c


async def test_an_integrator_reads_its_own_topic_and_only_that(broker):
    service = await client(broker, broker.service)
    hrz = await client(broker, broker.subscriber_account("HRZ"))
    try:
        assert await hrz.subscribe("wo/push/HRZ/#") == 1
        # Another's topic, or everyone's, is refused in the SUBACK.
        for topic in ("wo/push/OTHER/#", "wo/push/#", "#", "wo/push/+/fwwt"):
            with pytest.raises(MqttError, match="refused the subscription"):
                await hrz.subscribe(topic)
        await service.publish("wo/push/OTHER/fwwt", b"not yours")
        await service.publish("wo/push/HRZ/fwwt", b'{"changeId":"1"}')
        message = await asyncio.wait_for(hrz.messages.get(), 5)
        # QoS 1 from one publisher arrives in order: had "not yours" been let through, it
        # would be first.
        assert (message.topic, message.payload, message.qos) == (
            "wo/push/HRZ/fwwt", b'{"changeId":"1"}', 1)
    finally:
        await hrz.disconnect()
        await service.disconnect()


async def test_publishing_into_a_subscriber_topic_is_not_for_subscribers(broker):
    hrz = await client(broker, broker.subscriber_account("HRZ"))
    other = await client(broker, broker.subscriber_account("OTHER"))
    try:
        await other.subscribe("wo/push/OTHER/#")
        await hrz.publish("wo/push/OTHER/fwwt", b"forged")  # acknowledged, then dropped
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(other.messages.get(), 0.5)
    finally:
        await hrz.disconnect()
        await other.disconnect()


@pytest.mark.parametrize("who", ["anonymous", "wrong password", "unknown user"])
async def test_strangers_are_refused(broker, who):
    from app.broker.accounts import Account

    account = {"anonymous": None, "wrong password": Account("HRZ", "guess"),
               "unknown user": Account("NOBODY", "x")}[who]
    with pytest.raises(MqttError, match="refused the connection"):
        await client(broker, account)


async def test_accounts_change_while_the_broker_runs(broker):
    old = await client(broker, broker.subscriber_account("OTHER"))
    broker.set_subscribers(["HRZ", "NEW"])
    await broker.sync()
    c = await client(broker, broker.subscriber_account("NEW"))
    await c.disconnect()
    with pytest.raises(MqttError, match="refused the connection"):  # removed: refused
        await client(broker, broker.subscriber_account("OTHER"))
    await old.disconnect()


async def test_im_users_are_bound_to_their_client_id_and_confined(broker):
    broker.set_im_users({"u1": "sign-1", "u2": "sign-2"})
    await broker.sync()
    from app.broker.accounts import Account

    with pytest.raises(MqttError, match="refused the connection"):  # wrong authSign
        await client(broker, Account("u1", "sign-2"), client_id="u1")
    with pytest.raises(MqttError, match="refused the connection"):  # clientid ≠ username
        await client(broker, Account("u1", "sign-1"), client_id="someone-else")
    u1 = await client(broker, Account("u1", "sign-1"), client_id="u1")
    u2 = await client(broker, Account("u2", "sign-2"), client_id="u2")
    server = await client(broker, broker.im_server, client_id="imserver")
    try:
        assert await u1.subscribe("$sktalent/clients/u1") == 1
        with pytest.raises(MqttError, match="refused the subscription"):
            await u1.subscribe("$sktalent/clients/u2")
        with pytest.raises(MqttError, match="refused the subscription"):
            await u1.subscribe("$sktalent/server/mqttserver")
        await server.subscribe("$sktalent/server/mqttserver")
        await u2.subscribe("$sktalent/clients/u2")
        await u1.publish("$sktalent/clients/u2", b"forged")  # acknowledged, never delivered
        await u1.publish("$sktalent/server/mqttserver", b"to the server")
        message = await asyncio.wait_for(server.messages.get(), 5)
        assert message.payload == b"to the server"
        await server.publish("$sktalent/clients/u2", b"from the server")
        message = await asyncio.wait_for(u2.messages.get(), 5)
        assert message.payload == b"from the server"  # "forged" never came first
    finally:
        for c in (u1, u2, server):
            await c.disconnect()


async def test_a_dead_broker_is_started_again(broker):
    pid = broker.status().pid
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 15
    while not (broker.status().running and broker.status().pid != pid):
        assert time.monotonic() < deadline, "the broker was not restarted"
        await asyncio.sleep(0.1)
    assert broker.restarts == 1
    c = await client(broker, broker.service)
    await c.disconnect()


async def test_stop_leaves_nothing_running(tmp_path):
    b = ManagedBroker(tmp_path)
    await b.start()
    pid = b.status().pid
    await b.stop()
    assert not _alive(pid)
    assert not (tmp_path / "broker" / "mosquitto.pid").exists()
    assert "mosquitto version" in (tmp_path / "broker" / "mosquitto.log").read_text()


async def test_without_mosquitto_the_error_says_how_to_install_it(tmp_path):
    b = ManagedBroker(tmp_path, binary="/nowhere/mosquitto")
    with pytest.raises(BrokerUnavailable, match="apt-get install mosquitto"):
        await b.start()


CHILD = """
import asyncio, sys
from pathlib import Path
from app.broker.managed import ManagedBroker

async def main():
    broker = ManagedBroker(Path(sys.argv[1]))
    await broker.start()
    print(broker.status().pid, flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
def test_killing_the_app_takes_the_broker_with_it(tmp_path):
    app = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path)], cwd=ROOT,
                           stdout=subprocess.PIPE, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        broker_pid = int(app.stdout.readline())
        assert Path(f"/proc/{broker_pid}").exists()
        app.kill()  # SIGKILL: no clean-up code runs in the app
        app.wait(10)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{broker_pid}").exists() and not _zombie(broker_pid):
            assert time.monotonic() < deadline, "the broker outlived the app"
            time.sleep(0.05)
    finally:
        if app.poll() is None:
            app.kill()


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and not _zombie(pid)


def _zombie(pid: int) -> bool:
    try:
        return " Z " in Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True


@pytest.mark.skipif(os.name != "posix", reason="process groups are POSIX")
async def test_ctrl_c_at_the_terminal_is_ours_to_handle_not_the_brokers(broker):
    # The terminal signals its whole foreground group; the broker must not be in ours, or
    # it dies under a clean stop and the watchdog restarts it.
    assert os.getpgid(broker.status().pid) != os.getpgid(0)
