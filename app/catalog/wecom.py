"""The WeCom customer-service (微信客服) sync-message family of spec/wecom-kf-syncmsg.txt, as data.

The document is a Go SDK's reference: struct definitions with json tags and Chinese comments,
and no JSON at all. Each message type (text, image … miniprogram) and each event
(enter_session … session_status_change) is one MessageType, keyed by its ``msgtype`` or, for
``msgtype`` "event", by its ``event.event_type``. Its fields are the struct's: the BaseMessage
fields every item has, ``msgtype``, and the typed object (``text: {content, menu_id}``,
``event: {event_type, …}``). Descriptions are the Go comments as written, with English beside.

Numbers: uint32/uint64 are NUMBER with ``integer``; float32 (latitude, longitude) NUMBER.
Required: Go's tags have no ``omitempty`` and the document marks nothing optional, so
``required`` is our reading of the comments — a field the document describes unconditionally
is required; one it says is only sometimes there (menu_id, welcome_code, msg_code, the
old/new servicer) is not. Strict mode holds items to that; lenient mode only to the essentials
(msgid, msgtype, event.event_type).

Two forms that are not message types are here too: the Go ``Message`` the SDK hands out
(``MESSAGE``, with the item base64-encoded in ``origin_data``) and the sync_msg response the
items come in (``SYNC_RESPONSE``). ``READER`` recognises and reads all three.

The document's quirks are kept visible in ``quirks``, each once, numbered W1…W10 and listed in
docs/wecom.md. The examples are ours, constructed from the json tags (the document prints none):
resources/examples/wecom/examples.yaml.
"""

from __future__ import annotations

import base64
import binascii
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app import json_codec
from app.catalog.findings import Code, Finding, Mode, Severity, join_path
from app.catalog.model import (
    Enumeration,
    Family,
    Field,
    JsonType,
    MessageType,
    load_examples,
)
from app.catalog.reading import Reading, keys_of
from app.catalog.validation import Check, check_object
from app.catalog.wecom_checks import UNKNOWN_EVENT_CHECKS, UNKNOWN_MESSAGE_CHECKS, WECOM_CHECKS

S, O, A, N = JsonType.STRING, JsonType.OBJECT, JsonType.ARRAY, JsonType.NUMBER  # noqa: E741


_enum = Enumeration.of


ORIGIN = _enum(
    "origin",
    ("3", "微信客户发送的消息", "sent by the WeChat customer"),
    ("4", "系统推送的事件消息", "an event pushed by the system"),
    ("5", "接待人员在企业微信客户端发送的消息", "sent by a servicer from the WeCom client"),
)
FAIL_TYPE = _enum(
    "fail_type",
    ("0", "未知原因", "unknown reason"),
    ("1", "客服账号已删除", "the customer-service account was deleted"),
    ("2", "应用已关闭", "the app was closed"),
    ("4", "会话已过期,超过48小时", "the session expired: over 48 hours"),
    ("5", "会话已关闭", "the session is closed"),
    ("6", "超过5条限制", "over the limit of 5 messages"),
    ("7", "未绑定视频号", "no WeChat Channels account bound"),
    ("8", "主体未验证", "the organisation is not verified"),
    ("9", "未绑定视频号且主体未验证",
     "no Channels account bound and the organisation not verified"),
    ("10", "用户拒收", "the customer refuses messages"),
)
SERVICER_STATUS = _enum(
    "status",
    ("1", "接待中", "receiving customers"),
    ("2", "停止接待", "stopped receiving"),
)
CHANGE_TYPE = _enum(
    "change_type",
    ("1", "从接待池接入会话", "taken from the waiting pool"),
    ("2", "转接会话", "transferred to another servicer"),
    ("3", "结束会话", "ended"),
)
HAS_MORE = _enum(
    "has_more",
    ("0", "没有更多", "no more messages"),
    ("1", "还有更多", "more messages: call again with next_cursor"),
)
ENUMERATIONS = (ORIGIN, FAIL_TYPE, SERVICER_STATUS, CHANGE_TYPE, HAS_MORE)


# --- the BaseMessage fields every item has --------------------------------------------------

_MSGID = Field("msgid", S, True, "消息ID", "message id", essential=True)
_SERVICER = Field(
    "servicer_userid", S, False, "接待客服userID",
    "the servicer's WeCom userid (empty while the session waits in the pool)",
    quirks=("W5: the Go names say Receptionist — ReceptionistUserID, "
            "ReceptionistStatusChangeEvent, Old/NewReceptionistUserID, "
            "GetReceptionistStatusChangeEvent — where the JSON says servicer: servicer_userid, "
            "servicer_status_change, old/new_servicer_userid",))
