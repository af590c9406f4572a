"""One WeCom sync message, as the Go SDK's ``Message`` holds it, with its typed views.

A ``Message`` is read from a ``msg_list`` item (``Message.from_item``) or from the Go Message's
own JSON form, which carries the item base64-encoded in ``origin_data``
(``Message.from_go_json``, quirk W2). Either way it is checked against the catalogue first
(app.catalog.wecom): errors raise ``MessageError`` naming each path and its fix; warnings stay
on ``Message.findings``. ``origin_data`` is the item's raw JSON, as it came when it came as
text.

The typed views mirror the SDK's ``Get…`` methods — ``text()``, ``image()`` …
``session_status_change()``, and ``view()`` for whichever fits — and return frozen
dataclasses. Asking for the wrong one raises ``WrongView`` saying what the message is and
which view to use; the SDK would unmarshal the wrong struct and hand back zero values.

The ids of an event: the document says open_kfid and external_userid are not returned at the
top of an event (msgtype为event,该字段不返回), the event object carries them. ``Message`` and
the views give the conversation's ids either way: the top level's, else the event's (and for
servicer_status_change, the event's servicer_userid).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from app import json_codec
from app.catalog import wecom
from app.catalog.findings import Code, Finding, Mode, Severity, errors_first, has_errors


class MessageError(ValueError):
    """Input that is not a readable WeCom message. ``findings`` holds every problem (errors
    first); the message names the first error's path and its fix."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = errors_first(findings)
        first = self.findings[0]
        more = len([f for f in self.findings if f.severity is Severity.ERROR]) - 1
        super().__init__(str(first) + (f" (and {more} more)" if more > 0 else ""))


class WrongView(Exception):
    """A typed view asked of a message of another type (``text()`` of an image)."""

    def __init__(self, message: Message, wanted: str) -> None:
        self.msgid, self.wanted, self.type_id = message.msgid, wanted, message.type_id
        what = message.describe_type()
        if message.type_id is None:
            fix = ("it has no typed view: the document does not describe it; read "
                   "origin_data, the item's raw JSON")
        else:
            fix = f"use {message.type_id}() or view()"
        super().__init__(f"message {message.msgid!r} is {what}, so {wanted}() does not "
                         f"apply: {fix}")


# --- the typed views --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Base:
    """BaseMessage: what every view has."""

    msgid: str
    open_kfid: str
    external_userid: str
    servicer_userid: str
    send_time: int
    origin: int


@dataclass(frozen=True, slots=True)
class Text(Base):
    """文本消息."""

    content: str
    menu_id: str


@dataclass(frozen=True, slots=True)
class Media(Base):
    """图片/语音/视频/文件消息: a media id to fetch with the media API."""

    media_id: str


@dataclass(frozen=True, slots=True)
class Image(Media):
    """图片消息."""


@dataclass(frozen=True, slots=True)
class Voice(Media):
    """语音消息."""


@dataclass(frozen=True, slots=True)
class Video(Media):
    """视频消息."""


@dataclass(frozen=True, slots=True)
class File(Media):
    """文件消息."""


@dataclass(frozen=True, slots=True)
class Location(Base):
    """地理位置消息; latitude and longitude are the struct's float32, as JSON gave them."""

    latitude: float
    longitude: float
    name: str
    address: str


@dataclass(frozen=True, slots=True)
class Link(Base):
    """链接消息."""

    title: str
    desc: str
    url: str
    pic_url: str


@dataclass(frozen=True, slots=True)
class BusinessCard(Base):
    """名片消息."""

    userid: str


@dataclass(frozen=True, slots=True)
class MiniProgram(Base):
    """小程序消息."""

    appid: str
    title: str
    thumb_media_id: str
    pagepath: str


@dataclass(frozen=True, slots=True)
class EnterSession(Base):
    """用户进入会话事件; welcome_code only when a welcome may be sent."""

    scene: str
    scene_param: str
    welcome_code: str


@dataclass(frozen=True, slots=True)
class MsgSendFail(Base):
    """消息发送失败事件."""

    fail_msgid: str
    fail_type: int


