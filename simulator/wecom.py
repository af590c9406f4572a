"""Simulated WeCom customer-service conversations, played through the local API.

A property's front desk answers residents on WeCom's 微信客服. One conversation, as the sync
messages WeCom would hand out (msg_list items, oldest first):

1. the customer taps the desk's link and enters a session (enter_session, origin 4, with the
   link's scene/scene_param and a welcome_code);
2. the pool hands the session to a servicer (session_status_change 1, with a msg_code);
3. the customer writes what is wrong (厨房水管漏水…), sends a photo and their location;
4. the servicer answers (origin 5);
5. the servicer's shift ends (servicer_status_change 2) and the session is transferred to a
   colleague (session_status_change 2, old → new servicer), who says hello;
6. sometimes a message cannot reach the customer (msg_send_fail);
7. the customer thanks them and the session ends (session_status_change 3, with a msg_code).

send_time increases through the conversation and every msgid is unique. Everything is drawn
from one ``random.Random`` and a reseeded Faker (zh_CN) keyed by the seed and the
conversation's number: the same seed gives the same conversation.

``Conversation.play`` posts the items one by one to ``POST /api/wecom/messages`` (as a sync
loop would after each WeCom callback) and, if asked, opens a work order from the customer's
first text with ``POST /api/wecom/messages/{msgid}/order``.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from faker import Faker

    from simulator.api_client import PlatformClient

#: Unix seconds of 2026-03-02 09:00 in China (UTC+8): a Monday morning at the front desk.
DEFAULT_START = 1_772_413_200
_ID_CHARS = string.ascii_letters + string.digits + "_-"

_PROBLEMS = (
    "厨房水管漏水了，地上全是水", "卫生间马桶一直在流水", "客厅跳闸了，总闸推不上去",
    "卧室的灯不亮了", "入户门锁打不开", "厨房下水道堵了", "卫生间墙面渗水发霉",
    "阳台推拉门卡住了", "家里水压很小", "楼上管道渗水到我家天花板",
)
_PHOTO_NOTES = ("这是照片", "拍了张照片您看一下", "照片发您了")
_ANSWERS = ("您好，已收到您的报修，我们马上安排维修师傅上门，请保持电话畅通。",
            "您好，收到，已为您登记，师傅会尽快联系您。",
            "好的，我这边给您派单，维修师傅预计半小时内到。")
_HANDOVER = ("您好，我是接班的客服{name}，您的报修已经在处理了，有问题随时找我。",
             "您好，{name}为您继续服务，师傅已经在路上了。")
_THANKS = ("好的，谢谢！", "收到，麻烦你们了", "好的，我在家等师傅")
_CLOSING = "感谢您的耐心，维修完成后请对本次服务进行评价。"
_SCENES = (("wuye_qiantai", "物业前台"), ("xiaoqu_gongzhonghao", "小区公众号"),
           ("menjin_erweima", "门禁二维码"))
#: fail_type of a msg_send_fail the simulator draws: the ones a desk meets in a day.
_FAIL_TYPES = (0, 5, 6, 10)


@dataclass(frozen=True)
class Conversation:
    """One customer's conversation with the desk, as msg_list items in send_time order."""

    open_kfid: str
    external_userid: str
    customer: str
    servicers: tuple[str, str]
    items: tuple[dict[str, Any], ...]
    #: msgid of the customer's first text: what a work order is opened from.
    first_text: str

    def to_json(self) -> dict[str, Any]:
        return {"openKfid": self.open_kfid, "externalUserId": self.external_userid,
                "customer": self.customer, "servicers": list(self.servicers),
                "firstText": self.first_text, "items": list(self.items)}

    async def play(self, api: PlatformClient, *, open_order: bool = False,
                   data_area: str | None = None,
                   said: Callable[[dict[str, Any], dict[str, Any]], None] = lambda _i, _s: None
                   ) -> Played:
        """Post every item in order; ``said(item, stored)`` after each (``stored`` is the
        API's entry for it). ApiError when the platform refuses something."""
        played = Played()
        for item in self.items:
            answer = await api.post("/api/wecom/messages", item)
            for entry in answer["stored"]:
                played.stored.append(entry["msgid"])
                said(item, entry)
            played.duplicates += len(answer["duplicates"])
            if open_order and item["msgid"] == self.first_text:
                body = {"contactName": self.customer}
                if data_area is not None:
                    body["dataArea"] = data_area
                played.order = await api.post(f"/api/wecom/messages/{self.first_text}/order",
                                              body)
        return played


@dataclass
class Played:
    """What playing a conversation did."""

    stored: list[str] = field(default_factory=list)
    duplicates: int = 0
    #: The API's answer for the work order opened, if one was.
    order: dict[str, Any] | None = None


class ConversationGenerator:
    """Conversations one after another, reproducible from ``seed``. The desk (its account,
    its servicers) is drawn once per generator; customers are new every time."""

    def __init__(self, seed: int = 0, *, start: int = DEFAULT_START,
                 send_failure: float = 0.3) -> None:
        if not 0 <= send_failure <= 1:
            raise ValueError("send_failure is a probability from 0 to 1")
        self.seed, self.start, self.send_failure = seed, start, send_failure
        self._count = 0
        self._fake: Faker | None = None
        desk = random.Random(f"{seed}/wecom/desk")
        self.open_kfid = "wk" + _token(desk, 30)
        #: (userid, name) of the desk's servicers.
        self._servicers: tuple[tuple[str, str], ...] = ()

    def conversation(self) -> Conversation:
        index = self._count
        self._count += 1
        fake = self._faker()
        fake.seed_instance(f"{self.seed}/wecom/{index}")
        rng = random.Random(f"{self.seed}/wecom/{index}")
        first, second = rng.sample(self._servicers, 2)
        return _Writer(self, rng, fake, first, second,
                       self.start + index * 1800).conversation()

    def _faker(self) -> Faker:
        if self._fake is None:
            from faker import Faker  # slow to load: only when first needed

            self._fake = Faker("zh_CN")
            self._fake.seed_instance(f"{self.seed}/wecom/desk")
            servicers: dict[str, str] = {}
            while len(servicers) < 4:
                userid = (self._fake.first_romanized_name()
                          + self._fake.last_romanized_name()).lower()
                servicers.setdefault(userid, self._fake.name())
            self._servicers = tuple(servicers.items())
        return self._fake