_SEND_TIME = Field(
    "send_time", N, True, "消息发送时间", "when it was sent, unix seconds", spec_type="uint64",
    integer=True,
    quirks=("W9: the document gives no unit; WeCom sends unix seconds, and a value past the "
            "year 5000 is warned about as milliseconds",))
_ORIGIN = Field(
    "origin", N, True,
    "消息来源。3-微信客户发送的消息 4-系统推送的事件消息 5-接待人员在企业微信客户端发送的消息",
    "where it comes from: 3 the customer, 4 a system event, 5 a servicer", spec_type="uint32",
    integer=True, enum=ORIGIN,
    quirks=("W1: BaseMessage lists origin 3, 4 and 5; the Go Message's comment lists only "
            "3-客户回复的消息 and 4-系统推送的消 息 (with a stray space). All three are accepted",))

_MESSAGE_BASE = (
    _MSGID,
    Field("open_kfid", S, True, "客服帐号ID(msgtype为event,该字段不返回)",
          "the customer-service account id (not returned for events)"),
    Field("external_userid", S, True, "客户UserID(msgtype为event,该字段不返回)",
          "the customer's external userid (not returned for events)"),
    _SERVICER, _SEND_TIME, _ORIGIN,
)
# The same BaseMessage fields as an event carries them: the two ids are not returned at the
# top, the event object holds them.
_EVENT_BASE = (
    _MSGID,
    Field("open_kfid", S, False, "客服帐号ID(msgtype为event,该字段不返回)",
          "the customer-service account id: not returned for events (event.open_kfid is)",
          quirks=("W6: BaseMessage says open_kfid and external_userid are not returned when "
                  "msgtype is event, and the events carry them inside event instead; the Go "
                  "Message's comments for the same two fields drop the note",)),
    Field("external_userid", S, False, "客户UserID(msgtype为event,该字段不返回)",
          "the customer's external userid: not returned for events (event.external_userid "
          "is)"),
    _SERVICER, _SEND_TIME, _ORIGIN,
)


def _msgtype(code: str, en: str) -> Field:
    return Field("msgtype", S, True, f"消息类型,此时固定为:{code}",
                 f"message type, always {code} here", essential=True,
                 enum=_enum("msgtype", (code, f"固定为:{code}", en)))


def _message(type_id: str, zh: str, en: str, go: str, typed: Field, *,
             quirks: tuple[str, ...] = ()) -> MessageType:
    return MessageType(
        family="wecom", id=type_id, zh=zh, en=en, category="message",
        description_zh=f"{go} {zh}", quirks=quirks,
        description_en=f"Go struct {go}, read by Message.Get{go}Message.",
        fields=(*_MESSAGE_BASE, _msgtype(type_id, en), typed))


def _media(name: str, zh: str, media_zh: str) -> Field:
    return Field(name, O, True, zh, f"the {name} message", items=(
        Field("media_id", S, True, media_zh, "media id (download it with the media API)"),))


TEXT = _message("text", "文本消息", "text message", "Text", Field(
    "text", O, True, "文本消息", "the text message", items=(
        Field("content", S, True, "文本内容", "the text"),
        Field("menu_id", S, False, "客户点击菜单消息,触发的回复消息中附带的菜单ID",
              "the menu id, when the customer's reply was a tap on a menu message"),
    )))
IMAGE = _message("image", "图片消息", "image message", "Image",
                 _media("image", "图片消息", "图片文件ID"))
VOICE = _message("voice", "语音消息", "voice message", "Voice",
                 _media("voice", "语音消息", "语音文件ID"))
VIDEO = _message("video", "视频消息", "video message", "Video",
                 _media("video", "视频消息", "文件ID"))
FILE = _message("file", "文件消息", "file message", "File",
                _media("file", "文件消息", "文件ID"))
LOCATION = _message(
    "location", "地理位置消息", "location message", "Location", Field(
        "location", O, True, "地理位置消息", "the location message", items=(
            Field("latitude", N, True, "纬度", "latitude, degrees", spec_type="float32"),
            Field("longitude", N, True, "经度", "longitude, degrees", spec_type="float32"),
            Field("name", S, False, "位置名", "the place's name"),
            Field("address", S, False, "地址详情说明", "the address in full"),
        )),
    quirks=("W3: the comment of GetLocationMessage says 获取文件消息 (get the file message), "
            "copied from GetFileMessage; it returns a Location",))
