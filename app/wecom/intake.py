"""A work order from a customer's WeCom text, the way a property's front desk files one.

The customer writes "厨房水管漏水，麻烦派人来看看"; the servicer at the front desk opens a
changeId 1 order for them: the customer is the contact (userId = their external_userid,
userType 1 客户), their words are the remark and the 描述 attribute, the channel is written
微信客服. Everything the chat does not tell (the project, the organisation) is the front desk's
own: the strict-valid sample's (app.catalog.samples), as a desk belongs to one project.

Decisions where the spec is silent:
- transportTypeId 3 系统内部接入: staff enter the order on the customer's behalf in the
  platform's own system; the catalogue has no WeChat channel, so transportTypeName says
  微信客服 (the catalogue's codes stay valid: 1 APP, 2 400 phone, 3 internal);
- the recorder (transportUserId, noteName) is the servicer who holds the session;
- the business type is the front desk's first guess from the customer's words (水 for a leak,
  电 for a dead socket …), 其他 when nothing matches — a dispatcher corrects it later;
- no house: a chat names none the platform could trust, and houseId/houseInfo are optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app import json_codec
from app.catalog import identifiers
from app.catalog.samples import sample
from app.catalog.timefmt import format_time
from app.wecom.message import Message

#: transportTypeId and its name for an order taken from a WeCom chat.
TRANSPORT_TYPE_ID, TRANSPORT_TYPE_NAME = "3", "微信客服"


class IntakeRefused(ValueError):
    """A message a work order cannot be opened from; the message says why and what to pick."""

    def __init__(self, message: str, hint: str, path: str = "msgid") -> None:
        super().__init__(message)
        self.hint, self.path = hint, path


@dataclass(frozen=True, slots=True)
class Trade:
    """A business type (业务类型) the front desk files repairs under."""

    name: str
    code: str
    words: tuple[str, ...]


#: First match wins: a leaking pipe is 水 even though 管道 also fits. The codes are the
#: workflow generator's for the fwwt template, so generated and WeCom orders read alike.
TRADES = (
    Trade("水", "shui", ("漏水", "水管", "水龙头", "马桶", "水压", "没水", "渗水", "滴水")),
    Trade("电", "dian", ("电", "灯", "插座", "跳闸", "开关")),
    Trade("管道", "guandao", ("下水", "堵", "地漏", "返臭", "管道")),
    Trade("门窗", "menchuang", ("门", "窗", "锁")),
    Trade("墙面", "qiangmian", ("墙", "发霉", "脱落", "天花板")),
)
OTHER = Trade("其他", "qita", ())


def trade_of(text: str) -> Trade:
    for trade in TRADES:
        if any(word in text for word in trade.words):
            return trade
    return OTHER


def refusal(message: Message) -> IntakeRefused | None:
    """Why no order can be opened from ``message``, or None when one can."""
    if message.type_id != "text":
        return IntakeRefused(
            f"message {message.msgid!r} is {message.describe_type()}: a work order is opened "
            "from what the customer wrote", "pick one of the customer's text messages")
    if message.origin != 3:
        return IntakeRefused(
            f"message {message.msgid!r} was sent by the {message.speaker} "
            f"(origin {message.origin}), not the customer",
            "pick a text the customer sent (origin 3)")
    if not message.external_userid:
        return IntakeRefused(f"message {message.msgid!r} names no customer (external_userid "
                             "is empty)", "a work order needs its contact", "external_userid")
    if not _clean(message.text().content):
        return IntakeRefused(f"message {message.msgid!r} is an empty text: nothing to describe",
                             "pick a text that says what is wrong")
    return None


def order_event(message: Message, *, data_area: str, **details: Any) -> dict[str, Any]:
    """The event ``{changeId: "1", dataArea, data}`` for an order opened from ``message``,
    ``data`` a JSON string as the spec's table types it: valid in strict mode as in lenient.
    ``details`` are ``order_data``'s."""
    return {"changeId": "1", "dataArea": data_area,
            "data": json_codec.dumps(order_data(message, data_area=data_area, **details))}


def order_data(message: Message, *, data_area: str, area_name: str, order_id: str,
               number: int, created: datetime, contact_name: str | None = None,
               contact_tel: str | None = None, recorder: str = "") -> dict[str, Any]:
    """The changeId 1 data of an order opened from ``message`` (IntakeRefused when it cannot
    be: see ``refusal``)."""
    refused = refusal(message)
    if refused is not None:
        raise refused
    content = _clean(message.text().content)
    trade = trade_of(content)
    template = identifiers.template_id(data_area)
    customer = message.external_userid
    data = sample("1")
    for unknown in ("houseId", "eHouseId", "houseInfo", "address", "voiceId",
                    "transportUserId", "transportEuserId", "noteName", "contactTel"):
        data.pop(unknown, None)
    data.update(
        serviceOrderId=order_id,
        serviceOrderCode=identifiers.order_code(created, number),
        templateId=template, templateDifId=template, serviceTypeCode=data_area,
        templateInstName=area_name,
        busiTypeId=f"{template}{TRADES.index(trade) + 1 if trade in TRADES else 99:04d}",
        busiTypeCode=trade.code, busiTypeName=trade.name,
        trackId=identifiers.track_id(order_id, 1),
        transportTypeId=TRANSPORT_TYPE_ID, transportTypeName=TRANSPORT_TYPE_NAME,
        userId=customer, eUserId=customer, userType="1",
        contactName=contact_name or f"微信客户{customer[-4:]}",
        createDate=format_time(created), remark=content,
        isBespeak="0", bespeakBegintime="", bespeakEndtime="",
        reqVariables=[{"title": "描述", "attrCode": "REMARK1", "attrValue": content}],
    )
    if contact_tel:
        data["contactTel"] = contact_tel
    if recorder:
        data.update(transportUserId=recorder, transportEuserId=recorder, noteName=recorder)
    return data


def _clean(text: str) -> str:
    """The text as a remark: whitespace runs (line breaks in a chat) as single spaces."""
    return re.sub(r"\s+", " ", text).strip()
