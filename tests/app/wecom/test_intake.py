"""The changeId 1 a front desk opens from a customer's text: strict-valid, and refused for
anything that is not a customer's words."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from app.catalog import default_catalog
from app.catalog.envelope import read_envelope
from app.catalog.findings import Mode
from app.catalog.wecom import EXAMPLES_DIR
from app.wecom.intake import IntakeRefused, order_data, order_event, refusal, trade_of
from app.wecom.message import Message


def message(name: str = "text", **changes) -> Message:
    item = json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    item.update(changes)
    return Message.from_item(item)


def body(m: Message, **overrides):
    args = {"data_area": "fwwt", "area_name": "房屋问题", "order_id": "4503599741262399",
            "number": 262399, "created": datetime(2026, 3, 14, 10, 1, 0)} | overrides
    return order_data(m, **args)


def test_the_order_is_strict_valid_with_the_customer_as_contact():
    event = order_event(message(), data_area="fwwt", area_name="房屋问题",
                        order_id="4503599741262399", number=262399,
                        created=datetime(2026, 3, 14, 10, 1, 0), recorder="zhangsan",
                        contact_tel="13800000000")
    report = read_envelope(event, default_catalog(), Mode.STRICT)
    assert report.findings == [], [str(f) for f in report.findings]
    data = json.loads(event["data"])  # a JSON string, as the table types it
    customer = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"
    assert (data["userId"], data["eUserId"], data["userType"]) == (customer, customer, "1")
    assert data["contactName"] == "微信客户koAw" and data["contactTel"] == "13800000000"
    assert data["remark"].startswith("你好，我家厨房水管漏水了")
    assert data["reqVariables"] == [{"title": "描述", "attrCode": "REMARK1",
                                     "attrValue": data["remark"]}]
    assert (data["transportTypeId"], data["transportTypeName"]) == ("3", "微信客服")
    assert (data["busiTypeCode"], data["busiTypeName"]) == ("shui", "水")
    assert data["serviceOrderCode"] == "0120260314262399"
    assert data["trackId"] == "450359974126239901" and data["createDate"] == "20260314100100"
    assert data["noteName"] == data["transportUserId"] == "zhangsan"
    assert "houseInfo" not in data and "houseId" not in data


def test_without_a_recorder_or_phone_those_fields_are_left_out():
    data = body(message(), contact_name="王女士")
    assert "noteName" not in data and "contactTel" not in data
    assert data["contactName"] == "王女士"


@pytest.mark.parametrize(("text", "code"), [
    ("厨房水管漏水", "shui"), ("客厅的灯不亮了", "dian"), ("下水道堵了", "guandao"),
    ("入户门锁坏了", "menchuang"), ("墙皮脱落", "qiangmian"), ("楼上太吵了", "qita")])
def test_the_trade_is_the_front_desks_first_guess(text, code):
    assert trade_of(text).code == code


def test_only_a_customers_non_empty_text_opens_an_order():
    image = refusal(message("image"))
    assert image is not None and "is an image message (图片消息)" in str(image)
    assert image.hint == "pick one of the customer's text messages"
    servicer = refusal(message(origin=5, servicer_userid="zhangsan"))
    assert servicer is not None and "sent by the servicer (origin 5)" in str(servicer)
    empty = message(text={"content": " \n "})
    with pytest.raises(IntakeRefused, match="an empty text"):
        body(empty)
    assert refusal(message()) is None


def test_line_breaks_become_spaces_in_the_remark():
    data = body(message(text={"content": "厨房\n\n漏水  了"}))
    assert data["remark"] == "厨房 漏水 了"
