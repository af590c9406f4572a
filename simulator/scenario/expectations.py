"""Checking what a scenario says must hold, through the HTTP API only.

A check that speaks of time ("within 10 s") polls until its condition holds or the time is up,
then says what it saw: which events were not delivered and why, how many attempts there were.
Without ``within`` a check looks once (delivery checks wait DEFAULT_WITHIN, since a callback
takes a moment even when nothing is wrong).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from simulator.api_client import ApiError, PlatformClient
from simulator.scenario.loader import USER_REF, Expectation
from simulator.workflow import Person

#: How long delivery checks wait when the file does not say.
DEFAULT_WITHIN = 10.0
#: Between two looks while waiting.
POLL = 0.2
#: A group larger than this is checked through the delivery statistics of its event id range
#: rather than event by event.
LARGE = 50


@dataclass(frozen=True, slots=True)
class Sent:
    event_id: int
    order_id: str
    change_id: str


@dataclass
class Context:
    """What the run has done so far, for the checks to look at."""

    api: PlatformClient
    started_at: float = field(default_factory=time.time)
    sent: list[Sent] = field(default_factory=list)
    #: Order names (``as:``) → serviceOrderIds.
    names: dict[str, list[str]] = field(default_factory=dict)
    #: Names of generated orders → the people they involve.
    people: dict[str, tuple[Person, ...]] = field(default_factory=dict)

    def user(self, text: str) -> str:
        """A userID as written, or the one ``A.contact`` (a generated order's person) means."""
        ref = USER_REF.match(text)
        if ref is None or ref["name"] not in self.people:
            return text
        return next((p.userId for p in self.people[ref["name"]] if p.role == ref["role"]),
                    text)

    def orders(self, name: str | None) -> list[str] | None:
        if name is None:
            return None
        return self.names.get(name, [name])

    def events(self, order: str | None, change_id: str | None) -> list[Sent]:
        ids = self.orders(order)
        wanted = None if ids is None else set(ids)
        return [s for s in self.sent if (wanted is None or s.order_id in wanted)
                and (change_id is None or s.change_id == change_id)]


@dataclass
class Verdict:
    ok: bool
    message: str
    details: list[str] = field(default_factory=list)


async def check(expectation: Expectation, ctx: Context) -> Verdict:
    """The verdict of one expectation; an API refusal is a failed verdict saying so."""
    checker = _CHECKS[expectation.kind]
    try:
        return await checker(expectation.args, ctx)
    except ApiError as error:
        return Verdict(False, str(error))


async def _until(look: Callable[[], Awaitable[Verdict]], within: float) -> Verdict:
    """Look until the verdict is ok or ``within`` seconds are up; the last verdict."""
    deadline = time.monotonic() + within
    while True:
        verdict = await look()
        if verdict.ok or time.monotonic() >= deadline:
            return verdict
        await asyncio.sleep(min(POLL, max(0.0, deadline - time.monotonic())))


def _scope(a: dict[str, Any]) -> str:
    parts = [f"order {a['order']}" if a.get("order") else "",
             f"changeId {a['changeId']}" if a.get("changeId") else ""]
    return " ".join(p for p in parts if p) or "the scenario"


def _none_sent(a: dict[str, Any]) -> Verdict:
    return Verdict(False, f"no events of {_scope(a)} were sent, so there is nothing to check; "
                          "check the step that should send them")


# --- deliveries -------------------------------------------------------------------------------

async def _deliveries_to(ctx: Context, events: list[Sent], to: str
                         ) -> list[tuple[Sent, dict[str, Any] | None]]:
    """Each event with its delivery to ``to`` (None when the router made none)."""
    out = []
    for sent in events:
        event = await ctx.api.get(f"/api/events/{sent.event_id}")
        found = next((d for d in event.get("deliveries", []) if d["base_code"] == to), None)
        out.append((sent, found))
    return out


def _said(sent: Sent, delivery: dict[str, Any] | None) -> str:
    head = f"event {sent.event_id} (order {sent.order_id}, changeId {sent.change_id})"
    if delivery is None:
        return f"{head}: no delivery was made to it"
    error = f", last error: {delivery['last_error']}" if delivery.get("last_error") else ""
    return (f"{head}: {delivery['status']} after {delivery['attempts']} attempt(s)"
            f"{error} (delivery {delivery['id']})")


async def _delivered(a: dict[str, Any], ctx: Context) -> Verdict:
    events = ctx.events(a.get("order"), a.get("changeId"))
    if not events:
        return _none_sent(a)
    to, within = a["to"], a.get("within", DEFAULT_WITHIN)
    if len(events) > LARGE:
        return await _until(lambda: _delivered_in_bulk(ctx, events, to, a.get("changeId")),
                            within)

    async def look() -> Verdict:
        pairs = await _deliveries_to(ctx, events, to)
        missing = [(s, d) for s, d in pairs if d is None or d["status"] != "delivered"]
        if not missing:
            return Verdict(True, f"{len(events)} event(s) delivered to {to}")
        return Verdict(False, f"{len(missing)} of {len(events)} event(s) of {_scope(a)} not "
                              f"delivered to {to} within {within:g} s",
                       [_said(s, d) for s, d in missing])

    return await _until(look, within)


async def _delivered_in_bulk(ctx: Context, events: list[Sent], to: str,
                             change_id: str | None) -> Verdict:
    first, last = min(s.event_id for s in events), max(s.event_id for s in events)
    stats = await ctx.api.get("/api/deliveries/stats", fromEventId=first, toEventId=last,
                              baseCode=to, changeId=change_id)
    counts = stats["byBaseCode"].get(to, {})
    delivered = counts.get("delivered", 0)
    latency = stats["latencyMs"]
    if delivered >= len(events):
        return Verdict(True, f"{delivered} event(s) delivered to {to}; latency p50 "
                             f"{latency['p50']} ms, p99 {latency['p99']} ms")
    others = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())
                       if status != "delivered")
    return Verdict(False, f"{delivered} of {len(events)} event(s) delivered to {to}"
                          + (f"; {others}" if others else "")
                          + (f"; {len(events) - sum(counts.values())} never routed to it"
                             if sum(counts.values()) < len(events) else ""))