LINK = _message("link", "链接消息", "link message", "Link", Field(
    "link", O, True, "链接消息", "the link message", items=(
        Field("title", S, True, "标题", "title"),
        Field("desc", S, False, "描述", "description"),
        Field("url", S, True, "点击后跳转的链接", "where a tap leads"),
        Field("pic_url", S, False, "缩略图链接", "thumbnail URL"),
    )))
BUSINESS_CARD = _message("business_card", "名片消息", "business card message", "BusinessCard",
                         Field("business_card", O, True, "名片消息", "the business card",
                               items=(Field("userid", S, True, "名片 userid",
                                            "the userid the card shows"),)))
MINIPROGRAM = _message("miniprogram", "小程序消息", "mini-program message", "MiniProgram", Field(
    "miniprogram", O, True, "小程序消息", "the mini-program card", items=(
        Field("appid", S, True, "小程序appid,必须是关联到企业的小程序应用",
              "the mini program's appid (one linked to the organisation)"),
        Field("title", S, False, "小程序消息标题,最多64个字节,超过会自动截断",
              "the card's title: at most 64 bytes, longer is cut"),
        Field("thumb_media_id", S, False, "小程序消息封面的mediaid,封面图建议尺寸为520*416",
              "media id of the cover (520×416 recommended)"),
        Field("pagepath", S, True, "点击消息卡片后进入的小程序页面路径",
              "the mini-program page a tap opens"),
    )))


# --- events ------------------------------------------------------------------------------------

def _event_type(code: str, en: str) -> Field:
    return Field("event_type", S, True, f"事件类型。此处固定为:{code}",
                 f"event type, always {code} here", essential=True,
                 enum=_enum("event_type", (code, f"固定为:{code}", en)))


_EVENT_KF = Field("open_kfid", S, True, "客服账号ID", "the customer-service account id")
_EVENT_CUSTOMER = Field("external_userid", S, True, "客户UserID",
                        "the customer's external userid")


def _event(type_id: str, zh: str, en: str, go: str, items: tuple[Field, ...], *,
           event_zh: str = "事件消息", description_en: str = "",
           quirks: tuple[str, ...] = ()) -> MessageType:
    return MessageType(
        family="wecom", id=type_id, zh=zh, en=en, category="event",
        description_zh=f"{go} {zh}",
        description_en=f"Go struct {go}, read by Message.Get{go}. {description_en}".strip(),
        quirks=quirks,
        fields=(*_EVENT_BASE, Field("msgtype", S, True, "消息类型,此时固定为:event",
                                    "message type, always event for events", essential=True,
                                    enum=_enum("msgtype", ("event", "固定为:event", "event"))),
                Field("event", O, True, event_zh, "the event",
                      items=(_event_type(type_id, en), *items))))


ENTER_SESSION = _event(
    "enter_session", "用户进入会话事件", "customer entered a session", "EnterSessionEvent", (
        _EVENT_KF, _EVENT_CUSTOMER,
        Field("scene", S, False, "进入会话的场景值,获取客服帐号链接开发者自定义的场景值",
              "the scene: the developer's own value in the account link"),
        Field("scene_param", S, False,
              "进入会话的自定义参数,获取客服帐号链接返回的url,开发者按规范拼接的scene_param参数",
              "the scene_param the developer appended to the account link's URL"),
        Field("welcome_code", S, False,
              "如果满足发送欢迎语条件(条件为:1. 企业没有在管理端配置了原生欢迎语;"
              "2. 用户在过去48小时里未收过欢迎语,且未向该用户发过消息),会返回该字段。"
              "可用该welcome_code调用发送事件响应消息接口给客户发送欢迎语。",
              "returned only when a welcome may be sent (no native welcome configured, and "
              "the customer got no welcome and no message in the last 48 hours): use it to "
              "send one through the event-response API"),
    ))
MSG_SEND_FAIL = _event(
    "msg_send_fail", "消息发送失败事件", "message could not be sent", "MsgSendFailEvent", (
        _EVENT_KF, _EVENT_CUSTOMER,
        Field("fail_msgid", S, True, "发送失败的消息msgid", "msgid of the message that failed"),
        Field("fail_type", N, True,
              "失败类型。0-未知原因 1-客服账号已删除 2-应用已关闭 4-会话已过期,超过48小时 "
              "5-会话已关闭 6-超过5条限制 7-未绑定视频号 8-主体未验证 9-未绑定视频号且主体未验证 "
              "10-用户拒收",
              "why it failed (0–10, no 3)", spec_type="uint32", integer=True, enum=FAIL_TYPE,
              quirks=("W4: the list skips 3 — 0, 1, 2, 4 … 10 — so 3 is refused as a code "
                      "the document does not give",)),
    ))
