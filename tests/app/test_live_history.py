"""Older rows read back from a real SQLite file, in the Live feed's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.live import LiveFeed
from app.live_history import KINDS, PAGE, History
from app.wecom.service import KfService
from tests.conftest import example, subscription

WECOM_TEXT = (Path(__file__).resolve().parents[2] / "resources" / "examples" / "wecom" /
              "text.json").read_text(encoding="utf-8")


def attempt(delivery_id: int, number: int, verdict: str, status: int | None) -> dict:
    return {"delivery_id": delivery_id, "attempt": number, "started_at": 1.0 + number,
            "latency_ms": 4.0, "status_code": status, "response_body": "ok",
            "error": None if status else "refused", "verdict": verdict}


async def test_every_kind_reads_back_like_the_live_row_it_was(engine):
    feed = LiveFeed(engine.bus)
    await engine.put_subscription(subscription("HRZ"))
    accepted = await engine.submit(example("envelope-changeId-1.json"), source="compose")
    await engine.submit(b"{not json", source="api")
    (delivery_id,) = [d.delivery_id for d in accepted.deliveries]
    await engine.writer.call(lambda s: s.record_attempts([
        (attempt(delivery_id, 1, "retry", 500), "pending", 9.0),
        (attempt(delivery_id, 2, "delivered", 200), "delivered", None)]))
    await engine.writer.call(lambda s: s.mark_published([(delivery_id, 5.0, True)]))
    await engine.writer.call(lambda s: s.log_im([{
        "at": 6.0, "direction": "out", "user_id": "e1", "type": "order", "msgid": "m1",
        "status": "queued", "reason": None, "body": '{"type": "order"}', "binary": 0}]))
    await engine.writer.call(lambda s: s.record_pushes([{
        "userID": "e1", "platform": "android", "payload": {"extra": {"o_id": "O9"}}}]))

    store = engine.store
    rows = {kind: [History(store, kind).row(i) for i in range(History(store, kind).count)]
            for kind in KINDS}
    (event,) = rows["event"]
    live_event = feed.since(0)[0]
    assert (event.kind, event.outcome, event.topic, event.order, event.who) == (
        live_event.kind, live_event.outcome, live_event.topic, live_event.order, "compose")
    assert event.raw == live_event.raw
    (rejected,) = rows["rejected"]
    assert rejected.topic.startswith("events/rejected/") and rejected.raw == "{not json"
    first, second = rows["callback"]
    assert (first.outcome, second.outcome) == ("retry", "ok")
    assert second.order == "4503599741262301" and second.topic == "callbacks/HRZ"
    assert "HTTP 200" in second.summary and second.meta["deliveryId"] == delivery_id
    (mq,) = rows["mq"]
    assert mq.topic == "wo/push/HRZ/fwwt" and mq.order == "4503599741262301"
    (im,) = rows["im"]
    assert (im.topic, im.outcome) == ("$sktalent/clients/e1", "queued")
    (push,) = rows["push"]
    assert (push.topic, push.order) == ("pushes/android/e1", "O9")


async def test_pages_are_read_once_and_the_end_of_many_rows_costs_one_page(engine):
    await engine.put_subscription(subscription("HRZ"))
    accepted = await engine.submit(example("envelope-changeId-1.json"))
    (delivery_id,) = [d.delivery_id for d in accepted.deliveries]
    total = PAGE * 3 + 7
    await engine.writer.call(lambda s: s.record_attempts([
        (attempt(delivery_id, n, "retry", 503), "pending", 1.0) for n in range(1, total + 1)]))
    history = History(engine.store, "callback")
    assert history.count == total
    last = history.row(total - 1)
    assert last is not None and last.meta["attempt"] == total and history.queries == 1
    assert history.row(total - 2).meta["attempt"] == total - 1 and history.queries == 1
    assert history.row(0).meta["attempt"] == 1 and history.queries == 2
    assert history.row(total) is None and history.row(-1) is None

    # More rows arrive: a refresh counts them and re-reads only the last page.
    await engine.writer.call(lambda s: s.record_attempts([
        (attempt(delivery_id, total + 1, "delivered", 200), "delivered", None)]))
    assert history.refresh() == total + 1
    assert history.row(total).meta["attempt"] == total + 1


def test_an_unknown_kind_is_named(engine):
    with pytest.raises(ValueError, match="history kind must be one of event"):
        History(engine.store, "nope")


async def test_a_short_page_is_read_again_when_more_than_a_page_arrives(engine):
    """A refresh after several pages' worth of rows: the page that was last (and short)
    must not keep its missing rows missing."""
    await engine.put_subscription(subscription("HRZ"))
    accepted = await engine.submit(example("envelope-changeId-1.json"))
    (delivery_id,) = [d.delivery_id for d in accepted.deliveries]

    async def write(first: int, last: int) -> None:
        await engine.writer.call(lambda s: s.record_attempts([
            (attempt(delivery_id, n, "retry", 503), "pending", 1.0)
            for n in range(first, last + 1)]))

    await write(1, PAGE - 50)
    history = History(engine.store, "callback")
    assert history.row(PAGE - 51).meta["attempt"] == PAGE - 50
    await write(PAGE - 49, PAGE * 3)
    history.refresh()
    assert [history.row(i).meta["attempt"] for i in range(PAGE - 52, PAGE + 2)] == list(
        range(PAGE - 51, PAGE + 3))


async def test_an_organisation_push_reads_back_by_its_type_name(engine):
    await engine.put_subscription(subscription("ORG", changeIds=[], orgTypes=[11]))
    accepted = await engine.submit({"body": {"org": {"id": 1}}, "created_at": 1, "org_id": 77,
                                    "operator": 2, "type": 11}, family="org")
    (delivery_id,) = [d.delivery_id for d in accepted.deliveries]
    await engine.writer.call(lambda s: s.mark_published([(delivery_id, 5.0, True)]))
    (event,) = [History(engine.store, "event").row(0)]
    assert event.summary == "org push 11 ORG_UPDATED · org 77 → 1 delivery"
    mq = History(engine.store, "mq").row(0)
    assert (mq.topic, mq.summary) == ("org/push/ORG/77", "org push 11 ORG_UPDATED published "
                                                          "(QoS 1, acknowledged)")


async def test_wecom_messages_read_back_like_their_live_rows(engine):
    feed = LiveFeed(engine.bus)
    desk = KfService(engine).start()
    item = json.loads(WECOM_TEXT)
    await desk.ingest(item)
    live = next(r for r in feed.since(0) if r.kind == "wecom")
    history = History(engine.store, "wecom")
    (row,) = [history.row(i) for i in range(history.count)]
    assert (row.kind, row.outcome, row.topic, row.who, row.summary, row.raw) == (
        live.kind, live.outcome, live.topic, live.who, live.summary, live.raw)
    assert row.meta["msgid"] == item["msgid"]
