"""Cross-field rules of the WeCom sync-message family: what one field's type cannot say.

Most are the conditions spec/wecom-kf-syncmsg.txt states in its comments ("仅change_type为2和3
有值", "msgtype为event,该字段不返回", "最多64个字节,超过会自动截断"). Where the document says a
field "only has a value" in some cases, a value outside them, or none inside them, is a
warning: the document does not make it an error, but a receiver relying on it would be
surprised. What no WeCom server can send (a negative uint64, a latitude of 200) is an error.

Each check takes the item as validation resolved it, the mode and the item's JSON path; nested
objects are read as they came (validation reports their drifted keys itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.catalog.findings import Code, Finding, Mode, Severity, join_path
from app.catalog.validation import Check

_UINT64_MAX = 2**64 - 1
#: Unix seconds of the year 5000: a larger send_time is almost surely milliseconds.
_SECONDS_CEILING = 95_617_584_000
#: miniprogram.title: "最多64个字节,超过会自动截断".
TITLE_BYTES = 64


def _number(value: object) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _event(item: Mapping[str, object]) -> Mapping[str, object]:
    event = item.get("event")
    return event if isinstance(event, dict) else {}


def _origin(item: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    """origin 4 is "系统推送的事件消息": events come with 4, messages with 3 or 5."""
    origin = _number(item.get("origin"))
    if origin is None or item.get("msgtype") is None:
        return
    is_event = item.get("msgtype") == "event"
    if is_event and origin != 4:
        yield Finding(join_path(path, "origin"), Code.CONSISTENCY,
                      f"an event with origin {origin!r}", Severity.WARNING,
                      hint="events are origin 4 (系统推送的事件消息)", label_zh="消息来源")
    elif not is_event and origin == 4:
        yield Finding(join_path(path, "origin"), Code.CONSISTENCY,
                      f"a {item.get('msgtype')} message with origin 4, which is for events",
                      Severity.WARNING,
                      hint="3 for what the customer sent, 5 for what a servicer sent",
                      label_zh="消息来源")


def _not_returned_for_events(item: Mapping[str, object], mode: Mode, path: str
                             ) -> Iterable[Finding]:
    """BaseMessage: open_kfid and external_userid "(msgtype为event,该字段不返回)"."""
    event = _event(item)
    for name, zh in (("open_kfid", "客服帐号ID"), ("external_userid", "客户UserID")):
        top = item.get(name)
        if not isinstance(top, str) or not top:
            continue
        inner = event.get(name)
        differs = isinstance(inner, str) and inner and inner != top
        yield Finding(
            join_path(path, name), Code.CONSISTENCY,
            f"{name} at the top of an event" + (f", and it differs from event.{name} "
                                                f"{inner!r}" if differs else ""),
            Severity.WARNING,
            hint=f"the document says it is not returned when msgtype is event; "
                 f"event.{name} is the one that counts", label_zh=zh)


def _send_time(item: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    value = _number(item.get("send_time"))
    if value is None:
        return
    where = join_path(path, "send_time")
    if value < 0 or value > _UINT64_MAX:
        yield Finding(where, Code.TYPE, f"{value!r} does not fit a uint64",
                      hint="unix seconds, e.g. 1700000000", label_zh="消息发送时间")
    elif value > _SECONDS_CEILING:
        yield Finding(where, Code.CONSISTENCY,
                      f"{value!r} is past the year 5000 in seconds: milliseconds?",
                      Severity.WARNING, hint=f"WeCom sends unix seconds: {int(value) // 1000}",
                      label_zh="消息发送时间")


def _location(item: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    place = item.get("location")
    if not isinstance(place, dict):
        return
    for name, zh, bound in (("latitude", "纬度", 90), ("longitude", "经度", 180)):
        value = _number(place.get(name))
        if value is not None and not -bound <= value <= bound:
            yield Finding(join_path(join_path(path, "location"), name), Code.TYPE,
                          f"{value!r} is not a {name}", hint=f"degrees from -{bound} to {bound}",
                          label_zh=zh)


def _title_bytes(item: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    card = item.get("miniprogram")
    title = card.get("title") if isinstance(card, dict) else None
    if not isinstance(title, str):
        return
    size = len(title.encode("utf-8"))
    if size > TITLE_BYTES:
        kept = title.encode("utf-8")[:TITLE_BYTES].decode("utf-8", "ignore")
        yield Finding(join_path(join_path(path, "miniprogram"), "title"), Code.CONSISTENCY,
                      f"the title is {size} bytes in UTF-8, over the 64 the document allows",
                      Severity.WARNING,
                      hint=f"WeCom cuts it to 64 bytes: the customer sees {kept!r}",
                      label_zh="小程序消息标题")


# session_status_change: which change_type has which field (the document's comments).
_HAS_VALUE = {
    "old_servicer_userid": ((2, 3), "老的客服人员userid", "仅change_type为2和3有值"),
    "new_servicer_userid": ((1, 2), "新的客服人员userid", "仅change_type为1和2有值"),
    "msg_code": ((1, 3), "用于发送事件响应消息的code", "仅change_type为1和3时,会返回该字段"),
}
_CHANGE = {1: "1 (taken from the pool)", 2: "2 (transferred)", 3: "3 (ended)"}


def _session_change(item: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    event = _event(item)
    change = _number(event.get("change_type"))
    if change not in _CHANGE:
        return  # a bad change_type is the enumeration's finding already
    base = join_path(path, "event")
    for name, (types, zh, rule) in _HAS_VALUE.items():
        value = event.get(name)
        has = isinstance(value, str) and bool(value)
        if has and change not in types:
            yield Finding(join_path(base, name), Code.CONSISTENCY,
                          f"{name} has a value, but change_type is {_CHANGE[change]}",
                          Severity.WARNING, hint=f"the document: {rule}; leave it empty",
                          label_zh=zh)
        elif not has and change in types:
            yield Finding(join_path(base, name), Code.CONSISTENCY,
                          f"change_type is {_CHANGE[change]} but {name} is empty",
                          Severity.WARNING, hint=f"the document: {rule}", label_zh=zh)


_BASE: tuple[Check, ...] = (_origin, _send_time)
_EVENT: tuple[Check, ...] = (*_BASE, _not_returned_for_events)

WECOM_CHECKS: dict[tuple[str, str], tuple[Check, ...]] = {
    **{("wecom", t): _BASE for t in ("text", "image", "voice", "video", "file", "link",
                                      "business_card")},
    ("wecom", "location"): (*_BASE, _location),
    ("wecom", "miniprogram"): (*_BASE, _title_bytes),
    **{("wecom", t): _EVENT for t in ("enter_session", "msg_send_fail",
                                      "servicer_status_change")},
    ("wecom", "session_status_change"): (*_EVENT, _session_change),
}
#: For an event whose event_type the document does not describe (read as EventMessage).
UNKNOWN_EVENT_CHECKS: tuple[Check, ...] = _EVENT
#: For a msgtype the document does not describe.
UNKNOWN_MESSAGE_CHECKS: tuple[Check, ...] = _BASE