SERVICER_STATUS_CHANGE = _event(
    "servicer_status_change", "客服人员接待状态变更事件", "servicer's reception status changed",
    "ReceptionistStatusChangeEvent", (
        Field("servicer_userid", S, True, "客服人员userid", "the servicer's userid"),
        Field("open_kfid", S, True, "客服帐号ID", "the customer-service account id"),
        Field("status", N, True, "状态类型。1-接待中 2-停止接待",
              "1 receiving customers, 2 stopped receiving", spec_type="uint32", integer=True,
              enum=SERVICER_STATUS),
    ),
    description_en="About a servicer, not a session: it has no external_userid.",
    quirks=("W8: the struct gives its event field no comment where the other events say "
            "事件消息; 事件消息 is shown here",))
SESSION_STATUS_CHANGE = _event(
    "session_status_change", "会话状态变更事件", "session status changed",
    "SessionStatusChangeEvent", (
        _EVENT_KF, _EVENT_CUSTOMER,
        Field("change_type", N, True, "变更类型。1-从接待池接入会话 2-转接会话 3-结束会话",
              "1 taken from the pool, 2 transferred, 3 ended", spec_type="uint32",
              integer=True, enum=CHANGE_TYPE),
        Field("old_servicer_userid", S, False, "老的客服人员userid。仅change_type为2和3有值",
              "the previous servicer: only for change_type 2 and 3"),
        Field("new_servicer_userid", S, False, "新的客服人员userid。仅change_type为1和2有值",
              "the new servicer: only for change_type 1 and 2"),
        Field("msg_code", S, False,
              "用于发送事件响应消息的code,仅change_type为1和3时,会返回该字段。"
              "可用该msg_code调用发送事件响应消息接口给客户发送回复语或结束语。",
              "returned only for change_type 1 and 3: the code to send a greeting or a "
              "closing line through the event-response API"),
    ))

MESSAGES = (TEXT, IMAGE, VOICE, VIDEO, FILE, LOCATION, LINK, BUSINESS_CARD, MINIPROGRAM)
EVENTS = (ENTER_SESSION, MSG_SEND_FAIL, SERVICER_STATUS_CHANGE, SESSION_STATUS_CHANGE)
_BY_MSGTYPE = {t.id: t for t in MESSAGES}
_BY_EVENT_TYPE = {t.id: t for t in EVENTS}


# --- the two forms around the items -----------------------------------------------------------

#: The Go ``Message`` the SDK hands out for each item: the base fields lifted to the top and
#: the item itself in ``origin_data``.
MESSAGE = MessageType(
    family="wecom", id="message", zh="同步的消息内容", en="the Go SDK's Message",
    category="form", description_zh="Message 同步的消息内容",
    description_en="What the Go SDK's sync call yields per item; its typed views unmarshal "
                   "origin_data.",
    fields=(
        # Go writes every field (no omitempty), empty ones as "": not required, so that
        # the empty event_type of a message or servicer of a waiting session is no finding.
        _MSGID,
        Field("open_kfid", S, False, "客服帐号ID", "the customer-service account id"),
        Field("external_userid", S, False, "客户UserID", "the customer's external userid"),
        Field("servicer_userid", S, False, "接待客服userID", "the servicer's userid"),
        Field("send_time", N, True, "消息发送时间", "when it was sent, unix seconds",
              spec_type="uint64", integer=True),
        Field("origin", N, True, "消息来源。3-客户回复的消息 4-系统推送的消 息",
              "where it comes from (3, 4, 5: see BaseMessage)", spec_type="uint32",
              integer=True, enum=ORIGIN),
        Field("msgtype", S, True, "消息类型", "message type", essential=True),
        Field("event_type", S, False, "事件类型", "event type (empty for a message)",
              quirks=("W7: the Go Message has event_type at the top; a msg_list item carries "
                      "it inside event, where the SDK reads it from",)),
        Field("origin_data", S, True, "原始数据内容", "the item, as raw JSON",
              spec_type="[]byte", essential=True, also=frozenset({JsonType.OBJECT}),
              quirks=("W2: OriginData is a Go []byte, which encoding/json writes as a base64 "
                      "string: the Go Message's JSON carries the item base64-encoded, not as "
                      "an object",)),
    ))

