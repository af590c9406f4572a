"""The screenshot command end to end: the real platform with the demo world, the real window,
PNG files that hold a picture (one language and theme here; the command does all four)."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtGui import QImage

from app.broker.managed import find_mosquitto
from simulator.app_users import AppUserCrowd
from simulator.subscribers import SubscriberHost
from ui import screenshots, theme


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_every_panel_is_pictured_with_the_demo_world(qapp, tmp_path, monkeypatch, english):
    monkeypatch.setattr(screenshots, "LANGUAGES", ("zh_CN",))
    monkeypatch.setattr(screenshots, "THEMES", ("dark",))
    args = argparse.Namespace(db_path=tmp_path / "d" / "push-studio.db",
                              data_dir=str(tmp_path / "d"), mqtt_port=0)
    try:
        written = await screenshots.shoot(args, tmp_path / "shots", SubscriberHost,
                                          AppUserCrowd)
    finally:
        english.switch("en")
        theme.apply(qapp, "light")
    names = sorted(p.name for p in written)
    assert names == sorted(f"zh_CN-dark-{n}.png" for n in
                           ("window", "compose", "subscriptions", "timeline", "flow", "users",
                            "scenarios", "inspector",
                            *(f"compose-{f}" for f in screenshots.FAMILIES), "timeline-wecom"))
    for path in written:
        image = QImage(str(path))
        assert image.width() >= 800 and image.height() >= 600, path
        assert image.pixelColor(5, image.height() // 2).lightness() < 100, path  # dark
