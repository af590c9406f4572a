<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatWindow</name>
    <message>
        <source>(no content)</source>
        <extracomment>Log rows read back per user when the window opens (newest first, then shown in order). Messages the window holds; older ones leave (the store keeps them). sending (asked from this window, not at the server yet) | accepted | rejected The server answered the sender ``sent`` (✓). What the forward to the peer was: sent (peer online) or queued (the broker holds it). The peer&apos;s phone answered ``received`` (on its chat page). The server forwarded that ``received`` to the sender (✓✓). Log rows a chat remembers having taken (to ignore the same row read twice). Log rows already taken (the bus and the store both report them), newest last; bounded: a long session of busy phones must not grow it for ever.</extracomment>
        <translation>（无内容）</translation>
    </message>
    <message>
        <source>Type a message first</source>
        <translation>请先输入消息</translation>
    </message>
    <message>
        <source>%1 is a real client: send from its own app or MQTT client. Its messages still show here.</source>
        <translation>%1 是真实客户端：请从它自己的应用或 MQTT 客户端发送。它的消息仍会显示在这里。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Not sent, the broker refused it: %1</source>
        <translation>未发送，消息代理拒绝了该消息：%1</translation>
    </message>
    <message>
        <source>%1 is a real client: it sends from its own app. Pick a simulated user under &quot;Send as&quot; to send from here.</source>
        <translation>%1 是真实客户端，只能从它自己的应用发送。要在这里发送，请在“发送身份”中选择一个模拟用户。</translation>
    </message>
    <message>
        <source>%1&apos;s phone is offline: bring it online to send (messages to it are queued by the broker and pushed).</source>
        <translation>%1 的手机已离线：请先让它上线再发送（发给它的消息会由消息代理排队并推送）。</translation>
    </message>
    <message>
        <source>Rejected by the IM server: %1</source>
        <translation>被 IM 服务器拒绝：%1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Queued: %1 is offline; the broker holds it until they connect</source>
        <translation>已排队：%1 离线，消息代理会保留该消息，直到其上线</translation>
    </message>
    <message>
        <source>push recorded (%1)</source>
        <translation>已记录推送（%1）</translation>
    </message>
    <message>
        <source>Delivered to %1; no ✓✓ until their app answers received (it does on the chat page)</source>
        <translation>已送达 %1；对方应用回执“已接收”后才显示 ✓✓（停留在聊天页面时会回执）</translation>
    </message>
    <message>
        <source>Chat %1 ⇄ %2</source>
        <translation>聊天 %1 ⇄ %2</translation>
    </message>
    <message>
        <source>%1 (right) and %2 (left). ✓ the server answered sent · ✓✓ the peer&apos;s app answered received</source>
        <translation>%1（右）和 %2（左）。✓ 服务器已确认发送 · ✓✓ 对方应用已确认接收</translation>
    </message>
    <message>
        <source>Raw envelopes</source>
        <translation>原始信封</translation>
    </message>
    <message>
        <source>Show every message each chat caused, as it went over the wire</source>
        <translation>显示每次聊天引发的所有消息，即实际在线路上传输的内容</translation>
    </message>
    <message>
        <source>Send as</source>
        <translation>发送身份</translation>
    </message>
    <message>
        <source>o_id (optional)</source>
        <translation>o_id（可选）</translation>
    </message>
    <message>
        <source>The work order the chat is about; a random one if empty</source>
        <translation>聊天涉及的工单；留空则随机选取</translation>
    </message>
    <message>
        <source>Message (Enter sends)</source>
        <translation>消息（按 Enter 发送）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>No messages between %1 and %2 yet.

Type below to send one as a simulated user; messages from real clients appear here as they arrive.</source>
        <translation>%1 与 %2 之间还没有消息。

在下方输入，即可以模拟用户身份发送；真实客户端的消息到达后会显示在这里。</translation>
    </message>
