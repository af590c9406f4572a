"""The view: zoom keeps the time under the mouse in place; a click picks, a drag pans."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from app.catalog.samples import sample
from app.timeline import build_timeline
from ui.timeline.scene import TimelineScene
from ui.timeline.view import TimelineView


@pytest.fixture
def view(qtbot):
    scene = TimelineScene()
    events = [{"id": i + 1, "change_id": c, "data": d, "received_at": 0.0}
              for i, (c, d) in enumerate((("1", sample("1")), ("5", sample("5")),
                                          ("2", sample("2")), ("3", sample("3"))))]
    scene.show(build_timeline("4503599741262301", events))
    view = TimelineView(scene)
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    view.fit()
    return view


def test_ctrl_wheel_zooms_around_the_mouse(view, qtbot):
    scene = view.timeline_scene
    fitted = scene.scale
    anchor = QPointF(200, 100)
    before = scene.time_at(view.horizontalScrollBar().value() + anchor.x())
    for _ in range(3):
        wheel = QWheelEvent(anchor, view.mapToGlobal(anchor.toPoint()).toPointF(),
                            QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        view.wheelEvent(wheel)
    assert scene.scale == pytest.approx(fitted * 1.25 ** 3)
    after = scene.time_at(view.horizontalScrollBar().value() + anchor.x())
    assert after == pytest.approx(before, abs=2 / scene.scale)  # within a pixel or two


def test_a_click_picks_and_a_drag_does_not(view, qtbot):
    picked = []
    view.picked.connect(lambda kind, payload: picked.append((kind, payload)))
    scene = view.timeline_scene
    pos = view.mapFromScene(scene.event_pos(1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert picked == [("event", 1)]
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseMove(view.viewport(), pos + QPoint(40, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=pos + QPoint(40, 0))
    assert len(picked) == 1
