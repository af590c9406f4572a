"""The router: which subscriptions an accepted event goes to, and the topic of each."""

from __future__ import annotations

from app.catalog import Catalog
from app.catalog.envelope import Envelope
from app.routing.index import SubscriptionIndex
from app.routing.subscription import Subscription
from app.routing.topics import topic_for

__all__ = ["Router", "UnsupportedEvent", "topic_for"]


class UnsupportedEvent(ValueError):
    """A changeId the platform does not send (8 督办), refused unless the user allows it."""


class Router:
    def __init__(self, catalog: Catalog, index: SubscriptionIndex,
                 allow_unsupported: bool = False) -> None:
        self.catalog = catalog
        self.index = index
        self.allow_unsupported = allow_unsupported

    def route(self, envelope: Envelope) -> list[Subscription]:
        """The enabled subscriptions the event goes to; UnsupportedEvent for changeId 8."""
        message_type = self.catalog.change(envelope.change_id)
        if message_type is not None and not message_type.supported and not self.allow_unsupported:
            raise UnsupportedEvent(
                f"changeId {envelope.change_id} ({message_type.zh}, {message_type.en}) is not "
                "supported by the platform (暂不支持); turn on \"allow unsupported events\" to "
                "send it anyway for a test")
        return self.index.match(envelope.data_area, envelope.change_id)
