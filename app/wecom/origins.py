"""Where a work order came from, when it came from WeCom: the customer messages it was opened
from, in the shape the order's timeline shows them (``Timeline.origins``)."""

from __future__ import annotations

import json
from typing import Any, Protocol


class LinkStore(Protocol):
    def wecom_links(self, service_order_id: str) -> list[dict[str, Any]]: ...


def origins(store: LinkStore, service_order_id: str) -> list[dict[str, Any]]:
    """``[{kind: "wecom", msgid, externalUserId, openKfid, servicerUserId, content,
    sendTime, eventId, linkedAt}]``, oldest first; [] for an order not opened from a chat."""
    return [origin_json(row) for row in store.wecom_links(service_order_id)]


def origin_json(row: dict[str, Any]) -> dict[str, Any]:
    try:
        item = json.loads(row["item"])
        text = item.get("text") if isinstance(item, dict) else None
        content = text.get("content", "") if isinstance(text, dict) else ""
    except ValueError:  # stored as it came; only valid items are stored, but say "" not fail
        content = ""
    return {"kind": "wecom", "msgid": row["msgid"], "externalUserId": row["external_userid"],
            "openKfid": row["open_kfid"], "servicerUserId": row["servicer_userid"],
            "content": content, "sendTime": row["send_time"], "eventId": row["event_id"],
            "linkedAt": row["linked_at"]}