#: The answer of WeCom's kf/sync_msg, which the document does not print.
SYNC_RESPONSE = MessageType(
    family="wecom", id="sync_msg", zh="读取消息", en="sync_msg response", category="form",
    description_en="What WeCom's kf/sync_msg answers: a page of items.",
    quirks=("W10: the document defines no response type: the shape {errcode, errmsg, "
            "next_cursor, has_more, msg_list} is that of WeCom's kf/sync_msg API, has_more 0 "
            "or 1",),
    fields=(
        Field("errcode", N, True, "返回码", "0 for success", spec_type="int", integer=True),
        Field("errmsg", S, False, "对返回码的文本描述内容", "what errcode means"),
        Field("next_cursor", S, False, "下次调用带上该值，则从当前的位置继续往后拉",
              "pass it to the next call to continue after this page"),
        Field("has_more", N, False, "是否还有更多数据。0-否；1-是",
              "1 when there is more to pull", spec_type="uint32", integer=True, enum=HAS_MORE,
              also=frozenset({JsonType.BOOLEAN})),
        Field("msg_list", A, False, "消息列表", "the items, oldest first"),
    ))
FORMS = (MESSAGE, SYNC_RESPONSE)

# What is read of an item whose type the document does not describe: the base, and for an
# event the EventMessage struct's {event_type}.
_UNKNOWN_MESSAGE = (*_MESSAGE_BASE, Field("msgtype", S, True, "消息类型", "message type",
                                          essential=True))
_UNKNOWN_EVENT = (*_EVENT_BASE, Field("msgtype", S, True, "消息类型", "message type",
                                      essential=True),
                  Field("event", O, True, "事件消息", "the event", items=(
                      Field("event_type", S, True, "事件类型", "event type", essential=True),)))


# --- examples ------------------------------------------------------------------------------------

#: Where the constructed examples ship, with examples.yaml listing them.
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples" / "wecom"


WECOM = Family(
    id="wecom", zh="微信客服消息", en="WeCom customer-service messages",
    source="spec/wecom-kf-syncmsg.txt", types=(*MESSAGES, *EVENTS),
    examples=load_examples(EXAMPLES_DIR), enumerations=ENUMERATIONS)


# --- reading an item, a response, a Go Message ------------------------------------------------

_KNOWN = ", ".join(t.id for t in MESSAGES) + ", event"
_KNOWN_EVENTS = ", ".join(t.id for t in EVENTS)


def type_of(item: Mapping[str, Any]) -> str | None:
    """The message type id of a decoded item: its msgtype, or for an event its event_type;
    None when that cannot be told or is not in the document."""
    msgtype = item.get("msgtype")
    if msgtype == "event":
        event = item.get("event")
        event_type = event.get("event_type") if isinstance(event, dict) else None
        return event_type if event_type in _BY_EVENT_TYPE else None
    return msgtype if msgtype in _BY_MSGTYPE else None


def message_type(type_id: str) -> MessageType | None:
    return WECOM.by_id.get(type_id)


