"""The 1001 record on the wire: ``ImGroupSendMsgSync`` as protobuf, and its JSON form.

The spec gives ``ImGroupSendMsgSync`` as a Go struct generated from a .proto (field numbers
and json tags); ``NotifyRepairStatus`` only as a Go struct with json tags. The descriptors are
built here with the ``protobuf`` package (no generated code in the tree); ``proto_text()``
writes the equivalent .proto for integrators (``GET /api/im/proto``).

Field names are the spec's json tags, "PreOffset" and "AppId" capitals included, so the JSON
form reads as the Go server's would: ``encoding/json`` on that struct — ``omitempty`` drops
zero values, int64 stays a number, and ``content`` ([]byte) is base64, which is also
protobuf's JSON mapping for bytes. ``NotifyRepairStatus`` and its Order / OrderStatus have no
field numbers in the spec: ours are below, and documented in docs/im.md.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.message import DecodeError, Message
from google.protobuf.message_factory import GetMessageClass

PACKAGE = "sktalent.im"
_T = descriptor_pb2.FieldDescriptorProto
_TYPES = {"int64": _T.TYPE_INT64, "int32": _T.TYPE_INT32, "bytes": _T.TYPE_BYTES,
          "string": _T.TYPE_STRING}

#: ImGroupSendMsgSync, exactly as the spec numbers it.
SYNC_FIELDS: tuple[tuple[str, int, str], ...] = (
    ("offset", 1, "int64"), ("nextOffset", 2, "int64"), ("fromUID", 3, "int64"),
    ("toGroupid", 4, "int64"), ("timestamp", 5, "int32"), ("msgid", 6, "int32"),
    ("len", 7, "int32"), ("msgType", 8, "int32"), ("msgFlag", 9, "int32"),
    ("PreOffset", 10, "int64"), ("toUID", 11, "int64"), ("content", 12, "bytes"),
    ("AppId", 13, "int32"), ("contentIsPB", 14, "int32"), ("chatSeq", 15, "int32"),
    ("endpoint", 16, "string"), ("ackChatSeq", 17, "int32"), ("msgUUID", 18, "int64"),
)
#: Ours: the spec gives these as JSON only.
ORDER_FIELDS: tuple[tuple[str, int, str], ...] = (
    ("order_id", 1, "string"), ("order_code", 2, "string"), ("data_area", 3, "string"),
    ("template_name", 4, "string"), ("busi_type_name", 5, "string"),
    ("community_id", 6, "string"), ("house_info", 7, "string"), ("address", 8, "string"),
    ("remark", 9, "string"), ("contact_user_id", 10, "string"),
    ("contact_name", 11, "string"), ("contact_tel", 12, "string"),
    ("create_date", 13, "string"),
)
STATUS_FIELDS: tuple[tuple[str, int, str], ...] = (
    ("change_id", 1, "string"), ("status", 2, "string"), ("status_name", 3, "string"),
    ("track_id", 4, "string"), ("track_code", 5, "string"), ("track_name", 6, "string"),
    ("track_info", 7, "string"), ("handler_id", 8, "string"), ("handler_name", 9, "string"),
    ("time", 10, "string"), ("event_id", 11, "int64"),
)
NOTIFY_FIELDS: tuple[tuple[str, int, str], ...] = (
    ("msg_type", 1, "string"), ("eosno", 2, "string"), ("order", 3, "Order"),
    ("order_status", 4, "OrderStatus"),
)
MESSAGES = {"ImGroupSendMsgSync": SYNC_FIELDS, "Order": ORDER_FIELDS,
            "OrderStatus": STATUS_FIELDS, "NotifyRepairStatus": NOTIFY_FIELDS}


def _build() -> dict[str, type[Message]]:
    file = descriptor_pb2.FileDescriptorProto(name="sktalent_im.proto", package=PACKAGE,
                                              syntax="proto3")
    for name, fields in MESSAGES.items():
        message = file.message_type.add(name=name)
        for field_name, number, kind in fields:
            field = message.field.add(name=field_name, number=number, json_name=field_name,
                                      label=_T.LABEL_OPTIONAL)
            if kind in _TYPES:
                field.type = _TYPES[kind]
            else:
                field.type = _T.TYPE_MESSAGE
                field.type_name = f".{PACKAGE}.{kind}"
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    return {name: GetMessageClass(pool.FindMessageTypeByName(f"{PACKAGE}.{name}"))
            for name in MESSAGES}


CLASSES = _build()
ImGroupSendMsgSync = CLASSES["ImGroupSendMsgSync"]
NotifyRepairStatus = CLASSES["NotifyRepairStatus"]


def proto_text() -> str:
    """The .proto these descriptors amount to."""
    lines = ['syntax = "proto3";', f"package {PACKAGE};", ""]
    for name, fields in MESSAGES.items():
        lines.append(f"message {name} {{")
        lines += [f"  {kind} {field_name} = {number};" for field_name, number, kind in fields]
        lines += ["}", ""]
    return "\n".join(lines)


def sync_json(record: dict[str, Any]) -> dict[str, Any]:
    """A record as the Go server's encoding/json writes it: zero values left out (omitempty),
    numbers as numbers, ``content`` as base64."""
    out: dict[str, Any] = {}
    for name, _, kind in SYNC_FIELDS:
        value = record.get(name)
        if not value:
            continue
        out[name] = base64.b64encode(value).decode() if kind == "bytes" else value
    return out


def sync_binary(record: dict[str, Any]) -> bytes:
    return ImGroupSendMsgSync(**{k: v for k, v in record.items() if v}).SerializeToString()


def notify_binary(notify: dict[str, Any]) -> bytes:
    return NotifyRepairStatus(
        msg_type=notify["msg_type"], eosno=notify["eosno"],
        order=CLASSES["Order"](**notify["order"]),
        order_status=CLASSES["OrderStatus"](**notify["order_status"])).SerializeToString()


def decode_sync(data: bytes) -> dict[str, Any]:
    """Binary or JSON 1001 record → the dict form (``content`` as bytes); ValueError if it is
    neither."""
    if data[:1] == b"{":
        doc = json.loads(data)
        if "content" in doc:
            doc["content"] = base64.b64decode(doc["content"])
        return doc
    message = ImGroupSendMsgSync()
    try:
        message.ParseFromString(data)
    except DecodeError as error:
        raise ValueError(f"not an ImGroupSendMsgSync: {error}") from None
    return {name: getattr(message, name) for name, _, _ in SYNC_FIELDS
            if getattr(message, name)}


def decode_notify(content: bytes, is_pb: bool) -> dict[str, Any]:
    """The NotifyRepairStatus inside a record's content."""
    if not is_pb:
        return json.loads(content)
    message = NotifyRepairStatus()
    message.ParseFromString(content)
    return {"msg_type": message.msg_type, "eosno": message.eosno,
            "order": {n: getattr(message.order, n) for n, _, _ in ORDER_FIELDS},
            "order_status": {n: getattr(message.order_status, n) for n, _, _ in STATUS_FIELDS}}
