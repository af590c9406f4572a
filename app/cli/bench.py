"""``python main.py bench core|delivery|im``: speed beside a raw baseline from the same run."""

from __future__ import annotations

import argparse

from app.cli import OK


def add_parser(sub: argparse._SubParsersAction, simulators: object = None,
               crowd: object = None) -> None:
    p = sub.add_parser("bench", help="benchmarks (results belong in docs/benchmarks.md)",
                       description=__doc__)
    p.add_argument("which", choices=["core", "delivery", "im", "ui"],
                   help="core: validate + match + durable write; delivery: callbacks and MQ "
                        "topics, accept to receipt; im: simulated app users connecting, "
                        "chatting and receiving a fan-out; ui: the window under 2,000 "
                        "deliveries a second, and a million-row history")
    p.add_argument("--events", type=int, default=None,
                   help="events per round (core: 20000; delivery: 2000)")
    p.add_argument("--rounds", type=int, default=5, help="rounds (the median is reported)")
    p.add_argument("--batch", type=int, default=2000, help="events per transaction")
    p.add_argument("--users", type=int, default=1000, help="im: simulated app users")
    p.add_argument("--rate", type=float, default=None,
                   help="im: chats per second (500); ui: deliveries per second (2000)")
    p.add_argument("--seconds", type=float, default=None,
                   help="im: seconds of chatting (5); ui: seconds of load (60)")
    p.add_argument("--history-rows", type=int, default=1_000_000,
                   help="ui: rows in the history opened")
    p.set_defaults(run=run, simulators=simulators, crowd=crowd)


def run(args: argparse.Namespace) -> int:
    if args.which == "im":
        from app.benchmarks import im

        print(im.report(im.run(args.users, args.rate or 500, args.seconds or 5, args.crowd)))
        return OK
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
