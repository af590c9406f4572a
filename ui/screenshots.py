"""``python main.py screenshots DIR``: the app on a virtual screen with the demo world
(ui/demo.py), a PNG of the window and of every panel, in both languages and both themes.

    DIR/<lang>-<theme>-window.png      the whole window
    DIR/<lang>-<theme>-<panel>.png     one panel, floated to a readable size
    DIR/<lang>-<theme>-compose-<family>.png   Compose showing another family's composer
    DIR/<lang>-<theme>-timeline-wecom.png     an order opened from a WeCom message

The platform runs on a fresh data directory (a temporary one unless --data-dir is given) with
its managed Mosquitto, so the pictures show real deliveries, not drawings of them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The sample the Scenarios panel runs for its picture (a finished report): quick, and its
#: subscriber (GONE) is its own, so the demo world's stay as they are.
SCENARIO = "04-gone-410.yaml"
WINDOW_SIZE = (1600, 1000)
PANEL_SIZE = (1280, 820)
LANGUAGES = ("zh_CN", "en")
#: The other message families' composers, pictured beside the work-order one.
FAMILIES = ("org", "wecom", "rich")
THEMES = ("light", "dark")


def run(args: argparse.Namespace, simulators: Callable[[], Any] | None,
        crowd: Callable[..., Any] | None) -> int:
    from ui.app import unattended_loop

    out = Path(args.dir)
    loop = unattended_loop()
    with contextlib.closing(loop), tempfile.TemporaryDirectory(prefix="push-studio-shots-") as tmp:
        data_dir = args.data_dir or tmp
        args = argparse.Namespace(**{**vars(args), "data_dir": data_dir,
                                     "db_path": Path(data_dir) / "push-studio.db"})
        written = loop.run_until_complete(shoot(args, out, simulators, crowd))
    for path in written:
        print(path)
    return 0


async def shoot(args: argparse.Namespace, out: Path, simulators: Callable[[], Any] | None,
                crowd: Callable[..., Any] | None) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.bus import EventBus
    from app.live import LiveFeed
    from ui import demo, i18n, theme
    from ui.app import start_platform
    from ui.main_window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once, before the loop is busy
    theme.apply(app, "light")
    bus = EventBus()
    feed = LiveFeed(bus)
    settings = QSettings(str(Path(args.data_dir) / "screenshots.ini"),
                         QSettings.Format.IniFormat)
    window = MainWindow(feed, settings=settings, translations=i18n.Translations())
    window.resize(*WINDOW_SIZE)
    window.show()
    platform = await start_platform(args, window, bus, simulators, crowd)
    if platform is None:
        raise SystemExit("screenshots: the platform did not start (see the status bar text: "
                         f"{window.status.broker.text()})")
    written: list[Path] = []
    try:
        made = await demo.build(platform)
        await _settle(window, lambda: feed.counts["delivered"] + feed.counts["failed"] >= 6)
        await run_scenario(window)
        wecom_order = await compose_families(window)
        showcase(window, made)
        for lang in LANGUAGES:
            window.set_language(lang)
            for mode in THEMES:
                window.set_theme(mode)
                await _settle(window)
                written.append(_grab(window, out / f"{lang}-{mode}-window.png"))
                for name, dock in window.docks.items():
                    written.append(await _grab_panel(window, name, dock,
                                                     out / f"{lang}-{mode}-{name}.png"))
                written += await _grab_families(window, wecom_order, out, f"{lang}-{mode}")
    finally:
        window.detach()
        window.close()
        await platform.stop()
    return written


async def run_scenario(window: Any) -> None:
    """Play a sample from the Scenarios panel, as a user would, for a picture with a report."""
    from simulator.scenario.loader import SAMPLES_DIR

    panel = window.panels["scenarios"]
    window.show_panel("scenarios")
    if panel.select(SAMPLES_DIR / SCENARIO):
        await panel.run()
    window.show_panel("compose")  # the window's picture starts where a new user starts


async def compose_families(window: Any) -> str | None:
    """Give each other family's composer something to show, as a user would: an organisation
    push sent to an organisation-push subscriber, a simulated WeCom conversation with a work
    order opened from it, a rich-text message to a simulated phone. The WeCom order's id."""
    engine = window.platform.engine
    await engine.put_subscription({"baseCode": "ORGSYNC", "name": "组织通讯录同步",
                                   "orgTypes": [11, 202, 203, 205], "orgIds": ["*"]})
    composers = window.panels["compose"].composers
    composers["org"].select_type("205")
    await composers["org"].send()
    await composers["wecom"].simulate(pace=0)
    order = await composers["wecom"].open_order()
    if await composers["rich"].new_user() is not None:
        await composers["rich"].send()
    return order["serviceOrderId"] if order else None


async def _grab_families(window: Any, wecom_order: str | None, out: Path,
                         prefix: str) -> list[Path]:
    """Compose with each other family shown, and the Timeline on the WeCom order."""
    written = []
    compose = window.panels["compose"]
    for family in FAMILIES:
        compose.select_family(family)
        written.append(await _grab_panel(window, "compose", window.docks["compose"],
                                         out / f"{prefix}-compose-{family}.png"))
    compose.select_family("workorder")
    timeline = window.panels["timeline"]
    shown = timeline.order_id
    if wecom_order is not None:
        timeline.show_order(wecom_order)
        written.append(await _grab_panel(window, "timeline", window.docks["timeline"],
                                         out / f"{prefix}-timeline-wecom.png"))
        if shown:
            timeline.show_order(shown)
    window.show_panel("compose")
    return written


def showcase(window: Any, made: dict[str, Any]) -> None:
    """Point each panel at something worth seeing (what a presenter would click first)."""
    if made["orders"]:
        window.hub.open_order.emit(made["orders"][0])
    # The Inspector with what a tester pastes first: a spec example, its findings, routing.
    window.panels["inspector"].load_example("workorder/envelope-changeId-1")
    live = window.live
    live.flush()
    if live.model.rowCount():
        live.table.selectRow(min(3, live.model.rowCount() - 1))


async def _settle(window: Any, condition: Callable[[], bool] | None = None,
                  within: float = 15.0) -> None:
    """Let the window catch up until the condition holds (or ``within`` seconds pass: the
    pictures are taken regardless). Qt's events run while this awaits: under qasync, calling
    processEvents from inside a task would run other tasks inside this one."""
    deadline = time.monotonic() + within
    while True:
        window.live.flush()
        _pump()
        if condition is None or condition() or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.05)
    for _ in range(6):  # layouts settle over a few passes (wrapped labels, docks)
        await asyncio.sleep(0.05)
        _pump()


def _pump() -> None:
    """Run Qt's pending events when the loop is not Qt's own (a test's): qasync runs them
    itself, and processEvents inside one of its tasks would run other tasks inside it."""
    import qasync
    from PySide6.QtWidgets import QApplication

    if not isinstance(asyncio.get_running_loop(), qasync.QEventLoop):
        QApplication.processEvents()


def _grab(widget: Any, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


async def _grab_panel(window: Any, name: str, dock: Any, path: Path) -> Path:
    dock.show()
    dock.setFloating(True)
    dock.resize(*PANEL_SIZE)
    await _settle(window)
    try:
        return _grab(dock, path)
    finally:
        dock.setFloating(False)
        window.default_dock_widths()  # docked again at its floating width otherwise
        await _settle(window)
