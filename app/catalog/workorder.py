"""The work-order event family: changeId 1–10 of spec/workorder-push-events.txt, as data.

Every field is listed in the order of the spec's table with its type as written
(``spec_type``), its required flag (是否必填/是否必传 "Y"), its Chinese description as the
table gives it (runs of alignment spaces collapsed) and an English translation. Quirks of
the document are kept and explained in ``quirks`` with the spec/README.md inconsistency
number; they are not silently fixed.

Descriptions (``zh``) are the table's text with surrounding whitespace and a trailing "," trimmed;
a description that spans several lines in the table keeps them, joined by newlines (blank
lines dropped). Field names are stripped of the padding spaces the table aligns them with.

The examples the document prints ship as JSON files under resources/examples/workorder/, listed
with their repairs in that folder's examples.yaml (see :func:`load_examples`).
"""

from __future__ import annotations

from pathlib import Path

from app.catalog.model import (
    Enumeration,
    Family,
    Field,
    JsonType,
    MessageType,
    load_examples,
)

S, O, A = JsonType.STRING, JsonType.OBJECT, JsonType.ARRAY  # noqa: E741


_enum = Enumeration.of


OVER_TYPE = _enum(
    "overType",
    ("0", "正常完结", "completed normally"),
    ("1", "取消（终止）", "cancelled (terminated)"),
    ("2", "系统关闭", "closed by the system"),
)
HANG_STATUS = _enum(
    "hangStatus",
    ("0", "解挂", "unhung (hang relieved)"),
    ("1", "申请中", "hang requested"),
    ("2", "挂起", "hung"),
    ("3", "挂起失败", "hang refused"),
)
COMMENT_TYPE = _enum(
    "commentType",
    ("1", "追记", "comment"),
    ("2", "加急", "urgent"),
)
REVIEW_RESULT = _enum(
    "reviewResult",
    ("1", "通过", "passed"),
    ("2", "不通过", "failed"),
)
EVALUE = _enum(
    "evalue",
    ("1", "1星", "1 star"),
    ("2", "2星", "2 stars"),
    ("3", "3星", "3 stars"),
    ("4", "4星", "4 stars"),
    ("5", "5星", "5 stars"),
)
USER_TYPE = _enum(
    "userType",
    ("1", "客户", "customer"),
    ("2", "员工", "employee"),
)
TRANSPORT_TYPE = _enum(
    "transportTypeId",
    ("1", "APP终端接入", "app"),
    ("2", "400电话界面接入", "400 hotline"),
    ("3", "系统内部接入", "internal system"),
)
CATEGORY = _enum(
    "categoryId",
    ("1", "物业服务", "property service"),
    ("2", "商业服务", "commercial service"),
    ("3", "第三方服务", "third-party service"),
    ("4", "设备服务", "equipment service"),
)
IS_BESPEAK = _enum(
    "isBespeak",
    ("0", "否", "no"),
    ("1", "是", "yes (appointment)"),
)

ENUMERATIONS = (
    OVER_TYPE, HANG_STATUS, COMMENT_TYPE, REVIEW_RESULT, EVALUE,
    USER_TYPE, TRANSPORT_TYPE, CATEGORY, IS_BESPEAK,
)

# Fields that identify the order; missing them is an error even in lenient mode because the
# router, the timeline and the IM notifications key on them.
_ORDER_ID = Field("serviceOrderId", S, True, "服务工单ID", "service order id", essential=True)


_NO_DESC = "the table leaves the description empty"
_TIME_NO_FORMAT = (
    "the table gives no format; taken as yyyyMMddHHmmss like the other times "
    "(the changeId 1 example sends \"\" when isBespeak=0)"
)

# The {title, attrCode, attrValue} form attributes of reqVariables (changeId 1) and
# variables (changeId 2).
_VARIABLE_ITEMS = (
    Field("title", S, False, "标题", "title"),
    Field("attrCode", S, False, "属性编码", "attribute code"),
    Field("attrValue", S, False, "属性值", "attribute value"),
)


