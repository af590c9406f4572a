"""Push Studio's composition root: parse arguments, then open the GUI or run a command.

    python main.py                      the desktop app
    python main.py serve                the platform headless: API, callbacks, simulators
    python main.py validate FILE        check a callback body against the spec
    python main.py catalog [N]          the changeIds and their fields
    python main.py send FILE            accept events into the store (as the API would)
    python main.py explain --event F    why an event does or does not reach each subscription
    python main.py subscriptions ...    list / add / remove subscriber systems
    python main.py data-areas ...       list / add / remove data areas (数据域)
    python main.py timeline ORDER       one work order's story, anomalies flagged
    python main.py settings [NAME VAL]  allow-unsupported on|off, validation-mode …
    python main.py scenario run FILE    play a scenario; exit 0 when every expectation holds
    python main.py load --orders N      generated work-order load against a running serve
    python main.py wecom converse       simulated WeCom customer chats through the API
    python main.py bench core|delivery|im|ui   benchmarks beside raw baselines
    python main.py screenshots DIR      a PNG of every panel, both languages and themes
"""

from __future__ import annotations

import argparse
import logging
import sys

from app import paths
from app.cli import (
    bench,
    catalog,
    dataareas,
    explain,
    inspect,
    send,
    serve,
    settings,
    subscriptions,
    timeline,
    validate,
)
from app.store import SchemaTooNew
from simulator import cli as simulator_cli
from simulator.app_users import AppUserCrowd
from simulator.subscribers import SubscriberHost


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"where the database and broker files live "
                             f"(default: ${paths.ENV_DATA_DIR} or the user data dir)")
    parser.add_argument("--db", metavar="PATH", help="the SQLite file (default: DIR/"
                                                     f"{paths.DB_NAME})")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (validate, inspect, catalog, send, explain, subscriptions, dataareas,
                   timeline, settings):
        module.add_parser(sub)
    bench.add_parser(sub, simulators=SubscriberHost, crowd=AppUserCrowd)
    # The composition root is the one place that knows the simulator: app/ does not import it.
    serve.add_parser(sub, simulators=SubscriberHost, crowd=AppUserCrowd)
    simulator_cli.add_parsers(sub)
    shots = sub.add_parser("screenshots", help="a PNG of every panel, in both languages and "
                                               "themes, with a demo world (needs no display)")
    shots.add_argument("dir", metavar="DIR", help="where the PNG files go")
    shots.set_defaults(run=_screenshots)
    # The contract writes them after the command (`serve --data-dir DIR --db PATH`): accept
    # them there too, without letting an absent one override what came before the command.
    for command in sub.choices.values():
        command.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                             help="as before the command")
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                             help="as before the command")
    return parser


def _screenshots(args: argparse.Namespace) -> int:
    from ui.screenshots import run

    return run(args, SubscriberHost, AppUserCrowd)


def _bench_ui(args: argparse.Namespace) -> int:
    from ui.bench import run

    return run(args, SubscriberHost)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args.db_path = paths.db_path(args.db, args.data_dir)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(args, simulators=SubscriberHost, crowd=AppUserCrowd)
    if args.command == "bench" and args.which == "ui":  # Qt lives in ui/, not in app/cli
        args.run = _bench_ui
    try:
        return args.run(args)
    except SchemaTooNew as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
