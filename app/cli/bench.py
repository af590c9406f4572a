"""``python main.py bench core``: throughput of the core beside a raw baseline."""

from __future__ import annotations

import argparse

from app.cli import OK


def add_parser(sub: argparse._SubParsersAction, simulators: object = None) -> None:
    p = sub.add_parser("bench", help="benchmarks (results belong in docs/benchmarks.md)",
                       description=__doc__)
    p.add_argument("which", choices=["core", "delivery"],
                   help="core: validate + match + durable write; delivery: callbacks and MQ "
                        "topics, accept to receipt")
    p.add_argument("--events", type=int, default=None,
                   help="events per round (core: 20000; delivery: 2000)")
    p.add_argument("--rounds", type=int, default=5, help="rounds (the median is reported)")
    p.add_argument("--batch", type=int, default=2000, help="events per transaction")
    p.set_defaults(run=run, simulators=simulators)


def run(args: argparse.Namespace) -> int:
    if args.which == "delivery":
        from app.benchmarks import delivery

        events = args.events or 2000
        print(delivery.report(delivery.run(events, args.simulators), events))
        return OK
    from app.benchmarks import core

    result = core.run(args.events or 20000, args.rounds, args.batch)
    print()
    print(core.report(result))
    return OK
