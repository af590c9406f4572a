"""Who the IM server told about each of an order's events, and who got a mobile push for it.

The timeline's badges: a work-order event notifies the app users it concerns with a 1001
record (``repair_status_changed``, app.im.repair); an offline user is also pushed. The IM log
and the pushes table are kept per user, so this reads, for each user the order concerns, that
user's latest ``limit`` log rows and pushes — bounded however busy the users are — and matches
each notification to its event by the ``event_id`` the notification carries.

A push carries no msgid, so it is matched to the queued notification it was made for: same
user, same order, recorded within ``PUSH_WINDOW`` seconds of it (both are stamped by the same
clock, one right after the other).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any

from app.im import repair, wire

#: Log rows and pushes read per user at most.
LIMIT = 500
#: Users of one order considered at most (an order concerns a handful).
MAX_USERS = 50
#: Seconds between a queued notification and the push made for it, at most.
PUSH_WINDOW = 2.0


def order_users(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """The app users an order's events concern (app.im.repair.receivers), contact first."""
    events = list(events)
    creation = next((e["data"] for e in events if e["change_id"] == "1"
                     and isinstance(e["data"], dict)), None)
    contact = repair.contact_of(creation)
    users: dict[str, None] = {}
    for event in events:
        data = event["data"] if isinstance(event["data"], dict) else {}
        for user_id, _ in repair.receivers(event["change_id"], data, contact):
            users.setdefault(user_id)
            if len(users) >= MAX_USERS:
                return list(users)
    return list(users)


def decode(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The NotifyRepairStatus inside one logged 1001 record (JSON or protobuf); None when the
    row is not one or cannot be read."""
    if row.get("type") != repair.MSG_TYPE or row.get("direction") != "out":
        return None
    try:
        raw = base64.b64decode(row["body"]) if row.get("binary") else row["body"].encode()
        record = wire.decode_sync(raw)
        content = record.get("content")
        if not isinstance(content, bytes | bytearray):
            return None
        notify = wire.decode_notify(bytes(content), bool(record.get("contentIsPB")))
    except Exception:  # protobuf raises its own DecodeError; one bad row must not stop a draw
        return None
    return notify if isinstance(notify, dict) and isinstance(notify.get("order"), dict) \
        and isinstance(notify.get("order_status"), dict) else None


def _order_of_push(push: Mapping[str, Any]) -> str | None:
    payload = push.get("payload") or {}
    extra = payload.get("extra") if isinstance(payload.get("extra"), dict) else payload
    order = extra.get("o_id") if isinstance(extra, dict) else None
    return order if isinstance(order, str) else None


def notices(store: Any, service_order_id: str, *, limit: int = LIMIT,
            events: Iterable[Mapping[str, Any]] | None = None
            ) -> dict[int, list[dict[str, Any]]]:
    """Event id → the notifications sent for it: ``{"userId", "status"`` (sent: the user was
    online; queued: the broker holds it), ``"msgid", "at", "push"`` (the push made for it,
    or None)``}``, in the order they were sent. ``events``: the order's events when the
    caller has read them already (``store.events_for_order``)."""
    users = order_users(store.events_for_order(service_order_id) if events is None
                        else events)
    out: dict[int, list[dict[str, Any]]] = {}
    for user_id in users:
        pushes = [p for p in store.pushes(user_id=user_id, limit=limit)
                  if _order_of_push(p) == service_order_id]
        for row in reversed(store.im_messages(user_id=user_id, limit=limit)):
            notify = decode(row)
            if notify is None or notify["order"].get("order_id") != service_order_id:
                continue
            event_id = notify["order_status"].get("event_id")
            if not isinstance(event_id, int) or not event_id:
                continue
            push = None
            if row["status"] == "queued":
                push = next((p for p in pushes if abs(p["at"] - row["at"]) <= PUSH_WINDOW),
                            None)
                if push is not None:
                    pushes.remove(push)  # one push per notification
            out.setdefault(event_id, []).append({
                "userId": user_id, "status": row["status"], "msgid": row["msgid"],
                "at": row["at"], "statusName": notify["order_status"].get("status_name", ""),
                "push": push})
    return out
