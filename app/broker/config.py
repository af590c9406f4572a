"""The managed Mosquitto's configuration, every limit chosen on purpose.

Mosquitto's defaults would lose messages silently: ``max_queued_messages 1000`` drops QoS 1
messages for a slow subscriber beyond a thousand. We queue far more, and the broker's own
counters ($SYS/broker/publish/messages/dropped …) are read and shown, so a drop is never
silent.
"""

from __future__ import annotations

import os
from pathlib import Path

#: QoS 1 messages queued per client while it is slow or away (default 1000).
MAX_QUEUED_MESSAGES = 100_000
#: QoS 1 messages in flight per client before the broker waits for PUBACKs (default 20).
MAX_INFLIGHT_MESSAGES = 100


def render(*, host: str, port: int, directory: Path, plugin: str) -> str:
    lines = [
        "# Written by Push Studio at every start; edit the settings in Push Studio instead.",
        f"listener {port} {host}",
        "allow_anonymous false",
        # Accounts, client-id binding and ACLs: the dynamic-security plugin (app.broker.dynsec).
        f"plugin {plugin}",
        f"plugin_opt_config_file {directory / 'dynamic-security.json'}",
        "persistence true",
        f"persistence_location {directory / 'data'}{os.sep}",
        # Sessions and queued messages reach disk every 5 s (and at a clean stop): a broker
        # killed outright loses what came in since. The outbox in SQLite is the record.
        "autosave_interval 5",
        f"max_queued_messages {MAX_QUEUED_MESSAGES}",
        "max_queued_bytes 0",
        f"max_inflight_messages {MAX_INFLIGHT_MESSAGES}",
        "sys_interval 5",
        # IM traffic is small messages answered at once (a chat, its `sent`): with Nagle's
        # algorithm on, each waits for the client's delayed ACK, about 40 ms on Linux.
        "set_tcp_nodelay true",
        # A file, not stdout: Mosquitto flushes its log file at every line, but block-buffers
        # a piped stdout, and the app follows the log to know who is connected.
        f"log_dest file {directory / 'mosquitto.log'}",
        "log_type error",
        "log_type warning",
        "log_type notice",
        "log_type information",
        "connection_messages true",
        "log_timestamp true",
        "log_timestamp_format %Y-%m-%dT%H:%M:%S",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Started as root, Mosquitto drops to the `mosquitto` user, who cannot read our
        # files in root's data dir: stay who started it.
        lines.append("user root")
    return "\n".join(lines) + "\n"
