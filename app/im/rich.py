"""A rich-text message (``POST /orgs/{org_id}/messages``) as the IM envelope that carries it.

The document says what the request looks like (app.catalog.rich) but not how the receiver
gets it. Ours, on ``$sktalent/clients/<userID>`` like every IM message (spec/mqtt-im-protocol.md
§2)::

    {"msgid": "<ObjectId>", "from": "server", "to": "<userID>", "type": "rich_message",
     "payload": {"org_id": 123, "app_id": 100, "chat": {content, apns_summary, type}, "t": "…"}}

- ``type`` is ``rich_message``: the protocol's types name what a message is about
  (``order_chat``, ``note``); none of them fits, and a client must be able to tell it apart.
- ``from`` is ``server``, as for every message the server makes itself (docs/im.md); the
  sending application is ``payload.app_id``.
- ``payload.chat`` is the request's ``body.chat`` exactly as sent: content is free-form.
- ``payload.org_id`` is the URL's :org_id, the receiver's organisation (the body has none);
  it and ``app_id`` are whole numbers (``100.0`` goes as ``100``).
- ``payload.t`` is the time the server took the message, Unix milliseconds as a string, as
  the server adds to a forwarded chat (§4).

Sans-io: a validated request in, the ``Send`` out; app.im.service publishes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.catalog.rich import whole
from app.im.msgid import new_msgid
from app.im.protocol import SERVER, Send

RICH_MESSAGE = "rich_message"


def rich_message(user_id: str, org_id: int, request: Mapping[str, Any], now: float) -> Send:
    """The message for ``user_id``. ``request`` must have passed app.catalog.rich's strict
    reading (``body.chat`` an object, ``app_id`` a number)."""
    chat = request["body"]["chat"]
    payload = {"org_id": org_id, "app_id": whole(request["app_id"]), "chat": chat,
               "t": str(int(now * 1000))}
    return Send(user_id, {"msgid": new_msgid(now), "from": SERVER, "to": user_id,
                          "type": RICH_MESSAGE, "payload": payload}, "rich")
