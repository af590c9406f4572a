"""Cross-field rules of the work-order family: what a single field's type cannot say.

trackInfo must follow its generation rule for the event's own data (app.catalog.trackinfo);
the rest are the conditions the spec's descriptions state in words ("isBespeak=1时有效",
"overType=1时有值", "审核、回访环节有值"). Those are warnings: the spec does not mark them
required, but a receiver relying on them would be surprised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.catalog import trackinfo
from app.catalog.findings import Code, Finding, Mode, Severity, join_path
from app.catalog.validation import Check


def _bespeak(data: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    if data.get("isBespeak") != "1":
        return
    for name, zh in (("bespeakBegintime", "预约开始时间"), ("bespeakEndtime", "预约结束时间")):
        if not data.get(name):
            yield Finding(join_path(path, name), Code.CONSISTENCY,
                          f"isBespeak is 1 (an appointment) but {name} is empty",
                          Severity.WARNING, hint="give the appointment's time, or isBespeak 0",
                          label_zh=zh)


def _operator(data: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    if data.get("overType") == "1" and not data.get("operator"):
        yield Finding(join_path(path, "operator"), Code.CONSISTENCY,
                      "overType is 1 (cancelled) but operator is empty",
                      Severity.WARNING, hint="the spec says 取消人（overType=1时有值）",
                      label_zh="取消人")


def _verdicts(data: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
    track_name = data.get("trackName")
    if not isinstance(track_name, str):
        return
    action = trackinfo.action_of(track_name, str(data.get("currentUserName") or ""),
                                 str(data.get("trackInfo") or ""))
    if action in (trackinfo.TrackAction.REVIEW, trackinfo.TrackAction.RETURN_VISIT):
        if not data.get("reviewResult"):
            yield Finding(join_path(path, "reviewResult"), Code.CONSISTENCY,
                          f"a {track_name} track without reviewResult", Severity.WARNING,
                          hint="1 通过 or 2 不通过 (审核、回访环节有值)",
                          label_zh="审核结果是否通过")
    elif (action in (trackinfo.TrackAction.EVALUATE, trackinfo.TrackAction.SYSTEM_EVALUATE)
          and not data.get("evalue")):
        yield Finding(join_path(path, "evalue"), Code.CONSISTENCY,
                      f"a {track_name} track without evalue", Severity.WARNING,
                      hint="1–5 stars (评价环节有效)", label_zh="评价值")


WORKORDER_CHECKS: dict[tuple[str, str], tuple[Check, ...]] = {
    ("workorder", "1"): (_bespeak,),
    ("workorder", "5"): (trackinfo.check("5"),),  # type: ignore[dict-item]
    ("workorder", "2"): (trackinfo.check("2"), _verdicts),  # type: ignore[dict-item]
    ("workorder", "3"): (trackinfo.check("3"), _operator),  # type: ignore[dict-item]
}
