"""``python main.py scenario …`` and ``python main.py load …``: the simulator's commands.

``scenario run FILE`` starts its own platform (engine, managed Mosquitto, callback service,
simulated subscribers and phones) in a temporary data dir, plays the file, prints a summary
with the failed expectations first, writes JUnit XML / JSON when asked, and exits 0 only when
every expectation holds (1 when one does not, 2 when the file or the platform is unusable).
With ``--server URL`` it plays against a ``serve`` that is already running instead.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from app import paths
from app.api import token as tokens
from app.cli import INVALID, OK, UNUSABLE, print_err
from simulator.api_client import ApiError, PlatformClient
from simulator.scenario import ScenarioError, load
from simulator.scenario.loader import samples, schema
from simulator.scenario.runner import Progress, Runner

DEFAULT_SERVER = "http://127.0.0.1:8470"
TOKEN_ENV = "PUSH_STUDIO_TOKEN"


def add_parsers(sub: argparse._SubParsersAction) -> None:
    scenario = sub.add_parser("scenario", help="run, check or list scenario files",
                              description=__doc__,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    which = scenario.add_subparsers(dest="action", metavar="ACTION", required=True)
    run = which.add_parser("run", help="play a scenario and check its expectations")
    run.add_argument("file", metavar="FILE", help="a scenario (.yaml); resources/scenarios "
                                                  "has samples")
    run.add_argument("--junit", metavar="PATH", help="write JUnit XML here (one test case per "
                                                     "expectation)")
    run.add_argument("--json", metavar="PATH", help="write the report as JSON here")
    run.add_argument("--seed", type=int, help="seed of the generated work orders (default: "
                                              "the file's, else 0)")
    run.add_argument("--pace", help="instant, human, or a speed factor such as 60 (default: "
                                    "the file's, else instant)")
    _server_options(run, "play against a running `serve` at URL instead of starting one")
    run.add_argument("--quiet", action="store_true", help="no progress lines, only the summary")
    run.set_defaults(run=_run)
    check = which.add_parser("check", help="check scenario files without running them")
    check.add_argument("files", metavar="FILE", nargs="+")
    check.set_defaults(run=_check)
    listing = which.add_parser("list", help="the sample scenarios shipped with Push Studio")
    listing.set_defaults(run=_list)
    described = which.add_parser("schema", help="print the scenario files' JSON Schema")
    described.set_defaults(run=lambda _a: print(json.dumps(schema(), indent=1)) or OK)

    load_cmd = sub.add_parser("load", help="generate work-order load against a running "
                                           "instance and summarise what became of it")
    load_cmd.add_argument("--orders", type=int, default=100, metavar="N",
                          help="work orders to generate (default 100)")
    load_cmd.add_argument("--rate", type=float, default=10.0, metavar="R",
                          help="orders started per second (default 10; 0 = as fast as it "
                               "takes them)")
    load_cmd.add_argument("--seed", type=int, default=0, help="seed of the generated orders")
    load_cmd.add_argument("--settle", type=float, default=30.0, metavar="S",
                          help="seconds to wait for the deliveries to finish (default 30)")
    load_cmd.add_argument("--json", action="store_true", help="the summary as JSON")
    _server_options(load_cmd, f"the instance to load (default {DEFAULT_SERVER})")
    load_cmd.set_defaults(run=_load)

    wecom = sub.add_parser("wecom", help="simulated WeCom customer-service conversations",
                           description="WeCom 微信客服 conversations with a property's front "
                                       "desk, played through the API (docs/wecom.md)")
    wecom_which = wecom.add_subparsers(dest="action", metavar="ACTION", required=True)
    converse = wecom_which.add_parser(
        "converse", help="play customer conversations (enter, chat, transfer, close) through "
                         "POST /api/wecom/messages, printing each message")
    converse.add_argument("--seed", type=int, help="seed of the conversations (default: a "
                                                   "random one, printed); the same seed "
                                                   "gives the same msgids and words")
    converse.add_argument("--count", type=int, default=1, metavar="N",
                          help="conversations, one customer each (default 1)")
    converse.add_argument("--open-order", action="store_true",
                          help="open a work order from each customer's first text")
    converse.add_argument("--data-area", metavar="CODE",
                          help="the data area of the orders opened (default fwwt)")
    _server_options(converse, "play against a running `serve` at URL instead of starting one")
    converse.set_defaults(run=_converse)


def _server_options(p: argparse.ArgumentParser, server_help: str) -> None:
    p.add_argument("--server", metavar="URL", help=server_help)
    p.add_argument("--token", metavar="TOKEN",
                   help=f"its API token (default: ${TOKEN_ENV}, else the data dir's "
                        f"{tokens.TOKEN_FILE})")


def _token(args: argparse.Namespace) -> str | None:
    if args.token:
        return args.token
    if os.environ.get(TOKEN_ENV):
        return os.environ[TOKEN_ENV]
    path = paths.data_dir(args.data_dir) / tokens.TOKEN_FILE
    with contextlib.suppress(OSError):
        return path.read_text(encoding="ascii").strip() or None
    return None


# --- scenario run / check / list -------------------------------------------------------------

def _check(args: argparse.Namespace) -> int:
    worst = OK
    for name in args.files:
        try:
            scenario = load(name)
        except ScenarioError as error:
            print_err(str(error))
            worst = INVALID
            continue
        print(f"{name}: ok — {scenario.name!r}, {len(scenario.steps)} step(s), "
              f"{len(scenario.expect) + sum(s.kind == 'expect' for s in scenario.steps)} "
              "expectation(s)")
    return worst


def _list(_args: argparse.Namespace) -> int:
    for path in samples():
        try:
            scenario = load(path)
        except ScenarioError as error:
            print(f"{path}: unusable: {error}")
            continue
        print(f"{path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
              f"\n    {scenario.name}" + (f" — {scenario.description.strip().splitlines()[0]}"
                                         if scenario.description.strip() else ""))
    return OK


def _run(args: argparse.Namespace) -> int:
    try:
        scenario = load(args.file)
    except ScenarioError as error:
        print_err(str(error))
        return UNUSABLE
    pace: str | float | None = args.pace
    if pace is not None and pace not in ("instant", "human"):
        try:
            pace = float(pace)
            if pace <= 0:
                raise ValueError
        except ValueError:
            print_err(f"scenario: --pace {args.pace!r}: use instant, human or a speed factor "
                      "above 0 such as 60")
            return UNUSABLE
    try:
        return asyncio.run(_play(args, scenario, pace))
    except PlatformUnavailable as error:
        print_err(f"scenario: {error}")
        return UNUSABLE


class PlatformUnavailable(Exception):
    """No platform to play against: the message says why and what to do."""


async def _play(args: argparse.Namespace, scenario: Any, pace: str | float | None) -> int:
    said = {"step": -1, "at": 0.0}

    def progress(p: Progress) -> None:
        if args.quiet:
            return
        # Within a step at most a line a second (a thousand orders are not a thousand lines);
        # at human pace every event has its own line anyway.
        now = time.monotonic()
        if p.step == said["step"] and p.step <= p.total and now - said["at"] < 1.0:
            return
        said.update(step=p.step, at=now)
        where = "setup" if p.step == 0 else ("checks" if p.step > p.total
                                             else f"{p.step}/{p.total}")
        print_err(f"[{where}] {p.caption}")

    async with _platform(args) as (url, token), PlatformClient(url, token) as api:
        runner = Runner(api, scenario, seed=args.seed, pace=pace, on_progress=progress)
        report = await runner.run()
    print(report.summary())
    if args.junit:
        report.write_junit(args.junit)
    if args.json:
        report.write_json(args.json)
    return OK if report.passed else INVALID


@contextlib.asynccontextmanager
async def _platform(args: argparse.Namespace) -> AsyncIterator[tuple[str, str]]:
    """(API URL, token): the running serve named by --server, or a platform of our own in a
    temporary data dir, stopped (and its broker with it) when the run ends."""
    if args.server:
        token = _token(args)
        if not token:
            raise PlatformUnavailable(f"--server {args.server} needs its token: --token, "
                                      f"${TOKEN_ENV}, or the data dir's {tokens.TOKEN_FILE}")
        yield args.server, token
        return
    from app.platform import Options, Platform
    from simulator.app_users import AppUserCrowd
    from simulator.subscribers import SubscriberHost

    with tempfile.TemporaryDirectory(prefix="push-studio-scenario-") as tmp:
        options = Options(db_path=Path(tmp) / paths.DB_NAME, data_dir=tmp, http_port=0,
                          mqtt_port=0)
        platform = Platform(options, simulators=SubscriberHost, crowd=AppUserCrowd,
                            warn=lambda text: print_err(f"scenario: {text}"))
        try:
            await platform.start()
        except OSError as error:
            raise PlatformUnavailable(f"the platform could not start: {error}") from None
        try:
            assert platform.server is not None
            yield platform.server.url, platform.token
        finally:
            await platform.stop()


# --- wecom converse -----------------------------------------------------------------------------

def _converse(args: argparse.Namespace) -> int:
    if args.count < 1:
        print_err("wecom converse: --count is 1 or more")
        return UNUSABLE
    if args.seed is None:
        args.seed = random.randrange(10**6)
    try:
        return asyncio.run(_talk(args))
    except PlatformUnavailable as error:
        print_err(f"wecom converse: {error}")
        return UNUSABLE


async def _talk(args: argparse.Namespace) -> int:
    from simulator.wecom import ConversationGenerator

    # Words and ids come from the seed; the clock starts half an hour ago, so a conversation
    # (about 20 minutes of messages) reads as today's and has ended by now, not in the future.
    generator = ConversationGenerator(args.seed, start=int(time.time()) - 1800)
    print(f"WeCom conversations, seed {args.seed} (again: --seed {args.seed})")
    async with _platform(args) as (url, token), PlatformClient(url, token) as api:
        for _ in range(args.count):
            talk = generator.conversation()
            print(f"\n{talk.customer} ({talk.external_userid}) with account {talk.open_kfid}")

            def said(item: dict[str, Any], stored: dict[str, Any], talk: Any = talk) -> None:
                origin = item.get("origin")
                who = {3: f"客户 {talk.customer}", 5: f"客服 {item.get('servicer_userid')}",
                       4: "事件"}.get(origin, "?")
                clock = time.strftime("%H:%M:%S", time.localtime(item["send_time"]))
                print(f"  {clock}  {who}  {stored['summary']}")

            try:
                played = await talk.play(api, open_order=args.open_order,
                                         data_area=args.data_area, said=said)
            except ApiError as error:
                print_err(f"wecom converse: {error}")
                return INVALID
            kept_out = (f"; {played.duplicates} kept out as already stored (the same seed "
                        "played before?)" if played.duplicates else "")
            print(f"  {len(played.stored)} message(s) stored{kept_out}")
            if played.order is not None:
                order = played.order
                link = f"{url}{order['timeline']}"
                story = await api.get(order["timeline"])
                origin = story["origins"][0] if story["origins"] else {}
                print(f"  work order {order['serviceOrderId']} opened from message "
                      f"{order['msgid']} (event {order['eventId']}, "
                      f"{len(order['deliveries'])} deliveries)")
                print(f"  timeline: {link} — from WeCom: “{origin.get('content', '')}”")
    return OK


# --- load ---------------------------------------------------------------------------------------

def _load(args: argparse.Namespace) -> int:
    from simulator.load import LoadGenerator

    if args.orders < 1 or args.rate < 0:
        print_err("load: --orders is 1 or more and --rate 0 or more")
        return UNUSABLE
    server = args.server or DEFAULT_SERVER
    token = _token(args)
    if not token:
        print_err(f"load: no API token for {server}: pass --token, set ${TOKEN_ENV}, or "
                  "point --data-dir at the instance's data dir")
        return UNUSABLE

    async def go() -> int:
        async with PlatformClient(server, token) as api:
            try:
                await api.get("/api/subscriptions")
            except ApiError as error:
                print_err(f"load: {error}")
                return UNUSABLE
            generator = LoadGenerator(api, orders=args.orders, rate=args.rate, seed=args.seed)
            summary = await generator.run(progress=None if args.json else _bar,
                                          settle=args.settle)
        if not args.json:
            sys.stderr.write("\n")
        print(json.dumps(summary, ensure_ascii=False, indent=1) if args.json
              else LoadGenerator.describe(summary))
        return OK if summary["refused"] == 0 and summary["deliveries"].get("failed", 0) == 0 \
            else INVALID

    return asyncio.run(go())


def _bar(done: int, total: int, accepted: int, refused: int, rate: float) -> None:
    width = 30
    filled = int(width * done / max(1, total))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} orders · "
                     f"{accepted} events accepted · {refused} refused · {rate:.0f} events/s ")
    sys.stderr.flush()
