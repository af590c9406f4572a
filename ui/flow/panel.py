"""The Flow panel: the platform's parts as a live diagram, each message a dot moving along
its path, coloured by outcome — for demos, and for seeing at a glance where things go.

Scriptable (the lead's screenshot command, end-to-end tests):

- ``view``, ``scene``: the QGraphicsView and the FlowScene it shows.
- ``nodes() -> dict[str, QGraphicsItem]``: by key — "source", "router", "callbacks", "im",
  "users", "push", and "topic:<baseCode>", "sub:<baseCode>" per subscriber row ("+more" for
  the subscribers folded into the last row).
- ``step(dt)``: take queued events and advance the animation by ``dt`` seconds, without
  timers (tests run on a loop where Qt timers do not fire).
- ``in_flight() -> int``: dots moving now. ``counters() -> dict``: what was seen (events,
  rejected, deliveries, callbacks, delivered, retries, failed, mq, im, pushes), what
  travelled as a dot (animated), was counted without one (aggregated), and still waits
  (pending); ``edges`` maps "a>b" edge keys to their counts.
- ``presentation(on)``: the full-screen window for a room (``presenter``); Esc leaves.
- ``scenario_caption(text)``: a scenario demo's caption of the moment, in the presentation's
  largest type ("" clears it; closing the presentation clears it too). The hub's
  ``scenario_caption`` signal calls it; the hub's ``presentation_closed`` says it closed.
- ``relayout()``: lay the picture out again from the current subscriptions now (it also
  happens on its own, shortly after a subscription is saved or removed).
- ``pause``, ``speed`` (a slider, percent): pause the animation; nothing is lost meanwhile.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.events import SubscriptionRemoved, SubscriptionSaved
from ui import theme
from ui.flow.animation import Animator
from ui.flow.diagram import MORE, FlowScene
from ui.flow.feed import FlowFeed
from ui.flow.presentation import PresentationWindow
from ui.flow.view import FlowView
from ui.hub import Hub
from ui.panel import Panel, empty_state

if TYPE_CHECKING:
    from app.platform import Platform

#: Frame interval in milliseconds: about 30 frames per second while something moves, smooth
#: enough to follow and half the painting of 60.
FRAME_MS = 33
#: The longest frame interval under load (5 frames per second).
MAX_FRAME_MS = 200
#: Frames take at most about this share of the time: when painting a frame gets dear
#: (everything glows at once under thousands of messages a second), frames come less often
#: rather than starving the platform that runs on the same thread.
FRAME_SHARE = 0.15
#: How often the app users' and push gateway's figures are read again, in milliseconds.
PARTS_MS = 1_000
#: A burst of subscription changes is laid out once, after this quiet time (ms).
RELAYOUT_MS = 150
#: The longest step a frame takes (s): after a stall, dots jump this far at most.
MAX_DT = 0.1
LEGEND = ("ok", "retry", "failed", "queued", "info")


def frame_interval(cost_ms: float) -> int:
    """The next frame's interval for a frame that cost ``cost_ms`` (step and paint)."""
    return int(min(MAX_FRAME_MS, max(FRAME_MS, cost_ms / FRAME_SHARE)))


