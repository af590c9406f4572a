"""``python main.py bench core``: throughput of the core beside a raw baseline."""

from __future__ import annotations

import argparse

from app.cli import OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="benchmarks (results belong in docs/benchmarks.md)",
                       description=__doc__)
    p.add_argument("which", choices=["core"], help="core: validate + match + durable write")
    p.add_argument("--events", type=int, default=20000, help="events per round")
    p.add_argument("--rounds", type=int, default=5, help="rounds (the median is reported)")
    p.add_argument("--batch", type=int, default=2000, help="events per transaction")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.benchmarks import core

    result = core.run(args.events, args.rounds, args.batch)
    print()
    print(core.report(result))
    return OK
