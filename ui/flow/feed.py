"""From the event bus to moving dots and captions, without stalling the loop.

Bus handlers only append the event to ``pending`` (a cheap list append on the platform's
hot path); the panel's frame timer calls ``drain`` to turn at most ``DRAIN_PER_FRAME`` of
them into dots. The queue is bounded: past ``PENDING_MAX``, or while nobody is watching
(panel hidden), an event is counted on its edges at once instead of queued — shown in the
counters as aggregated, never dropped silently.

Captions narrate the last few things in plain words for the presentation mode, one at a
time so each can be read; at high rates the rest are summed up ("… and 1,203 more").
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from app.bus import EventBus
from app.events import (
    CoreEvent,
    DeliveryAttempted,
    EventAccepted,
    EventRejected,
    ImMessageLogged,
    MqPublished,
    PushRecorded,
)
from ui.flow.animation import Animator
from ui.flow.diagram import FlowScene

#: Events waiting for a frame at most; past it they are counted without a dot.
PENDING_MAX = 4_000
#: Events a frame turns into dots (or aggregates) at most, to keep each frame short.
DRAIN_PER_FRAME = 500
#: Captions kept, newest last.
CAPTIONS = 4
#: Seconds between two captions at least; what comes meanwhile is summarised.
CAPTION_GAP = 0.8

KINDS = (EventAccepted, EventRejected, DeliveryAttempted, MqPublished, ImMessageLogged,
         PushRecorded)
_OUTCOME = {"delivered": "ok", "retry": "retry"}
_IM_OUTCOME = {"accepted": "ok", "sent": "ok", "rejected": "rejected", "queued": "queued"}


class FlowFeed(QObject):
    def __init__(self, scene: FlowScene, animator: Animator, *,
                 wake: Callable[[], None] = lambda: None,
                 title: Callable[[str], str] = lambda change_id: "",
                 parent: QObject | None = None) -> None:
        """``wake()`` is called when something arrives (start the frame timer);
        ``title(changeId)`` names an event type for the captions (the catalogue's name)."""
        super().__init__(parent)
        self.scene, self.animator = scene, animator
        self.wake, self.title = wake, title
        self.pending: deque[CoreEvent] = deque()
        #: False while nobody watches: events are counted at once, not queued.
        self.animate = True
        self.counts: Counter[str] = Counter()
        self.captions: deque[str] = deque(maxlen=CAPTIONS)
        #: Captions waiting to be said (the newest few), and how many were summed up.
        self._unsaid: deque[str] = deque(maxlen=3)
        self._uncaptioned = 0
        self._caption_clock = 0.0
        self._caption_at = -CAPTION_GAP
        self._unsubscribe: list[Callable[[], None]] = []

    def listen(self, bus: EventBus) -> None:
        for kind in KINDS:
            self._unsubscribe.append(bus.subscribe(kind, self.take))

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    # --- the hot path ---------------------------------------------------------------------

    def take(self, event: CoreEvent) -> None:
        """A bus handler: queue for the next frame, or count now when the queue is full."""
        if self.animate and len(self.pending) < PENDING_MAX:
            self.pending.append(event)
            if len(self.pending) == 1:
                self.wake()
            return
        self.counts["aggregated"] += 1
        self._show(event, dot=False)

    def drain(self, limit: int = DRAIN_PER_FRAME) -> int:
        """Turn up to ``limit`` queued events into dots; returns how many were taken."""
        pending = self.pending
        n = min(limit, len(pending))
        for _ in range(n):
            self._show(pending.popleft(), dot=True)
        return n

    def settle(self) -> None:
        """Nobody is watching: count what waits, without dots (shown as aggregated)."""
        while self.pending:
            self.counts["aggregated"] += 1
            self._show(self.pending.popleft(), dot=False)

    # --- what each event looks like -------------------------------------------------------

    def _show(self, e: CoreEvent, *, dot: bool) -> None:
        counts = self.counts
        launch = self.animator.launch if dot else self._count
        if isinstance(e, DeliveryAttempted):
            outcome = _OUTCOME.get(e.verdict, "failed")
            counts["callbacks"] += 1
            counts[{"ok": "delivered", "retry": "retries"}.get(outcome, "failed")] += 1
            row = self.scene.row_key(e.base_code)
            self.scene.set_health(e.base_code, outcome)
            if row is not None:
                launch((f"topic:{row}", "callbacks", f"sub:{row}"), outcome,
                       burst=outcome == "failed")
            if dot:
                self._narrate_attempt(e, outcome)
        elif isinstance(e, MqPublished):
            counts["mq"] += 1
            row = self.scene.row_key(e.base_code)
            if row is not None:
                hops = (("router", f"topic:{row}") if row in self.scene.http_rows
                        else ("router", f"topic:{row}", f"sub:{row}"))
                launch(hops, "ok")
        elif isinstance(e, EventAccepted):
            counts["events"] += 1
            counts["deliveries"] += len(e.base_codes)
            launch(("source", "router"), "ok" if e.base_codes else "info")
            if dot:
                self._narrate_accepted(e)
        elif isinstance(e, EventRejected):
            counts["rejected"] += 1
            launch(("source", "router"), "rejected", burst=True)
            if dot:
                first = e.findings[0].message if e.findings else e.reason
                self.caption(self.tr("Refused (%1): %2").replace("%1", e.reason)
                             .replace("%2", first))
        elif isinstance(e, ImMessageLogged):
            counts["im"] += 1
            outcome = _IM_OUTCOME.get(e.status, "info")
            if e.direction == "in":
                hops: tuple[str, ...] = ("users", "im")
            elif e.type == "repair_status_changed":  # a 1001 record of a work-order event
                hops = ("router", "im", "users")
            else:
                hops = ("im", "users")
            launch(hops, outcome, burst=outcome == "rejected")
            if dot:
                self._narrate_im(e)
        elif isinstance(e, PushRecorded):
            counts["pushes"] += 1
            counts[f"push:{e.platform}"] += 1
            launch(("im", "push", "users"), "queued")
            if dot:
                self.caption(self.tr("%1 is offline: %2 push recorded for the gateway")
                             .replace("%1", e.user_id).replace("%2", e.platform))

    def _count(self, hops: tuple[str, ...], _outcome: str, *, burst: bool = False) -> bool:
        self.animator.count(hops)
        return False

    # --- captions -------------------------------------------------------------------------

    def caption(self, text: str) -> None:
        """Say this soon. Captions are released one per ``CAPTION_GAP`` seconds (by
        ``advance``) so that each can be read; when more come than can be said, the oldest
        unsaid ones are summed up ("… and 12 more")."""
        if len(self._unsaid) == self._unsaid.maxlen:
            self._unsaid.popleft()
            self._uncaptioned += 1
        self._unsaid.append(text)

    def advance(self, dt: float) -> bool:
        """Let ``dt`` seconds pass for the captions; True when a new one was said."""
        self._caption_clock += dt
        if not self._unsaid or self._caption_clock - self._caption_at < CAPTION_GAP:
            return False
        if self._uncaptioned:
            self.captions.append(self.tr("… and %n more message(s)", "", self._uncaptioned))
            self._uncaptioned = 0
        self.captions.append(self._unsaid.popleft())
        self._caption_at = self._caption_clock
        return True

    def _narrate_accepted(self, e: EventAccepted) -> None:
        name = self.title(e.change_id) or f"changeId {e.change_id}"
        n = len(e.base_codes)
        if e.service_order_id:
            head = self.tr("Order %1: %2").replace("%1", e.service_order_id).replace("%2", name)
        else:
            head = name
        if n:
            self.caption(self.tr("%1 → routed to %n subscriber(s)", "", n).replace("%1", head))
        else:
            self.caption(self.tr("%1 → no subscription takes it").replace("%1", head))

    def _narrate_attempt(self, e: DeliveryAttempted, outcome: str) -> None:
        answer = f"HTTP {e.status_code}" if e.status_code is not None else (e.error or "?")
        if outcome == "ok":
            text = self.tr("%1 received it (%2, %3 ms)").replace("%1", e.base_code).replace(
                "%2", answer).replace("%3", f"{e.latency_ms:.0f}")
        elif outcome == "retry":
            text = self.tr("%1 answered %2: retrying (attempt %3)").replace(
                "%1", e.base_code).replace("%2", answer).replace("%3", str(e.attempt))
        else:
            text = self.tr("%1 failed for good after %n attempt(s): %2", "", e.attempt).replace(
                "%1", e.base_code).replace("%2", answer)
        self.caption(text)

    def _narrate_im(self, e: ImMessageLogged) -> None:
        who = e.user_id or "?"
        if e.direction == "in" and e.status == "rejected":
            self.caption(self.tr("The IM server refused a message from %1: %2").replace(
                "%1", who).replace("%2", e.reason or ""))
        elif e.direction == "in" and e.type == "order_chat":
            self.caption(self.tr("%1 sent a chat message").replace("%1", who))
        elif e.status == "queued":
            self.caption(self.tr("%1 is offline: the broker keeps the message").replace(
                "%1", who))

    def snapshot(self) -> dict[str, Any]:
        return dict(self.counts)

    def saying(self) -> bool:
        """Whether captions still wait to be said."""
        return bool(self._unsaid)
