"""The callback envelope ``{baseCode, dataArea, changeId, data}`` and reading one from text.

The spec's table types ``data`` as "String (json字符串)" while its examples embed an object
(spec/README.md #1): strict mode reports an object, lenient mode accepts both, and the
envelope remembers which encoding it arrived in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from app import json_codec
from app.catalog.findings import Code, Finding, Mode, has_errors
from app.catalog.model import Field, JsonType
from app.catalog.validation import validate_object

if TYPE_CHECKING:
    from app.catalog.registry import Catalog

S = JsonType.STRING

FIELDS = (
    Field("baseCode", S, False, "已失效", "subscriber code; deprecated, sent as \"\"",
          quirks=("marked 已失效 (deprecated): sent as \"\" unless a subscription asks for it",)),
    Field("dataArea", S, True, "见”数据域编码”（模板大类编码；）",
          "data area: the template category code (see the data-area catalogue)", essential=True),
    Field("changeId", S, True, "工单系统变更类型", "work-order change type (1–10, a string)",
          essential=True),
    Field("data", S, False, "包体内容(json字符串)。根据changeId不同消息体",
          "the body: a JSON string per the table, an object in the examples",
          also=frozenset({JsonType.OBJECT}),
          quirks=("#1: typed String (json字符串) in the table; the examples embed an object",)),
)

Encoding = Literal["string", "object"]


class JsonProblem(ValueError):
    """Text that is not JSON, with where it breaks and which input it was."""

    def __init__(self, problem: json_codec.NotJson, source: str = "input") -> None:
        self.line, self.column, self.reason = problem.line, problem.column, problem.reason
        self.text = problem.text
        super().__init__(f"{source} is not JSON: {problem.reason} at line {problem.line} "
                         f"column {problem.column}")

    def excerpt(self) -> str:
        """The offending line with a caret under the column, for terminals."""
        lines = self.text.splitlines() or [""]
        line = lines[min(self.line, len(lines)) - 1]
        return f"{line}\n{' ' * (self.column - 1)}^"


def loads(text: str | bytes, source: str = "input") -> object:
    """Decode JSON; JsonProblem naming ``source``, the line and the column where it breaks."""
    try:
        return json_codec.loads(text)
    except json_codec.NotJson as problem:
        raise JsonProblem(problem, source) from None


@dataclass(frozen=True, slots=True)
class Envelope:
    """A readable callback body; ``data`` decoded whatever encoding it came in.

    ``data`` is the body as sent (what is stored and forwarded); ``fields`` is the same body
    as the catalogue read it, drifted keys (``userid``) also under their field names — read
    identity fields from ``fields``.
    """

    data_area: str
    change_id: str
    data: dict
    base_code: str = ""
    encoding: Encoding = "string"
    fields: Mapping[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class EnvelopeReport:
    """What reading an envelope gave: the envelope when it is usable, and every finding."""

    envelope: Envelope | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.envelope is not None and not has_errors(self.findings)


def read_envelope(obj: object, catalog: Catalog, mode: Mode = Mode.STRICT) -> EnvelopeReport:
    """Validate a decoded callback body and its data against the catalogue."""
    findings = validate_object(FIELDS, obj, mode, path="")
    if not isinstance(obj, dict):
        return EnvelopeReport(None, findings)
    if "changeId" in obj and "dataArea" in obj and "data" in obj:
        get = obj.get  # the usual case: nothing drifted
    else:
        # Resolve drifted keys ("changeid") as the validator did: one typo, one finding.
        keys = {k.strip().casefold(): k for k in obj if isinstance(k, str)}
        get = lambda name: obj.get(name, obj.get(keys.get(name.casefold(), name)))  # noqa: E731
    change_id, data_area, data = get("changeId"), get("dataArea"), get("data")

    message_type = catalog.change(change_id)
    known = message_type is not None
    if isinstance(change_id, str) and change_id and not known:
        findings.append(Finding("changeId", Code.UNKNOWN_TYPE,
                                f"changeId {change_id!r} is not a known work-order event",
                                hint="one of " + ", ".join(catalog.workorder.type_ids),
                                label_zh="工单系统变更类型"))

    encoding: Encoding = "object"
    body: object = data
    if data is None and not any(isinstance(k, str) and k.strip().casefold() == "data"
                                for k in obj):
        findings.append(Finding("data", Code.MISSING, "data is missing",
                                hint="the table marks data optional (N), but every changeId "
                                     "has a body: send it as a JSON string",
                                label_zh="包体内容(json字符串)"))
        body = None
    elif isinstance(data, str):
        encoding = "string"
        try:
            body = loads(data, "data")
        except JsonProblem as problem:
            findings.append(Finding("data", Code.NOT_JSON,
                                    f"data is a string but not JSON: {problem.reason} at line "
                                    f"{problem.line} column {problem.column}",
                                    hint="data must be the JSON text of the changeId's body",
                                    label_zh="包体内容(json字符串)"))
            body = None
        else:
            if not isinstance(body, dict):
                findings.append(Finding("data", Code.TYPE,
                                        "data is a JSON string, but of a "
                                        f"{type(body).__name__}, not of an object",
                                        hint="data must encode a JSON object",
                                        label_zh="包体内容(json字符串)"))
                body = None
    elif not isinstance(data, dict):
        body = None  # the type finding already names it

    fields: Mapping[str, object] = {}
    if message_type is not None and body is not None:
        found, fields = catalog.check_data(change_id, body, mode, path="data")
        findings.extend(found)

    usable = (message_type is not None and isinstance(body, dict)
              and isinstance(data_area, str) and bool(data_area))
    envelope = None
    if usable:
        base_code = get("baseCode")
        envelope = Envelope(data_area, change_id, body,  # type: ignore[arg-type]
                            base_code if isinstance(base_code, str) else "", encoding, fields)
    return EnvelopeReport(envelope, findings)
