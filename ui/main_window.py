"""The main window: dockable panels around the Live table, a status bar, menus and shortcuts.

Panel layout, window geometry and which docks are open persist in QSettings. Panels that
have not been built yet are docks with an honest empty state that points at what works.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from app.live import LiveFeed
from ui.live_panel import LivePanel
from ui.status_bar import StatusBar

#: Docks around the Live table: object name → what its empty state says for now.
PANELS = ("compose", "subscriptions", "timeline", "flow", "users")


class MainWindow(QMainWindow):
    def __init__(self, feed: LiveFeed, *, settings: QSettings | None = None,
                 dark: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings()
        self.live = LivePanel(feed, self, dark=dark)
        self.setCentralWidget(self.live)
        self.status = StatusBar(feed, self)
        self.setStatusBar(self.status)
        self.docks: dict[str, QDockWidget] = {}
        self._placeholders: dict[str, QLabel] = {}
        for name in PANELS:
            dock = QDockWidget(self)
            dock.setObjectName(f"dock-{name}")
            label = QLabel()
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setMargin(12)
            dock.setWidget(label)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea if name in (
                "compose", "subscriptions") else Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.docks[name] = dock
            self._placeholders[name] = label
        self.tabifyDockWidget(self.docks["compose"], self.docks["subscriptions"])
        self.tabifyDockWidget(self.docks["timeline"], self.docks["flow"])
        self.tabifyDockWidget(self.docks["flow"], self.docks["users"])
        self.docks["compose"].raise_()
        self.docks["timeline"].raise_()
        self._menus()
        self.retranslate()
        self.resize(1280, 800)
        self.restore()

    def _menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.live_menu = bar.addMenu("")
        self.pause_action = QAction(self)
        self.pause_action.setShortcut(QKeySequence("Ctrl+P"))
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self.live.pause.setChecked)
        self.live.pause.toggled.connect(self.pause_action.setChecked)
        self.filter_action = QAction(self)
        self.filter_action.setShortcut(QKeySequence("Ctrl+F"))
        self.filter_action.triggered.connect(self.live.filter_edit.setFocus)
        self.live_menu.addActions([self.pause_action, self.filter_action])
        self.view_menu = bar.addMenu("")
        for number, name in enumerate(PANELS, start=1):
            action = self.docks[name].toggleViewAction()
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            self.view_menu.addAction(action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Push Studio · 推送工作台"))
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.live_menu.setTitle(self.tr("&Live"))
        self.pause_action.setText(self.tr("&Pause"))
        self.filter_action.setText(self.tr("&Filter…"))
        self.view_menu.setTitle(self.tr("&View"))
        titles = {"compose": self.tr("Compose"), "subscriptions": self.tr("Subscriptions"),
                  "timeline": self.tr("Timeline"), "flow": self.tr("Flow"),
                  "users": self.tr("Users · clients")}
        waiting = {
            "compose": self.tr("Composing events in the window is on its way. Today: "
                               "POST /api/events, or python main.py send FILE; check a body "
                               "with python main.py validate FILE."),
            "subscriptions": self.tr("The subscription editor is on its way. Today: "
                                     "POST /api/subscriptions, or python main.py "
                                     "subscriptions add FILE; why an event did not reach a "
                                     "subscriber: python main.py explain."),
            "timeline": self.tr("Drawn timelines are on their way. Today: python main.py "
                                "timeline ORDER, or GET /api/orders/{id}/timeline."),
            "flow": self.tr("The animated flow is on its way; the Live table shows every "
                            "step meanwhile."),
            "users": self.tr("The users panel is on its way. Today: POST /api/users and "
                             "POST /api/simulated-users (see the README)."),
        }
        for name in PANELS:
            self.docks[name].setWindowTitle(titles[name])
            self._placeholders[name].setText(waiting[name])
        self.live.retranslate()
        self.status.retranslate()

    # --- persistence ----------------------------------------------------------------------

    def restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.live.filter_edit.setText(str(self.settings.value("live/filter", "")))
        mode = self.live.mode.findData(self.settings.value("live/mode", "text"))
        self.live.mode.setCurrentIndex(max(mode, 0))

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("live/filter", self.live.filter_edit.text())
        self.settings.setValue("live/mode", self.live.mode.currentData())

    def closeEvent(self, event: object) -> None:
        self.save()
        super().closeEvent(event)  # type: ignore[arg-type]
