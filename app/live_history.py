"""Older rows, read back from the database a page at a time, in the Live feed's shape.

The feed keeps the newest rows in memory; everything else is in SQLite, one table per kind.
``History`` gives random access to one kind's rows by position (the way a table view asks
for them), fetching whole pages and keeping the last few: opening a million rows and jumping
to the end reads one count and one page.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any, Protocol

from app.live import LiveRow, wecom_summary, wecom_topic
from app.live import _what as what
from app.routing.topics import topic_for

#: Rows fetched per query.
PAGE = 200
#: Pages kept in memory per History (about 10,000 rows).
PAGES_KEPT = 50


class HistoryStore(Protocol):
    def history_count(self, kind: str) -> int: ...
    def history_page(self, kind: str, offset: int, limit: int) -> list[dict[str, Any]]: ...


class History:
    def __init__(self, store: HistoryStore, kind: str) -> None:
        if kind not in _CONVERTERS:
            raise ValueError(f"history kind must be one of {', '.join(_CONVERTERS)}, "
                             f"not {kind!r}")
        self.store, self.kind = store, kind
        self.count = store.history_count(kind)
        self._pages: OrderedDict[int, list[LiveRow]] = OrderedDict()
        self.queries = 0

    def refresh(self) -> int:
        """Count again. Rows are appended, so full pages already read stay valid; a short
        page (the old last one) is read again. Fewer rows than before (MQ publishes undone
        by a replay) and every page is read again."""
        before = self.count
        self.count = self.store.history_count(self.kind)
        if self.count < before:
            self._pages.clear()
        else:
            for number in [n for n, page in self._pages.items() if len(page) < PAGE]:
                del self._pages[number]
        return self.count

    def cached(self, position: int) -> LiveRow | None:
        """The row at ``position`` if its page was read already; never a query."""
        page = self._pages.get(position // PAGE) if 0 <= position < self.count else None
        index = position % PAGE
        return page[index] if page is not None and index < len(page) else None

    def row(self, position: int) -> LiveRow | None:
        if not 0 <= position < self.count:
            return None
        number = position // PAGE
        page = self._pages.get(number)
        if page is None:
            records = self.store.history_page(self.kind, number * PAGE, PAGE)
            self.queries += 1
            page = [_CONVERTERS[self.kind](r) for r in records]
            self._pages[number] = page
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        index = position - number * PAGE
        return page[index] if index < len(page) else None


def _event(r: dict[str, Any]) -> LiveRow:
    n = r["delivery_count"]
    return LiveRow(seq=r["id"], at=r["received_at"], kind="event",
                   outcome="ok" if n else "info",
                   topic=f"events/{r['change_id']}/{r['data_area']}", who=r["source"],
                   order=r["service_order_id"],
                   summary=f"{what(r['change_id'], r['data_area'])} → "
                           f"{n} deliver{'y' if n == 1 else 'ies'}",
                   raw=r["data"],
                   meta={"eventId": r["id"], "changeId": r["change_id"],
                         "dataArea": r["data_area"],
                         "warnings": json.loads(r["warnings"]) if r["warnings"] else []})


def _rejected(r: dict[str, Any]) -> LiveRow:
    findings = json.loads(r["findings"])
    first = findings[0].get("message", "") if findings else ""
    reason = findings[0].get("code", "rejected") if findings else "rejected"
    return LiveRow(seq=r["id"], at=r["received_at"], kind="rejected", outcome="rejected",
                   topic=f"events/rejected/{reason}", who=r["source"], order=None,
                   summary=f"{reason}: {first}", raw=r["body"],
                   meta={"rejectionId": r["id"], "findings": findings})


def _callback(r: dict[str, Any]) -> LiveRow:
    verdict = r["verdict"]
    outcome = {"delivered": "ok", "retry": "retry"}.get(verdict, "failed")
    answer = f"HTTP {r['status_code']}" if r["status_code"] is not None else (r["error"] or "?")
    return LiveRow(seq=r["id"], at=r["started_at"], kind="callback", outcome=outcome,
                   topic=f"callbacks/{r['base_code']}", who=r["base_code"],
                   order=r["service_order_id"],
                   summary=f"attempt {r['attempt']} → {answer} · {verdict} · "
                           f"{r['latency_ms'] or 0:.0f} ms",
                   meta={"deliveryId": r["delivery_id"], "eventId": r["event_id"],
                         "attempt": r["attempt"], "verdict": verdict,
                         "statusCode": r["status_code"], "error": r["error"],
                         "response": r["response_body"]})


def _mq(r: dict[str, Any]) -> LiveRow:
    return LiveRow(seq=r["id"], at=r["mq_published_at"], kind="mq", outcome="ok",
                   topic=topic_for(r["base_code"], r["data_area"], r["change_id"]),
                   who=r["base_code"],
                   order=r["service_order_id"],
                   summary=f"{what(r['change_id'])} published (QoS 1, acknowledged)",
                   meta={"deliveryId": r["id"], "eventId": r["event_id"],
                         "changeId": r["change_id"]})


def _im(r: dict[str, Any]) -> LiveRow:
    outcome = {"accepted": "ok", "sent": "ok", "rejected": "rejected",
               "queued": "queued"}.get(r["status"], "info")
    inbound = r["direction"] == "in"
    topic = "$sktalent/server/mqttserver" if inbound else f"$sktalent/clients/{r['user_id']}"
    summary = (f"{'←' if inbound else '→'} {r['type'] or '?'} · {r['status']}"
               + (f": {r['reason']}" if r["reason"] else ""))
    return LiveRow(seq=r["id"], at=r["at"], kind="im", outcome=outcome, topic=topic,
                   who=r["user_id"] or "?", order=None, summary=summary, raw=r["body"],
                   binary=bool(r["binary"]),
                   meta={"direction": r["direction"], "type": r["type"], "msgid": r["msgid"],
                         "status": r["status"], "reason": r["reason"]})


def _push(r: dict[str, Any]) -> LiveRow:
    doc = json.loads(r["doc"])
    payload = doc.get("payload", {}) if isinstance(doc, dict) else {}
    order = (payload.get("extra") or {}).get("o_id") or payload.get("o_id")
    return LiveRow(seq=r["id"], at=r["at"], kind="push", outcome="queued",
                   topic=f"pushes/{r['platform']}/{r['user_id']}", who=r["user_id"],
                   order=order, summary=f"{r['platform']} push for offline {r['user_id']}",
                   raw=r["doc"], meta={"platform": r["platform"]})


def _wecom(r: dict[str, Any]) -> LiveRow:
    """A stored WeCom message, as Live showed it when it arrived."""
    origin, what = r["origin"], r["event_type"] or r["msgtype"]
    who = {3: r["external_userid"], 5: r["servicer_userid"]}.get(
        origin, r["servicer_userid"] or r["external_userid"]) or "system"
    return LiveRow(seq=r["id"], at=r["received_at"], kind="wecom",
                   outcome="failed" if r["event_type"] == "msg_send_fail" else "ok",
                   topic=wecom_topic(r["open_kfid"] or "", r["external_userid"] or "", what),
                   who=who, order=r["service_order_id"],
                   summary=wecom_summary(origin, r["summary"]), raw=r["item"],
                   meta={"msgid": r["msgid"], "rowId": r["id"], "msgtype": r["msgtype"],
                         "eventType": r["event_type"], "origin": origin,
                         "sendTime": r["send_time"], "serviceOrderId": r["service_order_id"]})


_CONVERTERS = {"event": _event, "rejected": _rejected, "callback": _callback, "mq": _mq,
               "im": _im, "push": _push, "wecom": _wecom}
KINDS = tuple(_CONVERTERS)
