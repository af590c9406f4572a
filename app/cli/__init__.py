"""Headless commands of ``python main.py``: each module has ``add_parser`` and ``run``."""

from __future__ import annotations

import sys
from pathlib import Path

# Exit codes shared by the commands (and the external contract for ``validate``).
OK, INVALID, UNUSABLE = 0, 1, 2


class UsageProblem(Exception):
    """Input a command cannot use at all (exit 2): unreadable file, not JSON …"""


def read_input(name: str) -> bytes:
    """The bytes of FILE, or of standard input for ``-``."""
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise UsageProblem(f"cannot read {name}: {error.strerror}") from None


def print_err(*parts: object) -> None:
    print(*parts, file=sys.stderr)
