"""The only package that touches SQLite (via sqlite-utils): one writer, batched, WAL."""

from app.store.database import NewEvent, SchemaTooNew, Store, WrittenEvent

__all__ = ["NewEvent", "SchemaTooNew", "Store", "WrittenEvent"]