CHANGE_1 = MessageType(
    family="workorder",
    id="1",
    zh="生成工单",
    en="create order",
    category="flow",
    description_zh="服务类型编码为工单系统推送。changeId=1表示：新增工单",
    description_en="Pushed by the work-order system when a new work order is created.",
    quirks=(
        "#2: the example uses userid/usertype/contactname where the table says "
        "userId/userType/contactName, lacks required fields (trackId, trackCode, eCommunityId, "
        "transportTypeName …) and sends templateName/templateCode, which the table lacks",
        "the changeId table calls it 生成工单; the section title and the 说明 say 新增工单",
        "the example sends orderKey, which the table does not list",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("serviceTypeCode", S, False, "服务大类编码", "service category code"),
        Field("templateInstName", S, True, "服务名称（别名）", "service name (alias)"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("busiTypeCode", S, True, "业务类型编码", "business type code"),
        Field("busiTypeName", S, True, "业务类型名称", "business type name"),
        Field("trackId", S, True, "环节id（提单环节id)",
              "track id (of the order-submission track)"),
        Field("trackCode", S, True, "环节编码（提单环节编码)",
              "track code (of the order-submission track)"),
        Field("trackName", S, False, "环节名称（提单)", "track name (order submission)"),
        Field("houseId", S, False, "房屋ID", "house id"),
        Field("eHouseId", S, False, "第三方房屋ID", "third-party house id"),
        Field("houseInfo", S, False, "软件园1栋1单元101房",
              "house description, e.g. Software Park building 1 unit 1 room 101",
              quirks=("the table gives a sample value instead of a description",)),
        Field("transportTypeId", S, True,
              "接入类型//1:APP终端接入2:400电话界面接入3:系统内部接入",
              "access channel: 1 app, 2 400 hotline, 3 internal system",
              enum=TRANSPORT_TYPE, open_enum=True,
              quirks=("#10: documented as 1 APP, 2 400 phone, 3 internal; "
                      "the changeId 1 example sends 9",)),
        Field("transportTypeName", S, True,
              "接入类型名称//1:APP终端接入2:400电话界面接入3:系统内部接入",
              "access channel name",
              quirks=("the description repeats transportTypeId's code list",)),
        Field("userId", S, True, "联系人ID", "contact id",
              quirks=("#2: the example sends it as userid",)),
        Field("eUserId", S, False,
              "第三方用户Id（根据联系人userType类型，1：第三方客户Id，2：第三方员工Id）",
              "third-party user id (by the contact's userType: 1 third-party customer id, "
              "2 third-party employee id)"),
        Field("userType", S, True, "联系人类型联系人类型（1：客户，2：员工）",
              "contact type (1 customer, 2 employee)", enum=USER_TYPE,
              quirks=("#2: the example sends it as usertype",
                      "the description repeats 联系人类型 twice")),
        Field("transportUserId", S, False, "录单人ID", "id of the person who entered the order"),
        Field("transportEuserId", S, False, "外部录单人ID",
              "external id of the person who entered the order"),
        Field("noteName", S, False, "录单人姓名", "name of the person who entered the order"),
        Field("contactName", S, False, "联系人姓名", "contact name",
              quirks=("#2: the example sends it as contactname",)),
        Field("contactTel", S, False, "联系人电话", "contact phone"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("organName", S, True, "组织机构名称", "organisation name"),
        Field("communityId", S, True, "项目ID", "project (community) id"),
        Field("eCommunityId", S, True, "第三方项目ID", "third-party project id"),
        Field("createDate", S, True, "工单创建时间（格式：yyyyMMddHHmmss）",
              "order creation time", time=True),
        Field("address", S, False, "地址", "address"),
        Field("remark", S, True, "备注", "remark"),
        Field("categoryId", S, True, "工单类型//1物业服务2商业服务3,第三方服务,4设备服务",
              "order category: 1 property service, 2 commercial service, "
              "3 third-party service, 4 equipment service", enum=CATEGORY),
        Field("isBespeak", S, True, "是否预约(0-否;1-是)", "by appointment? (0 no, 1 yes)",
              enum=IS_BESPEAK),
        Field("bespeakBegintime", S, False, "预约开始时间(isBespeak=1时有效)",
              "appointment start time (when isBespeak=1)", time=True,
              quirks=(_TIME_NO_FORMAT,)),
        Field("bespeakEndtime", S, False, "预约结束时间(isBespeak=1时有效)",
              "appointment end time (when isBespeak=1)", time=True,
              quirks=(_TIME_NO_FORMAT,)),
        Field("voiceId", S, False, "//语音ID", "voice recording id"),
        Field("reqVariables", A, False, "提单环节提交表单属性",
              "form attributes submitted at the order-submission track",
              spec_type="array", items=_VARIABLE_ITEMS),
    ),
)

CHANGE_5 = MessageType(
    family="workorder",
    id="5",
    zh="生成环节",
    en="track generated",
    category="flow",
    description_zh="服务类型编码为工单系统推送。changeId=5表示：工单环节生成",
    description_en="Pushed by the work-order system when a new track (flow step) of the order "
    "is generated.",
    quirks=(
        "the example's trackInfo \"待XX派单\" has no [ ] around the user name that the rule "
        "待+[${userName}]+${trackName} gives",
        "the example lacks the required busiTypeCode, and its currentUser lacks the required "
        "eUserId",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("serviceTypeCode", S, False, "服务大类编码", "service category code"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("busiTypeCode", S, True, "业务类型编码", "business type code"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("communityId", S, False, "项目ID", "project (community) id"),
        Field("eCommunityId", S, False, "项目ID", "third-party project id",
              quirks=("described as 项目ID like communityId; the other tables say "
                      "第三方项目ID / 外部项目ID",)),
        Field("trackId", S, True, "环节id", "track id", essential=True),
        Field("trackCode", S, True, "环节编码", "track code"),
        Field("trackName", S, False, "环节名称", "track name"),
        Field("statusName", S, True, "状态名称（待XX）", "status name (待XX, \"awaiting XX\")"),
        Field("createDate", S, True, "创建时间（格式：yyyyMMddHHmmss）", "creation time",
              time=True),
        Field("currentUser", O, False, "待处理人", "pending handler(s)", spec_type="Object",
              also=frozenset({A}),
              quirks=("#3: typed Object; the example sends an array of objects",),
              items=(
                  Field("userId", S, True, "待处理人员ID", "pending handler's id",
                        spec_type="string"),
                  Field("eUserId", S, True,
                        "待处理人员ID(第三方员工ID)\n"
                        "（根据联系人userType类型，1：第三方客户Id，2：第三方员工Id）",
                        "pending handler's third-party id (by userType: 1 third-party "
                        "customer id, 2 third-party employee id)",
                        spec_type="string"),
                  Field("userName", S, True, "", "pending handler's name", spec_type="string",
                        quirks=(_NO_DESC,)),
                  Field("userType", S, False, "待处理人员类型（1：客户；2：员工）",
                        "pending handler's type (1 customer, 2 employee)",
                        spec_type="string", enum=USER_TYPE),
                  Field("userTel", S, False, "待处理人员电话", "pending handler's phone"),
              )),
        Field("trackInfo", S, True, "轨迹信息（待XXX）\n待处理：待+[${userName}]+${trackName}",
              "timeline text (awaiting XXX); pending: 待[${userName}]${trackName}"),
    ),
)

CHANGE_2 = MessageType(
    family="workorder",
    id="2",
    zh="环节处理完成",
    en="track handled",
    category="flow",
    description_zh="服务类型编码为工单系统推送。changeId=2表示：工单处理",
    description_en="Pushed by the work-order system when a track (flow step) of the order "
    "has been handled.",
    quirks=(
        "the example sends communityId and orderKey, which the table does not list",
        "the example lacks the required busiTypeCode and currentEuserId",
        "the example's statusName is \"待派单\" although the table says 状态名称（已XX）",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("serviceTypeCode", S, False, "服务大类编码", "service category code"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("busiTypeCode", S, True, "业务类型编码", "business type code"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("trackId", S, True, "环节id", "track id", essential=True),
        Field("trackCode", S, True, "环节编码", "track code"),
        Field("trackName", S, True, "环节名称", "track name"),
        Field("statusName", S, True, "状态名称（已XX）", "status name (已XX, \"XX done\")"),
        Field("createDate", S, True, "创建时间（与handleDate一致）, （格式：yyyyMMddHHmmss）",
              "creation time (same as handleDate)", time=True),
        Field("handleDate", S, True, "处理时间,（格式：yyyyMMddHHmmss）", "handling time",
              time=True),
        Field("userType", S, False, "待处理人员类型（1：客户；2：员工）",
              "pending handler's type (1 customer, 2 employee)", spec_type="string",
              enum=USER_TYPE,
              quirks=("described as the pending handler's type (待处理人员类型, as in "
                      "changeId 5) in a table whose user is the handler (currentUser…)",)),
        Field("currentUserId", S, True, "处理人ID", "handler's id"),
        Field("currentEuserId", S, True,
              "第三方处理人ID（第三方员工ID）\n"
              "（根据联系人userType类型，1：第三方客户Id，2：第三方员工Id）",
              "handler's third-party id (by userType: 1 third-party customer id, "
              "2 third-party employee id)"),
        Field("currentUserName", S, True, "处理人名称", "handler's name"),
        Field("currentUserTel", S, False, "处理人电话", "handler's phone"),
        Field("trackInfo", S, True,
              "轨迹信息（XXX处理；XXX已处理）\n"
              "派单、接单、处理：${currentUserName}+已+${trackName}\n"
              "审核：${currentUserName+已+${trackName}，+审核if(${reviewResult==1)？通过：不通过\n"
              "评价：${currentUserName}+已+${trackName}，+评价+${evalue}+星\n"
              "评价：系统默认评价，评价+${evalue}+星\n"
              "回访：${currentUserName}+已+${trackName}，+回访if(${reviewResult}==1)？通过：不通过",
              "timeline text (XXX handling; XXX handled). Dispatch, accept, handle: "
              "${currentUserName}已${trackName}; review: …已${trackName}，审核通过|不通过 "
              "(reviewResult 1|2); evaluation: …已${trackName}，评价${evalue}星 or "
              "系统默认评价，评价${evalue}星; return visit: …已${trackName}，回访通过|不通过",
              quirks=("the review rule's placeholders are unbalanced: "
                      "${currentUserName+已… and if(${reviewResult==1)",)),
        Field("reviewResult", S, False,
              "审核结果是否通过[1：通过；2：不通过]（审核、回访环节有值）",
              "review passed? (1 passed, 2 failed; set at review and return-visit tracks)",
              enum=REVIEW_RESULT),
        Field("evalue", S, False, "评价值（评价环节有效）[1：1星，2:2星...]",
              "rating (evaluation track only; 1 = 1 star, 2 = 2 stars …)", enum=EVALUE),
        Field("dealAdvise", S, False, "处理意见", "handling comment"),
        Field("variables", A, False, "当前环节处理提交表单属性",
              "form attributes submitted when handling the current track",
              spec_type="array", items=_VARIABLE_ITEMS),
    ),
)

CHANGE_3 = MessageType(
    family="workorder",
    id="3",
    zh="结束",
    en="order ended",
    category="flow",
    description_zh="服务类型编码为工单系统推送。changeId=3表示：工单结束（正常结束、取消、关闭）",
    description_en="Pushed by the work-order system when the order ends (normal end, "
    "cancelled or closed).",
    quirks=(
        "#9: the example is not valid JSON (missing comma after \"operator\": \"\", "
        "trailing comma)",
        "the example sends communityId, which the table does not list, and lacks the required "
        "busiTypeCode",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("serviceTypeCode", S, False, "服务大类编码", "service category code"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("busiTypeCode", S, True, "业务类型编码", "business type code"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("trackId", S, True, "环节id", "track id", essential=True),
        Field("trackCode", S, True, "环节编码", "track code"),
        Field("trackName", S, True, "环节名称", "track name"),
        Field("statusName", S, True, "状态名称（结束）", "status name (结束, \"ended\")"),
        Field("createDate", S, True, "创建时间,（格式：yyyyMMddHHmmss）", "creation time",
              time=True),
        Field("handleDate", S, True, "处理时间,（格式：yyyyMMddHHmmss）", "handling time",
              time=True),
        Field("overType", S, True, "0正常完结，1 取消（终止），2 系统关闭",
              "how it ended: 0 completed normally, 1 cancelled (terminated), 2 closed by the "
              "system", enum=OVER_TYPE, essential=True),
        Field("operator", S, False, "取消人（overType=1时有值）",
              "who cancelled it (set when overType=1)",
              quirks=("the trackInfo rule also uses ${operator} for a forced close "
                      "(已关闭工单)",)),
        Field("dealAdvise", S, False, "处理(取消)意见", "handling (cancellation) comment"),
        Field("trackInfo", S, True,
              "轨迹信息（待XXX，XXX处理；XXX已处理）\n"
              "取消：${operator}+已取消工单+,工单结束\n"
              "强制关闭：${operator}+已关闭工单+,工单结束\n"
              "系统关闭：系统关闭工单+,工单结束\n"
              "结束：工单结束",
              "timeline text. Cancelled: ${operator}已取消工单,工单结束; forced close: "
              "${operator}已关闭工单,工单结束; system close: 系统关闭工单,工单结束; "
              "normal end: 工单结束"),
    ),
)

CHANGE_4 = MessageType(
    family="workorder",
    id="4",
    zh="评价",
    en="evaluation",
    category="extension",
    description_zh="服务类型编码为工单系统推送。changeId=4表示：工单评价",
    description_en="Pushed by the work-order system when the order is evaluated.",
    quirks=("the example sends communityId, which the table does not list",),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("evalue", S, True, "评价值", "rating", enum=EVALUE),
        Field("evaluator", S, True, "评价人", "evaluator"),
        Field("evaluateMsg", S, False, "评价意见", "evaluation comment"),
        Field("evaluateTime", S, True, "评价时间（格式：yyyyMMddHHmmss）", "evaluation time",
              time=True),
    ),
)

CHANGE_6 = MessageType(
    family="workorder",
    id="6",
    zh="挂起、解挂",
    en="hang or unhang",
    category="extension",
    description_zh="服务类型编码为工单系统推送。changeId=6表示：工单挂起、解挂",
    description_en="Pushed by the work-order system when the order is hung (put on hold) "
    "or unhung.",
    quirks=(
        "#4: table names hangtime/planrelievetime/hangremark/factRelieveHang/reviewAdvise, "
        "the example hangTime/planRelieveTime and keys with trailing spaces "
        "(\"hangRemark \", \"factRelieveHang \", \"reviewAdvise \")",
        "the example sends orderKey, which the table does not list; it lacks the required "
        "eCommunityId and eUserId",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("communityId", S, False, "项目ID", "project (community) id"),
        Field("eCommunityId", S, True, "外部项目ID（第三方项目ID）",
              "external (third-party) project id"),
        Field("trackId", S, True, "环节id", "track id"),
        Field("trackCode", S, True, "环节编码", "track code"),
        Field("trackName", S, False, "环节名称", "track name"),
        Field("userId", S, True, "挂起申请人", "who requested the hang"),
        Field("eUserId", S, True, "挂起申请人(第三方用户ID)",
              "who requested the hang (third-party user id)"),
        Field("userName", S, True, "挂起申请人姓名", "name of who requested the hang"),
        Field("hangtime", S, False, "挂起申请时间（格式：yyyyMMddHHmmss）", "hang request time",
              spec_type="Object", time=True,
              quirks=("#11: typed Object but described as a yyyyMMddHHmmss time; "
                      "validated as a time string",
                      "#4: the example sends it as hangTime")),
        Field("planrelievetime", S, True, "预计解挂时间（格式：yyyyMMddHHmmss）",
              "planned unhang time", spec_type="string", time=True,
              quirks=("#4: the example sends it as planRelieveTime",)),
        Field("hangremark", S, True, "挂起原因", "hang reason", spec_type="string",
              quirks=("the table writes the name with a trailing space (\"hangremark \")",
                      "#4: the example sends it as \"hangRemark \" (trailing space)")),
        Field("hangStatus", S, True, "挂起结果（状态：0：解挂，1 ： 申请中，2：挂起 3：挂起失败）",
              "hang result (0 unhung, 1 requested, 2 hung, 3 hang refused)",
              spec_type="string", enum=HANG_STATUS, essential=True),
        Field("factRelieveHang", S, True, "实际解挂时间（格式：yyyyMMddHHmmss）",
              "actual unhang time", time=True,
              quirks=("#4: the example sends it as \"factRelieveHang \" (trailing space)",
                      "required although a hang that is only requested has not been "
                      "relieved; the example sends \"\"")),
        Field("reviewAdvise", S, False, "审核意见", "review comment", spec_type="",
              quirks=("the table gives no type and no required flag; taken as an optional "
                      "string",
                      "#4: the example sends it as \"reviewAdvise \" (trailing space)")),
    ),
)

CHANGE_10 = MessageType(
    family="workorder",
    id="10",
    zh="追记、加急",
    en="comment or urgent",
    category="extension",
    description_zh="服务类型编码为工单系统推送。changeId=10表示：工单追记",
    description_en="Pushed by the work-order system when a comment is added to the order "
    "(追记) or the order is marked urgent (加急); the document's text names only 追记.",
    quirks=(
        "#7: the example is a placeholder",
        "the example sends orderKey, which the table does not list; it lacks the required "
        "eCommunityId and eUserId",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("communityId", S, False, "项目ID", "project (community) id"),
        Field("eCommunityId", S, True, "外部项目ID（第三方项目ID）",
              "external (third-party) project id"),
        Field("trackId", S, True, "环节id", "track id"),
        Field("trackCode", S, True, "环节编码", "track code"),
        Field("trackName", S, False, "环节名称", "track name"),
        Field("userId", S, True, "追记人", "commenter"),
        Field("eUserId", S, True, "追记人(第三方用户ID)", "commenter (third-party user id)"),
        Field("userName", S, True, "追记人姓名", "commenter's name"),
        Field("createTime", S, False, "追记时间（格式：yyyyMMddHHmmss）", "comment time",
              spec_type="Object", time=True,
              quirks=("#11: same quirk as #11, found in changeId 10 too: typed Object but "
                      "described as a yyyyMMddHHmmss time; validated as a time string",)),
        Field("comment", S, True, "追记内容", "comment text", spec_type="string"),
        Field("photo", S, True, "追记照片", "comment photo", spec_type="string"),
        Field("commentType", S, True, "类型（1:追记；2:加急）", "type (1 comment, 2 urgent)",
              spec_type="string", enum=COMMENT_TYPE, essential=True),
    ),
)

CHANGE_7 = MessageType(
    family="workorder",
    id="7",
    zh="超时",
    en="timeout",
    category="extension",
    description_zh="服务类型编码为工单系统推送。changeId=7表示：超时",
    description_en="Pushed by the work-order system when a track of the order times out.",
    quirks=(
        "the example's supflag is a placeholder (\"超时级别\"); the example lacks the required "
        "eCommunityId, and its currentUser/supUser entries lack the required eUserId",
        "the example sends orderKey, which the table does not list",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("communityId", S, False, "项目ID", "project (community) id"),
        Field("eCommunityId", S, True, "外部项目ID（第三方项目ID）",
              "external (third-party) project id"),
        Field("trackId", S, True, "环节id", "track id"),
        Field("trackCode", S, True, "环节编码", "track code"),
        Field("trackName", S, False, "环节名称", "track name"),
        Field("supflag", S, True, "超时级别", "timeout level"),
        Field("currentUser", A, False, "待处理人", "pending handlers", spec_type="Array",
              items=(
                  Field("userId", S, True, "", "pending handler's id", spec_type="string",
                        quirks=(_NO_DESC,)),
                  Field("eUserId", S, True, "待处理人(第三方用户ID)",
                        "pending handler (third-party user id)"),
                  Field("userName", S, True, "", "pending handler's name", spec_type="string",
                        quirks=(_NO_DESC,)),
                  Field("userType", S, True, "", "pending handler's type (1 customer, "
                        "2 employee)", spec_type="string", enum=USER_TYPE,
                        quirks=(_NO_DESC,)),
              )),
        Field("supUser", A, False, "督办人", "supervisors", spec_type="Array",
              items=(
                  Field("userId", S, True, "", "supervisor's id", spec_type="string",
                        quirks=(_NO_DESC,)),
                  Field("eUserId", S, True, "挂起申请人(第三方用户ID)",
                        "supervisor (third-party user id)",
                        quirks=("#6: supUser[].eUserId is described as 挂起申请人 "
                                "(copied from changeId 6)",)),
                  Field("userName", S, True, "", "supervisor's name", spec_type="string",
                        quirks=(_NO_DESC,)),
              )),
    ),
)

CHANGE_8 = MessageType(
    family="workorder",
    id="8",
    zh="督办（暂不支持）",
    en="supervision (not supported)",
    category="extension",
    supported=False,
    description_zh="",
    description_en="Supervision (督办). Not supported by the platform (暂不支持); the document "
    "gives no description and no field table, only a placeholder example.",
    quirks=(
        "#7: the example is a placeholder",
        "no field table in the spec; fields taken from the placeholder example",
        "the example is not valid JSON (missing comma after \"supflag\": \"督办级别\")",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, False, "服务工单编码", "service order code"),
        Field("templateId", S, False, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("busiTypeId", S, False, "业务类型Id", "business type id"),
        Field("organId", S, False, "组织机构ID", "organisation id"),
        Field("trackId", S, False, "环节id", "track id"),
        Field("trackCode", S, False, "环节编码", "track code"),
        Field("trackName", S, False, "环节名称", "track name"),
        Field("supflag", S, False, "督办级别", "supervision level"),
        Field("supuserId", S, False, "督办人", "supervisor"),
        Field("supuserName", S, False, "督办人名称", "supervisor's name"),
        Field("suptime", S, False, "督办时间", "supervision time", time=True,
              quirks=("no format given (there is no table); read as yyyyMMddHHmmss like every "
                      "other time of the document",)),
        Field("supremark", S, False, "督办意见", "supervision comment"),
    ),
)

CHANGE_9 = MessageType(
    family="workorder",
    id="9",
    zh="转单",
    en="transfer",
    category="extension",
    description_zh="服务类型编码为工单系统推送。changeId=7表示：超时",
    description_en="Pushed by the work-order system when the order is transferred to another "
    "handler (the document's text says changeId=7 超时, copied from changeId 7).",
    quirks=(
        "#5: the description says changeId=7表示：超时 (copied); this is 转单 transfer",
        "the example is a placeholder too (values are the field descriptions)",
        "the example is not valid JSON (a // 转单时间 comment after \"createDate\": \"\")",
        "the example lacks the required eCommunityId",
    ),
    fields=(
        _ORDER_ID,
        Field("serviceOrderCode", S, True, "服务工单编码", "service order code"),
        Field("templateId", S, True, "服务大类ID", "service category (template) id"),
        Field("templateDifId", S, False, "服务流程Id", "service flow id"),
        Field("busiTypeId", S, True, "业务类型Id", "business type id"),
        Field("organId", S, True, "组织机构ID", "organisation id"),
        Field("communityId", S, False, "项目ID", "project (community) id"),
        Field("eCommunityId", S, True, "外部项目ID（第三方项目ID）",
              "external (third-party) project id"),
        Field("trackId", S, True, "环节id", "track id"),
        Field("trackCode", S, True, "环节编码", "track code"),
        Field("trackName", S, False, "环节名称", "track name"),
        Field("requserId", S, True, "转单人", "who transfers the order"),
        Field("reqEuserId", S, False, "转单人第三方员工ID",
              "third-party employee id of who transfers the order"),
        Field("requserName", S, True, "转单人名称", "name of who transfers the order",
              spec_type="string"),
        Field("createDate", S, True, "转单时间", "transfer time", time=True,
              quirks=("the table gives no format; the other createDate fields are "
                      "yyyyMMddHHmmss",)),
        Field("remark", S, True, "转单意见", "transfer comment", spec_type="string"),
        Field("taruserId", S, True, "转单目标人", "transfer target (new handler)",
              spec_type="string"),
        Field("tarEuserId", S, False, "转单目标人（外部员工Id）",
              "transfer target (external employee id)", spec_type="string"),
        Field("taruserName", S, True, "转单目标人名称", "transfer target's name",
              spec_type="string"),
    ),
)


#: Where the document's examples ship, with examples.yaml listing them.
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples" / "workorder"


WORKORDER = Family(
    id="workorder",
    zh="工单事件推送",
    en="work-order event push",
    source="spec/workorder-push-events.txt",
    types=(
        CHANGE_1, CHANGE_5, CHANGE_2, CHANGE_3, CHANGE_4,
        CHANGE_6, CHANGE_7, CHANGE_8, CHANGE_9, CHANGE_10,
    ),
    examples=load_examples(EXAMPLES_DIR),
    enumerations=ENUMERATIONS,
)
