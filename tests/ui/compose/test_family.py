"""The composer every other family shares, through a family of two toy types: the picker
follows the JSON, findings are underlined on their line and listed, examples load with their
note, Send shows the verdict (or why nothing was sent), and a click on a finding goes to its
line."""

from __future__ import annotations

from typing import Any

from app.catalog.findings import Code, Finding, Severity
from ui.compose.family import FamilyComposer, Sample
from ui.hub import Hub


class Toy(FamilyComposer):
    family = "toy"

    def __init__(self) -> None:
        super().__init__(Hub())
        self.sent: list[Any] = []
        self.fill_types()
        self.retranslate()
        self.select_type("a")

    def type_ids(self) -> list[str]:
        return ["a", "b"]

    def type_label(self, type_id: str) -> str:
        return f"type {type_id}"

    def type_of(self, body: Any) -> str | None:
        return body.get("kind") if isinstance(body, dict) else None

    def fresh(self, type_id: str) -> Any:
        return {"kind": type_id, "n": 1}

    def samples(self) -> list[Sample]:
        return [Sample("b-printed", "b as printed", "b", "its note", ("added a comma",))]

    def sample_body(self, sample: Sample) -> Any:
        return {"kind": "b", "n": "one"}

    def check(self, body: Any) -> list[Finding]:
        n = body.get("n") if isinstance(body, dict) else None
        if isinstance(n, int):
            return []
        return [Finding("n", Code.TYPE, "n must be a number", hint="1"),
                Finding("kind", Code.ENUM, "odd", Severity.WARNING)]

    async def deliver(self, body: Any) -> tuple[dict[str, Any], list[Finding]]:
        self.sent.append(body)
        findings = self.check(body)
        if findings:
            return {"reason": "invalid", "errors": [f.to_json() for f in findings]}, findings
        return {"ok": True}, []

    def verdict_html(self, result: dict[str, Any]) -> tuple[str, bool]:
        return "sent fine", True


def toy(qtbot) -> Toy:
    composer = Toy()
    qtbot.addWidget(composer)
    composer.resize(480, 640)
    return composer


def test_a_type_gives_a_fresh_body_and_the_picker_follows_the_json(qtbot):
    c = toy(qtbot)
    assert c.body() == {"kind": "a", "n": 1} and c.current_type() == "a"
    assert "A fresh type a" in c.note.text()
    c.editor.setPlainText('{"kind": "b", "n": 2}')
    qtbot.waitUntil(lambda: c.current_type() == "b")
    assert c.body() == {"kind": "b", "n": 2}


def test_findings_are_underlined_on_their_line_listed_and_found(qtbot):
    c = toy(qtbot)
    assert c.load_example("b-printed")
    assert "b as printed" in c.note.text() and "its note" in c.note.text()
    assert "added a comma" in c.note.text()
    findings = c.validate()
    assert len(findings) == 2 and c.findings.model.rowCount() == 2
    n_line = c.editor.line_of_path("n")
    assert c.editor.marks[n_line] == [(True, "n: n must be a number — 1")]
    assert c.editor.marks[c.editor.line_of_path("kind")][0][0] is False
    c.show_finding(findings[0])
    assert '"n"' in c.editor.textCursor().block().text()
    c.select_type("b")
    assert not c.load_example(None) or c.current_type() == "b"
    c.select_type("a")
    assert not c.load_example(None) and "prints no example" in c.note.text()


async def test_send_shows_the_verdict_or_why_nothing_was_sent(qtbot):
    c = toy(qtbot)
    result = await c.send()  # no platform yet
    assert result["reason"] == "not-ready" and "still starting" in c.verdict.text()
    c.platform = object()  # type: ignore[assignment]
    assert await c.send() == {"ok": True} and c.verdict.text() == "sent fine"
    c.set_body({"kind": "a", "n": "x"})
    result = await c.send()
    assert result["reason"] == "invalid" and "Rejected (invalid): 2 findings" in \
        c.verdict.text()
    c.editor.setPlainText("{")
    assert (await c.send())["reason"] == "not-json" and len(c.sent) == 2
