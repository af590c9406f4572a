"""Validate a decoded message against a catalogue message type, in strict or lenient mode.

The walk is compiled once per message type (lookup tables for exact and drifted keys), so
validating a well-formed event costs a dict lookup and a type check per key: it sits on the
hot path of every accepted event.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from app.catalog.findings import Code, Finding, Mode, Severity, join_path
from app.catalog.model import Field, JsonType, MessageType
from app.catalog.timefmt import time_problem

#: A cross-field rule: given the (drift-resolved) object and the mode, return findings.
Check = Callable[[Mapping[str, object], Mode, str], Iterable[Finding]]

_TYPE_WORD = {
    JsonType.STRING: "a string",
    JsonType.OBJECT: "an object",
    JsonType.ARRAY: "an array",
    JsonType.NUMBER: "a number",
    JsonType.BOOLEAN: "a boolean",
}


@dataclass(frozen=True, slots=True)
class _Shape:
    """The lookup tables for one set of fields (a message type or a nested list's items)."""

    exact: dict[str, Field]
    #: Casefolded, stripped key → field, for reporting drift such as ``userid`` or "hangRemark ".
    folded: dict[str, Field]
    required: tuple[Field, ...]
    #: Fields where any non-empty string is right (no enum, no time): the common case, which
    #: the walk checks inline.
    plain: frozenset[str]

    @classmethod
    def of(cls, fields: tuple[Field, ...]) -> _Shape:
        return cls(
            exact={f.name: f for f in fields},
            folded={f.name.strip().casefold(): f for f in fields},
            required=tuple(f for f in fields if f.required),
            plain=frozenset(f.name for f in fields
                            if f.type is JsonType.STRING and f.enum is None and not f.time),
        )


# Keyed by id() of the fields tuple; the tuple itself is kept in the value so the id stays
# valid for as long as the entry lives.
_shapes: dict[int, tuple[tuple[Field, ...], _Shape]] = {}


def _shape(fields: tuple[Field, ...]) -> _Shape:
    entry = _shapes.get(id(fields))
    if entry is None:
        entry = (fields, _Shape.of(fields))
        _shapes[id(fields)] = entry
    return entry[1]


def check_object(
    fields: tuple[Field, ...],
    data: object,
    mode: Mode = Mode.STRICT,
    path: str = "data",
    checks: Iterable[Check] = (),
) -> tuple[list[Finding], Mapping[str, object]]:
    """All findings for ``data`` read as an object with ``fields``, and ``data`` as the
    catalogue reads it: a drifted key (``userid``, ``"hangRemark "``) also under its field's
    name, so that whoever reads an identity field after validation sees what it saw."""
    findings: list[Finding] = []
    if not isinstance(data, dict):
        findings.append(Finding(path, Code.TYPE, f"expected an object, got {_describe(data)}"))
        return findings, {}
    resolved = _walk(_shape(fields), data, mode is Mode.STRICT, path, findings)
    for check in checks:
        findings.extend(check(resolved, mode, path))
    return findings, resolved


def validate_object(
    fields: tuple[Field, ...],
    data: object,
    mode: Mode = Mode.STRICT,
    path: str = "data",
    checks: Iterable[Check] = (),
) -> list[Finding]:
    """All findings for ``data`` read as an object with ``fields``."""
    return check_object(fields, data, mode, path, checks)[0]


def check_body(
    message_type: MessageType,
    data: object,
    mode: Mode = Mode.STRICT,
    path: str = "data",
    checks: Iterable[Check] = (),
) -> list[Finding]:
    """All findings for a message type's body, which is one object or, for a type whose
    ``body`` is "list", a JSON array of objects (each checked with the type's fields)."""
    if message_type.body != "list":
        return validate_object(message_type.fields, data, mode, path, checks)
    if not isinstance(data, list):
        hint = ("wrap the object in a list: [ {...} ]" if isinstance(data, dict) else
                f"{message_type.en} sends a list of objects")
        return [Finding(path, Code.TYPE, f"expected an array, got {_describe(data)}",
                        hint=hint)]
    findings: list[Finding] = []
    for i, element in enumerate(data):
        findings.extend(validate_object(message_type.fields, element, mode,
                                        join_path(path, i), checks))
    return findings


def validate_data(
    message_type: MessageType,
    data: object,
    mode: Mode = Mode.STRICT,
    path: str = "data",
    checks: Iterable[Check] = (),
) -> list[Finding]:
    """All findings for the body of one message of ``message_type``."""
    return validate_object(message_type.fields, data, mode, path, checks)


def _walk(
    shape: _Shape, obj: dict, strict: bool, path: str, out: list[Finding]
) -> Mapping[str, object]:
    """Check every key of ``obj``; return it with drifted keys also under their field names."""
    plain, exact = shape.plain, shape.exact
    drifted: dict[str, object] | None = None
    for key, value in obj.items():
        if key in plain and value.__class__ is str and value:
            continue  # the common case: a non-empty string where any string will do
        f = exact.get(key)
        if f is None:
            f = _drift(shape, obj, key, strict, path, out)
            if f is None:
                continue
            if drifted is None:
                drifted = {}
            drifted[f.name] = value
        _value(f, value, strict, path, key, out)
    resolved = obj if drifted is None else {**obj, **drifted}
    for f in shape.required:
        if f.name not in resolved:
            severity = Severity.ERROR if strict or f.essential else Severity.WARNING
            out.append(Finding(join_path(path, f.name), Code.MISSING,
                               "required field is missing", severity, label_zh=f.short_zh))
    return resolved


def _drift(
    shape: _Shape, obj: dict, key: str, strict: bool, path: str, out: list[Finding]
) -> Field | None:
    """The field a non-matching key was meant to be (reported as drift), or None (unknown)."""
    severity = Severity.ERROR if strict else Severity.WARNING
    if not isinstance(key, str):  # not from JSON text, but a Python caller may pass one
        out.append(Finding(join_path(path, str(key)), Code.UNKNOWN_KEY,
                           f"key {key!r} is not a string", severity,
                           hint="JSON object keys are strings"))
        return None
    where = join_path(path, key)
    f = shape.folded.get(key.strip().casefold())
    if f is not None and f.name not in obj:
        reasons = []
        if key != key.strip():
            side = ("leading and trailing" if key[0].isspace() and key[-1].isspace()
                    else "leading" if key[0].isspace() else "trailing")
            reasons.append(f"key has {side} space")
        if key.strip() != f.name:
            reasons.append(f"did you mean {f.name}?")
        out.append(Finding(where, Code.KEY_DRIFT, f"unknown key {key!r}", severity,
                           hint="; ".join(reasons), label_zh=f.short_zh))
        return f
    hint = None
    if f is not None:
        hint = f"duplicates {f.name}, which is also present"
    else:
        close = difflib.get_close_matches(key, list(shape.exact), n=1, cutoff=0.8)
        if close:
            hint = f"did you mean {close[0]}?"
    out.append(Finding(where, Code.UNKNOWN_KEY, f"unknown key {key!r}: not in the spec's table",
                       severity, hint=hint))
    return None


def _value(f: Field, value: object, strict: bool, parent: str, key: str,
           out: list[Finding]) -> None:
    """Check one value. The JSON path is built only when there is something to report: this
    runs for every key of every event."""
    actual = JsonType.of(value)
    if actual is not f.type:
        path = join_path(parent, key)
        if actual is None:
            severity = Severity.ERROR if strict or f.essential else Severity.WARNING
            out.append(Finding(path, Code.TYPE, f"null; expected {_TYPE_WORD[f.type]}", severity,
                               hint='send "" or leave the key out', label_zh=f.short_zh))
            return
        if actual in f.also:
            if strict:
                why = f" ({f.quirks[0]})" if f.quirks else ""
                out.append(Finding(
                    path, Code.TYPE,
                    f"expected {_TYPE_WORD[f.type]} (the table types it {f.spec_type}), "
                    f"got {_TYPE_WORD[actual]}",
                    hint=f"send {_TYPE_WORD[f.type]} as the table says, or validate with "
                         f"--lenient, which accepts {_TYPE_WORD[actual]} as production "
                         f"sends it{why}",
                    label_zh=f.short_zh))
        else:
            out.append(Finding(path, Code.TYPE,
                               f"expected {_TYPE_WORD[f.type]}, got {_describe(value)}",
                               hint=_type_hint(f, value), label_zh=f.short_zh))
            return
    if actual is JsonType.NUMBER:
        _number(f, value, parent, key, out)  # type: ignore[arg-type]
        return
    if actual is JsonType.STRING:
        if not value:
            if f.required and (strict or f.essential):
                out.append(Finding(join_path(parent, key), Code.EMPTY,
                                   "required field is empty",
                                   Severity.ERROR if f.essential else Severity.WARNING,
                                   label_zh=f.short_zh))
            return
        if f.enum is not None and value not in f.enum.codes:
            out.append(Finding(join_path(parent, key), Code.ENUM,
                               f"{value!r} is not one of the {f.enum.name} codes",
                               Severity.WARNING if f.open_enum and not strict
                               else Severity.ERROR,
                               hint="one of " + f.enum.describe(), label_zh=f.short_zh))
        if f.time:
            problem = time_problem(value)  # type: ignore[arg-type]
            if problem:
                out.append(Finding(join_path(parent, key), Code.TIME, problem,
                                   hint="yyyyMMddHHmmss, e.g. 20190802161622",
                                   label_zh=f.short_zh))
    elif actual is JsonType.OBJECT:
        if f.items:
            _walk(_shape(f.items), value, strict, join_path(parent, key), out)  # type: ignore[arg-type]
    elif actual is JsonType.ARRAY and f.element is not None:
        for i, element in enumerate(value):  # type: ignore[arg-type]
            if JsonType.of(element) is not f.element or (
                    f.integer and whole(element) is None):
                want = "a whole number" if f.integer else _TYPE_WORD[f.element]
                out.append(Finding(join_path(join_path(parent, key), i), Code.TYPE,
                                   f"expected {want}, got {_describe(element)}",
                                   label_zh=f.short_zh))
    elif actual is JsonType.ARRAY and f.items:
        shape = _shape(f.items)
        path = join_path(parent, key)
        for i, element in enumerate(value):  # type: ignore[arg-type]
            where = join_path(path, i)
            if isinstance(element, dict):
                _walk(shape, element, strict, where, out)
            else:
                out.append(Finding(where, Code.TYPE,
                                   f"expected an object, got {_describe(element)}",
                                   label_zh=f.short_zh))


def _number(f: Field, value: float, parent: str, key: str, out: list[Finding]) -> None:
    """Whole numbers and numeric enumerations (origin 3/4/5, fail_type, org MessageType)."""
    number = whole(value)
    if f.integer and number is None:
        out.append(Finding(join_path(parent, key), Code.TYPE,
                           f"expected a whole number, got {value!r}",
                           hint="send a number without a fraction, e.g. 3",
                           label_zh=f.short_zh))
        return
    if f.enum is not None:
        code = str(number) if number is not None else repr(value)
        if code not in f.enum.codes:
            out.append(Finding(join_path(parent, key), Code.ENUM,
                               f"{value!r} is not one of the {f.enum.name} codes",
                               hint="one of " + f.enum.describe(), label_zh=f.short_zh))


def whole(value: object) -> int | None:
    """``value`` as an int when JSON gave a whole number (3, 3.0; not true), else None;
    never overflows."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _type_hint(f: Field, value: object) -> str | None:
    if f.type is JsonType.STRING and isinstance(value, int | float) and not isinstance(value, bool):
        return f'send "{value}" (a string), not {value}'
    if f.type is JsonType.ARRAY and isinstance(value, dict):
        return "wrap the object in a list: [ {...} ]"
    if f.type is JsonType.NUMBER and isinstance(value, str):
        stripped = value.strip()
        if stripped.lstrip("-").isdigit():
            return f"send {stripped} (a number), not \"{value}\""
    return None


def _describe(value: object) -> str:
    kind = JsonType.of(value)
    if kind is None:
        return "null"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{_TYPE_WORD[kind]} {text}"
