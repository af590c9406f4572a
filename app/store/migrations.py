"""Versioned schema migrations: ``PRAGMA user_version`` says which have run.

A newer app opens an older file by running the migrations the file has not seen, in order,
each in its own transaction. Never edit a migration that has shipped; add the next one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "events, the delivery outbox, subscriptions, data areas, orders, settings", """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,          -- the eventId of the API
            received_at REAL NOT NULL,       -- unix seconds
            source TEXT NOT NULL,            -- api | gui | scenario | cli | bench
            change_id TEXT NOT NULL,
            data_area TEXT NOT NULL,
            service_order_id TEXT,
            data TEXT NOT NULL,              -- the data object as JSON text
            encoding TEXT NOT NULL,          -- how data arrived: string | object
            warnings TEXT,                   -- JSON list of lenient findings, or NULL
            -- The one writer gives an event's deliveries consecutive ids, so they are the
            -- range first_delivery_id .. +delivery_count-1: no index on deliveries.event_id,
            -- which would cost a third of the insert rate (measured, docs/benchmarks.md).
            first_delivery_id INTEGER,
            delivery_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_by_order ON events(service_order_id, id);

        -- The outbox: one row per event x matching subscription, written with the event.
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            base_code TEXT NOT NULL,
            status TEXT NOT NULL,            -- pending | delivered | failed | cancelled
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL,
            created_at REAL NOT NULL,
            updated_at REAL,
            last_error TEXT
        );

        -- Events that were refused, kept so that nothing sent to us vanishes.
        CREATE TABLE rejections (
            id INTEGER PRIMARY KEY,
            received_at REAL NOT NULL,
            source TEXT NOT NULL,
            body TEXT NOT NULL,
            findings TEXT NOT NULL
        );

        CREATE TABLE subscriptions (
            base_code TEXT PRIMARY KEY,
            doc TEXT NOT NULL,               -- the contract's JSON form
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE data_areas (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL
        );

        -- One row per work order, kept current on every event: finding an order by id, code
        -- or contact without scanning events.
        CREATE TABLE orders (
            service_order_id TEXT PRIMARY KEY,
            service_order_code TEXT,
            contact_user_id TEXT,
            contact_name TEXT,
            first_event_id INTEGER NOT NULL,
            last_event_id INTEGER NOT NULL,
            last_change_id TEXT NOT NULL,
            event_count INTEGER NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX orders_by_code ON orders(service_order_code);
        CREATE INDEX orders_by_contact ON orders(contact_user_id);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL              -- JSON
        );
    """),
)

MIGRATIONS += (
    Migration(2, "the log of delivery attempts", """
        -- Every attempt to deliver: when, how it ended, what the subscriber said.
        CREATE TABLE delivery_attempts (
            id INTEGER PRIMARY KEY,
            delivery_id INTEGER NOT NULL,
            attempt INTEGER NOT NULL,
            started_at REAL NOT NULL,
            latency_ms REAL,
            status_code INTEGER,
            response_body TEXT,              -- the first 4 KB
            error TEXT,
            verdict TEXT NOT NULL            -- delivered | retry | failed | gone | cancelled
        );
        CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts(delivery_id);
    """),
    Migration(3, "when each delivery was published to its MQ topic", """
        -- NULL: not yet; a time: the broker acknowledged it (PUBACK); 0: never will be
        -- (the subscription was deleted first).
        ALTER TABLE deliveries ADD COLUMN mq_published_at REAL;
        -- Deliveries from before MQ topics existed are history, not a backlog to publish.
        UPDATE deliveries SET mq_published_at = 0;
    """),
)

MIGRATIONS += (
    Migration(4, "the IM server: users, sync chains, its message log and mobile pushes", """
        CREATE TABLE im_users (
            user_id TEXT PRIMARY KEY,
            doc TEXT NOT NULL,               -- ImUser's JSON form (no secret: authSign is
                                             -- derived from the instance secret)
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        -- Each receiver's chain of 1001 records (app.im.sync.Chain).
        CREATE TABLE im_chains (
            user_id TEXT PRIMARY KEY,
            last_offset INTEGER NOT NULL,
            next_offset INTEGER NOT NULL,
            msgid INTEGER NOT NULL,
            chat_seq INTEGER NOT NULL,
            ack_chat_seq INTEGER NOT NULL
        );
        -- Every IM message that arrived on the server topic or left for a user.
        CREATE TABLE im_messages (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            direction TEXT NOT NULL,         -- in | out
            user_id TEXT,                    -- out: the receiver; in: the sender, if known
            type TEXT,
            msgid TEXT,
            status TEXT NOT NULL,            -- accepted | rejected | ignored | sent | queued
            reason TEXT,
            body TEXT NOT NULL,              -- JSON, or base64 of binary protobuf
            binary INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX im_messages_by_user ON im_messages(user_id, id);
        -- The mobile pushes the Umeng gateway would have received.
        CREATE TABLE pushes (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            user_id TEXT NOT NULL,
            platform TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX pushes_by_user ON pushes(user_id, id);
    """),
)

MIGRATIONS += (
    Migration(5, "WeCom customer service: synced messages, sessions, servicers", """
        -- Every WeCom sync message taken in (app.wecom), once: msgid is WeCom's own id.
        CREATE TABLE wecom_messages (
            id INTEGER PRIMARY KEY,
            msgid TEXT NOT NULL UNIQUE,
            received_at REAL NOT NULL,       -- unix seconds, when Push Studio took it in
            source TEXT NOT NULL,            -- api | simulator | gui …
            -- The conversation's ids: the item's top level, or an event's own (the document:
            -- not returned at the top of an event). '' when the item has none.
            open_kfid TEXT NOT NULL,
            external_userid TEXT NOT NULL,
            servicer_userid TEXT NOT NULL,
            send_time INTEGER NOT NULL,      -- unix seconds, as WeCom sent it
            origin INTEGER NOT NULL,         -- 3 customer, 4 system event, 5 servicer
            msgtype TEXT NOT NULL,
            event_type TEXT NOT NULL,        -- '' for a message
            summary TEXT NOT NULL,           -- one line for people (Live, lists)
            item TEXT NOT NULL,              -- the item's raw JSON (the Go Message's origin_data)
            warnings TEXT,                   -- JSON list of lenient findings, or NULL
            -- The work order opened from it (a customer's text), and that order's event.
            service_order_id TEXT,
            event_id INTEGER,
            linked_at REAL
        );
        CREATE INDEX wecom_messages_by_customer ON wecom_messages(external_userid, id);
        CREATE INDEX wecom_messages_by_account ON wecom_messages(open_kfid, id);
        CREATE INDEX wecom_messages_by_order ON wecom_messages(service_order_id)
            WHERE service_order_id IS NOT NULL;
        -- Each customer's session with an account, as the events tell it (app.wecom.sessions).
        CREATE TABLE wecom_sessions (
            open_kfid TEXT NOT NULL,
            external_userid TEXT NOT NULL,
            doc TEXT NOT NULL,               -- Session's JSON form
            updated_at REAL NOT NULL,
            PRIMARY KEY (open_kfid, external_userid)
        );
        -- Each servicer's reception status (servicer_status_change).
        CREATE TABLE wecom_servicers (
            open_kfid TEXT NOT NULL,
            servicer_userid TEXT NOT NULL,
            doc TEXT NOT NULL,               -- Servicer's JSON form
            updated_at REAL NOT NULL,
            PRIMARY KEY (open_kfid, servicer_userid)
        );
    """),
)

LATEST = MIGRATIONS[-1].version


class SchemaTooNew(RuntimeError):
    """The file was written by a newer Push Studio; opening it could corrupt it."""


def migrate(db: sqlite_utils.Database,
            migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """Run every migration newer than the file; return the ones that ran."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    latest = max((m.version for m in migrations), default=0)
    if current > latest:
        raise SchemaTooNew(
            f"{db.conn.execute('PRAGMA database_list').fetchone()[2] or 'the database'} has "
            f"schema version {current}, newer than this Push Studio knows ({latest}): "
            "open it with a newer Push Studio, or pass --db with another file")
    ran = []
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version <= current:
            continue
        # One transaction per migration, user_version inside it. The newlines keep a
        # migration that ends in a "-- comment" from commenting out what follows.
        try:
            db.conn.executescript(f"BEGIN;\n{migration.sql}\n;"
                                  f"PRAGMA user_version = {migration.version};\nCOMMIT;")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.rollback()
            raise
        ran.append(migration)
    return ran
