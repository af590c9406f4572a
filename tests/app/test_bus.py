from __future__ import annotations

import logging

import pytest

from app.bus import EventBus
from app.events import CoreEvent, DataAreaRemoved, DataAreaSaved


def test_handlers_get_their_class_and_subclasses():
    bus, everything, saved = EventBus(), [], []
    bus.subscribe(CoreEvent, everything.append)
    bus.subscribe(DataAreaSaved, saved.append)
    bus.publish(DataAreaSaved(code="a", name="A"))
    bus.publish(DataAreaRemoved(code="a"))
    assert [type(e) for e in everything] == [DataAreaSaved, DataAreaRemoved]
    assert [e.code for e in saved] == ["a"]


def test_unsubscribe():
    bus, seen = EventBus(), []
    stop = bus.subscribe(DataAreaRemoved, seen.append)
    bus.publish(DataAreaRemoved(code="a"))
    stop()
    stop()  # twice is harmless
    bus.publish(DataAreaRemoved(code="b"))
    assert [e.code for e in seen] == ["a"]


def test_a_failing_handler_is_logged_and_the_others_run(caplog):
    bus, seen = EventBus(), []

    def broken(_event):
        raise ValueError("boom")

    bus.subscribe(DataAreaRemoved, broken)
    bus.subscribe(DataAreaRemoved, seen.append)
    with caplog.at_level(logging.ERROR):
        bus.publish(DataAreaRemoved(code="a"))
    assert seen and bus.failures == 1
    assert "boom" in caplog.text and "DataAreaRemoved" in caplog.text


def test_only_core_event_classes_can_be_subscribed():
    with pytest.raises(TypeError):
        EventBus().subscribe(dict, print)  # type: ignore[arg-type]
