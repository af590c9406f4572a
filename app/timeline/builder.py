"""Build an order's timeline from its stored events, flagging what a real flow would not do.

Events are read in arrival order (event id). Keys are read forgivingly — the examples send
``hangTime`` and ``"hangRemark "`` where the table says ``hangtime`` and ``hangremark`` — since
a timeline explains what happened, whatever the spelling; validation is where spelling is
judged.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.catalog.timefmt import format_time, time_problem
from app.catalog.workorder import OVER_TYPE
from app.timeline.model import Anomaly, Hang, Mark, Timeline, TimelineEvent, Track

_HANG = {"0": "解挂", "1": "挂起申请中", "2": "挂起", "3": "挂起失败"}
#: hangStatus → the status an open hang must be in before it (None: no open hang).
_HANG_AFTER = {"1": None, "2": "1", "3": "1", "0": "2"}
#: Events that may follow the end: the customer evaluates a finished order.
_AFTER_END_OK = {"4"}
#: Events that happen on a track that a changeId 5 must have generated first.
_ON_A_TRACK = {"6", "7", "8", "9", "10"}


class _Data:
    """An event's data read by field name, tolerant of case and surrounding spaces."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.raw = data
        self.folded = {k.strip().casefold(): v for k, v in data.items() if isinstance(k, str)}

    def __call__(self, name: str, default: str = "") -> str:
        value = self.raw.get(name, self.folded.get(name.casefold(), default))
        return value if isinstance(value, str) else default

    def users(self, name: str) -> list[dict[str, Any]]:
        value = self.raw.get(name, self.folded.get(name.casefold()))
        if isinstance(value, dict):
            value = [value]
        return [u for u in value if isinstance(u, dict)] if isinstance(value, list) else []

    def user_names(self, name: str) -> list[str]:
        """The userName of each user in a list field; lenient input may hold null names."""
        names = (u.get("userName") for u in self.users(name))
        return [n.strip() if isinstance(n, str) else "" for n in names]


def _time(d: _Data, received_at: float, *names: str) -> str:
    for name in names:
        value = d(name)
        if value and time_problem(value) is None:
            return value
    return format_time(datetime.fromtimestamp(received_at))


