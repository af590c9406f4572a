"""A real platform for the Users panel's tests: managed Mosquitto, the IM server and the crowd
of simulated phones, as the desktop app hosts them."""

from __future__ import annotations

from typing import Any

import pytest

from app.broker.managed import find_mosquitto
from app.platform import Options, Platform
from simulator.app_users import AppUserCrowd
from ui.hub import Hub
from ui.users.panel import UsersPanel


@pytest.fixture
async def platform(tmp_path: Any) -> Any:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed")
    p = Platform(Options(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path),
                         http_port=0), crowd=AppUserCrowd)
    await p.start()
    yield p
    await p.stop()


@pytest.fixture
async def panel(qtbot: Any, platform: Platform) -> Any:
    widget = UsersPanel(Hub())
    qtbot.addWidget(widget)
    widget.resize(520, 760)
    widget.show()
    widget.attach(platform)
    yield widget
    widget.detach()
