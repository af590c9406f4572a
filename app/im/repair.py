"""Work-order notifications (spec/im-repair-status-notify.txt): who an accepted event concerns,
and the ``NotifyRepairStatus`` each of them gets.

The spec names the message (``msg_type`` "repair_status_changed", ``eosno``, ``order``,
``order_status``) but not what Order and OrderStatus hold; ours are built from the order's
creation event (changeId 1) and the event that changed it — see wire.ORDER_FIELDS and
wire.STATUS_FIELDS, documented in docs/im.md. ``eosno`` ("the chain account receiving this
message") is the receiver's eUserId where the event gives one, else its userId.

Who an event concerns: the order's contact (changeId 1's userId), the track's current user
(5: currentUser; 2: currentUserId; 7: currentUser and supUser), a hang's applicant (6), a
comment's author (10) and a transfer's source and target (9).
"""

from __future__ import annotations

from typing import Any

MSG_TYPE = "repair_status_changed"

#: changeId → (status, its Chinese name).
STATUSES = {
    "1": ("created", "生成工单"), "5": ("track_generated", "生成环节"),
    "2": ("track_handled", "环节处理完成"), "3": ("ended", "结束"), "4": ("evaluated", "评价"),
    "6": ("hang", "挂起/解挂"), "7": ("timeout", "超时"), "8": ("supervised", "督办"),
    "9": ("transferred", "转单"), "10": ("commented", "追记/加急"),
}
_TIME_FIELDS = ("handleDate", "createDate", "evaluateTime", "hangtime", "createTime", "suptime")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _people(value: Any) -> list[dict[str, Any]]:
    """currentUser is an object in the table and a list in the example: take either."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def receivers(change_id: str, data: dict[str, Any],
              contact: tuple[str, str] | None) -> list[tuple[str, str]]:
    """(userId, eosno) of everyone the event concerns, each once, the contact first."""
    found: list[tuple[Any, Any]] = []
    if contact is not None:
        found.append(contact)
    if change_id == "1":
        found.append((data.get("userId"), data.get("eUserId")))
    elif change_id == "5":
        found += [(p.get("userId"), p.get("eUserId")) for p in _people(data.get("currentUser"))]
    elif change_id == "2":
        found.append((data.get("currentUserId"), data.get("currentEuserId")))
    elif change_id == "7":
        found += [(p.get("userId"), p.get("eUserId"))
                  for key in ("currentUser", "supUser") for p in _people(data.get(key))]
    elif change_id in ("6", "10"):
        found.append((data.get("userId"), data.get("eUserId")))
    elif change_id == "9":
        found += [(data.get("requserId"), data.get("reqEuserId")),
                  (data.get("taruserId"), data.get("tarEuserId"))]
    out: dict[str, str] = {}
    for user_id, e_user_id in found:
        if isinstance(user_id, str) and user_id and user_id not in out:
            out[user_id] = e_user_id if isinstance(e_user_id, str) and e_user_id else user_id
    return list(out.items())


def contact_of(creation: dict[str, Any] | None) -> tuple[str, str] | None:
    if not creation:
        return None
    # The spec's own changeId 1 example spells it `userid` (README, inconsistency 2). The
    # engine accepts that drift in lenient mode, with a warning on the event; the contact is
    # notified all the same, or the spec's example would notify nobody.
    user_id = creation.get("userId") or creation.get("userid")
    if not isinstance(user_id, str) or not user_id:
        return None
    return user_id, _text(creation.get("eUserId")) or user_id


def order_of(data_area: str, creation: dict[str, Any] | None,
             data: dict[str, Any]) -> dict[str, str]:
    """The order as its creation event described it, completed by the current event."""
    first = {**data, **(creation or {})}
    return {
        "order_id": _text(data.get("serviceOrderId")) or _text(first.get("serviceOrderId")),
        "order_code": _text(first.get("serviceOrderCode")), "data_area": data_area,
        "template_name": _text(first.get("templateInstName")),
        "busi_type_name": _text(first.get("busiTypeName")),
        "community_id": _text(first.get("communityId")),
        "house_info": _text(first.get("houseInfo")), "address": _text(first.get("address")),
        "remark": _text((creation or {}).get("remark")),
        "contact_user_id": (contact_of(creation) or ("",))[0],
        # `contactname`: the example's drift again (see contact_of).
        "contact_name": _text((creation or {}).get("contactName"))
        or _text((creation or {}).get("contactname")),
        "contact_tel": _text((creation or {}).get("contactTel")),
        "create_date": _text((creation or {}).get("createDate")),
    }


def status_of(change_id: str, data: dict[str, Any], event_id: int) -> dict[str, Any]:
    status, name = STATUSES.get(change_id, ("changed", ""))
    handler_id, handler_name = _text(data.get("currentUserId")), _text(
        data.get("currentUserName"))
    if not handler_id:
        people = _people(data.get("currentUser"))
        if people:
            handler_id, handler_name = _text(people[0].get("userId")), _text(
                people[0].get("userName"))
    if not handler_id and change_id == "9":
        handler_id, handler_name = _text(data.get("taruserId")), _text(data.get("taruserName"))
    return {
        "change_id": change_id, "status": status,
        "status_name": _text(data.get("statusName")) or name,
        "track_id": _text(data.get("trackId")), "track_code": _text(data.get("trackCode")),
        "track_name": _text(data.get("trackName")), "track_info": _text(data.get("trackInfo")),
        "handler_id": handler_id, "handler_name": handler_name,
        "time": next((data[k] for k in _TIME_FIELDS if isinstance(data.get(k), str)
                      and data[k]), ""),
        "event_id": event_id,
    }


def notification(eosno: str, order: dict[str, str], status: dict[str, Any]) -> dict[str, Any]:
    return {"msg_type": MSG_TYPE, "eosno": eosno, "order": order, "order_status": status}