async def _not_delivered(a: dict[str, Any], ctx: Context) -> Verdict:
    events = ctx.events(a.get("order"), a.get("changeId"))
    if not events:
        return _none_sent(a)
    to, reason = a["to"], a.get("reason")
    wrong: list[str] = []
    reasons: set[str] = set()
    for sent, delivery in await _deliveries_to(ctx, events, to):
        if delivery is not None:
            wrong.append(_said(sent, delivery))
            continue
        if reason is None:
            continue
        status, answer = await ctx.api.exchange(
            "GET", f"/api/events/{sent.event_id}/explain", query={"baseCode": to})
        if status == 404:
            wrong.append(f"event {sent.event_id}: there is no subscription {to!r} to explain "
                         f"the reason by")
            continue
        if status != 200:
            raise ApiError("GET", f"/api/events/{sent.event_id}/explain", status,
                           (answer or {}).get("errors", []))
        verdict = answer["subscriptions"][0]
        reasons.add(verdict["reason"])
        if verdict["reason"] != reason:
            wrong.append(f"event {sent.event_id} (changeId {sent.change_id}): not delivered, "
                         f"but the reason now is {verdict['reason']}: "
                         f"{verdict['messages'][0]} (the router explains by the subscriptions "
                         "as they are when checked: check this right after the send)")
    if wrong:
        return Verdict(False, f"{len(wrong)} of {len(events)} event(s) of {_scope(a)} went "
                              f"otherwise than expected for {to}", wrong)
    because = f", because {reason}" if reason else ""
    return Verdict(True, f"none of {len(events)} event(s) reached {to}{because}")


async def _attempts(a: dict[str, Any], ctx: Context) -> Verdict:
    events = ctx.events(a.get("order"), a.get("changeId"))
    if not events:
        return _none_sent(a)
    to, count, then = a["to"], a["count"], a.get("then", "delivered")
    within = a.get("within", DEFAULT_WITHIN)

    async def look() -> Verdict:
        wrong = []
        for sent, delivery in await _deliveries_to(ctx, events, to):
            if delivery is None or delivery["status"] != then \
                    or delivery["attempts"] != count:
                wrong.append(_said(sent, delivery))
        if not wrong:
            return Verdict(True, f"{len(events)} event(s): {count} attempt(s) each, then {then}")
        return Verdict(False, f"{len(wrong)} of {len(events)} event(s) did not end {then} after "
                              f"exactly {count} attempt(s) to {to} within {within:g} s", wrong)

    return await _until(look, within)


# --- IM: pushes and notifications -------------------------------------------------------------

