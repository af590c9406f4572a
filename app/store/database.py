"""The SQLite file: opening it (WAL, migrations), the batched event write, and the queries.

One connection per thread (sqlite3's rule). The write path is ``write_events``: a whole
batch of events, their deliveries and their orders' rows in one transaction with one
statement per table — the cost of a batch is three statements and one fsync, however many
events it holds. Callers in asyncio go through app.store.writer, which owns the one writing
connection and groups concurrent writes into such batches.

Each statement reads its rows from one JSON array through ``json_each`` instead of binding
them one by one with ``executemany``: SQLite then inserts the whole batch inside a single
``sqlite3_step``, with the GIL released throughout, so the asyncio thread can validate the
next events on the other core meanwhile. ``executemany`` gives the GIL back and takes it again
for every row, and each take waits behind a busy event loop (measured in docs/benchmarks.md).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from app import json_codec
from app.percentiles import percentiles
from app.store.migrations import LATEST, SchemaTooNew, migrate

__all__ = ["NewEvent", "SchemaTooNew", "Store", "WrittenEvent"]


@dataclass(slots=True)
class NewEvent:
    """An event ready to store: validated, routed, serialised."""

    change_id: str
    data_area: str
    data_json: str
    #: baseCodes of the subscriptions it matched: one outbox row each.
    deliveries: Sequence[str]
    source: str = "api"
    encoding: str = "string"
    service_order_id: str | None = None
    service_order_code: str | None = None
    #: The contact of a changeId 1 (userId, or the example's drifted ``userid``).
    contact_user_id: str | None = None
    contact_name: str | None = None
    warnings_json: str | None = None
    received_at: float = field(default_factory=time.time)


@dataclass(frozen=True, slots=True)
class WrittenEvent:
    """What a durable write assigned: the event id, and consecutive delivery ids from
    ``first_delivery_id``, one per baseCode in order."""

    event_id: int
    first_delivery_id: int
    base_codes: tuple[str, ...]

    @property
    def delivery_ids(self) -> range:
        return range(self.first_delivery_id, self.first_delivery_id + len(self.base_codes))


# The row-at-a-time statements: used by the raw baseline (app.store.baseline), and the shape
# the json_each statements below must reproduce. Row ids are SQLite's own: max(rowid) + 1 in
# insertion order, which takes its append fast path (an explicit id costs a seek per row:
# three times slower for the outbox, docs/benchmarks.md).
_INSERT_EVENT = (
    "INSERT INTO events (received_at, source, change_id, data_area, service_order_id, "
    "data, encoding, warnings, first_delivery_id, delivery_count) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_DELIVERY = (
    "INSERT INTO deliveries (event_id, base_code, status, attempts, next_attempt_at, "
    "created_at) VALUES (?, ?, 'pending', 0, ?, ?)"
)
# An order's row is kept current: a later event advances it, and keeps what it does not say.
_ORDER_CONFLICT = """
    ON CONFLICT (service_order_id) DO UPDATE SET
        service_order_code = coalesce(nullif(excluded.service_order_code, ''),
                                      service_order_code),
        contact_user_id = coalesce(excluded.contact_user_id, contact_user_id),
        contact_name = coalesce(excluded.contact_name, contact_name),
        last_event_id = excluded.last_event_id,
        last_change_id = excluded.last_change_id,
        event_count = event_count + 1,
        updated_at = excluded.updated_at
