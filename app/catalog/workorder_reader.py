"""The payload inspector's reader for work-order events: a callback envelope
``{baseCode, dataArea, changeId, data}``, or the bare data of one changeId, whose changeId is
then told from its keys (the fields it shares with each changeId's table)."""

from __future__ import annotations

from app.catalog import default_catalog
from app.catalog.envelope import read_envelope
from app.catalog.findings import Code, Finding, Mode, Severity
from app.catalog.reading import Reading, keys_of

_ENVELOPE = frozenset({"basecode", "dataarea", "changeid", "data"})
#: Keys only work-order data has: a bare body is recognised by them.
_ORDER_KEYS = frozenset({"serviceorderid", "serviceordercode", "trackid", "trackcode",
                         "templateid", "busitypeid", "organid"})


class WorkorderReader:
    family = "workorder"

    def recognise(self, obj: object) -> int:
        keys = keys_of(obj)
        envelope = len(keys & _ENVELOPE)
        if {"changeid", "dataarea"} <= keys or ({"changeid", "data"} <= keys):
            return envelope + 1  # both routing keys: as sure as it gets
        return envelope if envelope >= 2 else len(keys & _ORDER_KEYS)

    def read(self, obj: object, mode: Mode = Mode.STRICT) -> Reading:
        catalog = default_catalog()
        keys = keys_of(obj)
        if keys & {"changeid", "dataarea"}:
            report = read_envelope(obj, catalog, mode)
            change_id = report.envelope.change_id if report.envelope else (
                obj.get("changeId") if isinstance(obj, dict) else None)
            message_type = catalog.change(change_id)
            title = (f"work-order callback, changeId {change_id} {message_type.zh} "
                     f"({message_type.en})" if message_type else "work-order callback")
            facts: dict[str, object] = {}
            if report.envelope is not None:
                env = report.envelope
                facts = {"changeId": env.change_id, "dataArea": env.data_area,
                         "encoding": env.encoding}
                order = env.fields.get("serviceOrderId")
                if isinstance(order, str):
                    facts["serviceOrderId"] = order
            return Reading("workorder", message_type.id if message_type else None, title,
                           report.findings, kind="envelope", facts=facts)
        change_id, why = self.guess(obj)
        if change_id is None:
            return Reading("workorder", None, "work-order data of no recognisable changeId",
                           [Finding("", Code.UNKNOWN_TYPE, why)], kind="data")
        message_type = catalog.change(change_id)
        assert message_type is not None
        findings = [Finding("", Code.UNKNOWN_TYPE,
                            f"taken as changeId {change_id} {message_type.zh}: {why}",
                            Severity.WARNING,
                            hint="a callback carries it as data inside {baseCode, dataArea, "
                                 "changeId, data}; wrap it to be sure of the changeId")]
        findings += catalog.validate_data(change_id, obj, mode, path="data")
        facts = {"changeId": change_id}
        if isinstance(obj, dict) and isinstance(obj.get("serviceOrderId"), str):
            facts["serviceOrderId"] = obj["serviceOrderId"]
        return Reading("workorder", change_id,
                       f"work-order data, changeId {change_id} {message_type.zh} "
                       f"({message_type.en})", findings, kind="data", facts=facts)

    @staticmethod
    def guess(obj: object) -> tuple[str | None, str]:
        """The changeId whose table best fits the keys of ``obj``, and why."""
        keys = keys_of(obj)
        best: tuple[float, str, int, int] | None = None
        for message_type in default_catalog().workorder.types:
            names = {f.name.casefold() for f in message_type.fields}
            shared = len(keys & names)
            score = shared - 0.5 * len(keys - names) + 0.25 * len(
                {f.name.casefold() for f in message_type.required} & keys)
            if best is None or score > best[0]:
                best = (score, message_type.id, shared, len(names))
        if best is None or best[2] == 0:
            return None, "no key of any changeId's table"
        return best[1], f"{best[2]} of its keys are in that table, more than in any other"


READER = WorkorderReader()