def _mentions(doc: Any, order_ids: list[str] | None) -> bool:
    if order_ids is None:
        return True
    text = json.dumps(doc, ensure_ascii=False)
    return any(o in text for o in order_ids)


async def _push(a: dict[str, Any], ctx: Context) -> Verdict:
    user, wanted = ctx.user(a["user"]), a.get("count", 1)
    within = a.get("within", DEFAULT_WITHIN if wanted else 0.0)
    orders = ctx.orders(a.get("order"))

    async def look() -> Verdict:
        pushes = [p for p in await ctx.api.get("/api/pushes", userID=user, limit=1000)
                  if p["at"] >= ctx.started_at and _mentions(p, orders)]
        ok = len(pushes) == 0 if wanted == 0 else len(pushes) >= wanted
        said = f"{len(pushes)} push(es) recorded for {user} during the run"
        if ok:
            return Verdict(True, said)
        return Verdict(False, f"{said}; expected {'none' if wanted == 0 else f'{wanted}+'}",
                       [json.dumps(p, ensure_ascii=False)[:300] for p in pushes[:5]])

    return await _until(look, within)


async def _notification(a: dict[str, Any], ctx: Context) -> Verdict:
    user, wanted = ctx.user(a["user"]), a.get("count", 1)
    within = a.get("within", DEFAULT_WITHIN)
    orders = ctx.orders(a.get("order"))

    async def look() -> Verdict:
        status, seen = await ctx.api.exchange("GET", f"/api/simulated-users/{user}/messages")
        if status == 404:
            return Verdict(False, f"{user} is not a simulated app user: add it to setup.users")
        if status != 200:
            raise ApiError("GET", f"/api/simulated-users/{user}/messages", status,
                           (seen or {}).get("errors", []))
        records = [m for m in seen if m["type"] == "1001" and m["at"] >= ctx.started_at
                   and _mentions(m["doc"], orders)]
        said = f"{user}'s phone received {len(records)} msgType 1001 record(s)" + (
            f" about {_scope(a)}" if orders else "")
        if len(records) >= wanted:
            return Verdict(True, said)
        kinds = sorted({m["type"] for m in seen if m["at"] >= ctx.started_at})
        return Verdict(False, f"{said}; expected {wanted}+ within {within:g} s",
                       [f"what it did receive: {', '.join(kinds) or 'nothing'}"])

    return await _until(look, within)


# --- subscriptions and timelines --------------------------------------------------------------

async def _subscription_state(a: dict[str, Any], ctx: Context) -> Verdict:
    code, enabled = a["baseCode"], a["enabled"]
    within = a.get("within", DEFAULT_WITHIN)

    async def look() -> Verdict:
        sub = await ctx.api.get(f"/api/subscriptions/{code}")
        state = "enabled" if sub.get("enabled") else "disabled"
        why = sub.get("disabledReason") or sub.get("health", {}).get("disabledReason")
        said = f"{code} is {state}" + (f" ({why})" if why and not sub.get("enabled") else "")
        return Verdict(bool(sub.get("enabled")) == enabled, said)

    return await _until(look, within)


async def _timeline(a: dict[str, Any], ctx: Context) -> Verdict:
    orders = ctx.orders(a["order"]) or []
    wanted = a.get("anomalies", "none")
    wanted_kinds = [] if wanted == "none" else sorted(wanted)
    wrong: list[str] = []
    for order_id in orders:
        story = await ctx.api.get(f"/api/orders/{order_id}/timeline")
        anomalies = story.get("anomalies", [])
        kinds = sorted(x["kind"] for x in anomalies)
        if kinds != wanted_kinds:
            wrong.append(f"order {order_id}: anomalies {kinds or 'none'}"
                         + "".join(f"\n        {x['kind']}: {x['message']}" for x in anomalies))
    expected = "no anomalies" if not wanted_kinds else "anomalies " + ", ".join(wanted_kinds)
    if wrong:
        return Verdict(False, f"{len(wrong)} of {len(orders)} order(s) did not have "
                              f"{expected}", wrong)
    return Verdict(True, f"{len(orders)} order(s): {expected}")


_CHECKS: dict[str, Callable[[dict[str, Any], Context], Awaitable[Verdict]]] = {
    "delivered": _delivered, "notDelivered": _not_delivered, "attempts": _attempts,
    "push": _push, "notification": _notification,
    "subscriptionState": _subscription_state, "timeline": _timeline,
}
