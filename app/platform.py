"""The platform as one running thing: engine, broker and MQ topics, IM server, callback
service, simulated subscribers and app users, and the local API — started in order and
stopped in the reverse. ``serve`` runs it headless; the desktop app hosts the same in-process.

Started in this order, stopped in the reverse: what receives (the simulated subscribers, the
broker) outlives what sends (the callback service, the MQ publisher), so a clean stop never
turns an in-flight delivery into a failure. A part that cannot start (no Mosquitto, a broker
that refuses us) is reported through ``warn`` and the rest runs without it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import heap, paths
from app.api import token as tokens
from app.api.routes import Api, SimulatorHost
from app.broker.client_events import HOW, ClientEvents
from app.broker.managed import BrokerUnavailable, ManagedBroker
from app.broker.profile import ExternalBroker
from app.bus import EventBus
from app.delivery.dispatcher import Dispatcher
from app.delivery.mq import MqPublisher
from app.engine import Engine
from app.events import SubscriptionRemoved, SubscriptionSaved
from app.im.service import ImService
from app.transport.http import HttpClient, HttpServer
from app.transport.mqtt import MqttClient, MqttError
from app.transport.mqtt_loop import long_lived_client
from app.wecom.service import KfService


@dataclass
class Options:
    db_path: Path
    data_dir: str | None = None
    http_host: str = "127.0.0.1"
    http_port: int = 8470
    mqtt_port: int = 0
    external: ExternalBroker | None = None
    mosquitto: str | None = None


class Platform:
    """``await Platform(options, …).start()``, then ``await platform.stop()``."""

    def __init__(self, options: Options, *, simulators: Callable[[], Any] | None = None,
                 crowd: Callable[..., Any] | None = None,
                 warn: Callable[[str], None] = lambda _text: None,
                 bus: EventBus | None = None) -> None:
        """``bus``: an event bus someone already watches (the desktop app's Live feed)."""
        self.options = options
        self._simulators, self._crowd, self._warn = simulators, crowd, warn
        #: What could not start, in the words shown to the user.
        self.warnings: list[str] = []
        self.engine = Engine(options.db_path, bus=bus)
        self.sims: SimulatorHost | None = None
        self.mq = MqSide()
        self.im: ImService | None = None
        #: The WeCom customer-service desk: needs only the engine, so it always runs.
        self.wecom: KfService | None = None
        self.phones: Any = None
        self.dispatcher: Dispatcher | None = None
        self.token = ""
        self.server: HttpServer | None = None
        self.recovered = 0
        self._stack = contextlib.AsyncExitStack()

    def warn(self, text: str) -> None:
        self.warnings.append(text)
        self._warn(text)

    async def start(self) -> Platform:
        stack, options = self._stack, self.options
        try:
            engine = self.engine.open()
            stack.callback(engine.close)
            http = HttpClient()
            await http.start()
            stack.push_async_callback(http.close)
            if self._simulators is not None:
                self.sims = await self._simulators().start()
                stack.push_async_callback(self.sims.stop)  # type: ignore[union-attr]
            self.mq = mq = await _start_mq(options, engine, stack, self.warn)
            self.im = im = await _start_im(options, engine, mq, stack, self.warn)
            if im is not None and self._crowd is not None:
                self.phones = await self._crowd(im.host, im.port,
                                                create_users=_creator(im)).start()
                stack.push_async_callback(self.phones.stop)  # before the IM server stops
            self.dispatcher = Dispatcher(engine, http, instance=engine.instance_id)
            self.recovered = await self.dispatcher.start()
            stack.push_async_callback(self.dispatcher.stop)
            self.wecom = KfService(engine).start()
            self.token = tokens.load_or_create(paths.data_dir(options.data_dir))
            api = Api(engine, self.token, dispatcher=self.dispatcher, simulators=self.sims,
                      status=self.status, mqtt_account=mq.account, im=im,
                      app_users=self.phones, restart_broker=self.restart_broker,
                      wecom=self.wecom)
            self.server = await HttpServer(api.handle, options.http_host,
                                           options.http_port).start()
            stack.push_async_callback(self.server.stop)
        except BaseException:
            await stack.aclose()
            raise
        heap.settle()  # what startup built lives as long as the platform
        return self

    async def stop(self) -> None:
        await self._stack.aclose()

    async def restart_broker(self) -> dict[str, Any]:
        """Restart the managed broker (LookupError when there is none): the MQ publisher and
        the IM server reconnect by themselves, and what it lost is published again."""
        broker = self.mq.broker
        if broker is None:
            raise LookupError("there is no managed broker to restart: "
                              + (self.mq.problem or "the broker is external"))
        await broker.restart()
        return {"restarted": True, **broker.status().to_json()}

    def status(self) -> dict[str, Any]:
        store = self.engine.store
        assert store is not None
        return {"db": str(self.options.db_path), "broker": self.mq.status(),
                "counts": store.counts(), "mqWaiting": store.mq_waiting()}

    def ready(self) -> dict[str, Any]:
        """The ready line of the external contract (DESIGN.md)."""
        assert self.server is not None
        return {"event": "ready", "http": self.server.url, "mqtt": self.mq.address(),
                "token": self.token, "db": str(self.options.db_path),
                "simulators": self.sims.server.url if self.sims is not None else None,  # type: ignore[attr-defined]
                "recovered": self.recovered, "broker": self.mq.status()}


class MqSide:
    """The broker and the MQ publisher as serve runs them, or their absence, explained."""

    def __init__(self) -> None:
        self.broker: ManagedBroker | None = None
        self.external: ExternalBroker | None = None
        self.client: MqttClient | None = None
        self.publisher: MqPublisher | None = None
        self.problem: str | None = None
        #: Who is connected to an external broker (the managed one's log says it instead).
        self.client_events: ClientEvents | None = None

    def address(self) -> dict[str, Any] | None:
        if self.broker is not None:
            return {"host": self.broker.host, "port": self.broker.port}
        if self.external is not None and self.client is not None:
            return {"host": self.external.host, "port": self.external.port}
        return None

    def status(self) -> dict[str, Any]:
        out: dict[str, Any] = {"problem": self.problem}
        if self.broker is not None:
            out.update(self.broker.status().to_json())
        if self.external is not None:
            out.update(managed=False, url=self.external.describe())
        if self.client_events is not None:
            out.update(clientEvents=self.client_events.to_json())
        if self.client is not None:
            out.update(connected=self.client.connected, reconnects=self.client.reconnects,
                       lastError=self.client.last_error)
        if self.client is not None:
            out.update(inboxDropped=self.client.dropped)
        if self.publisher is not None:
            out.update(published=self.publisher.published,
                       republished=self.publisher.republished,
                       waiting=self.publisher.queue.qsize(),
                       held=sum(len(v) for v in self.publisher.parked.values()),
                       stats=self.publisher.stats.to_json())
        return out

    def account(self, base_code: str) -> dict[str, Any] | None:
        """An integrator's MQTT credentials for its own topic (managed broker only)."""
        if self.broker is None:
            return None
        account = self.broker.subscriber_account(base_code)
        return {"host": self.broker.host, "port": self.broker.port,
                "clientId": base_code, "username": account.username,
                "password": account.password, "topic": f"wo/push/{base_code}/#",
                "orgTopic": f"org/push/{base_code}/#"}


async def _start_mq(options: Options, engine: Engine, stack: contextlib.AsyncExitStack,
                    warn: Callable[[str], None]) -> MqSide:
    side = MqSide()
    if options.external is not None:
        side.external = options.external
        client = MqttClient(options.external.host, options.external.port,
                            username=options.external.username, password=options.external.password,
                            tls=options.external.tls, client_id=f"pushstudio-{engine.instance_id}")
    else:
        broker = ManagedBroker(paths.data_dir(options.data_dir), port=options.mqtt_port,
                               binary=options.mosquitto)
        broker.set_subscribers(s.base_code for s in engine.subscriptions())
        try:
            await broker.start()
        except BrokerUnavailable as error:
            side.problem = str(error)
            warn(str(error))
            return side
        stack.push_async_callback(broker.stop)
        side.broker = broker

        def follow(_event: object) -> None:  # accounts follow the subscriptions
            broker.set_subscribers(s.base_code for s in engine.subscriptions())

        stack.callback(engine.bus.subscribe(SubscriptionSaved, follow))
        stack.callback(engine.bus.subscribe(SubscriptionRemoved, follow))
        client = MqttClient(broker.host, broker.port, username=broker.service.username,
                            password=broker.service.password,
                            client_id=f"pushstudio-{engine.instance_id}")
    try:
        await client.connect(15)
    except MqttError as error:
        side.problem = str(error)
        warn(f"{error}; running without MQ topics")
        return side
    stack.push_async_callback(client.disconnect)
    side.client = client
    side.publisher = MqPublisher(engine, client)
    await side.publisher.start()
    stack.push_async_callback(side.publisher.stop)
    if side.broker is not None:
        side.broker.on_restart.append(side.publisher.republish_since)
    return side


async def _start_im(options: Options, engine: Engine, mq: MqSide,
                    stack: contextlib.AsyncExitStack, warn: Callable[[str], None]
                    ) -> ImService | None:
    """The IM server, on the same broker as the MQ topics; None when there is none."""
    if mq.client is None:
        return None
    secret = tokens.load_or_create(paths.data_dir(options.data_dir), "im-secret")
    broker = mq.broker
    give: Callable[[dict[str, str]], Any] | None = None
    online: Callable[[str], bool] | None = None
    if broker is not None:
        host, port = broker.host, broker.port
        client = long_lived_client(host, port, username=broker.im_server.username,
                                   password=broker.im_server.password, client_id="imserver")
        give, online = broker.put_im_users, broker.online
    else:  # an external broker's accounts are its operators' business
        assert mq.external is not None
        ext = mq.external
        host, port = ext.host, ext.port
        client = long_lived_client(host, port, username=ext.username, password=ext.password,
                                   tls=ext.tls,
                                   client_id=f"pushstudio-im-{engine.instance_id}")
        online = await _watch_client_events(engine, mq, stack, warn)
    try:
        await client.connect(15)
    except MqttError as error:
        warn(f"the IM server could not connect: {error}; running without it")
        return None
    stack.push_async_callback(client.disconnect)
    # Our own arrival is the first client event an external broker can tell us about: wait
    # for it, so that presence is known before the first message (or said to be unknown).
    if mq.client_events is not None and not await mq.client_events.first_event(3.0):
        warn("the broker publishes no client events, so who is online is "
                  f"unknown and no mobile pushes are recorded. {HOW}")
    im = ImService(engine, client, secret=secret, host=host, port=port,
                   online=online or (lambda _user_id: None), accounts=give)
    await im.start()
    stack.push_async_callback(im.stop)
    return im


async def _watch_client_events(engine: Engine, mq: MqSide, stack: contextlib.AsyncExitStack,
                               warn: Callable[[str], None]
                               ) -> Callable[[str], bool | None] | None:
    """Presence on an external broker, from the client events it publishes; connected
    before the IM server's own client, whose arrival is then the first event heard."""
    ext = mq.external
    assert ext is not None
    events = ClientEvents()
    watcher = long_lived_client(ext.host, ext.port, username=ext.username,
                                password=ext.password, tls=ext.tls,
                                client_id=f"pushstudio-presence-{engine.instance_id}")
    try:
        await watcher.connect(15)
    except MqttError as error:
        warn(f"could not watch the broker's client events: {error}; "
                  "who is online stays unknown, so no mobile pushes are recorded")
        return None
    stack.push_async_callback(watcher.disconnect)
    mq.client_events = await events.watch(watcher)
    stack.push_async_callback(events.stop)
    return events.online


def _creator(im: ImService) -> Callable[[list[dict[str, Any]]], Any]:
    """How the simulated app users create their IM users: as POST /api/users does."""

    async def create(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [im.describe(user, secrets=True) for user, _ in await im.put_users(docs)]

    return create
