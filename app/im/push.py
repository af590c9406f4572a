"""The mobile push an offline user gets, as the Umeng gateway would receive it (spec §3, §6).

One record per push: alias = userID with alias type ``calltalent``; tags = channel, version
and ``expert`` or ``user``; the payload exactly as the spec shapes it for the user's platform:

- iOS: ``{action, o_id | note_id, status, alert}`` (actions order_chat, order, note, webview);
- Android: ``body {ticker, title, text, play_vibrate, play_lights, play_sound, after_open,
  activity | url}`` + ``extra {o_id, status, note_id}``.

Decisions where the spec is silent: ``feedback`` and ``expert`` have no push format, so they
get none (and the record says so); a 1001 work-order notification is pushed as an ``order``
push with the work order's id and status; Android's ``activity`` is "待客户端定" (the client
decides) and is sent empty. A ``rich_message`` (POST /orgs/{org_id}/messages, app.im.rich)
has no push format either, but its request carries the push text itself: ``apns_summary``
becomes the iOS ``alert`` and the Android ``body.text`` (the ticker stays the common one), with
action ``rich_message`` and the message's ``org_id`` and ``app_id`` as its ids (strings).
"""

from __future__ import annotations

from typing import Any

from app.im.protocol import NOTE_STATUSES, ORDER_STATUSES
from app.im.users import ImUser

ALIAS_TYPE = "calltalent"
TICKER = "问答CallTalent，您有一条新消息！"
TITLE = "问答CallTalent"


def push_for(user: ImUser, message: dict[str, Any]) -> dict[str, Any] | None:
    """The push for ``message`` (an IM envelope, or ``{"type": "repair", ...}`` for a 1001
    record); None when the spec defines no push for its type."""
    kind, payload = message.get("type"), message.get("payload") or {}
    if kind == "order_chat":
        fields = {"o_id": payload.get("o_id"), "alert": payload.get("content", "")}
    elif kind == "order":
        status = payload.get("status")
        fields = {"o_id": payload.get("o_id"), "status": status,
                  "alert": ORDER_STATUSES.get(status, ("", ""))[1]}
    elif kind == "note":
        status = payload.get("status")
        fields = {"note_id": payload.get("note_id"), "status": status,
                  "alert": NOTE_STATUSES.get(status, ("", ""))[1]}
    elif kind == "repair":  # a 1001 work-order record: pushed as an order notification
        kind = "order"
        fields = {"o_id": payload.get("o_id"), "status": payload.get("status"),
                  "alert": payload.get("alert", "")}
    elif kind == "rich_message":  # the request says what to push: apns推送内容
        # Ids as strings, like the spec's o_id and note_id: Umeng's Android extra is a map of
        # strings.
        chat = payload.get("chat") or {}
        fields = {"org_id": str(payload.get("org_id")), "app_id": str(payload.get("app_id")),
                  "alert": chat.get("apns_summary", "")}
    elif kind == "webview":
        fields = {"url": payload.get("url", "")}
    else:
        return None
    body = ios(kind, fields) if user.platform == "ios" else android(kind, fields)
    return {"userID": user.user_id, "platform": user.platform, "alias": user.user_id,
            "aliasType": ALIAS_TYPE, "tags": user.push_tags(), "payload": body}


def ios(action: str, fields: dict[str, Any]) -> dict[str, Any]:
    return {"action": action, **fields}


def android(action: str, fields: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"ticker": TICKER, "title": TITLE,
                            "text": fields.get("alert", ""), "play_vibrate": "true",
                            "play_lights": "true", "play_sound": "true"}
    if action == "webview":
        body.update(after_open="go_url", url=fields["url"])
        return {"body": body, "extra": {}}
    body.update(after_open="go_activity", activity="")
    extra = {k: fields[k] for k in ("o_id", "status", "note_id", "org_id", "app_id")
             if k in fields}
    return {"body": body, "extra": extra}