</context>
<context>
    <name>ComposePanel</name>
    <message>
        <source>data is a string that is not JSON (%1 at line %2, column %3), so it has no fields to show: edit it in the JSON.</source>
        <extracomment>The pause in JSON typing after which the form follows, in milliseconds. The pause after any change before validating, in milliseconds. How many orders the &quot;continue an order&quot; search lists. Below this width the form sits above the JSON instead of beside it.</extracomment>
        <translation>data 是一个非 JSON 字符串（第 %2 行第 %3 列：%1），没有可显示的字段：请在 JSON 中编辑。</translation>
    </message>
    <message>
        <source>changeId %1 is not a work-order event of the catalogue (1–10): the form has no fields for it; edit it in the JSON.</source>
        <translation>changeId %1 不是目录中的工单事件（1–10），表单没有对应字段：请在 JSON 中编辑。</translation>
    </message>
    <message>
        <source>data is not an object, so it has no fields to show: edit it in the JSON.</source>
        <translation>data 不是对象，没有可显示的字段：请在 JSON 中编辑。</translation>
    </message>
    <message>
        <source>JSON follows the form, and the form follows the JSON as you type.</source>
        <translation>输入时，JSON 与表单会实时双向同步。</translation>
    </message>
    <message>
        <source>Not JSON: %1 at line %2, column %3. The form keeps the last version that parsed; nothing you typed is lost.</source>
        <translation>不是合法的 JSON：第 %2 行第 %3 列：%1。表单保留最后一次可解析的版本，你输入的内容不会丢失。</translation>
    </message>
    <message>
        <source>The event must be a JSON object {&quot;changeId&quot;, &quot;dataArea&quot;, &quot;data&quot;}. The form keeps the last object.</source>
        <translation>事件必须是 JSON 对象 {&quot;changeId&quot;, &quot;dataArea&quot;, &quot;data&quot;}。表单保留最后一个有效对象。</translation>
    </message>
    <message>
        <source>Valid samples (follow the spec&apos;s tables)</source>
        <translation>有效样例（遵循规范中的表格）</translation>
    </message>
    <message>
        <source>The spec&apos;s examples (as printed, quirks kept)</source>
        <translation>规范中的示例（按原文，保留其瑕疵）</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>另存为模板…</translation>
    </message>
    <message>
        <source>No templates yet: save the body to reuse it</source>
        <translation>还没有模板：保存当前内容即可复用</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>另存为模板</translation>
    </message>
    <message>
        <source>Name of the template:</source>
        <translation>模板名称：</translation>
    </message>
    <message>
        <source>Fix the JSON first: a template is saved from a body that parses.</source>
        <translation>请先修正 JSON：只有可解析的内容才能保存为模板。</translation>
    </message>
    <message>
        <source>Template not saved: %1</source>
        <translation>模板未保存：%1</translation>
    </message>
    <message>
        <source>Template %1 cannot be read.</source>
        <translation>无法读取模板 %1。</translation>
    </message>
    <message numerus="yes">
        <source>(%n event(s), last changeId %1)</source>
        <translation>
            <numerusform>（%n 个事件，最后的 changeId 为 %1）</numerusform>
        </translation>
    </message>
    <message>
        <source>No stored order matches %1.</source>
        <translation>没有与 %1 匹配的已存工单。</translation>
    </message>
    <message>
        <source>Order %1 has no stored events.</source>
        <translation>工单 %1 没有已存储的事件。</translation>
    </message>
    <message>
        <source>No order picked: events start from a sample.</source>
        <translation>未选择工单：事件将从样例开始。</translation>
    </message>
    <message numerus="yes">
        <source>Working on order %1 (%n event(s), last changeId %2).</source>
        <translation>
            <numerusform>正在处理工单 %1（%n 个事件，最后的 changeId 为 %2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <source>Accepted as event #%1: %n delivery(ies)</source>
        <translation>
            <numerusform>已接受，事件 #%1：%n 次投递</numerusform>
        </translation>
    </message>
    <message>
        <source>no subscription takes it; the Subscriptions panel says why</source>
        <translation>没有订阅接收它；原因见“订阅”面板</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Not sent: the JSON does not parse. Fix it first.</source>
        <translation>未发送：JSON 无法解析，请先修正。</translation>
    </message>
    <message>
        <source>Not sent: the platform is still starting.</source>
        <translation>未发送：平台仍在启动中。</translation>
    </message>
    <message numerus="yes">
        <source>Rejected (%1): %n finding(s), listed below.</source>
        <translation>
            <numerusform>被拒绝（%1）：%n 个问题，见下方列表。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loaded the spec&apos;s example %1, as printed: its deviations from the tables are kept, and the findings name them.</source>
        <translation>已按原文载入规范示例 %1：保留其与表格不符之处，并在问题列表中逐一指出。</translation>
    </message>
    <message>
        <source>Repaired to parse: %1</source>
        <translation>为能解析已作修正：%1</translation>
    </message>
    <message>
        <source>Loaded a valid sample of changeId %1, built from the spec&apos;s tables.</source>
        <translation>已载入 changeId %1 的有效样例，依据规范中的表格生成。</translation>
    </message>
    <message>
        <source>changeId 8 督办 is not supported by the platform (暂不支持): it is refused unless &quot;allow unsupported events&quot; is on (python main.py settings allow-unsupported on).</source>
        <translation>changeId 8 督办平台暂不支持：除非开启“允许不支持的事件”（python main.py settings allow-unsupported on），否则会被拒绝。</translation>
    </message>
    <message>
        <source>Continuing order %1: ids, track and handlers come from its events. Switch changeId to compose its other next events.</source>
        <translation>继续工单 %1：ID、环节和处理人均取自其已有事件。切换 changeId 可编写它的其他后续事件。</translation>
    </message>
    <message>
        <source>Opened template %1.</source>
        <translation>已打开模板 %1。</translation>
    </message>
    <message>
        <source>Saved as template %1.</source>
        <translation>已另存为模板 %1。</translation>
    </message>
    <message>
        <source>Deleted template %1.</source>
        <translation>已删除模板 %1。</translation>
    </message>
    <message>
        <source>Opened a sent event again: edit it and send it once more.</source>
        <translation>已重新打开一个已发送的事件：编辑后可再次发送。</translation>
    </message>
    <message>
        <source>not supported by the platform</source>
        <translation>平台暂不支持</translation>
    </message>
    <message numerus="yes">
        <source>%n required field(s), marked *. Hover a name for its meaning and the spec&apos;s quirks.</source>
        <translation>
            <numerusform>%n 个必填字段，以 * 标记。将鼠标悬停在字段名上，可查看其含义及规范中的特殊之处。</numerusform>
        </translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Sent (%1)</source>
        <translation>已发送（%1）</translation>
    </message>
    <message>
        <source>The platform is starting… Compose opens once it is up.</source>
        <translation>平台正在启动…启动完成后即可编写事件。</translation>
    </message>
    <message>
        <source>Message family</source>
        <translation>消息类别</translation>
    </message>
    <message>
        <source>Work-order events</source>
        <translation>工单事件</translation>
    </message>
    <message>
        <source>Organisation data changes</source>
        <translation>组织数据变更</translation>
    </message>
    <message>
        <source>WeCom customer service messages</source>
        <translation>微信客服消息</translation>
    </message>
    <message>
        <source>Rich-text messages</source>
        <translation>富文本消息</translation>
    </message>
    <message>
        <source>Which of the platform&apos;s message families to compose</source>
        <translation>要编写平台的哪一类消息</translation>
    </message>
    <message>
        <source>The work-order event to compose</source>
        <translation>要编写的工单事件</translation>
    </message>
    <message>
        <source>Lenient</source>
        <translation>宽松</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>Strict follows the spec&apos;s tables; lenient accepts what the platform&apos;s own examples do. Findings and Send both use this mode.</source>
        <translation>严格模式遵循规范中的表格；宽松模式接受平台自身示例的写法。问题检查和发送都使用此模式。</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Load a spec example or a valid sample</source>
        <translation>载入规范示例或有效样例</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Submit the event to the platform (Ctrl+Return)</source>
        <translation>将事件提交到平台（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Continue an order: type its id, code or contact…</source>
        <translation>继续某个工单：输入其 ID、编号或联系人…</translation>
    </message>
    <message>
        <source>The most recent orders</source>
        <translation>最近的工单</translation>
    </message>
    <message>
        <source>data sent as</source>
        <translation>data 发送格式</translation>
    </message>
    <message>
        <source>an object (as the spec&apos;s examples)</source>
        <translation>对象（同规范示例）</translation>
    </message>
    <message>
        <source>a JSON string (as the spec&apos;s table, #1)</source>
        <translation>JSON 字符串（同规范表格，#1）</translation>
    </message>
    <message>
        <source>Nothing sent yet. Press Send (Ctrl+Return): each event sent appears here with its verdict; double-click one to open it again.</source>
        <translation>尚未发送任何事件。按“发送”（Ctrl+Return）后，每个已发送的事件都会连同处理结果显示在这里；双击可重新打开。</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Not supported: the router refuses it unless &quot;allow unsupported events&quot; is on</source>
        <extracomment>The cell&apos;s receivers (enabled, matching), a tuple of baseCodes. The cell&apos;s (dataArea, changeId).</extracomment>
        <translation>暂不支持：除非开启“允许不支持的事件”，否则路由器会拒绝它</translation>
    </message>
    <message>
        <source>%1 is named by a subscription but is not in the data-area catalogue</source>
        <translation>%1 被某个订阅引用，但不在数据域目录中</translation>
    </message>
    <message>
        <source>Received by: %1</source>
        <translation>接收方：%1</translation>
    </message>
    <message>
        <source>No enabled subscription receives this event.</source>
        <translation>没有已启用的订阅接收此事件。</translation>
    </message>
    <message>
        <source>Would also match, but disabled: %1</source>
        <translation>同样匹配但已停用：%1</translation>
    </message>
    <message>
        <source>Double-click: show this traffic in Live</source>
        <translation>双击：在“实时”中查看这些流量</translation>
    </message>
</context>
<context>
    <name>CrowdForm</name>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>userID prefix</source>
        <translation>userID 前缀</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>1001 records as</source>
        <translation>1001 记录格式</translation>
    </message>
    <message>
        <source>Chat page</source>
        <translation>聊天页面</translation>
    </message>
    <message>
        <source>Chat every</source>
        <translation>聊天间隔</translation>
    </message>
    <message>
        <source>Go offline every</source>
        <translation>离线间隔</translation>
    </message>
    <message>
        <source>Stay offline for</source>
        <translation>离线时长</translation>
    </message>
    <message>
        <source>userIDs become prefix0001, prefix0002, …</source>
        <translation>userID 依次为 prefix0001、prefix0002、…</translation>
    </message>
    <message>
        <source>On the chat page (answers received: ✓✓)</source>
        <translation>停留在聊天页面（回执已接收：✓✓）</translation>
    </message>
    <message>
        <source>only when told</source>
        <translation>仅手动触发</translation>
    </message>
    <message>
        <source>stays online</source>
        <translation>保持在线</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Mean seconds between chats each phone starts</source>
        <translation>每台手机主动发起聊天的平均间隔（秒）</translation>
    </message>
    <message>
        <source>Mean seconds online before a phone goes offline (one in three drops without a DISCONNECT)</source>
        <translation>手机离线前的平均在线时长（秒）（三分之一的离线不发送 DISCONNECT，直接断开）</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>protobuf</source>
        <translation>protobuf</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DataAreaModel</name>
    <message>
        <source>Code</source>
        <extracomment>Data-area code → baseCodes that name it (not counting &quot;*&quot;).</extracomment>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Named by</source>
        <translation>引用的订阅</translation>
    </message>
    <message numerus="yes">
        <source>(+%n with *)</source>
        <translation>
            <numerusform>（另有 %n 个使用 *）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataAreasEditor</name>
    <message>
        <source>Data areas (数据域) scope subscriptions: a subscription names the areas it receives, or * for all. The spec&apos;s own list is missing, so this catalogue is yours: add the codes your platform uses.</source>
        <translation>数据域用于限定订阅的范围：订阅列出它接收的数据域，或用 * 表示全部。规范本身缺少数据域列表，因此这份目录由你维护：请添加你的平台所用的编码。</translation>
    </message>
    <message>
        <source>code, e.g. dqwt</source>
        <translation>编码，例如 dqwt</translation>
    </message>
    <message>
        <source>name, e.g. 电气问题</source>
        <translation>名称，例如 电气问题</translation>
    </message>
    <message>
        <source>Add / rename</source>
        <translation>添加 / 重命名</translation>
    </message>
    <message>
        <source>Add this code, or give an existing code this name</source>
        <translation>添加此编码，或为已有编码设置此名称</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>请修正：%1</translation>
    </message>
    <message>
        <source>Saved data area %1.</source>
        <translation>已保存数据域 %1。</translation>
    </message>
    <message>
        <source>%1 is not in the catalogue.</source>
        <translation>%1 不在目录中。</translation>
    </message>
    <message>
        <source>Deleted %1. Still named by %2: they keep receiving events of that code.</source>
        <translation>已删除 %1。%2 仍引用它：它们会继续接收该编码的事件。</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Still named by: %1</source>
        <translation>仍被以下订阅引用：%1</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>JSON</source>
        <extracomment>Children shown per JSON object or array at most: a huge body stays responsive. The document shown (for tests and scripts).</extracomment>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click an event, badge, mark, bar or hang to see its JSON here.</source>
        <translation>点击事件、徽标、标记、时间条或挂起区段，即可在此查看其 JSON。</translation>
    </message>
</context>
<context>
    <name>FamilyComposer</name>
    <message>
        <source>Findings are underlined in the JSON as you type; hover a line to read them.</source>
        <extracomment>The pause in typing after which the JSON is read again, in milliseconds. The pause after any change before validating, in milliseconds. The catalogue family id (&quot;org&quot;, &quot;wecom&quot;, &quot;rich&quot;). Whether strict/lenient is the user&apos;s choice (else always strict). The family&apos;s own fields (org_id, the receiver …), filled by the subclass.</extracomment>
        <translation>输入时问题会在 JSON 中以波浪线标出；鼠标悬停在该行上即可查看。</translation>
    </message>
    <message>
        <source>Not JSON: %1 at line %2, column %3. Nothing you typed is lost.</source>
        <translation>不是 JSON：第 %2 行第 %3 列 %1。您输入的内容都不会丢失。</translation>
    </message>
    <message>
        <source>The document prints no example</source>
        <translation>文档中没有示例</translation>
    </message>
    <message>
        <source>The document&apos;s examples (as printed, quirks kept)</source>
        <translation>文档中的示例（原样，保留其中的瑕疵）</translation>
    </message>
    <message>
        <source>Not sent: the JSON does not parse. Fix it first.</source>
        <translation>未发送：JSON 无法解析，请先修正。</translation>
    </message>
    <message>
        <source>Not sent: the platform is still starting.</source>
        <translation>未发送：平台仍在启动中。</translation>
    </message>
    <message numerus="yes">
        <source>Rejected (%1): %n finding(s), listed below.</source>
        <translation>
            <numerusform>已拒绝（%1）：%n 个问题，见下方列表。</numerusform>
        </translation>
    </message>
    <message>
        <source>This message is of none of the document&apos;s types: the findings say why, and the picker above makes a fresh one.</source>
        <translation>此消息不属于文档中的任何类型：问题列表会说明原因；用上方的类型选择可新建一条。</translation>
    </message>
    <message>
        <source>Loaded the document&apos;s example %1, as printed: its quirks are kept, and the findings name them.</source>
        <translation>已载入文档示例 %1（原样）：其中的瑕疵均保留，问题列表会逐一指出。</translation>
    </message>
    <message>
        <source>Repaired to parse: %1</source>
        <translation>为能解析所做的修复：%1</translation>
    </message>
    <message>
        <source>The document prints no example of %1; this is a fresh one.</source>
        <translation>文档中没有 %1 的示例；这是新生成的一条。</translation>
    </message>
    <message>
        <source>A fresh %1 with today&apos;s defaults: edit the JSON, then Send (Ctrl+Return).</source>
        <translation>新的 %1，已填入当前默认值：编辑 JSON 后发送（Ctrl+Return）。</translation>
    </message>
    <message>
        <source>Lenient</source>
        <translation>宽松</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>Strict holds the message to every field the document shows; lenient only to what delivery needs. Findings and Send both use this mode.</source>
        <translation>严格模式要求文档列出的每个字段；宽松模式只要求投递必需的字段。问题检查和发送都使用此模式。</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Load the document&apos;s example of this type; the arrow lists every example</source>
        <translation>载入此类型的文档示例；点箭头可列出全部示例</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>A fresh message of this type with today&apos;s defaults</source>
        <translation>按当前默认值新建一条此类型的消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send it to the platform (Ctrl+Return)</source>
        <translation>发送到平台（Ctrl+Return）</translation>
    </message>
</context>
<context>
    <name>FindingCardsModel</name>
    <message>
        <source>error</source>
        <extracomment>Findings shown at most (errors first): thousands of cards help nobody and cost seconds. Severity → (light, dark) text colour, each readable on its theme&apos;s base colour (≥ 4.5:1). Pixels: the severity stripe, the padding inside a card, the gap between its lines.</extracomment>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Click to show this field in the Tree</source>
        <translation>点击可在树中显示此字段</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Valid in strict mode: no findings.</source>
        <translation>严格模式下有效：没有问题。</translation>
    </message>
    <message>
        <source>Valid in lenient mode: no findings.</source>
        <translation>宽松模式下有效：没有问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>click one to go to its field</source>
        <translation>点击某项可跳转到对应字段</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>What and how to fix</source>
        <translation>问题及修正方法</translation>
    </message>
</context>
<context>
    <name>FlowFeed</name>
    <message>
        <source>Refused (%1): %2</source>
        <extracomment>Events waiting for a frame at most; past it they are counted without a dot. Events a frame turns into dots (or aggregates) at most, to keep each frame short. Captions kept, newest last. Seconds between two captions at least; what comes meanwhile is summarised. False while nobody watches: events are counted at once, not queued. Captions waiting to be said (the newest few), and how many were summed up.</extracomment>
        <translation>被拒绝（%1）：%2</translation>
    </message>
    <message>
        <source>%1 is offline: %2 push recorded for the gateway</source>
        <translation>%1 离线：已为推送网关记录一条 %2 推送</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more message(s)</source>
        <translation>
            <numerusform>… 另有 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>工单 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 → routed to %n subscriber(s)</source>
        <translation>
            <numerusform>%1 → 已路由到 %n 个订阅方</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → no subscription takes it</source>
        <translation>%1 → 没有订阅接收</translation>
    </message>
    <message>
        <source>%1 received it (%2, %3 ms)</source>
        <translation>%1 已接收（%2，%3 ms）</translation>
    </message>
    <message>
        <source>%1 answered %2: retrying (attempt %3)</source>
        <translation>%1 返回 %2：正在重试（第 %3 次尝试）</translation>
    </message>
    <message numerus="yes">
        <source>%1 failed for good after %n attempt(s): %2</source>
        <translation>
            <numerusform>%1 在 %n 次尝试后最终失败：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>The IM server refused a message from %1: %2</source>
        <translation>IM 服务器拒绝了来自 %1 的消息：%2</translation>
    </message>
    <message>
        <source>%1 sent a chat message</source>
        <translation>%1 发送了一条聊天消息</translation>
    </message>
    <message>
        <source>%1 is offline: the broker keeps the message</source>
        <translation>%1 离线：消息代理保留该消息</translation>
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message numerus="yes">
        <source>%n IM user(s)</source>
        <extracomment>Frame interval in milliseconds: about 30 frames per second while something moves, smooth enough to follow and half the painting of 60. The longest frame interval under load (5 frames per second). Frames take at most about this share of the time: when painting a frame gets dear (everything glows at once under thousands of messages a second), frames come less often rather than starving the platform that runs on the same thread. How often the app users&apos; and push gateway&apos;s figures are read again, in milliseconds. A burst of subscription changes is laid out once, after this quiet time (ms). The longest step a frame takes (s): after a stall, dots jump this far at most.</extracomment>
        <translation>
            <numerusform>%n 个 IM 用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n online</source>
        <translation>
            <numerusform> · %n 个在线</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n simulated</source>
        <translation>
            <numerusform> · %n 个模拟</numerusform>
        </translation>
    </message>
    <message>
        <source>App users</source>
        <translation>App 用户</translation>
    </message>
    <message>
        <source>Push gateway</source>
        <translation>推送网关</translation>
    </message>
    <message>
        <source>Android · iOS</source>
        <translation>Android · iOS</translation>
    </message>
    <message>
        <source>delivered / published</source>
        <translation>已送达 / 已发布</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>failed or refused</source>
        <translation>失败或被拒绝</translation>
    </message>
    <message>
        <source>queued for an offline user</source>
        <translation>为离线用户排队</translation>
    </message>
    <message>
        <source>no subscriber</source>
        <translation>无订阅方</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n delivered</source>
        <translation>
            <numerusform>已送达 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retried</source>
        <translation>
            <numerusform>重试 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>失败 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>被拒绝 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>MQ %1</source>
        <translation>MQ %1</translation>
    </message>
    <message>
        <source>IM %1</source>
        <translation>IM %1</translation>
    </message>
    <message>
        <source>pushes %1</source>
        <translation>推送 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n moving</source>
        <translation>
            <numerusform>传输中 %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n counted without a dot (too many at once)</source>
        <translation>
            <numerusform>%n 个仅计数、未显示圆点（同时过多）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation>
            <numerusform>已暂停：%n 个等待中</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 events · %2 delivered · %3 failed</source>
        <translation>%1 个事件 · 已送达 %2 · 失败 %3</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the dots; what arrives meanwhile waits (and is counted) until you resume</source>
        <translation>冻结圆点；期间到达的内容会等待（并计数），直到你继续</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>How fast the dots travel</source>
        <translation>圆点移动的速度</translation>
    </message>
    <message>
        <source>Present (F11)</source>
        <translation>演示模式（F11）</translation>
    </message>
    <message>
        <source>Full screen with large type and captions, for a demo; Esc leaves</source>
        <translation>全屏显示，大字号并带说明文字，适合演示；按 Esc 退出</translation>
    </message>
    <message>
        <source>The platform is starting…

Once it is up, this shows its parts — router, MQ topics, callback service, subscribers, IM server, app users — and every message moving between them.</source>
        <translation>平台正在启动…

启动后，这里会显示它的各个组成部分——路由、MQ 主题、回调服务、订阅方、IM 服务器、App 用户——以及它们之间流转的每一条消息。</translation>
    </message>
    <message>
        <source>Double-click a box to show its messages in Live</source>
        <translation>双击方框，在实时面板中查看其消息</translation>
    </message>
</context>
<context>
    <name>FlowScene</name>
    <message>
        <source>Event sources</source>
        <extracomment>Subscriber rows drawn one by one; the rest share the last row (&quot;+N more&quot;). Column x positions: sources, router, topics (and IM server), callback service, subscribers. Points sampled along each edge, so a moving dot interpolates instead of measuring curves. An outcome name (ui.theme) for the status dot, &quot;off&quot; for grey, None for none. 0..1, raised when a message arrives and fading with the animation. 0..1, raised when messages pass without a dot of their own (aggregated). A node was double-clicked: its key (&quot;sub:HRZ&quot;, &quot;topic:HRZ&quot;, &quot;im&quot;, &quot;push&quot; …). baseCode → the row key its messages travel in (its own, or MORE). What to do next when there is no subscription yet (the panel shows it).</extracomment>
        <translation>事件来源</translation>
    </message>
    <message>
        <source>flow engine · API · Compose</source>
        <translation>流程引擎 · API · 编写事件</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>validate · match · store</source>
        <translation>校验 · 匹配 · 存储</translation>
    </message>
    <message numerus="yes">
        <source>%n more topic(s)</source>
        <translation>
            <numerusform>另有 %n 个主题</numerusform>
        </translation>
    </message>
    <message>
        <source>MQ off: no broker</source>
        <translation>MQ 未启用：无消息代理</translation>
    </message>
    <message numerus="yes">
        <source>%n more subscriber(s)</source>
        <translation>
            <numerusform>另有 %n 个订阅方</numerusform>
        </translation>
    </message>
    <message>
        <source>MQ only</source>
        <translation>仅 MQ</translation>
    </message>
    <message>
        <source>disabled · %1</source>
        <translation>已停用 · %1</translation>
    </message>
    <message>
        <source>Callback service</source>
        <translation>回调服务</translation>
    </message>
    <message>
        <source>signed POST · retries</source>
        <translation>签名 POST · 重试</translation>
    </message>
    <message>
        <source>no callback URLs yet</source>
        <translation>尚无回调 URL</translation>
    </message>
    <message>
        <source>IM server</source>
        <translation>IM 服务器</translation>
    </message>
    <message>
        <source>MQTT · $sktalent/#</source>
        <translation>MQTT · $sktalent/#</translation>
    </message>
    <message>
        <source>not running (no broker)</source>
        <translation>未运行（无消息代理）</translation>
    </message>
    <message>
        <source>App users</source>
        <translation>App 用户</translation>
    </message>
    <message>
        <source>no IM users yet</source>
        <translation>尚无 IM 用户</translation>
    </message>
    <message>
        <source>Push gateway</source>
        <translation>推送网关</translation>
    </message>
    <message>
        <source>Android · iOS</source>
        <translation>Android · iOS</translation>
    </message>
    <message>
        <source>IN</source>
        <translation>入口</translation>
    </message>
    <message>
        <source>ROUTE</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>MQ TOPICS</source>
        <translation>MQ 主题</translation>
    </message>
    <message>
        <source>CALLBACKS</source>
        <translation>回调</translation>
    </message>
    <message>
        <source>SUBSCRIBERS</source>
        <translation>订阅方</translation>
    </message>
    <message>
        <source>No subscriptions yet. Add one in the Subscriptions panel (or POST /api/subscriptions), then send an event from Compose: it travels from here to each subscriber.</source>
        <translation>还没有订阅。请在“订阅”面板中添加（或 POST /api/subscriptions），然后在“编写事件”中发送一个事件：它会从这里流转到每个订阅方。</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Other keys (not in the spec&apos;s table)</source>
        <translation>其他键（不在规范的字段表中）</translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <source>Work-order event push</source>
        <extracomment>Characters of a fact&apos;s value shown at most. Facts shown at most (a WeCom response has a few, a work order a handful). Verdict → the outcome colour it is drawn in.</extracomment>
        <translation>工单事件推送</translation>
    </message>
    <message>
        <source>Organisation data-change push</source>
        <translation>组织数据变更推送</translation>
    </message>
    <message>
        <source>Rich-text message request</source>
        <translation>富文本消息请求</translation>
    </message>
    <message>
        <source>WeCom customer-service message</source>
        <translation>微信客服消息</translation>
    </message>
    <message>
        <source>IM message</source>
        <translation>IM 消息</translation>
    </message>
    <message>
        <source>type not told</source>
        <translation>无法判断类型</translation>
    </message>
    <message>
        <source>changeId %1</source>
        <translation>changeId %1</translation>
    </message>
    <message>
        <source>msgtype %1</source>
        <translation>msgtype %1</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>type %1</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>It breaks at line %1, column %2</source>
        <translation>在第 %1 行第 %2 列出错</translation>
    </message>
    <message>
        <source>Nothing to read</source>
        <translation>没有可读的内容</translation>
    </message>
    <message>
        <source>Not a payload of any family Push Studio knows</source>
        <translation>不属于 Push Studio 已知的任何消息类别</translation>
    </message>
    <message>
        <source>Also looked like: %1</source>
        <translation>也像：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n key(s) of its own)</source>
        <translation>
            <numerusform>%1（%n 个特有的键）</numerusform>
        </translation>
    </message>
    <message>
        <source>Captured HTTP request: %1</source>
        <translation>抓取的 HTTP 请求：%1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>accepted</source>
        <extracomment>How many sent events the history keeps.</extracomment>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message numerus="yes">
        <source>event #%1 → %n delivery(ies)</source>
        <translation>
            <numerusform>事件 #%1 → %n 次投递</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n finding(s)</source>
        <translation>
            <numerusform>%1，%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>changeId</source>
        <translation>changeId</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>sent from another panel</source>
        <translation>来自其他面板</translation>
    </message>
    <message>
        <source>example: captured HTTP request</source>
        <translation>示例：抓取的 HTTP 请求</translation>
    </message>
    <message>
        <source>example: %1</source>
        <translation>示例：%1</translation>
    </message>
    <message>
        <source>%1 is %2 MB: the inspector reads files up to %3 MB.</source>
        <extracomment>How long typing pauses before the payload is inspected again, in milliseconds. The pause for a big payload (each inspection of it costs more). Characters from which a payload counts as big. Below this width (pixels) the routing table puts the topic under the reason. Bytes of a file read at most (an editor holding more is no longer a pleasure). The line where JSON stops parsing (1-based), marked; None when it parses. An inspection was shown (None: the panel was emptied). Where the text came from: (&quot;file&quot;, name), (&quot;example&quot;, id), (&quot;hub&quot;, &quot;&quot;), or None.</extracomment>
        <translation>%1 有 %2 MB：检查器最多读取 %3 MB 的文件。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not text (a binary file?): paste its JSON instead.</source>
        <translation>%1 不是文本（二进制文件？）：请改为粘贴其中的 JSON。</translation>
    </message>
    <message>
        <source>Inspect a file</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Payloads (*.json *.txt *.http);;All files (*)</source>
        <translation>载荷 (*.json *.txt *.http);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>The inspector failed: %1</source>
        <translation>检查器出错：%1</translation>
    </message>
    <message>
        <source>%1 is selected in the Tree</source>
        <translation>已在树中选中 %1</translation>
    </message>
    <message>
        <source>%1 is not in the payload</source>
        <translation>载荷中没有 %1</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Inspect a file (Ctrl+O); or drop one here</source>
        <translation>检查一个文件（Ctrl+O）；也可以把文件拖到这里</translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>Paste one of the catalogue&apos;s examples</source>
        <translation>粘贴目录中的一个示例</translation>
    </message>
    <message>
        <source>Strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>Lenient</source>
        <translation>宽松</translation>
    </message>
    <message>
        <source>Strict: the spec&apos;s field tables. Lenient: what production sends — drifted keys, extra keys and the examples&apos; types are warnings.</source>
        <translation>严格：按规范的字段表。宽松：按生产环境实际发送的——键名漂移、多余的键和示例所用的类型只算警告。</translation>
    </message>
    <message>
        <source>Validation mode</source>
        <translation>校验模式</translation>
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation>清空(&amp;R)</translation>
    </message>
    <message>
        <source>Paste a payload here, or drop a file anywhere on this panel:

