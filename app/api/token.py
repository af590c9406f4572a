"""The API's bearer token: made at first start, kept in the data dir, readable only by you."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

TOKEN_FILE = "api-token"


def load_or_create(data_dir: Path, name: str = TOKEN_FILE) -> str:
    """The secret in ``data_dir/name``, made on first use (the API token, the IM secret)."""
    path = data_dir / name
    if path.exists():
        token = path.read_text(encoding="ascii").strip()
        if token:
            if hasattr(os, "chmod") and path.stat().st_mode & 0o077:
                path.chmod(0o600)  # readable by you only, whoever copied it here
            return token
    data_dir.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    # Created readable by the owner only, before the token is written into it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(token + "\n")
    return token


def matches(header: str | None, token: str) -> bool:
    """Does an ``Authorization`` header carry the token? Constant-time comparison."""
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header.removeprefix("Bearer ").strip().encode(), token.encode())
