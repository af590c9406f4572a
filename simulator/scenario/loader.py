"""Reading a scenario file: YAML (or JSON, which is YAML) checked against the JSON Schema in
resources/scenario.schema.json, then against what a schema cannot say (one action per step,
names defined before use). Every problem is reported at once, each with its line and column
and a fix, so that a person editing the file sees all of them in one go.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "resources" / "scenario.schema.json"
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "scenarios"

#: The keys of a step that say what it does; a step has exactly one (or only a caption).
ACTIONS = ("send", "workflow", "orders", "wait", "subscriber", "subscription", "user",
           "broker", "chat", "expect")
#: The keys of an expectation that say what must hold; exactly one each.
CHECKS = ("delivered", "notDelivered", "attempts", "push", "notification",
          "subscriptionState", "timeline")

#: A person of a generated order, by role: ``A.contact``, ``A.handler`` (the first one).
USER_REF = re.compile(r"^(?P<name>[^.\s]+)\.(?P<role>contact|dispatcher|handler|reviewer|"
                      r"visitor|manager)$")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$")
_UNIT = {"ms": 0.001, "s": 1.0, None: 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}


@dataclass(frozen=True)
class Problem:
    line: int  # 1-based; 0 when the file as a whole is meant
    column: int
    path: str  # where in the document: steps[2].send.changeId
    message: str

    def describe(self, source: str) -> str:
        where = f"{source}:{self.line}:{self.column}" if self.line else source
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


class ScenarioError(ValueError):
    """A scenario file that cannot be played; ``problems`` lists every reason found."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source, self.problems = source, problems
        super().__init__("\n".join(p.describe(source) for p in problems))


@dataclass(frozen=True)
class Step:
    index: int  # 1-based, as shown to people
    kind: str  # one of ACTIONS, or "caption"
    args: Any
    caption: str | None
    line: int


@dataclass(frozen=True)
class Expectation:
    kind: str  # one of CHECKS
    args: dict[str, Any]
    name: str
    line: int


@dataclass
class Scenario:
    name: str
    source: str
    description: str = ""
    seed: int = 0
    pace: str | float = "instant"
    start: str | None = None
    setup: dict[str, Any] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    expect: list[Expectation] = field(default_factory=list)
    #: Order names (``as:``) → the step that names them.
    names: dict[str, int] = field(default_factory=dict)
    #: Lines of the setup's entries, by path: "setup.subscriptions[0]" → 5.
    lines: dict[str, int] = field(default_factory=dict)


def load(path: str | Path) -> Scenario:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(str(path), [Problem(0, 0, "", f"cannot read it: {error}")]) \
            from None
    return load_text(text, str(path))


def load_text(text: str, source: str = "<scenario>") -> Scenario:
    doc, marks = _parse(text, source)
    problems = [_schema_problem(e, marks) for e in sorted(
        _validator().iter_errors(doc), key=lambda e: _mark(marks, e.absolute_path))]
    if problems:  # the checks below assume the shape the schema promises
        raise ScenarioError(source, _unique(problems))
    scenario, problems = _build(doc, marks, source)
    if problems:
        raise ScenarioError(source, problems)
    return scenario


def seconds(value: float | str) -> float:
    """A duration of the schema: a number of seconds, or ``500ms``, ``2s``, ``2m``, ``1h``."""
    if isinstance(value, int | float):
        return float(value)
    match = _DURATION.match(value)
    if match is None:
        raise ValueError(f"{value!r} is not a duration such as 2s or 500ms")
    return float(match.group(1)) * _UNIT[match.group(2)]


def samples() -> list[Path]:
    """The sample scenarios shipped in resources/scenarios."""
    return sorted(SAMPLES_DIR.glob("*.yaml"))


# --- parsing with positions ------------------------------------------------------------------

Marks = dict[tuple[Any, ...], tuple[int, int]]


