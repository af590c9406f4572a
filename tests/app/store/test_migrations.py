"""Schema migrations on real files: fresh, re-opened, older (an older app's file), too new,
and a migration that fails half-way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from app.store import NewEvent, SchemaTooNew, Store
from app.store.migrations import LATEST, MIGRATIONS, Migration, migrate

# Synthetic migrations of a future app, numbered after the real ones.
NOTE_V, TAGS_V = LATEST + 1, LATEST + 2
ADD_NOTE = Migration(NOTE_V, "events.note", "ALTER TABLE events ADD COLUMN note TEXT")
ADD_TAGS = Migration(TAGS_V, "tags", """
    CREATE TABLE tags (event_id INTEGER NOT NULL REFERENCES events(id), tag TEXT NOT NULL);
""")


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns]


def test_latest_is_the_last_migration() -> None:
    assert MIGRATIONS[-1].version == LATEST
    versions = [m.version for m in MIGRATIONS]
    assert versions == sorted(versions) == list(range(1, len(versions) + 1))


def test_fresh_file_ends_at_latest(db_path: Path) -> None:
    store = Store.open(db_path)
    try:
        assert store.schema_version == LATEST
        assert {"events", "deliveries", "rejections", "subscriptions", "data_areas", "orders",
                "settings"} <= set(store.db.table_names())
    finally:
        store.close()
    assert user_version(db_path) == LATEST


def test_migrate_returns_what_ran_and_nothing_the_second_time(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    try:
        assert migrate(db) == list(MIGRATIONS)
        assert migrate(db) == []
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
    finally:
        db.close()


def test_reopening_runs_nothing_and_keeps_rows(db_path: Path) -> None:
    store = Store.open(db_path)
    store.write_events([NewEvent("1", "fwwt", "{}", ["A"], service_order_id="O1")])
    store.close()
    again = Store.open(db_path)
    try:
        # Migration 1 has plain CREATE TABLEs: running it again would raise, not pass.
        assert migrate(again.db) == []
        assert again.schema_version == LATEST
        assert again.counts() == {"events": 1, "rejections": 0, "deliveries_pending": 1}
    finally:
        again.close()


def test_older_file_gets_only_the_newer_migrations_in_order(db_path: Path) -> None:
    # An older app's file: this app's migrations, with rows in it.
    old = Store.open(db_path)
    assert old.schema_version == LATEST
    old.write_events([NewEvent("1", "fwwt", '{"remark": "旧数据"}', ["A", "B"],
                               service_order_id="O1", contact_name="噜噜噜")])
    old.close()

    db = sqlite_utils.Database(db_path)
    try:
        ran = migrate(db, [*MIGRATIONS, ADD_NOTE, ADD_TAGS])
        assert ran == [ADD_NOTE, ADD_TAGS]
        assert db.execute("PRAGMA user_version").fetchone()[0] == TAGS_V
        assert columns(db, "events")[-1] == "note"
        assert "tags" in db.table_names()
        # the old rows survive, the new column is NULL on them
        (event,) = db.query("SELECT * FROM events")
        assert event["data"] == '{"remark": "旧数据"}'
        assert event["note"] is None
        assert [d["base_code"] for d in db.query("SELECT * FROM deliveries ORDER BY id")] == [
            "A", "B"]
        (order,) = db.query("SELECT * FROM orders")
        assert order["contact_name"] == "噜噜噜"
        # and the new schema is usable
        db.conn.execute("INSERT INTO tags (event_id, tag) VALUES (1, '测试')")
        assert migrate(db, [*MIGRATIONS, ADD_NOTE, ADD_TAGS]) == []
    finally:
        db.close()


def test_migrate_from_an_intermediate_version(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    try:
        assert migrate(db, [*MIGRATIONS, ADD_NOTE]) == [*MIGRATIONS, ADD_NOTE]
        assert migrate(db, [*MIGRATIONS, ADD_NOTE, ADD_TAGS]) == [ADD_TAGS]
        assert db.execute("PRAGMA user_version").fetchone()[0] == TAGS_V
    finally:
        db.close()


def test_file_newer_than_the_app_raises_schema_too_new(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    migrate(db, [*MIGRATIONS, ADD_NOTE])  # written by a newer Push Studio
    db.close()
    with pytest.raises(SchemaTooNew) as raised:
        Store.open(db_path)
    message = str(raised.value)
    assert "newer Push Studio" in message
    assert f"schema version {NOTE_V}, newer than this Push Studio knows ({LATEST})" in message
    assert db_path.name in message
    assert user_version(db_path) == NOTE_V  # untouched


def test_schema_too_new_from_migrate_directly(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    db = sqlite_utils.Database(db_path)
    try:
        with pytest.raises(SchemaTooNew, match="open it with a newer Push Studio"):
            migrate(db)
        assert db.table_names() == []  # nothing ran
    finally:
        db.close()
    assert issubclass(SchemaTooNew, RuntimeError)


def test_failing_migration_leaves_version_and_schema_unchanged(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    try:
        migrate(db, MIGRATIONS)
        db.conn.execute("INSERT INTO settings (key, value) VALUES ('k', '1')")
        db.conn.commit()
        broken = Migration(NOTE_V, "half-way", """
            ALTER TABLE events ADD COLUMN note TEXT;
            CREATE TABLE half (x);
            INSERT INTO no_such_table VALUES (1);
        """)
        with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
            migrate(db, [*MIGRATIONS, broken])
        assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert "half" not in db.table_names()
        assert "note" not in columns(db, "events")
        assert not db.conn.in_transaction
        assert db.execute("SELECT value FROM settings WHERE key = 'k'").fetchone()[0] == "1"
        # the app can still open and use the file, and a fixed migration then runs
        assert migrate(db, [*MIGRATIONS, ADD_NOTE]) == [ADD_NOTE]
        assert db.execute("PRAGMA user_version").fetchone()[0] == NOTE_V
    finally:
        db.close()


def test_failure_in_a_later_migration_keeps_the_earlier_ones(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    try:
        broken = Migration(TAGS_V, "broken", "CREATE TABLE events (x)")  # already exists
        with pytest.raises(sqlite3.OperationalError):
            migrate(db, [*MIGRATIONS, ADD_NOTE, broken])
        assert db.execute("PRAGMA user_version").fetchone()[0] == NOTE_V
        assert "note" in columns(db, "events")
    finally:
        db.close()


def test_migration_ending_in_a_line_comment_still_records_its_version(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    try:
        commented = Migration(1, "comment last", "CREATE TABLE t (a TEXT) -- the last line")
        assert migrate(db, [commented]) == [commented]
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert migrate(db, [commented]) == []
    finally:
        db.close()
