"""Per-user counts from the bus: queued while offline, pushes, last message."""

from __future__ import annotations

from app.bus import EventBus
from app.events import ImMessageLogged, PushRecorded
from ui.users.activity import UserActivity


def test_queued_messages_and_pushes_are_counted_until_the_user_is_seen_online():
    bus = EventBus()
    activity = UserActivity().watch(bus)
    bus.publish(ImMessageLogged(direction="out", user_id="e1", type="order_chat", msgid="m1",
                                status="queued", at=10.0))
    bus.publish(PushRecorded(user_id="e1", platform="ios", doc={}))
    bus.publish(ImMessageLogged(direction="in", user_id=None, type=None, msgid=None,
                                status="rejected"))
    assert activity.of("e1").queued == 1 and activity.of("e1").pushes == 1
    assert activity.of("e1").last_at == 10.0
    assert activity.dirty == {"e1"}
    activity.dirty.clear()
    activity.seen_online("e1")
    assert activity.of("e1").queued == 0 and activity.dirty == {"e1"}
    activity.close()
    bus.publish(PushRecorded(user_id="e1", platform="ios", doc={}))
    assert activity.of("e1").pushes == 1
