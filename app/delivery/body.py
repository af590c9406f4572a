"""The callback body ``{baseCode, dataArea, changeId, data}`` as bytes on the wire.

``data`` is the event's data as a JSON string (the spec's table: "String (json字符串)", our
default) or embedded as an object (what the spec's examples show), per subscription.
``baseCode`` is marked 已失效 (deprecated) in the spec: it is sent as "" unless the
subscription asks for its code. The bytes are built once per delivery and never re-encoded,
because the signature is over exactly these bytes.
"""

from __future__ import annotations

from app import json_codec
from app.routing.topics import ORG_PREFIX


def callback_body(*, base_code: str, data_area: str, change_id: str, data_json: str,
                  encoding: str = "string", send_base_code: bool = False) -> bytes:
    """The body a subscriber receives for one delivery.

    An organisation push (routing key ``org:<type>``) is its own envelope
    ``{body, created_at, org_id, operator, type}``: stored whole, sent exactly as accepted.
    """
    if change_id.startswith(ORG_PREFIX):
        return data_json.encode()
    head = json_codec.dumps({"baseCode": base_code if send_base_code else "",
                             "dataArea": data_area, "changeId": change_id})
    data = data_json if encoding == "object" else json_codec.dumps(data_json)
    # Splice "data" in as text: the stored JSON goes out exactly as it was accepted.
    return f'{head[:-1]},"data":{data}}}'.encode()