def check_item(item: object, mode: Mode = Mode.STRICT, path: str = ""
               ) -> tuple[str | None, list[Finding]]:
    """One msg_list item: its message type id (None when unknown) and every finding.

    An item whose msgtype (or event_type) the document does not describe is an error in
    strict mode and a warning in lenient mode, and its base fields are still checked: WeCom
    adds types the SDK's document predates, and a lenient reader keeps them rather than lose
    them (Message.origin_data holds them whole).
    """
    if not isinstance(item, dict):
        return None, [Finding(path, Code.TYPE, f"expected an object, got {_describe(item)}",
                              hint='one msg_list item: {"msgid": …, "msgtype": "text", …}')]
    msgtype = item.get("msgtype")
    if msgtype is None:
        findings, _ = check_object(_UNKNOWN_MESSAGE, item, mode, path)
        return None, _hinted(_unknown_keys_dropped(findings, path, None), _UNKNOWN_MESSAGE)
    if not isinstance(msgtype, str):
        return None, check_object(_UNKNOWN_MESSAGE, item, mode, path)[0]
    unknown = Severity.ERROR if mode is Mode.STRICT else Severity.WARNING
    if msgtype == "event":
        event = item.get("event")
        event_type = event.get("event_type") if isinstance(event, dict) else None
        mt = _BY_EVENT_TYPE.get(event_type) if isinstance(event_type, str) else None
        if mt is None:
            findings, _ = check_object(_UNKNOWN_EVENT, item, mode, path, UNKNOWN_EVENT_CHECKS)
            findings = _hinted(_unknown_keys_dropped(findings, path, "event"), _UNKNOWN_EVENT)
            if isinstance(event_type, str):
                findings.insert(0, Finding(
                    join_path(join_path(path, "event"), "event_type"), Code.UNKNOWN_TYPE,
                    f"event_type {event_type!r} is not one the document describes", unknown,
                    hint=f"one of {_KNOWN_EVENTS}; lenient mode keeps it, unread, in "
                         "origin_data"))
            return None, findings
        return mt.id, _checked(mt, item, mode, path)
    mt = _BY_MSGTYPE.get(msgtype)
    if mt is None:
        findings, _ = check_object(_UNKNOWN_MESSAGE, item, mode, path, UNKNOWN_MESSAGE_CHECKS)
        findings = _hinted(_unknown_keys_dropped(findings, path, msgtype), _UNKNOWN_MESSAGE)
        close = [t for t in (*_BY_MSGTYPE, "event") if t.casefold() == msgtype.strip().casefold()]
        findings.insert(0, Finding(
            join_path(path, "msgtype"), Code.UNKNOWN_TYPE,
            f"msgtype {msgtype!r} is not one the document describes", unknown,
            hint=(f"did you mean {close[0]}?" if close else
                  f"one of {_KNOWN}; lenient mode keeps it, unread, in origin_data")))
        return None, findings
    return mt.id, _checked(mt, item, mode, path)


def _checked(mt: MessageType, item: dict, mode: Mode, path: str) -> list[Finding]:
    checks: tuple[Check, ...] = WECOM_CHECKS.get(("wecom", mt.id), ())
    return _hinted(check_object(mt.fields, item, mode, path, checks)[0], mt.fields)


def _hinted(findings: list[Finding], fields: tuple[Field, ...]) -> list[Finding]:
    """A missing or empty field's finding with the fix: what to put there."""
    by_name: dict[str, Field] = {}
    todo = list(fields)
    while todo:
        f = todo.pop()
        by_name.setdefault(f.name, f)
        todo.extend(f.items)
    out = []
    for finding in findings:
        name = finding.path.rpartition(".")[2]
        f = by_name.get(name)
        if finding.hint is None and f is not None and finding.code in (Code.MISSING,
                                                                       Code.EMPTY):
            what = "one of " + f.enum.describe() if f.enum is not None else f.en
            if name == "msgtype":
                what = f"one of {_KNOWN}"
            verb = "add" if finding.code is Code.MISSING else "give it a value:"
            finding = Finding(finding.path, finding.code, finding.message, finding.severity,
                              f"{verb} {name} — {what}" if verb == "add"
                              else f"{verb} {what}", finding.label_zh)
        out.append(finding)
    return out



def _unknown_keys_dropped(findings: list[Finding], path: str, key: str | None
                          ) -> list[Finding]:
    """Without a known type, the typed object's keys cannot be judged: drop those findings
    (only those), so an unknown type is one finding, not one per key it has."""
    if key is None:
        return [f for f in findings if f.code is not Code.UNKNOWN_KEY]
    inside = join_path(path, key)
    return [f for f in findings if not (
        f.code is Code.UNKNOWN_KEY and (f.path == inside or f.path.startswith(inside + ".")
                                        or f.path.startswith(inside + "[")))]


