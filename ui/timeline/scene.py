"""The drawn timeline: a QGraphicsScene built from an order's Timeline.

Layout, top to bottom: a time axis with labelled ticks; the order's own lane (created → ended,
with the events that belong to no track, the evaluation and the end); one lane per track
(环节), labelled with its name and handler names, its bar from generated to handled — open
ended and fading out while not handled — with hang intervals shaded over it. Each event is a
marker on its lane (a mark's own shape for timeouts, transfers, urgings …), its deliveries
as small badges below it, one per subscriber, then one per app user notified over IM (and
pushed when offline). Anomalies ring their event in the theme's error colour. An order
opened from a customer's WeCom message (``Timeline.origins``) says so in its lane's title and
with a green speech bubble on its changeId 1 event, whose tooltip has the message.

Zoom is on the time axis only: ``set_scale`` lays the scene out again at a new number of
pixels per second, so text and badges keep their size. Colours are read from the theme and
the application palette when the scene is built; the panel rebuilds it on a palette change.

Every clickable item carries ``(KIND, payload)`` in its data (roles ``KIND`` and
``PAYLOAD``) so the view can say what was clicked without knowing how it was drawn.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from app.timeline.model import Anomaly, Hang, Mark, Timeline, TimelineEvent, Track
from ui import theme
from ui.timeline import times

KIND, PAYLOAD = 0, 1

LEFT = 24.0  # margin before the first time
RIGHT = 140.0  # room after the last time for badges
AXIS_H = 40.0
LANE_HEAD = 22.0  # the lane's label above its bar
BAR_H = 12.0
BADGE = 11.0
BADGE_GAP = 3.0
ROW_H = BADGE + 5.0
LANE_PAD = 10.0
#: Pixels per second, at most and at least.
MAX_SCALE = 60.0
MIN_SCALE = 1e-5
#: Width of a collapsed gap on the axis.
BREAK_W = 40.0
#: A quiet gap is collapsed when longer than this (seconds) and than twice the rest of the
#: order: a sample order from 2019 with one event stamped today keeps its hours readable.
BREAK_MIN = 6 * 3600
#: An open track's bar runs to the wall clock when it is this close (seconds), else to the
#: last time of the order: sample orders from 2019 should not stretch to today.
NOW_WITHIN = 6 * 3600

#: WeCom's own green: the bubble on an event an order was opened from a WeCom message with.
WECOM_GREEN = "#07c160"
#: How much of a customer's words an order's title quotes (the tooltip has them all).
QUOTE_CHARS = 16

#: Mark kind → (shape, outcome colour).
MARK_STYLE = {
    "timeout": ("triangle", "retry"),
    "transfer": ("arrow", "queued"),
    "supervision": ("square", "info"),
    "urgent": ("diamond", "failed"),
    "comment": ("bubble", "pending"),
    "evaluation": ("star", "ok"),
    "end": ("flag", "ok"),
}


def delivery_outcome(delivery: dict[str, Any]) -> str:
    """A delivery's badge outcome: delivered, failed, retrying (pending after a failed
    attempt), pending, cancelled."""
    status = delivery.get("status")
    if status == "pending" and delivery.get("attempts"):
        return "retrying"
    return str(status or "pending")


#: Badge outcome → theme outcome colour.
OUTCOME_COLOUR = {"delivered": "ok", "failed": "failed", "retrying": "retry",
                  "pending": "pending", "cancelled": "pending",
                  "sent": "ok", "queued": "queued", "pushed": "info"}


@dataclass
class Lane:
    key: str  # "" for the order's own lane, else the track id
    top: float = 0.0
    rows: int = 0  # badge rows used
    track: Track | None = None

    @property
    def centre(self) -> float:
        return self.top + LANE_HEAD + BAR_H / 2

    @property
    def height(self) -> float:
        return LANE_HEAD + BAR_H + 6 + max(self.rows, 1) * ROW_H + LANE_PAD


def _palette() -> QPalette:
    return QApplication.palette()


class TimelineScene(QGraphicsScene):
    """``show(timeline, notices)`` draws an order; ``set_scale(px_per_second)`` zooms."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.notices: dict[int, list[dict[str, Any]]] = {}
        self.scale = 0.05
        self.start = 0.0  # seconds at x = LEFT
        self.end = 0.0
        #: The axis' pieces (start, end) in seconds; between two, a collapsed gap.
        self.segments: list[tuple[float, float]] = [(0.0, 0.0)]
        self.open_end = False  # the order runs on past the last time
        #: Which anomaly message to show: "en" or "zh" (the panel sets it).
        self.language: Callable[[], str] = lambda: "en"
        #: Names of changeIds, by language (the panel sets them from the catalogue).
        self.change_names: Callable[[str], str] = lambda change: f"changeId {change}"
        self._badges: list[tuple[int, str, str]] = []
        self._origins: list[tuple[int, str]] = []
        self._event_pos: dict[int, QPointF] = {}
        self._pinned: list[tuple[QGraphicsItem, float, float]] = []
        self._titles: list[str] = []
        #: What is selected, as ``_identity`` says it; drawn as a dashed outline.
        self.selected: tuple[Any, ...] | None = None
        self._outline: QGraphicsItem | None = None
        self._visible_left = 0.0

    # --- what the panel and tests read ----------------------------------------------------

    def badges(self) -> list[tuple[int, str, str]]:
        """(event id, subscriber or app user, outcome) of every badge drawn. Outcomes:
        delivered, pending, retrying, failed, cancelled; IM: notified-sent or
        notified-queued; pushed."""
        return list(self._badges)

    def origins(self) -> list[tuple[int, str]]:
        """(event id, msgid) of every "opened from WeCom" bubble drawn."""
        return list(self._origins)

    def tagged(self) -> list[tuple[str, Any]]:
        """(kind, payload) of every clickable item drawn: what the scene shows, for tests."""
        return [(str(i.data(KIND)), i.data(PAYLOAD)) for i in self.items() if i.data(KIND)]

    def lane_titles(self) -> list[str]:
        """Each lane's label, top to bottom: the order's, then one per track."""
        return list(self._titles)

    def event_pos(self, event_id: int) -> QPointF | None:
        """Where an event's marker is (scene coordinates), to scroll to it."""
        return self._event_pos.get(event_id)

    def _lefts(self) -> list[float]:
        """Where each axis segment starts, in scene x."""
        out, x = [], LEFT
        for t0, t1 in self.segments:
            out.append(x)
            x += (t1 - t0) * self.scale + BREAK_W
        return out

    def x_of(self, t: float) -> float:
        lefts = self._lefts()
        for i, (t0, t1) in enumerate(self.segments):
            if t < t0 and i:  # inside the collapsed gap before this segment
                before = self.segments[i - 1][1]
                return lefts[i] - BREAK_W + BREAK_W * (t - before) / (t0 - before)
            if t <= t1 or i == len(self.segments) - 1:
                return lefts[i] + (t - t0) * self.scale
        return LEFT  # not reached: the last segment takes everything after it

    def time_at(self, x: float) -> float:
        lefts = self._lefts()
        for i, (t0, t1) in enumerate(self.segments):
            right = lefts[i] + (t1 - t0) * self.scale
            if x < lefts[i] and i:
                before = self.segments[i - 1][1]
                return before + (t0 - before) * (x - lefts[i] + BREAK_W) / BREAK_W
            if x <= right or i == len(self.segments) - 1:
                return t0 + (x - lefts[i]) / self.scale
        return self.start

    def fit_scale(self, width: float) -> float:
        """Pixels per second that fit the whole order in ``width`` pixels."""
        span = max(sum(t1 - t0 for t0, t1 in self.segments), 60.0)
        room = width - LEFT - RIGHT - BREAK_W * (len(self.segments) - 1)
        return min(max(room / span, MIN_SCALE), MAX_SCALE)

    # --- building -------------------------------------------------------------------------

    def show(self, timeline: Timeline | None,
             notices: dict[int, list[dict[str, Any]]] | None = None) -> None:
        self.timeline, self.notices = timeline, notices or {}
        self._range()
        self.rebuild()

    def set_scale(self, scale: float) -> None:
        self.scale = min(max(scale, MIN_SCALE), MAX_SCALE)
        self.rebuild()

    def _range(self) -> None:
        t = self.timeline
        found: list[float] = []
        if t is not None:
            for text in (t.created_at, t.ended_at, *(e.time for e in t.events),
                         *(m.time for m in t.marks),
                         *(x for tr in t.tracks for x in (tr.generated_at, tr.handled_at)),
                         *(x for h in t.hangs for x in (h.requested_at, h.start, h.end))):
                s = times.seconds(text)
                if s is not None:
                    found.append(s)
        now = time.time()
        self.start = min(found) if found else now
        self.end = max(found) if found else now
        self.open_end = t is not None and t.over_type is None
        self.now_at: float | None = None  # when the order runs up to the wall clock
        if self.open_end and 0 <= now - self.end <= NOW_WITHIN:
            self.end = now
            self.now_at = now
            found.append(now)
        self.segments = _segments(sorted(set(found)) or [now])

    def rebuild(self) -> None:
        """Lay everything out again at the current scale, in the current colours."""
        # Forget the old items first: clearing moves the view's scroll bar, which pins.
        self._badges, self._event_pos, self._pinned, self._titles = [], {}, [], []
        self._origins = []
        self._outline = None
        self.clear()
        t = self.timeline
        if t is None:
            self.setSceneRect(QRectF(0, 0, 10, 10))
            return
        pal = _palette()
        self.text_colour = pal.color(QPalette.ColorRole.Text)
        self.dim_colour = pal.color(QPalette.ColorRole.PlaceholderText)
        self.grid_colour = QColor(self.dim_colour)
        self.grid_colour.setAlpha(60)
        self.body_font = QApplication.font()
        self.small = QFont(self.body_font)
        self.small.setPointSizeF(max(self.body_font.pointSizeF() * 0.82, 6.5))
        self.bold = QFont(self.body_font)
        self.bold.setBold(True)

        lanes = self._lanes(t)
        anomalies: dict[int, list[Anomaly]] = {}
        for a in t.anomalies:
            anomalies.setdefault(a.event_id, []).append(a)
        marks = {m.event_id: m for m in t.marks}

        # Badge rows first: they decide each lane's height.
        placed = self._place_badges(t, lanes)
        y = AXIS_H + 6
        for lane in lanes.values():
            lane.top = y
            y += lane.height
        bottom = y
        width = self.x_of(self.end) + RIGHT
        self.setSceneRect(QRectF(0, 0, max(width, 200.0), bottom + 8))

        self._axis(bottom)
        for lane in lanes.values():
            self._lane(t, lane)
        for hang in t.hangs:
            self._hang(hang, lanes.get(hang.track_id) or lanes[""])
        for event in t.events:
            lane = lanes.get(event.track_id or "") or lanes[""]
            self._event(event, lane, marks.get(event.event_id),
                        anomalies.get(event.event_id, []), placed.get(event.event_id, 0))
        for origin in getattr(t, "origins", None) or ():
            self._origin(origin)
        self.pin(self._visible_left)
        self._outline_selected()

    def _lanes(self, t: Timeline) -> dict[str, Lane]:
        lanes = {"": Lane("")}
        for track in t.tracks:
            lanes[track.track_id] = Lane(track.track_id, track=track)
        return lanes

    def _badge_count(self, event: TimelineEvent) -> int:
        notes = self.notices.get(event.event_id, [])
        return len(event.deliveries) + len(notes) + sum(1 for n in notes if n.get("push"))

    def _place_badges(self, t: Timeline, lanes: dict[str, Lane]) -> dict[int, int]:
        """Each event's badge row in its lane: the first row where its group does not
        overlap the group before it (events close in time stack instead of overprinting)."""
        rows_end: dict[str, list[float]] = {key: [] for key in lanes}
        out: dict[int, int] = {}
        for event in sorted(t.events, key=lambda e: (times.seconds(e.time) or 0, e.event_id)):
            key = event.track_id if event.track_id in lanes else ""
            n = self._badge_count(event)
            left = self.x_of(times.seconds(event.time) or self.start) - BADGE / 2
            right = left + max(n, 1) * (BADGE + BADGE_GAP) + 2
            ends = rows_end[key]
            row = next((i for i, end in enumerate(ends) if left > end), len(ends))
            if row == len(ends):
                ends.append(right)
            else:
                ends[row] = right
            out[event.event_id] = row
            lanes[key].rows = max(lanes[key].rows, row + 1)
        return out

    # --- pieces ---------------------------------------------------------------------------

    def _text(self, text: str, x: float, y: float, *, font: QFont | None = None,
              colour: QColor | None = None) -> QGraphicsSimpleTextItem:
        item = self.addSimpleText(text, font or self.body_font)
        item.setBrush(colour or self.text_colour)
        item.setPos(x, y)
        return item

    def _axis(self, bottom: float) -> None:
        step = times.step_for(self.scale)
        fm = QFontMetricsF(self.small)
        previous = None
        pen = QPen(self.grid_colour, 1)
        label_end = -1e9
        lefts = self._lefts()
        for i, (t0, t1) in enumerate(self.segments):
            if i:  # the collapsed gap before this segment: a zigzag and how long it was
                self._gap(lefts[i] - BREAK_W, t0 - self.segments[i - 1][1], bottom)
                previous = None  # say the date again after a gap
            for tick in times.ticks(t0, t1, step):
                x = self.x_of(tick)
                self.addLine(QLineF(x, AXIS_H - 6, x, bottom), pen)
                label = times.tick_label(tick, step, previous)
                previous = tick
                width = fm.horizontalAdvance(label)
                if x - width / 2 < label_end + 8:
                    continue  # no overprinting: this tick goes unlabelled
                label_end = x + width / 2
                self._text(label, x - width / 2, AXIS_H - 8 - fm.height(), font=self.small,
                           colour=self.dim_colour)
        self.addLine(QLineF(0, AXIS_H - 6, self.sceneRect().width(), AXIS_H - 6),
                     QPen(self.dim_colour, 1))
        day = self._text(times.clock(self.start)[:10], 4, 2, font=self.small,
                         colour=self.dim_colour)
        self._pinned.append((day, 4, self.sceneRect().width()))
        if self.now_at is not None:
            x = self.x_of(self.now_at)
            dash = QPen(theme.strong("queued"), 1, Qt.PenStyle.DashLine)
            self.addLine(QLineF(x, AXIS_H - 6, x, bottom), dash)
            self._text(self.tr("now"), x + 3, AXIS_H - 4, font=self.small,
                       colour=theme.strong("queued"))

    def _gap(self, x: float, seconds: float, bottom: float) -> None:
        band = QColor(self.dim_colour)
        band.setAlpha(28)
        rect = QRectF(x + 6, AXIS_H - 6, BREAK_W - 12, bottom - AXIS_H + 6)
        self.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(band))
        zigzag = QPainterPath()
        for edge in (rect.left(), rect.right()):
            zigzag.moveTo(edge, rect.top())
            y, step = rect.top(), 6.0
            while y < rect.bottom():
                y += step
                zigzag.lineTo(edge + (3 if int(y / step) % 2 else -3), min(y, rect.bottom()))
        self.addPath(zigzag, QPen(self.dim_colour, 1))
        label = self._text(times.duration(seconds), 0, 0, font=self.small,
                           colour=self.dim_colour)
        label.setPos(x + BREAK_W / 2 - label.boundingRect().width() / 2, AXIS_H - 4)
        label.setToolTip(self.tr("%1 without events, collapsed").replace(
            "%1", times.duration(seconds)))

    def _bar(self, lane: Lane, start: float | None, end: float | None, outcome: str,
             *, open_end: bool, kind: str, payload: Any, tip: str) -> None:
        x0 = self.x_of(start if start is not None else self.start)
        x1 = self.x_of(end if end is not None else self.end)
        if open_end:
            x1 = max(x1, x0 + 60)  # room for the fade, even just created
        rect = QRectF(x0, lane.centre - BAR_H / 2, max(x1 - x0, 4.0), BAR_H)
        colour = theme.strong(outcome)
        path = QPainterPath()
        path.addRoundedRect(rect, 4, 4)
        item = self.addPath(path, QPen(Qt.PenStyle.NoPen))
        fill = QColor(colour)
        fill.setAlpha(150)
        if open_end:  # still running: fades out to the right
            gradient = QLinearGradient(rect.topLeft(), rect.topRight())
            gradient.setColorAt(0.0, fill)
            gradient.setColorAt(max(0.0, 1 - 60 / rect.width()), fill)
            faded = QColor(fill)
            faded.setAlpha(0)
            gradient.setColorAt(1.0, faded)
            item.setBrush(QBrush(gradient))
        else:
            item.setBrush(fill)
        if start is None:  # never generated: say so with a dashed outline
            item.setPen(QPen(theme.error_colour(), 1, Qt.PenStyle.DashLine))
            item.setBrush(Qt.BrushStyle.NoBrush)
        self._clickable(item, kind, payload, tip)

    def _lane(self, t: Timeline, lane: Lane) -> None:
        track = lane.track
        if track is None:
            contact = t.contact.get("name", "")
            title = " · ".join(x for x in (self.tr("Order %1").replace(
                "%1", t.service_order_code or t.service_order_id), contact) if x)
            origins = getattr(t, "origins", None) or []
            if origins:
                title += " · " + self.origin_text(origins[0])
            start, end = times.seconds(t.created_at), times.seconds(t.ended_at)
            if start is None and t.events:
                start = times.seconds(t.events[0].time)
            state = (self.tr("open") if t.over_type is None else self.tr("ended %1").replace(
                "%1", times.clock(end)))
            tip = f"{title}\n{self.tr('created %1').replace('%1', times.clock(start))}\n{state}"
            self._bar(lane, start, end, "pending", open_end=t.over_type is None,
                      kind="order", payload=t, tip=tip)
            label = self._text(title, self.x_of(start or self.start), lane.top + 2,
                               font=self.bold)
            self._titles.append(title)
            self._pinned.append((label, self.x_of(start or self.start),
                                 self.x_of(end or self.end)))
            return
        name = track.track_name or track.track_code or track.track_id
        start, end = times.seconds(track.generated_at), times.seconds(track.handled_at)
        handlers = ", ".join(h for h in track.handlers if h)
        parts = [name]
        if handlers:
            parts.append(handlers)
        if track.handled_by:
            parts.append(self.tr("handled by %1").replace("%1", track.handled_by))
        elif end is None:
            parts.append(self.tr("waiting"))
        title = " · ".join(parts)
        lines = [title, f"{self.tr('generated')} {times.clock(start)}"]
        if end is not None:
            lines.append(f"{self.tr('handled')} {times.clock(end)}"
                         + (f" ({times.duration(end - start)})" if start is not None else ""))
        if track.track_info:
            lines.append(track.track_info)
        self._bar(lane, start, end, "ok" if end is not None else "queued",
                  open_end=end is None and t.over_type is None, kind="track", payload=track,
                  tip="\n".join(lines))
        x = self.x_of(start if start is not None else self.start)
        label = self._text(title, x, lane.top + 2)
        self._titles.append(title)
        self._pinned.append((label, x, self.x_of(end if end is not None else self.end)))

    def _hang(self, hang: Hang, lane: Lane) -> None:
        begin = times.seconds(hang.start) or times.seconds(hang.requested_at)
        if begin is None:
            return
        end = times.seconds(hang.end)
        x0, x1 = self.x_of(begin), self.x_of(end if end is not None else self.end)
        rect = QRectF(x0, lane.centre - BAR_H / 2 - 4, max(x1 - x0, 3.0), BAR_H + 8)
        colour = theme.strong("retry")
        shade = QColor(colour)
        shade.setAlpha(70)
        box = self.addRect(rect, QPen(colour, 1), QBrush(shade))
        hatch = self.addRect(rect, QPen(Qt.PenStyle.NoPen),
                             QBrush(colour, Qt.BrushStyle.BDiagPattern))
        hatch.setParentItem(box)
        if hang.start is None:  # only asked for: lighter, dashed
            box.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
        steps = " → ".join(s for s, _, _ in hang.transitions)
        lines = [self.tr("Hang (hangStatus %1)").replace("%1", steps),
                 f"{times.clock(begin)} → "
                 + (times.clock(end) if end is not None else self.tr("still hung"))]
        if end is not None:
            lines[-1] += f" ({times.duration(end - begin)})"
        if hang.planned_end:
            lines.append(self.tr("planned until %1").replace("%1", hang.planned_end))
        if hang.by:
            lines.append(hang.by)
        if hang.remark:
            lines.append(hang.remark)
        self._clickable(box, "hang", hang, "\n".join(lines))
        box.setZValue(1)

    def _event(self, event: TimelineEvent, lane: Lane, mark: Mark | None,
               anomalies: list[Anomaly], row: int) -> None:
        t = times.seconds(event.time) or self.start
        x, y = self.x_of(t), lane.centre
        self._event_pos[event.event_id] = QPointF(x, y)
        name = self.change_names(event.change_id)
        tip = [f"#{event.event_id} · changeId {event.change_id} {name}",
               times.clock(t), event.summary]
        if mark is not None:
            shape, outcome = MARK_STYLE.get(mark.kind, ("circle", "info"))
            if mark.kind == "end":
                outcome = {"0": "ok", "1": "pending", "2": "info"}.get(
                    str(mark.details.get("overType")), "info")
            item = self._shape(shape, x, y, theme.strong(outcome))
            if mark.label and mark.label != event.summary:
                tip.append(mark.label)
            kind, payload = "mark", mark
        else:
            item = self._shape("circle", x, y, self._event_colour(event))
            number = self._text(event.change_id, 0, 0, font=self.small,
                                colour=QColor("#ffffff"))
            r = number.boundingRect()
            number.setParentItem(item)  # clicks on the digits are clicks on the marker
            number.setPos(x - r.width() / 2, y - r.height() / 2)
            kind, payload = "event", event.event_id
        item.setZValue(3)
        if anomalies:
            language = self.language()
            ring = self.addEllipse(QRectF(x - 11, y - 11, 22, 22),
                                   QPen(theme.error_colour(), 2.5))
            ring.setZValue(2)
            # A red "!" disc on the ring's shoulder: below the lane's label, above the bar.
            bang = self.addEllipse(QRectF(x + 4, y - 14, 11, 11), QPen(Qt.PenStyle.NoPen),
                                   QBrush(theme.error_colour()))
            mark_text = self._text("!", 0, 0, font=self.small, colour=QColor("#ffffff"))
            mark_text.setParentItem(bang)
            r = mark_text.boundingRect()
            mark_text.setPos(x + 9.5 - r.width() / 2, y - 8.5 - r.height() / 2)
            bang.setZValue(4)
            for a in anomalies:
                message = a.message_zh if language == "zh" else a.message
                tip.append("⚠ " + message)
                self._clickable(bang, "anomaly", a, message)
                self._clickable(ring, "anomaly", a, message)
        self._clickable(item, kind, payload, "\n".join(x for x in tip if x))
        self._event_badges(event, x, y, row)

    def _event_colour(self, event: TimelineEvent) -> QColor:
        if event.change_id == "1":
            return _palette().color(QPalette.ColorRole.Highlight)
        if event.change_id == "2":
            return theme.strong("ok")
        if event.change_id == "6":
            return theme.strong("retry")
        return theme.strong("queued")

    def _event_badges(self, event: TimelineEvent, x: float, y: float, row: int) -> None:
        top = y + BAR_H / 2 + 6 + row * ROW_H
        left = x - BADGE / 2
        if row:  # a stacked group: a thin line back up to its event
            self.addLine(QLineF(x, y + 8, x, top), QPen(self.grid_colour, 1))
        i = 0
        for d in event.deliveries:
            outcome = delivery_outcome(d)
            attempts = d.get("attempts") or 0
            tip = self.tr("Callback to %1: %2 (%n attempt(s))", "", attempts).replace(
                "%1", d["baseCode"]).replace("%2", self.outcome_text(outcome))
            self._badge(left + i * (BADGE + BADGE_GAP), top, "square",
                        OUTCOME_COLOUR.get(outcome, "pending"), "delivery",
                        {**d, "eventId": event.event_id}, tip)
            self._badges.append((event.event_id, d["baseCode"], outcome))
            i += 1
        for n in self.notices.get(event.event_id, []):
            lines = [self.tr("IM to %1: %2").replace("%1", n["userId"]).replace(
                "%2", self.tr("online, sent") if n["status"] == "sent"
                else self.tr("offline, held by the broker"))]
            if n.get("push"):  # one badge per user: the push is its corner dot
                lines.append(self.tr("Mobile push to %1 (%2)").replace(
                    "%1", n["userId"]).replace("%2", str(n["push"].get("platform", ""))))
            badge = self._badge(left + i * (BADGE + BADGE_GAP), top, "round",
                                OUTCOME_COLOUR.get(n["status"], "pending"), "notice",
                                {**n, "eventId": event.event_id}, "\n".join(lines))
            self._badges.append((event.event_id, n["userId"], f"notified-{n['status']}"))
            if n.get("push"):
                dot = self.addPath(push_dot(badge.path().boundingRect()),
                                   QPen(_palette().color(QPalette.ColorRole.Base), 1),
                                   QBrush(theme.strong("info")))
                dot.setParentItem(badge)
                self._badges.append((event.event_id, n["userId"], "pushed"))
            i += 1

    def origin_text(self, origin: dict[str, Any]) -> str:
        """``微信客服 wmAbC…: “厨房水管漏水…”``: where the order came from, short."""
        customer = str(origin.get("externalUserId") or "?")
        if len(customer) > 12:
            customer = customer[:10] + "…"
        words = str(origin.get("content") or "")
        if len(words) > QUOTE_CHARS:
            words = words[:QUOTE_CHARS] + "…"
        return self.tr("from WeCom 微信客服 · customer %1: “%2”").replace(
            "%1", customer).replace("%2", words)

    def origin_tip(self, origin: dict[str, Any]) -> str:
        sent = origin.get("sendTime")
        lines = [self.tr("Opened from a WeCom customer-service message (微信客服)"),
                 self.tr("customer %1").replace("%1", str(origin.get("externalUserId") or "?")),
                 f"“{origin.get('content') or ''}”",
                 f"msgid {origin.get('msgid')}",
                 self.tr("servicer %1 · account %2").replace(
                     "%1", str(origin.get("servicerUserId") or "—")).replace(
                     "%2", str(origin.get("openKfid") or "—"))]
        if isinstance(sent, int | float):
            lines.append(self.tr("sent %1").replace("%1", times.clock(float(sent))))
        return "\n".join(lines)

    def _origin(self, origin: dict[str, Any]) -> None:
        """The green bubble on the top-left shoulder of the event the order was opened with
        (the anomaly disc takes the top-right one)."""
        event_id = origin.get("eventId")
        pos = self._event_pos.get(event_id) if isinstance(event_id, int) else None
        if pos is None:
            return
        path = shape_path("bubble", QPointF(pos.x() - 11, pos.y() - 11), 5.5)
        item = self.addPath(path, QPen(_palette().color(QPalette.ColorRole.Base), 1),
                            QBrush(QColor(WECOM_GREEN)))
        item.setZValue(4)
        self._clickable(item, "origin", origin, self.origin_tip(origin))
        self._origins.append((int(event_id), str(origin.get("msgid"))))  # type: ignore[arg-type]

    def outcome_text(self, outcome: str) -> str:
        texts = {"delivered": self.tr("delivered"), "failed": self.tr("failed"),
                 "retrying": self.tr("retrying"), "pending": self.tr("pending"),
                 "cancelled": self.tr("cancelled")}
        return texts.get(outcome, outcome)

    def _badge(self, x: float, y: float, shape: str, outcome: str, kind: str,
               payload: Any, tip: str) -> QGraphicsPathItem:
        colour = theme.strong(OUTCOME_COLOUR.get(outcome, outcome))
        rect = QRectF(x, y, BADGE, BADGE)
        path = QPainterPath()
        if shape == "round":
            path.addEllipse(rect)
        else:
            path.addRoundedRect(rect, 2, 2)
        item = self.addPath(path, QPen(colour.darker(130), 1), QBrush(colour))
        item.setZValue(3)
        self._clickable(item, kind, payload, tip)
        return item

    def _shape(self, shape: str, x: float, y: float, colour: QColor) -> QGraphicsPathItem:
        """A marker centred on (x, y): each mark kind its own shape (the legend shows them)."""
        path = shape_path(shape, QPointF(x, y))
        outline = _palette().color(QPalette.ColorRole.Base)
        return self.addPath(path, QPen(outline, 1.5), QBrush(colour))

    def _clickable(self, item: QGraphicsItem, kind: str, payload: Any, tip: str) -> None:
        item.setData(KIND, kind)
        item.setData(PAYLOAD, payload)
        item.setToolTip(tip)
        item.setCursor(Qt.CursorShape.PointingHandCursor)

    # --- the selected item -------------------------------------------------------------

    def select(self, kind: str, payload: Any) -> bool:
        """Outline the item whose JSON is shown; it stays outlined across redraws (a new
        event arriving, a zoom). False when no such item is drawn."""
        self.selected = _identity(kind, payload)
        return self._outline_selected()

    def _outline_selected(self) -> bool:
        if self._outline is not None and self._outline.scene() is self:
            self.removeItem(self._outline)
        self._outline = None
        if self.selected is None:
            return False
        item = next((i for i in self.items() if i.data(KIND) and _identity(
            str(i.data(KIND)), i.data(PAYLOAD)) == self.selected), None)
        if item is None:
            return False
        rect = item.sceneBoundingRect().adjusted(-3, -3, 3, 3)
        self._outline = self.addRect(rect, QPen(_palette().color(QPalette.ColorRole.Highlight),
                                                2, Qt.PenStyle.DashLine))
        self._outline.setZValue(10)
        return True

    # --- labels that stay in sight --------------------------------------------------------

    def pin(self, visible_left: float) -> None:
        """Keep lane labels in sight while panning, like sticky headers: a label slides
        right with the view's left edge (each lane is its own row, so it covers nothing of
        another lane), and back to the start of its bar."""
        self._visible_left = visible_left
        for item, natural, _limit in self._pinned:
            item.setX(max(natural, visible_left + 4))