• a work-order callback {baseCode, dataArea, changeId, data}, or its data alone
• an organisation push {type, org_id, operator, created_at, body}
• a WeCom sync message, or a whole sync_msg response
• a rich-text message request (POST /orgs/{org_id}/messages)
• an IM message {msgid, type, payload}
• a captured HTTP request: request line, headers, a blank line, the body

It is inspected as you type: nothing is stored or sent.</source>
        <translation>在此粘贴载荷，或把文件拖到本面板的任意位置：

• 工单回调 {baseCode, dataArea, changeId, data}，或只有其中的 data
• 组织推送 {type, org_id, operator, created_at, body}
• 微信客服同步消息，或整个 sync_msg 响应
• 富文本消息请求（POST /orgs/{org_id}/messages）
• IM 消息 {msgid, type, payload}
• 抓取的 HTTP 请求：请求行、请求头、一个空行、请求体

边输入边检查：不会保存或发送任何内容。</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>树</translation>
    </message>
    <message>
        <source>Nothing to inspect yet. Paste JSON or a captured HTTP request above, drop a file, open one (Ctrl+O), or try an example:</source>
        <translation>还没有要检查的内容。在上方粘贴 JSON 或抓取的 HTTP 请求、拖入文件、打开文件（Ctrl+O），或者试试一个示例：</translation>
    </message>
    <message>
        <source>Work-order callback (changeId 1, as the spec prints it)</source>
        <translation>工单回调（changeId 1，规范原文示例）</translation>
    </message>
    <message>
        <source>Organisation push (a member joined)</source>
        <translation>组织推送（成员加入）</translation>
    </message>
    <message>
        <source>Rich-text message request</source>
        <translation>富文本消息请求</translation>
    </message>
    <message>
        <source>WeCom text message</source>
        <translation>微信客服文本消息</translation>
    </message>
    <message>
        <source>Captured HTTP request (rich message, no Accept header)</source>
        <translation>抓取的 HTTP 请求（富文本消息，缺少 Accept 头）</translation>
    </message>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation>
            <numerusform>问题（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Routing (%n)</source>
        <translation>
            <numerusform>路由（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Nothing could be read: the finding says why.</source>
        <translation>无法读取：原因见问题列表。</translation>
    </message>
    <message>
        <source>No findings: valid in strict mode.</source>
        <translation>没有问题：严格模式下有效。</translation>
    </message>
    <message>
        <source>No findings: valid in lenient mode.</source>
        <translation>没有问题：宽松模式下有效。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 — click one to show its field</source>
        <translation>%1，%2——点击一项可显示其字段</translation>
    </message>
    <message>
        <source>%1 — click one to show its field</source>
        <translation>%1——点击一项可显示其字段</translation>
    </message>
    <message>
        <source>The platform is starting: how it would be routed shows once it is up.</source>
        <translation>平台正在启动：启动后显示路由结果。</translation>
    </message>
    <message>
        <source>Routing needs a payload the inspector recognises.</source>
        <translation>需要能识别的载荷才能显示路由。</translation>
    </message>
    <message>
        <source>Nothing to route.</source>
        <translation>没有可路由的内容。</translation>
    </message>
    <message>
        <source>Against the subscriptions and users the platform holds now; nothing is sent.</source>
        <translation>按平台当前的订阅和用户计算；不会发送任何内容。</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>严格</translation>
    </message>
    <message>
        <source>lenient</source>
        <translation>宽松</translation>
    </message>
    <message>
        <source>inspected in %1 ms</source>
        <translation>检查耗时 %1 毫秒</translation>
    </message>
    <message>
        <source>the first %1 of %2 findings are listed</source>
        <translation>列出了 %2 个问题中的前 %1 个</translation>
    </message>
</context>
<context>
    <name>JsonTree</name>
    <message>
        <source>Field</source>
        <extracomment>Children made at a time under one object or array. Items made at most when the first levels are expanded on show (the rest on demand). The value shown (None before the first).</extracomment>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message numerus="yes">
        <source>%n more (expand to show)</source>
        <translation>
            <numerusform>还有 %n 项（展开显示）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 个键</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON sent as a string</source>
        <translation>以字符串发送的 JSON</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>event (changeId)</source>
        <translation>事件（changeId）</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>转单</translation>
    </message>
    <message>
        <source>urging</source>
        <translation>催单</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>hung</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待投递</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>IM sent</source>
        <translation>IM 已发送</translation>
    </message>
    <message>
        <source>IM queued (offline)</source>
        <translation>IM 已排队（离线）</translation>
    </message>
    <message>
        <source>IM queued, then pushed</source>
        <translation>IM 已排队，随后推送</translation>
    </message>
    <message>
        <source>anomaly</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>opened from WeCom</source>
        <translation>由微信客服创建</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>+ Add an element</source>
        <translation>+ 添加元素</translation>
    </message>
    <message>
        <source>Element %1</source>
        <translation>元素 %1</translation>
    </message>
    <message>
        <source>Remove this element</source>
        <translation>移除此元素</translation>
    </message>
