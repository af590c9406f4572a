"""``python main.py inspect [--lenient] [--json] FILE|-``.

Any payload Push Studio knows — a work-order callback or bare event data, an organisation
push, a WeCom sync message or sync response, a rich-message request, an IM message — as JSON
or as a captured HTTP request (request line, headers, blank line, body). Says what it is,
every finding with a hint, and how the platform would route it against the subscriptions
stored in the database (``--db`` / ``--data-dir``). Nothing is stored or sent.

Exit 0 recognised and valid, 1 recognised with errors, 2 not readable or not recognised.
"""

from __future__ import annotations

import argparse
import json

from app.catalog.findings import Mode
from app.cli import INVALID, OK, UNUSABLE, UsageProblem, print_err, read_input
from app.engine import Engine
from app.inspector import Inspection, inspect


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inspect", help="what a pasted payload or HTTP request is, its "
                                       "findings, and how it would be routed",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lenient", dest="mode", action="store_const", const=Mode.LENIENT,
                   default=Mode.STRICT, help="what production sends: drift is a warning")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("file", metavar="FILE|-", help="the payload; - reads standard input")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        raw = read_input(args.file)
    except UsageProblem as problem:
        print_err(f"inspect: {problem}")
        return UNUSABLE
    if args.db_path.exists():
        with Engine(args.db_path).open(writable=False) as engine:
            result = inspect(raw, engine, mode=args.mode)
    else:  # nothing stored yet: what it is, without routing
        result = inspect(raw, mode=args.mode)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(args.file, result, args.db_path.exists())
    if not result.usable:
        return UNUSABLE
    return OK if result.valid else INVALID


def _print(name: str, result: Inspection, routed: bool) -> None:
    reading = result.reading
    where = "stdin" if name == "-" else name
    if reading is None:
        print(f"{where}: not recognised")
    else:
        verdict = "valid" if result.valid else "INVALID"
        print(f"{where}: {reading.title} — {verdict}")
        if reading.facts:
            print("  " + "  ".join(f"{k}={v}" for k, v in reading.facts.items()))
    if result.request:
        print(f"  request: {result.request['method']} {result.request['path']}")
    if len(result.candidates) > 1:
        print("  also looked like: " + ", ".join(f"{f} ({s})"
                                                 for f, s in result.candidates[1:]))
    if result.findings:
        print(f"\n{len(result.findings)} finding(s):")
        for f in result.findings:
            label = f" ({f.label_zh})" if f.label_zh else ""
            print(f"  {f.severity:<7} {f.path or '$'}{label}: {f.message}")
            if f.hint:
                print(f"          hint: {f.hint}")
    if result.routing:
        print("\nHow it would be routed:")
        for r in result.routing:
            topic = f"  [{r.topic}]" if r.topic else ""
            print(f"  {r.verdict:<13} {r.target}: {r.detail}{topic}")
    elif reading is not None and not routed:
        print("\n(no database yet, so no routing: pass --db or --data-dir of a Push Studio "
              "that has subscriptions)")
