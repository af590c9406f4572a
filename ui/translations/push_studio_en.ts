<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ComposePanel</name>
    <message>
        <source>This panel is on its way.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FlowPanel</name>
    <message>
        <source>This panel is on its way.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FlowScene</name>
    <message>
        <source>Event sources</source>
        <extracomment>Subscriber rows drawn one by one; the rest share the last row ("+N more"). Column x positions: sources, router, topics (and IM server), callback service, subscribers. Points sampled along each edge, so a moving dot interpolates instead of measuring curves. An outcome name (ui.theme) for the status dot, "off" for grey, None for none. 0..1, raised when a message arrives and fading with the animation. 0..1, raised when messages pass without a dot of their own (aggregated). A node was double-clicked: its key ("sub:HRZ", "topic:HRZ", "im", "push" …). baseCode → the row key its messages travel in (its own, or MORE).</extracomment>
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
        <source>MQ topic · QoS 1</source>
        <translation type="unfinished" />
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
    <name>LiveDetail</name>
    <message>
        <source>JSON</source>
        <extracomment>Bytes shown in the hex tab at most (a dump of megabytes helps nobody and costs seconds). The secret a subscription signs with (None: unsigned, or unknown).</extracomment>
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
        <source>Field</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
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
        <extracomment>How often the panel takes new rows from the feed, in milliseconds. Rows taken per flush at most; the rest come with the next ones. How far back the diff looks for the previous message of the same order (rows). How often history mode counts the rows written since, in milliseconds.</extracomment>
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
        <source>Export rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;CSV (*.csv)</source>
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
        <extracomment>Docks around the Live table, in the order of their Alt+N shortcuts.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
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
    <message>
        <source>Managed Mosquitto on port %1 · %2 client(s) online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API token copied</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SubscriptionTableModel</name>
    <message>
        <source>baseCode</source>
        <extracomment>The raw value a column sorts by (numbers as numbers, not as text). The columns health updates touch.</extracomment>
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
        <source>Failures in a row</source>
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
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message>
        <source>This panel is on its way.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>This panel is on its way.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>This panel is on its way.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>