"""The IM server of spec/mqtt-im-protocol.md and spec/im-repair-status-notify.txt."""
