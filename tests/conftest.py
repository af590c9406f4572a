"""Fixtures shared by every tier: a real SQLite file per test, the shipped catalogue, an
engine over them. Nothing here is a mock: these are the parts the product runs on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.catalog import Catalog, default_catalog
from app.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "resources" / "examples" / "workorder"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped catalogue; immutable, so one for the whole session."""
    return default_catalog()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "push-studio.db"


@pytest.fixture
def engine(db_path: Path) -> Iterator[Engine]:
    """An open engine over a fresh database file (writer thread running)."""
    eng = Engine(db_path).open()
    try:
        yield eng
    finally:
        eng.close()


def example(name: str) -> Any:
    """A spec example shipped in resources/examples/workorder, decoded."""
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def subscription(base_code: str = "HRZDWYWHXT", **fields: Any) -> dict[str, Any]:
    """A subscription's JSON form with sensible defaults, overridable per field."""
    doc: dict[str, Any] = {"baseCode": base_code, "name": f"{base_code} system",
                           "dataAreas": ["fwwt"], "changeIds": ["1", "5", "2", "3"]}
    doc.update(fields)
    return doc
