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
from app.im.protocol import Acked, Ignored, ImProtocol, NotifyError, Rejected, Send
from app.im.push import push_for
from app.im.sync import Chain, Counter, acknowledge, next_record
from app.im.users import ImUser, UserError, auth_sign
from app.routing.topics import ORG_PREFIX
from app.tasks import cancel, spawn
from app.transport.mqtt import MqttClient, MqttError
from app.transport.mqtt_loop import LoopMqttClient, can_watch_sockets

if TYPE_CHECKING:
    from app.engine import Engine

log = logging.getLogger(__name__)

KEEPALIVE = 30
#: Log rows waiting for the store before new ones are counted as dropped (the store writes
#: tens of thousands a second, so this is reached only when it has stopped).
JOURNAL_LIMIT = 100_000
#: The journal writes at most this often. Each write is a commit (an fsync) and a round trip
#: to the writer thread; writing each few rows as they came cost the chat round trip more
#: than the rows themselves (bench im: p50 1.6 → 10 ms). The bus shows each row at once.
JOURNAL_INTERVAL = 0.05
#: Users provisioned at once (each is a short-lived connection).
PROVISION_AT_ONCE = 64


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
        self.counts = dict.fromkeys(("in", "out", "rejected", "pushes", "notifications",
                                     "rich", "publishFailed", "logDropped"), 0)
        # The journal: what the message path hands to the store, written in batches.
        self._rows: list[dict[str, Any]] = []
        self._pushes: list[dict[str, Any]] = []
        self._chains_changed: set[str] = set()
        self._journal_ready = asyncio.Event()
        self._flushing = asyncio.Lock()
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
                       spawn(self._notify_events(), name="1001 notifications"),
                       spawn(self._journal(), name="IM journal")]

    async def stop(self) -> None:
        for stop in self._unsubscribe:
            stop()
        await cancel(self._tasks)
        await self.flush()  # what the journal had not written yet

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
        return (await self.put_users([doc], batch=False))[0]

    async def put_users(self, docs: list[object], *, batch: bool = True
                        ) -> list[tuple[ImUser, bool]]:
        """Create or change many users at once: one write, one update of the broker's
        accounts, provisioning in parallel. UserError names each bad field (prefixed with its
        index in a batch); nothing is saved then."""
        users: list[ImUser] = []
        findings: list[Finding] = []
        seen: set[str] = set()
        for i, doc in enumerate(docs):
            try:
                user = self._checked(doc)
            except UserError as error:
                findings += [replace(f, path=f"[{i}].{f.path}".rstrip(".")) if batch else f
                             for f in error.findings]
                continue
            if user.user_id in seen:
                findings.append(Finding(f"[{i}].userID", Code.TYPE,
                                        f"{user.user_id!r} appears twice in this batch"))
            seen.add(user.user_id)
            users.append(user)
        if findings:
            raise UserError(findings)
        out = []
        for user in users:
            old = self.users.get(user.user_id)
            out.append((replace(user, generation=old.generation) if old else user, old is None))
        await self._save_users([u for u, _ in out])
        fresh = [u for u, created in out if created]
        await self.provision_all(fresh)
        return out

    def _checked(self, doc: object) -> ImUser:
        user = ImUser.from_json(doc)
        taken = (user.user_id in RESERVED and "reserved for the broker's own accounts") or (
            self.engine.index.get(user.user_id) is not None
            and "already a subscriber system's baseCode (MQTT usernames are shared)")
        if taken:
            raise UserError([Finding("userID", Code.TYPE, f"{user.user_id!r} is {taken}",
                                     hint="choose another userID")])
        return user

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
        await self._save_users([user])

    async def _save_users(self, users: list[ImUser]) -> None:
        assert self.engine.writer is not None
        docs = {u.user_id: u.to_json() for u in users}
        await self.engine.writer.call(lambda s: s.put_im_users(docs))
        self.users.update((u.user_id, u) for u in users)
        await self._give_accounts()

    async def _give_accounts(self) -> None:
        if self._accounts is None:
            return
        result = self._accounts({u.user_id: self.sign(u) for u in self.users.values()})
        if inspect.isawaitable(result):
            await result

    async def provision_all(self, users: list[ImUser]) -> list[str]:
        """Provision many, ``PROVISION_AT_ONCE`` at a time; the userIDs that failed."""
        gate = asyncio.Semaphore(PROVISION_AT_ONCE)

        async def one(user: ImUser) -> bool:
            async with gate:
                return await self.provision(user)

        done = await asyncio.gather(*(one(u) for u in users))
        return [u.user_id for u, ok in zip(users, done, strict=True) if not ok]

    async def provision(self, user: ImUser) -> bool:
        """Seed the user's persistent session with its subscription (Mosquitto has no
        server-side subscribe). Skipped while the user is online: connecting as it would
        take its session over. False if the broker would not let us."""
        if self.online(user.user_id):
            return True
        # On the loop when it can watch sockets: a thousand new users need no thousand
        # short-lived paho threads.
        kind = LoopMqttClient if can_watch_sockets(asyncio.get_running_loop()) else MqttClient
        seed = kind(self.host, self.port, username=user.user_id,
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
        """One message from the server topic, start to finish. Its answers are handed to
        the broker in order and not waited for: the next message need not wait for this
        one's PUBACKs or for the log's commit."""
        now = self.clock()
        actions = self.protocol.receive(raw, now)
        self.counts["in"] += 1
        first = actions[0]
        if isinstance(first, Rejected):
            self.counts["rejected"] += 1
            self._log("in", first.sender, first.type, first.msgid, "rejected", first.reason,
                      raw)
            return
        ignored = next((a for a in actions if isinstance(a, Ignored)), None)
        envelope = self.protocol.last  # what the core parsed: no second json.loads
        self._log("in", envelope.get("from"), envelope.get("type"), envelope.get("msgid"),
                  "ignored" if ignored else "accepted", ignored.reason if ignored else None,
                  raw)
        for action in actions:
            if isinstance(action, Send):
                await self._start(action)
            elif isinstance(action, Acked):
                chain = self.chains.get(action.user_id)
                if chain is not None and acknowledge(chain, action.chat_seq):
                    self._chains_changed.add(action.user_id)
                    self._journal_ready.set()

    async def notify(self, kind: object, to: object, payload: object) -> dict[str, Any]:
        """A notification asked for by the GUI, the API or a scenario; NotifyError names
        what is wrong with the request. Returns once the broker holds it."""
        send = self.protocol.notify(kind, to, payload, self.clock())
        self.counts["notifications"] += 1
        return await self.send(send)

    async def notify_many(self, kind: object, to: list[object], payload: object
                          ) -> list[dict[str, Any]]:
        """The same notification to each of ``to``, all at once; nothing is sent if any
        receiver is wrong (NotifyError names it by its index). Returns once the broker holds
        every one."""
        now = self.clock()
        sends, findings = [], []
        for i, user_id in enumerate(to):
            try:
                sends.append(self.protocol.notify(kind, user_id, payload, now))
            except NotifyError as error:
                findings += [replace(f, path=f"to[{i}]") if f.path == "to" else f
                             for f in error.findings if f not in findings]
        if findings:
            raise NotifyError(findings)
        self.counts["notifications"] += len(sends)
        started = [await self._start(s) for s in sends]
        await asyncio.gather(*(acked for _, acked in started))
        return [out for out, _ in started]

    async def send_rich(self, send: Send) -> dict[str, Any]:
        """A rich-text message from POST /orgs/{org_id}/messages (made by app.im.rich): sent,
        logged and pushed like any other, counted under ``rich``."""
        self.counts["rich"] += 1
        return await self.send(send)

    async def send(self, send: Send) -> dict[str, Any]:
        """Publish one message and wait for the broker's acknowledgement."""
        out, acked = await self._start(send)
        await acked
        return out

    async def _start(self, send: Send) -> tuple[dict[str, Any], asyncio.Future[None]]:
        body = json.dumps(send.message, ensure_ascii=False).encode()
        return await self._deliver(send.user_id, send.message.get("type"),
                                   send.message.get("msgid"), body, False, send.message)

    async def _deliver(self, user_id: str, kind: str | None, msgid: str | None, body: bytes,
                       binary: bool, push_source: dict[str, Any]
                       ) -> tuple[dict[str, Any], asyncio.Future[None]]:
        """Hand one message to the broker (in order with the ones before it), log it, and
        record the push when its user is offline. Returns the outcome and the future of the
        broker's acknowledgement."""
        online = self.online(user_id)
        acked = await self.client.start_publish(client_topic(user_id), body, 1)
        acked.add_done_callback(self._publish_failed)
        self.counts["out"] += 1
        status = "queued" if online is False else "sent"
        self._log("out", user_id, kind, msgid, status, None, body, binary=binary)
        out: dict[str, Any] = {"userID": user_id, "msgid": msgid, "online": online,
                               "push": None}
        user = self.users.get(user_id)
        if online is False and user is not None:
            out["push"] = self._push(user, push_source)
        return out, acked

    def _publish_failed(self, acked: asyncio.Future[None]) -> None:
        if not acked.cancelled() and acked.exception() is not None:
            self.counts["publishFailed"] += 1
            log.warning("an IM message was not acknowledged by the broker: %s",
                        acked.exception())

    def _push(self, user: ImUser, source: dict[str, Any]) -> dict[str, Any] | None:
        push = push_for(user, source)
        if push is None:  # the spec has no push for this type: say so in the log
            self._log("out", user.user_id, source.get("type"), source.get("msgid"),
                      "not-pushed", "the spec defines no mobile push for this type", b"{}")
            return None
        push["at"] = self.clock()
        self._pushes.append(push)
        self._journal_ready.set()
        self.counts["pushes"] += 1
        self.engine.bus.publish(PushRecorded(user_id=user.user_id, platform=user.platform,
                                             doc=push))
        return push

    def _log(self, direction: str, user_id: str | None, kind: str | None,
             msgid: str | None, status: str, reason: str | None, body: bytes, *,
             binary: bool = False) -> None:
        """Into the message log: shown at once on the bus, written to the store by the
        journal task in batches."""
        text = base64.b64encode(body).decode() if binary else body.decode("utf-8", "replace")
        if len(self._rows) >= JOURNAL_LIMIT:
            self.counts["logDropped"] += 1
            if self.counts["logDropped"] in (1, 100) or self.counts["logDropped"] % 10_000 == 0:
                log.warning("IM message log behind the store: %d rows not kept",
                            self.counts["logDropped"])
        else:
            self._rows.append({"at": self.clock(), "direction": direction, "user_id": user_id,
                               "type": kind, "msgid": msgid, "status": status,
                               "reason": reason, "body": text, "binary": int(binary)})
            self._journal_ready.set()
        self.engine.bus.publish(ImMessageLogged(direction=direction, user_id=user_id,
                                                type=kind, msgid=msgid, status=status,
                                                reason=reason, body=text, binary=binary))

    async def _journal(self) -> None:
        """Write what the message path collected — log rows, pushes, acknowledged chains —
        one writer call per batch, in the order it happened."""
        while True:
            await self._journal_ready.wait()
            self._journal_ready.clear()
            await self.flush()
            await asyncio.sleep(JOURNAL_INTERVAL)  # pacing, see JOURNAL_INTERVAL

    async def flush(self) -> None:
        """Write everything collected so far; returns when it is committed — including what
        the journal task had taken and was still writing."""
        async with self._flushing:
            await self._flush()

    async def _flush(self) -> None:
        rows, self._rows = self._rows, []
        pushes, self._pushes = self._pushes, []
        chains = [self.chains[u] for u in self._chains_changed if u in self.chains]
        self._chains_changed.clear()
        if not (rows or pushes or chains):
            return
        chain_rows, counter = [c.to_json() for c in chains], self.counter.value

        def write(store: Any) -> None:
            if rows:
                store.log_im(rows)
            if pushes:
                store.record_pushes(pushes)
            if chain_rows:
                store.save_chains(chain_rows, counter)

        assert self.engine.writer is not None
        await self.engine.writer.call(write)

    async def _save_chains(self, chains: list[Chain]) -> None:
        rows, counter = [c.to_json() for c in chains], self.counter.value
        assert self.engine.writer is not None
        await self.engine.writer.call(lambda s: s.save_chains(rows, counter))

    # --- work-order notifications (1001) --------------------------------------------------

    def _on_accepted(self, event: EventAccepted) -> None:
        # Organisation pushes are for subscriber systems, not app users: no 1001 records.
        if self.users and not event.change_id.startswith(ORG_PREFIX):
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
        records = []
        for user_id, eosno in targets:
            user = self.users[user_id]
            notify = repair.notification(eosno, order, status)
            pb = user.encoding == "protobuf"
            content = wire.notify_binary(notify) if pb else json.dumps(
                notify, ensure_ascii=False).encode()
            chain = self.chains.setdefault(user_id, Chain(user_id))
            record = next_record(chain, self.counter, content, content_is_pb=pb,
                                 now=self.clock())
            body = wire.sync_binary(record) if pb else json.dumps(
                wire.sync_json(record)).encode()
            push_source = {"type": "repair", "msgid": str(record["msgUUID"]), "payload": {
                "o_id": order["order_id"], "status": status["status"],
                "alert": status["track_info"] or status["status_name"]}}
            records.append((user_id, record, body, pb, push_source))
        # The chains move on durably before anything is published: after a crash, no
        # offset or msgUUID is handed out twice.
        await self._save_chains([self.chains[u] for u, *_ in records])
        acks = []
        for user_id, record, body, pb, push_source in records:
            _, acked = await self._deliver(user_id, "repair_status_changed",
                                           str(record["msgUUID"]), body, pb, push_source)
            acks.append(acked)
        self.counts["notifications"] += len(targets)
        await asyncio.gather(*acks, return_exceptions=True)

