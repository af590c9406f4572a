"""The Live panel's detail pane: one row's message seen every way a tester needs it.

JSON (a tree; ``data`` sent as a string is opened up; binary protobuf decoded), Raw (the
text as it travelled), HTTP (a callback's URL, request headers, what a receiver would make
of the signature, and the answer), Hex (the bytes: protobuf on the wire, or the UTF-8 of a
JSON message), Diff (against the previous message of the same order in the table) and
Details (what else is known). Raw's context menu sends the message to the Inspector
(``inspect_requested``).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QWidget

from app.delivery.signing import verdict
from app.im.wire import decode_notify, decode_sync
from app.json_diff import describe, diff
from app.live import LiveRow
from ui.json_tree import JsonTree

#: Bytes shown in the hex tab at most (a dump of megabytes helps nobody and costs seconds).
HEX_LIMIT = 64 * 1024


class LiveDetail(QTabWidget):
    #: Raw's "Inspect" was chosen: the row's message, as ``inspectable`` makes it.
    inspect_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.tree = JsonTree()
        self.raw, self.http, self.hex, self.diff, self.meta = (
            _text(mono) for _ in range(5))
        for widget in (self.tree, self.raw, self.http, self.hex, self.diff, self.meta):
            self.addTab(widget, "")
        self.raw.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.raw.customContextMenuRequested.connect(self._on_raw_context_menu)
        #: The secret a subscription signs with (None: unsigned, or unknown).
        self.secret_for: Callable[[str], str | None] = lambda _base_code: None
        self.row: LiveRow | None = None
        self.previous: LiveRow | None = None

    def retranslate(self) -> None:
        for i, text in enumerate((self.tr("JSON"), self.tr("Raw"), self.tr("HTTP"),
                                  self.tr("Hex"), self.tr("Diff"), self.tr("Details"))):
            self.setTabText(i, text)
        if self.row is not None:
            self.show_row(self.row, self.previous)

    def show_row(self, row: LiveRow, previous: LiveRow | None = None) -> None:
        """Show ``row``; ``previous`` is the message of the same order before it, if any."""
        self.row, self.previous = row, previous
        doc, meta = message_of(row), row.meta
        self.tree.show_value(doc if doc is not None else meta)
        if row.binary:
            self.raw.setPlainText(self.tr("Binary protobuf, shown as base64 (the Hex tab has "
                                          "the bytes, the JSON tab decodes it):") + "\n"
                                  + row.raw)
        else:
            self.raw.setPlainText(_pretty(row.raw) if row.raw else self.tr(
                "No message body: this row records what happened to one."))
        self.http.setPlainText(self._http(row))
        self.hex.setPlainText(self._hex(row))
        self.diff.setPlainText(self._diff(row, previous))
        self.meta.setPlainText(json.dumps(
            {"kind": row.kind, "outcome": row.outcome, "topic": row.topic, "who": row.who,
             "order": row.order, **meta}, ensure_ascii=False, indent=2, default=str))

    def _on_raw_context_menu(self, point: QPoint) -> None:
        menu = self.raw.createStandardContextMenu()
        payload = inspectable(self.row) if self.row is not None else None
        if payload is not None:
            menu.addSeparator()
            action = menu.addAction(self.tr("Inspect this message"))
            action.triggered.connect(lambda: self.inspect_requested.emit(payload))
        menu.popup(self.raw.viewport().mapToGlobal(point))
        menu.aboutToHide.connect(menu.deleteLater)

    def _http(self, row: LiveRow) -> str:
        if row.kind != "callback":
            return self.tr("Not an HTTP callback: %1 rows travel over MQTT or stay inside "
                           "the platform, so there are no headers.").replace("%1", row.kind)
        meta = row.meta
        headers: dict[str, str] = meta.get("requestHeaders") or {}
        lines = [f"POST {meta.get('url') or '?'}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines.append("")
        if headers:
            check = verdict(self.secret_for(row.who), headers, row.raw.encode())
            lines.append(self.tr("Signature: %1").replace("%1", self._verdict(check)))
        else:
            lines.append(self.tr("Request headers were not recorded for this row "
                                 "(rows read back from history keep the answer only)."))
        status = meta.get("statusCode")
        lines.append("")
        lines.append(self.tr("Answer: %1").replace(
            "%1", f"HTTP {status}" if status is not None else str(meta.get("error"))))
        if meta.get("response"):
            lines.append(str(meta["response"]))
        return "\n".join(lines)

    def _verdict(self, check: str) -> str:
        if check == "valid":
            return self.tr("valid (checked with the subscription's secret, as a receiver "
                           "using standardwebhooks would)")
        if check == "unsigned":
            return self.tr("unsigned (the subscription has no secret)")
        if check.startswith("signed, but"):
            return self.tr("signed, but the secret is not known here to check it")
        return check

    def _hex(self, row: LiveRow) -> str:
        data = raw_bytes(row)
        if not data:
            return self.tr("No bytes: this row carries no message.")
        shown = data[:HEX_LIMIT]
        text = hexdump(shown)
        if len(data) > len(shown):
            text += "\n" + self.tr("… %1 more bytes not shown").replace(
                "%1", str(len(data) - len(shown)))
        return text

    def _diff(self, row: LiveRow, previous: LiveRow | None) -> str:
        if not row.order:
            return self.tr("This row belongs to no work order, so there is nothing to "
                           "compare it with.")
        if previous is None:
            return self.tr("The first %1 message of order %2 in the table: nothing before it "
                           "to compare with.").replace("%1", row.kind).replace("%2", row.order)
        old, new = message_of(previous), message_of(row)
        if old is None or new is None:
            return self.tr("One of the two messages is not JSON; compare them in Raw.")
        changes = diff(old, new)
        head = self.tr("Against the previous %1 message of order %2 (%3):").replace(
            "%1", row.kind).replace("%2", row.order).replace("%3", previous.summary)
        if not changes:
            return head + "\n\n" + self.tr("Identical.")
        return head + "\n\n" + "\n".join(describe(c) for c in changes)


def message_of(row: LiveRow) -> Any:
    """The row's message as a JSON value: parsed text, a decoded protobuf record, or None."""
    if not row.raw:
        return None
    if row.binary:
        try:
            record = decode_sync(base64.b64decode(row.raw))
        except (ValueError, binascii.Error):
            return None
        content = record.get("content")
        if isinstance(content, bytes):
            try:
                record["content"] = decode_notify(content, is_pb=True)
            except Exception:  # protobuf raises its own DecodeError, not a ValueError
                record["content"] = base64.b64encode(content).decode()
        return record
    try:
        doc = json.loads(row.raw)
    except ValueError:
        return None
    if isinstance(doc, dict) and isinstance(doc.get("data"), str):
        # data sent as a JSON string (dataEncoding "string"): compare what it holds
        with contextlib.suppress(ValueError):
            doc = {**doc, "data": json.loads(doc["data"])}
    return doc


