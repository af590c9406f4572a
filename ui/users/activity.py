"""What the IM server's bus says about each user, counted as it happens: messages queued for
it while offline, pushes recorded for it, when it last sent or was sent something.

The bus calls in for every IM message (hundreds a second under a crowd), so each call only
bumps a counter and marks the user dirty; the panel turns the dirty users into table rows on
its own, throttled, schedule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.bus import EventBus
from app.events import ImMessageLogged, PushRecorded


@dataclass(slots=True)
class Counts:
    queued: int = 0
    pushes: int = 0
    last_at: float | None = None


class UserActivity:
    def __init__(self) -> None:
        self.counts: dict[str, Counts] = {}
        #: Users whose counts changed since the panel last looked.
        self.dirty: set[str] = set()
        self._unsubscribe: list[Callable[[], None]] = []

    def watch(self, bus: EventBus) -> UserActivity:
        self._unsubscribe = [bus.subscribe(ImMessageLogged, self._on_message),
                             bus.subscribe(PushRecorded, self._on_push)]
        return self

    def close(self) -> None:
        for stop in self._unsubscribe:
            stop()
        self._unsubscribe = []

    def of(self, user_id: str) -> Counts:
        return self.counts.get(user_id) or Counts()

    def seen_online(self, user_id: str) -> None:
        """The broker says the user is connected: its session has handed over what it held."""
        counts = self.counts.get(user_id)
        if counts is not None and counts.queued:
            counts.queued = 0
            self.dirty.add(user_id)

    def forget(self, user_id: str) -> None:
        self.counts.pop(user_id, None)
        self.dirty.discard(user_id)

    def _on_message(self, event: ImMessageLogged) -> None:
        if not event.user_id:
            return
        counts = self.counts.setdefault(event.user_id, Counts())
        counts.last_at = event.at
        if event.status == "queued":
            counts.queued += 1
        self.dirty.add(event.user_id)

    def _on_push(self, event: PushRecorded) -> None:
        counts = self.counts.setdefault(event.user_id, Counts())
        counts.pushes += 1
        self.dirty.add(event.user_id)
