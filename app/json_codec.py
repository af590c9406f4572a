"""JSON text in and out, fast where it is hot, standard where it matters.

Encoding and decoding sit on the accept path of every event (the data, the store's batch
rows), so they go through orjson, an order of magnitude faster than the standard library.
What orjson refuses is then put to the standard library, for two reasons only: integers
beyond 64 bits are JSON and it takes them, and it words a broken text the way people know
("Expecting ',' delimiter"). Everything that is not JSON — NaN, lone surrogates, nesting
past orjson's depth limit, a 5,000-digit number — ends as one NotJson with a line and column.
A leading byte-order mark (Windows editors write one) is allowed and dropped.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_BOM = "\ufeff"


class NotJson(ValueError):
    """Text that is not JSON: the reason, and where (1-based line and column)."""

    def __init__(self, reason: str, text: str = "", position: int = 0) -> None:
        self.reason, self.text = reason, text
        self.line = text.count("\n", 0, position) + 1
        self.column = position - (text.rfind("\n", 0, position) + 1) + 1
        super().__init__(f"{reason} at line {self.line} column {self.column}")


def dumps(value: Any) -> str:
    """Compact JSON text, non-ASCII kept as is (``{"a":"房屋问题"}``)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # an int beyond 64 bits, a non-str key …
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """Decode JSON text (or UTF-8 bytes); NotJson when it is not JSON."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            prefix = text[:error.start].decode("utf-8", "replace")
            raise NotJson(f"not UTF-8 (byte 0x{text[error.start]:02x})", prefix,
                          len(prefix)) from None
    text = text.removeprefix(_BOM)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as refused:
        first = refused
    try:
        value = json.loads(text, parse_constant=_not_a_constant)
    except json.JSONDecodeError as error:
        raise NotJson(error.msg, text, error.pos) from None
    except (ValueError, RecursionError):
        # NaN/Infinity, too many digits, too deep: orjson said where.
        raise NotJson(first.msg, text, first.pos) from None
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise NotJson(first.msg + " (a lone surrogate is not text)", text, first.pos) from None
    return value


def _not_a_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
