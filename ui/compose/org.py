"""Compose an organisation data-change push (spec/org-change-push.md, 数据变更推送).

The envelope ``{body, created_at, org_id, operator, type}`` around one MessageType's body
(app.catalog.org). A fresh push of a type is the document's example body with this
organisation's id where the body names the organisation, ``created_at`` now and ``org_id``
and ``operator`` from the fields above the JSON; the fields and the JSON follow each other.
"Example" opens the document's body as printed, quirks kept. Findings are the engine's own
(``Engine.prepare(family="org")``) and Send goes through ``Engine.submit(family="org")``,
the path of ``POST /api/org/pushes``: routed to every subscription whose orgTypes and orgIds
take it, on MQ topic ``org/push/<baseCode>/<org_id>`` and by callback.

Scriptable, beyond ui/compose/family.py: ``set_org_id(123)``, ``set_operator(234)``,
``stamp_now()``; widgets ``org_id``, ``operator``, ``now_button``.
"""

from __future__ import annotations

import html
import json
import re
import time
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.catalog.findings import Finding
from app.catalog.org import EXAMPLES_DIR, ORG, read_push
from app.engine import Refusal
from ui.compose.family import FamilyComposer, Sample
from ui.hub import Hub

#: What a fresh push starts with: the ids of the document's envelope sketch.
DEFAULT_ORG_ID = 123
DEFAULT_OPERATOR = 234


def example_body(type_id: str) -> Any:
    """The document's example body of a type, as printed; None when it prints none."""
    example = next((e for e in ORG.examples if e.message_type == type_id and e.kind == "body"),
                   None)
    if example is None:
        return None
    return json.loads((EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))


def with_org(body: Any, org_id: int, old: int | None = None) -> Any:
    """The body with its organisation's id (``org.id``, REINITIALIZE_ORG's ``org_id``) set
    to ``org_id``: everywhere when ``old`` is None, else only where it was ``old``."""
    if isinstance(body, list):
        return [with_org(item, org_id, old) for item in body]
    if not isinstance(body, dict):
        return body
    out = dict(body)
    org = out.get("org")
    if isinstance(org, dict) and (old is None or org.get("id") == old):
        out["org"] = {**org, "id": org_id}
    if "org_id" in out and (old is None or out["org_id"] == old):
        out["org_id"] = org_id
    return out


