"""What changed between two JSON documents, as paths: for "diff against the previous message
of the same order" (changeId 5 then 2 of one track differ in a handful of fields, and a line
diff of two pretty-printed bodies buries them).

Paths are written the way findings write them (``data.currentUser[0].name``). Lists are
compared position by position: the spec's lists (currentUser, reqVariables) are short and
ordered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

_MISSING = object()


@dataclass(frozen=True, slots=True)
class Change:
    path: str
    kind: str  # added | removed | changed
    old: Any = None
    new: Any = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "kind": self.kind}
        if self.kind != "added":
            out["old"] = self.old
        if self.kind != "removed":
            out["new"] = self.new
        return out


def diff(old: Any, new: Any, path: str = "") -> list[Change]:
    """Every difference between ``old`` and ``new``, depth first, in document order."""
    out: list[Change] = []
    _walk(old, new, path, out)
    return out


def _walk(old: Any, new: Any, path: str, out: list[Change]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            child = f"{path}.{key}" if path else str(key)
            _pair(old.get(key, _MISSING), new.get(key, _MISSING), child, out)
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            _pair(old[i] if i < len(old) else _MISSING, new[i] if i < len(new) else _MISSING,
                  f"{path}[{i}]", out)
    elif type(old) is not type(new) or old != new:  # 1 and True and 1.0 are different JSON
        out.append(Change(path, "changed", old, new))


def _pair(old: Any, new: Any, path: str, out: list[Change]) -> None:
    if old is _MISSING:
        out.append(Change(path, "added", new=new))
    elif new is _MISSING:
        out.append(Change(path, "removed", old=old))
    else:
        _walk(old, new, path, out)


def describe(change: Change) -> str:
    """One line: ``~ data.status: "1" → "2"``, ``+ path: value``, ``- path: value``."""
    def show(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 120 else text[:117] + "…"

    if change.kind == "added":
        return f"+ {change.path}: {show(change.new)}"
    if change.kind == "removed":
        return f"- {change.path}: {show(change.old)}"
    return f"~ {change.path}: {show(change.old)} → {show(change.new)}"