</context>
<context>
    <name>LiveDetail</name>
    <message>
        <source>JSON</source>
        <extracomment>Bytes shown in the hex tab at most (a dump of megabytes helps nobody and costs seconds). Raw&apos;s &quot;Inspect&quot; was chosen: the row&apos;s message, as ``inspectable`` makes it. The secret a subscription signs with (None: unsigned, or unknown).</extracomment>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Binary protobuf, shown as base64 (the Hex tab has the bytes, the JSON tab decodes it):</source>
        <translation>二进制 protobuf，以 base64 显示（“十六进制”页显示字节，“JSON”页显示解码结果）：</translation>
    </message>
    <message>
        <source>No message body: this row records what happened to one.</source>
        <translation>无消息体：此行记录的是某条消息的处理情况。</translation>
    </message>
    <message>
        <source>Inspect this message</source>
        <translation>检查此消息</translation>
    </message>
    <message>
        <source>Not an HTTP callback: %1 rows travel over MQTT or stay inside the platform, so there are no headers.</source>
        <translation>不是 HTTP 回调：%1 类的行经 MQTT 传输或只在平台内部流转，因此没有请求头。</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>签名：%1</translation>
    </message>
    <message>
        <source>Request headers were not recorded for this row (rows read back from history keep the answer only).</source>
        <translation>此行未记录请求头（从历史读回的行只保留响应）。</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>响应：%1</translation>
    </message>
    <message>
        <source>valid (checked with the subscription&apos;s secret, as a receiver using standardwebhooks would)</source>
        <translation>有效（已用订阅的密钥校验，与使用 standardwebhooks 的接收方做法相同）</translation>
    </message>
    <message>
        <source>unsigned (the subscription has no secret)</source>
        <translation>未签名（该订阅没有密钥）</translation>
    </message>
    <message>
        <source>signed, but the secret is not known here to check it</source>
        <translation>已签名，但此处不知道密钥，无法校验</translation>
    </message>
    <message>
        <source>No bytes: this row carries no message.</source>
        <translation>无字节：此行不携带消息。</translation>
    </message>
    <message>
        <source>… %1 more bytes not shown</source>
        <translation>… 另有 %1 字节未显示</translation>
    </message>
    <message>
        <source>This row belongs to no work order, so there is nothing to compare it with.</source>
        <translation>此行不属于任何工单，没有可比较的对象。</translation>
    </message>
    <message>
        <source>The first %1 message of order %2 in the table: nothing before it to compare with.</source>
        <translation>表中工单 %2 的第一条 %1 消息：之前没有可比较的消息。</translation>
    </message>
    <message>
        <source>One of the two messages is not JSON; compare them in Raw.</source>
        <translation>两条消息中有一条不是 JSON，请在“原始”页中比较。</translation>
    </message>
    <message>
        <source>Against the previous %1 message of order %2 (%3):</source>
        <translation>与工单 %2 的上一条 %1 消息（%3）相比：</translation>
    </message>
    <message>
        <source>Identical.</source>
        <translation>完全相同。</translation>
    </message>
</context>
<context>
    <name>LiveModel</name>
    <message>
        <source>Time</source>
        <extracomment>Rows the table holds; older ones are paged out (the core&apos;s feed and the database keep them). Plain tuples, which the garbage collector stops tracking (see LiveRow); ``row(i)`` gives one back as a LiveRow.</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>MQTT topic</source>
        <translation>MQTT 主题</translation>
    </message>
    <message>
        <source>Filter: text, a regex, or an MQTT topic such as wo/push/+/fwwt (Ctrl+F)</source>
        <extracomment>How often the panel takes new rows from the feed, in milliseconds. Rows taken per flush at most; the rest come with the next ones. How far back the diff looks for the previous message of the same order (rows). How often history mode counts the rows written since, in milliseconds. How long typing in the filter pauses before the table is filtered, in milliseconds.</extracomment>
        <translation>筛选：文本、正则，或 MQTT 主题，如 wo/push/+/fwwt（Ctrl+F）</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Rejected events</source>
        <translation>被拒绝的事件</translation>
    </message>
    <message>
        <source>Callback attempts</source>
        <translation>回调尝试</translation>
    </message>
    <message>
        <source>MQ publishes</source>
        <translation>MQ 发布</translation>
    </message>
    <message>
        <source>IM messages</source>
        <translation>IM 消息</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>WeCom messages</source>
        <translation>微信客服消息</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop taking new rows; none are lost while paused</source>
        <translation>停止接收新行；暂停期间不会丢失任何行</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Scroll to each new row</source>
        <translation>滚动到每条新行</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the table (the database keeps every row: see History)</source>
        <translation>清空表格（数据库保留所有行：见“历史”）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Every row the database holds, one kind at a time, however many</source>
        <translation>数据库中保存的全部行，每次一类，不限数量</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重放</translation>
    </message>
    <message>
        <source>Send the selected row&apos;s delivery again, from attempt 1, on every channel</source>
        <translation>从第 1 次尝试开始，在所有通道上重新发送所选行的投递</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the rows shown (after the filter) as JSON Lines or CSV</source>
        <translation>将当前显示的行（筛选后）保存为 JSON Lines 或 CSV</translation>
    </message>
    <message numerus="yes">
        <source>%n older row(s) out of the window (kept in the database: see History)</source>
        <translation>
            <numerusform>%n 条较早的行已移出窗口（仍保存在数据库中：见“历史”）</numerusform>
        </translation>
    </message>
    <message>
        <source>Replay failed: %1</source>
        <translation>重放失败：%1</translation>
    </message>
    <message>
        <source>Delivery %1 is being sent again (to %2)</source>
        <translation>投递 %1 正在重新发送（发往 %2）</translation>
    </message>
    <message>
        <source>Delivery %1 was not replayed: it is still being delivered</source>
        <translation>投递 %1 未重放：仍在投递中</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export rows</source>
        <translation>导出行</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <source>Open order %1 in the Timeline</source>
        <translation>在时间线中打开工单 %1</translation>
    </message>
    <message>
        <source>Show only this order</source>
        <translation>只显示此工单</translation>
    </message>
    <message>
        <source>Inspect this message</source>
        <translation>检查此消息</translation>
    </message>
    <message>
        <source>Replay this delivery</source>
        <translation>重放此投递</translation>
    </message>
    <message>
        <source>Nothing has moved yet.

Send an event (Compose, or POST /api/events), create IM users or simulated app users, and every event, callback, MQ publish, IM message and push appears here as it happens.</source>
        <translation>暂无动态。

发送一个事件（“编写事件”或 POST /api/events），创建 IM 用户或模拟 App 用户后，每个事件、回调、MQ 发布、IM 消息和推送都会在发生时显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>History: %n row(s) in the database</source>
        <translation>
            <numerusform>历史：数据库中共 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown by the filter</source>
        <translation>
            <numerusform>筛选后显示 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation>
            <numerusform>已暂停：%n 行等待中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Push Studio</source>
        <extracomment>Docks around the Live table, in the order of their Alt+N shortcuts. Docks on the left; the others start on the right.</extracomment>
        <translation>推送工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Inspect a file…</source>
        <translation>检查文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Send the composed event</source>
        <translation>发送编写的事件(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>实时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode (full screen)</source>
        <translation>演示模式（全屏）(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>外观主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>编写事件</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流转图</translation>
    </message>
    <message>
        <source>Users · clients</source>
        <translation>用户 · 客户端</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>载荷检查</translation>
    </message>
</context>
<context>
    <name>NotifyForm</name>
    <message>
        <source>To</source>
        <extracomment>A starting payload per notification type and receiver role (spec §5&apos;s tables): edited, not typed from scratch.</extracomment>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>order and note statuses go to the role the spec&apos;s table names; feedback and expert are never pushed</source>
        <translation>工单和备注状态按规范字段表中指定的角色推送；反馈和专家类型从不推送</translation>
    </message>
    <message>
        <source>Send notification</source>
        <translation>发送通知</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ObjectEditor</name>
    <message>
        <source>+ Another (sends a list, as the spec&apos;s example does)</source>
        <translation>+ 再加一个（以列表形式发送，与规范示例一致）</translation>
    </message>
</context>
<context>
    <name>OrderResults</name>
    <message>
        <source>Order id</source>
        <extracomment>Milliseconds of quiet typing before the search runs. Results shown at most (the store query&apos;s limit). changeId → its name in the current language (the panel sets it).</extracomment>
        <translation>工单 ID</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最近变更</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>OrderSearch</name>
    <message>
        <source>Find an order: serviceOrderId, order code, contact name or id</source>
        <translation>查找工单：serviceOrderId、工单编码、联系人姓名或 ID</translation>
    </message>
    <message>
        <source>Enter opens the exact id, else the first match; Down moves into the results</source>
        <translation>按 Enter 打开 ID 完全匹配的工单，否则打开第一个匹配项；按 Down 进入结果列表</translation>
    </message>
    <message>
        <source>No order matches “%1”. Orders appear once an event for them was accepted; search by id, code, contact name or contact id.</source>
        <translation>没有与“%1”匹配的工单。工单在其事件被接受后才会出现；可按 ID、编码、联系人姓名或联系人 ID 搜索。</translation>
    </message>
    <message numerus="yes">
        <source>The first %n matches; type more to narrow them.</source>
        <translation>
            <numerusform>前 %n 个匹配项；继续输入以缩小范围。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrgComposer</name>
    <message>
        <source>body is a list</source>
        <extracomment>What a fresh push starts with: the ids of the document&apos;s envelope sketch.</extracomment>
        <translation>body 为列表</translation>
    </message>
    <message>
        <source>body is an object</source>
        <translation>body 为对象</translation>
    </message>
    <message>
        <source>MQ topic org/push/&lt;baseCode&gt;/&lt;org_id&gt;</source>
        <translation>MQ 主题 org/push/&lt;baseCode&gt;/&lt;org_id&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Accepted as push #%1: %n delivery(ies)</source>
        <translation>
            <numerusform>已接受，推送 #%1：%n 个投递</numerusform>
        </translation>
    </message>
    <message>
        <source>no subscription takes type %1 from organisation %2: tick it under orgTypes in Subscriptions</source>
        <translation>没有订阅接收组织 %2 的类型 %1：请在“订阅”面板的组织推送类型中勾选</translation>
    </message>
    <message>
        <source>Show in Live</source>
        <translation>在实时中查看</translation>
    </message>
    <message>
        <source>org_id</source>
        <translation>org_id</translation>
    </message>
    <message>
        <source>The organisation the change happened in: the envelope&apos;s org_id, and the body&apos;s where it names it</source>
        <translation>发生变更的组织：即外层的 org_id，以及 body 中提到该组织之处</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>Who made the change (a user id)</source>
        <translation>变更的操作者（用户 id）</translation>
    </message>
    <message>
        <source>created_at = now</source>
        <translation>created_at = 现在</translation>
    </message>
    <message>
        <source>Stamp the push with the time now (unix seconds)</source>
        <translation>把推送时间设为现在（unix 秒）</translation>
    </message>
    <message>
        <source>The organisation push type (MessageType)</source>
        <translation>组织推送类型（MessageType）</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Push Studio · Flow</source>
        <extracomment>The window was closed (Esc, F11, or the window manager).</extracomment>
        <translation>推送工作台 · 流转图</translation>
    </message>
    <message>
        <source>How a work-order event travels</source>
        <translation>工单事件如何流转</translation>
    </message>
    <message>
        <source>Esc to leave</source>
        <translation>按 Esc 退出</translation>
    </message>
    <message>
        <source>Waiting for the first event: send one from Compose or the API.</source>
        <translation>等待第一个事件：请从“编写事件”或通过 API 发送。</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>PASSED</source>
        <extracomment>Details shown under a failed expectation at most (the saved reports hold them all). What the runner writes when the user stopped the run. A work order&apos;s link was clicked: its serviceOrderId.</extracomment>
        <translation>通过</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n expectation(s) held</source>
        <translation>
            <numerusform>%n 项期望中 %1 项成立</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n step(s) played</source>
        <translation>
            <numerusform>%n 个步骤中已执行 %1 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) sent</source>
        <translation>
            <numerusform>已发送 %n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n 个被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>由你停止</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message numerus="yes">
        <source>Failed (%n)</source>
        <translation>
            <numerusform>未成立（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>step failed</source>
        <translation>步骤失败</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未成立</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Held (%n)</source>
        <translation>
            <numerusform>成立（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>The file states no expectations.</source>
        <translation>该文件没有写任何期望。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n more</source>
        <translation>
            <numerusform>%1：另有 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Click one to open it in the Timeline.</source>
        <translation>点击工单号即可在时间线中打开。</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Save the report as JUnit XML</source>
        <translation>将报告保存为 JUnit XML</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml)</source>
        <translation>JUnit XML (*.xml)</translation>
    </message>
    <message>
        <source>Save the report as JSON</source>
        <translation>将报告保存为 JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Save JUnit XML…</source>
        <translation>保存 JUnit XML…</translation>
    </message>
    <message>
        <source>One test case per expectation, for CI</source>
        <translation>每项期望一个测试用例，供 CI 使用</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>保存 JSON…</translation>
    </message>
    <message>
        <source>The whole report, for scripts</source>
        <translation>完整报告，供脚本使用</translation>
    </message>
    <message>
        <source>No report yet. Pick a scenario and press Run: the verdict shows here, the expectations that failed first, with why.</source>
        <translation>还没有报告。选择一个场景并点击“运行”：结论会显示在这里，未成立的期望排在最前，并说明原因。</translation>
    </message>
