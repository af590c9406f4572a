"""What validation reports: findings with a JSON path, a message and, where one exists, a hint."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    """How strictly to read a message (spec/README.md, "Decisions").

    strict: the spec's field tables — every required field present, types as written,
    unknown keys reported as errors.
    lenient: what production examples show — the types the examples use are accepted, and
    unknown keys, key drift and missing non-essential fields are warnings, not errors.
    """

    STRICT = "strict"
    LENIENT = "lenient"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    """What kind of deviation a finding is; stable, for machines (tests, --json, the API)."""

    NOT_JSON = "not-json"
    MISSING = "missing"
    EMPTY = "empty"
    TYPE = "type"
    ENUM = "enum"
    TIME = "time"
    UNKNOWN_KEY = "unknown-key"
    KEY_DRIFT = "key-drift"
    TRACKINFO = "trackinfo"
    UNKNOWN_TYPE = "unknown-type"
    UNSUPPORTED = "unsupported"
    CONSISTENCY = "consistency"
    UNKNOWN_AREA = "unknown-area"
    #: A receiver that is no IM user (POST /orgs/{org_id}/messages).
    UNKNOWN_USER = "unknown-user"
    STORE = "store"


@dataclass(frozen=True, slots=True)
class Finding:
    """One deviation of a message from the catalogue.

    ``path`` is a JSON path from the message root, dotted, with bracketed indices and
    bracketed quoted keys where a key is not a plain identifier (``data["hangRemark "]``),
    so that a trailing space stays visible.
    """

    path: str
    code: Code
    message: str
    severity: Severity = Severity.ERROR
    hint: str | None = None
    #: The field's description in Chinese as the spec writes it, when the path names a field.
    label_zh: str | None = None

    def to_json(self) -> dict[str, str]:
        out = {"path": self.path, "code": str(self.code), "severity": str(self.severity),
               "message": self.message}
        if self.hint:
            out["hint"] = self.hint
        if self.label_zh:
            out["label_zh"] = self.label_zh
        return out

    def __str__(self) -> str:
        label = f" ({self.label_zh})" if self.label_zh else ""
        hint = f" — hint: {self.hint}" if self.hint else ""
        return f"{self.severity}: {self.path or '$'}{label}: {self.message}{hint}"


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def errors_first(findings: list[Finding]) -> list[Finding]:
    """Errors, then warnings, each in the order found: what to fix comes first."""
    return sorted(findings, key=lambda f: f.severity is not Severity.ERROR)


def join_path(base: str, key: str | int) -> str:
    """``join_path("data", "userId") == "data.userId"``; odd keys are quoted and bracketed."""
    if isinstance(key, int):
        return f"{base}[{key}]"
    if key.isidentifier():
        return f"{base}.{key}" if base else key
    quoted = '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{base}[{quoted}]"
