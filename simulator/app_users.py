"""Simulated app users: a crowd of phones on MQTT, all on one event loop.

Each connects exactly as spec §1 says — client id = username = userID, password = authSign,
keepalive 30, cleansession false — and subscribes to nothing: its topic comes with the
session the IM server provisioned. Then it behaves like the app:

- answers ``received`` for a chat only while "on the chat page" (spec §4);
- confirms 1001 work-order records with ``sync_ack`` (our extension, docs/im.md);
- chats with other users on a schedule (a Poisson process, one chat every ``chatEvery``
  seconds on average), each chat to a user of the other role when there is one;
- goes offline and comes back (``offlineEvery`` / ``offlineFor``), with a clean DISCONNECT or
  by dropping off the network as a phone in a lift does.

Everything a phone sees and sends is kept, bounded: ``KEEP`` messages and chats per user,
the older ones counted as forgotten. The crowd only needs each user's connection settings —
the reply of ``POST /api/users`` — so it works the same against any Push Studio.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import json
import random
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from app.im.msgid import new_msgid
from app.im.wire import decode_notify, decode_sync
from app.tasks import cancel, spawn
from app.transport.mqtt import MqttError, MqttMessage
from app.transport.mqtt_loop import LoopMqttClient

#: Messages and chats remembered per user; older ones are dropped and counted.
KEEP = 1000
#: Connections opened at once when a crowd comes online (the broker's accept backlog).
CONNECT_AT_ONCE = 200

SERVER_TOPIC = "$sktalent/server/mqttserver"


class AppUserInputError(ValueError):
    """Bad input for the simulated users; ``path`` names the field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


@dataclass
class Habits:
    """How a simulated user behaves."""

    #: On the chat page: chats are answered with ``received``.
    on_chat_page: bool = True
    #: Mean seconds between chats this user starts; 0 = only when told.
    chat_every: float = 0.0
    #: Mean seconds online before going offline; 0 = stays online.
    offline_every: float = 0.0
    #: Seconds offline before coming back.
    offline_for: float = 10.0
    #: Confirm 1001 records with sync_ack.
    ack_records: bool = True


@dataclass(slots=True)
class Seen:
    """A message the phone received."""

    at: float
    #: sent | received | order_chat | order | note | feedback | expert | 1001 | unreadable
    type: str
    msgid: str | None
    doc: dict[str, Any]


@dataclass(slots=True)
class Chat:
    """A chat this phone started, and its ticks."""

    msgid: str
    to: str
    at: float
    sent_at: float | None = None
    received_at: float | None = None


@dataclass
class AppUser:
    user_id: str
    role: str
    encoding: str
    habits: Habits
    client: LoopMqttClient
    state: str = "offline"  # offline | connecting | online
    seen: deque[Seen] = field(default_factory=lambda: deque(maxlen=KEEP))
    chats: OrderedDict[str, Chat] = field(default_factory=OrderedDict)
    forgotten: int = 0
    #: Highest contiguous 1001 chatSeq received (what sync_ack confirms).
    chat_seq: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("chatsSent", "sentTicks", "receivedTicks", "chatsIn", "receivedSent", "notifications",
         "records", "unreadable", "connects", "refused", "repliesLost"), 0))
    last_error: str | None = None
    #: Bumped at each new plan, so that the schedule's older entries for it are skipped.
    plan: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"userID": self.user_id, "role": self.role, "encoding": self.encoding,
                "state": self.state, "onChatPage": self.habits.on_chat_page,
                "chatEvery": self.habits.chat_every, "offlineEvery": self.habits.offline_every,
                "offlineFor": self.habits.offline_for, "chatSeq": self.chat_seq,
                "counts": dict(self.counts), "forgotten": self.forgotten,
                "lastError": self.last_error}