class OrgComposer(FamilyComposer):
    family = "org"

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,18}"), self)
        self.org_id = QLineEdit(str(DEFAULT_ORG_ID))
        self.org_id.setValidator(digits)
        self.operator = QLineEdit(str(DEFAULT_OPERATOR))
        self.operator.setValidator(digits)
        self.now_button = QToolButton()
        self.now_button.clicked.connect(self.stamp_now)
        self.operator_label = QLabel()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.org_id, 1)
        row.addWidget(self.operator_label)
        row.addWidget(self.operator, 1)
        row.addWidget(self.now_button)
        self.org_label = QLabel()
        self.params.addRow(self.org_label, row)
        self.org_id.textEdited.connect(lambda _t: self._field_edited("org_id"))
        self.operator.textEdited.connect(lambda _t: self._field_edited("operator"))
        self._org_shown: int | None = DEFAULT_ORG_ID
        self.fill_types()
        self.retranslate()
        self.select_type("11")

    # --- the family ----------------------------------------------------------------------

    def type_ids(self) -> list[str]:
        return [t.id for t in ORG.types]

    def type_label(self, type_id: str) -> str:
        t = ORG.by_id.get(type_id)
        return f"{t.id} · {t.en} · {t.zh}" if t else type_id

    def type_title_html(self, type_id: str) -> str:
        t = ORG.by_id.get(type_id)
        if t is None:
            return ""
        shape = (self.tr("body is a list") if t.body == "list"
                 else self.tr("body is an object"))
        head = (f"<b>type {t.id}</b> {html.escape(t.en)} · {html.escape(t.zh)} · "
                f"{html.escape(t.description_en)}")
        small = [html.escape(shape + " · " + self.tr("MQ topic org/push/<baseCode>/<org_id>")),
                 *(html.escape("⚠ " + q) for q in t.quirks)]
        return f"{head}<br><small>{'<br>'.join(small)}</small>"

    def type_of(self, body: Any) -> str | None:
        code = body.get("type") if isinstance(body, dict) else None
        return str(code) if isinstance(code, int) and not isinstance(code, bool) else None

    def fresh(self, type_id: str) -> dict[str, Any]:
        org_id = self._number(self.org_id, DEFAULT_ORG_ID)
        body = example_body(type_id)
        return self._envelope(type_id, with_org(body if body is not None else {}, org_id))

    def samples(self) -> list[Sample]:
        return [Sample(e.id, e.title, e.message_type, e.note, e.repairs)
                for e in ORG.examples]

    def sample_body(self, sample: Sample) -> Any:
        example = next(e for e in ORG.examples if e.id == sample.id)
        content = json.loads((EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))
        if example.kind == "envelope":
            return content  # the sketch, type 1 and all: the findings say so
        return self._envelope(sample.type_id, content)

    def check(self, body: Any) -> list[Finding]:
        if self.platform is None:
            return read_push(body, self.mode_value).findings
        outcome = self.platform.engine.prepare(body, source="compose", mode=self.mode_value,
                                               family="org")
        return list(outcome.findings if isinstance(outcome, Refusal) else outcome.warnings)

    async def deliver(self, body: Any) -> tuple[dict[str, Any], list[Finding]]:
        assert self.platform is not None
        outcome = await self.platform.engine.submit(body, source="compose",
                                                    mode=self.mode_value, family="org")
        return outcome.to_json(), list(getattr(outcome, "findings", ()) or ())

    def verdict_html(self, result: dict[str, Any]) -> tuple[str, bool]:
        deliveries = result.get("deliveries", [])
        text = html.escape(self.tr("Accepted as push #%1: %n delivery(ies)", "",
                                   len(deliveries)).replace("%1", str(result.get("eventId"))))
        body = self._body if isinstance(self._body, dict) else {}
        org_id, code = body.get("org_id"), body.get("type")
        if deliveries:
            text += "<br>" + "<br>".join(
                html.escape(f"{d['baseCode']} → {d['topic']}") for d in deliveries)
        else:
            text += " — " + html.escape(self.tr(
                "no subscription takes type %1 from organisation %2: tick it under "
                "orgTypes in Subscriptions").replace("%1", str(code)).replace(
                "%2", str(org_id)))
        if isinstance(org_id, int) and isinstance(code, int):
            live = re.escape(f"events/org:{code}/{org_id}") + "|" \
                + re.escape("org/push/") + "[^/ ]+/" + re.escape(str(org_id)) + r"\b"
            text += f' · <a href="live:{html.escape(live)}">' + html.escape(
                self.tr("Show in Live")) + "</a>"
        return text, True

    def body_changed(self, body: Any) -> None:
        """The JSON's org_id and operator show in their fields."""
        if not isinstance(body, dict):
            return
        for key, edit in (("org_id", self.org_id), ("operator", self.operator)):
            value = body.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
                    and edit.text() != str(value):
                edit.setText(str(value))
        org_id = body.get("org_id")
        if isinstance(org_id, int) and not isinstance(org_id, bool):
            self._org_shown = org_id

    # --- the fields ------------------------------------------------------------------------

    def set_org_id(self, org_id: int) -> None:
        self.org_id.setText(str(org_id))
        self._field_edited("org_id")

    def set_operator(self, operator: int) -> None:
        self.operator.setText(str(operator))
        self._field_edited("operator")

    def stamp_now(self) -> None:
        """created_at becomes now (unix seconds)."""
        body = self.body()
        if isinstance(body, dict):
            body["created_at"] = int(time.time())
            self.replace_body(body)

    def _field_edited(self, key: str) -> None:
        body = self.body()
        edit = self.org_id if key == "org_id" else self.operator
        if not isinstance(body, dict) or not edit.text():
            return
        value = int(edit.text())
        body[key] = value
        if key == "org_id":  # where the body names the same organisation, it follows
            body["body"] = with_org(body.get("body"), value, self._org_shown)
            self._org_shown = value
        self.replace_body(body)

    def _envelope(self, type_id: str, body: Any) -> dict[str, Any]:
        return {"body": body, "created_at": int(time.time()),
                "org_id": self._number(self.org_id, DEFAULT_ORG_ID),
                "operator": self._number(self.operator, DEFAULT_OPERATOR),
                "type": int(type_id)}

    @staticmethod
    def _number(edit: QLineEdit, default: int) -> int:
        text = edit.text().strip()
        return int(text) if text.isdigit() else default

    def retranslate_family(self) -> None:
        self.org_label.setText(self.tr("org_id"))
        self.org_id.setToolTip(self.tr("The organisation the change happened in: the "
                                       "envelope's org_id, and the body's where it names it"))
        self.operator_label.setText(self.tr("operator"))
        self.operator.setToolTip(self.tr("Who made the change (a user id)"))
        self.now_button.setText(self.tr("created_at = now"))
        self.now_button.setToolTip(self.tr("Stamp the push with the time now (unix seconds)"))
        self.type_picker.setToolTip(self.tr("The organisation push type (MessageType)"))
