"""``python main.py catalog [--family F] [TYPE] [--json]``: the message catalogue as the spec
gives it — work-order changeIds by default; ``--family org`` (organisation pushes), ``wecom``
(WeCom sync messages) or ``rich`` (the rich-message API) for the other families."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from app.catalog import default_catalog
from app.catalog.model import Family, Field, MessageType
from app.cli import OK, UNUSABLE, print_err


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("catalog", help="list every changeId and its fields",
                       description=__doc__)
    p.add_argument("change_id", nargs="?", metavar="TYPE",
                   help="show the fields of one changeId (or of one type of --family) only")
    p.add_argument("--family", default="workorder",
                   help="workorder (default), org, wecom or rich")
    p.add_argument("--json", action="store_true", help="the whole catalogue as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    catalog = default_catalog()
    family = catalog.families.get(args.family)
    if family is None:
        print_err(f"catalog: --family {args.family!r} is not a family; one of "
                  + ", ".join(catalog.families))
        return UNUSABLE
    if family.id != "workorder":
        return _other(family, args)
    types = family.types
    if args.change_id is not None:
        mt = catalog.change(args.change_id)
        if mt is None:
            print_err(f"catalog: {args.change_id!r} is not a changeId; one of "
                      + ", ".join(family.type_ids))
            return UNUSABLE
        types = (mt,)
    if args.json:
        out = [family_json(f) for f in catalog.families.values()]
        if args.change_id is not None:
            out = [type_json(types[0])]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return OK
    if args.change_id is None:
        print(f"{family.zh} · {family.en}  ({family.source})\n")
        for mt in types:
            flag = "" if mt.supported else "   [not supported by the platform / 暂不支持]"
            print(f"  changeId {mt.id:>2}  {mt.zh} · {mt.en}  ({mt.category}, "
                  f"{len(mt.fields)} fields){flag}")
        print("\nexamples:")
        for ex in family.examples:
            print(f"  {ex.id:<22} {ex.title}")
        print("\n`python main.py catalog N` shows the fields of changeId N.")
        return OK
    _print_type(types[0])
    return OK


def _other(family: Family, args: argparse.Namespace) -> int:
    """Another family: its types, or one type's fields."""
    if args.change_id is not None and args.change_id not in family.by_id:
        print_err(f"catalog: {args.change_id!r} is not a type of {family.en}; one of "
                  + ", ".join(family.type_ids))
        return UNUSABLE
    if args.json:
        out: Any = (type_json(family.by_id[args.change_id]) if args.change_id
                    else family_json(family))
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return OK
    if args.change_id is None:
        print(f"{family.zh} · {family.en}  ({family.source})\n")
        width = max(len(t.id) for t in family.types)
        for mt in family.types:
            shape = ", a list of them" if mt.body == "list" else ""
            count = f"{len(mt.fields)} field{'s' if len(mt.fields) != 1 else ''}"
            print(f"  {mt.id:>{width}}  {mt.zh} · {mt.en}  ({count}{shape})")
        print("\nexamples:")
        for ex in family.examples:
            print(f"  {ex.id:<24} {ex.title}")
        print(f"\n`python main.py catalog --family {family.id} TYPE` shows a type's fields.")
        return OK
    mt = family.by_id[args.change_id]
    print(f"{family.en} {mt.id} {mt.zh} · {mt.en}"
          + (" — the body is a list of these" if mt.body == "list" else ""))
    for quirk in mt.quirks:
        print(f"  quirk: {quirk}")
    print()
    _print_fields(mt.fields, "  ")
    return OK


def _print_type(mt: MessageType) -> None:
    flag = "" if mt.supported else "  — NOT SUPPORTED by the platform (暂不支持)"
    print(f"changeId {mt.id} {mt.zh} · {mt.en}{flag}")
    if mt.description_zh:
        print(f"  {mt.description_zh}")
    for quirk in mt.quirks:
        print(f"  quirk: {quirk}")
    print()
    _print_fields(mt.fields, "  ")


def _print_fields(fields: tuple[Field, ...], indent: str) -> None:
    for f in fields:
        req = "Y" if f.required else "N"
        extra = " time" if f.time else ""
        print(f"{indent}{f.name:<20} {f.spec_type or '-':<7} {req}{extra:<5} {f.short_zh} · "
              f"{f.en}")
        if f.enum is not None:
            print(f"{indent}{'':<20} values: {f.enum.describe()}")
        for quirk in f.quirks:
            print(f"{indent}{'':<20} quirk: {quirk}")
        if f.items:
            _print_fields(f.items, indent + "    ")


def field_json(f: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"name": f.name, "type": str(f.type), "specType": f.spec_type,
                           "required": f.required, "zh": f.zh, "en": f.en}
    if f.time:
        out["time"] = "yyyyMMddHHmmss"
    if f.enum is not None:
        out["enum"] = {"name": f.enum.name,
                       "values": [asdict(v) for v in f.enum.values]}
    if f.also:
        out["alsoAccepted"] = sorted(str(t) for t in f.also)
    if f.essential:
        out["essential"] = True
    if f.quirks:
        out["quirks"] = list(f.quirks)
    if f.items:
        out["items"] = [field_json(i) for i in f.items]
    return out


def type_json(mt: MessageType) -> dict[str, Any]:
    return {"family": mt.family, "id": mt.id, "zh": mt.zh, "en": mt.en,
            "category": mt.category, "supported": mt.supported,
            "descriptionZh": mt.description_zh, "descriptionEn": mt.description_en,
            "quirks": list(mt.quirks), "fields": [field_json(f) for f in mt.fields]}


def family_json(family: Family) -> dict[str, Any]:
    return {"id": family.id, "zh": family.zh, "en": family.en, "source": family.source,
            "types": [type_json(t) for t in family.types],
            "examples": [{"id": e.id, "title": e.title, "kind": e.kind,
                          "changeId": e.message_type, "path": e.path,
                          "repairs": list(e.repairs), "note": e.note}
                         for e in family.examples]}