def check_sync_response(obj: object, mode: Mode = Mode.STRICT
                        ) -> tuple[list[str | None], list[Finding]]:
    """A whole sync_msg response: each item's type id (in msg_list order) and every finding,
    items' findings under ``msg_list[i]``."""
    findings, resolved = check_object(SYNC_RESPONSE.fields, obj, mode, "")
    findings = [Finding(f.path, f.code, f.message, f.severity,
                        'an empty page is "msg_list": [] (Go writes a nil slice as null)',
                        f.label_zh)
                if f.path == "msg_list" and f.message.startswith("null") else f
                for f in _hinted(findings, SYNC_RESPONSE.fields)]
    if not isinstance(obj, dict):
        return [], findings
    errcode = resolved.get("errcode")
    items = resolved.get("msg_list")
    types: list[str | None] = []
    if isinstance(items, list):
        for i, item in enumerate(items):
            type_id, found = check_item(item, mode, f"msg_list[{i}]")
            types.append(type_id)
            findings.extend(found)
    elif "msg_list" not in resolved and errcode == 0:
        findings.append(Finding("msg_list", Code.MISSING, "errcode is 0 but there is no "
                                "msg_list", hint='an empty page is "msg_list": []'))
    if isinstance(errcode, int) and not isinstance(errcode, bool) and errcode != 0:
        findings.append(Finding(
            "errcode", Code.CONSISTENCY,
            f"WeCom answered errcode {errcode} ({resolved.get('errmsg') or 'no errmsg'})",
            Severity.WARNING if not types else Severity.ERROR,
            hint="an error answer carries no messages" if not types else
                 "an answer with messages has errcode 0"))
    if resolved.get("has_more") in (1, True) and not resolved.get("next_cursor"):
        findings.append(Finding("next_cursor", Code.CONSISTENCY,
                                "has_more is 1 but next_cursor is empty", Severity.WARNING,
                                hint="the next call needs the cursor to continue from"))
    return types, findings


class GoMessage:
    """What ``check_go_message`` read of a Go Message: its top level, the item decoded from
    origin_data (None when it could not be) and the item's raw bytes."""

    __slots__ = ("fields", "item", "raw", "type_id")

    def __init__(self, fields: Mapping[str, Any], item: dict[str, Any] | None, raw: bytes,
                 type_id: str | None) -> None:
        self.fields, self.item, self.raw, self.type_id = fields, item, raw, type_id


#: The top-level fields of a Go Message and where the item holds the same fact.
_LIFTED = (("msgid", ("msgid",)), ("msgtype", ("msgtype",)), ("send_time", ("send_time",)),
           ("origin", ("origin",)), ("servicer_userid", ("servicer_userid",)),
           ("open_kfid", ("open_kfid",)), ("external_userid", ("external_userid",)),
           ("event_type", ("event", "event_type")))


def check_go_message(obj: object, mode: Mode = Mode.STRICT
                     ) -> tuple[GoMessage | None, list[Finding]]:
    """The Go SDK's Message in its JSON form: the top level, then the item in origin_data
    (findings under ``origin_data.…``), then whether the two agree."""
    findings, resolved = check_object(MESSAGE.fields, obj, mode, "")
    findings = _hinted(findings, MESSAGE.fields)
    if not isinstance(obj, dict):
        return None, findings
    data = resolved.get("origin_data")
    raw: bytes | None = None
    if isinstance(data, str) and data:
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            findings.append(Finding("origin_data", Code.TYPE, "not base64",
                                    hint="OriginData is a Go []byte: encoding/json writes it "
                                         "as standard base64 (A–Z a–z 0–9 + / =)",
                                    label_zh="原始数据内容"))
    elif isinstance(data, dict):
        # Strict mode's error is the validator's (the field accepts an object only
        # leniently); lenient mode reads the object as the item, and says so.
        if mode is Mode.LENIENT:
            findings.append(Finding(
                "origin_data", Code.TYPE, "an object, where the Go Message carries base64",
                Severity.WARNING, hint="OriginData is a Go []byte: encoding/json writes it as "
                                       "a base64 string; read here as the item itself",
                label_zh="原始数据内容"))
        raw = json_codec.dumps(data).encode()
    elif isinstance(data, str):
        findings.append(Finding("origin_data", Code.EMPTY, "origin_data is empty",
                                hint="it holds the whole item: the message cannot be read "
                                     "without it", label_zh="原始数据内容"))
    if raw is None:
        return GoMessage(resolved, None, b"", None), findings
    try:
        item = json_codec.loads(raw)
    except json_codec.NotJson as problem:
        findings.append(Finding("origin_data", Code.NOT_JSON,
                                f"decoded, it is not JSON: {problem}",
                                hint="origin_data is the item's JSON, base64-encoded",
                                label_zh="原始数据内容"))
        return GoMessage(resolved, None, raw, None), findings
    type_id, found = check_item(item, mode, "origin_data")
    findings.extend(found)
    if isinstance(item, dict):
        findings.extend(_disagreements(resolved, item))
        return GoMessage(resolved, item, raw, type_id), findings
    return GoMessage(resolved, None, raw, None), findings


