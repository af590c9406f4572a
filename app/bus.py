"""The event bus: the one stream of what happens that the GUI, reports and tests observe.

Handlers are plain callables subscribed per event class (and receive subclasses too). A
handler that raises is logged with its traceback and the others still run: one broken view
must not stop delivery (mitmproxy's ``safecall``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from app.events import CoreEvent

log = logging.getLogger(__name__)

E = TypeVar("E", bound=CoreEvent)
Handler = Callable[[Any], None]


class EventBus:
    def __init__(self) -> None:
        self._handlers: dict[type[CoreEvent], list[Handler]] = {}
        self._resolved: dict[type[CoreEvent], tuple[Handler, ...]] = {}
        #: Handler failures so far, shown in the status bar: nothing fails silently.
        self.failures = 0

    def subscribe(self, kind: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        """Call ``handler`` for every published ``kind`` (or subclass); returns unsubscribe."""
        if not (isinstance(kind, type) and issubclass(kind, CoreEvent)):
            raise TypeError(f"{kind!r} is not a core event class")
        self._handlers.setdefault(kind, []).append(handler)
        self._resolved.clear()

        def unsubscribe() -> None:
            handlers = self._handlers.get(kind, [])
            if handler in handlers:
                handlers.remove(handler)
                self._resolved.clear()

        return unsubscribe

    def publish(self, event: CoreEvent) -> None:
        kind = type(event)
        handlers = self._resolved.get(kind)
        if handlers is None:
            handlers = tuple(h for base in kind.__mro__ for h in self._handlers.get(base, ()))
            self._resolved[kind] = handlers
        for handler in handlers:
            try:
                handler(event)
            except Exception:
                self.failures += 1
                log.exception("event handler %r failed on %s", handler, kind.__name__)
