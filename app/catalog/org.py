"""The organisation data-change family of spec/org-change-push.md (数据变更推送), as data.

Every push is the envelope ``{body, created_at, org_id, operator, type}``; ``type`` is one of
the MessageType codes and decides the shape of ``body``. The document gives the codes as
JavaScript constants (``ORG_UPDATED = 11``) and each body only as an example, with no table:
the fields here are exactly the keys its examples show, with the JSON type each example uses.

Decisions where the document is silent (docs/org-push.md repeats them):
- Every key an example shows is expected: strict mode reports a missing one as an error,
  lenient mode as a warning. Ids (``org.id``, ``user_id``, the envelope's ``org_id`` and
  ``type``) are essential: the router cannot place a push without them.
- Ids and times are whole numbers, as the examples send them; ``created_at`` is unix seconds.
- The Chinese names are ours (the document names the codes in English only), marked so.

The document's quirks stay visible (``quirks`` on the type or field, listed again in
docs/org-push.md): the envelope sketch's ``"type": 1`` is not a code; ``operator`` is an id in
the envelope but an object in the bodies of 16 and 17; DEPARTMENT_CREATED's body is a list
while DEPARTMENT_UPDATED's and DEPARTMENT_DISBANDED's are single objects; the members of a
discussion group (16, 17) are bare ids while an organisation's (202, 203) are user objects;
REINITIALIZE_ORG's body repeats the envelope's org_id.

The examples ship under resources/examples/org/, listed in its examples.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.catalog.findings import Code, Finding, Mode, Severity
from app.catalog.model import (
    Enumeration,
    EnumValue,
    Family,
    Field,
    JsonType,
    MessageType,
    load_examples,
)
from app.catalog.reading import Reading, keys_of
from app.catalog.validation import check_body, validate_object

S, O, A, N = JsonType.STRING, JsonType.OBJECT, JsonType.ARRAY, JsonType.NUMBER  # noqa: E741

_OURS = "(our name: the document gives the constant only)"


def _id(name: str, zh: str, en: str, *, essential: bool = False) -> Field:
    return Field(name, N, True, zh, en, spec_type="number", integer=True, essential=essential)


def _text(name: str, zh: str, en: str, *, required: bool = True) -> Field:
    return Field(name, S, required, zh, en, spec_type="string")


def _intro() -> Field:
    # The examples send "" here: free text a push may leave empty.
    return _text("intro", "简介", "introduction (may be empty)", required=False)


_CREATOR = Field("creator", O, True, "创建者", "creator", spec_type="object", items=(
    Field("avatar_url", S, True, "头像地址", "avatar URL", spec_type="string"),
    _id("id", "创建者id", "creator's id"),
    _text("name", "创建者名称", "creator's name"),
))
_ORG = Field("org", O, True, "组织", "the organisation", spec_type="object", essential=True,
             items=(
    _text("api_url", "组织API地址", "the organisation's API URL"),
    _text("avatar_url", "头像地址", "avatar URL"),
    _text("bfs_host", "文件服务主机", "file service (bfs) host"),
    _text("category", "行业分类", "category, e.g. C1-C2-C3"),
    _text("city", "城市", "city"),
    _CREATOR,
    _text("domain", "域名", "domain"),
    _id("id", "组织id", "organisation id", essential=True),
    _intro(),
    _text("name", "名称", "name"),
    _text("province", "省份", "province"),
))
_USER_ITEMS = (
    _text("avatar_url", "头像地址", "avatar URL"),
    Field("gender", N, True, "性别", "gender (the document shows 1 only; no codes given)",
          spec_type="number", integer=True),
    _id("id", "用户id", "user id", essential=True),
    _intro(),
    _text("name", "姓名", "name"),
    _text("phone", "电话", "phone"),
)
_GROUP = Field("group", O, True, "讨论组", "the discussion group", spec_type="object",
               essential=True, items=(
    _text("avatar_url", "头像地址", "avatar URL"),
    _CREATOR,
    _id("id", "讨论组id", "group id", essential=True),
    _intro(),
    _text("name", "名称", "name"),
))
_GROUP_OPERATOR = Field(
    "operator", O, True, "操作者", "who changed the membership", spec_type="object",
    items=(_text("avatar_url", "头像地址", "avatar URL"), _id("id", "操作者id", "operator id"),
           _text("name", "操作者名称", "operator's name")),
    quirks=("an object here, while the envelope's operator is a bare id",))
_GROUP_USERS = Field("users", A, True, "成员id列表", "the members' ids", spec_type="array",
                     element=N, integer=True,
                     quirks=("bare user ids here; ORG_MEMBER_JOINED/LEFT list user objects",))
_DEPARTMENT = Field("department", O, True, "部门", "the department", spec_type="object",
                    essential=True, items=(
    _text("avatar_url", "头像地址", "avatar URL"),
    _CREATOR,
    _id("id", "部门id", "department id", essential=True),
    _text("name", "名称", "name"),
    _id("parent", "上级部门id", "parent department id"),
))
_ID_LIST = {"spec_type": "array", "element": N, "integer": True}


def _type(code: int, name: str, zh: str, en: str, fields: tuple[Field, ...], *,
          body: str = "object", quirks: tuple[str, ...] = ()) -> MessageType:
    return MessageType(family="org", id=str(code), zh=zh, en=name, fields=fields, body=body,
                       description_zh=f"{name} = {code}（{zh}{_OURS if zh else ''}）",
                       description_en=en, quirks=quirks)


ORG_TYPES = (
    _type(11, "ORG_UPDATED", "组织信息更新", "the organisation's details changed", (_ORG,)),
    _type(202, "ORG_MEMBER_JOINED", "成员加入组织", "users joined the organisation", (
        _ORG, Field("users", A, True, "加入的用户", "the users who joined", spec_type="array",
                    items=_USER_ITEMS))),
    _type(203, "ORG_MEMBER_LEFT", "成员离开组织", "users left the organisation", (
        _ORG, Field("users", A, True, "离开的用户", "the users who left", spec_type="array",
                    items=_USER_ITEMS))),
    _type(12, "DISCUSSION_GROUP_CREATED", "讨论组创建", "a discussion group was created",
          (_GROUP,)),
    _type(13, "DISCUSSION_GROUP_UPDATED", "讨论组更新", "a discussion group changed", (_GROUP,)),
    _type(20, "DISCUSSION_GROUP_DISBANDED", "讨论组解散", "a discussion group was disbanded",
          (_GROUP,)),
    _type(16, "DISCUSSION_GROUP_MEMBER_JOINED", "讨论组成员加入",
          "members joined a discussion group", (_GROUP, _GROUP_OPERATOR, _GROUP_USERS)),
    _type(17, "DISCUSSION_GROUP_MEMBER_LEFT", "讨论组成员离开",
          "members left a discussion group", (_GROUP, _GROUP_OPERATOR, _GROUP_USERS)),
    _type(205, "DEPARTMENT_CREATED", "部门创建", "departments were created", (_DEPARTMENT,),
          body="list", quirks=("the body is a list of {department}; DEPARTMENT_UPDATED and "
                               "DEPARTMENT_DISBANDED send a single object",)),
    _type(41, "DEPARTMENT_UPDATED", "部门更新", "a department changed", (_DEPARTMENT,)),
    _type(42, "DEPARTMENT_DISBANDED", "部门解散", "a department was disbanded", (_DEPARTMENT,)),
    _type(100, "MEMBER_DEPARTMENTS_UPDATED", "成员所属部门变更",
          "members' departments changed: direct and indirect, now and before", (
              Field("is_direct", A, True, "直属部门id", "departments the user is directly in",
                    **_ID_LIST),
              Field("is_not_direct", A, True, "间接所属部门id",
                    "departments the user is in through a sub-department", **_ID_LIST),
              Field("original_is_direct", A, True, "原直属部门id",
                    "direct departments before the change", **_ID_LIST),
              Field("original_is_not_direct", A, True, "原间接所属部门id",
                    "indirect departments before the change", **_ID_LIST),
              _id("user_id", "用户id", "the user", essential=True),
          ), body="list", quirks=("the body is a list, one entry per user",)),
    _type(206, "USER_UPDATED", "用户信息更新", "users' details changed", (
        Field("user", O, True, "用户", "the user", spec_type="object", essential=True,
              items=_USER_ITEMS),
        Field("member", O, True, "成员信息", "the user's membership", spec_type="object", items=(
            _id("id", "成员id", "member id"),
            _text("position", "职位", "position (may be empty)", required=False))),
    ), body="list", quirks=("the body is a list of {user, member}",)),
    _type(201, "APP_ACCOUNT_JOINED", "应用账号加入", "an app account joined organisations", (
        Field("app_account", O, True, "应用账号", "the app account", spec_type="object",
              essential=True, items=(
                  _text("avatar_url", "头像地址", "avatar URL"),
                  _id("id", "应用账号id", "app account id", essential=True),
                  _text("name", "名称", "name, e.g. 考试助手"))),
        Field("orgs", A, True, "加入的组织id", "the organisations it joined", **_ID_LIST),
    )),
    _type(200, "REINITIALIZE_ORG", "重新初始化组织",
          "the organisation must be read again from scratch", (
              _id("org_id", "组织id", "the organisation", essential=True),
          ), quirks=("the body repeats the envelope's org_id",)),
)

MESSAGE_TYPE = Enumeration("type", tuple(
    EnumValue(t.id, t.zh, t.en) for t in sorted(ORG_TYPES, key=lambda t: int(t.id))))

#: The envelope every push shares (推送内容的结构).
ENVELOPE_FIELDS = (
    Field("body", O, True, "通知的业务结构，具体见下方", "the body; its shape depends on type",
          spec_type="object", essential=True,
          quirks=("an object for most types, a list for 205, 100 and 206",)),
    Field("created_at", N, True, "通知产生的时间", "when the change happened (unix seconds)",
          spec_type="number", integer=True),
    _id("org_id", "这个通知产生于哪个组织", "the organisation it happened in", essential=True),
    Field("operator", N, True, "操作者id", "who made the change (a user id)",
          spec_type="number", integer=True,
          quirks=("a bare id here; the bodies of 16 and 17 carry an operator object",)),
    Field("type", N, True, "见上方 MessageType 定义", "the MessageType code", spec_type="number",
          integer=True, essential=True, enum=MESSAGE_TYPE,
          quirks=('the document\'s own envelope sketch sends "type": 1, which is no code',)),
)

#: Where the document's examples ship, with examples.yaml listing them.
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples" / "org"


ORG = Family(
    id="org",
    zh="组织数据变更推送",
    en="organisation data-change push",
    source="spec/org-change-push.md",
    types=ORG_TYPES,
    examples=load_examples(EXAMPLES_DIR),
    enumerations=(MESSAGE_TYPE,),
)


def type_name(code: object) -> str:
    """``ORG_UPDATED`` for 11 (or "11"); the code itself when it is not one."""
    message_type = ORG.by_id.get(str(code))
    return message_type.en if message_type else str(code)


def parse_type(value: object) -> int | None:
    """A MessageType code from 11, "11" or "ORG_UPDATED" (any case); None if it is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if str(value) in ORG.by_id else None
    if isinstance(value, str):
        text = value.strip()
        if text in ORG.by_id:
            return int(text)
        for t in ORG.types:
            if t.en.casefold() == text.casefold():
                return int(t.id)
    return None


