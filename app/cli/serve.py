"""``python main.py serve``: the platform headless — engine, managed broker and MQ topics,
callback service, local API and simulated subscribers — until SIGINT or SIGTERM.

When everything listens it prints one JSON line (the external contract in DESIGN.md):
``{"event": "ready", "http": "http://127.0.0.1:PORT", "mqtt": ..., "token": "...", "db": ...}``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
from collections.abc import Callable
from typing import Any

from app import heap, paths
from app.api import token as tokens
from app.api.routes import Api, SimulatorHost
from app.broker.client_events import HOW, ClientEvents
from app.broker.managed import BrokerUnavailable, ManagedBroker
from app.broker.profile import ExternalBroker, parse_broker
from app.cli import UNUSABLE, print_err
from app.delivery.dispatcher import Dispatcher
from app.delivery.mq import MqPublisher
from app.engine import Engine
from app.events import SubscriptionRemoved, SubscriptionSaved
from app.im.service import ImService
from app.transport.http import HttpClient, HttpServer
from app.transport.mqtt import MqttClient, MqttError
from app.transport.mqtt_loop import long_lived_client

log = logging.getLogger(__name__)

DEFAULT_HTTP = "127.0.0.1:8470"


def add_parser(sub: argparse._SubParsersAction,
               simulators: Callable[[], Any] | None = None,
               crowd: Callable[..., Any] | None = None) -> None:
    p = sub.add_parser("serve", help="run the platform headless (API, callbacks, simulators)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--http", default=DEFAULT_HTTP, metavar="HOST:PORT",
                   help=f"where the API listens (default {DEFAULT_HTTP}; port 0 picks a free "
                        "one)")
    p.add_argument("--mqtt-port", type=int, default=0, metavar="N",
                   help="the managed broker's port on 127.0.0.1 (0 = a free one)")
    p.add_argument("--broker", default="managed", metavar="managed|mqtt://…",
                   help="the managed Mosquitto (default), or mqtt://user:pass@host:port "
                        "(mqtts:// for TLS); leave the password out of the URL to take it "
                        "from $PUSH_STUDIO_BROKER_PASSWORD, unseen by ps")
    p.add_argument("--mosquitto", metavar="PATH", help="the mosquitto binary to manage")
    p.set_defaults(run=lambda args: _run(args, simulators, crowd))


def _run(args: argparse.Namespace, simulators: Callable[[], Any] | None,
         crowd: Callable[..., Any] | None = None) -> int:
    host, _, port = args.http.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        print_err(f"serve: --http {args.http!r} is not HOST:PORT, e.g. 127.0.0.1:8470")
        return UNUSABLE
    if host not in ("127.0.0.1", "localhost", "::1"):
        print_err(f"serve: warning: the API listens on {host}, beyond this machine; anyone "
                  "who can reach it and has the token can send events and read deliveries")
    try:
        args.external = parse_broker(args.broker, os.environ)
    except ValueError as error:
        print_err(f"serve: {error}")
        return UNUSABLE
    try:
        return asyncio.run(serve(args, host, int(port), simulators, crowd))
    except OSError as error:
        print_err(f"serve: cannot listen on {args.http}: {error.strerror or error} — pick "
                  "another with --http 127.0.0.1:0 (any free port)")
        return UNUSABLE


async def serve(args: argparse.Namespace, host: str, port: int,
                simulators: Callable[[], Any] | None,
                crowd: Callable[..., Any] | None = None) -> int:
    # Signals are ours from the start: a SIGTERM right after the ready line (a supervisor,
    # a test) must find the handler in place, not kill the process mid-way.
    stop = _stop_on_signals()
    engine = Engine(args.db_path).open()
    stack = contextlib.AsyncExitStack()
    async with stack:
        stack.callback(engine.close)
        # Started in this order, stopped in the reverse: what receives (the simulated
        # subscribers, the broker) outlives what sends (the callback service, the MQ
        # publisher), so a clean stop never turns an in-flight delivery into a failure.
        http = HttpClient()
        await http.start()
        stack.push_async_callback(http.close)
        sims: SimulatorHost | None = None
        if simulators is not None:
            sims = await simulators().start()
            stack.push_async_callback(sims.stop)  # type: ignore[attr-defined]
        mq = await _start_mq(args, engine, stack)
        im = await _start_im(args, engine, mq, stack)
        phones = None
        if im is not None and crowd is not None:
            phones = await crowd(im.host, im.port, create_users=_creator(im)).start()
            stack.push_async_callback(phones.stop)  # before the IM server stops
        dispatcher = Dispatcher(engine, http, instance=engine.instance_id)
        recovered = await dispatcher.start()
        stack.push_async_callback(dispatcher.stop)
        token = tokens.load_or_create(paths.data_dir(args.data_dir))
        api = Api(engine, token, dispatcher=dispatcher, simulators=sims,
                  status=lambda: {"db": str(args.db_path), "broker": mq.status(),
                                  "counts": engine.store.counts(),  # type: ignore[union-attr]
                                  "mqWaiting": engine.store.mq_waiting()},  # type: ignore[union-attr]
                  mqtt_account=mq.account, im=im, app_users=phones)
        server = await HttpServer(api.handle, host, port).start()
        stack.push_async_callback(server.stop)
        heap.settle()  # what startup built lives as long as serve

        print(json.dumps({
            "event": "ready", "http": server.url, "mqtt": mq.address(), "token": token,
            "db": str(args.db_path),
            "simulators": sims.server.url if sims is not None else None,  # type: ignore[attr-defined]
            "recovered": recovered, "broker": mq.status()}), flush=True)
        await stop.wait()
        log.info("stopping")
    print(json.dumps({"event": "stopped"}), flush=True)
    return 0


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
                "password": account.password, "topic": f"wo/push/{base_code}/#"}


async def _start_mq(args: argparse.Namespace, engine: Engine,
                    stack: contextlib.AsyncExitStack) -> MqSide:
    side = MqSide()
    if args.external is not None:
        side.external = args.external
        client = MqttClient(args.external.host, args.external.port,
                            username=args.external.username, password=args.external.password,
                            tls=args.external.tls, client_id=f"pushstudio-{engine.instance_id}")
    else:
        broker = ManagedBroker(paths.data_dir(args.data_dir), port=args.mqtt_port,
                               binary=args.mosquitto)
        broker.set_subscribers(s.base_code for s in engine.subscriptions())
        try:
            await broker.start()
        except BrokerUnavailable as error:
            side.problem = str(error)
            print_err(f"serve: {error}")
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
        print_err(f"serve: {error}; running without MQ topics")
        return side
    stack.push_async_callback(client.disconnect)
    side.client = client
    side.publisher = MqPublisher(engine, client)
    await side.publisher.start()
    stack.push_async_callback(side.publisher.stop)
    if side.broker is not None:
        side.broker.on_restart.append(side.publisher.republish_since)
    return side


async def _start_im(args: argparse.Namespace, engine: Engine, mq: MqSide,
                    stack: contextlib.AsyncExitStack) -> ImService | None:
    """The IM server, on the same broker as the MQ topics; None when there is none."""
    if mq.client is None:
        return None
    secret = tokens.load_or_create(paths.data_dir(args.data_dir), "im-secret")
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
        online = await _watch_client_events(engine, mq, stack)
    try:
        await client.connect(15)
    except MqttError as error:
        print_err(f"serve: the IM server could not connect: {error}; running without it")
        return None
    stack.push_async_callback(client.disconnect)
    # Our own arrival is the first client event an external broker can tell us about: wait
    # for it, so that presence is known before the first message (or said to be unknown).
    if mq.client_events is not None and not await mq.client_events.first_event(3.0):
        print_err("serve: the broker publishes no client events, so who is online is "
                  f"unknown and no mobile pushes are recorded. {HOW}")
    im = ImService(engine, client, secret=secret, host=host, port=port,
                   online=online or (lambda _user_id: None), accounts=give)
    await im.start()
    stack.push_async_callback(im.stop)
    return im


async def _watch_client_events(engine: Engine, mq: MqSide, stack: contextlib.AsyncExitStack
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
        print_err(f"serve: could not watch the broker's client events: {error}; "
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


def _stop_on_signals() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM. (Windows has no add_signal_handler: there Ctrl+C
    raises KeyboardInterrupt instead.)"""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop
