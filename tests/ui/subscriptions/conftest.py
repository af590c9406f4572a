"""What the Subscriptions panel's tests stand on: the real engine on a real SQLite file,
real simulated subscribers on 127.0.0.1 and, where a test needs deliveries, the real
callback service — gathered as the platform holds them (no broker: MQ parts absent)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from app.delivery.dispatcher import Dispatcher
from app.engine import Engine
from app.platform import MqSide
from app.transport.http import HttpClient


@dataclass
class Hosted:
    """The attributes of app.platform.Platform the panel reads, over real parts."""

    engine: Engine
    sims: Any = None
    dispatcher: Dispatcher | None = None
    mq: MqSide = field(default_factory=MqSide)
    im: Any = None
    phones: Any = None


@pytest.fixture
def hosted(engine: Engine, receivers: Any) -> Hosted:
    return Hosted(engine, sims=receivers)


@pytest.fixture
async def delivering(hosted: Hosted) -> Any:
    """``hosted`` with the callback service running."""
    http = HttpClient()
    await http.start()
    hosted.dispatcher = Dispatcher(hosted.engine, http, instance=hosted.engine.instance_id)
    await hosted.dispatcher.start()
    yield hosted
    await hosted.dispatcher.stop()
    await http.close()
