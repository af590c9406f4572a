"""The data-area catalogue (数据域编码): template categories that scope subscriptions.

The spec refers to a section 6 that is missing (spec/README.md #8), so the catalogue is the
user's to edit; it starts with the codes the spec's examples use.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.catalog.findings import Code, Finding
from app.routing.topics import CODE_HINT, is_code


@dataclass(frozen=True, slots=True)
class DataArea:
    code: str
    name: str

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name}


SEED = (
    DataArea("fwwt", "房屋问题"),
    DataArea("10008", "10008（规范示例中的数据域）"),
)


def read_data_area(obj: object) -> DataArea:
    """A data area from JSON; ValueError with findings-style text naming the field."""
    problems: list[Finding] = []
    if not isinstance(obj, dict):
        raise DataAreaError([Finding("", Code.TYPE, "a data area is an object",
                                     hint='{"code": "fwwt", "name": "房屋问题"}')])
    code, name = obj.get("code"), obj.get("name", "")
    for key in obj.keys() - {"code", "name"}:
        problems.append(Finding(str(key), Code.UNKNOWN_KEY, f"unknown field {key!r}",
                                hint="a data area has code and name only"))
    if not is_code(code):
        problems.append(Finding("code", Code.TYPE, f"{code!r} is not a data-area code",
                                hint=CODE_HINT))
    if not isinstance(name, str):
        problems.append(Finding("name", Code.TYPE, "name must be a string"))
    if problems:
        raise DataAreaError(problems)
    return DataArea(code, name or code)  # type: ignore[arg-type]


class DataAreaError(ValueError):
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(str(f) for f in findings))
