"""The Flow panel (being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.hub import Hub
from ui.panel import Panel, empty_state


class FlowPanel(Panel):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.empty = empty_state(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("This panel is on its way."))
