"""JSON text in and out, fast where it is hot, standard where it matters.

Encoding and decoding sit on the accept path of every event (the data, the store's batch
rows), so they go through orjson, which is an order of magnitude faster than the standard
library. orjson refuses some JSON the standard library takes (integers beyond 64 bits); the
standard library handles those, and says where text breaks in the words people know
("Expecting ',' delimiter at line 3 column 5").
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    """Compact JSON text, non-ASCII kept as is (``{"a":"房屋问题"}``)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # an int beyond 64 bits, a non-str key …
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """Decode; json.JSONDecodeError (with line and column) when it is not JSON."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        # Not orjson's: either JSON it does not take, or broken text whose error we want
        # worded by the standard library.
        if isinstance(text, bytes):
            text = text.decode("utf-8")  # UnicodeDecodeError for bytes that are not UTF-8
        return json.loads(text)