class _Builder:
    def __init__(self, order_id: str) -> None:
        self.t = Timeline(order_id)
        self.tracks: dict[str, Track] = {}
        self.open_hangs: dict[str, Hang] = {}
        self.created = False
        self.ended_by: int | None = None

    def flag(self, kind: str, event_id: int, message: str, message_zh: str) -> None:
        self.t.anomalies.append(Anomaly(kind, event_id, message, message_zh))

    def track(self, track_id: str, d: _Data) -> Track:
        track = self.tracks.get(track_id)
        if track is None:
            track = self.tracks[track_id] = Track(track_id)
            self.t.tracks.append(track)
        track.track_code = d("trackCode") or track.track_code
        track.track_name = d("trackName") or track.track_name
        return track

    def add(self, event: Mapping[str, Any], deliveries: list[dict[str, Any]]) -> None:
        eid, change = event["id"], event["change_id"]
        d = _Data(event["data"] if isinstance(event["data"], dict) else {})
        received = event.get("received_at") or 0.0
        track_id = d("trackId") or None

        if not self.created and change != "1" and not self.t.events:
            self.flag("unknown-order", eid,
                      f"changeId {change} arrived for an order never created here "
                      "(no changeId 1 before it)",
                      f"未知工单：在 changeId 1（生成工单）之前收到 changeId {change}")
        if self.ended_by is not None and change not in _AFTER_END_OK:
            self.flag("after-end", eid,
                      f"changeId {change} arrived after the order ended (event {self.ended_by})",
                      f"工单已结束（事件 {self.ended_by}）后又收到 changeId {change}")

        # Only when the order reports tracks at all (then this one is missing); an order with
        # none gets one "without a single track" at its end instead of one per event.
        if (change in _ON_A_TRACK and track_id and self.created and self.tracks
                and track_id not in self.tracks):
            self.flag("unknown-track", eid,
                      f"changeId {change} names track {track_id}, which was never generated "
                      "(no changeId 5 for it)",
                      f"changeId {change} 指向的环节 {track_id} 从未生成（缺少 changeId 5）")
        handler = getattr(self, f"_change_{change}", None)
        when, summary = handler(eid, d, received, track_id) if handler else (
            _time(d, received), f"changeId {change}")
        self.t.events.append(TimelineEvent(
            eid, change, when, summary, track_id,
            [{"id": x["id"], "baseCode": x["base_code"], "status": x["status"],
              "attempts": x["attempts"]} for x in deliveries]))

    # One method per changeId: each returns (time, summary) and updates the story.

    def _change_1(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "createDate")
        if self.created:
            self.flag("duplicate-creation", eid,
                      f"the order was created again (first by event {self.t.created_event_id})",
                      f"重复生成工单（首次为事件 {self.t.created_event_id}）")
        else:
            self.created = True
            self.t.created_at, self.t.created_event_id = when, eid
            self.t.service_order_code = d("serviceOrderCode")
            self.t.contact = {k: v for k, v in (("userId", d("userId")),
                                                ("name", d("contactName")),
                                                ("tel", d("contactTel"))) if v}
        return when, f"生成工单 {d('serviceOrderCode')} {d('busiTypeName')}".strip()

    def _change_5(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "createDate")
        if track_id:
            track = self.track(track_id, d)
            if track.generated_event_id is None and track.handled_event_id is not None:
                self.flag("out-of-order", eid,
                          f"track {track_id} was generated (changeId 5) after it was handled "
                          f"(changeId 2, event {track.handled_event_id})",
                          f"环节 {track_id} 在处理（changeId 2，事件 {track.handled_event_id}）"
                          "之后才生成（changeId 5）")
            if track.generated_event_id is not None:
                self.flag("duplicate-track", eid,
                          f"track {track_id} was generated again "
                          f"(first by event {track.generated_event_id})",
                          f"环节 {track_id} 重复生成（首次为事件 {track.generated_event_id}）")
            else:
                track.generated_at, track.generated_event_id = when, eid
                track.handlers = d.user_names("currentUser")
                track.track_info = d("trackInfo")
        return when, d("trackInfo") or f"生成环节 {d('trackName')}"

    def _change_2(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "handleDate", "createDate")
        if track_id:
            track = self.track(track_id, d)
            if track.generated_event_id is None:
                self.flag("missing-step", eid,
                          f"track {track_id} ({track.track_name}) was handled but never "
                          "generated (no changeId 5 for it)",
                          f"环节 {track_id}（{track.track_name}）未生成（缺少 changeId 5）就已处理")
            if track.handled_event_id is not None:
                self.flag("duplicate-handling", eid,
                          f"track {track_id} was handled again "
                          f"(first by event {track.handled_event_id})",
                          f"环节 {track_id} 重复处理（首次为事件 {track.handled_event_id}）")
            else:
                if track.generated_at and when < track.generated_at:
                    self.flag("handled-before-generated", eid,
                              f"track {track_id} handled at {when}, before it was generated "
                              f"at {track.generated_at}",
                              f"环节 {track_id} 处理时间 {when} 早于生成时间 {track.generated_at}")
                track.handled_at, track.handled_event_id = when, eid
                track.handled_by = d("currentUserName") or None
                track.track_info = d("trackInfo") or track.track_info
                track.review_result = d("reviewResult") or None
                track.evalue = d("evalue") or None
        return when, d("trackInfo") or f"环节处理完成 {d('trackName')}"

    def _change_3(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "handleDate", "createDate")
        over = d("overType")
        if self.ended_by is None:
            self.ended_by = eid
            self.t.over_type, self.t.ended_at = over or None, when
            if over == "0":
                for track in self.t.tracks:
                    if track.generated_event_id is not None and track.handled_event_id is None:
                        self.flag("missing-step", eid,
                                  f"the order ended normally while track {track.track_id} "
                                  f"({track.track_name}) was never handled",
                                  f"工单正常结束，但环节 {track.track_id}（{track.track_name}）"
                                  "从未处理")
                if not self.t.tracks:
                    self.flag("missing-step", eid,
                              "the order ended normally without a single track",
                              "工单正常结束，但没有任何环节")
        for hang in self.open_hangs.values():
            hang.end = hang.end or when
        self.open_hangs.clear()
        zh = OVER_TYPE.meaning(over, "zh") or f"overType {over}"
        en = OVER_TYPE.meaning(over, "en") or f"overType {over}"
        self.t.marks.append(Mark("end", when, eid, d("trackInfo") or f"工单结束（{zh}）",
                                 track_id, {"overType": over, "meaning": en,
                                            "operator": d("operator"),
                                            "dealAdvise": d("dealAdvise")}))
        return when, d("trackInfo") or f"工单结束（{zh}）"

    def _change_4(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "evaluateTime")
        earlier = next((m for m in self.t.marks if m.kind == "evaluation"), None)
        if earlier is not None:
            self.flag("duplicate-evaluation", eid,
                      f"the order was evaluated again (first by event {earlier.event_id})",
                      f"重复评价（首次为事件 {earlier.event_id}）")
        label = f"评价 {d('evalue')}星 · {d('evaluator')}"
        self.t.marks.append(Mark("evaluation", when, eid, label, None,
                                 {"evalue": d("evalue"), "evaluator": d("evaluator"),
                                  "evaluateMsg": d("evaluateMsg")}))
        return when, label

    def _change_6(self, eid: int, d: _Data, received: float, track_id: str | None):
        status = d("hangStatus")
        names = ("factRelieveHang", "hangtime") if status == "0" else ("hangtime",)
        when = _time(d, received, *names)
        key = track_id or ""
        hang = self.open_hangs.get(key)
        last = hang.transitions[-1][0] if hang and hang.transitions else None
        expected_before = _HANG_AFTER.get(status)
        if status in _HANG_AFTER and last != expected_before:
            before = f"hangStatus {last}" if last else "no hang"
            self.flag("out-of-order", eid,
                      f"hangStatus {status} ({_HANG.get(status)}) after {before}; expected "
                      + (f"hangStatus {expected_before} first" if expected_before
                         else "no open hang"),
                      f"挂起状态 {status}（{_HANG.get(status)}）出现在"
                      f"{'挂起状态 ' + last if last else '无挂起'}之后，顺序不对")
        if hang is None or (status == "1" and last is not None):
            hang = Hang(key, by=d("userName"), remark=d("hangremark"))
            self.open_hangs[key] = hang
            self.t.hangs.append(hang)
        hang.transitions.append((status, when, eid))
        hang.planned_end = d("planrelievetime") or hang.planned_end
        if status == "1":
            hang.requested_at = when
        elif status == "2":
            hang.start = when
        elif status in ("0", "3"):
            hang.end = when
            self.open_hangs.pop(key, None)
        return when, f"{_HANG.get(status, 'hangStatus ' + status)} · {d('userName')}".strip(" ·")

    def _change_7(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received)
        label = f"超时（级别 {d('supflag')}）"
        self.t.marks.append(Mark("timeout", when, eid, label, track_id,
                                 {"supflag": d("supflag"),
                                  "currentUser": d.user_names("currentUser"),
                                  "supUser": d.user_names("supUser")}))
        return when, label

    def _change_8(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "suptime")
        label = f"督办 · {d('supuserName')}".strip(" ·")
        self.t.marks.append(Mark("supervision", when, eid, label, track_id,
                                 {"supflag": d("supflag"), "supremark": d("supremark")}))
        return when, label

    def _change_9(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "createDate")
        source, target = d("requserName"), d("taruserName")
        label = f"转单 {source} → {target}"
        self.t.marks.append(Mark("transfer", when, eid, label, track_id,
                                 {"from": source, "fromId": d("requserId"), "to": target,
                                  "toId": d("taruserId"), "remark": d("remark")}))
        if track_id and track_id in self.tracks and target:
            self.tracks[track_id].handlers.append(target)
        return when, label

    def _change_10(self, eid: int, d: _Data, received: float, track_id: str | None):
        when = _time(d, received, "createTime")
        kind = "urgent" if d("commentType") == "2" else "comment"
        label = f"{'加急' if kind == 'urgent' else '追记'} · {d('userName')}: {d('comment')}"
        self.t.marks.append(Mark(kind, when, eid, label, track_id,
                                 {"comment": d("comment"), "photo": d("photo"),
                                  "by": d("userName")}))
        return when, label


def build_timeline(order_id: str, events: list[Mapping[str, Any]],
                   deliveries: Mapping[int, list[dict[str, Any]]] | None = None) -> Timeline:
    """The story of ``order_id`` from its events (dicts as app.store returns them)."""
    builder = _Builder(order_id)
    for event in sorted(events, key=lambda e: e["id"]):
        builder.add(event, (deliveries or {}).get(event["id"], []))
    return builder.t
