"""The rich-text message request of spec/org-change-push.md (发送富文本消息), as data.

``POST /orgs/:org_id/messages`` takes ``{body: {chat: {content, apns_summary, type: 0}},
app_id, dest_id, dest_type, type: 4}``. The document gives no field table: it prints one
example whose ``//`` comments are the only descriptions. So the fields here are exactly the
keys that example shows, with the JSON type it uses, and each ``zh`` is the comment printed
beside the key (ours where it has none, marked so).

Decisions where the document is silent (docs/rich-messages.md repeats them):
- Every key the example shows is required. The ones delivery cannot do without (everything
  but ``app_id``) are essential: missing even in lenient mode is an error.
- ``content`` is free-form: any object, carried to the receiver as is. The example's
  title/examStartTime/exameTime/url are one exam notice, not a schema.
- ``dest_type`` has no values in the document. Push Studio defines one, 1 = an IM user
  (``dest_id`` is then its userID, as a number), the only receiver it delivers to; any
  other value is refused as unsupported, saying so.
- ``type`` is 4 ("固定", fixed) and ``body.chat.type`` is 0 ("富文本消息的type").

The document's quirks stay visible: the example is not JSON (``//`` comments, a comma
missing after ``apns_summary``) and is shipped repaired under resources/examples/rich/ with
every repair listed in examples.yaml, next to the text as printed; its own oddities
(``exameTime``, ``"2016-01-01 12-01-02"``) are kept there, untouched.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.catalog.findings import Code, Finding, Mode
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
from app.catalog.validation import check_object, whole

S, O, N = JsonType.STRING, JsonType.OBJECT, JsonType.NUMBER  # noqa: E741

#: Marks a Chinese description that is ours: the document prints no comment beside the key.
_OURS = "（文档未注释）"

MESSAGE_TYPE = Enumeration("type", (
    EnumValue("4", "富文本消息（固定）", "rich-text message (fixed)"),))
CHAT_TYPE = Enumeration("chat type", (
    EnumValue("0", "富文本消息", "rich-text message"),))
#: Push Studio's decision: the document names the field but gives no values.
DEST_TYPE = Enumeration("dest_type", (
    EnumValue("1", "IM用户（dest_id 即其 userID）", "an IM user (dest_id is its userID)"),))
#: The only receiver kind Push Studio delivers to.
IM_USER = 1

CHAT_FIELDS = (
    Field("content", O, True, "消息体内容放在content里头",
          "the message content: a free-form object, carried to the receiver as is",
          spec_type="object", essential=True,
          quirks=("free-form: the example's title, examStartTime, exameTime and url are one "
                  "exam notice (老大给你安排了一个xxx考试), not a schema",
                  "the example's own oddities are kept in it: the key exameTime (sic, beside "
                  "examStartTime) and the time \"2016-01-01 12-01-02\" (dashes, not colons)")),
    Field("apns_summary", S, True, "apns推送内容",
          "the push text: the alert an offline receiver's phone shows", spec_type="string",
          essential=True,
          quirks=("the example lacks the comma after this value",)),
    Field("type", N, True, "富文本消息的type", "chat type: 0 = rich-text message",
          spec_type="number", integer=True, essential=True, enum=CHAT_TYPE),
)

FIELDS = (
    Field("body", O, True, "消息体" + _OURS, "the message: {chat}", spec_type="object",
          essential=True, items=(
              Field("chat", O, True, "富文本消息" + _OURS,
                    "the rich-text message: {content, apns_summary, type}",
                    spec_type="object", essential=True, items=CHAT_FIELDS),
          )),
    Field("app_id", N, True, "应用id", "the sending application's id", spec_type="number",
          integer=True),
    Field("dest_id", N, True, "推送接收方的id, 注: 接受方所在组织在URL里面(:org_id)",
          "the receiver's id; for dest_type 1, the IM user's userID as a number",
          spec_type="number", integer=True, essential=True,
          quirks=("the receiver's organisation is not in the body but in the URL (:org_id)",
                  "接受方 in the comment is the document's slip for 接收方")),
    Field("dest_type", N, True, "推送接收方的类型",
          "the receiver's kind: 1 = an IM user (Push Studio's value; the document gives none)",
          spec_type="number", integer=True, essential=True, enum=DEST_TYPE,
          quirks=("the document gives no values; Push Studio defines 1 = an IM user, the only "
                  "receiver it delivers to",)),
    Field("type", N, True, "固定", "message type: always 4 (rich-text message)",
          spec_type="number", integer=True, essential=True, enum=MESSAGE_TYPE),
)

RICH_4 = MessageType(
    family="rich",
    id="4",
    zh="富文本消息",
    en="rich-text message",
    fields=FIELDS,
    description_zh="发送富文本消息(消息的认证使用http的token) — "
    "ORG API: POST /orgs/:org_id/messages",
    description_en="The body of POST /orgs/:org_id/messages: a rich-text message to one "
    "receiver of the organisation named in the URL, authenticated with an HTTP token.",
    quirks=(
        "the document gives no field table: names, JSON types and meanings come from its "
        "one example and the // comments in it",
        "the example is not JSON: // comments, and no comma after apns_summary",
        "\"消息的认证使用http的token\" names no header; Push Studio accepts Authorization: "
        "Bearer <token>, Token <token> and Token token=\"<token>\"",
    ),
)

#: Where the document's example ships, with examples.yaml listing its repairs.
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples" / "rich"


RICH = Family(
    id="rich",
    zh="富文本消息",
    en="rich-text message",
    source="spec/org-change-push.md",
    types=(RICH_4,),
    examples=load_examples(EXAMPLES_DIR),
    enumerations=(MESSAGE_TYPE, CHAT_TYPE, DEST_TYPE),
)


def read_request(obj: object, mode: Mode = Mode.STRICT, *,
                 org_id: int | None = None) -> Reading:
    """Validate a request body. ``facts`` hold what delivery needs: app_id, dest_id,
    dest_type, the receiver's ``userID`` when dest_type is 1, and ``org_id`` when the caller
    knows it (it is in the URL, never in the body)."""
    findings, resolved = check_object(FIELDS, obj, mode, path="")
    findings = [_unsupported(f, resolved.get("dest_type"))
                if f.path == "dest_type" and f.code is Code.ENUM else f for f in findings]
    facts: dict[str, object] = {} if org_id is None else {"org_id": org_id}
    for name in ("app_id", "dest_id", "dest_type"):
        value = resolved.get(name)
        if JsonType.of(value) in (N, S):  # a scalar the inspector can show as is
            facts[name] = value
    dest_id = whole(resolved.get("dest_id"))
    if dest_id is not None and whole(resolved.get("dest_type")) == IM_USER:
        facts["userID"] = str(dest_id)
    is_four = whole(resolved.get("type")) == 4
    title = (f"{RICH_4.zh} {RICH_4.en} (type 4) — POST /orgs/:org_id/messages" if is_four
             else "rich-text message request whose type is not 4")
    return Reading(RICH.id, RICH_4.id if is_four else None, title, findings,
                   kind="request", facts=facts)


def _unsupported(finding: Finding, value: object) -> Finding:
    """The validator says "not one of the codes"; say why there is only one."""
    return replace(finding, code=Code.UNSUPPORTED,
                   message=f"dest_type {value!r} is not a receiver Push Studio delivers to",
                   hint="send dest_type 1: an IM user, dest_id being its userID. The "
                        "document gives no dest_type values; 1 is the only one Push Studio "
                        "defines")


class _Reader:
    """The inspector's reader for the request body (app.catalog.reading)."""

    family = "rich"
    #: Keys no other family's payload has at its top level.
    _DISTINCTIVE = frozenset({"app_id", "dest_id", "dest_type"})

    def recognise(self, obj: object) -> int:
        score = len(keys_of(obj) & self._DISTINCTIVE)
        body = obj.get("body") if isinstance(obj, dict) else None
        if "chat" in keys_of(body):
            score += 1
        return score

    def read(self, obj: object, mode: Mode = Mode.STRICT, *,
             org_id: int | None = None) -> Reading:
        return read_request(obj, mode, org_id=org_id)


READER = _Reader()
