"""trackInfo text rules (生成规则) of spec/workorder-push-events.txt, exactly as written.

- changeId 5:  ``待[${userName}]${trackName}``                       待[刘凯]派单
- changeId 2:  dispatch/accept/handle ``${currentUserName}已${trackName}`` 刘凯已派单;
  review ``…已${trackName}，审核通过|不通过``; evaluation ``…已${trackName}，评价${evalue}星``
  or ``系统默认评价，评价${evalue}星``; return visit ``…已${trackName}，回访通过|不通过``.
- changeId 3:  cancel ``${operator}已取消工单,工单结束``;
  forced close ``${operator}已关闭工单,工单结束``; system close ``系统关闭工单,工单结束``;
  normal ``工单结束``.

Punctuation is the spec's own: changeId 2 joins with a full-width ``，``, changeId 3 with an
ASCII ``,``. It looks like an accident of the document, but it is what the platform sends.

Our decision where the spec is silent: a changeId 5 waiting for several people (currentUser
as a list) may name any one of them, or all of them joined with 、 (待[甲、乙]派单); the rule
only ever shows one ${userName}.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from app.catalog.findings import Code, Finding, Mode, Severity, join_path


class TrackAction(StrEnum):
    """What a handled track (changeId 2) was, which decides its trackInfo rule."""

    DISPATCH = "dispatch"  # 派单
    ACCEPT = "accept"  # 接单
    HANDLE = "handle"  # 处理
    REVIEW = "review"  # 审核
    EVALUATE = "evaluate"  # 评价
    SYSTEM_EVALUATE = "system-evaluate"  # 系统默认评价
    RETURN_VISIT = "return-visit"  # 回访


class EndKind(StrEnum):
    """How an order ended (changeId 3)."""

    NORMAL = "normal"  # overType 0
    CANCEL = "cancel"  # overType 1, by ${operator}
    FORCED_CLOSE = "forced-close"  # overType 2 with an operator: 已关闭工单
    SYSTEM_CLOSE = "system-close"  # overType 2 without an operator: 系统关闭工单


#: The end kind → overType it is sent with. The spec lists forced close among the trackInfo
#: rules but gives overType only 0/1/2; a close by a person is a close (2) with an operator.
OVER_TYPE_OF = {
    EndKind.NORMAL: "0",
    EndKind.CANCEL: "1",
    EndKind.FORCED_CLOSE: "2",
    EndKind.SYSTEM_CLOSE: "2",
}

_VERDICT = {"1": "通过", "2": "不通过"}

#: Each rule as the spec writes it, for messages ("does not follow the rule …").
GENERATED_RULE = "待[${userName}]${trackName}"
HANDLED_RULES = {
    TrackAction.DISPATCH: "${currentUserName}已${trackName}",
    TrackAction.ACCEPT: "${currentUserName}已${trackName}",
    TrackAction.HANDLE: "${currentUserName}已${trackName}",
    TrackAction.REVIEW: "${currentUserName}已${trackName}，审核通过|不通过",
    TrackAction.RETURN_VISIT: "${currentUserName}已${trackName}，回访通过|不通过",
    TrackAction.EVALUATE: "${currentUserName}已${trackName}，评价${evalue}星",
    TrackAction.SYSTEM_EVALUATE: "系统默认评价，评价${evalue}星",
}
ENDED_RULES = {
    EndKind.NORMAL: "工单结束",
    EndKind.CANCEL: "${operator}已取消工单,工单结束",
    EndKind.FORCED_CLOSE: "${operator}已关闭工单,工单结束",
    EndKind.SYSTEM_CLOSE: "系统关闭工单,工单结束",
}


def track_generated(user_name: str, track_name: str) -> str:
    """changeId 5: 待[刘凯]派单."""
    return f"待[{user_name}]{track_name}"


def track_handled(
    action: TrackAction,
    current_user_name: str,
    track_name: str,
    review_result: str | None = None,
    evalue: str | None = None,
) -> str:
    """changeId 2. ``review_result`` is 1 (通过) or 2 (不通过); ``evalue`` 1–5."""
    done = f"{current_user_name}已{track_name}"
    match action:
        case TrackAction.DISPATCH | TrackAction.ACCEPT | TrackAction.HANDLE:
            return done
        case TrackAction.REVIEW:
            return f"{done}，审核{_verdict(review_result)}"
        case TrackAction.RETURN_VISIT:
            return f"{done}，回访{_verdict(review_result)}"
        case TrackAction.EVALUATE:
            return f"{done}，评价{_stars(evalue)}星"
        case TrackAction.SYSTEM_EVALUATE:
            return f"系统默认评价，评价{_stars(evalue)}星"
    raise ValueError(f"unknown track action {action!r}")  # pragma: no cover


def order_ended(kind: EndKind, operator: str = "") -> str:
    """changeId 3."""
    match kind:
        case EndKind.NORMAL:
            return "工单结束"
        case EndKind.CANCEL:
            return f"{operator}已取消工单,工单结束"
        case EndKind.FORCED_CLOSE:
            return f"{operator}已关闭工单,工单结束"
        case EndKind.SYSTEM_CLOSE:
            return "系统关闭工单,工单结束"
    raise ValueError(f"unknown end kind {kind!r}")  # pragma: no cover


def _verdict(review_result: str | None) -> str:
    if review_result not in _VERDICT:
        raise ValueError(f"reviewResult must be 1 or 2, not {review_result!r}")
    return _VERDICT[review_result]


def _stars(evalue: str | None) -> str:
    if evalue not in {"1", "2", "3", "4", "5"}:
        raise ValueError(f"evalue must be 1–5, not {evalue!r}")
    return evalue


# --- reading an event's own data ------------------------------------------------------------

#: trackName fragments (and the trackCodes our simulator uses) that select a changeId 2 rule.
_ACTION_BY_WORD = (
    ("审核", TrackAction.REVIEW),
    ("回访", TrackAction.RETURN_VISIT),
    ("评价", TrackAction.EVALUATE),
    ("接单", TrackAction.ACCEPT),
    ("派单", TrackAction.DISPATCH),
)


def action_of(track_name: str, current_user_name: str = "", track_info: str = "") -> TrackAction:
    """The changeId 2 rule that applies to a track, from its name (审核 → review …)."""
    for word, action in _ACTION_BY_WORD:
        if word in track_name:
            if action is TrackAction.EVALUATE and (
                track_info.startswith("系统默认评价") or not current_user_name
            ):
                return TrackAction.SYSTEM_EVALUATE
            return action
    return TrackAction.HANDLE


def end_kind_of(over_type: str, operator: str = "") -> EndKind | None:
    match over_type:
        case "0":
            return EndKind.NORMAL
        case "1":
            return EndKind.CANCEL
        case "2":
            return EndKind.FORCED_CLOSE if operator else EndKind.SYSTEM_CLOSE
    return None


def _names(current_user: object) -> list[str]:
    users = current_user if isinstance(current_user, list) else [current_user]
    return [u["userName"] for u in users
            if isinstance(u, dict) and isinstance(u.get("userName"), str)]


def expected(change_id: str, data: Mapping[str, object]) -> tuple[list[str], str] | None:
    """The trackInfo texts the rules allow for this event, and the rule in words.

    None when the event is not one with a rule (changeId other than 5/2/3) or lacks the data
    the rule needs (then the missing field is reported by the field checks instead).
    """
    s = {k: v for k, v in data.items() if isinstance(v, str)}
    track_name = s.get("trackName", "")
    if change_id == "5":
        names = _names(data.get("currentUser"))
        if not names:
            return None
        texts = [track_generated(n, track_name) for n in names]
        if len(names) > 1:
            texts.append(track_generated("、".join(names), track_name))
        return texts, GENERATED_RULE
    if change_id == "2":
        user = s.get("currentUserName", "")
        action = action_of(track_name, user, s.get("trackInfo", ""))
        try:
            text = track_handled(action, user, track_name, s.get("reviewResult"), s.get("evalue"))
        except ValueError:
            return None
        return [text], HANDLED_RULES[action]
    if change_id == "3":
        kind = end_kind_of(s.get("overType", ""), s.get("operator", ""))
        if kind is None:
            return None
        return [order_ended(kind, s.get("operator", ""))], ENDED_RULES[kind]
    return None


def check(change_id: str) -> object:
    """A validation check (see app.catalog.validation.Check) for one changeId's trackInfo."""

    def check_trackinfo(data: Mapping[str, object], mode: Mode, path: str) -> Iterable[Finding]:
        actual = data.get("trackInfo")
        if not isinstance(actual, str):
            return ()
        allowed = expected(change_id, data)
        if allowed is None or actual in allowed[0]:
            return ()
        texts, rule = allowed
        return (Finding(
            join_path(path, "trackInfo"), Code.TRACKINFO,
            f"trackInfo {actual!r} does not follow the rule {rule}",
            Severity.ERROR if mode is Mode.STRICT else Severity.WARNING,
            hint=f"expected {texts[0]!r} for this event's own data",
            label_zh="轨迹信息"),)

    return check_trackinfo