def _disagreements(top: Mapping[str, Any], item: Mapping[str, Any]) -> list[Finding]:
    out = []
    for name, where in _LIFTED:
        value = top.get(name)
        inner: Any = item
        for key in where:
            inner = inner.get(key) if isinstance(inner, dict) else None
        if name in ("open_kfid", "external_userid") and item.get("msgtype") == "event":
            event = item.get("event")
            inner = event.get(name) if isinstance(event, dict) and inner in (None, "") \
                else inner
        if value in (None, "") or inner in (None, "") or value == inner:
            continue
        out.append(Finding(name, Code.CONSISTENCY,
                           f"the Message says {value!r}, its origin_data says {inner!r}",
                           hint="the SDK fills both from the same item: one of them was "
                                "changed"))
    return out


# --- the payload inspector's reader -------------------------------------------------------------

_DISTINCTIVE = frozenset({"msgid", "open_kfid", "external_userid", "servicer_userid",
                          "send_time", "origin", "msgtype", "event_type", "origin_data",
                          "msg_list", "next_cursor", "has_more"})


class WecomReader:
    """Recognises a msg_list item, a whole sync_msg response and the Go Message form."""

    family = "wecom"

    def recognise(self, obj: object) -> int:
        return len(keys_of(obj) & _DISTINCTIVE)

    def read(self, obj: object, mode: Mode = Mode.STRICT) -> Reading:
        keys = keys_of(obj)
        if "msg_list" in keys or ({"errcode", "next_cursor"} <= keys and "msgid" not in keys):
            return self._response(obj, mode)
        if "origin_data" in keys:
            return self._go(obj, mode)
        return self._item(obj, mode)

    def _item(self, obj: object, mode: Mode) -> Reading:
        type_id, findings = check_item(obj, mode)
        facts = facts_of(obj) if isinstance(obj, dict) else {}
        facts["form"] = "msg_list item"
        return Reading("wecom", type_id, title_of(type_id, obj), findings, "message", facts)

    def _go(self, obj: object, mode: Mode) -> Reading:
        go, findings = check_go_message(obj, mode)
        item = go.item if go is not None else None
        type_id = go.type_id if go is not None else None
        facts = facts_of(item) if item is not None else {}
        facts["form"] = "Go Message (origin_data base64)"
        return Reading("wecom", type_id, title_of(type_id, item), findings, "message", facts)

    def _response(self, obj: object, mode: Mode) -> Reading:
        types, findings = check_sync_response(obj, mode)
        items = obj.get("msg_list") if isinstance(obj, dict) else None
        if not isinstance(items, list):  # the finding says so; there is nothing to count
            items = []
        named = Counter(t or _raw_type(i) for t, i in zip(types, items, strict=False))
        facts: dict[str, object] = {"messages": len(types), "types": dict(named)}
        if isinstance(obj, dict):
            for key in ("errcode", "has_more", "next_cursor"):
                if key in obj:
                    facts[key] = obj[key]
        count = f"{len(types)} message{'' if len(types) == 1 else 's'}"
        return Reading("wecom", None, f"WeCom sync_msg response 读取消息 — {count}", findings,
                       "sync response", facts)


def _raw_type(item: object) -> str:
    if not isinstance(item, dict):
        return "?"
    msgtype = item.get("msgtype")
    event = item.get("event")
    if msgtype == "event" and isinstance(event, dict):
        return f"event {event.get('event_type')}"
    return str(msgtype)


def facts_of(item: Mapping[str, Any]) -> dict[str, object]:
    """What the inspector shows of an item: msgtype, event_type, origin and who (for events
    the ids the event carries)."""
    event = item.get("event") if isinstance(item.get("event"), dict) else {}
    facts: dict[str, object] = {}
    for key in ("msgid", "msgtype"):
        if key in item:
            facts[key] = item[key]
    if event.get("event_type") is not None:
        facts["event_type"] = event["event_type"]
    for key in ("origin", "send_time"):
        if key in item:
            facts[key] = item[key]
    for key in ("open_kfid", "external_userid", "servicer_userid"):
        value = item.get(key) or event.get(key)
        if value:
            facts[key] = value
    return facts


def title_of(type_id: str | None, item: object) -> str:
    if type_id is not None:
        mt = WECOM.by_id[type_id]
        return f"WeCom {mt.en} {mt.zh}"
    if isinstance(item, dict):
        raw = _raw_type(item)
        if raw not in ("None", "?"):
            return f"WeCom message of a type the document does not describe: {raw}"
    return "WeCom message"


def _describe(value: object) -> str:
    kind = JsonType.of(value)
    if kind is None:
        return "null"
    text = repr(value)
    return f"{kind} {text[:37] + '...' if len(text) > 40 else text}"


READER = WecomReader()
