"""How panels ask each other for things without knowing each other.

The main window connects these signals to the panel that answers them: a Live row's order
opens in the Timeline, a Timeline event opens in Compose to be continued, and so on. A panel
only emits; tests can connect to the signals directly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class Hub(QObject):
    #: Show this work order (serviceOrderId) in the Timeline panel.
    open_order = Signal(str)
    #: Open this event body (a dict) in Compose, to edit and send.
    compose = Signal(object)
    #: Show these rows in Live by setting its filter: (text, mode).
    filter_live = Signal(str, str)
    #: An event was sent from the window: its accepted/rejected JSON (Engine.to_json()).
    sent = Signal(object)
    #: Open (True) or close (False) the Flow panel's presentation window.
    present = Signal(bool)
    #: A scenario demo's caption of the moment, shown large in the Flow presentation;
    #: "" when there is none.
    scenario_caption = Signal(str)
    #: The Flow presentation window was closed (Esc, F11, the window manager).
    presentation_closed = Signal()
    #: Show this payload in the Inspector: JSON, or a captured HTTP request with its body.
    inspect = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_sent: Any = None
