"""MQ topic names (spec: each subscriber's topic, with the dataArea as the message tag).

baseCode and dataArea each become one level of ``wo/push/<baseCode>/<dataArea>``, so they may
not hold "/" (another level), "+" or "#" (wildcards, illegal in a published topic) or NUL;
they are kept to the characters the spec's codes use.
"""

from __future__ import annotations

import re

#: What a baseCode or data-area code may be.
CODE = re.compile(r"[A-Za-z0-9_.\-]{1,64}")
CODE_HINT = "1–64 letters, digits, '_', '-' or '.': it becomes an MQTT topic level"


def is_code(text: object) -> bool:
    return isinstance(text, str) and CODE.fullmatch(text) is not None


def topic_for(base_code: str, data_area: str) -> str:
    """The MQ topic of one delivery: ``wo/push/<baseCode>/<dataArea>``."""
    return f"wo/push/{base_code}/{data_area}"