def _segments(found: list[float]) -> list[tuple[float, float]]:
    """The axis' pieces: the order's times with every quiet gap that dwarfs the rest of the
    order collapsed (longest first, while each is over BREAK_MIN and twice what remains)."""
    gaps = sorted(((b - a, a, b) for a, b in itertools.pairwise(found)),
                  reverse=True)
    remaining = found[-1] - found[0]
    cut: set[tuple[float, float]] = set()
    for size, a, b in gaps:
        if size <= BREAK_MIN or size <= 2 * (remaining - size):
            break
        cut.add((a, b))
        remaining -= size
    out, start = [], found[0]
    for _, a, b in sorted(gaps, key=lambda g: g[1]):
        if (a, b) in cut:
            out.append((start, a))
            start = b
    out.append((start, found[-1]))
    return out


def _identity(kind: str, payload: Any) -> tuple[Any, ...]:
    """What makes a clicked thing the same thing after a redraw (payloads are rebuilt)."""
    if kind == "event":
        return (kind, payload)
    if kind in ("mark", "anomaly"):
        return (kind, payload.event_id, payload.kind)
    if kind == "delivery":
        return (kind, payload.get("id"))
    if kind == "origin":
        return (kind, payload.get("msgid"))
    if kind == "notice":
        return (kind, payload.get("eventId"), payload.get("userId"), payload.get("msgid"))
    if kind == "track":
        return (kind, payload.track_id)
    if kind == "hang":
        first = payload.transitions[0][2] if payload.transitions else None
        return (kind, payload.track_id, first)
    return (kind,)