def _parse(text: str, source: str) -> tuple[Any, Marks]:
    """The document and the (line, column) of every value in it, by JSON path."""
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as error:  # a control character: say where it is
        before = text[:error.position]
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise ScenarioError(source, [Problem(line, column, "", f"character #x{error.character:04x} "
                                             "is not allowed in YAML; delete it")]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise ScenarioError(source, [Problem(1, 1, "", 'the file is empty; a scenario '
                                                 'has at least "name:" and "steps:"')])
        marks: Marks = {}
        problems: list[Problem] = []
        _walk(loader, node, (), marks, problems)
        if problems:
            raise ScenarioError(source, problems)
        return loader.construct_document(node), marks
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = " ".join(str(p) for p in (error.context, error.problem) if p)
        raise ScenarioError(source, [Problem(line, column, "", f"not valid YAML: {message} "
                                             "(check the indentation and quoting here)")]) \
            from None
    except yaml.YAMLError as error:
        raise ScenarioError(source, [Problem(0, 0, "", f"not valid YAML: {error}")]) from None
    finally:
        loader.dispose()


def _walk(loader: yaml.SafeLoader, node: yaml.Node, path: tuple[Any, ...], marks: Marks,
          problems: list[Problem]) -> None:
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:  # PyYAML keeps the last silently; a person meant one of them
                problems.append(Problem(line, key_node.start_mark.column + 1,
                                        _dotted((*path, key)),
                                        f"{key!r} appears twice here (first on line "
                                        f"{seen[key]}); keep one"))
            seen[key] = line
            _walk(loader, value_node, (*path, key), marks, problems)
            # A missing field is reported where its object starts; an unknown one at its key.
            marks[(*path, key, "<key>")] = (line, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(loader, item, (*path, i), marks, problems)


def _mark(marks: Marks, path: Iterable[Any]) -> tuple[int, int]:
    path = tuple(path)
    while path and path not in marks:
        path = path[:-1]
    return marks.get(path, (0, 0))


def _dotted(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --- the schema's verdicts, said for people -------------------------------------------------

_SCHEMA: dict[str, Any] | None = None


def _validator() -> jsonschema.protocols.Validator:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(_SCHEMA)
    return cls(_SCHEMA)


def schema() -> dict[str, Any]:
    _validator()
    assert _SCHEMA is not None
    return _SCHEMA


def _schema_problem(error: jsonschema.ValidationError, marks: Marks) -> Problem:
    path = tuple(error.absolute_path)
    line, column = _mark(marks, path)
    where = _dotted(path)
    v, value = error.validator, error.instance
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        if extra:
            line, column = _mark(marks, (*path, extra[0], "<key>"))
            where = _dotted((*path, extra[0]))
        near = _near(extra[0], allowed) if extra else None
        message = (f"unknown field {extra[0]!r}" if extra else "unknown field") + (
            f"; did you mean {near!r}?" if near else "") + \
            f" Fields here: {', '.join(allowed)}"
    elif v == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        message = f"{missing[0] if missing else 'a field'!r} is required here"
    elif v == "enum":
        message = f"{value!r} is not allowed; use one of: " + ", ".join(
            str(x) for x in error.validator_value)
    elif v == "const":
        message = f"{value!r} is not allowed; the value here is {error.validator_value!r}"
    elif v == "type":
        wanted = error.validator_value
        wanted = " or ".join(wanted) if isinstance(wanted, list) else wanted
        message = f"{value!r} is {_kind(value)}; it must be {_article(wanted)}"
    elif v == "oneOf" and error.context:
        # Say what the value could be, from the alternatives' own descriptions.
        message = f"{value!r} is not allowed here; " + _alternatives(error)
    elif v == "pattern":
        message = f"{value!r} does not have the expected form ({error.validator_value})"
    elif v in ("minimum", "maximum", "exclusiveMinimum", "minItems", "minLength"):
        message = f"{value!r} is out of range: {v} is {error.validator_value}"
    else:
        message = error.message
    return Problem(line, column, where, message)


def _alternatives(error: jsonschema.ValidationError) -> str:
    described = error.schema.get("description") if isinstance(error.schema, dict) else None
    if described:
        return described
    options = []
    for sub in error.schema.get("oneOf", []):
        if "enum" in sub:
            options += [repr(x) for x in sub["enum"]]
        elif "const" in sub:
            options.append(repr(sub["const"]))
        elif "type" in sub:
            options.append(_article(sub["type"]))
    return "use " + " or ".join(options) if options else error.message


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "empty"}.get(type(value), "a value")


def _article(kind: object) -> str:
    return {"object": "an object", "array": "a list", "string": "a string",
            "integer": "a whole number", "number": "a number", "boolean": "true or false"}.get(
        str(kind), str(kind))


def _near(word: str, options: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    return found[0] if found else None


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if (p.line, p.column, p.message) not in seen:
            seen.add((p.line, p.column, p.message))
            out.append(p)
    return out


# --- what the schema cannot say ---------------------------------------------------------------

def _build(doc: dict[str, Any], marks: Marks, source: str
           ) -> tuple[Scenario, list[Problem]]:
    from simulator.workflow import Branches, WorkflowInputError, forced

    problems: list[Problem] = []

    def problem(path: tuple[Any, ...], message: str) -> None:
        line, column = _mark(marks, path)
        problems.append(Problem(line, column, _dotted(path), message))

    scenario = Scenario(name=doc["name"], source=source,
                        description=doc.get("description", ""), seed=doc.get("seed", 0),
                        pace=doc.get("pace", "instant"), start=doc.get("start"),
                        setup=_normal_setup(doc.get("setup", {})))
    for key in ("settings", "dataAreas", "subscriptions", "users"):
        entries = doc.get("setup", {}).get(key)
        for i in range(len(entries) if isinstance(entries, list) else 0):
            scenario.lines[f"setup.{key}[{i}]"] = _mark(marks, ("setup", key, i))[0]
        scenario.lines[f"setup.{key}"] = _mark(marks, ("setup", key))[0]
    simulated = {s["baseCode"] for s in scenario.setup.get("subscriptions", [])
                 if not s.get("callbackUrl")}
    user_ids = {u["userID"] for u in scenario.setup.get("users", []) if "userID" in u}
    phones_of = {u["order"] for u in scenario.setup.get("users", []) if "order" in u}
    pending_orders: list[tuple[tuple[Any, ...], str]] = []
    expected: list[tuple[tuple[Any, ...], Expectation]] = []
    workflows: set[str] = set()

    def simulated_user(path: tuple[Any, ...], user: str) -> None:
        """A user a step acts as must have a simulated phone: listed in setup.users, or a
        person (A.contact) of an order whose people setup.users lists."""
        ref = USER_REF.match(user)
        if ref is not None:
            pending_orders.append((path, ref["name"]))
            if ref["name"] not in phones_of:
                problem(path, f"{user!r} has no simulated phone: add {{order: {ref['name']}}} "
                              "to setup.users")
        elif user not in user_ids:
            problem(path, f"{user!r} is not among setup.users; add it there so that a "
                          "simulated phone exists for it")

    for i, raw in enumerate(doc["steps"]):
        path = ("steps", i)
        actions = [k for k in ACTIONS if k in raw]
        if len(actions) > 1:
            problem(path, f"one action per step, this one has {', '.join(actions)}: split it "
                          "into separate steps")
            continue
        if not actions and "caption" not in raw:
            problem(path, "an empty step: give it one of " + ", ".join(ACTIONS)
                    + " (or a caption)")
            continue
        kind = actions[0] if actions else "caption"
        args = _normal(kind, raw.get(kind))
        line = _mark(marks, path)[0]
        if kind in ("send", "workflow", "orders") and args.get("as"):
            name = args["as"]
            if kind == "workflow":
                workflows.add(name)
            if name in scenario.names:
                problem((*path, kind, "as"), f"the name {name!r} is already given by step "
                                             f"{scenario.names[name]}; pick another")
            scenario.names[name] = i + 1
        if kind == "send" and "data" not in args and not args.get("sample"):
            problem((*path, "send"), "give the event's data, or sample: true to start from "
                                     "the catalogue's sample of this changeId")
        if kind in ("workflow", "orders"):
            for key, check in (("branches", Branches.from_json), ("force", forced)):
                try:
                    if key in args:
                        check(args[key])
                except WorkflowInputError as error:
                    problem((*path, kind, key), str(error))
        if kind == "subscriber" and args["name"] not in simulated:
            problem((*path, kind, "name"), f"{args['name']!r} is not a simulated subscriber of "
                    "this scenario's setup; simulated ones: " + (", ".join(sorted(simulated))
                                                                or "none"))
        if kind == "user":
            simulated_user((*path, kind, "userID"), args["userID"])
        if kind == "chat":
            for key in ("from", "to"):
                simulated_user((*path, kind, key), args[key])
            if args.get("order"):
                pending_orders.append(((*path, kind, "order"), args["order"]))
        if kind == "expect":
            expectation = _expectation(args, (*path, "expect"), marks, problem)
            if expectation is not None:
                expected.append(((*path, "expect", expectation.kind), expectation))
                args = expectation
        scenario.steps.append(Step(i + 1, kind, args, raw.get("caption"), line))

    for i, raw in enumerate(doc.get("expect", [])):
        expectation = _expectation(raw, ("expect", i), marks, problem)
        if expectation is not None:
            scenario.expect.append(expectation)
            expected.append((("expect", i, expectation.kind), expectation))
    for path, expectation in expected:
        if expectation.args.get("order"):
            pending_orders.append(((*path, "order"), expectation.args["order"]))
        user = expectation.args.get("user")
        if user and USER_REF.match(user):
            pending_orders.append(((*path, "user"), USER_REF.match(user)["name"]))
        if expectation.kind == "notification" and user:
            simulated_user((*path, "user"), user)
    for entry in scenario.setup.get("users", []):
        if "order" in entry:
            pending_orders.append((("setup", "users"), entry["order"]))
    for path, name in pending_orders:
        # Digits are a literal serviceOrderId; anything else must be a name a step gives.
        if path[-1] in ("user", "userID", "from", "to") or path[:2] == ("setup", "users"):
            if name not in workflows:  # people are known of generated orders only
                problem(path, f"no workflow step names an order {name!r} (with as: {name}); "
                              "people (A.contact, A.handler …) come from generated orders: "
                        + (", ".join(sorted(workflows)) or "none yet"))
        elif not name.isdigit() and name not in scenario.names:
            problem(path, f"no step names an order {name!r} (with as: {name}); names: "
                    + (", ".join(sorted(scenario.names)) or "none yet")
                    + ". A serviceOrderId (digits) works too")
    return scenario, problems


def _expectation(raw: dict[str, Any], path: tuple[Any, ...], marks: Marks,
                 problem: Any) -> Expectation | None:
    kinds = [k for k in CHECKS if k in raw]
    if len(kinds) != 1:
        problem(path, ("one check per expectation, this one has " + ", ".join(kinds))
                if kinds else "an expectation needs one of " + ", ".join(CHECKS))
        return None
    kind = kinds[0]
    args = _normal(kind, raw[kind])
    return Expectation(kind, args, raw.get("name") or describe(kind, args),
                       _mark(marks, path)[0])


def _normal(kind: str, args: Any) -> Any:
    """Values as the runner wants them: ids and changeIds as strings (YAML reads 1 as a
    number), durations in seconds."""
    if not isinstance(args, dict):
        return seconds(args) if kind == "wait" else args
    out = dict(args)
    for key in ("changeId", "userID", "user", "dataArea", "from", "to"):
        if key in out and isinstance(out[key], int):
            out[key] = str(out[key])
    if "only" in out:
        out["only"] = [str(c) for c in out["only"]]
    if "within" in out:
        out["within"] = seconds(out["within"])
    return out


def _normal_setup(setup: dict[str, Any]) -> dict[str, Any]:
    out = dict(setup)
    out["dataAreas"] = [{**a, "code": str(a["code"])} for a in setup.get("dataAreas", [])]
    out["subscriptions"] = [
        {**s, **({"changeIds": [str(c) for c in s["changeIds"]]} if "changeIds" in s else {}),
         **({"dataAreas": [str(c) for c in s["dataAreas"]]} if "dataAreas" in s else {})}
        for s in setup.get("subscriptions", [])]
    out["users"] = [{**u, **({"userID": str(u["userID"])} if "userID" in u else {})}
                    for u in setup.get("users", [])]
    return out


def describe(kind: str, a: dict[str, Any]) -> str:
    """An expectation in words: the JUnit test case's name when the file gives none."""
    scope = "".join([f" order {a['order']}" if a.get("order") else "",
                     f" changeId {a['changeId']}" if a.get("changeId") else ""])
    within = f" within {a['within']:g}s" if "within" in a else ""
    if kind == "delivered":
        return f"delivered to {a['to']}{scope}{within}"
    if kind == "notDelivered":
        reason = f" ({a['reason']})" if a.get("reason") else ""
        return f"not delivered to {a['to']}{scope}{reason}"
    if kind == "attempts":
        return f"{a['count']} attempt(s) to {a['to']}{scope}, then {a.get('then', 'delivered')}"
    if kind == "push":
        return f"{a.get('count', 1)} push(es) for user {a['user']}{scope}{within}"
    if kind == "notification":
        return f"msgType 1001 notification received by {a['user']}{scope}{within}"
    if kind == "subscriptionState":
        state = "enabled" if a["enabled"] else "disabled"
        return f"subscription {a['baseCode']} {state}{within}"
    anomalies = a.get("anomalies", "none")
    return f"order {a['order']} timeline: " + (
        "no anomalies" if anomalies == "none" else "anomalies " + ", ".join(anomalies))
