"""``python main.py serve``: the platform headless — engine, callback service, local API and
simulated subscribers — until SIGINT or SIGTERM.

When everything listens it prints one JSON line (the external contract in DESIGN.md):
``{"event": "ready", "http": "http://127.0.0.1:PORT", "mqtt": ..., "token": "...", "db": ...}``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
import sys
from collections.abc import Callable
from typing import Any

from app import paths
from app.api import token as tokens
from app.api.routes import Api, SimulatorHost
from app.cli import UNUSABLE, print_err
from app.delivery.dispatcher import Dispatcher
from app.engine import Engine
from app.transport.http import HttpClient, HttpServer

log = logging.getLogger(__name__)

DEFAULT_HTTP = "127.0.0.1:8470"


def add_parser(sub: argparse._SubParsersAction,
               simulators: Callable[[], Any] | None = None) -> None:
    p = sub.add_parser("serve", help="run the platform headless (API, callbacks, simulators)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--http", default=DEFAULT_HTTP, metavar="HOST:PORT",
                   help=f"where the API listens (default {DEFAULT_HTTP}; port 0 picks a free "
                        "one)")
    p.add_argument("--mqtt-port", type=int, default=0, metavar="N",
                   help="the managed broker's port (0 = a free one); the broker is coming")
    p.add_argument("--broker", default="managed", metavar="managed|mqtt://…",
                   help="the MQTT broker (coming with the MQ topics work)")
    p.set_defaults(run=lambda args: _run(args, simulators))


def _run(args: argparse.Namespace, simulators: Callable[[], Any] | None) -> int:
    host, _, port = args.http.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        print_err(f"serve: --http {args.http!r} is not HOST:PORT, e.g. 127.0.0.1:8470")
        return UNUSABLE
    try:
        return asyncio.run(serve(args, host, int(port), simulators))
    except OSError as error:
        print_err(f"serve: cannot listen on {args.http}: {error.strerror or error} — pick "
                  "another with --http 127.0.0.1:0 (any free port)")
        return UNUSABLE


async def serve(args: argparse.Namespace, host: str, port: int,
                simulators: Callable[[], Any] | None) -> int:
    engine = Engine(args.db_path).open()
    stack = contextlib.AsyncExitStack()
    async with stack:
        stack.callback(engine.close)
        http = HttpClient()
        await http.start()
        stack.push_async_callback(http.close)
        dispatcher = Dispatcher(engine, http, instance=engine.instance_id)
        recovered = await dispatcher.start()
        stack.push_async_callback(dispatcher.stop)
        sims: SimulatorHost | None = None
        if simulators is not None:
            sims = await simulators().start()
            stack.push_async_callback(sims.stop)  # type: ignore[attr-defined]
        token = tokens.load_or_create(paths.data_dir(args.data_dir))
        api = Api(engine, token, dispatcher=dispatcher, simulators=sims,
                  status=lambda: {"db": str(args.db_path), "broker": None,
                                  "counts": engine.store.counts()})  # type: ignore[union-attr]
        server = await HttpServer(api.handle, host, port).start()
        stack.push_async_callback(server.stop)

        print(json.dumps({
            "event": "ready", "http": server.url, "mqtt": None, "token": token,
            "db": str(args.db_path),
            "simulators": sims.server.url if sims is not None else None,  # type: ignore[attr-defined]
            "recovered": recovered}), flush=True)
        await _until_stopped()
        log.info("stopping")
    print(json.dumps({"event": "stopped"}), flush=True)
    return 0


async def _until_stopped() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Windows has no add_signal_handler: there Ctrl+C raises KeyboardInterrupt instead.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)
    sys.stdout.flush()