@dataclass(frozen=True, slots=True)
class OrgPush:
    """A readable push: the envelope's fields, and the body as it came."""

    type: int
    org_id: int
    operator: int | None
    created_at: int | None
    body: object
    #: The whole envelope as sent: what subscribers receive, byte for byte once encoded.
    envelope: Mapping[str, object]

    @property
    def type_name(self) -> str:
        return type_name(self.type)


@dataclass(slots=True)
class PushReport:
    push: OrgPush | None
    findings: list[Finding]


def read_push(obj: object, mode: Mode = Mode.STRICT) -> PushReport:
    """Validate an envelope and its body against the MessageType it names."""
    findings = validate_object(ENVELOPE_FIELDS, obj, mode, path="")
    if not isinstance(obj, dict):
        return PushReport(None, findings)
    code, org_id, body = obj.get("type"), obj.get("org_id"), obj.get("body")
    message_type = ORG.by_id.get(str(code)) if isinstance(code, int) and not isinstance(
        code, bool) else None
    if message_type is not None and "body" in obj:
        # Whether body is an object or a list depends on the type: the type's check says it
        # exactly, so the envelope's generic "object (or list)" verdict on body goes.
        findings = [f for f in findings if f.path != "body" or f.code is Code.MISSING]
        findings.extend(check_body(message_type, body, mode, path="body"))
        if message_type.id == "200" and isinstance(body, dict) and isinstance(
                body.get("org_id"), int) and isinstance(org_id, int) and body["org_id"] != org_id:
            findings.append(Finding("body.org_id", Code.CONSISTENCY,
                                    f"body.org_id {body['org_id']} is not the envelope's "
                                    f"org_id {org_id}", Severity.WARNING,
                                    hint="REINITIALIZE_ORG names the organisation twice; "
                                         "make them equal"))
    usable = (message_type is not None and isinstance(org_id, int)
              and not isinstance(org_id, bool) and org_id >= 0)
    if isinstance(org_id, int) and org_id < 0:
        findings.append(Finding("org_id", Code.TYPE, f"org_id {org_id} is negative",
                                hint="an organisation id, e.g. 123"))
    push = None
    if usable:
        operator, created = obj.get("operator"), obj.get("created_at")
        push = OrgPush(int(code), org_id, operator if isinstance(operator, int) else None,
                       created if isinstance(created, int) else None, body, obj)
    return PushReport(push, findings)


