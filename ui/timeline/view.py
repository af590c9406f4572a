"""The view on a drawn timeline: zoom on the time axis, pan by dragging, click to pick.

Ctrl+wheel (or +, - and 0 for "fit") zooms around the mouse: the time under the cursor stays
under it. Dragging pans; a press and release without a drag picks the item under the mouse
and emits ``picked(kind, payload)`` (scene.KIND / scene.PAYLOAD of the item or its parent).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from ui.timeline.scene import KIND, PAYLOAD, TimelineScene

#: One zoom step (a wheel notch, a key press, a button).
STEP = 1.25
#: Pixels the mouse may move between press and release and still be a click, not a drag.
CLICK_SLOP = 4


class TimelineView(QGraphicsView):
    picked = Signal(str, object)
    #: The scale changed (pixels per second).
    zoomed = Signal(float)

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.timeline_scene = scene
        # The view owns its scene: deleted after the view, the scene's items never go while
        # the view's scroll bars can still move (and pin them).
        scene.setParent(self)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pressed_at: QPoint | None = None
        #: The whole order is in view and stays so (new events, a resize) until the user
        #: zooms; then zoom and scroll are theirs.
        self.fitted = True
        self.horizontalScrollBar().valueChanged.connect(self._pin)

    # --- zoom -----------------------------------------------------------------------------

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Scale the time axis by ``factor`` around ``anchor_x`` (viewport pixels; default
        the middle), keeping the time there in place."""
        scene = self.timeline_scene
        if anchor_x is None:
            anchor_x = self.viewport().width() / 2
        self.fitted = False
        bar = self.horizontalScrollBar()
        anchored = scene.time_at(bar.value() + anchor_x)
        scene.set_scale(scene.scale * factor)
        bar.setValue(round(scene.x_of(anchored) - anchor_x))
        self._pin()
        self.zoomed.emit(scene.scale)

    def zoom_in(self) -> None:
        self.zoom(STEP)

    def zoom_out(self) -> None:
        self.zoom(1 / STEP)

    def fit(self) -> None:
        """The whole order in the width of the view."""
        scene = self.timeline_scene
        self.fitted = True
        scene.set_scale(scene.fit_scale(self.viewport().width()))
        self.horizontalScrollBar().setValue(0)
        self._pin()
        self.zoomed.emit(scene.scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted and self.timeline_scene.timeline is not None:
            self.fit()

    def center_on_event(self, event_id: int) -> None:
        pos = self.timeline_scene.event_pos(event_id)
        if pos is not None:
            self.centerOn(pos)

    def _pin(self) -> None:
        self.timeline_scene.pin(float(self.horizontalScrollBar().value()))

    # --- input ----------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = event.angleDelta().y() / 120
            if notches:
                self.zoom(STEP ** notches, event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed_at = self._pressed_at, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        if (pos - pressed).manhattanLength() <= CLICK_SLOP:
            self.pick(pos)
        event.accept()  # the press was ours (a pick or the end of a pan)

    def pick(self, pos: QPoint) -> tuple[str, Any] | None:
        """What is at ``pos`` (viewport pixels); emits ``picked`` when it is something."""
        for item in self.items(pos):
            found = _tagged(item)
            if found is not None:
                self.picked.emit(*found)
                return found
        return None


def _tagged(item: QGraphicsItem | None) -> tuple[str, Any] | None:
    while item is not None:
        kind = item.data(KIND)
        if kind:
            return str(kind), item.data(PAYLOAD)
        item = item.parentItem()
    return None
