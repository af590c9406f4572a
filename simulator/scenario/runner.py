"""Playing a scenario against the local HTTP API: set up, play the steps at the chosen pace,
check the expectations, and return a Report.

Everything goes through ``PlatformClient``, so a scenario runs the same against the platform
``scenario run`` starts for itself, a ``serve`` running elsewhere, or the desktop app's own
platform. Generated work orders are planned before anything is sent, so that the setup can
create the IM users an order involves and the same seed always sends the same events.

Pace: ``instant`` sends as fast as the API takes it (CI); a number is a speed factor for the
virtual clock (60: a virtual minute of the order's life per second); ``human`` pauses
HUMAN_PAUSE seconds after each event or step with its caption on screen (a demo).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.catalog.samples import sample
from simulator.api_client import ApiError, PlatformClient
from simulator.scenario import expectations
from simulator.scenario.loader import Expectation, Scenario, Step
from simulator.scenario.report import Outcome, Report
from simulator.workflow import Branches, Workflow, WorkflowGenerator

#: Seconds a demo lingers on each event or step.
HUMAN_PAUSE = 1.6
#: Orders sent at once by an ``orders`` step unless it says.
DEFAULT_CONCURRENCY = 8


@dataclass(frozen=True, slots=True)
class Progress:
    """Where the run is, for a progress bar and a caption."""

    #: Steps finished (fractional inside a step that sends many events), of ``total``.
    done: float
    total: int
    step: int  # 1-based; 0 during setup, total + 1 while the final checks run
    caption: str
    caption_en: str


Listener = Callable[[Progress], None]


class Runner:
    """``report = await Runner(api, scenario).run()``."""

    def __init__(self, api: PlatformClient, scenario: Scenario, *, seed: int | None = None,
                 pace: str | float | None = None, on_progress: Listener | None = None,
                 human_pause: float = HUMAN_PAUSE) -> None:
        self.api, self.scenario = api, scenario
        self.seed = scenario.seed if seed is None else seed
        self.pace = scenario.pace if pace is None else pace
        self.human_pause = human_pause
        self._listen = on_progress or (lambda _p: None)
        self._stopping = False
        self.report = Report(scenario.name, scenario.source, self.seed,
                             steps_total=len(scenario.steps))
        self.ctx = expectations.Context(api)
        #: Step index → the work orders it sends (planned before the run).
        self.plans: dict[int, list[Workflow]] = {}

    def stop(self) -> None:
        """Stop after the event or step under way; the report says it was stopped."""
        self._stopping = True

    # --- the run ----------------------------------------------------------------------------

    async def run(self) -> Report:
        started = time.monotonic()
        self.ctx.started_at = self.report.started_at = time.time()
        try:
            self._plan()
            self._say(0, 0, "准备：订阅方、数据域、App 用户", "Setting up subscribers, data areas "
                                                         "and app users")
            try:
                await self._setup()
            except SetupFailed as failed:
                self._stop_with(f"the setup failed at {failed.where}: {failed.error}",
                                failed.where, failed.error,
                                self.scenario.lines.get(failed.where, 0))
            for step in self.scenario.steps:
                if self.report.stopped:
                    break
                if self._stopping:
                    self.report.stopped = "stopped by the user"
                    break
                await self._play(step)
                if self._stopping:  # mid-step: this one was not played through
                    self.report.stopped = "stopped by the user"
                    break
                self.report.steps_played += 1
            await self._final_checks()
        finally:
            self.report.seconds = time.monotonic() - started
            self.report.orders = {name: ids for name, ids in self.ctx.names.items()}
        return self.report

    def _stop_with(self, reason: str, name: str, error: Exception, line: int = 0) -> None:
        self.report.stopped = reason
        self.report.outcomes.append(Outcome(name, False, str(error), kind="step", line=line))

    async def _final_checks(self) -> None:
        total = len(self.scenario.steps)
        for i, expectation in enumerate(self.scenario.expect):
            if self.report.stopped:
                self.report.outcomes.append(Outcome(
                    expectation.name, False, f"not checked: {self.report.stopped}",
                    line=expectation.line, skipped=True))
                continue
            self._say(total, total + 1, f"检查 {i + 1}/{len(self.scenario.expect)}："
                      f"{expectation.name}", f"Checking {expectation.name}")
            await self._check(expectation)

    async def _check(self, expectation: Expectation) -> None:
        began = time.monotonic()
        verdict = await expectations.check(expectation, self.ctx)
        self.report.outcomes.append(Outcome(expectation.name, verdict.ok, verdict.message,
                                            line=expectation.line,
                                            seconds=time.monotonic() - began,
                                            details=verdict.details))

    # --- planning and setting up -------------------------------------------------------------

    def _start(self) -> datetime | None:
        if not self.scenario.start:
            return None
        return datetime.fromisoformat(self.scenario.start.replace(" ", "T"))

    def _plan(self) -> None:
        """Generate every work order the steps send, before anything is sent."""
        for step in self.scenario.steps:
            if step.kind not in ("workflow", "orders"):
                continue
            a = step.args
            branches = Branches.from_json(a["branches"]) if "branches" in a else Branches()
            # A generator per step, seeded by the run's seed and the step's place: adding a
            # step to the file leaves the orders of the others as they were.
            generator = WorkflowGenerator(self.seed * 1000 + step.index, branches=branches,
                                          start=self._start())
            if step.kind == "workflow":
                orders = [generator.order(data_area=a.get("dataArea"),
                                          force=a.get("force", ()))]
            else:
                orders = [generator.order(data_area=a.get("dataArea"))
                          for _ in range(a["count"])]
            self.plans[step.index] = orders
            if a.get("as"):
                self.ctx.names[a["as"]] = [w.order_id for w in orders]
                if step.kind == "workflow":
                    self.ctx.people[a["as"]] = orders[0].people

    async def _setup(self) -> None:
        setup, api = self.scenario.setup, self.api
        async with _at("setup.settings"):
            if setup.get("settings"):
                await api.put("/api/settings", setup["settings"])
        for i, area in enumerate(setup.get("dataAreas", [])):
            async with _at(f"setup.dataAreas[{i}]"):
                await api.post("/api/data-areas", area)
        for i, sub in enumerate(setup.get("subscriptions", [])):
            async with _at(f"setup.subscriptions[{i}]"):
                # A scenario's subscriber takes every data area unless it says otherwise.
                doc = {"dataAreas": ["*"], **{k: v for k, v in sub.items() if k != "simulated"}}
                if not sub.get("callbackUrl"):
                    behaviour = sub.get("simulated")
                    sim = await api.post("/api/simulators", {
                        "name": sub["baseCode"],
                        **(behaviour if isinstance(behaviour, dict) else {}),
                        **({"secret": sub["secret"]} if sub.get("secret") else {})})
                    doc["callbackUrl"] = sim["url"]
                await api.put(f"/api/subscriptions/{sub['baseCode']}", doc)
        async with _at("setup.users"):
            await self._setup_users(setup.get("users", []))

    async def _setup_users(self, entries: list[dict[str, Any]]) -> None:
        people = {w.order_id: w for plan in self.plans.values() for w in plan}
        groups: dict[tuple[Any, ...], dict[str, str | None]] = {}
        offline: list[str] = []
        for entry in entries:
            key = tuple(entry.get(k) for k in ("role", "platform", "encoding", "onChatPage"))
            users = groups.setdefault(key, {})
            if "userID" in entry:
                users[entry["userID"]] = entry.get("name")
                if entry.get("online") is False:
                    offline.append(entry["userID"])
            for order_id in self.ctx.names.get(entry.get("order") or "", []):
                for person in people[order_id].people:
                    users.setdefault(person.userId, person.name)
                    if entry.get("online") is False:
                        offline.append(person.userId)
        for (role, platform, encoding, on_chat_page), users in groups.items():
            if not users:
                continue
            doc: dict[str, Any] = {"users": [{"userID": u, **({"name": n} if n else {})}
                                             for u, n in users.items()]}
            for name, value in (("role", role), ("platform", platform),
                                ("encoding", encoding), ("onChatPage", on_chat_page)):
                if value is not None:
                    doc[name] = value
            await self.api.post("/api/simulated-users", doc)
        for user_id in offline:
            await self.api.post(f"/api/simulated-users/{user_id}/offline", {})

    # --- steps -------------------------------------------------------------------------------

    async def _play(self, step: Step) -> None:
        caption, caption_en = step_caption(step)
        self._say(step.index - 1, step.index, step.caption or caption, caption_en)
        try:
            if step.kind == "send":
                await self._send(step)
            elif step.kind == "workflow":
                await self._workflow(step)
            elif step.kind == "orders":
                await self._orders(step)
            elif step.kind == "wait":
                await asyncio.sleep(step.args)
            elif step.kind == "subscriber":
                await self.api.post("/api/simulators", {"name": step.args["name"],
                                                        **step.args.get("behaviour", {})})
            elif step.kind == "subscription":
                action = "enable" if step.args["enabled"] else "disable"
                await self.api.post(f"/api/subscriptions/{step.args['baseCode']}/{action}")
            elif step.kind == "user":
                await self._user(step.args)
            elif step.kind == "broker":
                await self.api.post("/api/broker/restart")
            elif step.kind == "chat":
                a = step.args
                order = self.ctx.orders(a.get("order"))
                sender = self.ctx.user(a["from"])
                await self.api.post(f"/api/simulated-users/{sender}/chat", {
                    "to": self.ctx.user(a["to"]),
                    **({"content": a["content"]} if a.get("content") else {}),
                    **({"o_id": order[0]} if order else {})})
            elif step.kind == "expect":
                await self._check(step.args)
        except ApiError as error:
            self.report.outcomes.append(Outcome(f"step {step.index}: {caption_en}", False,
                                                str(error), kind="step", line=step.line))
        if step.kind not in ("workflow", "wait", "expect") and self.pace == "human":
            await asyncio.sleep(self.human_pause)

    async def _user(self, a: dict[str, Any]) -> None:
        user = self.ctx.user(a["userID"])
        if "onChatPage" in a:
            await self.api.post(f"/api/simulated-users/{user}/habits",
                                {"onChatPage": a["onChatPage"]})
        if a["online"]:
            await self.api.post(f"/api/simulated-users/{user}/online", {})
        else:
            await self.api.post(f"/api/simulated-users/{user}/offline",
                                {"drop": a.get("drop", False)})

    async def _send(self, step: Step) -> None:
        a = step.args
        if a.get("sample"):
            data: Any = sample(a["changeId"])
        else:
            data = a["data"]
        if isinstance(a.get("set"), dict) and isinstance(data, dict):
            data = {**data, **a["set"]}
        envelope = {"changeId": a["changeId"], "dataArea": a.get("dataArea", "fwwt"),
                    "data": data}
        order_id = _order_of(data)
        accepted, answer = await self._post_event(envelope, order_id)
        if a.get("as") and order_id:
            self.ctx.names.setdefault(a["as"], [])
            if order_id not in self.ctx.names[a["as"]]:
                self.ctx.names[a["as"]].append(order_id)
        if accepted == bool(a.get("refused")):
            said = "was accepted" if accepted else "was refused: " + "; ".join(
                f"{e.get('path') or '$'}: {e.get('message')}" for e in answer.get("errors", []))
            expected = "refused" if a.get("refused") else "accepted"
            self.report.outcomes.append(Outcome(
                f"step {step.index}: send changeId {a['changeId']}", False,
                f"the event {said} (expected {expected})", kind="step", line=step.line))

    async def _post_event(self, envelope: dict[str, Any], order_id: str) -> tuple[bool, Any]:
        status, answer = await self.api.exchange("POST", "/api/events", envelope)
        if status == 202:
            self.report.events_sent += 1
            self.ctx.sent.append(expectations.Sent(answer["eventId"], order_id,
                                                   str(envelope["changeId"])))
            return True, answer
        if status is None or status >= 500:
            raise ApiError("POST", "/api/events", status, (answer or {}).get("errors", []))
        self.report.events_refused += 1
        return False, answer

    async def _workflow(self, step: Step) -> None:
        (order,) = self.plans[step.index]
        only = set(step.args.get("only") or [])
        steps = [s for s in order.steps if not only or s.change_id in only]
        previous = None
        for i, event in enumerate(steps):
            if self._stopping:
                return
            if previous is not None:
                await self._pause(previous.at, event.at)
            self._say(step.index - 1 + i / max(1, len(steps)), step.index,
                      (step.caption and f"{step.caption} · {event.caption}") or event.caption,
                      event.caption_en)
            accepted, answer = await self._post_event(event.envelope(), order.order_id)
            if not accepted:
                self.report.outcomes.append(Outcome(
                    f"step {step.index}: generated changeId {event.change_id} of order "
                    f"{order.order_id}", False, "refused: " + json.dumps(
                        answer.get("errors", []), ensure_ascii=False)[:500], kind="step",
                    line=step.line))
            previous = event
            if self.pace == "human":
                await asyncio.sleep(self.human_pause)

    async def _pause(self, before: datetime, after: datetime) -> None:
        if isinstance(self.pace, int | float) and not isinstance(self.pace, bool):
            gap = (after - before).total_seconds() / self.pace
            if gap > 0:
                await asyncio.sleep(gap)

    async def _orders(self, step: Step) -> None:
        orders = list(self.plans[step.index])
        total, done = len(orders), 0
        queue: asyncio.Queue[Workflow] = asyncio.Queue()
        for order in orders:
            queue.put_nowait(order)
        refused: list[str] = []

        async def worker() -> None:
            nonlocal done
            while not queue.empty() and not self._stopping:
                order = queue.get_nowait()
                previous = None
                for event in order.steps:
                    if previous is not None:
                        await self._pause(previous.at, event.at)
                    accepted, answer = await self._post_event(event.envelope(), order.order_id)
                    if not accepted:
                        refused.append(f"order {order.order_id} changeId {event.change_id}: "
                                       + json.dumps(answer.get("errors", []),
                                                    ensure_ascii=False)[:300])
                    previous = event
                done += 1
                if done % 10 == 0 or done == total:
                    self._say(step.index - 1 + done / total, step.index,
                              f"{step.caption or '批量工单'}：{done}/{total}",
                              f"orders: {done} of {total}")

        workers = step.args.get("concurrency", DEFAULT_CONCURRENCY)
        async with asyncio.TaskGroup() as group:
            for _ in range(min(workers, total)):
                group.create_task(worker())
        if refused:
            self.report.outcomes.append(Outcome(
                f"step {step.index}: {total} generated orders", False,
                f"{len(refused)} generated event(s) were refused", kind="step",
                line=step.line, details=refused[:20]))

    def _say(self, done: float, step: int, caption: str, caption_en: str) -> None:
        self._listen(Progress(done, len(self.scenario.steps), step, caption, caption_en))


class SetupFailed(Exception):
    def __init__(self, where: str, error: ApiError) -> None:
        super().__init__(f"{where}: {error}")
        self.where, self.error = where, error


@contextlib.asynccontextmanager
async def _at(where: str) -> AsyncIterator[None]:
    """Name the setup entry an API refusal belongs to."""
    try:
        yield
    except ApiError as error:
        raise SetupFailed(where, error) from None


def _order_of(data: Any) -> str:
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError:
            return ""
    value = data.get("serviceOrderId") if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def step_caption(step: Step) -> tuple[str, str]:
    """A step in words (Chinese, English) when the file gives no caption."""
    a = step.args
    if step.kind == "caption":
        return step.caption or "", step.caption or ""
    if step.kind == "send":
        return f"发送 changeId {a['changeId']}", f"send changeId {a['changeId']}"
    if step.kind == "workflow":
        name = f"（{a['as']}）" if a.get("as") else ""
        return f"生成并发送一张工单的全过程{name}", "a generated work-order lifecycle"
    if step.kind == "orders":
        return f"批量生成 {a['count']} 张工单", f"{a['count']} generated work orders"
    if step.kind == "wait":
        return f"等待 {a:g} 秒", f"wait {a:g} s"
    if step.kind == "subscriber":
        return (f"订阅方 {a['name']} 改变行为：{json.dumps(a.get('behaviour', {}))}",
                f"subscriber {a['name']} now answers {json.dumps(a.get('behaviour', {}))}")
    if step.kind == "subscription":
        state = ("启用", "enable") if a["enabled"] else ("停用", "disable")
        return f"{state[0]}订阅 {a['baseCode']}", f"{state[1]} subscription {a['baseCode']}"
    if step.kind == "user":
        state = ("上线", "comes online") if a["online"] else ("下线", "goes offline")
        return f"用户 {a['userID']} {state[0]}", f"user {a['userID']} {state[1]}"
    if step.kind == "broker":
        return "重启 MQTT 代理（Mosquitto）", "restart the MQTT broker"
    if step.kind == "chat":
        return (f"{a['from']} → {a['to']}：{a.get('content', '')}".rstrip("："),
                f"chat {a['from']} → {a['to']}")
    if step.kind == "expect":
        return f"检查：{a.name}", f"check: {a.name}"
    return step.kind, step.kind
