<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LiveModel</name>
    <message>
        <source>Time</source>
        <extracomment>Rows the table holds; older ones are paged out (the core&apos;s feed and the database keep them). Outcome → (light theme, dark theme) background; chosen for contrast with the text colour.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Text</source>
        <extracomment>How often the panel takes new rows from the feed, in milliseconds. Rows taken per flush at most; the rest come with the next ones.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MQTT topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: text, a regex, or an MQTT topic such as wo/push/+/fwwt (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop taking new rows; none are lost while paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll to each new row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has moved yet.

Send an event (Compose, or POST /api/events), create IM users or simulated app users, and every event, callback, MQ publish, IM message and push appears here as it happens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown by the filter</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older row(s) out of the window (kept in the database)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>protobuf, base64:
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Push Studio · 推送工作台</source>
        <extracomment>Docks around the Live table: object name → what its empty state says for now.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users · clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composing events in the window is on its way. Today: POST /api/events, or python main.py send FILE; check a body with python main.py validate FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription editor is on its way. Today: POST /api/subscriptions, or python main.py subscriptions add FILE; why an event did not reach a subscriber: python main.py explain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn timelines are on their way. Today: python main.py timeline ORDER, or GET /api/orders/{id}/timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The animated flow is on its way; the Live table shows every step meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The users panel is on its way. Today: POST /api/users and POST /api/simulated-users (see the README).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Copy token</source>
        <extracomment>How often the counters are redrawn, in milliseconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the API token (Authorization: Bearer …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local HTTP API; every call but /api/health needs the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events %1 · delivered %2 · failed %3 · pending %4 · MQ %5 · IM %6 · pushes %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No broker: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External broker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed Mosquitto on port %1 · %2 client(s) online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
