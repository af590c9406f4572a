from __future__ import annotations

from PySide6.QtCore import QSettings

from app.bus import EventBus
from app.live import LiveFeed
from ui.main_window import PANELS, MainWindow


def make(qtbot, path) -> MainWindow:
    window = MainWindow(LiveFeed(EventBus()),
                        settings=QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_layout_and_filter_persist_across_restarts(qtbot, tmp_path):
    window = make(qtbot, tmp_path / "ui.ini")
    window.show()
    window.docks["flow"].hide()
    window.live.mode.setCurrentIndex(window.live.mode.findData("regex"))
    window.live.filter_edit.setText("HRZ|e1")
    window.close()  # saves

    again = make(qtbot, tmp_path / "ui.ini")
    again.show()
    assert not again.docks["flow"].isVisible() and again.docks["compose"].isVisible()
    assert again.live.filter_edit.text() == "HRZ|e1"
    assert again.live.mode.currentData() == "regex"


def test_every_panel_has_a_title_and_a_shortcut(qtbot, tmp_path):
    window = make(qtbot, tmp_path / "ui.ini")
    shortcuts = {window.docks[name].toggleViewAction().shortcut().toString()
                 for name in PANELS}
    assert shortcuts == {f"Alt+{i}" for i in range(1, len(PANELS) + 1)}
    for dock in window.docks.values():
        assert dock.windowTitle()
    assert window.pause_action.shortcut().toString() == "Ctrl+P"
    window.pause_action.trigger()
    assert window.live.pause.isChecked()


async def test_ctrl_return_sends_what_compose_holds_from_anywhere_in_the_window(qtbot, tmp_path):
    window = make(qtbot, tmp_path / "ui.ini")
    assert window.send_action.shortcut().toString() == "Ctrl+Return"
    clicked = []
    window.panels["compose"].send_button.clicked.connect(lambda: clicked.append(True))
    window.docks["compose"].hide()
    window.send_action.trigger()
    assert clicked == [True] and not window.docks["compose"].isHidden()