class FlowPanel(Panel):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.scene = FlowScene(self)
        self.animator = Animator(self.scene)
        self.feed = FlowFeed(self.scene, self.animator, wake=self._wake, parent=self)
        self.view = FlowView(self.scene)
        self.presenter: PresentationWindow | None = None
        self.moment = ""  # a scenario demo's caption of the moment

        self.pause = QToolButton()
        self.pause.setCheckable(True)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(25, 300)
        self.speed.setValue(100)
        self.speed.setSingleStep(25)
        self.speed.setMaximumWidth(140)
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(48)
        self.present = QToolButton()
        self.present.setCheckable(True)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.empty = empty_state()
        self.hint = empty_state()
        self.hint.setMargin(6)
        self.hint.setVisible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.pause)
        self.speed_title = QLabel()
        bar.addWidget(self.speed_title)
        bar.addWidget(self.speed)
        bar.addWidget(self.speed_label)
        bar.addStretch(1)
        bar.addWidget(self.present)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.state)

        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._frame)
        self.clock = QElapsedTimer()
        self.parts_timer = QTimer(self)
        self.parts_timer.setInterval(PARTS_MS)
        self.parts_timer.timeout.connect(self.refresh_parts)
        self.relayout_timer = QTimer(self)
        self.relayout_timer.setSingleShot(True)
        self.relayout_timer.setInterval(RELAYOUT_MS)
        self.relayout_timer.timeout.connect(self.relayout)
        self._unsubscribe: list[Any] = []
        self._state_text = ""

        self.pause.toggled.connect(self._paused)
        self.speed.valueChanged.connect(self._speed_changed)
        self.present.toggled.connect(self.presentation)
        self.scene.activated.connect(self._activated)
        hub.scenario_caption.connect(self.scenario_caption)
        # F11 is the main window's View › Presentation action (one shortcut, no ambiguity);
        # inside the presentation window, F11 and Esc leave.
        self.retranslate()

    # --- the platform ---------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        super().attach(platform)
        catalog = platform.engine.catalog.workorder

        def title(change_id: str) -> str:
            kind = catalog.by_id.get(change_id)
            return kind.zh if kind is not None else ""

        self.feed.title = title
        self.relayout()
        bus = platform.engine.bus
        self.feed.listen(bus)
        self._unsubscribe = [bus.subscribe(SubscriptionSaved, self._subscriptions_changed),
                             bus.subscribe(SubscriptionRemoved, self._subscriptions_changed)]
        self.stack.setCurrentWidget(self.view)
        self._watching()
        self.refresh_parts()

    def detach(self) -> None:
        """The platform is about to stop: no more frames or reads, off its bus."""
        self.presentation(False)
        for timer in (self.timer, self.parts_timer, self.relayout_timer):
            timer.stop()
        self.feed.close()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    def relayout(self) -> None:
        """Lay the picture out from the subscriptions and the parts running now."""
        self.relayout_timer.stop()
        platform = self.platform
        if platform is None:
            return
        self.animator.reset()
        self.scene.build(platform.engine.subscriptions(), mq=platform.mq.client is not None,
                         im=platform.im is not None)
        dispatcher = platform.dispatcher
        if dispatcher is not None:  # the status dots start from the callback service's record
            for row in self.scene.rows:
                if row.key == MORE or not row.http:
                    continue
                health = dispatcher.health(row.key)
                if health["consecutiveFailures"]:
                    self.scene.set_health(row.key, "failed")
                elif health["delivered"]:
                    self.scene.set_health(row.key, "ok")
        self._show_hint()
        self.refresh_parts()

    def _show_hint(self) -> None:
        self.hint.setText(self.scene.hint)
        self.hint.setVisible(bool(self.scene.hint))

    def _subscriptions_changed(self, _event: object) -> None:
        self.relayout_timer.start()

    def refresh_parts(self) -> None:
        """The app users' and the push gateway's figures (cheap reads, once a second)."""
        platform = self.platform
        if platform is None:
            return
        im = platform.im
        if im is not None:
            users = im.users
            presence = None
            if platform.mq.broker is not None:
                presence = platform.mq.broker.presence.clients
            elif platform.mq.client_events is not None:
                presence = platform.mq.client_events.presence.clients
            detail = self.tr("%n IM user(s)", "", len(users))
            if presence is not None:
                online = sum(1 for client in presence if client in users)
                detail += self.tr(" · %n online", "", online)
            phones = platform.phones
            if phones is not None and phones.users:
                detail += self.tr(" · %n simulated", "", len(phones.users))
            self.scene.set_users(self.tr("App users"), detail)
        counts = self.feed.counts
        platforms = sorted(k.split(":", 1)[1] for k in counts if k.startswith("push:"))
        detail = " · ".join(f"{p} {counts['push:' + p]:,}" for p in platforms)
        self.scene.set_push(self.tr("Push gateway"), detail or self.tr("Android · iOS"))

    # --- frames ---------------------------------------------------------------------------

    def _wake(self) -> None:
        """Something arrived: run frames, unless paused or unseen."""
        if not self.timer.isActive() and not self.pause.isChecked() and self.feed.animate:
            self.clock.start()
            self.timer.start()

    def _frame(self) -> None:
        dt = min(self.clock.restart() / 1000.0, MAX_DT)
        started = time.perf_counter()
        self.step(dt)
        if not self.feed.pending and not self.animator.moving() and not self.feed.saying():
            self.timer.stop()  # nothing moves: no frames, no CPU
            return
        cost = (time.perf_counter() - started) * 1000 + self.view.paint_ms
        self.timer.setInterval(frame_interval(cost))

    def step(self, dt: float) -> None:
        """Take queued events and advance the animation by ``dt`` seconds (times the
        speed); paused, nothing moves and the events wait."""
        if not self.pause.isChecked():
            self.feed.drain()
            self.animator.step(dt * self.speed.value() / 100.0)
            self.feed.advance(dt)
        else:
            self.animator.step(0.0)
        self._update_state()

    def in_flight(self) -> int:
        return self.animator.in_flight()

    def nodes(self) -> dict[str, QGraphicsItem]:
        return dict(self.scene.node_items)

    def counters(self) -> dict[str, Any]:
        counts = self.feed.counts
        out: dict[str, Any] = {key: counts[key] for key in (
            "events", "rejected", "deliveries", "callbacks", "delivered", "retries", "failed",
            "mq", "im", "pushes")}
        out["animated"] = self.animator.animated
        out["aggregated"] = self.animator.aggregated + counts["aggregated"]
        out["pending"] = len(self.feed.pending)
        out["in_flight"] = self.animator.in_flight()
        out["edges"] = {k: e.count for k, e in self.scene.edge_items.items()}
        return out

    def _paused(self, paused: bool) -> None:
        if not paused and (self.feed.pending or self.animator.moving()):
            self._wake()
        elif paused:
            self.timer.stop()
        self._update_state()

    def _speed_changed(self, value: int) -> None:
        self.speed_label.setText(f"{value / 100:.2g}×")

    # --- who is watching ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watching()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._watching()

    def _watching(self) -> None:
        """Animate only while someone can see it; meanwhile, count without dots."""
        seen = self.isVisible() or self.presenter is not None
        self.feed.animate = seen
        if seen and self.platform is not None:
            self.parts_timer.start()
            if self.feed.pending:
                self._wake()
        else:
            self.parts_timer.stop()
            self.timer.stop()
            self.feed.settle()  # nobody will see these move: count them now

    # --- presentation ---------------------------------------------------------------------

    def presentation(self, on: bool) -> None:
        """Open (or close) the full-screen presentation window on the same picture."""
        if on and self.presenter is None:
            self.presenter = PresentationWindow(self.scene, self)
            self.presenter.closed.connect(self._presentation_closed)
            self.presenter.legend.setText(self._legend_html())
            self.presenter.set_captions(list(self.feed.captions))
            self.presenter.set_moment(self.moment)
            self.presenter.showFullScreen()
            self.presenter.activateWindow()
        elif not on and self.presenter is not None:
            self.presenter.close()
        self._watching()

    def scenario_caption(self, text: str) -> None:
        """Show a scenario demo's caption of the moment in the presentation ("" clears)."""
        self.moment = text
        if self.presenter is not None:
            self.presenter.set_moment(text)

    def _presentation_closed(self) -> None:
        presenter, self.presenter = self.presenter, None
        if presenter is not None:
            presenter.deleteLater()
        self.moment = ""  # a demo ends with the presentation
        self.present.blockSignals(True)
        self.present.setChecked(False)
        self.present.blockSignals(False)
        self._watching()
        self.hub.presentation_closed.emit()

    # --- words and colours ----------------------------------------------------------------

    def _activated(self, key: str) -> None:
        """A double-clicked node shows its messages in Live."""
        kind, _, code = key.partition(":")
        if code == MORE:
            return
        filters = {"sub": (code, "text"), "topic": (f"wo/push/{code}/#", "topic"),
                   "callbacks": ("callbacks/#", "topic"), "router": ("events/#", "topic"),
                   "source": ("events/#", "topic"), "im": ("$sktalent/#", "topic"),
                   "users": ("$sktalent/clients/#", "topic"), "push": ("pushes/#", "topic")}
        if kind in filters:
            self.hub.filter_live.emit(*filters[kind])

    def _legend_html(self) -> str:
        names = {"ok": self.tr("delivered / published"), "retry": self.tr("retrying"),
                 "failed": self.tr("failed or refused"),
                 "queued": self.tr("queued for an offline user"),
                 "info": self.tr("no subscriber")}
        return "&nbsp;&nbsp; ".join(
            f'<span style="color:{theme.strong(o).name()}">●</span>&nbsp;{names[o]}'
            for o in LEGEND)

    def _update_state(self) -> None:
        c = self.counters()
        parts = [self.tr("%n event(s)", "", c["events"]),
                 self.tr("%n delivered", "", c["delivered"]),
                 self.tr("%n retried", "", c["retries"]),
                 self.tr("%n failed", "", c["failed"]),
                 self.tr("%n rejected", "", c["rejected"]),
                 self.tr("MQ %1").replace("%1", f"{c['mq']:,}"),
                 self.tr("IM %1").replace("%1", f"{c['im']:,}"),
                 self.tr("pushes %1").replace("%1", f"{c['pushes']:,}"),
                 self.tr("%n moving", "", c["in_flight"])]
        if c["aggregated"]:
            parts.append(self.tr("%n counted without a dot (too many at once)", "",
                                 c["aggregated"]))
        if self.pause.isChecked():
            parts.append(self.tr("paused: %n waiting", "", c["pending"]))
        text = " · ".join(parts)
        if text != self._state_text:
            self._state_text = text
            self.state.setText(text)
        if self.presenter is not None:
            self.presenter.totals.setText(self.tr("%1 events · %2 delivered · %3 failed")
                                          .replace("%1", f"{c['events']:,}")
                                          .replace("%2", f"{c['delivered']:,}")
                                          .replace("%3", f"{c['failed'] + c['rejected']:,}"))
            self.presenter.set_captions(list(self.feed.captions))

    def retranslate(self) -> None:
        self.pause.setText(self.tr("Pause"))
        self.pause.setToolTip(self.tr("Freeze the dots; what arrives meanwhile waits (and is "
                                      "counted) until you resume"))
        self.speed_title.setText(self.tr("Speed"))
        self.speed.setToolTip(self.tr("How fast the dots travel"))
        self._speed_changed(self.speed.value())
        self.present.setText(self.tr("Present (F11)"))
        self.present.setToolTip(self.tr(
            "Full screen with large type and captions, for a demo; Esc leaves"))
        self.empty.setText(self.tr(
            "The platform is starting…\n\nOnce it is up, this shows its parts — router, MQ "
            "topics, callback service, subscribers, IM server, app users — and every "
            "message moving between them."))
        self.view.setToolTip(self.tr("Double-click a box to show its messages in Live"))
        self.legend.setText(self._legend_html())
        self.scene.retranslate()
        self._show_hint()
        self.refresh_parts()
        self._update_state()
        if self.presenter is not None:
            self.presenter.legend.setText(self._legend_html())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour
            self.legend.setText(self._legend_html())
            if self.presenter is not None:
                self.presenter.legend.setText(self._legend_html())
            self.scene.update()
        super().changeEvent(event)
