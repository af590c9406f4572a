"""What the Compose panel's tests stand on: the real engine on a real SQLite file, held as
the platform holds it (the panel reads only ``platform.engine``), and templates in a
settings file of the test's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from app.engine import Engine
from app.wecom.service import KfService
from ui.compose.panel import ComposePanel
from ui.compose.templates import Templates
from ui.hub import Hub


@dataclass
class Hosted:
    """The attributes of app.platform.Platform the panel reads, over the real engine (the IM
    server and its phones absent: tests/ui/compose/test_rich.py starts a whole platform)."""

    engine: Engine
    wecom: Any = None
    im: Any = None
    phones: Any = None


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def hub() -> Hub:
    return Hub()


@pytest.fixture
def panel(qtbot, hub: Hub, engine: Engine, settings: QSettings) -> ComposePanel:
    """The panel attached to a real engine, at a dock's size."""
    p = ComposePanel(hub)
    p.templates = Templates(settings)
    qtbot.addWidget(p)
    p.resize(520, 760)
    p.attach(Hosted(engine, wecom=KfService(engine).start()))  # type: ignore[arg-type]
    return p
