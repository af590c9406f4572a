"""The top of the Inspector: what the payload is, at a glance — a coloured verdict (valid,
invalid, not recognised, not JSON), the family and type, the reader's title, the facts it
routes on, the families it also looked like, and for a captured HTTP request its request
line. Long values are shortened (their whole text is in the tooltip) so that nothing
forces the dock wider than it is."""

from __future__ import annotations

import html
import json
import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.catalog.findings import Code
from app.inspector import Inspection
from ui import theme

#: Characters of a fact's value shown at most.
FACT_CHARS = 40
#: Facts shown at most (a WeCom response has a few, a work order a handful).
FACTS_SHOWN = 10
#: Verdict → the outcome colour it is drawn in.
OUTCOMES = {"valid": "ok", "invalid": "failed", "not-json": "failed",
            "unrecognised": "pending"}
_WHERE = re.compile(r"at line (\d+) column (\d+)")


def verdict_of(inspection: Inspection) -> str:
    """valid | invalid | not-json | unrecognised."""
    if inspection.usable:
        return "valid" if inspection.valid else "invalid"
    return "not-json" if where_it_breaks(inspection) is not None else "unrecognised"


def where_it_breaks(inspection: Inspection) -> tuple[int, int] | None:
    """(line, column) in the body where JSON stops parsing, when that is the problem."""
    for f in inspection.findings:
        if f.code is Code.NOT_JSON:
            match = _WHERE.search(f.message)
            if match:
                return int(match[1]), int(match[2])
    return None


def shorten(text: str, limit: int = FACT_CHARS) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           default=str)


class Headline(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorHeadline")
        self.verdict = QLabel()
        self.verdict.setObjectName("inspectorVerdict")
        self.verdict.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.what = QLabel()
        self.what.setObjectName("inspectorWhat")
        font = QFont(self.what.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.what.setFont(font)
        self.title, self.facts, self.also, self.request = QLabel(), QLabel(), QLabel(), QLabel()
        self.request.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Wrapped, and never wider than the dock: their height follows their width.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        for label in (self.what, self.title, self.facts, self.also, self.request):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(policy)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.verdict, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.what, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.setSpacing(3)
        box.addLayout(top)
        for label in (self.title, self.facts, self.also, self.request):
            box.addWidget(label)
        self.inspection: Inspection | None = None
        self.show_inspection(None)

    def show_inspection(self, inspection: Inspection | None) -> None:
        self.inspection = inspection
        self.retranslate()

    def family_name(self, family: str) -> str:
        return {"workorder": self.tr("Work-order event push"),
                "org": self.tr("Organisation data-change push"),
                "rich": self.tr("Rich-text message request"),
                "wecom": self.tr("WeCom customer-service message"),
                "im": self.tr("IM message")}.get(family, family)

    def type_name(self, family: str, type_id: str | None) -> str:
        if type_id is None:
            return self.tr("type not told")
        if family == "workorder":
            return self.tr("changeId %1").replace("%1", type_id)
        if family == "wecom":
            return self.tr("msgtype %1").replace("%1", type_id)
        return self.tr("type %1").replace("%1", type_id)

    def verdict_text(self, verdict: str) -> str:
        return {"valid": self.tr("Valid"), "invalid": self.tr("Invalid"),
                "not-json": self.tr("Not JSON"),
                "unrecognised": self.tr("Not recognised")}[verdict]

    def verdict(self) -> str | None:
        return verdict_of(self.inspection) if self.inspection is not None else None

    def retranslate(self) -> None:
        inspection = self.inspection
        self.setVisible(inspection is not None)
        if inspection is None:
            return
        verdict = verdict_of(inspection)
        self._paint_verdict(verdict)
        self.verdict.setText(self.verdict_text(verdict))
        reading = inspection.reading
        first = inspection.findings[0] if inspection.findings else None
        if reading is not None:
            kind = reading.kind
            what = (self.type_name(reading.family, reading.type_id)
                    if reading.type_id is not None or not kind else kind)
            self.what.setText(f"{self.family_name(reading.family)} · {what}")
            said = kind and all(word in reading.title.casefold()
                                for word in kind.casefold().split())
            self.title.setText(reading.title + (f" — {kind}" if kind and not said else ""))
        elif verdict == "not-json":
            line, column = where_it_breaks(inspection) or (0, 0)
            self.what.setText(self.tr("It breaks at line %1, column %2").replace(
                "%1", str(line)).replace("%2", str(column)))
            self.title.setText(first.message if first else "")
        else:
            nothing = first is not None and first.code is Code.NOT_JSON
            self.what.setText(self.tr("Nothing to read") if nothing else
                              self.tr("Not a payload of any family Push Studio knows"))
            self.title.setText(first.hint or first.message if first else "")
        self._facts(inspection)
        others = [c for c in inspection.candidates
                  if reading is None or c[0] != reading.family]
        self.also.setText(self.tr("Also looked like: %1").replace("%1", ", ".join(
            self.tr("%1 (%n key(s) of its own)", "", score).replace(
                "%1", self.family_name(family)) for family, score in others))
                          if others else "")
        self.also.setVisible(bool(others))
        request = inspection.request
        if request:
            self.request.setText(self.tr("Captured HTTP request: %1").replace(
                "%1", shorten(f"{request['method']} {request['path']}", 80)))
        self.request.setVisible(bool(request))

    def _facts(self, inspection: Inspection) -> None:
        facts = inspection.reading.facts if inspection.reading is not None else {}
        items = list(facts.items())[:FACTS_SHOWN]
        self.facts.setText(" · ".join(
            f"<b>{html.escape(str(k))}</b>&nbsp;{html.escape(shorten(_value(v)))}"
            for k, v in items))
        self.facts.setToolTip("\n".join(f"{k} = {_value(v)}" for k, v in facts.items()))
        self.facts.setVisible(bool(items))

    def _paint_verdict(self, verdict: str) -> None:
        outcome = OUTCOMES[verdict]
        background = theme.background(outcome)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        border = theme.strong(outcome)
        self.verdict.setStyleSheet(
            f"QLabel#inspectorVerdict {{ background: {background.name() if background else ''};"
            f" color: {text.name()}; border: 1px solid {border.name()}; border-radius: 4px;"
            " padding: 2px 8px; font-weight: bold; }")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate()
        super().changeEvent(event)
