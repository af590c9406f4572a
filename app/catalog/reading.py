"""Recognising which family and message type a decoded payload is, and reading it.

Every family that can arrive as a JSON payload (work-order callbacks, WeCom sync messages,
organisation pushes, the rich-message request, IM envelopes) provides one ``Reader``. The
payload inspector asks each how sure it is that a payload is theirs (``recognise``: the
number of the family's distinctive keys present, 0 for "not mine") and lets the surest one
read it. Readers are pure: no engine, no I/O; where a payload would be routed is the
inspector's business (app/inspect.py), not the catalogue's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from app.catalog.findings import Finding, Mode, has_errors


@dataclass(slots=True)
class Reading:
    """What a reader made of a payload."""

    family: str
    #: The message type's id within the family ("1", "text", "11", "4"), or None when the
    #: payload is recognisably of the family but its type could not be told.
    type_id: str | None
    #: What it is, for people: "WeCom text message 文本消息", "ORG_UPDATED = 11 …".
    title: str
    findings: list[Finding] = field(default_factory=list)
    #: Which form of the family: "envelope", "data", "message", "sync response", "request" …
    kind: str = ""
    #: Facts the inspector shows and routes on (``{"org_id": 123, "type": 11}``), JSON-able.
    facts: dict[str, object] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not has_errors(self.findings)

    def to_json(self) -> dict[str, object]:
        return {"family": self.family, "type": self.type_id, "title": self.title,
                "kind": self.kind, "valid": self.valid, "facts": self.facts,
                "findings": [f.to_json() for f in self.findings]}


class Reader(Protocol):
    """One family's recogniser and reader."""

    #: The family id, as in ``Catalog.families``.
    family: str

    def recognise(self, obj: object) -> int:
        """How many of the family's distinctive keys ``obj`` has (0: not this family)."""
        ...

    def read(self, obj: object, mode: Mode = Mode.STRICT) -> Reading:
        """Validate ``obj`` as this family; findings name the path, the problem and a fix."""
        ...


def keys_of(obj: object) -> set[str]:
    """The casefolded, stripped string keys of a dict (drifted keys still count), else {}."""
    if not isinstance(obj, dict):
        return set()
    return {k.strip().casefold() for k in obj if isinstance(k, str)}