def push_dot(badge: QRectF) -> QPainterPath:
    """The small dot on an IM badge's top-right corner that says "and pushed"."""
    path = QPainterPath()
    path.addEllipse(QPointF(badge.right() - 1, badge.top() + 1), 3.2, 3.2)
    return path


def shape_path(shape: str, c: QPointF, r: float = 7.0) -> QPainterPath:
    """The outline of a marker shape centred on ``c`` (used by the scene and the legend)."""
    path = QPainterPath()
    x, y = c.x(), c.y()
    if shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r * 0.8),
                                   QPointF(x - r, y + r * 0.8)]))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r),
                                   QPointF(x - r, y)]))
    elif shape == "square":
        path.addRect(QRectF(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6))
    elif shape == "arrow":
        path.addPolygon(QPolygonF([QPointF(x - r, y - r * 0.5), QPointF(x, y - r * 0.5),
                                   QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r),
                                   QPointF(x, y + r * 0.5), QPointF(x - r, y + r * 0.5)]))
    elif shape == "star":
        points = []
        for i in range(10):
            radius = r * 1.1 if i % 2 == 0 else r * 0.45
            angle = -math.pi / 2 + i * math.pi / 5
            points.append(QPointF(x + radius * math.cos(angle), y + radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
    elif shape == "bubble":
        path.addRoundedRect(QRectF(x - r, y - r * 0.75, r * 2, r * 1.3), 3, 3)
        path.addPolygon(QPolygonF([QPointF(x - r * 0.4, y + r * 0.5),
                                   QPointF(x - r * 0.6, y + r), QPointF(x, y + r * 0.5)]))
    elif shape == "flag":
        path.addRect(QRectF(x - 1, y - r * 1.4, 2.5, r * 2.4))
        path.addPolygon(QPolygonF([QPointF(x + 1.5, y - r * 1.4), QPointF(x + r * 1.3,
                                   y - r * 0.95), QPointF(x + 1.5, y - r * 0.5)]))
    else:
        path.addEllipse(c, r, r)
    path.closeSubpath()
    return path