"""
_UPSERT_ORDER = """
    INSERT INTO orders (service_order_id, service_order_code, contact_user_id, contact_name,
                        first_event_id, last_event_id, last_change_id, event_count, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
""" + _ORDER_CONFLICT

# Batch statements: each reads a whole batch from one JSON array. Event i of a batch becomes
# row :event0 + i; its deliveries follow one another in the order of its list of baseCodes.
# json_extract rather than the ->> operator: ->> needs SQLite 3.38, older than some
# distributions still ship (Ubuntu 22.04 has 3.37).
_BATCH_EVENTS = """
    INSERT INTO events (received_at, source, change_id, data_area, service_order_id, data,
                        encoding, warnings, first_delivery_id, delivery_count)
    SELECT json_extract(e.value, '$[0]'), json_extract(e.value, '$[1]'),
           json_extract(e.value, '$[2]'), json_extract(e.value, '$[3]'),
           json_extract(e.value, '$[4]'), json_extract(e.value, '$[5]'),
           json_extract(e.value, '$[6]'), json_extract(e.value, '$[7]'),
           :first + json_extract(e.value, '$[8]'),  -- relative to the batch; NULL stays NULL
           json_extract(e.value, '$[9]')
    FROM json_each(:rows) AS e
"""
_BATCH_DELIVERIES = """
    INSERT INTO deliveries (event_id, base_code, status, attempts, next_attempt_at, created_at)
    SELECT :event0 + e.key, d.value, 'pending', 0, :at, :at
    FROM json_each(:codes) AS e, json_each(e.value) AS d
"""
_BATCH_ORDERS = """
    INSERT INTO orders (service_order_id, service_order_code, contact_user_id, contact_name,
                        first_event_id, last_event_id, last_change_id, event_count, updated_at)
    SELECT json_extract(o.value, '$[0]'), json_extract(o.value, '$[1]'),
           json_extract(o.value, '$[2]'), json_extract(o.value, '$[3]'),
           :event0 + json_extract(o.value, '$[4]'), :event0 + json_extract(o.value, '$[4]'),
           json_extract(o.value, '$[5]'), 1, :at
    FROM json_each(:rows) AS o WHERE true
""" + _ORDER_CONFLICT


_ATTEMPT_COLUMNS = ("delivery_id", "attempt", "started_at", "latency_ms", "status_code",
                    "response_body", "error", "verdict")
_CHAIN_COLUMNS = ("user_id", "last_offset", "next_offset", "msgid", "chat_seq", "ack_chat_seq")
_IM_MESSAGE_COLUMNS = ("at", "direction", "user_id", "type", "msgid", "status", "reason", "body",
                       "binary")
_WECOM_COLUMNS = ("msgid", "received_at", "source", "open_kfid", "external_userid",
                  "servicer_userid", "send_time", "origin", "msgtype", "event_type", "summary",
                  "item", "warnings")


def _insert_rows(conn: sqlite3.Connection, insert: str, columns: Sequence[str],
                 rows: Sequence[dict[str, Any]]) -> None:
    """``insert`` (``INSERT [OR …] INTO table``) every row in one statement that reads them
    from one JSON array, not ``executemany``: the GIL is released once for the batch, not
    taken back for every row behind a busy event loop (see the module's docstring)."""
    if not rows:
        return
    picks = ", ".join(f"json_extract(r.value, '$[{i}]')" for i in range(len(columns)))
    conn.execute(f"{insert} ({', '.join(columns)}) SELECT {picks} FROM json_each(?) AS r",
                 (json.dumps([[row[c] for c in columns] for row in rows], ensure_ascii=False),))


class Store:
    """One connection to the Push Studio database file."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, durable: bool = True) -> Store:
        """Open (creating and migrating as needed) the database at ``path``.

        ``durable``: fsync the WAL on every commit (synchronous=FULL), so an accepted event
        survives a power cut, not only a crash; the batched writer makes that affordable.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite_utils.Database(path)
        conn = db.conn
        try:
            _require_json_functions(conn)
            # A reader never waits for long: the only writer holds its lock for one batch.
            conn.execute("PRAGMA busy_timeout = 5000")
            if conn.execute("PRAGMA user_version").fetchone()[0] > LATEST:
                migrate(db)  # raises SchemaTooNew before anything touches the file
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of writing. At the top level a transaction of its own (BEGIN
        IMMEDIATE … COMMIT); inside another one a savepoint, so that the writer can run many
        callers' work under one COMMIT — one fsync — and still undo just the one that failed."""
        conn = self.db.conn
        if conn.in_transaction:
            conn.execute("SAVEPOINT unit")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK TO unit")
                    conn.execute("RELEASE unit")
                # else: SQLite rolled the whole transaction back itself (disk full, I/O
                # error): nothing to undo here, and the caller must learn it is all gone.
                raise
            conn.execute("RELEASE unit")
            return
        with conn:  # commits on success, rolls back on error
            conn.execute("BEGIN IMMEDIATE")
            yield conn

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    # --- the write path ------------------------------------------------------------------

    def write_events(self, events: Sequence[NewEvent]) -> list[WrittenEvent]:
        """Store events with their outbox rows in one transaction; durable on return."""
        if not events:
            return []
        conn = self.db.conn
        now = time.time()
        event_rows, codes, order_rows = [], [], []
        offset = 0
        for i, ev in enumerate(events):
            count = len(ev.deliveries)
            event_rows.append((ev.received_at, ev.source, ev.change_id, ev.data_area,
                               ev.service_order_id, ev.data_json, ev.encoding,
                               ev.warnings_json, offset if count else None, count))
            codes.append(ev.deliveries)
            offset += count
            if ev.service_order_id:
                order_rows.append((ev.service_order_id, ev.service_order_code,
                                   ev.contact_user_id, ev.contact_name, i, ev.change_id))
        with self.transaction():
            event0, first = conn.execute(
                "SELECT (SELECT coalesce(max(id), 0) + 1 FROM events), "
                "(SELECT coalesce(max(id), 0) + 1 FROM deliveries)").fetchone()
            last = conn.execute(_BATCH_EVENTS, {"first": first,
                                                "rows": _json(event_rows)}).lastrowid
            _expect("events", last, event0 + len(events) - 1)
            if offset:
                last = conn.execute(_BATCH_DELIVERIES, {"event0": event0, "codes": _json(codes),
                                                        "at": now}).lastrowid
                _expect("deliveries", last, first + offset - 1)
            if order_rows:
                conn.execute(_BATCH_ORDERS, {"event0": event0, "rows": _json(order_rows),
                                             "at": now})
        return [WrittenEvent(event0 + i, first + (row[8] or 0), tuple(ev.deliveries))
                for i, (row, ev) in enumerate(zip(event_rows, events, strict=True))]

    def write_rejection(self, source: str, body: str, findings: list[dict[str, Any]]) -> int:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO rejections (received_at, source, body, findings) VALUES (?, ?, ?, ?)",
                (time.time(), source, body, json.dumps(findings, ensure_ascii=False)))
        return cur.lastrowid  # type: ignore[return-value]

    # --- the outbox ---------------------------------------------------------------------

    def pending_deliveries(self, from_id: int = 0, limit: int = 5000,
                           base_code: str | None = None) -> list[dict[str, Any]]:
        """Pending deliveries with what it takes to send them, from ``from_id`` up, in id
        order (of one subscriber, if ``base_code``). Deliveries are appended in id order and
        leave ``pending`` as they finish, so a scan from the low-water mark (see
        outbox_low_water) stays short without an index."""
        only = "AND d.base_code = :base_code " if base_code is not None else ""
        return list(self.db.query(
            "SELECT d.id, d.event_id, d.base_code, d.attempts, d.next_attempt_at, "
            "d.mq_published_at, e.change_id, e.data_area, e.service_order_id, "
            "e.data AS data_json "
            "FROM deliveries AS d JOIN events AS e ON e.id = d.event_id "
            f"WHERE d.id >= :from_id AND d.status = 'pending' {only}ORDER BY d.id "
            "LIMIT :limit", {"from_id": from_id, "limit": limit, "base_code": base_code}))

    def outbox_low_water(self) -> int:
        """The lowest id that may still be pending (past the newest when none is); the
        callback service remembers it at each start, so the scan stays short."""
        return self._low_water("outbox_low_water", "status = 'pending'")

    def _low_water(self, setting: str, outstanding: str) -> int:
        mark = self.setting(setting, 0)
        row = self.db.execute(
            f"SELECT (SELECT min(id) FROM deliveries WHERE id >= :m AND {outstanding}), "
            "(SELECT coalesce(max(id), 0) + 1 FROM deliveries)", {"m": mark}).fetchone()
        return row[0] if row[0] is not None else max(mark, row[1])

    def set_outbox_low_water(self, mark: int) -> None:
        self.set_setting("outbox_low_water", mark)

    def unpublished(self, from_id: int = 0, limit: int = 5000) -> list[dict[str, Any]]:
        """Deliveries not yet on their MQ topic, from ``from_id`` up (see pending_deliveries)."""
        return list(self.db.query(
            "SELECT d.id, d.event_id, d.base_code, e.change_id, e.data_area, "
            "e.data AS data_json FROM deliveries AS d JOIN events AS e ON e.id = d.event_id "
            "WHERE d.id >= :from_id AND d.mq_published_at IS NULL ORDER BY d.id "
            "LIMIT :limit", {"from_id": from_id, "limit": limit}))

    def mq_low_water(self) -> int:
        """As outbox_low_water, for deliveries not yet on their MQ topic."""
        return self._low_water("mq_low_water", "mq_published_at IS NULL")

    def mark_published(self, published: Sequence[tuple[int, float, bool]]) -> None:
        """(delivery id, when, and whether that completes it — an MQ-only subscription)."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE deliveries SET mq_published_at = ?, "
                "status = CASE WHEN ? AND status = 'pending' THEN 'delivered' ELSE status END, "
                "updated_at = ? WHERE id = ?",
                [(when, done, when, d) for d, when, done in published])

    def record_attempt(self, attempt: dict[str, Any], *, status: str,
                       next_attempt_at: float | None) -> None:
        """Log one attempt and move its delivery on (status, attempts, next attempt)."""
        self.record_attempts([(attempt, status, next_attempt_at)])

    def record_attempts(self, results: Sequence[tuple[dict[str, Any], str, float | None]]
                        ) -> None:
        """record_attempt for many at once: one statement per table."""
        now = time.time()
        with self.transaction() as conn:
            _insert_rows(conn, "INSERT INTO delivery_attempts", _ATTEMPT_COLUMNS,
                         [attempt for attempt, _, _ in results])
            conn.executemany(
                "UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, "
                "updated_at = ?, last_error = ? WHERE id = ?",
                [(status, a["attempt"], next_at, now,
                  None if status == "delivered" else (a["error"] or f"HTTP {a['status_code']}"),
                  a["delivery_id"]) for a, status, next_at in results])

    def requeue(self, delivery_ids: Sequence[int]) -> int:
        """Make deliveries pending again from attempt 1, and unpublished (a replay sends on
        both channels); their log stays. The low-water marks move down to them, or a crash
        would leave them pending and unseen below the marks."""
        now = time.time()
        with self.transaction() as conn:
            count = conn.executemany(
                "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, "
                "updated_at = ?, mq_published_at = NULL WHERE id = ?",
                [(now, now, d) for d in delivery_ids]).rowcount
            if delivery_ids:
                for setting in ("outbox_low_water", "mq_low_water"):
                    self.set_setting(setting, min(self.setting(setting, 0), *delivery_ids))
            return count

    def unpublish_since(self, since: float) -> int | None:
        """Deliveries the broker acknowledged at or after ``since`` are to be published
        again (a broker that crashed lost them with its memory); returns the lowest such id,
        or None. Their callback status is untouched; the MQ low-water mark moves down."""
        with self.transaction() as conn:
            first = conn.execute("SELECT min(id) FROM deliveries WHERE mq_published_at >= ?",
                                 [since]).fetchone()[0]
            if first is None:
                return None
            conn.execute("UPDATE deliveries SET mq_published_at = NULL "
                         "WHERE id >= ? AND mq_published_at >= ?", [first, since])
            self.set_setting("mq_low_water", min(self.setting("mq_low_water", 0), first))
            return first

    def delivery(self, delivery_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM deliveries WHERE id = ?", [delivery_id]))
        return rows[0] if rows else None

    def deliveries(self, *, base_code: str | None = None, status: str | None = None,
                   since: float | None = None, before_id: int | None = None,
                   limit: int = 100) -> list[dict[str, Any]]:
        """Deliveries, newest first, filtered; page with ``before_id``."""
        where, params = ["1"], {}
        for column, value in (("base_code", base_code), ("status", status)):
            if value is not None:
                where.append(f"{column} = :{column}")
                params[column] = value
        if since is not None:
            where.append("created_at >= :since")
            params["since"] = since
        if before_id is not None:
            where.append("id < :before_id")
            params["before_id"] = before_id
        params["limit"] = limit
        return list(self.db.query(
            f"SELECT * FROM deliveries WHERE {' AND '.join(where)} ORDER BY id DESC "
            "LIMIT :limit", params))

    def attempts(self, delivery_id: int) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM delivery_attempts WHERE delivery_id = ? "
                                  "ORDER BY id", [delivery_id]))

    # --- subscriptions, data areas, settings ---------------------------------------------

    def subscriptions(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in
                self.db.execute("SELECT doc FROM subscriptions ORDER BY created_at, base_code")]

    def save_subscription(self, base_code: str, doc: dict[str, Any]) -> None:
        now = time.time()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO subscriptions (base_code, doc, created_at, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (base_code) DO UPDATE SET doc = excluded.doc, "
                "updated_at = excluded.updated_at",
                (base_code, json.dumps(doc, ensure_ascii=False), now, now))

    def delete_subscription(self, base_code: str) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM subscriptions WHERE base_code = ?",
                                (base_code,)).rowcount > 0

    def data_areas(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in
                self.db.execute("SELECT code, name FROM data_areas ORDER BY rowid")]

    def save_data_area(self, code: str, name: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO data_areas (code, name) VALUES (?, ?) "
                         "ON CONFLICT (code) DO UPDATE SET name = excluded.name", (code, name))

    def delete_data_area(self, code: str) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM data_areas WHERE code = ?", (code,)).rowcount > 0

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", (key, json.dumps(value)))

    # --- reading events back -------------------------------------------------------------

    def event(self, event_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM events WHERE id = ?", [event_id]))
        return _event(rows[0]) if rows else None

    def deliveries_for(self, event_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
        """Each event's deliveries, by the id range the event row records."""
        out: dict[int, list[dict[str, Any]]] = {}
        for event_id in event_ids:
            row = self.db.execute("SELECT first_delivery_id, delivery_count FROM events "
                                  "WHERE id = ?", (event_id,)).fetchone()
            if row is None or not row[1]:
                out[event_id] = []
                continue
            out[event_id] = list(self.db.query(
                "SELECT * FROM deliveries WHERE id BETWEEN ? AND ? ORDER BY id",
                [row[0], row[0] + row[1] - 1]))
        return out

    def delivery_stats(self, first_event: int, last_event: int, *,
                       base_code: str | None = None, change_id: str | None = None
                       ) -> dict[str, Any]:
        """What became of the deliveries of events ``first_event`` … ``last_event``: counts
        by status (in all and per subscriber) and the delivered ones' latencies in ms, from
        the outbox row's creation to the end of its delivery. Read through the events' delivery id
        ranges, which are consecutive, so a day of events costs one range scan."""
        lo, hi, events = self.db.execute(
            "SELECT min(first_delivery_id), max(first_delivery_id + delivery_count - 1), "
            "count(*) FROM events WHERE id BETWEEN ? AND ?"
            + (" AND change_id = ?" if change_id is not None else ""),
            [first_event, last_event] + ([change_id] if change_id is not None else [])
        ).fetchone()
        by_code: dict[str, dict[str, int]] = {}
        latencies: list[float] = []
        if lo is not None:
            where, params = ["d.id BETWEEN ? AND ?", "d.event_id BETWEEN ? AND ?"], \
                [lo, hi, first_event, last_event]
            if base_code is not None:
                where.append("d.base_code = ?")
                params.append(base_code)
            join = ""
            if change_id is not None:
                join = "JOIN events e ON e.id = d.event_id "
                where.append("e.change_id = ?")
                params.append(change_id)
            for code, status, count in self.db.execute(
                    f"SELECT d.base_code, d.status, count(*) FROM deliveries d {join}"
                    f"WHERE {' AND '.join(where)} GROUP BY d.base_code, d.status", params):
                by_code.setdefault(code, {})[status] = count
            # Delivered means the callback's successful attempt ended, or (a subscriber
            # without a callback URL) the broker took the MQ message: not updated_at, which
            # the MQ publisher also moves when a callback was quicker.
            latencies = [row[0] * 1000 for row in self.db.execute(
                "SELECT COALESCE((SELECT a.started_at + COALESCE(a.latency_ms, 0) / 1000.0 "
                "FROM delivery_attempts a WHERE a.delivery_id = d.id AND a.verdict = "
                "'delivered' ORDER BY a.id DESC LIMIT 1), NULLIF(d.mq_published_at, 0)) "
                f"- d.created_at FROM deliveries d {join}"
                f"WHERE {' AND '.join(where)} AND d.status = 'delivered'", params)
                if row[0] is not None]
        totals: dict[str, int] = {}
        for counts in by_code.values():
            for status, count in counts.items():
                totals[status] = totals.get(status, 0) + count
        return {"events": events, "deliveries": totals, "byBaseCode": by_code,
                "latencyMs": percentiles(latencies)}

    def events_for_order(self, service_order_id: str) -> list[dict[str, Any]]:
        return [_event(r) for r in self.db.query(
            "SELECT * FROM events WHERE service_order_id = ? ORDER BY id", [service_order_id])]

    def order(self, service_order_id: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM orders WHERE service_order_id = ?",
                                  [service_order_id]))
        return rows[0] if rows else None

    def find_orders(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        """Orders whose id, code, contact id or contact name contain ``text``, newest first."""
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        return list(self.db.query(
            "SELECT * FROM orders WHERE service_order_id LIKE :q ESCAPE '\\' "
            "OR service_order_code LIKE :q ESCAPE '\\' OR contact_user_id LIKE :q ESCAPE '\\' "
            "OR contact_name LIKE :q ESCAPE '\\' ORDER BY last_event_id DESC LIMIT :limit",
            {"q": like, "limit": limit}))

    # --- the IM server ---------------------------------------------------------------------

    def put_im_users(self, docs: dict[str, dict[str, Any]]) -> None:
        """Create or replace many, in one transaction."""
        now = time.time()
        with self.transaction() as conn:
            conn.executemany("INSERT INTO im_users (user_id, doc, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                             "doc = excluded.doc, updated_at = excluded.updated_at",
                             [(user_id, json.dumps(doc, ensure_ascii=False), now, now)
                              for user_id, doc in docs.items()])

    def delete_im_user(self, user_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM im_users WHERE user_id = ?", [user_id])
            conn.execute("DELETE FROM im_chains WHERE user_id = ?", [user_id])

    def im_users(self) -> list[dict[str, Any]]:
        return [json.loads(r["doc"]) for r in self.db.query(
            "SELECT doc FROM im_users ORDER BY created_at, user_id")]

    def save_chains(self, chains: Sequence[dict[str, Any]], counter: int) -> None:
        with self.transaction() as conn:
            _insert_rows(conn, "INSERT OR REPLACE INTO im_chains", _CHAIN_COLUMNS, chains)
            self.set_setting("im_counter", counter)

    def im_chains(self) -> tuple[list[dict[str, Any]], int]:
        return list(self.db.query("SELECT * FROM im_chains")), self.setting("im_counter", 0)

    def log_im(self, rows: Sequence[dict[str, Any]]) -> None:
        with self.transaction() as conn:
            _insert_rows(conn, "INSERT INTO im_messages", _IM_MESSAGE_COLUMNS, rows)

    def im_messages(self, *, user_id: str | None = None, status: str | None = None,
                    limit: int = 100) -> list[dict[str, Any]]:
        where, params = ["1"], {"limit": limit}
        if user_id is not None:
            where.append("user_id = :user_id")
            params["user_id"] = user_id
        if status is not None:
            where.append("status = :status")
            params["status"] = status
        return list(self.db.query(f"SELECT * FROM im_messages WHERE {' AND '.join(where)} "
                                  "ORDER BY id DESC LIMIT :limit", params))

    def record_pushes(self, pushes: Sequence[dict[str, Any]]) -> None:
        now = time.time()
        with self.transaction() as conn:
            _insert_rows(conn, "INSERT INTO pushes", ("at", "user_id", "platform", "doc"),
                         [{"at": p.get("at", now), "user_id": p["userID"],
                           "platform": p["platform"], "doc": json.dumps(p, ensure_ascii=False)}
                          for p in pushes])

    def pushes(self, *, user_id: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        where = "WHERE user_id = :user_id " if user_id is not None else ""
        return [{"id": r["id"], "at": r["at"], **json.loads(r["doc"])} for r in self.db.query(
            f"SELECT id, at, doc FROM pushes {where}ORDER BY id DESC LIMIT :limit",
            {"user_id": user_id, "limit": limit})]

    # --- WeCom customer service ---------------------------------------------------------------

    def wecom_known(self, msgids: Sequence[str]) -> set[str]:
        """Which of these msgids are stored already."""
        if not msgids:
            return set()
        return {r[0] for r in self.db.execute(
            "SELECT msgid FROM wecom_messages WHERE msgid IN "
            "(SELECT value FROM json_each(?))", [json.dumps(list(msgids))])}

    def save_wecom(self, messages: Sequence[dict[str, Any]],
                   sessions: Sequence[dict[str, Any]] = (),
                   servicers: Sequence[dict[str, Any]] = ()) -> list[int]:
        """Store messages (columns of wecom_messages, no id) with the sessions and servicers
        they changed ({open_kfid, external_userid | servicer_userid, doc}), in one
        transaction; the messages' row ids, in order. A msgid stored already fails the whole
        write (UNIQUE): the caller keeps duplicates out first."""
        now = time.time()
        with self.transaction() as conn:
            first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM wecom_messages"
                                 ).fetchone()[0]
            rows = [{**m, "received_at": m.get("received_at", now)} for m in messages]
            _insert_rows(conn, "INSERT INTO wecom_messages", _WECOM_COLUMNS, rows)
            if rows:
                last = conn.execute("SELECT max(id) FROM wecom_messages").fetchone()[0]
                _expect("wecom_messages", last, first + len(rows) - 1)
            conn.executemany(
                "INSERT INTO wecom_sessions (open_kfid, external_userid, doc, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (open_kfid, external_userid) DO UPDATE SET "
                "doc = excluded.doc, updated_at = excluded.updated_at",
                [(s["open_kfid"], s["external_userid"], json.dumps(s["doc"], ensure_ascii=False),
                  now) for s in sessions])
            conn.executemany(
                "INSERT INTO wecom_servicers (open_kfid, servicer_userid, doc, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (open_kfid, servicer_userid) DO UPDATE SET "
                "doc = excluded.doc, updated_at = excluded.updated_at",
                [(s["open_kfid"], s["servicer_userid"], json.dumps(s["doc"], ensure_ascii=False),
                  now) for s in servicers])
        return list(range(first, first + len(messages)))

    def wecom_message(self, msgid: str) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM wecom_messages WHERE msgid = ?", [msgid]))
        return rows[0] if rows else None

    def wecom_messages(self, *, external_userid: str | None = None,
                       open_kfid: str | None = None, before_id: int | None = None,
                       limit: int = 100) -> list[dict[str, Any]]:
        """Newest first; of one customer and/or one account, before a row id, if asked."""
        where, params = ["1"], {"limit": limit}
        for column, value in (("external_userid", external_userid),
                              ("open_kfid", open_kfid)):
            if value is not None:
                where.append(f"{column} = :{column}")
                params[column] = value
        if before_id is not None:
            where.append("id < :before_id")
            params["before_id"] = before_id
        return list(self.db.query(f"SELECT * FROM wecom_messages WHERE {' AND '.join(where)} "
                                  "ORDER BY id DESC LIMIT :limit", params))

    def link_wecom(self, msgid: str, service_order_id: str, event_id: int) -> bool:
        """Record the work order opened from a message; False if it has one already."""
        with self.transaction() as conn:
            return conn.execute(
                "UPDATE wecom_messages SET service_order_id = ?, event_id = ?, linked_at = ? "
                "WHERE msgid = ? AND service_order_id IS NULL",
                (service_order_id, event_id, time.time(), msgid)).rowcount > 0

    def wecom_links(self, service_order_id: str) -> list[dict[str, Any]]:
        """The messages a work order was opened from, oldest first."""
        return list(self.db.query("SELECT * FROM wecom_messages WHERE service_order_id = ? "
                                  "ORDER BY id", [service_order_id]))

    def wecom_sessions(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.db.execute(
            "SELECT doc FROM wecom_sessions ORDER BY open_kfid, external_userid")]

    def wecom_servicers(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.db.execute(
            "SELECT doc FROM wecom_servicers ORDER BY open_kfid, servicer_userid")]

    # --- history: everything that moved, a page at a time ---------------------------------

    def history_count(self, kind: str) -> int:
        """How many rows of this kind (app.live.KINDS) the database holds."""
        table, where = _HISTORY_TABLES[kind]
        return self.db.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]

    def history_page(self, kind: str, offset: int, limit: int) -> list[dict[str, Any]]:
        """Rows ``offset`` … ``offset + limit - 1`` of this kind, oldest first. The page is
        cut from the bare table before any join, so a page near the end of a million rows
        costs one index walk, not a million joins."""
        params = {"offset": offset, "limit": limit}
        if kind == "callback":
            return list(self.db.query(
                "SELECT a.*, d.base_code, d.event_id, e.service_order_id FROM ("
                "SELECT * FROM delivery_attempts ORDER BY id LIMIT :limit OFFSET :offset) a "
                "JOIN deliveries d ON d.id = a.delivery_id "
                "LEFT JOIN events e ON e.id = d.event_id ORDER BY a.id", params))
        if kind == "mq":
            return list(self.db.query(
                "SELECT d.id, d.base_code, d.event_id, d.mq_published_at, e.change_id, "
                "e.data_area, e.service_order_id FROM ("
                "SELECT * FROM deliveries WHERE mq_published_at > 0 ORDER BY id "
                "LIMIT :limit OFFSET :offset) d JOIN events e ON e.id = d.event_id "
                "ORDER BY d.id", params))
        table, where = _HISTORY_TABLES[kind]
        return list(self.db.query(f"SELECT * FROM {table} {where} ORDER BY id "
                                  "LIMIT :limit OFFSET :offset", params))

    def creation_of(self, service_order_id: str) -> str | None:
        """The data of an order's changeId 1 event, as stored (JSON text), if there is one."""
        row = self.db.execute(
            "SELECT data FROM events WHERE service_order_id = ? AND change_id = '1' "
            "ORDER BY id LIMIT 1", [service_order_id]).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        q = self.db.execute
        out = {"events": q("SELECT count(*) FROM events").fetchone()[0],
               "rejections": q("SELECT count(*) FROM rejections").fetchone()[0]}
        for status, n in q("SELECT status, count(*) FROM deliveries GROUP BY status"):
            out[f"deliveries_{status}"] = n
        return out

    def mq_waiting(self) -> int:
        """Deliveries not yet on their MQ topic. Without a broker (HTTP-only) this only
        grows, and an MQ-only subscription's deliveries stay pending: shown, not silent."""
        return self.db.execute("SELECT count(*) FROM deliveries WHERE id >= ? AND "
                               "mq_published_at IS NULL", [self.mq_low_water()]).fetchone()[0]


#: Live row kind → the table that keeps its history, and which of its rows count.
_HISTORY_TABLES = {
    "event": ("events", ""),
    "rejected": ("rejections", ""),
    "callback": ("delivery_attempts", ""),
    "mq": ("deliveries", "WHERE mq_published_at > 0"),
    "im": ("im_messages", ""),
    "push": ("pushes", ""),
    "wecom": ("wecom_messages", ""),
}


def _expect(table: str, last: int | None, expected: int) -> None:
    """The ids handed out are SQLite's max(rowid)+1 in order; if that ever did not hold, the
    ids already computed would be wrong, so the transaction must not commit."""
    if last != expected:
        raise sqlite3.IntegrityError(
            f"{table}: the last row got id {last}, expected {expected}; nothing was stored")


class SqliteTooOld(RuntimeError):
    """The SQLite this Python links lacks what the store needs."""


def _require_json_functions(conn: sqlite3.Connection) -> None:
    try:
        conn.execute("SELECT json_extract(value, '$[0]') FROM json_each('[[1]]')").fetchall()
    except sqlite3.OperationalError:
        raise SqliteTooOld(
            f"the SQLite this Python uses ({sqlite3.sqlite_version}) has no JSON functions "
            "(json_each, json_extract); use a Python built with SQLite 3.9+ and JSON1, as "
            "python.org, Homebrew and Debian's are") from None


def _json(rows: object) -> str:
    return json_codec.dumps(rows)


def _event(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row["data"] = json.loads(row["data"])
    row["warnings"] = json.loads(row["warnings"]) if row["warnings"] else []
    return row


def latest_schema() -> int:
    return LATEST