@dataclass(frozen=True, slots=True)
class ServicerStatusChange(Base):
    """客服人员接待状态变更事件: status 1 接待中, 2 停止接待; ``servicer_userid`` is the
    event's."""

    status: int


@dataclass(frozen=True, slots=True)
class SessionStatusChange(Base):
    """会话状态变更事件: change_type 1 from the pool, 2 transferred, 3 ended."""

    change_type: int
    old_servicer_userid: str
    new_servicer_userid: str
    msg_code: str


View = (Text | Image | Voice | Video | File | Location | Link | BusinessCard | MiniProgram
        | EnterSession | MsgSendFail | ServicerStatusChange | SessionStatusChange)


def _str(obj: Mapping[str, Any], key: str) -> str:
    value = obj.get(key)
    return value if isinstance(value, str) else ""


def _int(obj: Mapping[str, Any], key: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return int(value)


def _float(obj: Mapping[str, Any], key: str) -> float:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return float(value)


def _object(obj: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = obj.get(key)
    return value if isinstance(value, dict) else {}


# Each view reads the fields it adds from the item's typed object (zero values for what a
# lenient reading let pass missing, as Go's json.Unmarshal leaves them).
_MEDIA = {"image": Image, "voice": Voice, "video": Video, "file": File}


def _typed(type_id: str, obj: Mapping[str, Any]) -> dict[str, Any]:
    if type_id == "text":
        return {"content": _str(obj, "content"), "menu_id": _str(obj, "menu_id")}
    if type_id in _MEDIA:
        return {"media_id": _str(obj, "media_id")}
    if type_id == "location":
        return {"latitude": _float(obj, "latitude"), "longitude": _float(obj, "longitude"),
                "name": _str(obj, "name"), "address": _str(obj, "address")}
    if type_id == "link":
        return {k: _str(obj, k) for k in ("title", "desc", "url", "pic_url")}
    if type_id == "business_card":
        return {"userid": _str(obj, "userid")}
    if type_id == "miniprogram":
        return {k: _str(obj, k) for k in ("appid", "title", "thumb_media_id", "pagepath")}
    if type_id == "enter_session":
        return {k: _str(obj, k) for k in ("scene", "scene_param", "welcome_code")}
    if type_id == "msg_send_fail":
        return {"fail_msgid": _str(obj, "fail_msgid"), "fail_type": _int(obj, "fail_type")}
    if type_id == "servicer_status_change":
        return {"status": _int(obj, "status")}
    return {"change_type": _int(obj, "change_type"),
            "old_servicer_userid": _str(obj, "old_servicer_userid"),
            "new_servicer_userid": _str(obj, "new_servicer_userid"),
            "msg_code": _str(obj, "msg_code")}


_VIEWS: dict[str, type[Base]] = {
    "text": Text, **_MEDIA, "location": Location, "link": Link,
    "business_card": BusinessCard, "miniprogram": MiniProgram,
    "enter_session": EnterSession, "msg_send_fail": MsgSendFail,
    "servicer_status_change": ServicerStatusChange,
    "session_status_change": SessionStatusChange,
}


# --- the message ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Message:
    """One synced message: the Go Message's fields, and the item for the views."""

    msgid: str
    open_kfid: str
    external_userid: str
    servicer_userid: str
    send_time: int
    origin: int
    msgtype: str
    event_type: str
    #: The item's raw JSON (UTF-8): as received when it came as text, else re-encoded.
    origin_data: bytes
    #: The catalogue's message type id (text … session_status_change); None for a type the
    #: document does not describe, which a lenient reading keeps.
    type_id: str | None = None
    #: Warnings of the reading (errors raise MessageError instead).
    findings: tuple[Finding, ...] = field(default=(), compare=False)
    item: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    SPEAKERS: ClassVar[dict[int, str]] = {3: "customer", 4: "system", 5: "servicer"}

    # Reading.

    @classmethod
    def from_item(cls, item: object, mode: Mode = Mode.LENIENT, path: str = "") -> Message:
        """A msg_list item: a decoded object, or its JSON text/bytes (kept as origin_data)."""
        raw: bytes | None = None
        if isinstance(item, str | bytes):
            raw = item.encode("utf-8") if isinstance(item, str) else item
            try:
                item = json_codec.loads(raw)
            except json_codec.NotJson as problem:
                raise MessageError([Finding(path, Code.NOT_JSON, f"not JSON: {problem}",
                                            hint="one msg_list item as a JSON object")]
                                   ) from None
        type_id, findings = wecom.check_item(item, mode, path)
        if has_errors(findings):
            raise MessageError(findings)
        assert isinstance(item, dict)  # check_item reports anything else as an error
        if raw is None:
            try:
                raw = json_codec.dumps(item).encode()
            except (TypeError, ValueError) as error:  # a Python caller's set, bytes …
                raise MessageError([Finding(path, Code.TYPE, f"not JSON-encodable: {error}",
                                            hint="values are strings, numbers, booleans, "
                                                 "null, lists and objects")]) from None
            # Read back from the bytes: the message holds no object its caller can change.
            item = json_codec.loads(raw)
        return cls._build(item, raw, type_id, findings)

    @classmethod
    def from_go_json(cls, obj: object, mode: Mode = Mode.LENIENT) -> Message:
        """The Go SDK's Message as encoding/json writes it: origin_data base64 (W2)."""
        if isinstance(obj, str | bytes):
            try:
                obj = json_codec.loads(obj)
            except json_codec.NotJson as problem:
                raise MessageError([Finding("", Code.NOT_JSON, f"not JSON: {problem}",
                                            hint="the Go Message as JSON: {msgid, …, "
                                                 "origin_data}")]) from None
        go, findings = wecom.check_go_message(obj, mode)
        if go is None or go.item is None or has_errors(findings):
            if not has_errors(findings):  # cannot happen: no item is always an error
                findings.append(Finding("origin_data", Code.MISSING, "no item to read"))
            raise MessageError(findings)
        return cls._build(go.item, go.raw, go.type_id, findings)

    @classmethod
    def _build(cls, item: dict[str, Any], raw: bytes, type_id: str | None,
               findings: list[Finding]) -> Message:
        event = _object(item, "event")
        servicer = _str(item, "servicer_userid")
        if not servicer and type_id == "servicer_status_change":
            servicer = _str(event, "servicer_userid")
        return cls(
            msgid=_str(item, "msgid"),
            open_kfid=_str(item, "open_kfid") or _str(event, "open_kfid"),
            external_userid=_str(item, "external_userid") or _str(event, "external_userid"),
            servicer_userid=servicer,
            send_time=_int(item, "send_time"), origin=_int(item, "origin"),
            msgtype=_str(item, "msgtype"), event_type=_str(event, "event_type"),
            origin_data=raw, type_id=type_id, findings=tuple(findings), item=item)

    def to_go_json(self) -> dict[str, Any]:
        """The Go Message's JSON form (origin_data base64), which from_go_json reads back."""
        return {"msgid": self.msgid, "open_kfid": self.open_kfid,
                "external_userid": self.external_userid,
                "servicer_userid": self.servicer_userid, "send_time": self.send_time,
                "origin": self.origin, "msgtype": self.msgtype, "event_type": self.event_type,
                "origin_data": base64.b64encode(self.origin_data).decode("ascii")}

    # What it is.

    @property
    def is_event(self) -> bool:
        return self.msgtype == "event"

    @property
    def speaker(self) -> str:
        """customer (origin 3), system (4), servicer (5), or the code when it is none of
        those (a lenient reading lets 0 through when origin is missing)."""
        return self.SPEAKERS.get(self.origin, f"origin {self.origin}")

    def describe_type(self) -> str:
        """'a text message (文本消息)', 'an enter_session event (用户进入会话事件)' …"""
        if self.type_id is None:
            if self.is_event:
                return f"an event of type {self.event_type!r} the document does not describe"
            return f"a message of msgtype {self.msgtype!r} the document does not describe"
        mt = wecom.message_type(self.type_id)
        assert mt is not None
        article = "an" if self.type_id[0] in "aeiou" else "a"
        kind = "event" if self.is_event else "message"
        return f"{article} {self.type_id} {kind} ({mt.zh})"

    # The views.

    def view(self) -> View:
        """The typed view of whatever this message is; WrongView for an undescribed type."""
        if self.type_id is None:
            raise WrongView(self, "view")
        return self._view(self.type_id)  # type: ignore[return-value]

    def _view(self, wanted: str) -> Base:
        if self.type_id != wanted:
            raise WrongView(self, wanted)
        typed = _object(self.item, "event" if self.is_event else wanted)
        return _VIEWS[wanted](self.msgid, self.open_kfid, self.external_userid,
                              self.servicer_userid, self.send_time, self.origin,
                              **_typed(wanted, typed))

    def text(self) -> Text:
        return self._view("text")  # type: ignore[return-value]

    def image(self) -> Image:
        return self._view("image")  # type: ignore[return-value]

    def voice(self) -> Voice:
        return self._view("voice")  # type: ignore[return-value]

    def video(self) -> Video:
        return self._view("video")  # type: ignore[return-value]

    def file(self) -> File:
        return self._view("file")  # type: ignore[return-value]

    def location(self) -> Location:
        return self._view("location")  # type: ignore[return-value]

    def link(self) -> Link:
        return self._view("link")  # type: ignore[return-value]

    def business_card(self) -> BusinessCard:
        return self._view("business_card")  # type: ignore[return-value]

    def miniprogram(self) -> MiniProgram:
        return self._view("miniprogram")  # type: ignore[return-value]

    def enter_session(self) -> EnterSession:
        return self._view("enter_session")  # type: ignore[return-value]

    def msg_send_fail(self) -> MsgSendFail:
        return self._view("msg_send_fail")  # type: ignore[return-value]

    def servicer_status_change(self) -> ServicerStatusChange:
        return self._view("servicer_status_change")  # type: ignore[return-value]

    def session_status_change(self) -> SessionStatusChange:
        return self._view("session_status_change")  # type: ignore[return-value]

    # For people.

    def summary(self, limit: int = 80) -> str:
        """One line saying what it says: the text, the place, who took the session …"""
        if self.type_id is None:
            return ("event " + self.event_type) if self.is_event else f"[{self.msgtype}]"
        text = _SUMMARIES[self.type_id](self._view(self.type_id))
        return text if len(text) <= limit else text[:limit - 1] + "…"


def _fail(v: Any) -> str:
    why = wecom.FAIL_TYPE.meaning(str(v.fail_type), "zh") or "文档未列出"
    return f"发送失败 send failed: {v.fail_msgid} · fail_type {v.fail_type} {why}"


def _session(v: Any) -> str:
    if v.change_type == 1:
        return f"会话接入 taken from the pool by {v.new_servicer_userid or '?'}"
    if v.change_type == 2:
        return (f"会话转接 transferred {v.old_servicer_userid or '?'} → "
                f"{v.new_servicer_userid or '?'}")
    if v.change_type == 3:
        return f"会话结束 ended by {v.old_servicer_userid or '?'}"
    return f"会话状态变更 change_type {v.change_type}"


_SUMMARIES: dict[str, Any] = {
    "text": lambda v: v.content.replace("\n", " "),
    "image": lambda v: f"[图片 image] {v.media_id}",
    "voice": lambda v: f"[语音 voice] {v.media_id}",
    "video": lambda v: f"[视频 video] {v.media_id}",
    "file": lambda v: f"[文件 file] {v.media_id}",
    "location": lambda v: f"[位置 location] {v.name} {v.address} "
                          f"({v.latitude:g}, {v.longitude:g})".replace("  ", " "),
    "link": lambda v: f"[链接 link] {v.title} {v.url}",
    "business_card": lambda v: f"[名片 card] {v.userid}",
    "miniprogram": lambda v: f"[小程序 mini program] {v.title} {v.pagepath}",
    "enter_session": lambda v: "进入会话 entered" + (f" · scene {v.scene}" if v.scene else "")
                               + (" · welcome_code" if v.welcome_code else ""),
    "msg_send_fail": _fail,
    "servicer_status_change": lambda v: f"客服 {v.servicer_userid} "
                                        + {1: "接待中 receiving", 2: "停止接待 stopped"}.get(
                                            v.status, f"status {v.status}"),
    "session_status_change": _session,
}
