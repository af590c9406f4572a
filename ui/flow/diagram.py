"""The Flow picture as a scene: the platform's parts as nodes, the ways a message can go as
edges, laid out from what is running now.

Left to right, one row per subscriber::

    sources → router ─→ MQ topic wo/push/<code>/# ─→ callback service ─→ subscriber (HTTP)
                    └─→ MQ topic ─────────────────────────────────────→ subscriber (MQ only)
                    └─→ IM server ─→ app users
                                └─→ push gateway ─┘

The callback service is drawn as one tall bar beside the HTTP subscribers' rows, so each
subscriber's callback leg is a straight line in its own row. Past ``MAX_ROWS`` subscribers,
the rest share one "+N more" row (their messages still travel and are counted there).

Colours are read at paint time from the application palette and ``ui.theme``, so a theme
switch only needs a repaint. Labels are set by ``FlowScene.retranslate`` (the scene is the
QObject that owns the tr context).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ui import theme

if TYPE_CHECKING:
    from app.routing.subscription import Subscription

#: Subscriber rows drawn one by one; the rest share the last row ("+N more").
MAX_ROWS = 10
#: Column x positions: sources, router, topics (and IM server), callback service, subscribers.
COLUMNS = (0.0, 250.0, 500.0, 760.0, 1000.0)
NODE_W, NODE_H, ROW = 190.0, 62.0, 80.0
BAR_W = 165.0
#: Points sampled along each edge, so a moving dot interpolates instead of measuring curves.
SAMPLES = 40
MORE = "+more"

# Glyphs drawn in each node's badge; plain symbols every CJK or DejaVu font carries.
GLYPHS = {"source": "⚙", "router": "⑂", "topic": "☰", "callbacks": "⇄", "sub": "⌂",
          "im": "✉", "users": "☺", "push": "☁"}


def _palette_colour(role: object) -> QColor:
    return QApplication.palette().color(role)  # type: ignore[arg-type]


@dataclass
class Row:
    """One subscriber row: who, and how they receive."""

    key: str  # baseCode, or MORE
    title: str
    detail: str  # URL host, "MQ only", or the codes folded into "+N more"
    http: bool
    enabled: bool = True
    count: int = 1  # subscriptions in this row (more than one for "+N more")


class NodeItem(QGraphicsItem):
    """A rounded box with a glyph badge, a title, a subtitle and an optional status dot."""

    def __init__(self, key: str, kind: str, width: float = NODE_W,
                 height: float = NODE_H) -> None:
        super().__init__()
        self.key, self.kind = key, kind
        self.width, self.height = width, height
        self.title = ""
        self.subtitle = ""
        #: An outcome name (ui.theme) for the status dot, "off" for grey, None for none.
        self.status: str | None = None
        self.dimmed = False
        #: 0..1, raised when a message arrives and fading with the animation.
        self.flash = 0.0
        self.flash_outcome = "ok"
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        # The view repaints every frame while dots move: a box that did not change is
        # blitted from its pixmap instead of drawn again (update() redraws it).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(-4, -4, self.width + 8, self.height + 8)

    def set_text(self, title: str, subtitle: str) -> None:
        if (title, subtitle) != (self.title, self.subtitle):
            self.title, self.subtitle = title, subtitle
            self.setToolTip(f"{title}\n{subtitle}")
            self.update()

    def left(self, y: float | None = None) -> QPointF:
        """Where an incoming edge attaches (at scene height ``y`` for the tall bar)."""
        pos = self.pos()
        return QPointF(pos.x(), pos.y() + self.height / 2 if y is None else y)

    def right(self, y: float | None = None) -> QPointF:
        pos = self.pos()
        return QPointF(pos.x() + self.width, pos.y() + self.height / 2 if y is None else y)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem,
              _widget: QWidget | None = None) -> None:
        role = QPalette.ColorRole
        base, text = _palette_colour(role.Base), _palette_colour(role.Text)
        mid = _palette_colour(role.Mid if theme.is_dark() else role.Dark)
        accent = _palette_colour(role.Highlight)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0, 0, self.width, self.height)
        if self.flash > 0.01:  # a glow in the colour of what just arrived
            glow = theme.strong(self.flash_outcome)
            glow.setAlphaF(0.55 * self.flash)
            painter.setPen(QPen(glow, 7))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 10, 10)
        painter.setPen(QPen(mid, 1.2))
        fill = QColor(base)
        if self.dimmed:
            fill = _palette_colour(role.Window)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 10, 10)
        # the badge with the glyph
        badge = QRectF(9, (self.height - 32) / 2, 32, 32) if self.height < 120 else \
            QRectF(9, 14, 32, 32)
        tint = QColor(accent)
        tint.setAlphaF(0.16 if not self.dimmed else 0.08)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(badge, 8, 8)
        font = QFont(painter.font())
        font.setPixelSize(19)
        painter.setFont(font)
        painter.setPen(accent if not self.dimmed else mid)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, GLYPHS.get(self.kind, "•"))
        # the words; when the view shows the picture small, the title alone, larger, so
        # that it stays readable in a narrow dock (level of detail)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        x = badge.right() + 8
        room = self.width - x - (18 if self.status else 6)
        title_font = QFont(painter.font())
        title_font.setBold(True)
        painter.setPen(text if not self.dimmed else mid)
        if lod < 0.5:
            title_font.setPixelSize(int(min(20.0, max(14.0, 10.5 / max(lod, 0.05)))))
            painter.setFont(title_font)
            title = QFontMetricsF(title_font).elidedText(
                self.title, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRectF(x, badge.top() - 6, room, badge.height() + 12),
                             Qt.AlignmentFlag.AlignVCenter, title)
        else:
            # both lines, at least about 10 and 8 pixels on screen
            title_px = min(18.0, max(14.0, 10.0 / lod))
            small_px = min(14.0, max(11.0, 8.0 / lod))
            title_font.setPixelSize(int(title_px))
            small = QFont(painter.font())
            small.setPixelSize(int(small_px))
            painter.setFont(title_font)
            top = self.height / 2 - (title_px + small_px + 6) / 2 if self.height < 120 \
                else badge.top() - 1
            title = QFontMetricsF(title_font).elidedText(
                self.title, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRectF(x, top, room, title_px + 4),
                             Qt.AlignmentFlag.AlignVCenter, title)
            painter.setFont(small)
            sub_colour = QColor(text)
            sub_colour.setAlphaF(0.7)
            painter.setPen(sub_colour)
            sub = QFontMetricsF(small).elidedText(self.subtitle, Qt.TextElideMode.ElideMiddle,
                                                  room)
            painter.drawText(QRectF(x, top + title_px + 4, room, small_px + 4),
                             Qt.AlignmentFlag.AlignVCenter, sub)
        if self.status:
            colour = mid if self.status == "off" else theme.strong(self.status)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(self.width - 11, 11), 5, 5)


class EdgeItem(QGraphicsItem):
    """A curve from one node to another with a counter of what went along it."""

    def __init__(self, key: str, start: QPointF, end: QPointF, *, dashed: bool = False) -> None:
        super().__init__()
        self.key = key
        self.dashed = dashed
        self.count = 0
        #: 0..1, raised when messages pass without a dot of their own (aggregated).
        self.pulse = 0.0
        self.pulse_outcome = "ok"
        path = QPainterPath(start)
        dx = max(40.0, (end.x() - start.x()) * 0.5)
        path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
        self.path = path
        self.points = [path.pointAtPercent(path.percentAtLength(path.length() * i / SAMPLES))
                       for i in range(SAMPLES + 1)]
        # the counter sits past the middle: where edges fan out, their ends are apart
        self.mid = self.points[int(SAMPLES * 0.7)]
        self._bounds = path.boundingRect().adjusted(-30, -16, 30, 16)
        self.setZValue(0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem,
              _widget: QWidget | None = None) -> None:
        role = QPalette.ColorRole
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(_palette_colour(role.Text))
        colour.setAlphaF(0.42)
        pen = QPen(colour, 1.6)
        if self.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        if self.pulse > 0.01:
            glow = theme.strong(self.pulse_outcome)
            glow.setAlphaF(0.6 * self.pulse)
            painter.setPen(QPen(glow, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPath(self.path)
        # the arrow head at the end
        end, before = self.points[-1], self.points[-3]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        d = end - before
        length = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 0.001)
        ux, uy = d.x() / length, d.y() / length
        head = QPainterPath(end)
        head.lineTo(end.x() - 8 * ux - 4 * uy, end.y() - 8 * uy + 4 * ux)
        head.lineTo(end.x() - 8 * ux + 4 * uy, end.y() - 8 * uy - 4 * ux)
        head.closeSubpath()
        painter.drawPath(head)
        if self.count:
            lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
            font = QFont(painter.font())
            font.setPixelSize(int(min(16.0, max(11.0, 9.0 / max(lod, 0.05)))))
            painter.setFont(font)
            label = f"{self.count:,}"
            metrics = QFontMetricsF(font)
            width = metrics.horizontalAdvance(label) + metrics.height() * 0.7
            height = metrics.height() + 2
            pill = QRectF(self.mid.x() - width / 2, self.mid.y() - height / 2, width, height)
            painter.setBrush(_palette_colour(role.Window))
            painter.setPen(QPen(colour, 1))
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(_palette_colour(role.Text))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)


class FlowScene(QGraphicsScene):
    """The nodes and edges of the platform as it runs now; ``build`` lays them out again."""

    #: A node was double-clicked: its key ("sub:HRZ", "topic:HRZ", "im", "push" …).
    activated = Signal(str)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[str, EdgeItem] = {}
        self.rows: list[Row] = []
        #: baseCode → the row key its messages travel in (its own, or MORE).
        self.row_of: dict[str, str] = {}
        self.http_rows: set[str] = set()
        self.im_running = False
        self.mq_running = False
        self.headers: list[tuple[QPointF, str]] = []
        #: What to do next when there is no subscription yet (the panel shows it).
        self.hint = ""
        self._users_text = ("", "")
        self._push_text = ("", "")

    # --- layout ---------------------------------------------------------------------------

    def build(self, subscriptions: list[Subscription], *, mq: bool, im: bool) -> None:
        """Lay the picture out again for these subscriptions and running parts. Edge
        counters survive a relayout when the edge is still there."""
        old_counts = {k: e.count for k, e in self.edge_items.items()}
        self.clear()
        self.node_items, self.edge_items = {}, {}
        self.mq_running, self.im_running = mq, im
        self.rows, self.row_of = _rows(subscriptions)
        self.http_rows = {r.key for r in self.rows if r.http}
        # HTTP rows first, so the callback bar spans one block of rows
        rows = sorted(self.rows, key=lambda r: not r.http)
        self.rows = rows
        n = max(len(rows), 1)
        band = n * ROW - (ROW - NODE_H)
        centre = band / 2 - NODE_H / 2
        self._node("source", "source", COLUMNS[0], centre)
        self._node("router", "router", COLUMNS[1], centre)
        http = [i for i, r in enumerate(rows) if r.http]
        for i, row in enumerate(rows):
            y = i * ROW
            topic = self._node(f"topic:{row.key}", "topic", COLUMNS[2], y, NODE_W - 10)
            topic.dimmed = not mq
            sub = self._node(f"sub:{row.key}", "sub", COLUMNS[4], y)
            sub.status = "pending" if row.enabled else "off"
            sub.dimmed = not row.enabled
        if http:
            top, bottom = http[0] * ROW, http[-1] * ROW + NODE_H
            self._node("callbacks", "callbacks", COLUMNS[3], top, BAR_W, bottom - top)
        elif rows:
            bar = self._node("callbacks", "callbacks", COLUMNS[3], centre, BAR_W, NODE_H)
            bar.dimmed = True
        im_y = n * ROW + 50
        im_node = self._node("im", "im", COLUMNS[2], im_y, NODE_W - 10)
        im_node.dimmed = not im
        users = self._node("users", "users", COLUMNS[4], im_y + 45)
        users.dimmed = not im
        push = self._node("push", "push", COLUMNS[3], im_y + 95, BAR_W)
        push.dimmed = not im
        # edges
        self._edge("source", "router")
        for i, row in enumerate(rows):
            y = i * ROW + NODE_H / 2
            self._edge("router", f"topic:{row.key}")
            if row.http:
                self._edge(f"topic:{row.key}", "callbacks", end_y=y)
                self._edge("callbacks", f"sub:{row.key}", start_y=y)
            else:
                self._edge(f"topic:{row.key}", f"sub:{row.key}")
        self._edge("router", "im", dashed=True)
        self._edge("im", "users")
        self._edge("im", "push")
        self._edge("push", "users")
        for key, edge in self.edge_items.items():
            edge.count = old_counts.get(key, 0)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-24, -56, 24, 24))
        self.headers = [(QPointF(COLUMNS[i], -30), "") for i in range(5)]
        self.retranslate()

    def _node(self, key: str, kind: str, x: float, y: float, w: float = NODE_W,
              h: float = NODE_H) -> NodeItem:
        node = NodeItem(key, kind, w, h)
        node.setPos(x, y)
        self.addItem(node)
        self.node_items[key] = node
        return node

    def _edge(self, a: str, b: str, *, start_y: float | None = None,
              end_y: float | None = None, dashed: bool = False) -> EdgeItem:
        key = f"{a}>{b}"
        edge = EdgeItem(key, self.node_items[a].right(start_y),
                        self.node_items[b].left(end_y), dashed=dashed)
        self.addItem(edge)
        self.edge_items[key] = edge
        return edge

    # --- words ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        nodes = self.node_items
        if not nodes:
            return
        nodes["source"].set_text(self.tr("Event sources"),
                                 self.tr("flow engine · API · Compose"))
        nodes["router"].set_text(self.tr("Router"), self.tr("validate · match · store"))
        for row in self.rows:
            more = row.key == MORE
            topic = row.key if not more else self.tr("%n more topic(s)", "", row.count)
            where = f"wo/push/{row.key}/#" if not more else "wo/push/+/#"
            nodes[f"topic:{row.key}"].set_text(
                topic, where if self.mq_running else self.tr("MQ off: no broker"))
            title = row.title if not more else self.tr("%n more subscriber(s)", "", row.count)
            detail = row.detail
            if not row.http and not more:
                detail = " · ".join(filter(None, (row.detail, self.tr("MQ only"))))
            if not row.enabled:
                detail = self.tr("disabled · %1").replace("%1", detail)
            nodes[f"sub:{row.key}"].set_text(title, detail)
        if "callbacks" in nodes:
            nodes["callbacks"].set_text(self.tr("Callback service"),
                                        self.tr("signed POST · retries") if self.http_rows
                                        else self.tr("no callback URLs yet"))
        nodes["im"].set_text(self.tr("IM server"), self.tr("MQTT · $sktalent/#")
                             if self.im_running else self.tr("not running (no broker)"))
        users_title, users_detail = self._users_text
        nodes["users"].set_text(users_title or self.tr("App users"),
                                users_detail or self.tr("no IM users yet"))
        push_title, push_detail = self._push_text
        nodes["push"].set_text(push_title or self.tr("Push gateway"),
                               push_detail or self.tr("Android · iOS"))
        labels = (self.tr("IN"), self.tr("ROUTE"), self.tr("MQ TOPICS"), self.tr("CALLBACKS"),
                  self.tr("SUBSCRIBERS"))
        shown = 5 if self.rows else 2
        self.headers = [(QPointF(COLUMNS[i], -30), labels[i]) for i in range(shown)]
        self.hint = "" if self.rows else self.tr(
            "No subscriptions yet. Add one in the Subscriptions panel (or POST "
            "/api/subscriptions), then send an event from Compose: it travels from here "
            "to each subscriber.")
        self.update()

    def set_users(self, title: str, detail: str) -> None:
        """The app users' node text (counts change at run time)."""
        self._users_text = (title, detail)
        if "users" in self.node_items:
            self.node_items["users"].set_text(title, detail)

    def set_push(self, title: str, detail: str) -> None:
        self._push_text = (title, detail)
        if "push" in self.node_items:
            self.node_items["push"].set_text(title, detail)

    def set_health(self, base_code: str, outcome: str) -> None:
        """Colour a subscriber's status dot by its last callback outcome."""
        row = self.row_of.get(base_code)
        node = self.node_items.get(f"sub:{row}") if row is not None else None
        if node is not None and node.status != "off" and node.status != outcome:
            node.status = outcome
            node.update()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, _palette_colour(QPalette.ColorRole.Window))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        font = QFont(painter.font())
        font.setPixelSize(int(min(18.0, max(11.0, 9.0 / max(lod, 0.05)))))
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        painter.setFont(font)
        colour = QColor(_palette_colour(QPalette.ColorRole.Text))
        colour.setAlphaF(0.5)
        painter.setPen(colour)
        for point, label in self.headers:
            painter.drawText(QRectF(point.x(), point.y() - 10, NODE_W, 36),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem):
                self.activated.emit(item.key)
                return
        super().mouseDoubleClickEvent(event)

    # --- routes ---------------------------------------------------------------------------

    def row_key(self, base_code: str) -> str | None:
        """The row a subscriber's messages travel in; None when it is not drawn (a
        subscription the picture has not caught up with yet)."""
        return self.row_of.get(base_code)

    def route(self, *hops: str) -> list[QPointF] | None:
        """The sampled points along consecutive nodes (an edge walked backwards when only
        the reverse exists); None when a hop has no edge."""
        points: list[QPointF] = []
        for a, b in itertools.pairwise(hops):
            edge = self.edge_items.get(f"{a}>{b}")
            if edge is not None:
                points.extend(edge.points)
            elif (back := self.edge_items.get(f"{b}>{a}")) is not None:
                points.extend(reversed(back.points))
            else:
                return None
        return points

    def edges_of(self, *hops: str) -> list[EdgeItem]:
        out = []
        for a, b in itertools.pairwise(hops):
            edge = self.edge_items.get(f"{a}>{b}") or self.edge_items.get(f"{b}>{a}")
            if edge is not None:
                out.append(edge)
        return out


def _rows(subscriptions: list[Subscription]) -> tuple[list[Row], dict[str, str]]:
    rows: list[Row] = []
    row_of: dict[str, str] = {}
    shown = subscriptions if len(subscriptions) <= MAX_ROWS else subscriptions[:MAX_ROWS - 1]
    for sub in shown:
        where = _host(sub.callback_url) if sub.callback_url else ""
        if sub.name and sub.name != sub.base_code:
            where = f"{sub.base_code} · {where}" if where else sub.base_code
        rows.append(Row(sub.base_code, sub.name or sub.base_code, where,
                        bool(sub.callback_url), sub.enabled))
        row_of[sub.base_code] = sub.base_code
    rest = subscriptions[len(shown):]
    if rest:
        rows.append(Row(MORE, "", ", ".join(s.base_code for s in rest[:6])
                        + (" …" if len(rest) > 6 else ""),
                        any(s.callback_url for s in rest), True, len(rest)))
        for sub in rest:
            row_of[sub.base_code] = MORE
    return rows, row_of


def _host(url: str) -> str:
    """host:port of a callback URL: enough to tell a simulator from an integrator's system."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or url)

