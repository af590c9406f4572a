"""The platform the scenarios play against in these tests: the one `scenario run` starts for
itself — engine, managed Mosquitto, callback service, simulated subscribers and phones."""

from __future__ import annotations

from typing import Any

import pytest

from app.broker.managed import find_mosquitto
from app.platform import Options, Platform
from simulator.api_client import PlatformClient
from simulator.app_users import AppUserCrowd
from simulator.subscribers import SubscriberHost


@pytest.fixture
async def platform(tmp_path: Any) -> Any:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed")
    p = Platform(Options(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path),
                         http_port=0), simulators=SubscriberHost, crowd=AppUserCrowd)
    await p.start()
    yield p
    await p.stop()


@pytest.fixture
async def api(platform: Platform) -> Any:
    assert platform.server is not None
    async with PlatformClient(platform.server.url, platform.token) as client:
        yield client
