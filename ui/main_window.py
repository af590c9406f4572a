"""The main window: dockable panels around the Live table, a status bar, menus and shortcuts.

Panel layout, window geometry and which docks are open persist in QSettings, as do the
theme and the language, which both switch at runtime from the View menu.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from app.live import LiveFeed
from ui import i18n, theme
from ui.compose import ComposePanel
from ui.flow import FlowPanel
from ui.hub import Hub
from ui.inspector import InspectorPanel
from ui.live_panel import LivePanel
from ui.panel import Panel
from ui.scenarios import ScenariosPanel
from ui.status_bar import StatusBar
from ui.subscriptions import SubscriptionsPanel
from ui.timeline import TimelinePanel
from ui.users import UsersPanel

if TYPE_CHECKING:
    from app.platform import Platform

#: Docks around the Live table, in the order of their Alt+N shortcuts.
PANELS: dict[str, type[Panel]] = {
    "compose": ComposePanel, "subscriptions": SubscriptionsPanel,
    "timeline": TimelinePanel, "flow": FlowPanel, "users": UsersPanel,
    "scenarios": ScenariosPanel, "inspector": InspectorPanel,
}
#: Docks on the left; the others start on the right.
LEFT = ("compose", "subscriptions", "scenarios", "inspector")


class MainWindow(QMainWindow):
    def __init__(self, feed: LiveFeed, *, settings: QSettings | None = None,
                 hub: Hub | None = None, translations: i18n.Translations | None = None
                 ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings()
        self.hub = hub or Hub(self)
        self.translations = translations or i18n.Translations()
        self.platform: Platform | None = None
        self.live = LivePanel(feed, self, hub=self.hub)
        self.setCentralWidget(self.live)
        self.status = StatusBar(feed, self)
        self.setStatusBar(self.status)
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict[str, Panel] = {}
        for name, cls in PANELS.items():
            dock = QDockWidget(self)
            dock.setObjectName(f"dock-{name}")
            panel = cls(self.hub, dock)
            dock.setWidget(panel)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea if name in LEFT
                               else Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.docks[name] = dock
            self.panels[name] = panel
        self.tabifyDockWidget(self.docks["compose"], self.docks["subscriptions"])
        # Scenarios on the left: while one runs, the Timeline on the right follows it.
        self.tabifyDockWidget(self.docks["subscriptions"], self.docks["scenarios"])
        self.tabifyDockWidget(self.docks["scenarios"], self.docks["inspector"])
        self.tabifyDockWidget(self.docks["timeline"], self.docks["flow"])
        self.tabifyDockWidget(self.docks["flow"], self.docks["users"])
        self.docks["compose"].raise_()
        self.docks["timeline"].raise_()
        self.hub.open_order.connect(lambda _order: self.show_panel("timeline"))
        self.hub.compose.connect(lambda _body: self.show_panel("compose"))
        self.hub.filter_live.connect(self.live.set_filter)
        self.hub.present.connect(self._present_changed)
        self.hub.inspect.connect(self.inspect)
        self._menus()
        self.retranslate()
        self.resize(1440, 900)
        self.default_dock_widths()
        self.restore()

    def attach(self, platform: Platform) -> None:
        """The platform is up: every panel may now read from it and act on it."""
        self.platform = platform
        self.live.attach(platform)
        for panel in self.panels.values():
            panel.attach(platform)

    def detach(self) -> None:
        """The platform is about to stop: panels stop their timers and leave its bus."""
        self.live.detach()
        for panel in self.panels.values():
            panel.detach()

    def default_dock_widths(self) -> None:
        """Live, in the centre, gets the most room; each side a readable panel."""
        self.resizeDocks([self.docks["compose"], self.docks["timeline"]], [440, 440],
                         Qt.Orientation.Horizontal)

    def show_panel(self, name: str) -> None:
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    # --- menus ----------------------------------------------------------------------------

    def _menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.inspect_file_action = QAction(self)
        self.inspect_file_action.triggered.connect(self._inspect_file)
        self.file_menu.addAction(self.inspect_file_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.event_menu = bar.addMenu("")
        self.send_action = QAction(self)
        self.send_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.send_action.triggered.connect(self.send_composed)
        self.event_menu.addAction(self.send_action)

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
        self.view_menu.addSeparator()
        self.present_action = QAction(self)
        self.present_action.setShortcut(QKeySequence("F11"))
        self.present_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.present_action.triggered.connect(self._present)
        self.view_menu.addAction(self.present_action)
        self.theme_menu = self.view_menu.addMenu("")
        self.theme_actions = self._choices(self.theme_menu, theme.MODES, self.set_theme)
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions = self._choices(self.language_menu, i18n.SETTINGS,
                                              self.set_language)

    def _choices(self, menu, values, choose) -> dict[str, QAction]:  # type: ignore[no-untyped-def]
        group = QActionGroup(self)
        actions = {}
        for value in values:
            action = QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, v=value: choose(v))
            group.addAction(action)
            menu.addAction(action)
            actions[value] = action
        return actions

    def send_composed(self) -> None:
        """Event › Send: what Compose holds goes to the platform (the panel shows the verdict)."""
        self.show_panel("compose")
        self.panels["compose"].send_current()  # type: ignore[attr-defined]

    def inspect(self, text: str) -> None:
        """Show a payload another panel sent (the hub's ``inspect``) in the Inspector."""
        self.show_panel("inspector")
        self.panels["inspector"].inspect_text(text)  # type: ignore[attr-defined]

    def _inspect_file(self) -> None:
        """File › Inspect a file…: the Inspector's Open…."""
        self.show_panel("inspector")
        self.panels["inspector"].open_dialog()  # type: ignore[attr-defined]

    def _present(self) -> None:
        flow = self.panels["flow"]
        self.show_panel("flow")
        flow.presentation(True)  # type: ignore[attr-defined]

    def _present_changed(self, on: bool) -> None:
        """A panel (Scenarios' demo) asked for the Flow presentation, or to leave it."""
        if on:
            self._present()
        else:
            self.panels["flow"].presentation(False)  # type: ignore[attr-defined]

    def set_theme(self, mode: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app, mode)
        self.settings.setValue("ui/theme", mode)
        self.theme_actions[mode].setChecked(True)

    def set_language(self, setting: str) -> None:
        self.translations.switch(i18n.resolve(setting))
        self.settings.setValue("ui/language", setting)
        self.language_actions[setting].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Push Studio"))
        self.file_menu.setTitle(self.tr("&File"))
        self.inspect_file_action.setText(self.tr("&Inspect a file…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.event_menu.setTitle(self.tr("&Event"))
        self.send_action.setText(self.tr("&Send the composed event"))
        self.live_menu.setTitle(self.tr("&Live"))
        self.pause_action.setText(self.tr("&Pause"))
        self.filter_action.setText(self.tr("&Filter…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.present_action.setText(self.tr("&Presentation mode (full screen)"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        for mode, text in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            self.theme_actions[mode].setText(text)
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions["system"].setText(self.tr("Follow the system"))
        for lang, name in i18n.LANGUAGES.items():
            self.language_actions[lang].setText(name)
        titles = {"compose": self.tr("Compose"), "subscriptions": self.tr("Subscriptions"),
                  "timeline": self.tr("Timeline"), "flow": self.tr("Flow"),
                  "users": self.tr("Users · clients"), "scenarios": self.tr("Scenarios"),
                  "inspector": self.tr("Inspector")}
        for name in PANELS:
            self.docks[name].setWindowTitle(titles[name])
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
        scenarios = self.panels["scenarios"]
        assert isinstance(scenarios, ScenariosPanel)
        for path in _strings(self.settings.value("scenarios/files", [])):
            if Path(path).is_file():
                scenarios.open_file(path)
        current = str(self.settings.value("scenarios/current", ""))
        if current and Path(current).is_file():
            scenarios.select(current)
        saved_theme = str(self.settings.value("ui/theme", "system"))
        self.theme_actions.get(saved_theme, self.theme_actions["system"]).setChecked(True)
        saved_language = str(self.settings.value("ui/language", "system"))
        self.language_actions.get(saved_language,
                                  self.language_actions["system"]).setChecked(True)

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("live/filter", self.live.filter_edit.text())
        self.settings.setValue("live/mode", self.live.mode.currentData())
        scenarios = self.panels["scenarios"]
        assert isinstance(scenarios, ScenariosPanel)
        self.settings.setValue("scenarios/files", scenarios.opened_files())
        self.settings.setValue("scenarios/current", str(scenarios.current.path)
                               if scenarios.current is not None else "")

    def closeEvent(self, event: object) -> None:
        self.save()
        super().closeEvent(event)  # type: ignore[arg-type]


def _strings(value: object) -> list[str]:
    """A list setting as QSettings gives it back: a list, one string, or nothing (INI)."""
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value] if isinstance(value, list | tuple) else []
