"""Simulated WeCom conversations: every item strict-valid, in time order, msgids unique, the
session's story complete — and played through a real platform's API."""

from __future__ import annotations

from typing import Any

import pytest

from app.catalog.findings import Mode
from app.catalog.wecom import check_item
from app.platform import Options, Platform
from app.wecom.message import Message
from app.wecom.sessions import CLOSED, Sessions
from simulator.api_client import PlatformClient
from simulator.wecom import ConversationGenerator


def kinds(items: list[dict]) -> list[str]:
    return [i["event"]["event_type"] if i["msgtype"] == "event" else f"{i['origin']}:"
            f"{i['msgtype']}" for i in items]


def test_a_conversation_tells_the_whole_story_in_order():
    talk = ConversationGenerator(7, send_failure=1.0).conversation()
    items = list(talk.items)
    assert kinds(items) == [
        "enter_session", "session_status_change", "3:text", "3:image", "3:text",
        "3:location", "5:text", "servicer_status_change", "session_status_change", "5:text",
        "msg_send_fail", "3:text", "5:text", "session_status_change"]
    for item in items:
        assert check_item(item, Mode.STRICT)[1] == [], item
    times = [i["send_time"] for i in items]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert len({i["msgid"] for i in items}) == len(items)
    assert talk.first_text == items[2]["msgid"] and "麻烦尽快派人来看看" in \
        items[2]["text"]["content"]
    enter, taken, transfer, closed = (items[0]["event"], items[1]["event"], items[8]["event"],
                                      items[13]["event"])
    assert enter["welcome_code"] and items[0]["origin"] == 4
    assert (taken["change_type"], taken["new_servicer_userid"]) == (1, talk.servicers[0])
    assert (transfer["old_servicer_userid"], transfer["new_servicer_userid"]) == \
        talk.servicers
    assert (closed["change_type"], closed["old_servicer_userid"]) == (3, talk.servicers[1])
    assert items[7]["event"] == {"event_type": "servicer_status_change",
                                 "open_kfid": talk.open_kfid,
                                 "servicer_userid": talk.servicers[0], "status": 2}
    assert items[10]["event"]["fail_msgid"] == items[9]["msgid"]
    desk = Sessions()
    desk.apply([Message.from_item(i, Mode.STRICT) for i in items])
    session = desk.session(talk.open_kfid, talk.external_userid)
    assert session.state == CLOSED and session.transfers == 1


def test_the_same_seed_gives_the_same_conversations_and_others_differ():
    a, b = ConversationGenerator(3), ConversationGenerator(3)
    assert [a.conversation() for _ in range(3)] == [b.conversation() for _ in range(3)]
    first, second = ConversationGenerator(3).conversation(), ConversationGenerator(4)
    assert first.items != second.conversation().items
    gen = ConversationGenerator(3)
    one, two = gen.conversation(), gen.conversation()
    assert one.open_kfid == two.open_kfid and one.external_userid != two.external_userid
    assert two.items[0]["send_time"] > one.items[-1]["send_time"]
    assert not {i["msgid"] for i in one.items} & {i["msgid"] for i in two.items}


def test_send_failures_can_be_left_out():
    talk = ConversationGenerator(1, send_failure=0.0).conversation()
    assert "msg_send_fail" not in kinds(list(talk.items))
    with pytest.raises(ValueError, match="probability"):
        ConversationGenerator(send_failure=2)


@pytest.fixture
async def api(tmp_path: Any) -> Any:
    platform = Platform(Options(db_path=tmp_path / "db.sqlite", data_dir=str(tmp_path),
                                http_port=0))
    await platform.start()
    async with PlatformClient(platform.server.url, platform.token) as client:
        yield client
    await platform.stop()


async def test_played_through_the_api_with_an_order_from_the_first_text(api):
    talk = ConversationGenerator(11).conversation()
    heard: list[tuple[str, str]] = []
    played = await talk.play(api, open_order=True, data_area="fwwt",
                             said=lambda item, stored: heard.append((item["msgid"],
                                                                     stored["summary"])))
    assert played.stored == [i["msgid"] for i in talk.items] == [m for m, _ in heard]
    assert played.order is not None and played.order["msgid"] == talk.first_text
    story = await api.get(played.order["timeline"])
    assert story["origins"][0]["externalUserId"] == talk.external_userid
    assert story["contact"] == {"userId": talk.external_userid, "name": talk.customer}
    sessions = await api.get("/api/wecom/sessions")
    assert sessions["sessions"][0]["state"] == "closed"
    assert sessions["servicers"][0]["status"] == 2
    again = await talk.play(api)
    assert again.stored == [] and again.duplicates == len(talk.items)