</context>
<context>
    <name>RichComposer</name>
    <message>
        <source>dest_type 1: an IM user, dest_id its userID as a number; the organisation is the URL&apos;s :org_id, not in the body. Read strictly, as the route reads it.</source>
        <extracomment>The organisation the message is sent in when the user names none (the URL&apos;s :org_id). The first numeric userID &quot;New simulated user&quot; makes.</extracomment>
        <translation>dest_type 1：IM 用户，dest_id 为其 userID（数字）；组织由 URL 中的 :org_id 指定，不在 body 里。与接口一样按严格模式校验。</translation>
    </message>
    <message>
        <source>Queued for %1, who is offline: the broker holds it (msgid %2)</source>
        <translation>%1 离线，已排队：由 broker 暂存（msgid %2）</translation>
    </message>
    <message>
        <source>a mobile push was recorded</source>
        <translation>已记录一条手机推送</translation>
    </message>
    <message>
        <source>Sent to %1 on $sktalent/clients/%1 (msgid %2)</source>
        <translation>已通过 $sktalent/clients/%1 发送给 %1（msgid %2）</translation>
    </message>
    <message>
        <source>Show in Live</source>
        <translation>在实时中查看</translation>
    </message>
    <message>
        <source>Simulated user %1 is online and picked as the receiver.</source>
        <translation>模拟用户 %1 已在线，已选为接收方。</translation>
    </message>
    <message>
        <source>Simulated user %1 is picked as the receiver; its phone is not online yet: the message would be queued and pushed.</source>
        <translation>已选模拟用户 %1 为接收方；其手机尚未上线：消息会排队并推送。</translation>
    </message>
    <message>
        <source>no IM server: it needs an MQTT broker</source>
        <translation>没有 IM 服务器：需要 MQTT broker</translation>
    </message>
    <message>
        <source>no IM users yet: make one with New simulated user</source>
        <translation>还没有 IM 用户：点“新建模拟用户”创建一个</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>dest_id is a number: userID %1 cannot be addressed</source>
        <translation>dest_id 是数字：无法发送给 userID %1</translation>
    </message>
    <message>
        <source>Simulated users need the IM server and its broker.</source>
        <translation>模拟用户需要 IM 服务器及其 broker。</translation>
    </message>
    <message>
        <source>No simulated user: %1</source>
        <translation>未能创建模拟用户：%1</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>The IM user it goes to: dest_id is its userID</source>
        <translation>接收消息的 IM 用户：dest_id 即其 userID</translation>
    </message>
    <message>
        <source>New simulated user</source>
        <translation>新建模拟用户</translation>
    </message>
    <message>
        <source>Bring a simulated phone with a numeric userID online and send to it</source>
        <translation>让一部数字 userID 的模拟手机上线，并发送给它</translation>
    </message>
    <message>
        <source>org_id (URL)</source>
        <translation>org_id（URL）</translation>
    </message>
    <message>
        <source>POST /orgs/:org_id/messages: the receiver&apos;s organisation, carried to the receiver as org_id</source>
        <translation>POST /orgs/:org_id/messages：接收方所在组织，以 org_id 带给接收方</translation>
    </message>
</context>
<context>
    <name>RoutingModel</name>
    <message>
        <source>delivered</source>
        <extracomment>Verdict → the outcome whose colour it takes (ui.theme).</extracomment>
        <translation>送达</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>不送达</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>MQ topic</source>
        <translation>MQ 主题</translation>
    </message>
</context>
<context>
    <name>Row</name>
    <message>
        <source>not sent — type to add</source>
        <extracomment>How much of a field&apos;s Chinese description its label shows (the tooltip has it all).</extracomment>
        <translation>不发送——输入即添加</translation>
    </message>
    <message>
        <source>+ Add %1</source>
        <translation>+ 添加 %1</translation>
    </message>
    <message>
        <source>Remove %1 from the body (not sent)</source>
        <translation>从消息体中移除 %1（不发送）</translation>
    </message>
    <message>
        <source>Not in the spec&apos;s table for this changeId: kept as it is, and reported by validation.</source>
        <translation>不在此 changeId 的规范字段表中：原样保留，并由校验报告。</translation>
    </message>
    <message>
        <source>Type in the spec: %1</source>
        <translation>规范中的类型：%1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>A time as yyyyMMddHHmmss, e.g. 20190802161622</source>
        <translation>时间格式为 yyyyMMddHHmmss，例如 20190802161622</translation>
    </message>
    <message>
        <source>not in the spec&apos;s table</source>
        <translation>不在规范的字段表中</translation>
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message>
        <source>⚠ cannot be played: see the errors</source>
        <extracomment>Progress bar units per step. Expectations listed under a scenario&apos;s description at most. True for a file that cannot be played (its second line is said in the error colour). Pixels around an item&apos;s two lines.</extracomment>
        <translation>⚠ 无法运行：请查看错误</translation>
    </message>
    <message numerus="yes">
        <source>This file cannot be played: %n mistake(s), each with its line and column.</source>
        <translation>
            <numerusform>此文件无法运行：有 %n 处错误，每处都注明了行号和列号。</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the file and select it again: it is read anew each time. docs/scenarios.md describes the language.</source>
        <translation>修改文件后再次选中它即可：每次选中都会重新读取。场景语言见 docs/scenarios.md。</translation>
    </message>
    <message>
        <source>after step %1: %2</source>
        <translation>第 %1 步之后：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 个步骤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expectation(s)</source>
        <translation>
            <numerusform>%n 项期望</numerusform>
        </translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>种子 %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>It expects:</source>
        <translation>期望：</translation>
    </message>
    <message>
        <source>Pick a scenario above, or open a .yaml file of your own (docs/scenarios.md describes the language). Run plays it at full speed and shows the report below; Play as demo plays it slowly in the Flow panel&apos;s presentation, with a caption for each step.</source>
        <translation>在上方选择一个场景，或打开你自己的 .yaml 文件（场景语言见 docs/scenarios.md）。“运行”全速执行并在下方显示报告；“演示播放”在流向面板的演示模式中慢速播放，每一步都配有字幕。</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Scenarios (*.yaml *.yml *.json)</source>
        <translation>场景 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Stopping after the event under way…</source>
        <translation>正在停止：当前事件完成后停止…</translation>
    </message>
    <message>
        <source>The scenario could not run: %1</source>
        <translation>场景无法运行：%1</translation>
    </message>
    <message>
        <source>Setting up</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Checking the expectations</source>
        <translation>正在检查期望</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>The platform is starting: a scenario runs once it is up.</source>
        <translation>平台正在启动：启动完成后才能运行场景。</translation>
    </message>
    <message>
        <source>Pick a scenario first.</source>
        <translation>请先选择一个场景。</translation>
    </message>
    <message>
        <source>This file has mistakes (listed above): fix them to run it.</source>
        <translation>此文件有错误（见上方列表）：修正后才能运行。</translation>
    </message>
    <message>
        <source>Play the scenario at full speed and check its expectations</source>
        <translation>全速执行场景并检查其期望</translation>
    </message>
    <message>
        <source>Play it slowly in the Flow panel&apos;s full-screen presentation, with a caption for each step; Esc there or Stop here ends the demo</source>
        <translation>在流向面板的全屏演示中慢速播放，每一步都配有字幕；在演示中按 Esc 或在这里点“停止”即结束演示</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code for the core&apos;s messages: en or zh</comment>
        <translation>zh</translation>
    </message>
    <message>
        <source>Scenarios — samples and your files</source>
        <translation>场景：示例与你的文件</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a scenario file (.yaml) of your own</source>
        <translation>打开你自己的场景文件（.yaml）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Seeds the generated work orders: the same seed sends the same events (default: the file&apos;s)</source>
        <translation>生成工单所用的随机种子：相同的种子发送相同的事件（默认取文件中的值）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Play as demo</source>
        <translation>演示播放</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the event under way; the report says what was not checked</source>
        <translation>当前事件完成后停止；报告会列出未检查的期望</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
</context>
<context>
    <name>SimulatedDialog</name>
    <message>
        <source>Simulated subscriber %1</source>
        <extracomment>Statuses offered as the default answer; any other 100–599 can be typed.</extracomment>
        <translation>模拟订阅方 %1</translation>
    </message>
    <message>
        <source>Create simulated subscriber</source>
        <translation>创建模拟订阅方</translation>
    </message>
    <message>
        <source>How %1 answers from now on. What it received so far is kept; the status sequence starts again.</source>
        <translation>%1 此后的响应方式。已收到的内容会保留；状态码序列重新开始。</translation>
    </message>
    <message>
        <source>A stand-in for a subscriber&apos;s system on 127.0.0.1, and a subscription that calls it back, made together. Every request it receives shows in Live.</source>
        <translation>在 127.0.0.1 上模拟订阅方的系统，并同时创建一个回调它的订阅。它收到的每个请求都会显示在实时面板中。</translation>
    </message>
    <message>
        <source>baseCode</source>
        <translation>baseCode</translation>
    </message>
    <message>
        <source>Name in URL</source>
        <translation>URL 中的名称</translation>
    </message>
    <message>
        <source>Data areas</source>
        <translation>数据域</translation>
    </message>
    <message>
        <source>changeIds</source>
        <translation>changeIds</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>First answers</source>
        <translation>前几次响应</translation>
    </message>
    <message>
        <source>Then answer</source>
        <translation>之后响应</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>失败率</translation>
    </message>
    <message>
        <source>Never answer</source>
        <translation>从不响应</translation>
    </message>
    <message>
        <source>Retry-After</source>
        <translation>Retry-After</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>e.g. HRZDWYWHXT</source>
        <translation>例如 HRZDWYWHXT</translation>
    </message>
    <message>
        <source>from the baseCode: …/sim/&lt;name&gt;</source>
        <translation>取自 baseCode：…/sim/&lt;name&gt;</translation>
    </message>
    <message>
        <source>fwwt, 10008 — or * for every data area</source>
        <translation>fwwt, 10008——或填 * 表示所有数据域</translation>
    </message>
    <message>
        <source>1, 5, 2, 3</source>
        <translation>1, 5, 2, 3</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>e.g. 500, 500, 200 — one per request, in order</source>
        <translation>例如 500, 500, 200 — 每个请求一个，按顺序</translation>
    </message>
    <message>
        <source>After the first answers: 410 Gone disables the subscription; 429/503 send Retry-After when set</source>
        <translation>首批应答之后：410 Gone 会停用订阅；若已设置，429/503 会附带 Retry-After</translation>
    </message>
    <message>
        <source>Chance of answering 500 instead</source>
        <translation>改为应答 500 的概率</translation>
    </message>
    <message>
        <source>hang: the callback&apos;s timeout decides</source>
        <translation>挂起连接：由回调的超时设置决定结果</translation>
    </message>
    <message>
        <source>seconds, sent with 429 and 503</source>
        <translation>秒数，随 429 和 503 一起发送</translation>
    </message>
    <message>
        <source>sign callbacks (a new whsec_ secret) and verify them</source>
        <translation>对回调签名（新的 whsec_ 密钥）并校验签名</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>%1 is not an HTTP status</source>
        <translation>%1 不是 HTTP 状态码</translation>
    </message>
    <message>
        <source>numbers separated by commas, e.g. 500, 500, 200</source>
        <translation>用逗号分隔的数字，例如 500, 500, 200</translation>
    </message>
    <message>
        <source>e.g. 200, or 410 for Gone</source>
        <translation>例如 200，或 410 表示 Gone</translation>
    </message>
    <message>
        <source>baseCode is required</source>
        <translation>必须填写 baseCode</translation>
    </message>
    <message>
        <source>the subscriber&apos;s code, e.g. HRZDWYWHXT</source>
        <translation>订阅方编码，例如 HRZDWYWHXT</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>修正：%1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Copy token</source>
        <extracomment>How often the counters are redrawn, in milliseconds.</extracomment>
        <translation>复制令牌</translation>
    </message>
    <message>
        <source>Copy the API token (Authorization: Bearer …)</source>
        <translation>复制 API 令牌（Authorization: Bearer …）</translation>
    </message>
    <message>
        <source>Starting the platform…</source>
        <translation>正在启动平台…</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>The local HTTP API; every call but /api/health needs the token</source>
        <translation>本地 HTTP API；除 /api/health 外，所有调用都需要令牌</translation>
    </message>
    <message>
        <source>The platform did not start: %1</source>
        <translation>平台未能启动：%1</translation>
    </message>
    <message>
        <source>events %1 · delivered %2 · failed %3 · pending %4 · MQ %5 · IM %6 · pushes %7</source>
        <translation>事件 %1 · 已送达 %2 · 失败 %3 · 待投递 %4 · MQ %5 · IM %6 · 推送 %7</translation>
    </message>
    <message>
        <source>No broker: %1</source>
        <translation>无消息代理：%1</translation>
    </message>
    <message>
        <source>External broker %1</source>
        <translation>外部消息代理 %1</translation>
    </message>
    <message numerus="yes">
        <source>Managed Mosquitto on port %1 · %n client(s) online</source>
        <translation>
            <numerusform>托管 Mosquitto，端口 %1 · %n 个客户端在线</numerusform>
        </translation>
    </message>
    <message>
        <source>API token copied</source>
        <translation>已复制 API 令牌</translation>
    </message>