class _Writer:
    """One conversation being written, on its own clock."""

    def __init__(self, gen: ConversationGenerator, rng: random.Random, fake: Faker,
                 first: tuple[str, str], second: tuple[str, str], start: int) -> None:
        self.gen, self.rng, self.fake = gen, rng, fake
        (self.first, _), (self.second, self.second_name) = first, second
        self.now = start
        self.customer_id = "wm" + _token(rng, 30)
        self.items: list[dict[str, Any]] = []
        self.seen: set[str] = set()

    def later(self, low: int, high: int) -> int:
        self.now += self.rng.randint(low, high)
        return self.now

    def msgid(self) -> str:
        while True:
            msgid = _token(self.rng, 43)
            if msgid not in self.seen:
                self.seen.add(msgid)
                return msgid

    def event(self, event: dict[str, Any], *, customer: bool = True) -> str:
        msgid = self.msgid()
        body = {"event_type": event.pop("event_type"), "open_kfid": self.gen.open_kfid}
        if customer:
            body["external_userid"] = self.customer_id
        body.update(event)
        self.items.append({"msgid": msgid, "send_time": self.now, "origin": 4,
                           "msgtype": "event", "event": body})
        return msgid

    def message(self, origin: int, servicer: str, msgtype: str, typed: dict[str, Any]) -> str:
        msgid = self.msgid()
        self.items.append({"msgid": msgid, "open_kfid": self.gen.open_kfid,
                           "external_userid": self.customer_id, "servicer_userid": servicer,
                           "send_time": self.now, "origin": origin, "msgtype": msgtype,
                           msgtype: typed})
        return msgid

    def conversation(self) -> Conversation:
        rng, fake = self.rng, self.fake
        name = fake.name()
        building, unit = rng.randint(1, 12), rng.randint(1, 4)
        room = f"{rng.randint(1, 30)}{rng.randint(1, 4):02d}"
        scene, _ = rng.choice(_SCENES)
        self.event({"event_type": "enter_session", "scene": scene,
                    "scene_param": f"room%3D{building}-{unit}-{room}",
                    "welcome_code": _token(rng, 43)})
        self.later(5, 60)
        self.event({"event_type": "session_status_change", "change_type": 1,
                    "new_servicer_userid": self.first, "msg_code": _token(rng, 40)})
        self.later(10, 90)
        problem = rng.choice(_PROBLEMS)
        first_text = self.message(3, self.first, "text", {
            "content": f"你好，我是{building}栋{unit}单元{room}的业主{name}，{problem}，"
                       "麻烦尽快派人来看看。"})
        self.later(5, 40)
        self.message(3, self.first, "image", {"media_id": _token(rng, 44)})
        self.later(3, 20)
        self.message(3, self.first, "text", {"content": rng.choice(_PHOTO_NOTES)})
        self.later(5, 30)
        community = fake.city_name() + "花园"
        self.message(3, self.first, "location", {
            "latitude": round(22.5 + rng.uniform(-0.1, 0.1), 6),
            "longitude": round(113.9 + rng.uniform(-0.1, 0.1), 6),
            "name": f"{community}{building}栋",
            "address": f"{fake.province()}{fake.city()}{fake.district()}区{community}"
                       f"{building}栋{unit}单元"})
        self.later(20, 120)
        self.message(5, self.first, "text", {"content": rng.choice(_ANSWERS)})
        self.later(60, 600)
        self.event({"event_type": "servicer_status_change", "servicer_userid": self.first,
                    "status": 2}, customer=False)
        self.later(1, 10)
        self.event({"event_type": "session_status_change", "change_type": 2,
                    "old_servicer_userid": self.first, "new_servicer_userid": self.second})
        self.later(10, 60)
        hello = self.message(5, self.second, "text", {
            "content": rng.choice(_HANDOVER).format(name=self.second_name)})
        if rng.random() < self.gen.send_failure:
            self.later(1, 5)
            self.event({"event_type": "msg_send_fail", "fail_msgid": hello,
                        "fail_type": rng.choice(_FAIL_TYPES)})
        self.later(30, 300)
        self.message(3, self.second, "text", {"content": rng.choice(_THANKS)})
        self.later(10, 60)
        self.message(5, self.second, "text", {"content": _CLOSING})
        self.later(5, 30)
        self.event({"event_type": "session_status_change", "change_type": 3,
                    "old_servicer_userid": self.second, "msg_code": _token(rng, 40)})
        return Conversation(self.gen.open_kfid, self.customer_id, name,
                            (self.first, self.second), tuple(self.items), first_text)


def _token(rng: random.Random, length: int) -> str:
    """A WeCom-looking opaque id (letters, digits, _ and -)."""
    return "".join(rng.choices(_ID_CHARS, k=length))
