"""What every dock's content has in common.

A panel is built with the window, before the platform is up (the window opens at once and
says "starting"), and ``attach``-ed once it is: until then it shows an empty state saying so.
Every visible string is set in ``retranslate``, which runs again when the language changes
at runtime (Qt sends each widget a LanguageChange event when a translator is installed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from app.platform import Platform
    from ui.hub import Hub


class Panel(QWidget):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.platform: Platform | None = None

    def attach(self, platform: Platform) -> None:
        """The platform is up: read from it, listen to its bus, enable the actions."""
        self.platform = platform

    def detach(self) -> None:
        """The platform is about to stop: stop timers and leave its bus."""

    def retranslate(self) -> None:
        """Set every user-visible string (again)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def empty_state(parent: QWidget | None = None) -> QLabel:
    """A label for "nothing here yet, and what to do about it": wrapped, centred, selectable."""
    label = QLabel(parent)
    label.setObjectName("emptyState")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMargin(24)
    return label
