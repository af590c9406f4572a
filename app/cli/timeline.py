"""``python main.py timeline ORDER [--json]``: one work order's story from the stored events.

ORDER is a serviceOrderId; when none matches exactly, it is looked up by order code, contact
id or contact name, and the matches are listed.
"""

from __future__ import annotations

import argparse
import json

from app.catalog.workorder import OVER_TYPE
from app.cli import INVALID, OK, print_err
from app.engine import Engine
from app.timeline import Timeline


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("timeline", help="one work order's story, with anomalies flagged",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("order", metavar="ORDER", help="serviceOrderId, or part of a code or contact")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Engine(args.db_path).open(writable=False) as engine:
        timeline = engine.timeline(args.order)
        matches = [] if timeline else engine.store.find_orders(args.order)
        if timeline is None and len(matches) == 1:
            timeline = engine.timeline(matches[0]["service_order_id"])
    if timeline is not None:
        if args.json:
            print(json.dumps(timeline.to_json(), ensure_ascii=False, indent=2))
        else:
            _print(timeline)
        return OK
    if matches:
        print(f"{len(matches)} orders match {args.order!r}:")
        for o in matches:
            print(f"  {o['service_order_id']}  {o['service_order_code'] or ''}  "
                  f"{o['contact_name'] or ''} ({o['contact_user_id'] or '-'}), "
                  f"{o['event_count']} events")
        return OK
    print_err(f"timeline: no order matches {args.order!r} in {args.db_path}")
    return INVALID


def _print(t: Timeline) -> None:
    how = (f"{OVER_TYPE.meaning(t.over_type)} {OVER_TYPE.meaning(t.over_type, 'zh')}"
           if t.over_type in OVER_TYPE.codes else f"overType {t.over_type}")
    state = "open" if t.over_type is None else f"ended {t.ended_at}, {how}"
    contact = " ".join(v for v in (t.contact.get("name"), t.contact.get("userId")) if v)
    print(f"order {t.service_order_id} {t.service_order_code}  created {t.created_at or '?'}  "
          f"contact {contact or '?'}  {state}")
    print("\ntracks:")
    for track in t.tracks or ():
        handled = (f"handled {track.handled_at} by {track.handled_by}" if track.handled_at
                   else "not handled")
        print(f"  {track.track_name or track.track_code:<6} {track.track_id}  generated "
              f"{track.generated_at or '?'} for {', '.join(track.handlers) or '?'}; {handled}")
    for hang in t.hangs:
        steps = " → ".join(s for s, _, _ in hang.transitions)
        print(f"  hang on {hang.track_id}: {hang.start or hang.requested_at} → "
              f"{hang.end or 'still hung'} (hangStatus {steps})")
    print("\nevents:")
    for e in t.events:
        badges = " ".join(f"[{d['baseCode']}:{d['status']}]" for d in e.deliveries)
        print(f"  #{e.event_id:<5} {e.time}  changeId {e.change_id:<2}  {e.summary}  {badges}")
    if t.anomalies:
        print("\nanomalies:")
        for a in t.anomalies:
            print(f"  ! event {a.event_id}: {a.message}\n    {a.message_zh}")
