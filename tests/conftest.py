"""Fixtures shared by every tier: a real SQLite file per test, the shipped catalogue, an
engine over them. Nothing here is a mock: these are the parts the product runs on."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.broker.managed import ManagedBroker
from app.catalog import Catalog, default_catalog
from app.engine import Engine
from app.transport.http import HttpClient
from simulator.subscribers import SubscriberHost

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "resources" / "examples" / "workorder"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped catalogue; immutable, so one for the whole session."""
    return default_catalog()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "push-studio.db"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    """An open engine over a fresh database file (writer thread running)."""
    eng = Engine(db_path).open()
    try:
        yield eng
    finally:
        eng.close()


@pytest.fixture
async def client() -> Any:
    """A real HTTP client (the one the callback service uses)."""
    c = HttpClient()
    await c.start()
    yield c
    await c.close()


@pytest.fixture
async def receivers() -> Any:
    """Simulated subscriber systems on 127.0.0.1 (seeded, so failure rates repeat)."""
    host = await SubscriberHost(seed=5).start()
    yield host
    await host.stop()


@pytest.fixture
async def start_broker(tmp_path: Path) -> Any:
    """Start a managed Mosquitto on a free port that lets these subscribers connect; every
    broker started is stopped at the end of the test."""
    started: list[ManagedBroker] = []

    async def start(*subscribers: str) -> ManagedBroker:
        broker = ManagedBroker(tmp_path / f"broker-{len(started)}")
        broker.set_subscribers(subscribers)
        await broker.start()
        started.append(broker)
        return broker

    yield start
    for broker in started:
        await broker.stop()


@pytest.fixture
async def im(engine: Engine, start_broker: Any) -> Any:
    """The IM server on a managed Mosquitto, wired as serve wires it (``.broker`` is it)."""
    from app.im.service import ImService
    from app.transport.mqtt_loop import long_lived_client

    broker = await start_broker()
    client = long_lived_client(broker.host, broker.port, username=broker.im_server.username,
                               password=broker.im_server.password, client_id="imserver")
    await client.connect(5)
    service = ImService(engine, client, secret="test-secret", host=broker.host,
                        port=broker.port, online=broker.online,
                        accounts=broker.put_im_users)
    await service.start()
    service.broker = broker  # type: ignore[attr-defined]
    yield service
    await service.stop()
    await client.disconnect()


def example(name: str) -> Any:
    """A spec example shipped in resources/examples/workorder, decoded."""
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def subscription(base_code: str = "HRZDWYWHXT", **fields: Any) -> dict[str, Any]:
    """A subscription's JSON form with sensible defaults, overridable per field."""
    doc: dict[str, Any] = {"baseCode": base_code, "name": f"{base_code} system",
                           "dataAreas": ["fwwt"], "changeIds": ["1", "5", "2", "3"]}
    doc.update(fields)
    return doc


async def until(condition: Callable[[], object], within: float = 10.0) -> None:
    """Wait for a condition that no event announces (another process's doing, a counter on
    paho's side), polling with a deadline — never a bare sleep."""
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)
