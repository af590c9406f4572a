from __future__ import annotations

from app.im.push import push_for
from app.im.users import ImUser

IOS = ImUser("u1", "张三", platform="ios", channel="appstore", app_version="2.1.0")
ANDROID = ImUser("e1", "李专家", role="expert", platform="android", channel="huawei")


def test_an_ios_chat_push_is_action_o_id_alert():
    push = push_for(IOS, {"type": "order_chat", "payload": {"o_id": "O1", "content": "你好"}})
    assert push == {"userID": "u1", "platform": "ios", "alias": "u1", "aliasType": "calltalent",
                    "tags": ["appstore", "2.1.0", "user"],
                    "payload": {"action": "order_chat", "o_id": "O1", "alert": "你好"}}


def test_an_android_order_push_has_the_common_body_and_extra():
    push = push_for(ANDROID, {"type": "order", "payload": {"o_id": "O1", "status": "paid"}})
    assert push["tags"] == ["huawei", "1.0.0", "expert"]
    assert push["payload"] == {
        "body": {"ticker": "问答CallTalent，您有一条新消息！", "title": "问答CallTalent",
                 "text": "用户已支付，可以沟通", "play_vibrate": "true", "play_lights": "true",
                 "play_sound": "true", "after_open": "go_activity", "activity": ""},
        "extra": {"o_id": "O1", "status": "paid"}}


def test_notes_carry_note_id_and_webview_a_url():
    ios = push_for(IOS, {"type": "note", "payload": {"note_id": "N1", "status": "replied"}})
    assert ios["payload"] == {"action": "note", "note_id": "N1", "status": "replied",
                              "alert": "专家已回答"}
    web = push_for(ANDROID, {"type": "webview", "payload": {"url": "https://x"}})
    assert web["payload"]["body"]["after_open"] == "go_url"
    assert web["payload"]["body"]["url"] == "https://x"


def test_feedback_and_expert_have_no_push_in_the_spec():
    assert push_for(IOS, {"type": "feedback", "payload": {"content": "x"}}) is None
    assert push_for(IOS, {"type": "expert", "payload": {}}) is None


RICH = {"type": "rich_message", "payload": {
    "org_id": 123, "app_id": 100, "t": "1",
    "chat": {"content": {"title": "x"}, "apns_summary": "老大给你安排了一个xxx考试", "type": 0}}}


def test_a_rich_message_pushes_its_apns_summary_on_ios():
    push = push_for(IOS, RICH)
    assert push["payload"] == {"action": "rich_message", "org_id": "123", "app_id": "100",
                               "alert": "老大给你安排了一个xxx考试"}


def test_a_rich_message_pushes_its_apns_summary_as_androids_text():
    payload = push_for(ANDROID, RICH)["payload"]
    assert payload["body"]["text"] == "老大给你安排了一个xxx考试"
    assert payload["body"]["ticker"] == "问答CallTalent，您有一条新消息！"  # the common one
    assert payload["body"]["after_open"] == "go_activity"
    assert payload["extra"] == {"org_id": "123", "app_id": "100"}
