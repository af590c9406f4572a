"""``python main.py validate [--strict|--lenient] [--change-id N] [--json] FILE|-``.

A callback envelope, or the bare data of one changeId with ``--change-id``. Exit 0 valid,
1 invalid (findings printed, with the spec's Chinese field names and hints), 2 unusable input.
"""

from __future__ import annotations

import argparse
import json

from app.catalog import default_catalog
from app.catalog.envelope import JsonProblem, loads, read_envelope
from app.catalog.findings import Finding, Mode, Severity, errors_first, has_errors
from app.cli import INVALID, OK, UNUSABLE, UsageProblem, print_err, read_input


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check a callback body or event data against the spec",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--strict", dest="mode", action="store_const", const=Mode.STRICT,
                      help="the spec's field tables (default)")
    mode.add_argument("--lenient", dest="mode", action="store_const", const=Mode.LENIENT,
                      help="what production examples show: drift and unknown keys are warnings")
    p.add_argument("--change-id", metavar="N", help="FILE is the bare data of changeId N")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("file", metavar="FILE|-", help="the JSON to check; - reads standard input")
    p.set_defaults(run=run, mode=Mode.STRICT)


def run(args: argparse.Namespace) -> int:
    catalog = default_catalog()
    try:
        raw = read_input(args.file)
        if args.change_id is not None and catalog.change(args.change_id) is None:
            raise UsageProblem(f"--change-id {args.change_id} is not a known changeId; one of "
                               + ", ".join(catalog.workorder.type_ids))
        try:
            obj = loads(raw, "stdin" if args.file == "-" else args.file)
        except JsonProblem as problem:
            raise UsageProblem(f"{problem}\n{problem.excerpt()}") from None
    except UsageProblem as problem:
        if args.json:
            print(json.dumps({"valid": False, "usable": False, "error": str(problem)},
                             ensure_ascii=False))
        else:
            print_err(f"validate: {problem}")
        return UNUSABLE

    if args.change_id is not None:
        change_id = args.change_id
        findings = catalog.validate_data(change_id, obj, args.mode, path="data")
        what = "data"
    else:
        if isinstance(obj, dict) and not {"changeid", "dataarea", "data"} & {
                k.strip().casefold() for k in obj}:
            message = ("this looks like the bare data of an event, not a callback envelope "
                       "{baseCode, dataArea, changeId, data}: pass --change-id N")
            if args.json:
                print(json.dumps({"valid": False, "usable": False, "error": message}))
            else:
                print_err(f"validate: {message}")
            return UNUSABLE
        report = read_envelope(obj, catalog, args.mode)
        findings = report.findings
        change_id = report.envelope.change_id if report.envelope else (
            obj.get("changeId") if isinstance(obj, dict) else None)
        what = "envelope"

    valid = not has_errors(findings)
    if args.json:
        print(json.dumps({"valid": valid, "usable": True, "mode": str(args.mode),
                          "kind": what, "changeId": change_id,
                          "findings": [f.to_json() for f in findings]},
                         ensure_ascii=False, indent=2))
    else:
        _print_report(args.file, what, change_id, args.mode, findings)
    return OK if valid else INVALID


def _print_report(name: str, what: str, change_id: object, mode: Mode,
                  findings: list[Finding]) -> None:
    catalog = default_catalog()
    mt = catalog.change(change_id)
    title = f"changeId {change_id} {mt.zh} ({mt.en})" if mt else f"changeId {change_id!r}"
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    verdict = "valid" if not errors else "INVALID"
    print(f"{name}: {what}, {title}, {mode}: {verdict} — {errors} error(s), "
          f"{warnings} warning(s)")
    for f in errors_first(findings):
        label = f" ({f.label_zh})" if f.label_zh else ""
        print(f"  {f.severity:<7} {f.path or '$'}{label}: {f.message}")
        if f.hint:
            print(f"          hint: {f.hint}")
