"""Why an event did or did not go to a subscription — the integrator's first question."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.catalog import Catalog
from app.catalog.org import ORG, type_name
from app.routing.subscription import Subscription
from app.routing.topics import is_org_key, org_type_of


class Reason(StrEnum):
    MATCHED = "matched"
    EVENT_REFUSED = "event-refused"
    CHANGE_UNSUPPORTED = "change-unsupported"
    UNKNOWN_CHANGE = "unknown-change"
    DISABLED = "disabled"
    AREA_OUT_OF_SCOPE = "area-out-of-scope"
    CHANGE_NOT_SUBSCRIBED = "change-not-subscribed"


@dataclass(frozen=True, slots=True)
class Explanation:
    """The verdict for one event × subscription; ``reasons`` lists every failing condition,
    the first being the one the router stops at."""

    base_code: str
    data_area: str
    change_id: str
    reasons: tuple[Reason, ...]
    messages: tuple[str, ...]
    messages_zh: tuple[str, ...]

    @property
    def matched(self) -> bool:
        return self.reasons == (Reason.MATCHED,)

    @property
    def reason(self) -> Reason:
        return self.reasons[0]

    def to_json(self) -> dict[str, object]:
        return {"baseCode": self.base_code, "dataArea": self.data_area,
                "changeId": self.change_id, "matched": self.matched,
                "reason": str(self.reason), "reasons": [str(r) for r in self.reasons],
                "messages": list(self.messages), "messagesZh": list(self.messages_zh)}


def explain(sub: Subscription, data_area: str, change_id: str, catalog: Catalog,
            allow_unsupported: bool = False, refused: str | None = None) -> Explanation:
    """Every reason ``sub`` does not get an event of ``change_id`` in ``data_area``.

    ``refused`` is why the engine would not accept the event at all (its first error), which
    then comes first: no subscription gets an event the engine refuses.
    """
    found: list[tuple[Reason, str, str]] = []
    if refused:
        found.append((Reason.EVENT_REFUSED, f"the event itself is refused: {refused}",
                      f"事件本身被拒绝：{refused}"))
    if is_org_key(change_id):
        return _explain_org(sub, data_area, change_id, found)
    message_type = catalog.change(change_id)
    if message_type is None:
        found.append((Reason.UNKNOWN_CHANGE, f"changeId {change_id!r} is not a known event",
                      f"changeId {change_id!r} 不是已知事件"))
    elif not message_type.supported and not allow_unsupported and not refused:
        found.append((Reason.CHANGE_UNSUPPORTED,
                      f"changeId {change_id} ({message_type.en}) is not supported by the "
                      "platform; the router refuses it unless \"allow unsupported events\" is on",
                      f"changeId {change_id}（{message_type.zh}）平台暂不支持，"
                      "除非开启“允许不支持的事件”，路由会拒绝"))
    if not sub.enabled:
        found.append((Reason.DISABLED, f"subscription {sub.base_code} is disabled",
                      f"订阅 {sub.base_code} 已停用"))
    if not sub.covers_area(data_area):
        scope = ", ".join(sub.data_areas)
        found.append((Reason.AREA_OUT_OF_SCOPE,
                      f"dataArea {data_area!r} is outside its scope ({scope})",
                      f"数据域 {data_area!r} 不在订阅范围内（{scope}）"))
    if change_id not in sub.change_ids:
        # An organisation-push-only subscriber has no changeIds: say that, not "()".
        content = ", ".join(sub.change_ids) or "none: it subscribes to organisation pushes"
        found.append((Reason.CHANGE_NOT_SUBSCRIBED,
                      f"changeId {change_id} is not among its subscribed events ({content})",
                      f"未订阅 changeId {change_id}（已订阅：{content}）"))
    return _verdict(sub, data_area, change_id, found)


def _explain_org(sub: Subscription, org_id: str, key: str,
                 found: list[tuple[Reason, str, str]]) -> Explanation:
    """The same questions for an organisation push: its type, the subscriber's orgIds scope
    and orgTypes content."""
    code = org_type_of(key)
    if code not in ORG.by_id:
        found.append((Reason.UNKNOWN_CHANGE, f"type {code!r} is not an organisation push type",
                      f"type {code!r} 不是组织推送类型"))
    name = type_name(code)
    if not sub.enabled:
        found.append((Reason.DISABLED, f"subscription {sub.base_code} is disabled",
                      f"订阅 {sub.base_code} 已停用"))
    if not sub.covers_org(org_id):
        scope = ", ".join(sub.org_ids)
        found.append((Reason.AREA_OUT_OF_SCOPE,
                      f"org_id {org_id} is outside its orgIds ({scope})",
                      f"组织 {org_id} 不在订阅范围内（{scope}）"))
    if code not in sub.org_types:
        content = ", ".join(f"{t} {type_name(t)}" for t in sub.org_types) or "none"
        found.append((Reason.CHANGE_NOT_SUBSCRIBED,
                      f"type {code} {name} is not among its orgTypes ({content})",
                      f"未订阅组织推送 {code} {name}（已订阅：{content}）"))
    return _verdict(sub, org_id, key, found)


def _verdict(sub: Subscription, scope: str, key: str,
             found: list[tuple[Reason, str, str]]) -> Explanation:
    if not found:
        found.append((Reason.MATCHED, f"{sub.base_code} receives this event",
                      f"{sub.base_code} 会收到此事件"))
    return Explanation(sub.base_code, scope, key,
                       tuple(r for r, _, _ in found), tuple(m for _, m, _ in found),
                       tuple(z for _, _, z in found))
