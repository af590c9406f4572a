"""The UI tests read the texts a user reads: English with its plural forms ("1 row",
"2 rows"), from the shipped translations, as the app installs them. ``window`` is the whole
app as it starts, on a real platform."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QSettings

from app.bus import EventBus
from app.live import LiveFeed
from simulator.subscribers import SubscriberHost
from ui import i18n
from ui.app import start_platform
from ui.main_window import MainWindow


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    translations = i18n.Translations()
    assert translations.switch("en"), "the English translations did not load"
    return translations


@pytest.fixture
async def window(qtbot, tmp_path):
    """The window with its platform up, as the app starts it (simulated subscribers on)."""
    bus = EventBus()
    window = MainWindow(LiveFeed(bus), settings=QSettings(str(tmp_path / "ui.ini"),
                                                           QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    args = argparse.Namespace(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path),
                              mqtt_port=0)
    platform = await start_platform(args, window, bus, SubscriberHost)
    assert platform is not None
    yield window
    window.detach()
    await platform.stop()