</context>
<context>
    <name>SubscriptionEditor</name>
    <message>
        <source>baseCode</source>
        <extracomment>The fields with a place for an error under them, in form order (the contract&apos;s names). Rows of the orgTypes list in view before it scrolls. A subscription was saved from this form: its baseCode. The form&apos;s own subscription was deleted: its baseCode. The subscription loaded (None: a new one is being written). Unsaved form states by baseCode (&quot;&quot; for the new one), kept across selections. Our own save is under way: the bus&apos;s echo of it is not &quot;changed elsewhere&quot;.</extracomment>
        <translation>baseCode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Data areas</source>
        <translation>数据域</translation>
    </message>
    <message>
        <source>changeIds</source>
        <translation>changeIds</translation>
    </message>
    <message>
        <source>Org push types</source>
        <translation>组织推送类型</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Callback URL</source>
        <translation>回调 URL</translation>
    </message>
    <message>
        <source>data as</source>
        <translation>data 编码</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Retry schedule</source>
        <translation>重试计划</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source>Ordering</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Auto-disable after</source>
        <translation>自动停用</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>the subscriber&apos;s code, e.g. HRZDWYWHXT</source>
        <translation>订阅方编码，例如 HRZDWYWHXT</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos;: it is also the MQTT username and a level of wo/push/&lt;baseCode&gt;/&lt;dataArea&gt; and org/push/&lt;baseCode&gt;/&lt;org_id&gt;</source>
        <translation>字母、数字、&apos;_&apos;、&apos;-&apos; 或 &apos;.&apos;：它同时是 MQTT 用户名，也是 wo/push/&lt;baseCode&gt;/&lt;dataArea&gt; 和 org/push/&lt;baseCode&gt;/&lt;org_id&gt; 中的一级</translation>
    </message>
    <message>
        <source>shown in lists; the baseCode when empty</source>
        <translation>显示在列表中；留空时使用 baseCode</translation>
    </message>
    <message>
        <source>fwwt, 10008 — or * for every data area</source>
        <translation>fwwt, 10008 — 或用 * 表示所有数据域</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Organisation data-change pushes (orgTypes) this subscriber receives. Tick none for work-order events only; with some ticked, changeIds may stay empty.</source>
        <translation>此订阅方接收的组织数据变更推送（orgTypes）。只收工单事件则都不勾选；勾选后 changeIds 可以为空。</translation>
    </message>
    <message>
        <source>* for every organisation, or ids: 123, 456</source>
        <translation>* 表示所有组织，或填 id：123, 456</translation>
    </message>
    <message>
        <source>The organisations (org_id) whose pushes it receives (orgIds)</source>
        <translation>接收哪些组织（org_id）的推送（orgIds）</translation>
    </message>
    <message>
        <source>MQ topics</source>
        <translation>MQ 主题</translation>
    </message>
    <message>
        <source>Pick data areas from the catalogue</source>
        <translation>从目录中选择数据域</translation>
    </message>
    <message>
        <source>http://127.0.0.1:9000/callback — empty: MQ topic only</source>
        <translation>http://127.0.0.1:9000/callback — 留空：仅用 MQ 主题</translation>
    </message>
    <message>
        <source>a JSON string (the spec&apos;s table)</source>
        <translation>JSON 字符串（按规范中的表格）</translation>
    </message>
    <message>
        <source>a JSON object (as the spec&apos;s examples show)</source>
        <translation>JSON 对象（按规范中的示例）</translation>
    </message>
    <message>
        <source>whsec_… — empty: unsigned callbacks</source>
        <translation>whsec_… — 留空：回调不签名</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation>显示或隐藏签名密钥</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>A new random whsec_ secret (Standard Webhooks)</source>
        <translation>随机生成新的 whsec_ 密钥（Standard Webhooks）</translation>
    </message>
    <message>
        <source>seconds before each attempt, e.g. 0, 5, 30, 120; empty: no retry</source>
        <translation>每次尝试前等待的秒数，例如 0, 5, 30, 120；留空：不重试</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Callbacks in flight at once for this subscriber</source>
        <translation>此订阅方可同时进行的回调数</translation>
    </message>
    <message>
        <source>none — deliveries may overtake (fastest)</source>
        <translation>不保证 — 投递可能乱序（最快）</translation>
    </message>
    <message>
        <source>per order — one order&apos;s events arrive in order</source>
        <translation>按工单 — 同一工单的事件按序到达</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> failed deliveries in a row</source>
        <translation> 次投递连续失败后</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Send baseCode in the body</source>
        <translation>在请求体中发送 baseCode</translation>
    </message>
    <message>
        <source>The spec marks baseCode 已失效: it is sent as &quot;&quot; unless this is on</source>
        <translation>规范将 baseCode 标为已失效：除非勾选此项，否则发送 &quot;&quot;</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Throw away the unsaved changes</source>
        <translation>放弃未保存的更改</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Copy MQ credentials</source>
        <translation>复制 MQ 凭据</translation>
    </message>
    <message>
        <source>Replay failed</source>
        <translation>重放失败投递</translation>
    </message>
    <message>
        <source>Send every failed delivery of this subscriber again, from attempt 1</source>
        <translation>从第 1 次尝试起，重新发送此订阅方所有失败的投递</translation>
    </message>
    <message>
        <source>Not supported by the platform: routed only while &quot;allow unsupported events&quot; is on</source>
        <translation>平台不支持：仅在开启“允许不支持的事件”时才会路由</translation>
    </message>
    <message>
        <source>New subscription</source>
        <translation>新建订阅</translation>
    </message>
    <message>
        <source>Subscription %1</source>
        <translation>订阅 %1</translation>
    </message>
    <message>
        <source>(unsaved changes)</source>
        <translation>（有未保存的更改）</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Copy this subscriber&apos;s MQTT host, port, username, password and topic (JSON) to the clipboard</source>
        <translation>将此订阅方的 MQTT 主机、端口、用户名、密码和主题（JSON）复制到剪贴板</translation>
    </message>
    <message>
        <source>Only with the managed broker, once the subscription is saved</source>
        <translation>仅适用于托管消息代理，且需先保存订阅</translation>
    </message>
    <message>
        <source>A baseCode cannot change: press New to make another subscription</source>
        <translation>baseCode 不可更改：请点击“新建”创建另一个订阅</translation>
    </message>
    <message>
        <source>%1 was changed elsewhere; Save will overwrite that change with this form.</source>
        <translation>%1 已在别处被修改；保存将用此表单覆盖该修改。</translation>
    </message>
    <message>
        <source>%1 was deleted; Save would create it again.</source>
        <translation>%1 已被删除；保存会重新创建它。</translation>
    </message>
    <message>
        <source>work-order events on %1</source>
        <translation>工单事件：%1</translation>
    </message>
    <message>
        <source>organisation pushes %1 on %2</source>
        <translation>组织推送 %1：%2</translation>
    </message>
    <message>
        <source>none: tick a changeId or an org push type</source>
        <translation>无：请勾选 changeId 或组织推送类型</translation>
    </message>
    <message>
        <source>Disabled: %1</source>
        <translation>已停用：%1</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>%1 is not a number of seconds</source>
        <translation>%1 不是有效的秒数</translation>
    </message>
    <message>
        <source>numbers separated by commas, e.g. 0, 5, 30, 120</source>
        <translation>用逗号分隔的数字，例如 0, 5, 30, 120</translation>
    </message>
    <message>
        <source>name at least one data area</source>
        <translation>至少填写一个数据域</translation>
    </message>
    <message>
        <source>e.g. fwwt, or * for every data area</source>
        <translation>例如 fwwt，或用 * 表示所有数据域</translation>
    </message>
    <message>
        <source>tick at least one changeId or organisation push type</source>
        <translation>请至少勾选一个 changeId 或组织推送类型</translation>
    </message>
    <message>
        <source>the events this subscriber receives</source>
        <translation>即此订阅方接收的事件</translation>
    </message>
    <message>
        <source>%1 is already an IM user&apos;s userID (MQTT usernames are shared)</source>
        <translation>%1 已是某个 IM 用户的 userID（两者共用 MQTT 用户名）</translation>
    </message>
    <message>
        <source>choose another baseCode</source>
        <translation>请换一个 baseCode</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>修正：%1</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n problem(s), shown under the fields.</source>
        <translation>
            <numerusform>未保存：%n 个问题，见各字段下方。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>%1 已启用。</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>%1 已停用。</translation>
    </message>
    <message numerus="yes">
        <source>Replaying %n failed delivery(ies).</source>
        <translation>
            <numerusform>正在重放 %n 条失败的投递。</numerusform>
        </translation>
    </message>
    <message>
        <source>No managed broker is running, so there are no MQ credentials.</source>
        <translation>未运行托管消息代理，因此没有 MQ 凭据。</translation>
    </message>
    <message>
        <source>Copied the MQTT account of %1 (topic %2).</source>
        <translation>已复制 %1 的 MQTT 账号（主题 %2）。</translation>
    </message>
    <message>
        <source>Delete subscription</source>
        <translation>删除订阅</translation>
    </message>
    <message>
        <source>Delete %1? Its deliveries stay in the history; new events no longer go to it.</source>
        <translation>删除 %1？其投递记录仍保留在历史中；新事件将不再投递给它。</translation>
    </message>
    <message>
        <source>* — every data area</source>
        <translation>* — 所有数据域</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>SubscriptionTableModel</name>
    <message>
        <source>baseCode</source>
        <extracomment>The raw value a column sorts by (numbers as numbers, not as text). Health first after the code: in a narrow dock that is what shows without scrolling. The columns health updates touch.</extracomment>
        <translation>baseCode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>投递方式</translation>
    </message>
    <message>
        <source>Callback URL</source>
        <translation>回调 URL</translation>
    </message>
    <message>
        <source>Data areas</source>
        <translation>数据域</translation>
    </message>
    <message>
        <source>changeIds</source>
        <translation>changeIds</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>最近应答</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>The data areas it receives; * is every one (and, for organisation pushes, the organisations)</source>
        <translation>它接收的数据域，* 表示全部（组织推送则为组织）</translation>
    </message>
    <message>
        <source>The events it receives: changeIds, and organisation push types</source>
        <translation>它接收的事件：changeId 以及组织推送类型</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>失败中</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled: %1</source>
        <translation>已停用：%1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>连续失败</translation>
    </message>
    <message>
        <source>The subscriber&apos;s code: its MQTT username and topic level</source>
        <translation>订阅方编码：即其 MQTT 用户名和主题层级</translation>
    </message>
    <message>
        <source>Enabled, failing (the last attempts failed) or disabled, with why</source>
        <translation>已启用、失败中（最近的尝试均失败）或已停用（附原因）</translation>
    </message>
    <message>
        <source>Deliveries that reached the subscriber since the platform started</source>
        <translation>平台启动以来送达订阅方的投递数</translation>
    </message>
    <message>
        <source>Attempts that failed in a row, most recent first</source>
        <translation>从最近一次起连续失败的尝试次数</translation>
    </message>
    <message>
        <source>The last HTTP status or error</source>
        <translation>最近一次的 HTTP 状态码或错误</translation>
    </message>
    <message>
        <source>Deliveries queued, waiting to retry, in flight or held</source>
        <translation>已排队、等待重试、进行中或暂缓的投递</translation>
    </message>
    <message>
        <source>HTTP callback and MQ topic, or the MQ topic only</source>
        <translation>HTTP 回调加 MQ 主题，或仅 MQ 主题</translation>
    </message>
    <message>
        <source>Where callbacks go (any password in it hidden)</source>
        <translation>回调的目标地址（其中的密码已隐藏）</translation>
    </message>
    <message>
        <source>A name for people</source>
        <translation>便于识别的名称</translation>
    </message>
    <message>
        <source>HTTP + MQ</source>
        <translation>HTTP + MQ</translation>
    </message>
    <message>
        <source>MQ only</source>
        <translation>仅 MQ</translation>
    </message>
    <message>
        <source>all (*)</source>
        <translation>全部 (*)</translation>
    </message>
    <message>
        <source>orgs: %1</source>
        <translation>组织：%1</translation>
    </message>
    <message>
        <source>org pushes: %1</source>
        <translation>组织推送：%1</translation>
    </message>
    <message>
        <source>Last attempt at %1: %2</source>
        <translation>最近一次尝试于 %1：%2</translation>
    </message>
    <message>
        <source>queued %1 · waiting to retry %2 · in flight %3 · held while disabled %4 · held for order %5</source>
        <translation>已排队 %1 · 等待重试 %2 · 进行中 %3 · 停用期间暂缓 %4 · 为保证工单顺序暂缓 %5</translation>
    </message>
    <message>
        <source>%1 failed attempt(s) in all; %2 delivery(ies) in a row gave up (auto-disable after %3)</source>
        <translation>累计失败尝试 %1 次；连续 %2 次投递已放弃（自动停用阈值：%3）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>MQ topic wo/push/%1/&lt;dataArea&gt;</source>
        <translation>MQ 主题 wo/push/%1/&lt;dataArea&gt;</translation>
    </message>
    <message>
        <source>MQ topic org/push/%1/&lt;org_id&gt; for organisation pushes</source>
        <translation>组织推送的 MQ 主题 org/push/%1/&lt;org_id&gt;</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message>
        <source>%1 answers at %2.</source>
        <extracomment>How often health is read from the dispatcher while the panel is visible (ms). From this width on, the table and the form sit side by side.</extracomment>
        <translation>%1 已就绪，应答地址为 %2。</translation>
    </message>
    <message>
        <source>The platform is starting…

Subscriptions show here once the engine is up.</source>
        <translation>平台正在启动…

引擎就绪后，订阅将显示在这里。</translation>
    </message>
    <message>
        <source>No subscriptions yet.

Create simulated subscriber makes a stand-in system that answers as you say (delays, 500s, 410 Gone) and subscribes it in one go.
New registers your own system&apos;s callback URL, or an MQ-only subscriber.</source>
        <translation>暂无订阅。

“创建模拟订阅方”会创建一个按你的设定应答（延迟、500、410 Gone）的替身系统，并一步完成订阅。
“新建”用于登记你自己系统的回调 URL，或创建仅 MQ 的订阅方。</translation>
    </message>
    <message>
        <source>Filter by baseCode, name, URL or data area</source>
        <translation>按 baseCode、名称、URL 或数据域筛选</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Write a new subscription in the form below</source>
        <translation>在下方表单中编写新订阅</translation>
    </message>
    <message>
        <source>Create simulated subscriber…</source>
        <translation>创建模拟订阅方…</translation>
    </message>
    <message>
        <source>A stand-in subscriber system on 127.0.0.1 that answers as you say, and a subscription calling it back</source>
        <translation>在 127.0.0.1 上运行一个按你的设定应答的替身订阅方系统，并创建一个回调它的订阅</translation>
    </message>
    <message>
        <source>Simulated behaviour…</source>
        <translation>模拟行为…</translation>
    </message>
    <message>
        <source>Show in Live</source>
        <translation>在“实时”中查看</translation>
    </message>
    <message>
        <source>Filter Live to this subscriber&apos;s callbacks and MQ publishes</source>
        <translation>将“实时”筛选为此订阅方的回调和 MQ 发布</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖情况</translation>
    </message>
    <message>
        <source>Data areas</source>
        <translation>数据域</translation>
    </message>
    <message>
        <source>Why not delivered</source>
        <translation>为何未送达</translation>
    </message>
    <message>
        <source>No subscriptions yet, so no event reaches anyone. Each cell will count the enabled subscriptions that receive that changeId in that data area.</source>
        <translation>暂无订阅，因此任何事件都不会送达。每个单元格将统计在该数据域中接收该 changeId 的已启用订阅数。</translation>
    </message>
    <message numerus="yes">
        <source>Each cell counts the enabled subscriptions receiving that changeId in that data area (hover for their names; &quot;+n&quot;: disabled ones that would). %n supported combination(s) reach nobody. Double-click a cell to see its traffic in Live.</source>
        <translation>
            <numerusform>每个单元格统计在该数据域中接收该 changeId 的已启用订阅数（悬停可查看名称；“+n”：若启用便会接收的已停用订阅）。有 %n 种支持的组合无人接收。双击单元格可在“实时”中查看其流量。</numerusform>
        </translation>
    </message>
    <message>
        <source>No simulated subscribers run in this process</source>
        <translation>本进程中未运行模拟订阅方</translation>
    </message>
