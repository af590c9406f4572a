"""``python main.py explain --event FILE [--subscription CODE] [--json]``.

For an event (a callback envelope or an API body ``{changeId, dataArea, data}``), say whether
the engine accepts it at all (exactly as ``send`` and the API would judge it), then, for
every stored subscription, whether it receives the event, and if not, exactly why.
"""

from __future__ import annotations

import argparse
import json

from app.catalog.envelope import JsonProblem, loads
from app.catalog.findings import errors_first
from app.cli import OK, UNUSABLE, UsageProblem, print_err, read_input
from app.engine import Engine


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="why an event does or does not reach each subscription",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--event", required=True, metavar="FILE|-", help="the event JSON")
    p.add_argument("--subscription", action="append", metavar="BASECODE",
                   help="only this subscription (repeatable)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        body = loads(read_input(args.event), args.event)
    except (UsageProblem, JsonProblem) as problem:
        print_err(f"explain: {problem}")
        return UNUSABLE
    with Engine(args.db_path).open(writable=False) as engine:
        try:
            refusal, explanations = engine.explain(body, args.subscription)
        except ValueError as error:
            print_err(f"explain: {error}")
            return UNUSABLE
        missing = [c for c in args.subscription or () if engine.index.get(c) is None]
        total = len(engine.index)
    if args.json:
        refused = None if refusal is None else {
            "reason": refusal.reason, "errors": [f.to_json() for f in refusal.findings]}
        print(json.dumps({"refused": refused,
                          "explanations": [e.to_json() for e in explanations],
                          "unknownSubscriptions": missing}, ensure_ascii=False, indent=2))
        return OK
    for code in missing:
        print_err(f"explain: no subscription {code!r} in {args.db_path}")
    if refusal is not None:
        print(f"The engine refuses this event ({refusal.reason}), so no subscription gets it:")
        for f in errors_first(refusal.findings):
            print(f"    {f.severity:<7} {f.path or '$'}: {f.message}"
                  + (f" — hint: {f.hint}" if f.hint else ""))
        print()
    if not total:
        print(f"No subscriptions are stored in {args.db_path}.\n"
              "Add one with `python main.py subscriptions add FILE` (or the API / the GUI).")
        return OK
    for e in explanations:
        mark = "✓" if e.matched else "✗"
        print(f"{mark} {e.base_code}: {e.messages[0]}")
        for more in e.messages[1:]:
            print(f"    also: {more}")
    return OK
