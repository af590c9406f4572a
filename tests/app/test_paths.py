from __future__ import annotations

from pathlib import Path

from app import paths


def test_overrides_win(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert paths.db_path(None, tmp_path) == tmp_path / paths.DB_NAME
    assert paths.db_path(tmp_path / "x.db", tmp_path / "ignored") == tmp_path / "x.db"


def test_default_is_the_user_data_dir(monkeypatch):
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    assert "push-studio" in str(paths.data_dir())
    assert isinstance(paths.data_dir(), Path)