</context>
<context>
    <name>TimeEditor</name>
    <message>
        <source>Pick a date and time</source>
        <translation>选择日期和时间</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Order %1 has %2 events, more than the %3 this panel draws. Its story is in the command line: python main.py timeline %1</source>
        <extracomment>At most one redraw per this many milliseconds while messages for the order arrive. One more read this long after the last message: the IM log and pushes reach the store in batches a little after the bus announces them. Orders with more events than this are not drawn (one read must stay short).</extracomment>
        <translation>工单 %1 有 %2 个事件，超过本面板可绘制的 %3 个。可在命令行中查看其完整经过：python main.py timeline %1</translation>
    </message>
    <message>
        <source>Event #%1 · changeId %2 %3</source>
        <translation>事件 #%1 · changeId %2 %3</translation>
    </message>
    <message>
        <source>%1 · event #%2</source>
        <translation>%1 · 事件 #%2</translation>
    </message>
    <message>
        <source>Delivery to %1 · event #%2</source>
        <translation>投递至 %1 · 事件 #%2</translation>
    </message>
    <message>
        <source>IM notification to %1 · event #%2</source>
        <translation>发给 %1 的 IM 通知 · 事件 #%2</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>环节 %1</translation>
    </message>
    <message>
        <source>Hang</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>WeCom message %1 this order was opened from</source>
        <translation>创建此工单的微信客服消息 %1</translation>
    </message>
    <message>
        <source>Anomaly at event #%1</source>
        <translation>事件 #%1 处的异常</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>The platform is starting…

Once it is up, find a work order here by its id, code or contact.</source>
        <translation>平台正在启动…

启动后，可在此按 ID、编码或联系人查找工单。</translation>
    </message>
    <message>
        <source>No events for order “%1” in this database.

Check the id, or search by code or contact above. An order appears once an event for it was accepted.</source>
        <translation>本数据库中没有工单“%1”的事件。

请检查 ID，或在上方按编码或联系人搜索。工单在其首个事件被接受后才会出现。</translation>
    </message>
    <message>
        <source>Find a work order above by its id, code, contact name or contact id, or double-click a row in Live to open its order here.</source>
        <translation>在上方按 ID、编码、联系人姓名或联系人 ID 查找工单，或在“实时”中双击某行，在此打开其工单。</translation>
    </message>
    <message>
        <source>No work orders yet.

Send a changeId 1 (生成工单) from Compose or POST /api/events; then find the order above by its id, code or contact, and follow each next event here as it arrives.</source>
        <translation>暂无工单。

从“编写事件”或 POST /api/events 发送一个 changeId 1（生成工单）；然后在上方按 ID、编码或联系人找到该工单，在此跟随其后续的每个事件。</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>never created here</source>
        <translation>未在此创建</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>ended %1 (%2)</source>
        <translation>结束于 %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n 个环节</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hang(s)</source>
        <translation>
            <numerusform>%n 次挂起</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation>
            <numerusform>%n 个标记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(-ies)</source>
        <translation>
            <numerusform>%n 个异常</numerusform>
        </translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>读取于 %1</translation>
    </message>
    <message numerus="yes">
        <source>Anomalies (%n)</source>
        <translation>
            <numerusform>异常 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code for the core&apos;s messages: en or zh</comment>
        <translation>zh</translation>
    </message>
    <message>
        <source>Zoom out on time (−, Ctrl+wheel)</source>
        <translation>缩小时间轴（−，Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in on time (+, Ctrl+wheel)</source>
        <translation>放大时间轴（+，Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>The whole order in view (0)</source>
        <translation>显示整个工单（0）</translation>
    </message>
    <message>
        <source>Show in Live</source>
        <translation>在“实时”中显示</translation>
    </message>
    <message>
        <source>Filter the Live table to this order&apos;s messages</source>
        <translation>将“实时”表格筛选为该工单的消息</translation>
    </message>
    <message>
        <source>Continue in Compose</source>
        <translation>在“编写事件”中继续</translation>
    </message>
    <message>
        <source>Open this order&apos;s last event in Compose, to edit into the next step and send</source>
        <translation>在“编写事件”中打开该工单的最后一个事件，改成下一步后发送</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>TimelineScene</name>
    <message>
        <source>now</source>
        <extracomment>Pixels per second, at most and at least. Width of a collapsed gap on the axis. A quiet gap is collapsed when longer than this (seconds) and than twice the rest of the order: a sample order from 2019 with one event stamped today keeps its hours readable. An open track&apos;s bar runs to the wall clock when it is this close (seconds), else to the last time of the order: sample orders from 2019 should not stretch to today. WeCom&apos;s own green: the bubble on an event an order was opened from a WeCom message with. How much of a customer&apos;s words an order&apos;s title quotes (the tooltip has them all). Mark kind → (shape, outcome colour). Badge outcome → theme outcome colour. The axis&apos; pieces (start, end) in seconds; between two, a collapsed gap. Which anomaly message to show: &quot;en&quot; or &quot;zh&quot; (the panel sets it). Names of changeIds, by language (the panel sets them from the catalogue). What is selected, as ``_identity`` says it; drawn as a dashed outline.</extracomment>
        <translation>现在</translation>
    </message>
    <message>
        <source>%1 without events, collapsed</source>
        <translation>%1 无事件，已折叠</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>结束于 %1</translation>
    </message>
    <message>
        <source>handled by %1</source>
        <translation>由 %1 处理</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Hang (hangStatus %1)</source>
        <translation>挂起（hangStatus %1）</translation>
    </message>
    <message>
        <source>still hung</source>
        <translation>仍在挂起</translation>
    </message>
    <message>
        <source>planned until %1</source>
        <translation>计划至 %1</translation>
    </message>
    <message numerus="yes">
        <source>Callback to %1: %2 (%n attempt(s))</source>
        <translation>
            <numerusform>回调 %1：%2（尝试 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>IM to %1: %2</source>
        <translation>发给 %1 的即时消息：%2</translation>
    </message>
    <message>
        <source>online, sent</source>
        <translation>在线，已发送</translation>
    </message>
    <message>
        <source>offline, held by the broker</source>
        <translation>离线，由消息代理暂存</translation>
    </message>
    <message>
        <source>Mobile push to %1 (%2)</source>
        <translation>发给 %1 的移动推送（%2）</translation>
    </message>
    <message>
        <source>from WeCom 微信客服 · customer %1: “%2”</source>
        <translation>来自微信客服 · 客户 %1：“%2”</translation>
    </message>
    <message>
        <source>Opened from a WeCom customer-service message (微信客服)</source>
        <translation>由一条微信客服消息创建</translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>servicer %1 · account %2</source>
        <translation>接待客服 %1 · 客服账号 %2</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>发送于 %1</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待投递</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>UserDetail</name>
    <message>
        <source>Account</source>
        <extracomment>Rows each tab reads at most (newest first).</extracomment>
        <translation>账号</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>The user as the API returns it, with its authSign and MQTT connection settings</source>
        <translation>API 返回的用户信息，含 authSign 和 MQTT 连接设置</translation>
    </message>
    <message>
        <source>The latest IM messages from and to this user (newest first), as the IM server logged them</source>
        <translation>该用户收发的最新即时消息（最新在前），以 IM 服务器的记录为准</translation>
    </message>
    <message>
        <source>Mobile pushes the Umeng gateway would have received while this user was offline (newest first)</source>
        <translation>该用户离线期间 Umeng 网关本应收到的移动推送（最新在前）</translation>
    </message>
    <message>
        <source>The simulated phone: state, habits, counters and the latest messages it received</source>
        <translation>模拟手机：状态、行为习惯、计数器及最近收到的消息</translation>
    </message>
    <message>
        <source>Select a user to see its account, messages and pushes.</source>
        <translation>选择一个用户，查看其账号、消息和推送。</translation>
    </message>
    <message>
        <source>No IM messages from or to this user yet.</source>
        <translation>该用户尚无收发的即时消息。</translation>
    </message>
    <message>
        <source>No pushes: one is recorded when a message reaches this user while the broker says it is offline.</source>
        <translation>暂无推送：当消息到达该用户、而消息代理显示其离线时，会记录一条推送。</translation>
    </message>
    <message>
        <source>Received (newest first):</source>
        <translation>已收到（最新在前）：</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>A real client&apos;s account: Push Studio does not drive it. Connect MQTTX or the app with the settings under Account (Copy connection settings).</source>
        <translation>真实客户端的账号：推送工作台不会操控它。请使用“账号”中的设置（复制连接设置）连接 MQTTX 或 App。</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>userID</source>
        <translation>userID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>1001 records as</source>
        <translation>1001 记录编码</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App 版本</translation>
    </message>
    <message>
        <source>e.g. 110640113 (also its MQTT client id)</source>
        <translation>例如 110640113（也是其 MQTT 客户端 ID）</translation>
    </message>
    <message>
        <source>e.g. 噜噜噜 (the userID when empty)</source>
        <translation>例如 噜噜噜（留空则使用 userID）</translation>
    </message>
    <message>
        <source>The app&apos;s distribution channel: an Umeng push tag</source>
        <translation>App 的分发渠道：一个 Umeng 推送标签</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>protobuf</source>
        <translation>protobuf</translation>
    </message>
    <message>
        <source>Save user</source>
        <translation>保存用户</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User ID</source>
        <extracomment>The role that gives each cell a value to sort by (numbers as numbers, unknown last). A phone simulated by this app (it can be driven); else a real client&apos;s account. The simulated phone&apos;s own state: online | connecting | offline (None: real client). The broker&apos;s word: connected, not connected, or None when it cannot tell. Messages published to the user while the broker said it was offline, since it was last seen online: what its persistent session holds for it. When the user last sent or was sent an IM message (unix seconds). Presence and what waits for the user first: what a tester looks at in a narrow dock.</extracomment>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>最近消息</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>phone %1</source>
        <translation>手机%1</translation>
    </message>
    <message>
        <source>The broker does not say who is connected, so presence is unknown and no pushes are recorded (see the status bar)</source>
        <translation>消息代理不提供连接信息，因此在线状态未知，也不会记录推送（见状态栏）</translation>
    </message>
    <message>
        <source>The phone dropped off the network without a DISCONNECT: the broker holds it as connected until its keepalive runs out (about 45 s)</source>
        <translation>手机未发送 DISCONNECT 就断网了：在 keepalive 超时（约 45 秒）之前，消息代理仍视其为已连接</translation>
    </message>
    <message>
        <source>Who is online is the broker&apos;s word, not the client&apos;s</source>
        <translation>在线与否以消息代理为准，而非客户端</translation>
    </message>
    <message>
        <source>Messages the broker holds in this user&apos;s session until it connects again</source>
        <translation>消息代理在该用户会话中暂存、待其重新连接后投递的消息</translation>
    </message>
    <message>
        <source>Mobile pushes recorded for this user while it was offline</source>
        <translation>该用户离线期间记录的移动推送</translation>
    </message>
    <message>
        <source>A phone simulated by Push Studio: it can be taken offline and made to chat</source>
        <translation>由推送工作台模拟的手机：可让其下线或发起聊天</translation>
    </message>
    <message>
        <source>An account for a real MQTT client (MQTTX, the app): copy its connection settings</source>
        <translation>供真实 MQTT 客户端（MQTTX、App）使用的账号：复制其连接设置即可</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>not JSON: %1</source>
        <extracomment>How often the table catches up with presence, phones and the bus counters (ms). Users whose presence is asked each refresh besides the ones the bus marked (a rotating window: ten thousand users are all looked at within twenty seconds, none stalls a frame). Peers offered in the &quot;Chat with&quot; menu.</extracomment>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>The broker refused: %1</source>
        <translation>消息代理拒绝：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s) sent</source>
        <translation>
            <numerusform>已发送 %n 条通知</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued for offline users</source>
        <translation>
            <numerusform>%n 条已为离线用户排队</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n push(es) recorded</source>
        <translation>
            <numerusform>已记录 %n 条推送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starting %n simulated user(s)…</source>
        <translation>
            <numerusform>正在启动 %n 个模拟用户…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started %n simulated user(s)</source>
        <translation>
            <numerusform>已启动 %n 个模拟用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the broker (see each user&apos;s Phone tab)</source>
        <translation>
            <numerusform>%n 个被消息代理拒绝（见各用户的“手机”标签页）</numerusform>
        </translation>
    </message>
    <message>
        <source>Created %1: copy its connection settings to connect a client as it</source>
        <translation>已创建 %1：复制其连接设置，即可让客户端以该用户身份连接</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Nothing was saved: fix the field marked above</source>
        <translation>未保存：请修正上方标出的字段</translation>
    </message>
    <message>
        <source>authSign of %1 copied (it is the MQTT password)</source>
        <translation>已复制 %1 的 authSign（即 MQTT 密码）</translation>
    </message>
    <message>
        <source>Connection settings of %1 copied: host, port, clientId = username = userID, password = authSign, cleanSession off</source>
        <translation>已复制 %1 的连接设置：host、port，clientId = username = userID，password = authSign，cleanSession 关闭</translation>
    </message>
    <message>
        <source>Could not rotate %1: %2</source>
        <translation>无法为 %1 轮换 authSign：%2</translation>
    </message>
    <message>
        <source>New authSign for %1; the old one no longer connects</source>
        <translation>%1 已换用新的 authSign；旧的已无法连接</translation>
    </message>
    <message>
        <source>its simulated phone keeps the old one and is refused when it reconnects, as an app would be until it logs in again</source>
        <translation>其模拟手机仍使用旧的 authSign，重连时会被拒绝，就像 App 在重新登录前一样</translation>
    </message>
    <message>
        <source>%1 is a real client: only its own app can disconnect it</source>
        <translation>%1 是真实客户端：只有它自己的 App 能断开连接</translation>
    </message>
    <message>
        <source>%1 dropped off the network without a DISCONNECT: the broker sees an unclean disconnect (a will would be published)</source>
        <translation>%1 未发送 DISCONNECT 就断网了：消息代理视为非正常断开（会发布遗嘱消息）</translation>
    </message>
    <message>
        <source>%1 went offline: messages to it are now queued and pushed</source>
        <translation>%1 已离线：发给它的消息现在会排队并推送</translation>
    </message>
    <message>
        <source>%1 is a real client: connect it from its own app</source>
        <translation>%1 是真实客户端：请从它自己的 App 连接</translation>
    </message>
    <message>
        <source>The broker refused %1: %2</source>
        <translation>消息代理拒绝了 %1：%2</translation>
    </message>
    <message>
        <source>%1 is online</source>
        <translation>%1 已上线</translation>
    </message>
    <message>
        <source>%1 is a real client: its habits are its own</source>
        <translation>%1 是真实客户端：其行为习惯不受此处控制</translation>
    </message>
    <message>
        <source>Habits of %1 changed</source>
        <translation>已更改 %1 的行为习惯</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) deleted</source>
        <translation>
            <numerusform>已删除 %n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation>删除用户</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n IM user(s)? Their accounts stop working at once; messages and pushes already logged stay.</source>
        <translation>
            <numerusform>删除 %n 个 IM 用户？其账号将立即失效；已记录的消息和推送会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat with</source>
        <translation>与…聊天</translation>
    </message>
    <message>
        <source>Nobody else yet: add a second user</source>
        <translation>还没有其他用户：请再添加一个用户</translation>
    </message>
    <message>
        <source>…or select two users and press Chat</source>
        <translation>…或选中两个用户后点击“聊天”</translation>
    </message>
    <message>
        <source>On the chat page (answers received: ✓✓)</source>
        <translation>停留在聊天页（回复已收到：✓✓）</translation>
    </message>
    <message>
        <source>Show this user&apos;s messages in Live</source>
        <translation>在“实时”中显示该用户的消息</translation>
    </message>
    <message>
        <source>No simulated app users in this process: this build runs without the crowd</source>
        <translation>此进程中没有模拟 App 用户：当前构建不含模拟用户群</translation>
    </message>
    <message>
        <source>No IM server: the broker is not running. Install and start Mosquitto (./dev installs it), or start Push Studio with --broker mqtt://host:port.</source>
        <translation>没有 IM 服务器：消息代理未运行。请安装并启动 Mosquitto（./dev 会安装它），或使用 --broker mqtt://host:port 启动推送工作台。</translation>
    </message>
    <message>
        <source>The platform is starting: the broker and the IM server come up in a moment.</source>
        <translation>平台正在启动：消息代理和 IM 服务器稍后就绪。</translation>
    </message>
    <message>
        <source>No IM users yet.

