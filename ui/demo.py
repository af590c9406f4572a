"""A small, realistic world for demos and screenshots, built on a running platform through
its public objects: four subscriber systems that behave differently, one work order's life
from the catalogue's strict samples, another from the spec's own (imperfect) examples, IM
users chatting, and an offline push.

Everything here is what a user could do by hand in the window or through the API.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from app.catalog import samples
from app.catalog.findings import Mode
from app.catalog.workorder import EXAMPLES_DIR

if TYPE_CHECKING:
    from app.platform import Platform

#: One order's life, strict-valid: created, dispatched, urged, handled, closed, rated.
LIFE = ("1", "5", "6", "2", "3", "4")
#: The spec's examples of order 4503599741262320, which lack its creation: a timeline with
#: something to flag.
SPEC_ORDER = ("2", "10", "7", "3", "4")


async def build(platform: Platform, *, users: int = 6) -> dict[str, Any]:
    """Populate the platform; returns what was made (for captions and tests)."""
    from simulator.subscribers import Behaviour  # the demo drives the simulator it ships

    engine, sims = platform.engine, platform.sims
    made: dict[str, Any] = {"subscriptions": [], "events": [], "users": [], "orders": []}
    if sims is not None:
        systems = (("HRZ", "恒瑞智物业", Behaviour(latency=0.02)),
                   ("WYGJ", "物业管家", Behaviour(statuses=[500, 503], latency=0.05)),
                   ("OLDCRM", "旧客服系统", Behaviour(status=410)))
        for code, name, behaviour in systems:
            sim = sims.add(code.lower(), behaviour)  # type: ignore[attr-defined]
            await engine.put_subscription({
                "baseCode": code, "name": name, "callbackUrl": sim.url,
                "dataAreas": ["fwwt"], "changeIds": list(LIFE + SPEC_ORDER),
                "retrySchedule": [0.5, 1], "dataEncoding": "object"})
            made["subscriptions"].append(code)
    await engine.put_subscription({"baseCode": "BIDATA", "name": "数据中台 (MQ)",
                                   "dataAreas": ["*"], "changeIds": ["1", "2", "3"]})
    made["subscriptions"].append("BIDATA")
    bodies = [(samples.sample(cid), cid, "compose", None) for cid in LIFE] + [
        (json.loads((EXAMPLES_DIR / f"changeId-{cid}.json").read_text("utf-8")), cid, "api",
         Mode.LENIENT) for cid in SPEC_ORDER]
    for data, cid, source, mode in bodies:
        result = await engine.submit(envelope(data, cid), source=source, mode=mode)
        made["events"].append(result.to_json())
        if data["serviceOrderId"] not in made["orders"]:
            made["orders"].append(data["serviceOrderId"])
    phones = platform.phones
    if phones is not None and users:
        crowd = await phones.create({"count": users, "prefix": "demo"})
        ids = [u["userID"] for u in crowd]
        made["users"] = ids
        if len(ids) >= 3:
            await phones.act(ids[0], "chat", {"to": ids[1], "content": "师傅几点到？"})
            await phones.act(ids[2], "offline", {})
            await phones.act(ids[0], "chat", {"to": ids[2], "content": "在吗？"})
    return made


def envelope(data: dict[str, Any], change_id: str, data_area: str = "fwwt") -> dict[str, Any]:
    return {"baseCode": "", "dataArea": data_area, "changeId": change_id, "data": data}
