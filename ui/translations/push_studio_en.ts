<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ChatWindow</name>
    <message>
        <source>(no content)</source>
        <extracomment>Log rows read back per user when the window opens (newest first, then shown in order). Messages the window holds; older ones leave (the store keeps them). sending (asked from this window, not at the server yet) | accepted | rejected The server answered the sender ``sent`` (✓). What the forward to the peer was: sent (peer online) or queued (the broker holds it). The peer's phone answered ``received`` (on its chat page). The server forwarded that ``received`` to the sender (✓✓). Log rows a chat remembers having taken (to ignore the same row read twice). Log rows already taken (the bus and the store both report them), newest last; bounded: a long session of busy phones must not grow it for ever.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type a message first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a real client: send from its own app or MQTT client. Its messages still show here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent, the broker refused it: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a real client: it sends from its own app. Pick a simulated user under "Send as" to send from here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1's phone is offline: bring it online to send (messages to it are queued by the broker and pushed).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rejected by the IM server: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued: %1 is offline; the broker holds it until they connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>push recorded (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivered to %1; no ✓✓ until their app answers received (it does on the chat page)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat %1 ⇄ %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (right) and %2 (left). ✓ the server answered sent · ✓✓ the peer's app answered received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raw envelopes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show every message each chat caused, as it went over the wire</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>o_id (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The work order the chat is about; a random one if empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message (Enter sends)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No messages between %1 and %2 yet.

Type below to send one as a simulated user; messages from real clients appear here as they arrive.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ComposePanel</name>
    <message>
        <source>data is a string that is not JSON (%1 at line %2, column %3), so it has no fields to show: edit it in the JSON.</source>
        <extracomment>The pause in JSON typing after which the form follows, in milliseconds. The pause after any change before validating, in milliseconds. How many orders the "continue an order" search lists. Below this width the form sits above the JSON instead of beside it.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changeId %1 is not a work-order event of the catalogue (1–10): the form has no fields for it; edit it in the JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>data is not an object, so it has no fields to show: edit it in the JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON follows the form, and the form follows the JSON as you type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not JSON: %1 at line %2, column %3. The form keeps the last version that parsed; nothing you typed is lost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The event must be a JSON object {"changeId", "dataArea", "data"}. The form keeps the last object.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid samples (follow the spec's tables)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The spec's examples (as printed, quirks kept)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as template…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No templates yet: save the body to reuse it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name of the template:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix the JSON first: a template is saved from a body that parses.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Template %1 cannot be read.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>(%n event(s), last changeId %1)</source>
        <translation><numerusform>(%n event, last changeId %1)</numerusform><numerusform>(%n events, last changeId %1)</numerusform></translation>
    </message>
    <message>
        <source>No stored order matches %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order %1 has no stored events.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No order picked: events start from a sample.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Working on order %1 (%n event(s), last changeId %2).</source>
        <translation><numerusform>Working on order %1 (%n event, last changeId %2).</numerusform><numerusform>Working on order %1 (%n events, last changeId %2).</numerusform></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Accepted as event #%1: %n delivery(ies)</source>
        <translation><numerusform>Accepted as event #%1: %n delivery</numerusform><numerusform>Accepted as event #%1: %n deliveries</numerusform></translation>
    </message>
    <message>
        <source>no subscription takes it; the Subscriptions panel says why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: the JSON does not parse. Fix it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: the platform is still starting.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Rejected (%1): %n finding(s), listed below.</source>
        <translation><numerusform>Rejected (%1): %n finding, listed below.</numerusform><numerusform>Rejected (%1): %n findings, listed below.</numerusform></translation>
    </message>
    <message>
        <source>Loaded the spec's example %1, as printed: its deviations from the tables are kept, and the findings name them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repaired to parse: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loaded a valid sample of changeId %1, built from the spec's tables.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changeId 8 督办 is not supported by the platform (暂不支持): it is refused unless "allow unsupported events" is on (python main.py settings allow-unsupported on).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continuing order %1: ids, track and handlers come from its events. Switch changeId to compose its other next events.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opened template %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved as template %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleted template %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opened a sent event again: edit it and send it once more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not supported by the platform</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n required field(s), marked *. Hover a name for its meaning and the spec's quirks.</source>
        <translation><numerusform>%n required field, marked *. Hover a name for its meaning and the spec's quirks.</numerusform><numerusform>%n required fields, marked *. Hover a name for its meaning and the spec's quirks.</numerusform></translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform is starting… Compose opens once it is up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message family</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work-order events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation data changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WeCom customer service messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rich-text messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which of the platform's message families to compose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The work-order event to compose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lenient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strict follows the spec's tables; lenient accepts what the platform's own examples do. Findings and Send both use this mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Load a spec example or a valid sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Submit the event to the platform (Ctrl+Return)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continue an order: type its id, code or contact…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The most recent orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>data sent as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object (as the spec's examples)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a JSON string (as the spec's table, #1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing sent yet. Press Send (Ctrl+Return): each event sent appears here with its verdict; double-click one to open it again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Not supported: the router refuses it unless "allow unsupported events" is on</source>
        <extracomment>The cell's receivers (enabled, matching), a tuple of baseCodes. The cell's (dataArea, changeId).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is named by a subscription but is not in the data-area catalogue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Received by: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No enabled subscription receives this event.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Would also match, but disabled: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Double-click: show this traffic in Live</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CrowdForm</name>
    <message>
        <source>How many</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>userID prefix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1001 records as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go offline every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stay offline for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>userIDs become prefix0001, prefix0002, …</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On the chat page (answers received: ✓✓)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only when told</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stays online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mean seconds between chats each phone starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mean seconds online before a phone goes offline (one in three drops without a DISCONNECT)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Android</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>iOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>protobuf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DataAreaModel</name>
    <message>
        <source>Code</source>
        <extracomment>Data-area code → baseCodes that name it (not counting "*").</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Named by</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>(+%n with *)</source>
        <translation><numerusform>(+%n with *)</numerusform><numerusform>(+%n with *)</numerusform></translation>
    </message>
</context>
<context>
    <name>DataAreasEditor</name>
    <message>
        <source>Data areas (数据域) scope subscriptions: a subscription names the areas it receives, or * for all. The spec's own list is missing, so this catalogue is yours: add the codes your platform uses.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>code, e.g. dqwt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name, e.g. 电气问题</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add / rename</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add this code, or give an existing code this name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fix: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved data area %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not in the catalogue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleted %1. Still named by %2: they keep receiving events of that code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still named by: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>JSON</source>
        <extracomment>Children shown per JSON object or array at most: a huge body stays responsive. The document shown (for tests and scripts).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click an event, badge, mark, bar or hang to see its JSON here.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FamilyComposer</name>
    <message>
        <source>Findings are underlined in the JSON as you type; hover a line to read them.</source>
        <extracomment>The pause in typing after which the JSON is read again, in milliseconds. The pause after any change before validating, in milliseconds. The catalogue family id ("org", "wecom", "rich"). Whether strict/lenient is the user's choice (else always strict). The family's own fields (org_id, the receiver …), filled by the subclass.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not JSON: %1 at line %2, column %3. Nothing you typed is lost.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document prints no example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document's examples (as printed, quirks kept)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: the JSON does not parse. Fix it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sent: the platform is still starting.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Rejected (%1): %n finding(s), listed below.</source>
        <translation><numerusform>Rejected (%1): %n finding, listed below.</numerusform><numerusform>Rejected (%1): %n findings, listed below.</numerusform></translation>
    </message>
    <message>
        <source>This message is of none of the document's types: the findings say why, and the picker above makes a fresh one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loaded the document's example %1, as printed: its quirks are kept, and the findings name them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repaired to parse: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document prints no example of %1; this is a fresh one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A fresh %1 with today's defaults: edit the JSON, then Send (Ctrl+Return).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lenient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strict holds the message to every field the document shows; lenient only to what delivery needs. Findings and Send both use this mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Load the document's example of this type; the arrow lists every example</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A fresh message of this type with today's defaults</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send it to the platform (Ctrl+Return)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingCardsModel</name>
    <message>
        <source>error</source>
        <extracomment>Findings shown at most (errors first): thousands of cards help nobody and cost seconds. Severity → (light, dark) text colour, each readable on its theme's base colour (≥ 4.5:1). Pixels: the severity stripe, the padding inside a card, the gap between its lines.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click to show this field in the Tree</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Valid in strict mode: no findings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid in lenient mode: no findings.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message>
        <source>click one to go to its field</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What and how to fix</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FlowFeed</name>
    <message>
        <source>Refused (%1): %2</source>
        <extracomment>Events waiting for a frame at most; past it they are counted without a dot. Events a frame turns into dots (or aggregates) at most, to keep each frame short. Captions kept, newest last. Seconds between two captions at least; what comes meanwhile is summarised. False while nobody watches: events are counted at once, not queued. Captions waiting to be said (the newest few), and how many were summed up.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is offline: %2 push recorded for the gateway</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>… and %n more message(s)</source>
        <translation><numerusform>… and %n more message</numerusform><numerusform>… and %n more messages</numerusform></translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 → routed to %n subscriber(s)</source>
        <translation><numerusform>%1 → routed to %n subscriber</numerusform><numerusform>%1 → routed to %n subscribers</numerusform></translation>
    </message>
    <message>
        <source>%1 → no subscription takes it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 received it (%2, %3 ms)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 answered %2: retrying (attempt %3)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 failed for good after %n attempt(s): %2</source>
        <translation><numerusform>%1 failed for good after %n attempt: %2</numerusform><numerusform>%1 failed for good after %n attempts: %2</numerusform></translation>
    </message>
    <message>
        <source>The IM server refused a message from %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 sent a chat message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is offline: the broker keeps the message</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message numerus="yes">
        <source>%n IM user(s)</source>
        <extracomment>Frame interval in milliseconds: about 30 frames per second while something moves, smooth enough to follow and half the painting of 60. The longest frame interval under load (5 frames per second). Frames take at most about this share of the time: when painting a frame gets dear (everything glows at once under thousands of messages a second), frames come less often rather than starving the platform that runs on the same thread. How often the app users' and push gateway's figures are read again, in milliseconds. A burst of subscription changes is laid out once, after this quiet time (ms). The longest step a frame takes (s): after a stall, dots jump this far at most.</extracomment>
        <translation><numerusform>%n IM user</numerusform><numerusform>%n IM users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> · %n online</source>
        <translation><numerusform> · %n online</numerusform><numerusform> · %n online</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> · %n simulated</source>
        <translation><numerusform> · %n simulated</numerusform><numerusform> · %n simulated</numerusform></translation>
    </message>
    <message>
        <source>App users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Android · iOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delivered / published</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed or refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queued for an offline user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no subscriber</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n delivered</source>
        <translation><numerusform>%n delivered</numerusform><numerusform>%n delivered</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n retried</source>
        <translation><numerusform>%n retried</numerusform><numerusform>%n retried</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation><numerusform>%n rejected</numerusform><numerusform>%n rejected</numerusform></translation>
    </message>
    <message>
        <source>MQ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pushes %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n moving</source>
        <translation><numerusform>%n moving</numerusform><numerusform>%n moving</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n counted without a dot (too many at once)</source>
        <translation><numerusform>%n counted without a dot (too many at once)</numerusform><numerusform>%n counted without a dot (too many at once)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation><numerusform>paused: %n waiting</numerusform><numerusform>paused: %n waiting</numerusform></translation>
    </message>
    <message>
        <source>%1 events · %2 delivered · %3 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Freeze the dots; what arrives meanwhile waits (and is counted) until you resume</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How fast the dots travel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Present (F11)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Full screen with large type and captions, for a demo; Esc leaves</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform is starting…

Once it is up, this shows its parts — router, MQ topics, callback service, subscribers, IM server, app users — and every message moving between them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Double-click a box to show its messages in Live</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FlowScene</name>
    <message>
        <source>Event sources</source>
        <extracomment>Subscriber rows drawn one by one; the rest share the last row ("+N more"). Column x positions: sources, router, topics (and IM server), callback service, subscribers. Points sampled along each edge, so a moving dot interpolates instead of measuring curves. An outcome name (ui.theme) for the status dot, "off" for grey, None for none. 0..1, raised when a message arrives and fading with the animation. 0..1, raised when messages pass without a dot of their own (aggregated). A node was double-clicked: its key ("sub:HRZ", "topic:HRZ", "im", "push" …). baseCode → the row key its messages travel in (its own, or MORE). What to do next when there is no subscription yet (the panel shows it).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>flow engine · API · Compose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Router</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>validate · match · store</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n more topic(s)</source>
        <translation><numerusform>%n more topic</numerusform><numerusform>%n more topics</numerusform></translation>
    </message>
    <message>
        <source>MQ off: no broker</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n more subscriber(s)</source>
        <translation><numerusform>%n more subscriber</numerusform><numerusform>%n more subscribers</numerusform></translation>
    </message>
    <message>
        <source>MQ only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>disabled · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Callback service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>signed POST · retries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no callback URLs yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQTT · $sktalent/#</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not running (no broker)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>App users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no IM users yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Push gateway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Android · iOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ROUTE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ TOPICS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CALLBACKS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SUBSCRIBERS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No subscriptions yet. Add one in the Subscriptions panel (or POST /api/subscriptions), then send an event from Compose: it travels from here to each subscriber.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Other keys (not in the spec's table)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <source>Work-order event push</source>
        <extracomment>Characters of a fact's value shown at most. Facts shown at most (a WeCom response has a few, a work order a handful). Verdict → the outcome colour it is drawn in.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation data-change push</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rich-text message request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WeCom customer-service message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>type not told</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changeId %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>msgtype %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>type %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not recognised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It breaks at line %1, column %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a payload of any family Push Studio knows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also looked like: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 (%n key(s) of its own)</source>
        <translation><numerusform>%1 (%n key of its own)</numerusform><numerusform>%1 (%n keys of its own)</numerusform></translation>
    </message>
    <message>
        <source>Captured HTTP request: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>accepted</source>
        <extracomment>How many sent events the history keeps.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>event #%1 → %n delivery(ies)</source>
        <translation><numerusform>event #%1 → %n delivery</numerusform><numerusform>event #%1 → %n deliveries</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n finding(s)</source>
        <translation><numerusform>%1, %n finding</numerusform><numerusform>%1, %n findings</numerusform></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changeId</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>sent from another panel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>example: captured HTTP request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>example: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is %2 MB: the inspector reads files up to %3 MB.</source>
        <extracomment>How long typing pauses before the payload is inspected again, in milliseconds. The pause for a big payload (each inspection of it costs more). Characters from which a payload counts as big. Below this width (pixels) the routing table puts the topic under the reason. Bytes of a file read at most (an editor holding more is no longer a pleasure). The line where JSON stops parsing (1-based), marked; None when it parses. An inspection was shown (None: the panel was emptied). Where the text came from: ("file", name), ("example", id), ("hub", ""), or None.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not text (a binary file?): paste its JSON instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inspect a file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payloads (*.json *.txt *.http);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inspecting %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The inspector failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is selected in the Tree</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not in the payload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inspect a file (Ctrl+O); or drop one here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste one of the catalogue's examples</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lenient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Strict: the spec's field tables. Lenient: what production sends — drifted keys, extra keys and the examples' types are warnings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Validation mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tree</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to inspect yet. Paste JSON or a captured HTTP request above, drop a file, open one (Ctrl+O), or try an example:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work-order callback (changeId 1, as the spec prints it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation push (a member joined)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rich-text message request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WeCom text message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Captured HTTP request (rich message, no Accept header)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation><numerusform>Findings (%n)</numerusform><numerusform>Findings (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Routing (%n)</source>
        <translation><numerusform>Routing (%n)</numerusform><numerusform>Routing (%n)</numerusform></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing could be read: the finding says why.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No findings: valid in strict mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No findings: valid in lenient mode.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message>
        <source>%1, %2 — click one to show its field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — click one to show its field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform is starting: how it would be routed shows once it is up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Routing needs a payload the inspector recognises.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to route.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Against the subscriptions and users the platform holds now; nothing is sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>strict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>lenient</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>inspected in %1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the first %1 of %2 findings are listed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>JsonTree</name>
    <message>
        <source>Field</source>
        <extracomment>Children made at a time under one object or array. Items made at most when the first levels are expanded on show (the rest on demand). The value shown (None before the first).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n more (expand to show)</source>
        <translation><numerusform>%n more (expand to show)</numerusform><numerusform>%n more (expand to show)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation><numerusform>%n key</numerusform><numerusform>%n keys</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation><numerusform>%n item</numerusform><numerusform>%n items</numerusform></translation>
    </message>
    <message>
        <source>JSON sent as a string</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>event (changeId)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>transfer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>urging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>supervision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>evaluation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>hung</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM queued (offline)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM queued, then pushed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>anomaly</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>opened from WeCom</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>+ Add an element</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Element %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove this element</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LiveDetail</name>
    <message>
        <source>JSON</source>
        <extracomment>Bytes shown in the hex tab at most (a dump of megabytes helps nobody and costs seconds). Raw's "Inspect" was chosen: the row's message, as ``inspectable`` makes it. The secret a subscription signs with (None: unsigned, or unknown).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hex</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Diff</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Binary protobuf, shown as base64 (the Hex tab has the bytes, the JSON tab decodes it):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No message body: this row records what happened to one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inspect this message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not an HTTP callback: %1 rows travel over MQTT or stay inside the platform, so there are no headers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signature: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Request headers were not recorded for this row (rows read back from history keep the answer only).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>valid (checked with the subscription's secret, as a receiver using standardwebhooks would)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unsigned (the subscription has no secret)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>signed, but the secret is not known here to check it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No bytes: this row carries no message.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>… %1 more bytes not shown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This row belongs to no work order, so there is nothing to compare it with.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The first %1 message of order %2 in the table: nothing before it to compare with.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One of the two messages is not JSON; compare them in Raw.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Against the previous %1 message of order %2 (%3):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Identical.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LiveModel</name>
    <message>
        <source>Time</source>
        <extracomment>Rows the table holds; older ones are paged out (the core's feed and the database keep them). Plain tuples, which the garbage collector stops tracking (see LiveRow); ``row(i)`` gives one back as a LiveRow.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regex</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQTT topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter: text, a regex, or an MQTT topic such as wo/push/+/fwwt (Ctrl+F)</source>
        <extracomment>How often the panel takes new rows from the feed, in milliseconds. Rows taken per flush at most; the rest come with the next ones. How far back the diff looks for the previous message of the same order (rows). How often history mode counts the rows written since, in milliseconds. How long typing in the filter pauses before the table is filtered, in milliseconds.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rejected events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Callback attempts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ publishes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pushes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WeCom messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop taking new rows; none are lost while paused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scroll to each new row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty the table (the database keeps every row: see History)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every row the database holds, one kind at a time, however many</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the selected row's delivery again, from attempt 1, on every channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the rows shown (after the filter) as JSON Lines or CSV</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n older row(s) out of the window (kept in the database: see History)</source>
        <translation><numerusform>%n older row out of the window (kept in the database: see History)</numerusform><numerusform>%n older rows out of the window (kept in the database: see History)</numerusform></translation>
    </message>
    <message>
        <source>Replay failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivery %1 is being sent again (to %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivery %1 was not replayed: it is still being delivered</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation><numerusform>%n row exported to %1</numerusform><numerusform>%n rows exported to %1</numerusform></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open order %1 in the Timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show only this order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inspect this message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replay this delivery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing has moved yet.

Send an event (Compose, or POST /api/events), create IM users or simulated app users, and every event, callback, MQ publish, IM message and push appears here as it happens.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>History: %n row(s) in the database</source>
        <translation><numerusform>History: %n row in the database</numerusform><numerusform>History: %n rows in the database</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>%n row</numerusform><numerusform>%n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n shown by the filter</source>
        <translation><numerusform>%n shown by the filter</numerusform><numerusform>%n shown by the filter</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation><numerusform>paused: %n waiting</numerusform><numerusform>paused: %n waiting</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Push Studio</source>
        <extracomment>Docks around the Live table, in the order of their Alt+N shortcuts. Docks on the left; the others start on the right.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Inspect a file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Send the composed event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Presentation mode (full screen)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Users · clients</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scenarios</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NotifyForm</name>
    <message>
        <source>To</source>
        <extracomment>A starting payload per notification type and receiver role (spec §5's tables): edited, not typed from scratch.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>order and note statuses go to the role the spec's table names; feedback and expert are never pushed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send notification</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ObjectEditor</name>
    <message>
        <source>+ Another (sends a list, as the spec's example does)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OrderResults</name>
    <message>
        <source>Order id</source>
        <extracomment>Milliseconds of quiet typing before the search runs. Results shown at most (the store query's limit). changeId → its name in the current language (the panel sets it).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OrderSearch</name>
    <message>
        <source>Find an order: serviceOrderId, order code, contact name or id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter opens the exact id, else the first match; Down moves into the results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No order matches “%1”. Orders appear once an event for them was accepted; search by id, code, contact name or contact id.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>The first %n matches; type more to narrow them.</source>
        <translation><numerusform>The first %n matches; type more to narrow them.</numerusform><numerusform>The first %n matches; type more to narrow them.</numerusform></translation>
    </message>
</context>
<context>
    <name>OrgComposer</name>
    <message>
        <source>body is a list</source>
        <extracomment>What a fresh push starts with: the ids of the document's envelope sketch.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>body is an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ topic org/push/&lt;baseCode&gt;/&lt;org_id&gt;</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Accepted as push #%1: %n delivery(ies)</source>
        <translation><numerusform>Accepted as push #%1: %n delivery</numerusform><numerusform>Accepted as push #%1: %n deliveries</numerusform></translation>
    </message>
    <message>
        <source>no subscription takes type %1 from organisation %2: tick it under orgTypes in Subscriptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>org_id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The organisation the change happened in: the envelope's org_id, and the body's where it names it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who made the change (a user id)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>created_at = now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stamp the push with the time now (unix seconds)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The organisation push type (MessageType)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Push Studio · Flow</source>
        <extracomment>The window was closed (Esc, F11, or the window manager).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How a work-order event travels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Esc to leave</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for the first event: send one from Compose or the API.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>PASSED</source>
        <extracomment>Details shown under a failed expectation at most (the saved reports hold them all). What the runner writes when the user stopped the run. A work order's link was clicked: its serviceOrderId.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>STOPPED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 of %n expectation(s) held</source>
        <translation><numerusform>%1 of %n expectation held</numerusform><numerusform>%1 of %n expectations held</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n step(s) played</source>
        <translation><numerusform>%1 of %n step played</numerusform><numerusform>%1 of %n steps played</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) sent</source>
        <translation><numerusform>%n event sent</numerusform><numerusform>%n events sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation><numerusform>%n refused</numerusform><numerusform>%n refused</numerusform></translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stopped by you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Failed (%n)</source>
        <translation><numerusform>Failed (%n)</numerusform><numerusform>Failed (%n)</numerusform></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>step failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… and %n more</numerusform><numerusform>… and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Held (%n)</source>
        <translation><numerusform>Held (%n)</numerusform><numerusform>Held (%n)</numerusform></translation>
    </message>
    <message>
        <source>The file states no expectations.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: %n more</source>
        <translation><numerusform>%1: %n more</numerusform><numerusform>%1: %n more</numerusform></translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click one to open it in the Timeline.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the report as JUnit XML</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JUnit XML (*.xml)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the report as JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save JUnit XML…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One test case per expectation, for CI</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save JSON…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The whole report, for scripts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No report yet. Pick a scenario and press Run: the verdict shows here, the expectations that failed first, with why.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RichComposer</name>
    <message>
        <source>dest_type 1: an IM user, dest_id its userID as a number; the organisation is the URL's :org_id, not in the body. Read strictly, as the route reads it.</source>
        <extracomment>The organisation the message is sent in when the user names none (the URL's :org_id). The first numeric userID "New simulated user" makes.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued for %1, who is offline: the broker holds it (msgid %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a mobile push was recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent to %1 on $sktalent/clients/%1 (msgid %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulated user %1 is online and picked as the receiver.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulated user %1 is picked as the receiver; its phone is not online yet: the message would be queued and pushed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no IM server: it needs an MQTT broker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no IM users yet: make one with New simulated user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dest_id is a number: userID %1 cannot be addressed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulated users need the IM server and its broker.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No simulated user: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The IM user it goes to: dest_id is its userID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New simulated user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bring a simulated phone with a numeric userID online and send to it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>org_id (URL)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>POST /orgs/:org_id/messages: the receiver's organisation, carried to the receiver as org_id</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RoutingModel</name>
    <message>
        <source>delivered</source>
        <extracomment>Verdict → the outcome whose colour it takes (ui.theme).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ topic</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Row</name>
    <message>
        <source>not sent — type to add</source>
        <extracomment>How much of a field's Chinese description its label shows (the tooltip has it all).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>+ Add %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 from the body (not sent)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not in the spec's table for this changeId: kept as it is, and reported by validation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type in the spec: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A time as yyyyMMddHHmmss, e.g. 20190802161622</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not in the spec's table</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message>
        <source>⚠ cannot be played: see the errors</source>
        <extracomment>Progress bar units per step. Expectations listed under a scenario's description at most. True for a file that cannot be played (its second line is said in the error colour). Pixels around an item's two lines.</extracomment>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>This file cannot be played: %n mistake(s), each with its line and column.</source>
        <translation><numerusform>This file cannot be played: %n mistake, each with its line and column.</numerusform><numerusform>This file cannot be played: %n mistakes, each with its line and column.</numerusform></translation>
    </message>
    <message>
        <source>Fix the file and select it again: it is read anew each time. docs/scenarios.md describes the language.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>after step %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation><numerusform>%n step</numerusform><numerusform>%n steps</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n expectation(s)</source>
        <translation><numerusform>%n expectation</numerusform><numerusform>%n expectations</numerusform></translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… and %n more</numerusform><numerusform>… and %n more</numerusform></translation>
    </message>
    <message>
        <source>It expects:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a scenario above, or open a .yaml file of your own (docs/scenarios.md describes the language). Run plays it at full speed and shows the report below; Play as demo plays it slowly in the Flow panel's presentation, with a caption for each step.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a scenario</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scenarios (*.yaml *.yml *.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopping after the event under way…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The scenario could not run: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Setting up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking the expectations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform is starting: a scenario runs once it is up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick a scenario first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This file has mistakes (listed above): fix them to run it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play the scenario at full speed and check its expectations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play it slowly in the Flow panel's full-screen presentation, with a caption for each step; Esc there or Stop here ends the demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>en</source>
        <comment>language code for the core's messages: en or zh</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scenarios — samples and your files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a scenario file (.yaml) of your own</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seeds the generated work orders: the same seed sends the same events (default: the file's)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Play as demo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop after the event under way; the report says what was not checked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not run yet</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SimulatedDialog</name>
    <message>
        <source>Simulated subscriber %1</source>
        <extracomment>Statuses offered as the default answer; any other 100–599 can be typed.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create simulated subscriber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How %1 answers from now on. What it received so far is kept; the status sequence starts again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A stand-in for a subscriber's system on 127.0.0.1, and a subscription that calls it back, made together. Every request it receives shows in Live.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>baseCode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name in URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data areas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changeIds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Then answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failure rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry-After</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. HRZDWYWHXT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from the baseCode: …/sim/&lt;name&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fwwt, 10008 — or * for every data area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1, 5, 2, 3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 500, 500, 200 — one per request, in order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After the first answers: 410 Gone disables the subscription; 429/503 send Retry-After when set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chance of answering 500 instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>hang: the callback's timeout decides</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>seconds, sent with 429 and 503</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sign callbacks (a new whsec_ secret) and verify them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an HTTP status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>numbers separated by commas, e.g. 500, 500, 200</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 200, or 410 for Gone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>baseCode is required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the subscriber's code, e.g. HRZDWYWHXT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fix: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Copy token</source>
        <extracomment>How often the counters are redrawn, in milliseconds.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the API token (Authorization: Bearer …)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting the platform…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local HTTP API; every call but /api/health needs the token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform did not start: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>events %1 · delivered %2 · failed %3 · pending %4 · MQ %5 · IM %6 · pushes %7</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No broker: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>External broker %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Managed Mosquitto on port %1 · %n client(s) online</source>
        <translation><numerusform>Managed Mosquitto on port %1 · %n client online</numerusform><numerusform>Managed Mosquitto on port %1 · %n clients online</numerusform></translation>
    </message>
    <message>
        <source>API token copied</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SubscriptionEditor</name>
    <message>
        <source>baseCode</source>
        <extracomment>The fields with a place for an error under them, in form order (the contract's names). Rows of the orgTypes list in view before it scrolls. A subscription was saved from this form: its baseCode. The form's own subscription was deleted: its baseCode. The subscription loaded (None: a new one is being written). Unsaved form states by baseCode ("" for the new one), kept across selections. Our own save is under way: the bus's echo of it is not "changed elsewhere".</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data areas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changeIds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Org push types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Callback URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>data as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry schedule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Concurrency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ordering</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Auto-disable after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the subscriber's code, e.g. HRZDWYWHXT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Letters, digits, '_', '-' or '.': it is also the MQTT username and a level of wo/push/&lt;baseCode&gt;/&lt;dataArea&gt; and org/push/&lt;baseCode&gt;/&lt;org_id&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>shown in lists; the baseCode when empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fwwt, 10008 — or * for every data area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Organisation data-change pushes (orgTypes) this subscriber receives. Tick none for work-order events only; with some ticked, changeIds may stay empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>* for every organisation, or ids: 123, 456</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The organisations (org_id) whose pushes it receives (orgIds)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ topics</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick data areas from the catalogue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>http://127.0.0.1:9000/callback — empty: MQ topic only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a JSON string (the spec's table)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a JSON object (as the spec's examples show)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>whsec_… — empty: unsigned callbacks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show or hide the secret</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new random whsec_ secret (Standard Webhooks)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>seconds before each attempt, e.g. 0, 5, 30, 120; empty: no retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Callbacks in flight at once for this subscriber</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none — deliveries may overtake (fastest)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>per order — one order's events arrive in order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> failed deliveries in a row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send baseCode in the body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The spec marks baseCode 已失效: it is sent as "" unless this is on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Throw away the unsaved changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy MQ credentials</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replay failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send every failed delivery of this subscriber again, from attempt 1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not supported by the platform: routed only while "allow unsupported events" is on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(unsaved changes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy this subscriber's MQTT host, port, username, password and topic (JSON) to the clipboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only with the managed broker, once the subscription is saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A baseCode cannot change: press New to make another subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was changed elsewhere; Save will overwrite that change with this form.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was deleted; Save would create it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>work-order events on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>organisation pushes %1 on %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none: tick a changeId or an org push type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disabled: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a number of seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>numbers separated by commas, e.g. 0, 5, 30, 120</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name at least one data area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. fwwt, or * for every data area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tick at least one changeId or organisation push type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the events this subscriber receives</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is already an IM user's userID (MQTT usernames are shared)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>choose another baseCode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Created %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fix: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Not saved: %n problem(s), shown under the fields.</source>
        <translation><numerusform>Not saved: %n problem, shown under the fields.</numerusform><numerusform>Not saved: %n problems, shown under the fields.</numerusform></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Replaying %n failed delivery(ies).</source>
        <translation><numerusform>Replaying %n failed delivery.</numerusform><numerusform>Replaying %n failed deliveries.</numerusform></translation>
    </message>
    <message>
        <source>No managed broker is running, so there are no MQ credentials.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copied the MQTT account of %1 (topic %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete %1? Its deliveries stay in the history; new events no longer go to it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>* — every data area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SubscriptionTableModel</name>
    <message>
        <source>baseCode</source>
        <extracomment>The raw value a column sorts by (numbers as numbers, not as text). Health first after the code: in a narrow dock that is what shows without scrolling. The columns health updates touch.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Callback URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data areas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changeIds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The data areas it receives; * is every one (and, for organisation pushes, the organisations)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The events it receives: changeIds, and organisation push types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>enabled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>disabled: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The subscriber's code: its MQTT username and topic level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enabled, failing (the last attempts failed) or disabled, with why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deliveries that reached the subscriber since the platform started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attempts that failed in a row, most recent first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last HTTP status or error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deliveries queued, waiting to retry, in flight or held</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP callback and MQ topic, or the MQ topic only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where callbacks go (any password in it hidden)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A name for people</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP + MQ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>all (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>orgs: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>org pushes: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last attempt at %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>queued %1 · waiting to retry %2 · in flight %3 · held while disabled %4 · held for order %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 failed attempt(s) in all; %2 delivery(ies) in a row gave up (auto-disable after %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ topic wo/push/%1/&lt;dataArea&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MQ topic org/push/%1/&lt;org_id&gt; for organisation pushes</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message>
        <source>%1 answers at %2.</source>
        <extracomment>How often health is read from the dispatcher while the panel is visible (ms). From this width on, the table and the form sit side by side.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform is starting…

Subscriptions show here once the engine is up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No subscriptions yet.

Create simulated subscriber makes a stand-in system that answers as you say (delays, 500s, 410 Gone) and subscribes it in one go.
New registers your own system's callback URL, or an MQ-only subscriber.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by baseCode, name, URL or data area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a new subscription in the form below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create simulated subscriber…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A stand-in subscriber system on 127.0.0.1 that answers as you say, and a subscription calling it back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulated behaviour…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter Live to this subscriber's callbacks and MQ publishes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data areas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why not delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No subscriptions yet, so no event reaches anyone. Each cell will count the enabled subscriptions that receive that changeId in that data area.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Each cell counts the enabled subscriptions receiving that changeId in that data area (hover for their names; "+n": disabled ones that would). %n supported combination(s) reach nobody. Double-click a cell to see its traffic in Live.</source>
        <translation><numerusform>Each cell counts the enabled subscriptions receiving that changeId in that data area (hover for their names; "+n": disabled ones that would). %n supported combination reach nobody. Double-click a cell to see its traffic in Live.</numerusform><numerusform>Each cell counts the enabled subscriptions receiving that changeId in that data area (hover for their names; "+n": disabled ones that would). %n supported combinations reach nobody. Double-click a cell to see its traffic in Live.</numerusform></translation>
    </message>
    <message>
        <source>No simulated subscribers run in this process</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimeEditor</name>
    <message>
        <source>Pick a date and time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Order %1 has %2 events, more than the %3 this panel draws. Its story is in the command line: python main.py timeline %1</source>
        <extracomment>At most one redraw per this many milliseconds while messages for the order arrive. One more read this long after the last message: the IM log and pushes reach the store in batches a little after the bus announces them. Orders with more events than this are not drawn (one read must stay short).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event #%1 · changeId %2 %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · event #%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delivery to %1 · event #%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>IM notification to %1 · event #%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Track %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hang</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>WeCom message %1 this order was opened from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Anomaly at event #%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform is starting…

Once it is up, find a work order here by its id, code or contact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No events for order “%1” in this database.

Check the id, or search by code or contact above. An order appears once an event for it was accepted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find a work order above by its id, code, contact name or contact id, or double-click a row in Live to open its order here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No work orders yet.

Send a changeId 1 (生成工单) from Compose or POST /api/events; then find the order above by its id, code or contact, and follow each next event here as it arrives.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>created %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never created here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ended %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation><numerusform>%n event</numerusform><numerusform>%n events</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation><numerusform>%n track</numerusform><numerusform>%n tracks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n hang(s)</source>
        <translation><numerusform>%n hang</numerusform><numerusform>%n hangs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s)</source>
        <translation><numerusform>%n mark</numerusform><numerusform>%n marks</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(-ies)</source>
        <translation><numerusform>%n anomaly</numerusform><numerusform>%n anomalies</numerusform></translation>
    </message>
    <message>
        <source>read %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Anomalies (%n)</source>
        <translation><numerusform>Anomalies (%n)</numerusform><numerusform>Anomalies (%n)</numerusform></translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code for the core's messages: en or zh</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom out on time (−, Ctrl+wheel)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom in on time (+, Ctrl+wheel)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The whole order in view (0)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter the Live table to this order's messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continue in Compose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open this order's last event in Compose, to edit into the next step and send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Anomalies</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimelineScene</name>
    <message>
        <source>now</source>
        <extracomment>Pixels per second, at most and at least. Width of a collapsed gap on the axis. A quiet gap is collapsed when longer than this (seconds) and than twice the rest of the order: a sample order from 2019 with one event stamped today keeps its hours readable. An open track's bar runs to the wall clock when it is this close (seconds), else to the last time of the order: sample orders from 2019 should not stretch to today. WeCom's own green: the bubble on an event an order was opened from a WeCom message with. How much of a customer's words an order's title quotes (the tooltip has them all). Mark kind → (shape, outcome colour). Badge outcome → theme outcome colour. The axis' pieces (start, end) in seconds; between two, a collapsed gap. Which anomaly message to show: "en" or "zh" (the panel sets it). Names of changeIds, by language (the panel sets them from the catalogue). What is selected, as ``_identity`` says it; drawn as a dashed outline.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 without events, collapsed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ended %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>handled by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hang (hangStatus %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>still hung</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>planned until %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Callback to %1: %2 (%n attempt(s))</source>
        <translation><numerusform>Callback to %1: %2 (%n attempt)</numerusform><numerusform>Callback to %1: %2 (%n attempts)</numerusform></translation>
    </message>
    <message>
        <source>IM to %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>online, sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offline, held by the broker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile push to %1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from WeCom 微信客服 · customer %1: “%2”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opened from a WeCom customer-service message (微信客服)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>customer %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>servicer %1 · account %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sent %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UserDetail</name>
    <message>
        <source>Account</source>
        <extracomment>Rows each tab reads at most (newest first).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pushes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user as the API returns it, with its authSign and MQTT connection settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The latest IM messages from and to this user (newest first), as the IM server logged them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile pushes the Umeng gateway would have received while this user was offline (newest first)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The simulated phone: state, habits, counters and the latest messages it received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a user to see its account, messages and pushes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No IM messages from or to this user yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No pushes: one is recorded when a message reaches this user while the broker says it is offline.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Received (newest first):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A real client's account: Push Studio does not drive it. Connect MQTTX or the app with the settings under Account (Copy connection settings).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>userID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1001 records as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>App version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 110640113 (also its MQTT client id)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 噜噜噜 (the userID when empty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The app's distribution channel: an Umeng push tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Android</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>iOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>protobuf</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User ID</source>
        <extracomment>The role that gives each cell a value to sort by (numbers as numbers, unknown last). A phone simulated by this app (it can be driven); else a real client's account. The simulated phone's own state: online | connecting | offline (None: real client). The broker's word: connected, not connected, or None when it cannot tell. Messages published to the user while the broker said it was offline, since it was last seen online: what its persistent session holds for it. When the user last sent or was sent an IM message (unix seconds). Presence and what waits for the user first: what a tester looks at in a narrow dock.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pushes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>simulated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>real</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Android</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>iOS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>phone %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The broker does not say who is connected, so presence is unknown and no pushes are recorded (see the status bar)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The phone dropped off the network without a DISCONNECT: the broker holds it as connected until its keepalive runs out (about 45 s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who is online is the broker's word, not the client's</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages the broker holds in this user's session until it connects again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile pushes recorded for this user while it was offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A phone simulated by Push Studio: it can be taken offline and made to chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An account for a real MQTT client (MQTTX, the app): copy its connection settings</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>not JSON: %1</source>
        <extracomment>How often the table catches up with presence, phones and the bus counters (ms). Users whose presence is asked each refresh besides the ones the bus marked (a rotating window: ten thousand users are all looked at within twenty seconds, none stalls a frame). Peers offered in the "Chat with" menu.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The broker refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n notification(s) sent</source>
        <translation><numerusform>%n notification sent</numerusform><numerusform>%n notifications sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n queued for offline users</source>
        <translation><numerusform>%n queued for offline users</numerusform><numerusform>%n queued for offline users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n push(es) recorded</source>
        <translation><numerusform>%n push recorded</numerusform><numerusform>%n pushes recorded</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Starting %n simulated user(s)…</source>
        <translation><numerusform>Starting %n simulated user…</numerusform><numerusform>Starting %n simulated users…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Started %n simulated user(s)</source>
        <translation><numerusform>Started %n simulated user</numerusform><numerusform>Started %n simulated users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused by the broker (see each user's Phone tab)</source>
        <translation><numerusform>%n refused by the broker (see each user's Phone tab)</numerusform><numerusform>%n refused by the broker (see each user's Phone tab)</numerusform></translation>
    </message>
    <message>
        <source>Created %1: copy its connection settings to connect a client as it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was saved: fix the field marked above</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>authSign of %1 copied (it is the MQTT password)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection settings of %1 copied: host, port, clientId = username = userID, password = authSign, cleanSession off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not rotate %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New authSign for %1; the old one no longer connects</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its simulated phone keeps the old one and is refused when it reconnects, as an app would be until it logs in again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a real client: only its own app can disconnect it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 dropped off the network without a DISCONNECT: the broker sees an unclean disconnect (a will would be published)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 went offline: messages to it are now queued and pushed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a real client: connect it from its own app</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The broker refused %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a real client: its habits are its own</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Habits of %1 changed</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n user(s) deleted</source>
        <translation><numerusform>%n user deleted</numerusform><numerusform>%n users deleted</numerusform></translation>
    </message>
    <message>
        <source>Delete users</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete %n IM user(s)? Their accounts stop working at once; messages and pushes already logged stay.</source>
        <translation><numerusform>Delete %n IM user? Their accounts stop working at once; messages and pushes already logged stay.</numerusform><numerusform>Delete %n IM users? Their accounts stop working at once; messages and pushes already logged stay.</numerusform></translation>
    </message>
    <message>
        <source>Chat with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nobody else yet: add a second user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>…or select two users and press Chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On the chat page (answers received: ✓✓)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show this user's messages in Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No simulated app users in this process: this build runs without the crowd</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No IM server: the broker is not running. Install and start Mosquitto (./dev installs it), or start Push Studio with --broker mqtt://host:port.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The platform is starting: the broker and the IM server come up in a moment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No IM users yet.

Start simulated users: phones that connect exactly as the spec says, chat, and come and go. Or add a user that a real client (MQTTX, the app) connects as, with the settings this panel copies for you.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation><numerusform>%n user</numerusform><numerusform>%n users</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n online</source>
        <translation><numerusform>%n online</numerusform><numerusform>%n online</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n simulated</source>
        <translation><numerusform>%n simulated</numerusform><numerusform>%n simulated</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued</source>
        <translation><numerusform>%n message queued</numerusform><numerusform>%n messages queued</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n shown by the filter</source>
        <translation><numerusform>%n shown by the filter</numerusform><numerusform>%n shown by the filter</numerusform></translation>
    </message>
    <message>
        <source>Start simulated users…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create IM users and bring simulated phones online for them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add user…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An IM user for a real client (MQTTX, the app) to connect as</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter by userID or name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start 5 simulated users…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a user…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a chat: select two users, or one and pick the other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy authSign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The user's MQTT password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Host, port, clientId, username, password (authSign), keepalive, cleanSession and topics, as JSON: what to paste into MQTTX</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disconnect the simulated phone cleanly; the arrow offers dropping off the network</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop off the network (no DISCONNECT)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bring online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rotate authSign</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new authSign; the old one stops working and a connected client is let go</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Notify…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send a server notification (order, note, feedback, expert) to the selected users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WecomComposer</name>
    <message>
        <source>an event: open_kfid and external_userid sit inside event</source>
        <extracomment>The customer and the customer-service account a fresh message is from and to: the constructed examples' own. How much of a message a verdict line quotes. Messages a verdict lists at most (the rest are counted; Live shows them all). Seconds between a simulated conversation's items: Live shows them arrive one by one. The last customer text taken in: what "Open a work order" opens one from. Simulated conversations, a new customer each time (one seed per session).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a message: origin 3 the customer, 5 a servicer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work order %1 opened from message %2 (event #%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Taken in: %n message(s) stored</source>
        <translation><numerusform>Taken in: %n message stored</numerusform><numerusform>Taken in: %n messages stored</numerusform></translation>
    </message>
    <message>
        <source>Open a work order from this message</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… and %n more</numerusform><numerusform>… and %n more</numerusform></translation>
    </message>
    <message>
        <source>kept out: %1 — press New for a fresh msgid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>session of %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show in Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The WeCom desk is not running yet.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>A simulated conversation with %1 (%2): %n item(s) taken in. Its first text is shown: open a work order from it.</source>
        <translation><numerusform>A simulated conversation with %1 (%2): %n item taken in. Its first text is shown: open a work order from it.</numerusform><numerusform>A simulated conversation with %1 (%2): %n items taken in. Its first text is shown: open a work order from it.</numerusform></translation>
    </message>
    <message>
        <source>Send a customer's text first: an order opens from a message the desk has taken in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The customer's external_userid (wm…)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The customer-service account, open_kfid (wk…)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Simulate a conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A resident reports a problem to the front desk on 微信客服: the whole conversation is taken in, message by message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File a changeId 1 from the customer's last text taken in, and show it in the Timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The message type (msgtype), or the event</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>WhyWidget</name>
    <message>
        <source>every subscription</source>
        <extracomment>Latest stored events offered in the picker.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stored event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste a body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an eventId, e.g. 42</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{"changeId": "1", "dataArea": "fwwt", "data": {…}} — an API body or a callback body</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Explain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open in Compose</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open order in Timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick an event — one of the latest, an eventId, or a pasted body — and a subscription, then Explain: the engine says whether the subscription receives it, and every reason if not.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste an event body first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The body is not JSON: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No events are stored yet: send one (Compose, or POST /api/events), or paste a body.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event id: %1 is not a number; an eventId is what POST /api/events answered, e.g. 42</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event id: there is no event %1 in this database.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Subscription: there is no subscription %1 (any more).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The engine refuses this event (%1), so no subscription gets it:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No subscriptions yet: nobody receives any event. Create one (New, or Create simulated subscriber).</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Received by %1 of %n subscription(s).</source>
        <translation><numerusform>Received by %1 of %n subscription.</numerusform><numerusform>Received by %1 of %n subscriptions.</numerusform></translation>
    </message>
    <message>
        <source>When event %1 was accepted:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no subscription matched it; no delivery was recorded.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: %2 after %n attempt(s)</source>
        <translation><numerusform>%1: %2 after %n attempt</numerusform><numerusform>%1: %2 after %n attempts</numerusform></translation>
    </message>
</context>
</TS>