"""The catalogue's vocabulary: message families, message types, fields, enumerations.

A *family* is one kind of traffic in spec/ (work-order events today; IM, WeCom and
organisation pushes later). A family holds *message types* keyed by a string id (the
work-order family keys them by changeId, "1".."10"). A message type is a list of fields,
each with the type, required flag and description the source document gives, in Chinese
as written and in English.

The spec's own quirks stay visible here instead of being fixed: ``spec_type`` keeps the type
text as the table writes it ("Object" for a time string), ``quirks`` explains each oddity and
names the spec/README.md inconsistency it belongs to, and ``also`` lists the JSON types that
production examples use where the table says otherwise (accepted by lenient validation only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import yaml


class JsonType(StrEnum):
    """The JSON type a validator checks a value against."""

    STRING = "string"
    OBJECT = "object"
    ARRAY = "array"
    NUMBER = "number"
    BOOLEAN = "boolean"

    @classmethod
    def of(cls, value: object) -> JsonType | None:
        """The JSON type of a decoded value, or None for null."""
        exact = _BY_PYTHON_TYPE.get(value.__class__, _UNSET)
        if exact is not _UNSET:
            return exact  # type: ignore[return-value]
        if isinstance(value, bool):
            return cls.BOOLEAN
        if isinstance(value, str):
            return cls.STRING
        if isinstance(value, dict):
            return cls.OBJECT
        if isinstance(value, list):
            return cls.ARRAY
        if isinstance(value, int | float):
            return cls.NUMBER
        return None


_UNSET = object()
# What json.loads produces, looked up by exact class: the validator asks this for every value.
_BY_PYTHON_TYPE: dict[type, JsonType | None] = {
    str: JsonType.STRING, dict: JsonType.OBJECT, list: JsonType.ARRAY, int: JsonType.NUMBER,
    float: JsonType.NUMBER, bool: JsonType.BOOLEAN, type(None): None,
}


@dataclass(frozen=True, slots=True)
class EnumValue:
    """One allowed value of an enumerated field, with its meaning."""

    value: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Enumeration:
    """A closed set of string codes (overType, hangStatus …)."""

    name: str
    values: tuple[EnumValue, ...]
    codes: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", frozenset(v.value for v in self.values))

    @classmethod
    def of(cls, name: str, *values: tuple[str, str, str]) -> Enumeration:
        """``Enumeration.of("status", ("1", "接待中", "serving"), …)``: (code, zh, en)."""
        return cls(name, tuple(EnumValue(*v) for v in values))

    def meaning(self, code: str, lang: str = "en") -> str | None:
        for v in self.values:
            if v.value == code:
                return v.zh if lang == "zh" else v.en
        return None

    def describe(self) -> str:
        """``0 = normal end, 1 = cancelled`` — for hints and the CLI."""
        return ", ".join(f"{v.value} = {v.en} {v.zh}" for v in self.values)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a message type, as the spec's table describes it."""

    name: str
    type: JsonType
    required: bool
    zh: str
    en: str
    #: The type exactly as the spec's table writes it ("String", "string", "Object", "Array").
    spec_type: str = "String"
    #: For ``type`` STRING fields that hold a ``yyyyMMddHHmmss`` time.
    time: bool = False
    enum: Enumeration | None = None
    #: Production sends codes outside ``enum`` (transportTypeId "9", #10): lenient mode warns
    #: instead of refusing; strict mode still reports an error.
    open_enum: bool = False
    #: Fields of each element (ARRAY) or of the object (OBJECT).
    items: tuple[Field, ...] = ()
    #: For an ARRAY of plain values (``"users": [1, 2, 4]``): the JSON type of each element.
    element: JsonType | None = None
    #: For NUMBER fields: a whole number is required (the WeCom SDK's uint32, org ids).
    integer: bool = False
    #: Other JSON types production examples send here; lenient mode accepts them.
    also: frozenset[JsonType] = frozenset()
    #: Missing this field is an error even in lenient mode (identity fields the engine needs).
    essential: bool = False
    #: Oddities of the spec around this field, each naming its spec/README.md item ("#3: …").
    quirks: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en

    @property
    def short_zh(self) -> str:
        """The description's first line: several span lines in the spec's table."""
        return self.zh.partition("\n")[0].strip()


@dataclass(frozen=True, slots=True)
class Example:
    """One example the source document prints, shipped as a resource file."""

    id: str
    title: str
    #: "envelope" (a whole callback body) or "data" (the data object of one message type).
    kind: str
    message_type: str
    path: str
    #: Each repair made to the document's text so that it parses as JSON.
    repairs: tuple[str, ...] = ()
    #: Free-text note shown beside the example (placeholders, where it comes from).
    note: str = ""


def load_examples(directory: Path) -> tuple[Example, ...]:
    """The examples a family ships, as ``directory/examples.yaml`` lists them, with each
    ``Example.path`` relative to ``directory``."""
    with (directory / "examples.yaml").open(encoding="utf-8") as fh:
        entries = yaml.safe_load(fh) or []
    return tuple(Example(id=str(e["id"]), title=str(e["title"]), kind=str(e["kind"]),
                         message_type=str(e.get("message_type") or ""), path=str(e["path"]),
                         repairs=tuple(str(r) for r in e.get("repairs") or ()),
                         note=str(e.get("note") or "").strip())
                 for e in entries)


@dataclass(frozen=True, slots=True)
class MessageType:
    """One message of a family: a work-order changeId, an IM message type …"""

    family: str
    id: str
    zh: str
    en: str
    fields: tuple[Field, ...]
    #: "flow" (工单流程状态变更事件) or "extension" (扩展事件) for work orders.
    category: str = ""
    #: False for changeId 8 督办: "暂不支持", the platform does not send it.
    supported: bool = True
    #: "object": the body is one object with ``fields``; "list": a JSON array of such objects
    #: (organisation pushes 205, 100 and 206).
    body: str = "object"
    description_zh: str = ""
    description_en: str = ""
    quirks: tuple[str, ...] = ()
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    @property
    def required(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    def title(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class Family:
    """A family of messages with its message types and the examples its document prints."""

    id: str
    zh: str
    en: str
    source: str  # the spec/ document it comes from
    types: tuple[MessageType, ...]
    examples: tuple[Example, ...] = field(default=())
    enumerations: tuple[Enumeration, ...] = field(default=())
    by_id: dict[str, MessageType] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {t.id: t for t in self.types})

    @property
    def type_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.types)
