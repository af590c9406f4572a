"""The IM server at work: the protocol core (app.im.protocol) wired to MQTT and the store.

It reads ``$sktalent/server/mqttserver`` with its own account, carries out what the core
decides, and logs every message in and out. Users are kept in the store; the broker learns
their accounts (client id = username = userID, password = authSign) and each user's
persistent session is seeded once — connect as the user with cleansession=false, subscribe
``$sktalent/clients/<userID>``, leave — so a client that follows the spec and subscribes to
nothing still receives everything, including what was queued while it was away.

Presence comes from the broker (its connection log), never from the client's word. A
message for an offline user is published all the same (the broker queues it in the user's
session) and recorded as the mobile push the Umeng gateway would have received.

Every accepted work-order event becomes a 1001 record for each provisioned user it concerns
(app.im.repair), JSON or binary protobuf as the user asked.
"""

from __future__ import annotations

import asyncio
import base64
import inspect
import json
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.broker.accounts import RESERVED, SERVER_TOPIC, client_topic
from app.catalog.findings import Code, Finding
from app.events import EventAccepted, ImMessageLogged, PushRecorded
from app.im import repair, wire
from app.im.protocol import Acked, Ignored, ImProtocol, Rejected, Send
from app.im.push import push_for
from app.im.sync import Chain, Counter, acknowledge, next_record
from app.im.users import ImUser, UserError, auth_sign
from app.tasks import cancel, spawn
from app.transport.mqtt import MqttClient, MqttError

if TYPE_CHECKING:
    from app.engine import Engine

log = logging.getLogger(__name__)

KEEPALIVE = 30


