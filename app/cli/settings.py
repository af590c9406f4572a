"""``python main.py settings [NAME VALUE]``: the engine's settings, kept in the database.

    allow-unsupported  on|off          accept changeId 8 督办 (暂不支持) for a test
    validation-mode    lenient|strict  how accepted events are read (send, the API)
"""

from __future__ import annotations

import argparse
import asyncio

from app.catalog.findings import Mode
from app.cli import OK, UNUSABLE, print_err
from app.engine import Engine

_SWITCH = {"on": True, "off": False, "true": True, "false": False}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="show or change engine settings",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", nargs="?", choices=["allow-unsupported", "validation-mode"])
    p.add_argument("value", nargs="?", help="on|off, or lenient|strict")
    p.set_defaults(run=lambda args: asyncio.run(_run(args)))


async def _run(args: argparse.Namespace) -> int:
    with Engine(args.db_path).open() as engine:
        if args.name is not None:
            if args.value is None:
                print_err(f"settings: give a value for {args.name}")
                return UNUSABLE
            value = args.value.lower()
            if args.name == "allow-unsupported":
                if value not in _SWITCH:
                    print_err(f"settings: allow-unsupported is on or off, not {args.value!r}")
                    return UNUSABLE
                await engine.set_allow_unsupported(_SWITCH[value])
            else:
                if value not in {m.value for m in Mode}:
                    print_err(f"settings: validation-mode is lenient or strict, not "
                              f"{args.value!r}")
                    return UNUSABLE
                await engine.set_validation_mode(Mode(value))
        s = engine.settings
        print(f"allow-unsupported  {'on' if s.allow_unsupported else 'off'}")
        print(f"validation-mode    {s.validation_mode}")
    return OK
