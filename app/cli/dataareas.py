"""``python main.py data-areas list|add|remove``: the data-area catalogue (数据域编码)."""

from __future__ import annotations

import argparse
import asyncio

from app.cli import INVALID, OK, print_err
from app.engine import Engine
from app.routing.dataareas import DataAreaError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data-areas", help="list, add or remove data areas (template categories)",
                       description=__doc__)
    verbs = p.add_subparsers(dest="verb", required=True)
    verbs.add_parser("list", help="the catalogue")
    add = verbs.add_parser("add", help="add a data area, or rename one")
    add.add_argument("code", help="the template category code, e.g. fwwt")
    add.add_argument("name", nargs="?", default="", help="its name, e.g. 房屋问题")
    rm = verbs.add_parser("remove", help="remove one")
    rm.add_argument("code")
    p.set_defaults(run=lambda args: asyncio.run(_run(args)))


async def _run(args: argparse.Namespace) -> int:
    with Engine(args.db_path).open() as engine:
        if args.verb == "add":
            try:
                area = await engine.put_data_area({"code": args.code, "name": args.name})
            except DataAreaError as error:
                for f in error.findings:
                    print_err(f"data-areas add: {f.path}: {f.message}"
                              + (f" — hint: {f.hint}" if f.hint else ""))
                return INVALID
            print(f"saved {area.code} {area.name}")
        elif args.verb == "remove":
            if not await engine.delete_data_area(args.code):
                print_err(f"data-areas remove: no data area {args.code!r}")
                return INVALID
            print(f"removed {args.code}")
        else:
            for area in engine.data_areas.values():
                print(f"{area.code:<16} {area.name}")
    return OK
