"""Where Push Studio keeps its files: the user data dir (platformdirs), overridable."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "PUSH_STUDIO_DATA_DIR"
DB_NAME = "push-studio.db"


def data_dir(override: str | Path | None = None) -> Path:
    """``--data-dir``, else $PUSH_STUDIO_DATA_DIR, else the platform's user data dir."""
    chosen = override or os.environ.get(ENV_DATA_DIR)
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir("push-studio", False))


def db_path(db: str | Path | None = None, data: str | Path | None = None) -> Path:
    """``--db``, else push-studio.db in the data dir."""
    return Path(db) if db else data_dir(data) / DB_NAME