class _Reader:
    """The inspector's reader: an envelope, or a bare body (its type guessed by its keys)."""

    family = "org"
    _ENVELOPE = frozenset({"body", "created_at", "org_id", "operator", "type"})

    def recognise(self, obj: object) -> int:
        keys = keys_of(obj)
        score = len(keys & self._ENVELOPE)
        # "type" and "body" alone are too common (the rich-message request has both).
        if not keys & {"org_id", "created_at", "operator"}:
            return 0
        return score

    def read(self, obj: object, mode: Mode = Mode.STRICT) -> Reading:
        report = read_push(obj, mode)
        code = obj.get("type") if isinstance(obj, dict) else None
        message_type = ORG.by_id.get(str(code)) if isinstance(code, int) else None
        title = (f"organisation push {message_type.en} = {message_type.id} "
                 f"({message_type.zh} · {message_type.description_en})" if message_type
                 else "organisation push of an unknown type")
        facts: dict[str, object] = {}
        if isinstance(obj, dict):
            facts = {k: obj[k] for k in ("type", "org_id", "operator", "created_at")
                     if k in obj and not isinstance(obj[k], dict | list)}
        if message_type is not None:
            facts["typeName"] = message_type.en
        return Reading("org", message_type.id if message_type else None, title,
                       report.findings, kind="envelope", facts=facts)


READER = _Reader()
