"""``python main.py serve``: the platform headless — engine, managed broker and MQ topics,
callback service, local API and simulated subscribers — until SIGINT or SIGTERM.

When everything listens it prints one JSON line (the external contract in DESIGN.md):
``{"event": "ready", "http": "http://127.0.0.1:PORT", "mqtt": ..., "token": "...", "db": ...}``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
from collections.abc import Callable
from typing import Any

from app.broker.profile import parse_broker
from app.cli import UNUSABLE, print_err
from app.platform import Options, Platform

log = logging.getLogger(__name__)

DEFAULT_HTTP = "127.0.0.1:8470"


def add_parser(sub: argparse._SubParsersAction,
               simulators: Callable[[], Any] | None = None,
               crowd: Callable[..., Any] | None = None) -> None:
    p = sub.add_parser("serve", help="run the platform headless (API, callbacks, simulators)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--http", default=DEFAULT_HTTP, metavar="HOST:PORT",
                   help=f"where the API listens (default {DEFAULT_HTTP}; port 0 picks a free "
                        "one)")
    p.add_argument("--mqtt-port", type=int, default=0, metavar="N",
                   help="the managed broker's port on 127.0.0.1 (0 = a free one)")
    p.add_argument("--broker", default="managed", metavar="managed|mqtt://…",
                   help="the managed Mosquitto (default), or mqtt://user:pass@host:port "
                        "(mqtts:// for TLS); leave the password out of the URL to take it "
                        "from $PUSH_STUDIO_BROKER_PASSWORD, unseen by ps")
    p.add_argument("--mosquitto", metavar="PATH", help="the mosquitto binary to manage")
    p.set_defaults(run=lambda args: _run(args, simulators, crowd))


def _run(args: argparse.Namespace, simulators: Callable[[], Any] | None,
         crowd: Callable[..., Any] | None = None) -> int:
    host, _, port = args.http.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        print_err(f"serve: --http {args.http!r} is not HOST:PORT, e.g. 127.0.0.1:8470")
        return UNUSABLE
    if host not in ("127.0.0.1", "localhost", "::1"):
        print_err(f"serve: warning: the API listens on {host}, beyond this machine; anyone "
                  "who can reach it and has the token can send events and read deliveries")
    try:
        args.external = parse_broker(args.broker, os.environ)
    except ValueError as error:
        print_err(f"serve: {error}")
        return UNUSABLE
    try:
        return asyncio.run(serve(args, host, int(port), simulators, crowd))
    except OSError as error:
        print_err(f"serve: cannot listen on {args.http}: {error.strerror or error} — pick "
                  "another with --http 127.0.0.1:0 (any free port)")
        return UNUSABLE


async def serve(args: argparse.Namespace, host: str, port: int,
                simulators: Callable[[], Any] | None,
                crowd: Callable[..., Any] | None = None) -> int:
    # Signals are ours from the start: a SIGTERM right after the ready line (a supervisor,
    # a test) must find the handler in place, not kill the process mid-way.
    stop = _stop_on_signals()
    options = Options(db_path=args.db_path, data_dir=args.data_dir, http_host=host,
                      http_port=port, mqtt_port=args.mqtt_port, external=args.external,
                      mosquitto=args.mosquitto)
    platform = await Platform(options, simulators=simulators, crowd=crowd,
                              warn=lambda text: print_err(f"serve: {text}")).start()
    try:
        print(json.dumps(platform.ready()), flush=True)
        await stop.wait()
        log.info("stopping")
    finally:
        await platform.stop()
    print(json.dumps({"event": "stopped"}), flush=True)
    return 0


def _stop_on_signals() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM. (Windows has no add_signal_handler: there Ctrl+C
    raises KeyboardInterrupt instead.)"""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop
