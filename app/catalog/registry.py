"""The catalogue: every message family Push Studio knows, and the checks that go with them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.catalog.findings import Code, Finding, Mode, Severity
from app.catalog.model import Family, MessageType
from app.catalog.validation import Check, check_object


class Catalog:
    """Families by id, plus the cross-field checks registered for their message types.

    Work-order events are the family everything routes on today; IM, WeCom and organisation
    pushes join as further families with their own message types and checks.
    """

    def __init__(self, families: Iterable[Family],
                 checks: dict[tuple[str, str], tuple[Check, ...]] | None = None) -> None:
        self.families = {f.id: f for f in families}
        self._checks = dict(checks or {})

    @property
    def workorder(self) -> Family:
        return self.families["workorder"]

    def message_type(self, family: str, type_id: str) -> MessageType | None:
        fam = self.families.get(family)
        return fam.by_id.get(type_id) if fam else None

    def change(self, change_id: object) -> MessageType | None:
        """The work-order message type for a changeId string, or None."""
        if not isinstance(change_id, str):
            return None
        return self.workorder.by_id.get(change_id)

    def checks(self, family: str, type_id: str) -> tuple[Check, ...]:
        return self._checks.get((family, type_id), ())

    def validate_data(self, change_id: str, data: object, mode: Mode = Mode.STRICT,
                      path: str = "data") -> list[Finding]:
        """Findings for a work-order body (no envelope). Unknown changeId: KeyError."""
        return self.check_data(change_id, data, mode, path)[0]

    def check_data(self, change_id: str, data: object, mode: Mode = Mode.STRICT,
                   path: str = "data") -> tuple[list[Finding], Mapping[str, object]]:
        """Findings, and the body as the catalogue reads it (see check_object)."""
        message_type = self.change(change_id)
        if message_type is None:
            raise KeyError(change_id)
        findings = []
        if not message_type.supported:
            findings.append(Finding(
                "changeId", Code.UNSUPPORTED,
                f"changeId {change_id} {message_type.zh} is not supported by the platform",
                Severity.WARNING,
                hint='the router refuses it unless "allow unsupported events" is on'))
        found, resolved = check_object(message_type.fields, data, mode, path,
                                       self.checks("workorder", change_id))
        return findings + found, resolved