Start simulated users: phones that connect exactly as the spec says, chat, and come and go. Or add a user that a real client (MQTTX, the app) connects as, with the settings this panel copies for you.</source>
        <translation>还没有 IM 用户。

启动模拟用户：这些手机严格按规范连接、聊天、上下线。或者添加一个用户，让真实客户端（MQTTX、App）用本面板为你复制的设置以该身份连接。</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n online</source>
        <translation>
            <numerusform>%n 个在线</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n simulated</source>
        <translation>
            <numerusform>%n 个模拟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued</source>
        <translation>
            <numerusform>%n 条消息排队中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown by the filter</source>
        <translation>
            <numerusform>筛选后显示 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Start simulated users…</source>
        <translation>启动模拟用户…</translation>
    </message>
    <message>
        <source>Create IM users and bring simulated phones online for them</source>
        <translation>创建 IM 用户，并让对应的模拟手机上线</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>An IM user for a real client (MQTTX, the app) to connect as</source>
        <translation>供真实客户端（MQTTX、App）连接使用的 IM 用户</translation>
    </message>
    <message>
        <source>Filter by userID or name</source>
        <translation>按 userID 或名称筛选</translation>
    </message>
    <message>
        <source>Start 5 simulated users…</source>
        <translation>启动 5 个模拟用户…</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>添加一个用户…</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Open a chat: select two users, or one and pick the other</source>
        <translation>打开聊天：选中两个用户，或选中一个再挑选另一个</translation>
    </message>
    <message>
        <source>Copy authSign</source>
        <translation>复制 authSign</translation>
    </message>
    <message>
        <source>The user&apos;s MQTT password</source>
        <translation>该用户的 MQTT 密码</translation>
    </message>
    <message>
        <source>Copy connection</source>
        <translation>复制连接设置</translation>
    </message>
    <message>
        <source>Host, port, clientId, username, password (authSign), keepalive, cleanSession and topics, as JSON: what to paste into MQTTX</source>
        <translation>以 JSON 格式复制 host、port、clientId、username、password（authSign）、keepalive、cleanSession 和主题，可直接粘贴到 MQTTX</translation>
    </message>
    <message>
        <source>Take offline</source>
        <translation>下线</translation>
    </message>
    <message>
        <source>Disconnect the simulated phone cleanly; the arrow offers dropping off the network</source>
        <translation>正常断开模拟手机的连接；点击箭头可选择直接断网</translation>
    </message>
    <message>
        <source>Drop off the network (no DISCONNECT)</source>
        <translation>断网（不发送 DISCONNECT）</translation>
    </message>
    <message>
        <source>Bring online</source>
        <translation>上线</translation>
    </message>
    <message>
        <source>Rotate authSign</source>
        <translation>轮换 authSign</translation>
    </message>
    <message>
        <source>A new authSign; the old one stops working and a connected client is let go</source>
        <translation>生成新的 authSign；旧的随即失效，已连接的客户端会被断开</translation>
    </message>
    <message>
        <source>Notify…</source>
        <translation>发送通知…</translation>
    </message>
    <message>
        <source>Send a server notification (order, note, feedback, expert) to the selected users</source>
        <translation>向所选用户发送服务器通知（工单、备注、反馈、专家）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>WecomComposer</name>
    <message>
        <source>an event: open_kfid and external_userid sit inside event</source>
        <extracomment>The customer and the customer-service account a fresh message is from and to: the constructed examples&apos; own. How much of a message a verdict line quotes. Messages a verdict lists at most (the rest are counted; Live shows them all). Seconds between a simulated conversation&apos;s items: Live shows them arrive one by one. The last customer text taken in: what &quot;Open a work order&quot; opens one from. Simulated conversations, a new customer each time (one seed per session).</extracomment>
        <translation>事件：open_kfid 和 external_userid 位于 event 内</translation>
    </message>
    <message>
        <source>a message: origin 3 the customer, 5 a servicer</source>
        <translation>消息：origin 3 为客户，5 为接待人员</translation>
    </message>
    <message>
        <source>Work order %1 opened from message %2 (event #%3)</source>
        <translation>已由消息 %2 创建工单 %1（事件 #%3）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message numerus="yes">
        <source>Taken in: %n message(s) stored</source>
        <translation>
            <numerusform>已接收：存储 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a work order from this message</source>
        <translation>由此消息创建工单</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>kept out: %1 — press New for a fresh msgid</source>
        <translation>未存储：%1 —— 点“新建”可换一个新的 msgid</translation>
    </message>
    <message>
        <source>session of %1: %2</source>
        <translation>%1 的会话：%2</translation>
    </message>
    <message>
        <source>Show in Live</source>
        <translation>在实时中查看</translation>
    </message>
    <message>
        <source>The WeCom desk is not running yet.</source>
        <translation>微信客服台尚未运行。</translation>
    </message>
    <message numerus="yes">
        <source>A simulated conversation with %1 (%2): %n item(s) taken in. Its first text is shown: open a work order from it.</source>
        <translation>
            <numerusform>与 %1（%2）的模拟会话：已接收 %n 条。下面显示其第一条文本：可由它创建工单。</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a customer&apos;s text first: an order opens from a message the desk has taken in.</source>
        <translation>请先发送一条客户文本：工单只能由客服台已接收的消息创建。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>The customer&apos;s external_userid (wm…)</source>
        <translation>客户的 external_userid（wm…）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客服账号</translation>
    </message>
    <message>
        <source>The customer-service account, open_kfid (wk…)</source>
        <translation>客服账号 open_kfid（wk…）</translation>
    </message>
    <message>
        <source>Simulate a conversation</source>
        <translation>模拟一段会话</translation>
    </message>
    <message>
        <source>A resident reports a problem to the front desk on 微信客服: the whole conversation is taken in, message by message</source>
        <translation>一位住户在微信客服上向物业前台报修：整段会话逐条被接收</translation>
    </message>
    <message>
        <source>File a changeId 1 from the customer&apos;s last text taken in, and show it in the Timeline</source>
        <translation>由最近接收的客户文本生成一个 changeId 1 工单，并在时间线中显示</translation>
    </message>
    <message>
        <source>The message type (msgtype), or the event</source>
        <translation>消息类型（msgtype）或事件</translation>
    </message>
</context>
<context>
    <name>WhyWidget</name>
    <message>
        <source>every subscription</source>
        <extracomment>Latest stored events offered in the picker.</extracomment>
        <translation>所有订阅</translation>
    </message>
    <message>
        <source>Stored event</source>
        <translation>已存储的事件</translation>
    </message>
    <message>
        <source>Paste a body</source>
        <translation>粘贴请求体</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>Event id</source>
        <translation>事件 ID</translation>
    </message>
    <message>
        <source>an eventId, e.g. 42</source>
        <translation>eventId，例如 42</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>{&quot;changeId&quot;: &quot;1&quot;, &quot;dataArea&quot;: &quot;fwwt&quot;, &quot;data&quot;: {…}} — an API body or a callback body</source>
        <translation>{&quot;changeId&quot;: &quot;1&quot;, &quot;dataArea&quot;: &quot;fwwt&quot;, &quot;data&quot;: {…}} — API 请求体或回调请求体</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Open in Compose</source>
        <translation>在“编写事件”中打开</translation>
    </message>
    <message>
        <source>Open order in Timeline</source>
        <translation>在时间线中打开工单</translation>
    </message>
    <message>
        <source>Pick an event — one of the latest, an eventId, or a pasted body — and a subscription, then Explain: the engine says whether the subscription receives it, and every reason if not.</source>
        <translation>选择一个事件（最近事件之一、eventId 或粘贴的请求体）和一个订阅，然后点击“解释”：引擎会说明该订阅是否收到此事件，收不到时列出全部原因。</translation>
    </message>
    <message>
        <source>Paste an event body first.</source>
        <translation>请先粘贴事件请求体。</translation>
    </message>
    <message>
        <source>The body is not JSON: %1</source>
        <translation>请求体不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>No events are stored yet: send one (Compose, or POST /api/events), or paste a body.</source>
        <translation>尚未存储任何事件：请发送一个（通过“编写事件”或 POST /api/events），或粘贴请求体。</translation>
    </message>
    <message>
        <source>Event id: %1 is not a number; an eventId is what POST /api/events answered, e.g. 42</source>
        <translation>事件 ID：%1 不是数字；eventId 是 POST /api/events 返回的值，例如 42</translation>
    </message>
    <message>
        <source>Event id: there is no event %1 in this database.</source>
        <translation>事件 ID：此数据库中没有事件 %1。</translation>
    </message>
    <message>
        <source>Subscription: there is no subscription %1 (any more).</source>
        <translation>订阅：订阅 %1 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>The engine refuses this event (%1), so no subscription gets it:</source>
        <translation>引擎拒绝了此事件（%1），因此没有任何订阅会收到它：</translation>
    </message>
    <message>
        <source>No subscriptions yet: nobody receives any event. Create one (New, or Create simulated subscriber).</source>
        <translation>尚无订阅：任何事件都没有接收方。请创建一个（“新建”或“创建模拟订阅方”）。</translation>
    </message>
    <message numerus="yes">
        <source>Received by %1 of %n subscription(s).</source>
        <translation>
            <numerusform>%n 个订阅中有 %1 个收到。</numerusform>
        </translation>
    </message>
    <message>
        <source>When event %1 was accepted:</source>
        <translation>事件 %1 被接受时：</translation>
    </message>
    <message>
        <source>no subscription matched it; no delivery was recorded.</source>
        <translation>没有匹配的订阅；未记录任何投递。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 after %n attempt(s)</source>
        <translation>
            <numerusform>%1：%2（尝试 %n 次）</numerusform>
        </translation>
    </message>
</context>
</TS>
