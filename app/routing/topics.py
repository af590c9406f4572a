"""MQ topic names (spec: each subscriber's topic, with the dataArea as the message tag), and
the routing key that tells the families apart.

Work-order events route on their bare changeId ("1" … "10") within a dataArea. Organisation
pushes travel the same outbox, callback service and MQ, and route on the key ``org:<type>``
(``org:11``) within their org_id; the key is what the events and deliveries tables hold in
``change_id``, so every part of the delivery path carries the family along without a column
of its own. Their topic is ``org/push/<baseCode>/<org_id>``.

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


ORG_PREFIX = "org:"


def org_key(message_type: int | str) -> str:
    """The routing key of an organisation push: ``org:11``."""
    return f"{ORG_PREFIX}{message_type}"


def is_org_key(change_id: str) -> bool:
    return change_id.startswith(ORG_PREFIX)


def org_type_of(change_id: str) -> str:
    """``"11"`` for ``org:11``."""
    return change_id[len(ORG_PREFIX):]


def topic_for(base_code: str, data_area: str, change_id: str = "") -> str:
    """The MQ topic of one delivery: ``wo/push/<baseCode>/<dataArea>``, or for an
    organisation push (``change_id`` ``org:<type>``, ``data_area`` its org_id)
    ``org/push/<baseCode>/<org_id>``."""
    if change_id.startswith(ORG_PREFIX):
        return f"org/push/{base_code}/{data_area}"
    return f"wo/push/{base_code}/{data_area}"