class ImService:
    def __init__(self, engine: Engine, client: MqttClient, *, secret: str, host: str,
                 port: int, online: Callable[[str], bool | None] = lambda _u: None,
                 accounts: Callable[[dict[str, str]], Any] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        """``online(userID)`` says what the broker knows (None: it cannot tell);
        ``accounts(userID → authSign)`` gives the broker its accounts and may return an
        awaitable that completes when the broker has them."""
        self.engine, self.client, self.secret = engine, client, secret
        self.host, self.port = host, port
        self.online, self.clock = online, clock
        self._accounts = accounts
        self.users: dict[str, ImUser] = {}
        self.protocol = ImProtocol(self.users.get)
        self.chains: dict[str, Chain] = {}
        self.counter = Counter()
        self.counts = {"in": 0, "out": 0, "rejected": 0, "pushes": 0, "notifications": 0}
        self._tasks: list[asyncio.Task[Any]] = []
        self._unsubscribe: list[Callable[[], None]] = []
        # Work-order events are notified one at a time, in the order accepted, so each
        # receiver's chain follows the order's story.
        self._events: asyncio.Queue[EventAccepted] = asyncio.Queue()

    # --- life cycle -----------------------------------------------------------------------

    async def start(self) -> None:
        store = self.engine.store
        assert store is not None
        for doc in store.im_users():
            user = ImUser.from_json({k: v for k, v in doc.items() if k != "generation"})
            self.users[user.user_id] = replace(user, generation=doc.get("generation", 0))
        rows, counter = store.im_chains()
        self.chains = {r["user_id"]: Chain(**r) for r in rows}
        self.counter = Counter(counter)
        await self._give_accounts()
        await self.client.subscribe(SERVER_TOPIC, 1)
        self._unsubscribe = [self.engine.bus.subscribe(EventAccepted, self._on_accepted)]
        self._tasks = [spawn(self._read(), name="IM server"),
                       spawn(self._notify_events(), name="1001 notifications")]

    async def stop(self) -> None:
        for stop in self._unsubscribe:
            stop()
        await cancel(self._tasks)

    # --- users ----------------------------------------------------------------------------

    def sign(self, user: ImUser) -> str:
        return auth_sign(self.secret, user.user_id, user.generation)

    def connection(self, user: ImUser) -> dict[str, Any]:
        """How a client connects as this user, per the spec (§1)."""
        return {"host": self.host, "port": self.port, "clientId": user.user_id,
                "username": user.user_id, "password": self.sign(user),
                "keepalive": KEEPALIVE, "cleanSession": False,
                "receivesOn": client_topic(user.user_id), "publishesTo": SERVER_TOPIC}

    def describe(self, user: ImUser, *, secrets: bool = False) -> dict[str, Any]:
        out = {**user.to_json(), "online": self.online(user.user_id)}
        if secrets:
            out["authSign"] = self.sign(user)
            out["mqtt"] = self.connection(user)
        return out

    async def put_user(self, doc: object) -> tuple[ImUser, bool]:
        """Create or change a user; UserError names each bad field."""
        user = ImUser.from_json(doc)
        taken = (user.user_id in RESERVED and "reserved for the broker's own accounts") or (
            self.engine.index.get(user.user_id) is not None
            and "already a subscriber system's baseCode (MQTT usernames are shared)")
        if taken:
            raise UserError([Finding("userID", Code.TYPE, f"{user.user_id!r} is {taken}",
                                     hint="choose another userID")])
        old = self.users.get(user.user_id)
        if old is not None:
            user = replace(user, generation=old.generation)
        await self._save_user(user)
        if old is None or old.generation != user.generation:
            await self.provision(user)
        return user, old is None

    async def rotate(self, user_id: str) -> ImUser:
        """A new authSign; the old one stops working (a connected client is let go)."""
        user = self.users[user_id].rotated()
        await self._save_user(user)
        await self.provision(user)
        return user

    async def delete_user(self, user_id: str) -> None:
        assert self.engine.writer is not None
        await self.engine.writer.call(lambda s: s.delete_im_user(user_id))
        self.users.pop(user_id, None)
        self.chains.pop(user_id, None)
        await self._give_accounts()

    async def _save_user(self, user: ImUser) -> None:
        assert self.engine.writer is not None
        doc = user.to_json()
        await self.engine.writer.call(lambda s: s.put_im_user(user.user_id, doc))
        self.users[user.user_id] = user
        await self._give_accounts()

    async def _give_accounts(self) -> None:
        if self._accounts is None:
            return
        result = self._accounts({u.user_id: self.sign(u) for u in self.users.values()})
        if inspect.isawaitable(result):
            await result

    async def provision(self, user: ImUser) -> bool:
        """Seed the user's persistent session with its subscription (Mosquitto has no
        server-side subscribe). Skipped while the user is online: connecting as it would
        take its session over. False if the broker would not let us."""
        if self.online(user.user_id):
            return True
        seed = MqttClient(self.host, self.port, username=user.user_id,
                          password=self.sign(user), client_id=user.user_id,
                          clean_session=False, keepalive=KEEPALIVE)
        try:
            await seed.connect(10)
            await seed.subscribe(client_topic(user.user_id), 1)
        except MqttError as error:
            log.warning("could not provision IM user %s: %s", user.user_id, error)
            return False
        finally:
            await seed.disconnect()
        return True

    # --- messages -------------------------------------------------------------------------

    async def _read(self) -> None:
        while True:
            message = await self.client.messages.get()
            if message.topic != SERVER_TOPIC:
                continue
            try:
                await self.handle(message.payload)
            except Exception:  # one message never stops the server
                log.exception("IM message not handled")

    async def handle(self, raw: bytes) -> None:
        """One message from the server topic, start to finish."""
        now = self.clock()
        actions = self.protocol.receive(raw, now)
        self.counts["in"] += 1
        first = actions[0]
        if isinstance(first, Rejected):
            self.counts["rejected"] += 1
            await self._log("in", first.sender, first.type, first.msgid, "rejected",
                            first.reason, raw)
            return
        try:
            envelope = json.loads(raw)
        except ValueError:  # the core accepted it, so it is JSON
            envelope = {}
        ignored = next((a for a in actions if isinstance(a, Ignored)), None)
        await self._log("in", envelope.get("from"), envelope.get("type"), envelope.get("msgid"),
                        "ignored" if ignored else "accepted",
                        ignored.reason if ignored else None, raw)
        for action in actions:
            if isinstance(action, Send):
                await self.send(action)
            elif isinstance(action, Acked):
                chain = self.chains.get(action.user_id)
                if chain is not None and acknowledge(chain, action.chat_seq):
                    await self._save_chains([chain])

    async def notify(self, kind: object, to: object, payload: object) -> dict[str, Any]:
        """A notification asked for by the GUI, the API or a scenario; NotifyError names
        what is wrong with the request."""
        send = self.protocol.notify(kind, to, payload, self.clock())
        self.counts["notifications"] += 1
        return await self.send(send)

    async def send(self, send: Send) -> dict[str, Any]:
        body = json.dumps(send.message, ensure_ascii=False).encode()
        return await self._deliver(send.user_id, send.message.get("type"),
                                   send.message.get("msgid"), body, False, send.message)

    async def _deliver(self, user_id: str, kind: str | None, msgid: str | None, body: bytes,
                       binary: bool, push_source: dict[str, Any]) -> dict[str, Any]:
        online = self.online(user_id)
        await self.client.publish(client_topic(user_id), body, 1)
        self.counts["out"] += 1
        status = "queued" if online is False else "sent"
        await self._log("out", user_id, kind, msgid, status, None, body, binary=binary)
        out: dict[str, Any] = {"userID": user_id, "msgid": msgid, "online": online,
                               "push": None}
        user = self.users.get(user_id)
        if online is False and user is not None:
            out["push"] = await self._push(user, push_source)
        return out

    async def _push(self, user: ImUser, source: dict[str, Any]) -> dict[str, Any] | None:
        push = push_for(user, source)
        if push is None:  # the spec has no push for this type: say so in the log
            await self._log("out", user.user_id, source.get("type"), source.get("msgid"),
                            "not-pushed", "the spec defines no mobile push for this type", b"{}")
            return None
        push["at"] = self.clock()
        assert self.engine.writer is not None
        await self.engine.writer.call(lambda s: s.record_pushes([push]))
        self.counts["pushes"] += 1
        self.engine.bus.publish(PushRecorded(user_id=user.user_id, platform=user.platform,
                                             doc=push))
        return push

    async def _log(self, direction: str, user_id: str | None, kind: str | None,
                   msgid: str | None, status: str, reason: str | None, body: bytes, *,
                   binary: bool = False) -> None:
        text = base64.b64encode(body).decode() if binary else body.decode("utf-8", "replace")
        row = {"at": self.clock(), "direction": direction, "user_id": user_id, "type": kind,
               "msgid": msgid, "status": status, "reason": reason, "body": text,
               "binary": int(binary)}
        assert self.engine.writer is not None
        await self.engine.writer.call(lambda s: s.log_im([row]))
        self.engine.bus.publish(ImMessageLogged(direction=direction, user_id=user_id,
                                                type=kind, msgid=msgid, status=status,
                                                reason=reason))

    async def _save_chains(self, chains: list[Chain]) -> None:
        rows, counter = [c.to_json() for c in chains], self.counter.value
        assert self.engine.writer is not None
        await self.engine.writer.call(lambda s: s.save_chains(rows, counter))

    # --- work-order notifications (1001) --------------------------------------------------

    def _on_accepted(self, event: EventAccepted) -> None:
        if self.users:
            self._events.put_nowait(event)

    async def _notify_events(self) -> None:
        while True:
            event = await self._events.get()
            try:
                await self._notify_event(event)
            except Exception:  # one event never stops the others
                log.exception("1001 notifications for event %d failed", event.event_id)

    async def _notify_event(self, event: EventAccepted) -> None:
        try:
            data = json.loads(event.data_json)
        except ValueError:
            return
        if not isinstance(data, dict):
            return
        store = self.engine.store
        assert store is not None
        creation: dict[str, Any] | None = None
        if event.change_id == "1":
            creation = data
        elif event.service_order_id:
            text = store.creation_of(event.service_order_id)
            creation = json.loads(text) if text else None
        targets = [(u, e) for u, e in repair.receivers(event.change_id, data,
                                                       repair.contact_of(creation))
                   if u in self.users]
        if not targets:
            return
        order = repair.order_of(event.data_area, creation, data)
        status = repair.status_of(event.change_id, data, event.event_id)
        touched = []
        for user_id, eosno in targets:
            user = self.users[user_id]
            notify = repair.notification(eosno, order, status)
            pb = user.encoding == "protobuf"
            content = wire.notify_binary(notify) if pb else json.dumps(
                notify, ensure_ascii=False).encode()
            chain = self.chains.setdefault(user_id, Chain(user_id))
            record = next_record(chain, self.counter, content, content_is_pb=pb,
                                 now=self.clock())
            touched.append(chain)
            body = wire.sync_binary(record) if pb else json.dumps(
                wire.sync_json(record)).encode()
            push_source = {"type": "repair", "msgid": str(record["msgUUID"]), "payload": {
                "o_id": order["order_id"], "status": status["status"],
                "alert": status["track_info"] or status["status_name"]}}
            await self._deliver(user_id, "repair_status_changed", str(record["msgUUID"]),
                                body, pb, push_source)
        self.counts["notifications"] += len(targets)
        await self._save_chains(touched)