class AppUserCrowd:
    """Any number of simulated app users on one event loop."""

    def __init__(self, host: str, port: int, *, seed: int | None = None,
                 clock: Callable[[], float] = time.time,
                 create_users: Callable[[list[dict[str, Any]]], Awaitable[list[dict[str, Any]]]]
                 | None = None) -> None:
        """``create_users(docs)`` makes IM users and answers as ``POST /api/users`` does
        for a list (each with its ``mqtt`` connection settings); needed only by ``create``."""
        self.host, self.port = host, port
        self.users: dict[str, AppUser] = {}
        self._by_role: dict[str, list[str]] = {}
        self.clock = clock
        self._create_users = create_users
        self._rng = random.Random(seed)
        self._changed = asyncio.Condition()
        # (due, sequence, userID, what, plan) — one scheduler for the whole crowd.
        self._agenda: list[tuple[float, int, str, str, int]] = []
        self._sequence = 0
        self._wake = asyncio.Event()
        self._scheduler: asyncio.Task[Any] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._poked = False
        self._faker: Any = None

    # --- life cycle -----------------------------------------------------------------------

    async def start(self) -> AppUserCrowd:
        if self._scheduler is None:
            self._scheduler = spawn(self._schedule(), name="simulated app users")
        return self

    async def stop(self) -> None:
        tasks = [*self._tasks, *([self._scheduler] if self._scheduler else [])]
        self._scheduler = None
        await cancel(tasks)
        await asyncio.gather(*(u.client.disconnect() for u in self.users.values()
                               if u.state != "offline"), return_exceptions=True)
        for user in self.users.values():
            user.state = "offline"

    # --- users ----------------------------------------------------------------------------

    def add(self, account: dict[str, Any], habits: Habits | None = None) -> AppUser:
        """A phone for the user ``account`` describes (the reply of ``POST /api/users``)."""
        mqtt = account["mqtt"]
        user_id = account["userID"]
        user = self.users.get(user_id)
        if user is not None:
            user.habits = habits or user.habits
            return user
        client = LoopMqttClient(
            mqtt.get("host", self.host), mqtt.get("port", self.port),
            username=mqtt["username"], password=mqtt["password"], client_id=mqtt["clientId"],
            clean_session=mqtt.get("cleanSession", False), keepalive=mqtt.get("keepalive", 30),
            on_message=lambda m: self._received(user_id, m))
        user = AppUser(user_id, account.get("role", "user"), account.get("encoding", "json"),
                       habits or Habits(), client)
        self.users[user_id] = user
        self._by_role.setdefault(user.role, []).append(user_id)
        return user

    async def online(self, user_id: str, within: float = 10.0) -> None:
        """Connect; MqttError if the broker refuses (the reason is also kept on the user)."""
        user = self.users[user_id]
        if user.state != "offline":
            return
        user.state = "connecting"
        try:
            await user.client.connect(within)
        except MqttError as error:
            user.state, user.last_error = "offline", str(error)
            user.counts["refused"] += 1
            await self._notify()
            raise
        user.state, user.last_error = "online", None
        user.counts["connects"] += 1
        self._plan(user)
        await self._notify()

    async def all_online(self, user_ids: list[str] | None = None) -> list[str]:
        """Connect many, ``CONNECT_AT_ONCE`` at a time; the userIDs the broker refused."""
        ids = user_ids if user_ids is not None else list(self.users)
        gate = asyncio.Semaphore(CONNECT_AT_ONCE)
        refused: list[str] = []

        async def one(user_id: str) -> None:
            async with gate:
                try:
                    await self.online(user_id)
                except MqttError:
                    refused.append(user_id)

        await asyncio.gather(*(one(u) for u in ids))
        return refused

    async def offline(self, user_id: str, *, drop: bool = False) -> None:
        """Go offline: a clean DISCONNECT, or (``drop``) vanish from the network."""
        user = self.users[user_id]
        if user.state == "offline":
            return
        if drop:
            user.client.drop()
        else:
            await user.client.disconnect()
        user.state = "offline"
        await self._notify()

    # --- what a phone does ----------------------------------------------------------------

    async def chat(self, sender: str, to: str | None = None, *, o_id: str | None = None,
                   content: str | None = None) -> str:
        """Send an ``order_chat``; its msgid. ``to`` defaults to a user of the other role."""
        user = self.users[sender]
        if user.state != "online":
            raise AppUserInputError("from", f"{sender} is offline; bring it online first")
        peer = to if to is not None else self._peer(user)
        if peer is None:
            raise AppUserInputError("to", "nobody to chat with: add a second user")
        expert = self.users[peer].role == "expert" if peer in self.users else False
        now = self.clock()
        msgid = new_msgid(now)
        message = {"msgid": msgid, "from": sender, "to": peer, "type": "order_chat",
                   "payload": {"o_id": o_id or f"O{self._rng.randrange(10**6):06d}",
                               "expert": expert,
                               "content": content or self._rng.choice(_LINES)}}
        user.chats[msgid] = Chat(msgid, peer, now)
        while len(user.chats) > KEEP:
            user.chats.popitem(last=False)
            user.forgotten += 1
        user.counts["chatsSent"] += 1
        await user.client.publish(SERVER_TOPIC, json.dumps(message, ensure_ascii=False)
                                  .encode(), 1)
        return msgid

    def _peer(self, user: AppUser) -> str | None:
        """Someone of the other role, else anyone else (no scan: this runs for every
        scheduled chat of a thousand phones)."""
        other = "user" if user.role == "expert" else "expert"
        if self._by_role.get(other):
            return self._rng.choice(self._by_role[other])
        same = self._by_role.get(user.role, [])
        if len(same) < 2:
            return None
        while (peer := self._rng.choice(same)) == user.user_id:
            pass
        return peer

    def _received(self, user_id: str, message: MqttMessage) -> None:
        user = self.users[user_id]
        now = self.clock()
        seen = _decode(message.payload)
        seen.at = now
        if len(user.seen) == KEEP:
            user.forgotten += 1
        user.seen.append(seen)
        doc = seen.doc
        if seen.type == "sent":
            chat = user.chats.get(seen.msgid or "")
            user.counts["sentTicks"] += 1
            if chat is not None and chat.sent_at is None:
                chat.sent_at = now
        elif seen.type == "received":
            chat = user.chats.get(seen.msgid or "")
            user.counts["receivedTicks"] += 1
            if chat is not None and chat.received_at is None:
                chat.received_at = now
        elif seen.type == "order_chat":
            user.counts["chatsIn"] += 1
            if user.habits.on_chat_page and isinstance(doc.get("from"), str):
                user.counts["receivedSent"] += 1
                self._send(user, {"msgid": seen.msgid, "from": user_id, "to": doc["from"],
                                  "type": "received"})
        elif seen.type == "1001":
            user.counts["records"] += 1
            seq = doc.get("chatSeq", 0)
            if seq == user.chat_seq + 1:
                user.chat_seq = seq
                if user.habits.ack_records:
                    self._send(user, {"msgid": new_msgid(now), "from": user_id,
                                      "type": "sync_ack", "payload": {"chatSeq": seq}})
        elif seen.type == "unreadable":
            user.counts["unreadable"] += 1
        else:
            user.counts["notifications"] += 1
        self._poke()

    def _send(self, user: AppUser, message: dict[str, Any]) -> None:
        body = json.dumps(message, ensure_ascii=False).encode()
        self._later(self._reply(user, body))

    async def _reply(self, user: AppUser, body: bytes) -> None:
        try:
            await user.client.publish(SERVER_TOPIC, body, 1)
        except MqttError as error:
            # Gone offline with the reply (a tick, a sync_ack) in flight: a real phone loses
            # it too. Counted and kept as the phone's last error, not a traceback.
            user.counts["repliesLost"] += 1
            user.last_error = f"a reply was lost going offline: {error}"
            self._poke()

    def _later(self, coro: Any) -> None:
        task = spawn(coro, name="simulated app user")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- the schedule ---------------------------------------------------------------------

    def _plan(self, user: AppUser) -> None:
        user.plan += 1
        now = time.monotonic()
        if user.habits.chat_every > 0:
            self._at(now + self._rng.expovariate(1 / user.habits.chat_every), user, "chat")
        if user.habits.offline_every > 0:
            self._at(now + self._rng.expovariate(1 / user.habits.offline_every), user,
                     "offline")

    def _at(self, due: float, user: AppUser, what: str) -> None:
        self._sequence += 1
        heapq.heappush(self._agenda, (due, self._sequence, user.user_id, what, user.plan))
        self._wake.set()

    async def _schedule(self) -> None:
        while True:
            delay = self._agenda[0][0] - time.monotonic() if self._agenda else 3600
            if delay > 0:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), delay)
                continue
            _, _, user_id, what, plan = heapq.heappop(self._agenda)
            user = self.users.get(user_id)
            if user is None or (plan != user.plan and what != "online"):
                continue  # an older plan's entry (habits changed, or offline and back)
            if what == "chat" and user.state == "online" and user.habits.chat_every > 0:
                self._later(self._chat_quietly(user_id))
                self._at(time.monotonic() + self._rng.expovariate(1 / user.habits.chat_every),
                         user, "chat")
            elif what == "offline" and user.state == "online" and user.habits.offline_every:
                # One in three goes without a DISCONNECT, as a phone losing signal does.
                self._later(self.offline(user_id, drop=self._rng.random() < 1 / 3))
                self._at(time.monotonic() + user.habits.offline_for, user, "online")
            elif what == "online" and user.state == "offline":
                self._later(self._online_quietly(user_id))

    async def _chat_quietly(self, user_id: str) -> None:
        try:
            await self.chat(user_id)
        except (AppUserInputError, MqttError) as error:
            self.users[user_id].last_error = str(error)

    async def _online_quietly(self, user_id: str) -> None:
        try:
            await self.online(user_id)
        except MqttError:
            self._at(time.monotonic() + 5, self.users[user_id], "online")

    # --- waiting --------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _poke(self) -> None:
        """Wake the waiters once for however many messages arrive in this loop turn."""
        if not self._poked:
            self._poked = True
            self._later(self._notify_once())

    async def _notify_once(self) -> None:
        self._poked = False
        await self._notify()

    async def wait_until(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        """Until ``predicate()`` holds, checked whenever a phone receives something or changes
        state (TimeoutError after ``within`` seconds)."""
        async with asyncio.timeout(within), self._changed:
            await self._changed.wait_for(predicate)

    # --- the API's JSON face --------------------------------------------------------------

    def describe(self) -> list[dict[str, Any]]:
        return [u.to_json() for u in self.users.values()]

    def messages(self, user_id: str) -> list[dict[str, Any]] | None:
        user = self.users.get(user_id)
        if user is None:
            return None
        return [{"at": s.at, "type": s.type, "msgid": s.msgid, "doc": s.doc}
                for s in user.seen]

    async def create(self, doc: object) -> list[dict[str, Any]]:
        """``{count, prefix, role, platform, encoding, onChatPage, chatEvery, offlineEvery,
        offlineFor}``: make that many IM users through the app (one batch) and bring their
        phones online. ``users`` (userIDs, or ``{userID, name}``) names them instead: the
        people a work order involves, so that its notifications reach these phones."""
        if self._create_users is None:
            raise AppUserInputError("", "this crowd cannot create users (no IM server)")
        spec = crowd_request(doc)
        named = spec["users"] or [(f"{spec['prefix']}{i + 1:04d}", None)
                                  for i in range(spec["count"])]
        accounts = await self._create_users([
            {"userID": user_id, "name": name or self._name(), "role": spec["role"],
             "platform": spec["platform"], "encoding": spec["encoding"]}
            for user_id, name in named])
        users = [self.add(a, replace(spec["habits"])) for a in accounts]
        await self.all_online([u.user_id for u in users])
        return [u.to_json() for u in users]

    async def act(self, user_id: str, action: str, doc: object) -> dict[str, Any]:
        """One thing a phone does, asked for by the API or the GUI."""
        if not isinstance(doc, dict):
            raise AppUserInputError("", "the body is a JSON object (or empty)")
        user = self.users[user_id]
        if action == "online":
            with contextlib.suppress(MqttError):  # refused: lastError and counts say why
                await self.online(user_id)
        elif action == "offline":
            drop = doc.get("drop", False)
            if not isinstance(drop, bool):
                raise AppUserInputError("drop", "drop is true (vanish, no DISCONNECT) or false")
            await self.offline(user_id, drop=drop)
        elif action == "chat":
            for key in ("to", "o_id", "content"):
                if key in doc and not isinstance(doc[key], str):
                    raise AppUserInputError(key, f"{key} must be a string")
            if "to" in doc and doc["to"] not in self.users:
                raise AppUserInputError("to", f"{doc['to']!r} is not a simulated user here; a "
                                              "real client's userID works only from a real client")
            msgid = await self.chat(user_id, doc.get("to"), o_id=doc.get("o_id"),
                                    content=doc.get("content"))
            return {**user.to_json(), "msgid": msgid}
        elif action == "habits":
            unknown = sorted(set(doc) - _HABIT_KEYS)
            if unknown:
                raise AppUserInputError(unknown[0], f"unknown habit {unknown[0]!r}; habits: "
                                        + ", ".join(sorted(_HABIT_KEYS)))
            user.habits = habits_from(doc, user.habits)
            if user.state == "online":
                self._plan(user)
        else:
            raise LookupError(f"no action {action!r}: online, offline, chat or habits")
        return user.to_json()

    def _name(self) -> str:
        if self._faker is None:  # faker takes a moment to load its locales: only when asked
            from faker import Faker

            self._faker = Faker("zh_CN")
            self._faker.seed_instance(self._rng.random())
        return str(self._faker.name())


def crowd_request(doc: object) -> dict[str, Any]:
    """Check a request for simulated users; AppUserInputError names the bad field."""
    if not isinstance(doc, dict):
        raise AppUserInputError("", 'simulated users are asked for as an object {"count": N}')

    def choice(key: str, options: tuple[str, ...]) -> str:
        value = doc.get(key, options[0])
        if value not in options:
            raise AppUserInputError(key, f"{key} must be one of " + ", ".join(options))
        return str(value)

    unknown = sorted(set(doc) - _REQUEST_KEYS)
    if unknown:
        raise AppUserInputError(unknown[0], f"unknown field {unknown[0]!r}; fields: "
                                + ", ".join(sorted(_REQUEST_KEYS)))
    count = doc.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 10_000:
        raise AppUserInputError("count", "count must be a whole number from 1 to 10000")
    users = _named_users(doc.get("users"))
    prefix = doc.get("prefix", "sim")
    if not isinstance(prefix, str) or not prefix.isascii() or not prefix.isalnum() \
            or not 1 <= len(prefix) <= 32:
        raise AppUserInputError("prefix", "prefix is 1–32 ASCII letters or digits (userIDs "
                                          "become prefix0001, prefix0002, …)")
    return {"count": count, "prefix": prefix, "users": users,
            "role": choice("role", ("user", "expert")),
            "platform": choice("platform", ("android", "ios")),
            "encoding": choice("encoding", ("json", "protobuf")),
            "habits": habits_from(doc, Habits())}


def _named_users(value: object) -> list[tuple[str, str | None]]:
    """``users``: userIDs, or ``{userID, name}`` objects; [] when absent."""
    if value is None:
        return []
    if not isinstance(value, list) or not 1 <= len(value) <= 10_000:
        raise AppUserInputError("users", 'users is a list of 1–10000 userIDs or '
                                         '{"userID": ..., "name": ...} objects')
    out: list[tuple[str, str | None]] = []
    for i, item in enumerate(value):
        user_id, name = (item, None) if isinstance(item, str) else (
            (item.get("userID"), item.get("name")) if isinstance(item, dict) else (None, None))
        if not isinstance(user_id, str) or not user_id:
            raise AppUserInputError(f"users[{i}]", "each user is a userID string or an "
                                                   'object with "userID"')
        if name is not None and not isinstance(name, str):
            raise AppUserInputError(f"users[{i}].name", "name is a string")
        out.append((user_id, name))
    return out


_HABIT_KEYS = {"onChatPage", "chatEvery", "offlineEvery", "offlineFor", "ackRecords"}
_REQUEST_KEYS = {"count", "prefix", "users", "role", "platform", "encoding", *_HABIT_KEYS}


def habits_from(doc: dict[str, Any], base: Habits) -> Habits:
    """``base`` changed by the API's JSON keys; AppUserInputError names a bad one."""

    def number(key: str, low: float, high: float, default: float) -> float:
        value = doc.get(key, default)
        if not isinstance(value, int | float) or isinstance(value, bool) \
                or not low <= value <= high:
            raise AppUserInputError(key, f"{key} must be a number from {low:g} to {high:g} "
                                         "(seconds)")
        return float(value)

    def flag(key: str, default: bool) -> bool:
        value = doc.get(key, default)
        if not isinstance(value, bool):
            raise AppUserInputError(key, f"{key} is true or false")
        return value

    return Habits(on_chat_page=flag("onChatPage", base.on_chat_page),
                  chat_every=number("chatEvery", 0, 86_400, base.chat_every),
                  offline_every=number("offlineEvery", 0, 86_400, base.offline_every),
                  offline_for=number("offlineFor", 0.1, 86_400, base.offline_for),
                  ack_records=flag("ackRecords", base.ack_records))


def _decode(payload: bytes) -> Seen:
    """What arrived on a phone's topic: a JSON message of spec §2–5, or a 1001 record (JSON
    or binary protobuf)."""
    try:
        doc = json.loads(payload)
    except ValueError:
        doc = None
    if isinstance(doc, dict) and "msgType" not in doc and isinstance(doc.get("type"), str):
        msgid = doc.get("msgid")
        return Seen(0.0, doc["type"], msgid if isinstance(msgid, str) else None, doc)
    try:
        record = decode_sync(payload)
        content = record.pop("content", b"")
        record["notify"] = decode_notify(content, bool(record.get("contentIsPB")))
    except (ValueError, KeyError, TypeError) as error:
        return Seen(0.0, "unreadable", None, {"error": str(error),
                                              "payload": payload[:200].hex()})
    return Seen(0.0, "1001", str(record.get("msgUUID", "")), record)


_LINES = ("师傅什么时候到？", "好的，马上到", "水管还在漏水", "已经处理好了，请确认",
          "请带上备用零件", "谢谢！", "门禁密码是 1234", "今天下午可以吗？")
