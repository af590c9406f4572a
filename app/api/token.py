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


def matches(header: str | None, token: str, schemes: tuple[str, ...] = ("Bearer",)) -> bool:
    """Does an ``Authorization`` header carry the token, in one of ``schemes``? Constant-time
    comparison."""
    presented = _presented(header, schemes)
    return presented is not None and hmac.compare_digest(presented.encode(), token.encode())


def _presented(header: str | None, schemes: tuple[str, ...]) -> str | None:
    """The token an ``Authorization`` header presents, or None.

    ``Bearer <token>`` is the API's own scheme. ``Token`` is HTTP Token authentication as
    Rails reads it (ActionController::HttpAuthentication::Token), which is what "使用http的
    token" most likely means in spec/org-change-push.md: ``Token <token>`` or
    ``Token token="<token>"``, other parameters after a comma ignored.
    """
    if not header:
        return None
    for scheme in schemes:
        if header.startswith(scheme + " "):
            rest = header.removeprefix(scheme + " ").strip()
            if scheme == "Token" and rest.startswith("token="):
                rest = rest.removeprefix("token=").split(",", 1)[0].strip()
                if len(rest) >= 2 and rest[0] == rest[-1] == '"':
                    rest = rest[1:-1]
            return rest
    return None
