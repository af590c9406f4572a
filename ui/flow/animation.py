"""Moving dots along the Flow picture's edges, within a budget.

Every message is counted on the edges it travels, always. Up to ``DOT_BUDGET`` messages at
once also get a dot of their own; past it, a message is *aggregated*: its edges pulse and its
destination glows, and the ``aggregated`` counter (shown in the panel) says how many went
that way. Nothing is dropped silently, and nothing creates graphics items per message: dots
and bursts come from pools that grow only up to the budget.

The animator does not own a timer: whoever drives it calls ``step(dt)`` (the panel's one
frame timer, or a test).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem

from ui import theme
from ui.flow.diagram import EdgeItem, FlowScene, NodeItem

#: Dots in flight at most; past it, messages are aggregated (counted, pulsed).
DOT_BUDGET = 200
#: Bursts (a ring where a message was refused or failed for good) at once at most.
BURST_BUDGET = 40
#: Seconds a dot takes along one edge at speed 1.
HOP_SECONDS = 0.9
BURST_SECONDS = 0.7
DOT_RADIUS = 6.0
#: Per second: how fast a node's glow and an edge's pulse fade.
FADE = 2.2


@dataclass(slots=True)
class Dot:
    item: QGraphicsEllipseItem
    points: list[QPointF]
    t: float
    duration: float
    outcome: str
    end: str
    burst: bool


@dataclass(slots=True)
class Burst:
    item: QGraphicsEllipseItem
    t: float


class Animator:
    def __init__(self, scene: FlowScene, *, budget: int = DOT_BUDGET) -> None:
        self.scene = scene
        self.budget = budget
        self.dots: list[Dot] = []
        self.bursts: list[Burst] = []
        self._dot_pool: list[QGraphicsEllipseItem] = []
        self._burst_pool: list[QGraphicsEllipseItem] = []
        self._glowing: set[NodeItem] = set()
        self._pulsing: set[EdgeItem] = set()
        self._dirty: set[EdgeItem] = set()
        #: Messages that travelled as dots, and messages counted without one.
        self.animated = 0
        self.aggregated = 0

    def reset(self) -> None:
        """The scene was laid out again (its items are gone): forget dots and pools. What
        was in flight has been counted already."""
        self.dots, self.bursts = [], []
        self._dot_pool, self._burst_pool = [], []
        self._glowing, self._pulsing, self._dirty = set(), set(), set()

    # --- messages -------------------------------------------------------------------------

    def launch(self, hops: tuple[str, ...], outcome: str, *, burst: bool = False) -> bool:
        """Send one message along these nodes; True when it got a dot of its own, False
        when it was aggregated (or its route is not drawn, then only counted)."""
        edges = self.count(hops)
        if not edges:
            return False
        if len(self.dots) >= self.budget:
            self.aggregated += 1
            for edge in edges:
                edge.pulse, edge.pulse_outcome = 1.0, outcome
                self._pulsing.add(edge)
            self._glow(hops[-1], outcome)
            return False
        points = self.scene.route(*hops)
        if not points:
            return False
        item = self._dot_pool.pop() if self._dot_pool else self._new_dot()
        item.setBrush(theme.strong(outcome))
        item.setPen(self._ring())
        item.setPos(points[0])
        item.show()
        self.dots.append(Dot(item, points, 0.0, HOP_SECONDS * (len(hops) - 1), outcome,
                             hops[-1], burst))
        self.animated += 1
        return True

    def count(self, hops: tuple[str, ...]) -> list[EdgeItem]:
        """Count one message on each edge of its route (repainted once per frame)."""
        edges = self.scene.edges_of(*hops)
        for edge in edges:
            edge.count += 1
            self._dirty.add(edge)
        return edges

    def in_flight(self) -> int:
        return len(self.dots)

    def moving(self) -> bool:
        """Whether anything still needs frames (dots, bursts, fading glows)."""
        return bool(self.dots or self.bursts or self._glowing or self._pulsing or self._dirty)

    # --- frames ---------------------------------------------------------------------------

    def step(self, dt: float) -> None:
        """Advance everything by ``dt`` seconds of animation time."""
        for edge in self._dirty:
            edge.update()
        self._dirty.clear()
        if dt <= 0:
            return
        # glows fade first, so that what arrives in this step glows from full
        fade = dt * FADE
        for node in list(self._glowing):
            node.flash = max(0.0, node.flash - fade)
            node.update()
            if node.flash <= 0.0:
                self._glowing.discard(node)
        for edge in list(self._pulsing):
            edge.pulse = max(0.0, edge.pulse - fade)
            edge.update()
            if edge.pulse <= 0.0:
                self._pulsing.discard(edge)
        if self.bursts:
            alive: list[Burst] = []
            for burst in self.bursts:
                burst.t += dt / BURST_SECONDS
                if burst.t >= 1.0:
                    burst.item.hide()
                    self._burst_pool.append(burst.item)
                    continue
                burst.item.setScale(1.0 + 4.0 * burst.t)
                burst.item.setOpacity(1.0 - burst.t)
                alive.append(burst)
            self.bursts = alive
        still: list[Dot] = []
        for dot in self.dots:
            dot.t += dt / dot.duration
            if dot.t >= 1.0:
                self._arrive(dot)
                continue
            points = dot.points
            f = dot.t * (len(points) - 1)
            i = int(f)
            a, b = points[i], points[i + 1]
            frac = f - i
            dot.item.setPos(a.x() + (b.x() - a.x()) * frac, a.y() + (b.y() - a.y()) * frac)
            still.append(dot)
        self.dots = still

    def _arrive(self, dot: Dot) -> None:
        dot.item.hide()
        self._dot_pool.append(dot.item)
        self._glow(dot.end, dot.outcome)
        if dot.burst:
            self.burst(dot.end, dot.outcome, dot.points[-1])

    def burst(self, key: str, outcome: str, at: QPointF | None = None) -> None:
        """A ring spreading from a node: where a message was refused or failed for good."""
        node = self.scene.node_items.get(key)
        if node is None or len(self.bursts) >= BURST_BUDGET:
            return
        if at is None:
            at = node.left()
        item = self._burst_pool.pop() if self._burst_pool else self._new_burst()
        item.setPen(QPen(theme.strong(outcome), 2.5))
        item.setPos(at)
        item.setScale(1.0)
        item.setOpacity(1.0)
        item.show()
        self.bursts.append(Burst(item, 0.0))

    def _glow(self, key: str, outcome: str) -> None:
        node = self.scene.node_items.get(key)
        if node is not None:
            node.flash, node.flash_outcome = 1.0, outcome
            self._glowing.add(node)

    def _new_dot(self) -> QGraphicsEllipseItem:
        r = DOT_RADIUS
        item = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
        item.setZValue(5)
        self.scene.addItem(item)
        return item

    @staticmethod
    def _ring() -> QPen:
        """A thin ring in the background's tone keeps a dot visible over an edge or a box
        of any colour (read per launch: the theme can change)."""
        return QPen(QColor(0, 0, 0, 170) if theme.is_dark() else QColor(255, 255, 255, 190),
                    1.5)

    def _new_burst(self) -> QGraphicsEllipseItem:
        item = QGraphicsEllipseItem(-7, -7, 14, 14)
        item.setBrush(Qt.BrushStyle.NoBrush)
        item.setZValue(6)
        self.scene.addItem(item)
        return item
