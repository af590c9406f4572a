"""What a scenario run found, for people (a summary with the failures first), for CI (JUnit
XML, one test case per expectation) and for scripts (JSON)."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Outcome:
    """One expectation checked (or a step that failed, which is reported like one)."""

    name: str
    ok: bool
    message: str
    #: "expectation", or "step" for a step that could not be played.
    kind: str = "expectation"
    #: Where it is written: the line of the file.
    line: int = 0
    seconds: float = 0.0
    #: A not-checked expectation (the run stopped before it) is a failure that says so.
    skipped: bool = False
    details: list[str] = field(default_factory=list)


@dataclass
class Report:
    scenario: str
    source: str
    seed: int
    started_at: float = field(default_factory=time.time)
    seconds: float = 0.0
    steps_total: int = 0
    steps_played: int = 0
    events_sent: int = 0
    events_refused: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    #: The order names of the file and the serviceOrderIds they stand for.
    orders: dict[str, list[str]] = field(default_factory=dict)
    #: Set when the run stopped early (a setup or step failure, or a stop by the user).
    stopped: str | None = None

    @property
    def passed(self) -> bool:
        return self.stopped is None and all(o.ok for o in self.outcomes)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    def to_json(self) -> dict[str, Any]:
        return {"scenario": self.scenario, "source": self.source, "seed": self.seed,
                "passed": self.passed, "startedAt": self.started_at,
                "seconds": round(self.seconds, 3), "steps": {"total": self.steps_total,
                                                             "played": self.steps_played},
                "events": {"sent": self.events_sent, "refused": self.events_refused},
                "stopped": self.stopped, "orders": self.orders,
                "outcomes": [{**asdict(o), "seconds": round(o.seconds, 3)}
                             for o in self.outcomes]}

    def write_json(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")

    def junit(self) -> ET.Element:
        """One <testsuite> named for the scenario, one <testcase> per expectation; a step
        that failed is a test case with an <error>, so that CI shows why nothing else ran."""
        failures = sum(1 for o in self.outcomes if not o.ok and o.kind == "expectation"
                       and not o.skipped)
        errors = sum(1 for o in self.outcomes if not o.ok and o.kind == "step")
        skipped = sum(1 for o in self.outcomes if o.skipped)
        suite = ET.Element("testsuite", name=self.scenario, tests=str(len(self.outcomes)),
                           failures=str(failures), errors=str(errors), skipped=str(skipped),
                           time=f"{self.seconds:.3f}",
                           timestamp=time.strftime("%Y-%m-%dT%H:%M:%S",
                                                   time.localtime(self.started_at)))
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="source", value=self.source)
        ET.SubElement(props, "property", name="seed", value=str(self.seed))
        classname = Path(self.source).stem or "scenario"
        for o in self.outcomes:
            case = ET.SubElement(suite, "testcase", name=o.name, classname=classname,
                                 time=f"{o.seconds:.3f}", file=self.source, line=str(o.line))
            text = "\n".join([o.message, *o.details])
            if o.skipped:
                ET.SubElement(case, "skipped", message=o.message)
            elif not o.ok:
                tag = "error" if o.kind == "step" else "failure"
                ET.SubElement(case, tag, message=o.message).text = text
        suites = ET.Element("testsuites", name="push-studio scenarios",
                            tests=suite.get("tests", "0"), failures=str(failures),
                            errors=str(errors), time=suite.get("time", "0"))
        suites.append(suite)
        return suites

    def write_junit(self, path: str | Path) -> None:
        tree = ET.ElementTree(self.junit())
        ET.indent(tree)
        tree.write(path, encoding="utf-8", xml_declaration=True)

    def summary(self) -> str:
        """For a terminal: the verdict, failures first with why, then what passed."""
        verdict = "PASSED" if self.passed else "FAILED"
        ok = sum(1 for o in self.outcomes if o.ok)
        lines = [f"{verdict}  {self.scenario}  ({self.source}, seed {self.seed})",
                 f"  {ok} of {len(self.outcomes)} expectation(s) held · "
                 f"{self.steps_played}/{self.steps_total} step(s) played · "
                 f"{self.events_sent} event(s) sent"
                 + (f", {self.events_refused} refused" if self.events_refused else "")
                 + f" · {self.seconds:.1f} s"]
        if self.stopped:
            lines.append(f"  stopped: {self.stopped}")
        failed = [o for o in self.outcomes if not o.ok]
        if failed:
            lines.append("")
            lines.append("Failed:")
            for o in failed:
                where = f" (line {o.line})" if o.line else ""
                mark = "SKIP" if o.skipped else ("ERROR" if o.kind == "step" else "FAIL")
                lines.append(f"  ✗ {mark} {o.name}{where}")
                lines.append(f"      {o.message}")
                lines += [f"      {d}" for d in o.details[:10]]
                if len(o.details) > 10:
                    lines.append(f"      … and {len(o.details) - 10} more")
        passed = [o for o in self.outcomes if o.ok]
        if passed:
            lines.append("")
            lines.append("Held:")
            lines += [f"  ✓ {o.name} — {o.message}" for o in passed]
        return "\n".join(lines)
