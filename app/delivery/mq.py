"""MQ topics: every delivery is also published, QoS 1, to ``wo/push/<baseCode>/<dataArea>``.

The message is the callback body, as the subscription would receive it over HTTP. A
subscription without a callback URL is MQ-only: its delivery is done when the broker
acknowledges the publish (PUBACK). Publishing is recorded in ``deliveries.mq_published_at``
in batches, and what was not yet acknowledged is published again after a restart (found from
a low-water mark, like the callback outbox). A disabled subscription's messages wait until it
is enabled again.

A PUBACK means the broker has the message in memory, not on disk: a managed Mosquitto that
crashes loses what it acknowledged since its last save. After such a crash it says since
when (``republish_since``), and those deliveries are published again — a duplicate for an
integrator that had already read one, never a loss.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.broker.health import SysStats
from app.delivery.body import callback_body
from app.events import (
    DeliveriesReplayed,
    EventAccepted,
    MqPublished,
    SubscriptionRemoved,
    SubscriptionSaved,
)
from app.routing.topics import topic_for
from app.tasks import cancel, spawn
from app.transport.mqtt import MqttClient, MqttError

if TYPE_CHECKING:
    from app.engine import Engine

log = logging.getLogger(__name__)

#: Publishes awaiting their PUBACK at once (the client caps paho's in-flight window too).
WORKERS = 64
#: How often acknowledged publishes are written down, at most.
FLUSH_EVERY = 0.05


@dataclass(slots=True)
class Message:
    delivery_id: int
    base_code: str
    change_id: str
    data_area: str
    data_json: str


class MqPublisher:
    def __init__(self, engine: Engine, client: MqttClient) -> None:
        self.engine, self.client = engine, client
        self.queue: asyncio.Queue[Message] = asyncio.Queue()
        self.parked: dict[str, list[Message]] = {}
        self.published = 0
        #: Publishes made again because a crashed broker had lost them.
        self.republished = 0
        self.stats = SysStats()
        self._done: list[tuple[int, float, bool]] = []
        self._flushed = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._unsubscribe: list = []
        self._known: set[int] = set()

    async def start(self) -> int:
        # The service account reads the broker's own counters ($SYS) on the same connection.
        try:
            await self.client.subscribe("$SYS/broker/#", 0)
        except MqttError as error:  # an external broker may not allow it: say so, go on
            log.warning("broker statistics ($SYS) not available: %s", error)
        bus = self.engine.bus
        self._unsubscribe = [bus.subscribe(EventAccepted, self._on_accepted),
                             bus.subscribe(DeliveriesReplayed, self._on_replayed),
                             bus.subscribe(SubscriptionSaved, self._on_saved),
                             bus.subscribe(SubscriptionRemoved, self._on_removed)]
        self._tasks = [spawn(self._work(), name="mq publisher") for _ in range(WORKERS)]
        self._tasks.append(spawn(self._flush_loop(), name="mq recorder"))
        self._tasks.append(spawn(self._read_stats(), name="broker statistics"))
        recovered, mark = self._recover()
        assert self.engine.writer is not None
        await self.engine.writer.call(lambda s: s.set_setting("mq_low_water", mark))
        return recovered

    async def stop(self) -> None:
        for stop in self._unsubscribe:
            stop()
        await cancel(self._tasks)
        await self._flush()

    def _recover(self) -> tuple[int, int]:
        store = self.engine.store
        assert store is not None
        mark = next_id = store.mq_low_water()
        count = 0
        while rows := store.unpublished(next_id, 5000):
            for row in rows:
                self._enqueue(Message(row["id"], row["base_code"], row["change_id"],
                                      row["data_area"], row["data_json"]))
                count += 1
            next_id = rows[-1]["id"] + 1
        return count, mark

    def republish_since(self, since: float) -> None:
        """The broker lost what it acknowledged since ``since``: publish that again."""
        spawn(self._republish(since), name="republish after a broker crash")

    async def _republish(self, since: float) -> None:
        await self._flush()  # what is acknowledged but not yet written down must be found
        assert self.engine.writer is not None and self.engine.store is not None
        first = await self.engine.writer.call(lambda s: s.unpublish_since(since))
        if first is None:
            return
        count, next_id = 0, first
        while rows := self.engine.store.unpublished(next_id, 5000):
            for row in rows:
                if row["id"] not in self._known:
                    count += 1
                self._enqueue(Message(row["id"], row["base_code"], row["change_id"],
                                      row["data_area"], row["data_json"]))
            next_id = rows[-1]["id"] + 1
        self.republished += count
        log.warning("the broker crashed and lost what it had acknowledged since %s: "
                    "publishing %d messages again",
                    time.strftime("%H:%M:%S", time.localtime(since)), count)

    def _enqueue(self, message: Message) -> None:
        if message.delivery_id not in self._known:
            self._known.add(message.delivery_id)
            self.queue.put_nowait(message)

    def _on_accepted(self, event: EventAccepted) -> None:
        for ref in event.deliveries:
            self._enqueue(Message(ref.delivery_id, ref.base_code, event.change_id,
                                  event.data_area, event.data_json))

    def _on_replayed(self, event: DeliveriesReplayed) -> None:
        store = self.engine.store
        assert store is not None
        for delivery_id in event.delivery_ids:
            for row in store.unpublished(delivery_id, 1):
                if row["id"] == delivery_id:
                    self._enqueue(Message(row["id"], row["base_code"], row["change_id"],
                                          row["data_area"], row["data_json"]))

    def _on_saved(self, event: SubscriptionSaved) -> None:
        if event.doc.get("enabled"):
            for message in self.parked.pop(event.base_code, []):
                self.queue.put_nowait(message)

    def _on_removed(self, event: SubscriptionRemoved) -> None:
        for message in self.parked.pop(event.base_code, []):
            self._record(message, 0.0, done=False)

    async def _work(self) -> None:
        while True:
            message = await self.queue.get()
            sub = self.engine.index.get(message.base_code)
            if sub is None:  # deleted: it never will be published
                self._record(message, 0.0, done=False)
                continue
            if not sub.enabled:
                self.parked.setdefault(sub.base_code, []).append(message)
                continue
            body = callback_body(base_code=sub.base_code, data_area=message.data_area,
                                 change_id=message.change_id, data_json=message.data_json,
                                 encoding=sub.data_encoding, send_base_code=sub.send_base_code)
            topic = topic_for(sub.base_code, message.data_area, message.change_id)
            try:
                await self.client.publish(topic, body)
            except MqttError as error:  # the client is going away: the next start resends
                log.warning("MQ publish of delivery %d stopped: %s", message.delivery_id,
                            error)
                return
            self.published += 1
            self._record(message, time.time(), done=not sub.callback_url)
            self.engine.bus.publish(MqPublished(delivery_id=message.delivery_id,
                                                base_code=sub.base_code, topic=topic,
                                                change_id=message.change_id, body=body))

    async def _read_stats(self) -> None:
        while True:
            message = await self.client.messages.get()
            self.stats.feed(message.topic, message.payload)

    def _record(self, message: Message, when: float, done: bool) -> None:
        self._known.discard(message.delivery_id)
        self._done.append((message.delivery_id, when, done))

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_EVERY)
            await self._flush()

    async def _flush(self) -> None:
        if not self._done:
            return
        batch, self._done = self._done, []
        assert self.engine.writer is not None
        try:
            await self.engine.writer.call(lambda s: s.mark_published(batch))
        except Exception:
            log.exception("recording %d MQ publishes failed; they will be sent again",
                          len(batch))
