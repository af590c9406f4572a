"""The status bar: the broker, the API's address and token, and live counters.

Counters come from the core's in-memory totals (the LiveFeed's), refreshed on a timer at a
throttled rate — never a database query on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from app.live import LiveFeed

#: How often the counters are redrawn, in milliseconds.
REFRESH_MS = 500


class StatusBar(QStatusBar):
    def __init__(self, feed: LiveFeed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self.broker = QLabel()
        self.api = QLabel()
        self.copy = QToolButton()
        self.copy.setEnabled(False)
        self.counters = QLabel()
        self.addWidget(self.broker)
        self.addWidget(self.api)
        self.addWidget(self.copy)
        self.addPermanentWidget(self.counters)
        self._token = ""
        self._broker_status: Callable[[], dict[str, Any]] = dict
        self.copy.clicked.connect(self._copy_token)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.copy.setText(self.tr("Copy token"))
        self.copy.setToolTip(self.tr("Copy the API token (Authorization: Bearer …)"))
        if not self._token:
            self.broker.setText(self.tr("Starting the platform…"))
        self.refresh()

    def platform_ready(self, url: str, token: str,
                       broker_status: Callable[[], dict[str, Any]]) -> None:
        self._token, self._broker_status = token, broker_status
        self.api.setText(self.tr("API %1").replace("%1", url))
        self.api.setToolTip(self.tr("The local HTTP API; every call but /api/health needs "
                                    "the token"))
        self.copy.setEnabled(True)
        self.refresh()

    def platform_failed(self, reason: str) -> None:
        self.broker.setText(self.tr("The platform did not start: %1").replace("%1", reason))

    def refresh(self) -> None:
        c = self.feed.counts
        self.counters.setText(self.tr(
            "events %1 · delivered %2 · failed %3 · pending %4 · MQ %5 · IM %6 · pushes %7")
            .replace("%1", str(c["events"])).replace("%2", str(c["delivered"]))
            .replace("%3", str(c["failed"])).replace("%4", str(self.feed.pending()))
            .replace("%5", str(c["mq"])).replace("%6", str(c["im"]))
            .replace("%7", str(c["pushes"])))
        if not self._token:
            return
        status = self._broker_status()
        if status.get("problem"):
            self.broker.setText(self.tr("No broker: %1").replace("%1", status["problem"]))
        elif status.get("managed") is False:
            self.broker.setText(self.tr("External broker %1").replace("%1", status["url"]))
        else:
            online = len(status.get("clients", []))
            self.broker.setText(self.tr("Managed Mosquitto on port %1 · %n client(s) online",
                                        "", online).replace("%1", str(status.get("port"))))

    def _copy_token(self) -> None:
        QGuiApplication.clipboard().setText(self._token)
        self.showMessage(self.tr("API token copied"), 3000)
