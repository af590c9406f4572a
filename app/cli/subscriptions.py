"""``python main.py subscriptions list|add|remove``: the stored subscriber systems."""

from __future__ import annotations

import argparse
import asyncio
import json

from app.catalog.envelope import JsonProblem, loads
from app.cli import INVALID, OK, UNUSABLE, UsageProblem, print_err, read_input
from app.engine import Engine
from app.routing.subscription import SubscriptionError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("subscriptions", help="list, add or remove subscriber systems",
                       description=__doc__)
    verbs = p.add_subparsers(dest="verb", required=True)
    ls = verbs.add_parser("list", help="the stored subscriptions")
    ls.add_argument("--json", action="store_true")
    add = verbs.add_parser("add", help="create or replace from JSON (an object or a list)")
    add.add_argument("file", metavar="FILE|-")
    rm = verbs.add_parser("remove", help="delete one")
    rm.add_argument("base_code", metavar="BASECODE")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_run(args))


async def _run(args: argparse.Namespace) -> int:
    if args.verb == "add":
        try:
            docs = loads(read_input(args.file), args.file)
        except (UsageProblem, JsonProblem) as problem:
            print_err(f"subscriptions add: {problem}")
            return UNUSABLE
    with Engine(args.db_path).open() as engine:
        if args.verb == "list":
            subs = [s.to_json() for s in engine.subscriptions()]
            if args.json:
                print(json.dumps(subs, ensure_ascii=False, indent=2))
            elif not subs:
                print(f"No subscriptions in {args.db_path}.")
            for s in [] if args.json else subs:
                state = "" if s["enabled"] else "  (disabled)"
                print(f"{s['baseCode']:<16} {s['name']}  areas={','.join(s['dataAreas'])}  "
                      f"changeIds={','.join(s['changeIds'])}  "
                      f"callback={s['callbackUrl'] or '-'}{state}")
            return OK
        if args.verb == "remove":
            if await engine.delete_subscription(args.base_code):
                print(f"removed {args.base_code}")
                return OK
            print_err(f"subscriptions remove: no subscription {args.base_code!r}")
            return INVALID
        status = OK
        for i, doc in enumerate(docs if isinstance(docs, list) else [docs]):
            try:
                sub, created = await engine.put_subscription(doc)
            except SubscriptionError as error:
                status = INVALID
                print_err(f"subscriptions add: item {i} refused:")
                for f in error.findings:
                    print_err(f"  {f.path}: {f.message}" + (f" — hint: {f.hint}" if f.hint else ""))
                continue
            print(f"{'created' if created else 'replaced'} {sub.base_code}")
        return status
