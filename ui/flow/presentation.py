"""The Flow picture for a room: full screen, large type, and a caption strip that says in
plain words what just happened. Esc (or F11) leaves. A scenario played as a demo adds the
caption of the moment (``set_moment``): what the presenter would say, in the largest type.

It is a second view on the panel's scene, so nothing is duplicated: the same dots move in
both. Colours follow the app's theme (light for a bright projector, dark otherwise).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.flow.diagram import FlowScene
from ui.flow.view import FlowView


class PresentationWindow(QWidget):
    #: The window was closed (Esc, F11, or the window manager).
    closed = Signal()

    def __init__(self, scene: FlowScene, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("flowPresentation")
        self.view = FlowView(scene, self)
        self.heading = QLabel()
        self.totals = QLabel()
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.moment = QLabel()
        self.moment.setObjectName("flowMoment")
        self.moment.setWordWrap(True)
        self.moment.setTextFormat(Qt.TextFormat.PlainText)
        self.moment.setVisible(False)
        self.captions = QLabel()
        self.captions.setObjectName("flowCaptions")
        self.captions.setWordWrap(True)
        self.captions.setTextFormat(Qt.TextFormat.PlainText)
        self.captions.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hint = QLabel()
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.totals)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 20)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.moment)
        layout.addWidget(self.captions)
        layout.addLayout(bottom)
        self._fonts()
        self.retranslate()

    def _fonts(self) -> None:
        """Sizes for the back of the room: relative to the screen, never below readable."""
        screen = self.screen()
        height = screen.geometry().height() if screen is not None else 1080
        unit = max(14, height // 50)
        for label, scale, bold in ((self.heading, 1.6, True), (self.totals, 1.1, False),
                                   (self.moment, 1.6, True),
                                   (self.captions, 1.35, False), (self.hint, 0.8, False),
                                   (self.legend, 0.9, False)):
            font = QFont(self.font())
            font.setPixelSize(int(unit * scale))
            font.setBold(bold)
            label.setFont(font)
        # three lines of captions, always, so the picture does not jump as they change
        self.captions.setMinimumHeight(int(unit * 1.35 * 1.5 * 3))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Push Studio · Flow"))
        self.heading.setText(self.tr("How a work-order event travels"))
        self.hint.setText(self.tr("Esc to leave"))

    def set_captions(self, lines: list[str]) -> None:
        text = "\n".join(lines[-3:]) if lines else self.tr(
            "Waiting for the first event: send one from Compose or the API.")
        if text != self.captions.text():
            self.captions.setText(text)

    def set_moment(self, text: str) -> None:
        """The caption of the moment (a scenario demo's step); "" hides it."""
        if text != self.moment.text():
            self.moment.setText(text)
        self.moment.setVisible(bool(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.view.viewport().update()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