def inspectable(row: LiveRow) -> str | None:
    """The row's message as the Inspector reads it: a callback with its recorded request
    line and headers (so its signature can be checked), a decoded protobuf as JSON, else the
    text as it travelled; None when the row carries no message."""
    if not row.raw:
        return None
    if row.binary:
        doc = message_of(row)
        return None if doc is None else json.dumps(doc, ensure_ascii=False, indent=2,
                                                    default=str)
    headers = row.meta.get("requestHeaders") if row.kind == "callback" else None
    if headers and row.meta.get("url"):
        head = [f"POST {row.meta['url']} HTTP/1.1"]
        head += [f"{name}: {value}" for name, value in headers.items()]
        return "\n".join(head) + "\n\n" + row.raw
    return row.raw


def raw_bytes(row: LiveRow) -> bytes:
    if row.binary:
        try:
            return base64.b64decode(row.raw)
        except (ValueError, binascii.Error):
            return row.raw.encode()
    return row.raw.encode("utf-8")


def hexdump(data: bytes, width: int = 16) -> str:
    """``00000010  7b 22 61 22 …  {"a"…``: offset, bytes, printable ASCII."""
    lines = []
    for offset in range(0, len(data), width):
        chunk = data[offset:offset + width]
        hexes = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{offset:08x}  {hexes:<{width * 3 - 1}}  {text}")
    return "\n".join(lines)


def _text(font: Any) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setFont(font)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return edit


def _pretty(raw: str) -> str:
    try:
        return json.dumps(json.loads(raw), ensure_ascii=False, indent=2)
    except ValueError:
        return raw
