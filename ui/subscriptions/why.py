""""Why not delivered": pick an event and a subscription, read the engine's verdict.

The event is a stored one (by id, or from the latest events) or a body pasted in. The verdict
is ``Engine.explain``'s — the body prepared exactly as ``submit`` would, nothing stored — so
what this says is what the router does. For a stored event it also says what happened at the
time (its deliveries), since subscriptions may have changed since.
"""

from __future__ import annotations

import html
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.catalog.envelope import JsonProblem, loads
from ui import theme

if TYPE_CHECKING:
    from app.platform import Platform
    from ui.hub import Hub

#: Latest stored events offered in the picker.
LATEST = 50


class WhyWidget(QWidget):
    """Scriptable: ``explain_event(event_id, base_code=None)`` and ``explain_body(body,
    base_code=None)`` return the verdicts as JSON (and show them); ``result`` is the text."""

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.platform: Platform | None = None
        self.last: dict[str, Any] | None = None
        self._body: Any = None
        self._order: str | None = None

        self.source = QTabWidget()
        stored = QWidget()
        self.latest = QComboBox()
        self.latest.setMinimumContentsLength(20)
        self.latest.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reload = QPushButton()
        self.event_id = QLineEdit()
        stored_form = QFormLayout(stored)
        latest_row = QHBoxLayout()
        latest_row.addWidget(self.latest, 1)
        latest_row.addWidget(self.reload)
        self.latest_label = QLabel()
        self.id_label = QLabel()
        stored_form.addRow(self.latest_label, latest_row)
        stored_form.addRow(self.id_label, self.event_id)
        self.body = QPlainTextEdit()
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source.addTab(stored, "")
        self.source.addTab(self.body, "")
        self.source.setMaximumHeight(140)

        self.subscription = QComboBox()
        self.subscription.setMinimumContentsLength(14)
        self.subscription.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.go = QPushButton()
        self.go.setDefault(True)
        self.compose = QPushButton()
        self.timeline = QPushButton()
        self.sub_label = QLabel()
        pick = QHBoxLayout()
        pick.addWidget(self.sub_label)
        pick.addWidget(self.subscription, 1)
        pick.addWidget(self.go)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.result = QTextBrowser()
        self.result.setOpenLinks(False)
        more = QHBoxLayout()
        more.addWidget(self.compose)
        more.addWidget(self.timeline)
        more.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addLayout(pick)
        layout.addWidget(self.problem)
        layout.addWidget(self.result, 1)
        layout.addLayout(more)

        self.go.clicked.connect(self.run)
        self.event_id.returnPressed.connect(self.run)
        self.latest.activated.connect(self._latest_picked)
        self.reload.clicked.connect(self.refresh)
        self.compose.clicked.connect(lambda: self.hub.compose.emit(self._body)
                                     if self._body is not None else None)
        self.timeline.clicked.connect(lambda: self.hub.open_order.emit(self._order)
                                      if self._order else None)
        self.retranslate()
        self._update_actions()

    def attach(self, platform: Platform) -> None:
        self.platform = platform
        self.refresh()

    def refresh(self) -> None:
        """Reload the latest events and the subscriptions (bounded: LATEST rows)."""
        if self.platform is None:
            return
        store = self.platform.engine.store
        current = self.latest.currentData()
        self.latest.clear()
        if store is not None:
            count = store.history_count("event")
            rows = store.history_page("event", max(0, count - LATEST), LATEST)
            for row in reversed(rows):
                at = time.strftime("%H:%M:%S", time.localtime(row["received_at"]))
                order = row.get("service_order_id") or "—"
                self.latest.addItem(f"#{row['id']} · {at} · changeId {row['change_id']} · "
                                    f"{row['data_area']} · {order}", row["id"])
        if current is not None:
            self.latest.setCurrentIndex(max(self.latest.findData(current), 0))
        chosen = self.subscription.currentData()
        self.subscription.clear()
        self.subscription.addItem(self.tr("every subscription"), None)
        for sub in self.platform.engine.subscriptions():
            self.subscription.addItem(f"{sub.base_code} — {sub.name}"
                                      if sub.name != sub.base_code else sub.base_code,
                                      sub.base_code)
        self.subscription.setCurrentIndex(max(self.subscription.findData(chosen), 0))
        self._update_actions()

    def retranslate(self) -> None:
        self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
        self.source.setTabText(0, self.tr("Stored event"))
        self.source.setTabText(1, self.tr("Paste a body"))
        self.latest_label.setText(self.tr("Latest"))
        self.id_label.setText(self.tr("Event id"))
        self.event_id.setPlaceholderText(self.tr("an eventId, e.g. 42"))
        self.reload.setText(self.tr("Reload"))
        self.body.setPlaceholderText(self.tr(
            '{"changeId": "1", "dataArea": "fwwt", "data": {…}} — an API body or a callback '
            "body"))
        self.sub_label.setText(self.tr("Subscription"))
        self.go.setText(self.tr("Explain"))
        self.compose.setText(self.tr("Open in Compose"))
        self.timeline.setText(self.tr("Open order in Timeline"))
        if self.subscription.count():
            self.subscription.setItemText(0, self.tr("every subscription"))
        if self.last is None:
            self.result.setPlaceholderText(self.tr(
                "Pick an event — one of the latest, an eventId, or a pasted body — and a "
                "subscription, then Explain: the engine says whether the subscription receives "
                "it, and every reason if not."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # a translator came or went
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
            if self.last is not None:
                self._render(self.last)
        super().changeEvent(event)

    # --- explaining ----------------------------------------------------------------------------

    def run(self) -> dict[str, Any] | None:
        """Explain what the form names (the Explain button)."""
        code = self.subscription.currentData()
        if self.source.currentIndex() == 1:
            text = self.body.toPlainText().strip()
            if not text:
                return self._fail(self.tr("Paste an event body first."))
            try:
                body = loads(text, "the body")
            except JsonProblem as problem:
                return self._fail(self.tr("The body is not JSON: %1").replace("%1", str(problem)))
            return self.explain_body(body, code)
        text = self.event_id.text().strip().lstrip("#")
        if not text:
            data = self.latest.currentData()
            if data is None:
                return self._fail(self.tr("No events are stored yet: send one (Compose, or "
                                          "POST /api/events), or paste a body."))
            text = str(data)
        if not text.isdigit():
            self.event_id.setFocus()
            return self._fail(self.tr("Event id: %1 is not a number; an eventId is what "
                                      "POST /api/events answered, e.g. 42").replace("%1",
                                                                                   repr(text)))
        return self.explain_event(int(text), code)

    def explain_event(self, event_id: int, base_code: str | None = None
                      ) -> dict[str, Any] | None:
        """The verdicts for a stored event (and its deliveries at the time)."""
        if self.platform is None:
            return None
        row = self.platform.engine.event(event_id)
        if row is None:
            return self._fail(self.tr("Event id: there is no event %1 in this database.")
                              .replace("%1", str(event_id)))
        body = {"changeId": row["change_id"], "dataArea": row["data_area"], "data": row["data"]}
        history = [{"baseCode": d["base_code"], "status": d["status"],
                    "attempts": d["attempts"], "lastError": d["last_error"]}
                   for d in row.get("deliveries", [])]
        return self._explain(body, base_code, event_id=event_id, history=history,
                             order=row.get("service_order_id"))

    def explain_body(self, body: Any, base_code: str | None = None) -> dict[str, Any] | None:
        """The verdicts for an event body that need not be stored."""
        order = None
        if isinstance(body, dict) and isinstance(body.get("data"), dict):
            order = body["data"].get("serviceOrderId")
        return self._explain(body, base_code, order=order if isinstance(order, str) else None)

    def _explain(self, body: Any, base_code: str | None, *, event_id: int | None = None,
                 history: list[dict[str, Any]] | None = None, order: str | None = None
                 ) -> dict[str, Any] | None:
        assert self.platform is not None
        engine = self.platform.engine
        if base_code is not None and engine.index.get(base_code) is None:
            return self._fail(self.tr("Subscription: there is no subscription %1 (any more).")
                              .replace("%1", base_code))
        try:
            refusal, explanations = engine.explain(
                body, None if base_code is None else [base_code])
        except ValueError as error:
            return self._fail(str(error))
        out: dict[str, Any] = {
            "eventId": event_id, "baseCode": base_code,
            "refused": None if refusal is None else {
                "reason": refusal.reason, "errors": [f.to_json() for f in refusal.findings]},
            "explanations": [e.to_json() for e in explanations],
            "history": history}
        self._body, self._order = body, order
        self.problem.setVisible(False)
        self.last = out
        self._render(out)
        self._update_actions()
        return out

    def _fail(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)
        return None

    def _render(self, out: dict[str, Any]) -> None:
        ok, bad = theme.strong("ok").name(), theme.strong("failed").name()
        muted = self.palette().color(self.palette().ColorRole.PlaceholderText).name()
        parts: list[str] = []
        esc = html.escape
        explanations = out["explanations"]
        if out["refused"]:
            parts.append(f"<p style='color:{bad}'><b>" + esc(self.tr(
                "The engine refuses this event (%1), so no subscription gets it:").replace(
                "%1", out["refused"]["reason"])) + "</b></p><ul>")
            for f in out["refused"]["errors"][:20]:
                hint = f" — {esc(f['hint'])}" if f.get("hint") else ""
                parts.append(f"<li><code>{esc(f['path'] or '$')}</code>: "
                             f"{esc(f['message'])}{hint}</li>")
            parts.append("</ul>")
        if not explanations:
            parts.append("<p>" + esc(self.tr(
                "No subscriptions yet: nobody receives any event. Create one (New, or Create "
                "simulated subscriber).")) + "</p>")
        else:
            received = sum(1 for e in explanations if e["matched"])
            parts.append("<p><b>" + esc(self.tr(
                "Received by %1 of %n subscription(s).", "", len(explanations)).replace(
                "%1", str(received))) + "</b></p>")
        # The ones that do not receive it first: that is what the user came to read.
        for e in sorted(explanations, key=lambda e: e["matched"]):
            mark, colour = ("✓", ok) if e["matched"] else ("✗", bad)
            parts.append(f"<p style='margin:6px 0 0 0'><span style='color:{colour}'><b>{mark} "
                         f"{esc(e['baseCode'])}</b></span>: {esc(e['messages'][0])}<br>"
                         f"<span style='color:{muted}'>{esc(e['messagesZh'][0])}</span>")
            for en, zh in list(zip(e["messages"], e["messagesZh"], strict=True))[1:]:
                parts.append(f"<br>&nbsp;&nbsp;{esc(self.tr('also:'))} {esc(en)}<br>"
                             f"&nbsp;&nbsp;<span style='color:{muted}'>{esc(zh)}</span>")
            parts.append("</p>")
        history = out.get("history")
        if history is not None:
            parts.append("<hr><p><b>" + esc(self.tr("When event %1 was accepted:").replace(
                "%1", str(out["eventId"]))) + "</b><br>")
            if not history:
                parts.append(esc(self.tr("no subscription matched it; no delivery was "
                                         "recorded.")))
            for d in history:
                line = self.tr("%1: %2 after %n attempt(s)", "", d["attempts"]).replace(
                    "%1", d["baseCode"]).replace("%2", d["status"])
                if d.get("lastError"):
                    line += f" — {d['lastError']}"
                parts.append(esc(line) + "<br>")
            parts.append("</p>")
        self.result.setHtml("".join(parts))

    def _latest_picked(self, _index: int) -> None:
        self.event_id.clear()
        self.run()

    def _update_actions(self) -> None:
        up = self.platform is not None
        self.go.setEnabled(up)
        self.reload.setEnabled(up)
        self.compose.setEnabled(self._body is not None)
        self.timeline.setEnabled(bool(self._order))
