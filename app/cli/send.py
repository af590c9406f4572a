"""``python main.py send [--strict] FILE|-``: accept events into the store, as the API would.

FILE holds one event ``{changeId, dataArea, data}`` (a callback envelope works too) or a list
of them. Each is validated (lenient unless --strict), routed and stored with its deliveries;
deliveries stay pending until a delivering process (``serve``) runs. Exit 0 when every event
was accepted, 1 when any was rejected, 2 for unusable input.
"""

from __future__ import annotations

import argparse
import asyncio
import json

from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import Finding, Mode, errors_first
from app.cli import INVALID, OK, UNUSABLE, UsageProblem, print_err, read_input
from app.engine import Accepted, Engine


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("send", help="accept events from a file into the store",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--strict", action="store_const", const=Mode.STRICT, dest="mode",
                   help="validate against the spec's tables (default: lenient, as the API)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("file", metavar="FILE|-")
    p.set_defaults(run=lambda args: asyncio.run(_run(args)), mode=None)


async def _run(args: argparse.Namespace) -> int:
    try:
        body = loads(read_input(args.file), args.file)
    except (UsageProblem, JsonProblem) as problem:
        print_err(f"send: {problem}")
        return UNUSABLE
    events = body if isinstance(body, list) else [body]
    if not events:
        print_err(f"send: {args.file} holds an empty list: nothing to send")
        return OK
    status, out = OK, []
    with Engine(args.db_path).open() as engine:
        for i, event in enumerate(events):
            if not isinstance(event, dict):
                # Only objects are events here; a string would otherwise be read as JSON text.
                status = INVALID
                out.append({"reason": "invalid", "errors": [{
                    "path": f"[{i}]", "code": "type", "severity": "error",
                    "message": f"item {i} is not an event object"}]})
                if not args.json:
                    print(f"rejected item {i}: not an event object {{changeId, dataArea, data}}")
                continue
            result = await engine.submit(event, source="cli", mode=args.mode)
            out.append(result.to_json())
            if isinstance(result, Accepted):
                if not args.json:
                    targets = (", ".join(d.base_code for d in result.deliveries)
                               or "no subscription (`explain --event` says why)")
                    print(f"accepted #{result.event_id} changeId {result.envelope.change_id} "
                          f"→ {targets}")
                    for w in result.warnings:
                        print(f"    {_line(w)}")
            else:
                status = INVALID
                if not args.json:
                    print(f"rejected item {i} ({result.reason}):")
                    for f in errors_first(list(result.findings)):
                        print(f"    {_line(f)}")
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return status


def _line(f: Finding) -> str:
    label = f" ({f.label_zh})" if f.label_zh else ""
    hint = f" — hint: {f.hint}" if f.hint else ""
    return f"{f.severity:<7} {f.path or '$'}{label}: {f.message}{hint}"
