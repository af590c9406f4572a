from __future__ import annotations

from app.wecom.origins import origin_json, origins

ROW = {"msgid": "m1", "external_userid": "wmC", "open_kfid": "wkK", "servicer_userid": "zs",
       "send_time": 1741921260, "event_id": 7, "linked_at": 1.5,
       "item": '{"msgtype": "text", "text": {"content": "漏水"}}'}


class Links:
    def wecom_links(self, service_order_id: str):
        return [ROW] if service_order_id == "o1" else []


def test_an_origin_is_the_message_the_order_was_opened_from():
    assert origins(Links(), "o1") == [{
        "kind": "wecom", "msgid": "m1", "externalUserId": "wmC", "openKfid": "wkK",
        "servicerUserId": "zs", "content": "漏水", "sendTime": 1741921260, "eventId": 7,
        "linkedAt": 1.5}]
    assert origins(Links(), "other") == []


def test_an_unreadable_item_has_no_content_rather_than_no_timeline():
    assert origin_json({**ROW, "item": "{broken"})["content"] == ""
    assert origin_json({**ROW, "item": "[1]"})["content"] == ""
