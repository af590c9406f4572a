"""Store over a real SQLite file: pragmas, the batched event write, orders, the small tables,
and reading back — also from a second connection, as the GUI and the writer thread do."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.store import NewEvent, Store, WrittenEvent
from app.store.migrations import LATEST

ORDER = "4503599741262301"


def new_event(change_id: str = "5", order: str | None = ORDER, deliveries: tuple[str, ...] = (),
              data: dict[str, Any] | None = None, **fields: Any) -> NewEvent:
    if data is None:
        data = {"serviceOrderId": order} if order else {}
    return NewEvent(change_id=change_id, data_area="fwwt",
                    data_json=json.dumps(data, ensure_ascii=False), deliveries=list(deliveries),
                    service_order_id=order, **fields)


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def reader(store: Store, db_path: Path) -> Iterator[Store]:
    """A second, independent connection to the same file."""
    s = Store.open(db_path)
    try:
        yield s
    finally:
        s.close()


def rows(store: Store, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    return list(store.db.query(sql, params))


# --- opening ---------------------------------------------------------------------------


def test_open_creates_the_file_and_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "deeper" / "studio.db"
    assert not path.exists()
    store = Store.open(path)
    try:
        assert path.is_file()
        assert store.path == path
        assert store.schema_version == LATEST
    finally:
        store.close()


def test_open_uses_wal_and_full_sync_when_durable(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_open_not_durable_uses_normal_sync(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "fast.db", durable=False)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    finally:
        store.close()


def test_wal_mode_is_persistent_in_the_file(store: Store, db_path: Path) -> None:
    import sqlite3

    plain = sqlite3.connect(db_path)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


# --- write_events ----------------------------------------------------------------------


def test_write_events_empty_batch_writes_nothing(store: Store) -> None:
    assert store.write_events([]) == []
    assert store.counts() == {"events": 0, "rejections": 0}


def test_event_ids_are_consecutive_across_batches(store: Store) -> None:
    first = store.write_events([new_event(), new_event(), new_event()])
    second = store.write_events([new_event(), new_event()])
    assert [w.event_id for w in first] == [1, 2, 3]
    assert [w.event_id for w in second] == [4, 5]
    assert [r["id"] for r in rows(store, "SELECT id FROM events ORDER BY id")] == [1, 2, 3, 4, 5]


def test_delivery_ids_are_consecutive_ranges_across_events_and_batches(store: Store) -> None:
    a, b, c = store.write_events([new_event(deliveries=("A", "B")),
                                  new_event(deliveries=()),
                                  new_event(deliveries=("C",))])
    (d,) = store.write_events([new_event(deliveries=("A", "B", "C"))])
    assert isinstance(a, WrittenEvent)
    assert a.delivery_ids == range(1, 3)
    assert a.base_codes == ("A", "B")
    assert list(b.delivery_ids) == []
    assert b.base_codes == ()
    assert c.delivery_ids == range(3, 4)
    assert d.delivery_ids == range(4, 7)
    assert d.first_delivery_id == 4

    events = {r["id"]: r for r in rows(store, "SELECT * FROM events")}
    assert (events[1]["first_delivery_id"], events[1]["delivery_count"]) == (1, 2)
    assert (events[2]["first_delivery_id"], events[2]["delivery_count"]) == (None, 0)
    assert (events[3]["first_delivery_id"], events[3]["delivery_count"]) == (3, 1)
    assert (events[4]["first_delivery_id"], events[4]["delivery_count"]) == (4, 3)


def test_delivery_rows_are_pending_with_their_event_and_base_code(store: Store) -> None:
    written = store.write_events([new_event(deliveries=("HRZDWYWHXT", "OTHER")),
                                  new_event(deliveries=()),
                                  new_event(deliveries=("THIRD",))])
    got = rows(store, "SELECT * FROM deliveries ORDER BY id")
    assert [(r["id"], r["event_id"], r["base_code"], r["status"], r["attempts"]) for r in got] == [
        (1, written[0].event_id, "HRZDWYWHXT", "pending", 0),
        (2, written[0].event_id, "OTHER", "pending", 0),
        (3, written[2].event_id, "THIRD", "pending", 0),
    ]
    for r in got:
        assert r["created_at"] > 0
        assert r["next_attempt_at"] is not None
        assert r["updated_at"] is None and r["last_error"] is None


def test_written_ids_match_the_rows(store: Store) -> None:
    events = [new_event(deliveries=tuple(f"S{i}{j}" for j in range(i % 3)),
                        data={"i": i, "serviceOrderId": ORDER}) for i in range(20)]
    written = store.write_events(events)
    for i, w in enumerate(written):
        row = store.event(w.event_id)
        assert row is not None
        assert row["data"]["i"] == i
        deliveries = store.deliveries_for([w.event_id])[w.event_id]
        assert [d["id"] for d in deliveries] == list(w.delivery_ids)
        assert [d["base_code"] for d in deliveries] == list(events[i].deliveries)
        assert all(d["event_id"] == w.event_id for d in deliveries)


def test_event_row_keeps_every_field(store: Store) -> None:
    ev = new_event(change_id="1", source="gui", encoding="object",
                   warnings_json=json.dumps([{"path": "data.userid"}]), received_at=1564733782.5,
                   data={"serviceOrderId": ORDER, "remark": "测试房屋问题4"})
    (w,) = store.write_events([ev])
    row = store.event(w.event_id)
    assert row == {
        "id": w.event_id, "received_at": 1564733782.5, "source": "gui", "change_id": "1",
        "data_area": "fwwt", "service_order_id": ORDER,
        "data": {"serviceOrderId": ORDER, "remark": "测试房屋问题4"}, "encoding": "object",
        "warnings": [{"path": "data.userid"}], "first_delivery_id": None, "delivery_count": 0,
    }
    assert store.event(w.event_id + 1) is None


def test_event_without_an_order_writes_no_order_row(store: Store) -> None:
    (w,) = store.write_events([new_event(order=None, deliveries=("A",))])
    assert rows(store, "SELECT * FROM orders") == []
    assert store.event(w.event_id)["service_order_id"] is None


# --- orders ----------------------------------------------------------------------------


def test_order_upsert_counts_events_and_keeps_code_and_contact(store: Store) -> None:
    store.write_events([new_event("1", service_order_code="0120190802003048",
                                  contact_user_id="110640113", contact_name="噜噜噜")])
    order = store.order(ORDER)
    assert order is not None
    assert order["service_order_code"] == "0120190802003048"
    assert (order["contact_user_id"], order["contact_name"]) == ("110640113", "噜噜噜")
    assert (order["first_event_id"], order["last_event_id"]) == (1, 1)
    assert (order["event_count"], order["last_change_id"]) == (1, "1")

    # A later event lacks the contact and sends an empty code: both are kept.
    store.write_events([new_event("5", service_order_code="")])
    store.write_events([new_event("2", service_order_code=None), new_event("3")])
    order = store.order(ORDER)
    assert order["service_order_code"] == "0120190802003048"
    assert (order["contact_user_id"], order["contact_name"]) == ("110640113", "噜噜噜")
    assert order["first_event_id"] == 1
    assert order["last_event_id"] == 4
    assert order["last_change_id"] == "3"
    assert order["event_count"] == 4


def test_two_events_of_one_order_in_one_batch(store: Store) -> None:
    store.write_events([new_event("1", service_order_code="C1", contact_name="甲"),
                        new_event("5"), new_event("2", order="OTHER")])
    order = store.order(ORDER)
    assert (order["event_count"], order["first_event_id"], order["last_event_id"]) == (2, 1, 2)
    assert order["last_change_id"] == "5"
    assert order["contact_name"] == "甲"
    other = store.order("OTHER")
    assert (other["event_count"], other["first_event_id"], other["last_event_id"]) == (1, 3, 3)


def test_later_contact_replaces_earlier(store: Store) -> None:
    store.write_events([new_event("1", contact_user_id="u1", contact_name="张三")])
    store.write_events([new_event("1", contact_user_id="u2", contact_name="李四",
                                  service_order_code="NEW")])
    order = store.order(ORDER)
    assert (order["contact_user_id"], order["contact_name"]) == ("u2", "李四")
    assert order["service_order_code"] == "NEW"


def test_order_unknown_is_none(store: Store) -> None:
    assert store.order("nope") is None


def test_find_orders_by_id_code_contact_id_and_name(store: Store) -> None:
    store.write_events([
        new_event("1", order="4503599741262301", service_order_code="0120190802003048",
                  contact_user_id="110640113", contact_name="噜噜噜"),
        new_event("1", order="4503599741262999", service_order_code="0120190802009999",
                  contact_user_id="220000001", contact_name="王小明"),
    ])
    store.write_events([new_event("5", order="4503599741262301")])

    def ids(text: str) -> list[str]:
        return [o["service_order_id"] for o in store.find_orders(text)]

    assert ids("262301") == ["4503599741262301"]        # by id
    assert ids("003048") == ["4503599741262301"]        # by code
    assert ids("220000001") == ["4503599741262999"]     # by contact id
    assert ids("小明") == ["4503599741262999"]           # by contact name (part of it)
    assert ids("噜噜噜") == ["4503599741262301"]
    # newest first: the first order has the later last_event_id
    assert ids("45035997412") == ["4503599741262301", "4503599741262999"]
    assert ids("no such thing") == []
    assert len(store.find_orders("4503", limit=1)) == 1


# --- reading events back ---------------------------------------------------------------


def test_events_for_order_in_id_order_with_decoded_data(store: Store) -> None:
    store.write_events([new_event("1", data={"serviceOrderId": ORDER, "n": 1}),
                        new_event("1", order="OTHER")])
    store.write_events([new_event("5", data={"serviceOrderId": ORDER, "n": 2})])
    store.write_events([new_event("2", data={"serviceOrderId": ORDER, "n": 3})])
    got = store.events_for_order(ORDER)
    assert [e["id"] for e in got] == [1, 3, 4]
    assert [e["change_id"] for e in got] == ["1", "5", "2"]
    assert [e["data"]["n"] for e in got] == [1, 2, 3]
    assert all(e["warnings"] == [] for e in got)
    assert store.events_for_order("nobody") == []


def test_deliveries_for_several_events(store: Store) -> None:
    written = store.write_events([new_event(deliveries=("A", "B")), new_event(),
                                  new_event(deliveries=("C",))])
    ids = [w.event_id for w in written]
    got = store.deliveries_for([*ids, 999])
    assert set(got) == {*ids, 999}
    assert [d["base_code"] for d in got[ids[0]]] == ["A", "B"]
    assert got[ids[1]] == []
    assert [(d["id"], d["base_code"]) for d in got[ids[2]]] == [(3, "C")]
    assert got[999] == []


# --- subscriptions, data areas, settings, rejections -----------------------------------


def test_subscriptions_save_load_replace_delete(store: Store) -> None:
    assert store.subscriptions() == []
    first = {"baseCode": "HRZDWYWHXT", "name": "华润物业", "changeIds": ["1", "5"]}
    second = {"baseCode": "B2", "name": "second"}
    store.save_subscription("HRZDWYWHXT", first)
    store.save_subscription("B2", second)
    assert store.subscriptions() == [first, second]

    replaced = dict(first, changeIds=["1", "2", "3"])
    store.save_subscription("HRZDWYWHXT", replaced)
    assert store.subscriptions() == [replaced, second]  # creation order kept
    assert len(rows(store, "SELECT * FROM subscriptions")) == 2

    assert store.delete_subscription("HRZDWYWHXT") is True
    assert store.delete_subscription("HRZDWYWHXT") is False
    assert store.subscriptions() == [second]


def test_data_areas_save_load_rename_delete(store: Store) -> None:
    assert store.data_areas() == []
    store.save_data_area("fwwt", "房屋问题")
    store.save_data_area("10008", "10008")
    store.save_data_area("fwwt", "房屋问题（改）")
    assert store.data_areas() == [("fwwt", "房屋问题（改）"), ("10008", "10008")]
    assert store.delete_data_area("10008") is True
    assert store.delete_data_area("10008") is False
    assert store.data_areas() == [("fwwt", "房屋问题（改）")]


def test_settings_default_set_overwrite(store: Store) -> None:
    assert store.setting("validation_mode") is None
    assert store.setting("validation_mode", "lenient") == "lenient"
    store.set_setting("validation_mode", "strict")
    store.set_setting("allow_unsupported", True)
    store.set_setting("extra", {"名字": ["值", 1, None]})
    assert store.setting("validation_mode", "lenient") == "strict"
    assert store.setting("allow_unsupported") is True
    assert store.setting("extra") == {"名字": ["值", 1, None]}
    store.set_setting("validation_mode", "lenient")
    assert store.setting("validation_mode") == "lenient"
    store.set_setting("falsy", False)
    assert store.setting("falsy", True) is False


def test_write_rejection_stores_body_and_findings(store: Store) -> None:
    findings = [{"path": "data.userid", "message": "did you mean userId?", "label": "用户ID"}]
    first = store.write_rejection("api", '{"changeId": "1", "remark": "坏的"}', findings)
    second = store.write_rejection("cli", "not json", [])
    assert (first, second) == (1, 2)
    got = rows(store, "SELECT * FROM rejections ORDER BY id")
    assert got[0]["source"] == "api"
    assert got[0]["body"] == '{"changeId": "1", "remark": "坏的"}'
    assert json.loads(got[0]["findings"]) == findings
    assert "用户ID" in got[0]["findings"]  # stored as readable text, not \u escapes
    assert json.loads(got[1]["findings"]) == []
    assert store.counts()["rejections"] == 2


def test_counts(store: Store) -> None:
    assert store.counts() == {"events": 0, "rejections": 0}
    store.write_events([new_event(deliveries=("A", "B")), new_event(deliveries=("C",)),
                        new_event()])
    store.write_rejection("api", "{}", [])
    assert store.counts() == {"events": 3, "rejections": 1, "deliveries_pending": 3}
    with store.db.conn:
        store.db.conn.execute("UPDATE deliveries SET status = 'delivered' WHERE id = 1")
        store.db.conn.execute("UPDATE deliveries SET status = 'failed' WHERE id = 2")
    assert store.counts() == {"events": 3, "rejections": 1, "deliveries_pending": 1,
                              "deliveries_delivered": 1, "deliveries_failed": 1}


# --- a second connection and Unicode ---------------------------------------------------


def test_second_connection_reads_what_the_first_wrote(store: Store, reader: Store) -> None:
    assert reader.db.conn is not store.db.conn
    assert reader.counts()["events"] == 0  # opened before the writes
    written = store.write_events([
        new_event("1", deliveries=("HRZDWYWHXT",), service_order_code="0120190802003048",
                  contact_user_id="110640113", contact_name="噜噜噜",
                  data={"serviceOrderId": ORDER, "houseInfo": "2栋-1单元-10001"}),
        new_event("5", deliveries=("HRZDWYWHXT", "B2")),
    ])
    store.save_subscription("HRZDWYWHXT", {"baseCode": "HRZDWYWHXT", "name": "华润"})
    store.save_data_area("fwwt", "房屋问题")
    store.set_setting("allow_unsupported", True)

    assert reader.counts() == {"events": 2, "rejections": 0, "deliveries_pending": 3}
    assert [e["id"] for e in reader.events_for_order(ORDER)] == [w.event_id for w in written]
    assert reader.events_for_order(ORDER)[0]["data"]["houseInfo"] == "2栋-1单元-10001"
    assert reader.order(ORDER)["event_count"] == 2
    assert [d["base_code"] for d in reader.deliveries_for([2])[2]] == ["HRZDWYWHXT", "B2"]
    assert reader.subscriptions() == [{"baseCode": "HRZDWYWHXT", "name": "华润"}]
    assert reader.data_areas() == [("fwwt", "房屋问题")]
    assert reader.setting("allow_unsupported") is True


def test_data_survives_close_and_reopen(db_path: Path) -> None:
    store = Store.open(db_path)
    store.write_events([new_event("1", deliveries=("A",), contact_name="噜噜噜")])
    store.close()
    again = Store.open(db_path)
    try:
        assert again.counts() == {"events": 1, "rejections": 0, "deliveries_pending": 1}
        assert again.order(ORDER)["contact_name"] == "噜噜噜"
        (w,) = again.write_events([new_event(deliveries=("B",))])
        assert (w.event_id, w.first_delivery_id) == (2, 2)
    finally:
        again.close()


def test_chinese_round_trips_everywhere(store: Store, reader: Store) -> None:
    data = {"serviceOrderId": ORDER, "organName": "海文花园", "remark": "测试房屋问题4 🏠",
            "reqVariables": [{"title": "描述", "attrCode": "REMARK1", "attrValue": "漏水"}]}
    store.write_events([new_event("1", data=data, deliveries=("华润物业",),
                                  service_order_code="工单0001", contact_name="噜噜噜",
                                  contact_user_id="用户1",
                                  warnings_json=json.dumps([{"message": "键名有空格"}],
                                                           ensure_ascii=False))])
    (event,) = reader.events_for_order(ORDER)
    assert event["data"] == data
    assert event["warnings"] == [{"message": "键名有空格"}]
    assert reader.deliveries_for([event["id"]])[event["id"]][0]["base_code"] == "华润物业"
    order = reader.order(ORDER)
    assert (order["service_order_code"], order["contact_name"], order["contact_user_id"]) == (
        "工单0001", "噜噜噜", "用户1")
    assert [o["service_order_id"] for o in reader.find_orders("噜噜")] == [ORDER]
    assert [o["service_order_id"] for o in reader.find_orders("工单")] == [ORDER]
    # stored as UTF-8 text, not as \u escapes
    raw = reader.db.execute("SELECT data FROM events").fetchone()[0]
    assert "海文花园" in raw


def test_find_orders_treats_like_wildcards_as_text(store: Store) -> None:
    store.write_events([new_event("1", order="A_1"), new_event("1", order="AB1"),
                        new_event("1", order="C%2")])
    assert [o["service_order_id"] for o in store.find_orders("_")] == ["A_1"]
    assert [o["service_order_id"] for o in store.find_orders("%")] == ["C%2"]


def test_a_too_new_file_is_refused_untouched(db_path: Path) -> None:
    import sqlite3

    from app.store import SchemaTooNew

    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(SchemaTooNew):
        Store.open(db_path)
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched
    finally:
        conn.close()


def test_low_water_marks_follow_the_outstanding_rows(store: Store) -> None:
    assert store.outbox_low_water() == 1 and store.mq_low_water() == 1  # empty: from the start
    (first,) = store.write_events([new_event("1", deliveries=("A", "B", "C"))])
    ids = list(first.delivery_ids)
    assert store.outbox_low_water() == ids[0] and store.mq_low_water() == ids[0]
    store.mark_published([(ids[0], 1.0, True), (ids[1], 1.0, False)])
    assert store.mq_low_water() == ids[2]
    assert store.delivery(ids[0])["status"] == "delivered"  # MQ-only: done at PUBACK
    assert store.delivery(ids[1])["status"] == "pending"  # waits for its callback
    store.mark_published([(ids[2], 1.0, False)])
    assert store.mq_low_water() == ids[2] + 1  # nothing outstanding: past the newest


def test_a_replayed_delivery_below_the_low_water_mark_is_found_again(store: Store) -> None:
    (old,) = store.write_events([new_event("1", deliveries=("A",))])
    (new,) = store.write_events([new_event("1", deliveries=("B",))])
    store.record_attempt({"delivery_id": old.first_delivery_id, "attempt": 1, "started_at": 1,
                          "latency_ms": 1, "status_code": 200, "response_body": "",
                          "error": None, "verdict": "delivered"},
                         status="delivered", next_attempt_at=None)
    store.set_outbox_low_water(store.outbox_low_water())  # as a start-up remembers it
    assert store.outbox_low_water() == new.first_delivery_id
    store.requeue([old.first_delivery_id])
    pending = [d["id"] for d in store.pending_deliveries(store.outbox_low_water())]
    assert old.first_delivery_id in pending


def test_what_a_crashed_broker_lost_is_to_be_published_again(store: Store) -> None:
    (event,) = store.write_events([new_event("1", deliveries=("A", "B", "C", "D"))])
    a, b, c, d = event.delivery_ids
    store.mark_published([(a, 10.0, True), (b, 20.0, True), (c, 30.0, False), (d, 0.0, False)])
    store.set_setting("mq_low_water", store.mq_low_water())
    assert store.unpublish_since(25.0) == c  # only what was acknowledged since then
    assert [r["id"] for r in store.unpublished(store.mq_low_water())] == [c]
    assert store.unpublish_since(15.0) == b
    assert [r["id"] for r in store.unpublished(store.mq_low_water())] == [b, c]
    assert store.delivery(b)["status"] == "delivered"  # its delivery stays done
    assert store.delivery(d)["mq_published_at"] == 0  # "never will be" is not a time
    assert store.unpublish_since(100.0) is None


def test_migration_3_treats_old_deliveries_as_history(tmp_path: Path) -> None:
    import sqlite_utils

    from app.store.migrations import MIGRATIONS, migrate

    db = sqlite_utils.Database(tmp_path / "old.db")
    migrate(db, MIGRATIONS[:2])  # an app from before MQ topics
    db.execute("INSERT INTO events (id, received_at, source, change_id, data_area, data, "
               "encoding) VALUES (1, 0, 'api', '1', 'fwwt', '{}', 'string')")
    db.execute("INSERT INTO deliveries (id, event_id, base_code, status, created_at) "
               "VALUES (1, 1, 'A', 'delivered', 0)")
    db.conn.commit()
    migrate(db)
    assert db.execute("SELECT mq_published_at FROM deliveries").fetchone()[0] == 0
    db.close()


def test_delivery_stats_count_by_status_and_time_each_delivery_to_its_end(store: Store) -> None:
    written = store.write_events([new_event("1", deliveries=("FAST", "SLOW", "MQONLY")),
                                  new_event("5", deliveries=("FAST", "SLOW")),
                                  new_event("1", deliveries=("FAST",))])
    created = rows(store, "SELECT id, created_at FROM deliveries ORDER BY id")
    at = {r["id"]: r["created_at"] for r in created}

    def attempt(delivery_id: int, after: float, verdict: str) -> dict[str, Any]:
        return {"delivery_id": delivery_id, "attempt": 1, "started_at": at[delivery_id] + after,
                "latency_ms": 100.0, "status_code": 200 if verdict == "delivered" else 500,
                "response_body": "", "error": None, "verdict": verdict}

    store.record_attempts([(attempt(1, 0.2, "delivered"), "delivered", None),
                           (attempt(2, 1.9, "delivered"), "delivered", None),
                           (attempt(4, 0.4, "delivered"), "delivered", None),
                           (attempt(5, 0.1, "failed"), "failed", None)])
    # The MQ publisher moves updated_at of every delivery it publishes, also long after the
    # callback: the latency must not follow it.
    store.mark_published([(1, at[1] + 30, False), (2, at[2] + 30, False),
                          (3, at[3] + 0.05, True), (4, at[4] + 30, False)])
    first, last = written[0].event_id, written[2].event_id
    stats = store.delivery_stats(first, last)
    assert stats["events"] == 3
    assert stats["deliveries"] == {"delivered": 4, "failed": 1, "pending": 1}
    assert stats["byBaseCode"] == {"FAST": {"delivered": 2, "pending": 1},
                                   "SLOW": {"delivered": 1, "failed": 1},
                                   "MQONLY": {"delivered": 1}}
    assert sorted(stats["byBaseCode"]) == ["FAST", "MQONLY", "SLOW"]
    assert stats["latencyMs"]["count"] == 4 and stats["latencyMs"]["max"] == 2000.0
    slow = store.delivery_stats(first, last, base_code="SLOW")
    assert slow["latencyMs"]["p50"] == 2000.0 and slow["deliveries"] == {"delivered": 1,
                                                                          "failed": 1}
    creations = store.delivery_stats(first, last, change_id="1")
    assert creations["events"] == 2 and creations["deliveries"] == {"delivered": 3,
                                                                    "pending": 1}
    assert store.delivery_stats(last + 1, last + 5)["deliveries"] == {}


def _wecom_row(msgid: str, **fields: Any) -> dict[str, Any]:
    row = {"msgid": msgid, "source": "api", "open_kfid": "wkK", "external_userid": "wmC",
           "servicer_userid": "", "send_time": 1741921260, "origin": 3, "msgtype": "text",
           "event_type": "", "summary": "漏水", "item": f'{{"msgid":"{msgid}"}}',
           "warnings": None}
    row.update(fields)
    return row


def test_wecom_messages_are_stored_once_with_their_sessions(store: Store) -> None:
    ids = store.save_wecom([_wecom_row("a"), _wecom_row("b", external_userid="wmD")],
                           [{"open_kfid": "wkK", "external_userid": "wmC",
                             "doc": {"state": "waiting"}}],
                           [{"open_kfid": "wkK", "servicer_userid": "zs", "doc": {"s": 1}}])
    assert ids == [1, 2] and store.save_wecom([]) == []
    assert store.wecom_known(["a", "c"]) == {"a"} and store.wecom_known([]) == set()
    assert [r["msgid"] for r in store.wecom_messages()] == ["b", "a"]
    assert [r["msgid"] for r in store.wecom_messages(external_userid="wmC")] == ["a"]
    assert [r["msgid"] for r in store.wecom_messages(before_id=2)] == ["a"]
    assert store.wecom_message("a")["item"] == '{"msgid":"a"}'
    assert store.wecom_sessions() == [{"state": "waiting"}]
    assert store.wecom_servicers() == [{"s": 1}]
    with pytest.raises(sqlite3.IntegrityError):  # the caller keeps duplicates out first
        store.save_wecom([_wecom_row("a")])
    assert store.history_count("wecom") == 2


def test_a_wecom_message_links_to_one_order(store: Store) -> None:
    store.save_wecom([_wecom_row("a")])
    assert store.link_wecom("a", "4503599741262301", 7) is True
    assert store.link_wecom("a", "4503599741262302", 8) is False
    assert store.link_wecom("nope", "x", 1) is False
    [row] = store.wecom_links("4503599741262301")
    assert (row["msgid"], row["event_id"]) == ("a", 7) and row["linked_at"] > 0
