"""The desktop app's entry point: the same platform as ``serve``, hosted in-process on a
qasync event loop, with the main window watching it.

The window opens at once and says "starting"; the platform (broker, IM server, API …)
comes up behind it, and what could not start is said in the status bar, not in a crash.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.bus import EventBus
from app.live import LiveFeed
from app.platform import Options, Platform
from ui import i18n, theme
from ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Fonts that carry CJK glyphs, in order of preference; the first one installed wins.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei",
             "PingFang SC", "WenQuanYi Micro Hei")
#: Where the window's API listens: the serve default, or any free port when that is taken
#: (a `serve` may be running beside the window).
HTTP_PORTS = (8470, 0)


def pick_font() -> QFont:
    families = set(QFontDatabase.families())
    font = QApplication.font()
    for name in CJK_FONTS:
        if name in families:
            font = QFont(name, font.pointSize())
            break
    return font


async def start_platform(args: argparse.Namespace, window: MainWindow, bus: EventBus,
                         simulators: Callable[[], Any] | None = None,
                         crowd: Callable[..., Any] | None = None) -> Platform | None:
    """Bring the platform up behind the window; None (and said why) when it cannot."""
    last: OSError | None = None
    for port in HTTP_PORTS:
        options = Options(db_path=args.db_path, data_dir=args.data_dir, http_port=port,
                          mqtt_port=getattr(args, "mqtt_port", 0))
        platform = Platform(options, simulators=simulators, crowd=crowd, bus=bus)
        try:
            await platform.start()
        except OSError as error:  # the port is taken: try the next
            last = error
            continue
        window.attach(platform)
        ready = platform.ready()
        window.status.platform_ready(ready["http"], ready["token"], platform.mq.status)
        for warning in platform.warnings:
            window.status.showMessage(warning, 15_000)
        return platform
    window.status.platform_failed(str(last))
    return None


def run_gui(args: argparse.Namespace, simulators: Callable[[], Any] | None = None,
            crowd: Callable[..., Any] | None = None) -> int:
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Push Studio")
    app.setOrganizationName("Push Studio")
    app.setFont(pick_font())
    bus = EventBus()  # the platform's: the window's feed listens before anything moves
    feed = LiveFeed(bus)
    settings = QSettings()
    theme.apply(app, _setting(settings, "ui/theme", theme.MODES))
    translations = i18n.Translations()
    translations.switch(i18n.resolve(_setting(settings, "ui/language", i18n.SETTINGS)))
    window = MainWindow(feed, settings=settings, translations=translations)
    window.show()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    # The loop must outlive the window: the platform stops after it closes.
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(closed.set)
    # Ctrl+C in the terminal, or a SIGTERM, closes the window: the platform then stops in
    # order (broker last), instead of a KeyboardInterrupt in whatever slot was running.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: window.close())

    async def main() -> int:
        try:
            platform = await start_platform(args, window, bus, simulators, crowd)
        except Exception as error:  # said in the window, not a silent exit; no modal box:
            log.exception("the platform did not start")  # it would nest a loop in this task
            window.status.platform_failed(str(error))
            await closed.wait()
            return 1
        await closed.wait()
        if platform is not None:
            window.detach()
            await platform.stop()
        return 0

    with contextlib.closing(loop):
        return loop.run_until_complete(main())


def unattended_loop() -> Any:
    """A Qt application and its qasync loop for a command that drives windows by itself
    (screenshots, bench ui): offscreen unless there is a display, the app's font, and a
    loop that runs on while windows open and close."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setFont(pick_font())
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


def _setting(settings: QSettings, key: str, allowed: tuple[str, ...]) -> str:
    """A saved choice, or the first allowed one ("system") when unset or unknown."""
    value = str(settings.value(key, allowed[0]))
    return value if value in allowed else allowed[0]
