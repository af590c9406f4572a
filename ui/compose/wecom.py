"""Compose a WeCom customer-service sync message (spec/wecom-kf-syncmsg.txt, 微信客服) and take
it in as the platform does, then open a work order from what a customer wrote.

One msg_list item of a type — text, image … miniprogram, or an event (enter_session,
msg_send_fail, servicer_status_change, session_status_change) — starts from the constructed
example of its type with a fresh msgid, ``send_time`` now, and the customer and the
customer-service account from the fields above the JSON (for an event they sit inside
``event``). The JSON may also be a list of items or a whole sync_msg response. Findings are
the desk's own reading (``KfService.read``, the engine's validation mode), and Send is
``KfService.ingest(source="compose")``, the path of ``POST /api/wecom/messages``: all or
nothing, a msgid already stored kept out and said.

A customer's text, once taken in, can open a work order: "Open a work order from this
message" (``KfService.open_order``, as ``POST /api/wecom/messages/{msgid}/order``) files a
changeId 1 and shows the new order in the Timeline, which marks where it came from.

"Simulate a conversation" plays one of simulator/wecom.py's conversations — a resident
enters a session, reports a problem with a photo and a location, servicers answer and hand
over, the session ends — into the desk item by item (Live shows them arrive), then opens the
customer's first text here, ready to open a work order from.

Scriptable, beyond ui/compose/family.py: ``await open_order(msgid=None)`` (None: the text
shown if it is stored, else the last customer text taken in), ``await simulate(pace=0)``,
``set_customer("wm…")``; widgets ``customer``, ``account``, ``open_order_button``,
``simulate_button``.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import secrets
import time
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.catalog import wecom as catalogue
from app.catalog.findings import Code, Finding, Severity
from app.tasks import spawn
from app.wecom.service import MessagesRefused, OrderRefused
from simulator.wecom import Conversation, ConversationGenerator
from ui.compose.family import FamilyComposer, Sample
from ui.hub import Hub

#: The customer and the customer-service account a fresh message is from and to: the
#: constructed examples' own.
DEFAULT_CUSTOMER = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"
DEFAULT_ACCOUNT = "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q"
#: How much of a message a verdict line quotes.
QUOTE = 40
#: Messages a verdict lists at most (the rest are counted; Live shows them all).
SHOWN = 4
#: Seconds between a simulated conversation's items: Live shows them arrive one by one.
PACE = 0.12


def new_msgid() -> str:
    """A msgid shaped like WeCom's: 43 URL-safe characters."""
    return secrets.token_urlsafe(32)[:43]


def example_of(type_id: str) -> dict[str, Any] | None:
    """The constructed example item of a type, None when there is none."""
    example = next((e for e in catalogue.WECOM.examples
                    if e.message_type == type_id and e.kind == "item"), None)
    if example is None:
        return None
    doc = json.loads((catalogue.EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))
    return doc if isinstance(doc, dict) else None


def customer_text(item: Any) -> str | None:
    """The msgid of a customer's text (origin 3, msgtype text): what an order opens from."""
    if isinstance(item, dict) and item.get("origin") == 3 and item.get("msgtype") == "text":
        msgid = item.get("msgid")
        return msgid if isinstance(msgid, str) and msgid else None
    return None


class WecomComposer(FamilyComposer):
    family = "wecom"

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.customer = QLineEdit(DEFAULT_CUSTOMER)
        self.account = QLineEdit(DEFAULT_ACCOUNT)
        self.customer.textEdited.connect(lambda _t: self._field_edited())
        self.account.textEdited.connect(lambda _t: self._field_edited())
        self.customer_label = QLabel()
        self.account_label = QLabel()
        self.params.addRow(self.customer_label, self.customer)
        self.params.addRow(self.account_label, self.account)
        self.open_order_button = QPushButton()
        self.open_order_button.setEnabled(False)
        self.open_order_button.clicked.connect(
            lambda: spawn(self.open_order(), name="compose-wecom-open-order"))
        self.simulate_button = QPushButton()
        self.simulate_button.clicked.connect(
            lambda: spawn(self.simulate(), name="compose-wecom-simulate"))
        self.action_row = QHBoxLayout()
        self.action_row.setContentsMargins(0, 0, 0, 0)
        self.action_row.addWidget(self.simulate_button)
        self.action_row.addWidget(self.open_order_button)
        self.action_row.addStretch(1)
        self.params.addRow(self.action_row)
        #: The last customer text taken in: what "Open a work order" opens one from.
        self.last_text: str | None = None
        self.last_order: dict[str, Any] | None = None
        #: Simulated conversations, a new customer each time (one seed per session).
        self.conversations = ConversationGenerator(secrets.randbelow(1_000_000),
                                                   start=int(time.time()) - 1800)
        self.last_conversation: Conversation | None = None
        self._simulated = 0
        self.fill_types()
        self.retranslate()
        self.select_type("text")

    # --- the family ----------------------------------------------------------------------

    def type_ids(self) -> list[str]:
        return [t.id for t in (*catalogue.MESSAGES, *catalogue.EVENTS)]

    def type_label(self, type_id: str) -> str:
        t = catalogue.message_type(type_id)
        if t is None:
            return type_id
        head = f"event · {t.id}" if t.category == "event" else t.id
        return f"{head} · {t.zh} · {t.en}"

    def type_title_html(self, type_id: str) -> str:
        t = catalogue.message_type(type_id)
        if t is None:
            return ""
        where = (self.tr("an event: open_kfid and external_userid sit inside event")
                 if t.category == "event" else
                 self.tr("a message: origin 3 the customer, 5 a servicer"))
        small = [html.escape(where), *(html.escape("⚠ " + q) for q in t.quirks)]
        return (f"<b>{html.escape(self.type_label(type_id))}</b><br><small>"
                + "<br>".join(small) + "</small>")

    def type_of(self, body: Any) -> str | None:
        return catalogue.type_of(body) if isinstance(body, dict) else None

    def fresh(self, type_id: str) -> dict[str, Any]:
        item = example_of(type_id) or {"msgid": "", "msgtype": type_id}
        item["msgid"] = new_msgid()
        item["send_time"] = int(time.time())
        return self._placed(item, self.customer.text().strip(), self.account.text().strip())

    def samples(self) -> list[Sample]:
        return [Sample(e.id, e.title, e.message_type, e.note) for e in catalogue.WECOM.examples]

    def sample_body(self, sample: Sample) -> Any:
        example = next(e for e in catalogue.WECOM.examples if e.id == sample.id)
        return json.loads((catalogue.EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))

    def check(self, body: Any) -> list[Finding]:
        wecom = self.platform.wecom if self.platform is not None else None  # type: ignore[attr-defined]
        if wecom is None:
            if isinstance(body, dict) and "msg_list" not in body:
                return catalogue.check_item(body, self.mode_value)[1]
            return []
        try:
            messages, findings = wecom.read(body, self.mode_value)
        except MessagesRefused as refused:
            return list(refused.findings)
        if self.platform.engine.store is None:  # type: ignore[union-attr]  # stopping
            return findings
        for path, message in messages:
            if wecom.message(message.msgid) is not None:
                findings.append(Finding(
                    f"{path}.msgid" if path else "msgid", Code.CONSISTENCY,
                    f"msgid {message.msgid} is stored already: Send keeps it out as a "
                    "duplicate", Severity.WARNING, hint="press New for a fresh msgid"))
        return findings

    async def deliver(self, body: Any) -> tuple[dict[str, Any], list[Finding]]:
        wecom = self.platform.wecom if self.platform is not None else None  # type: ignore[attr-defined]
        if wecom is None:
            finding = Finding("", Code.UNSUPPORTED, "the WeCom desk is not running")
            return {"reason": "no-wecom", "errors": [finding.to_json()]}, [finding]
        try:
            done = await wecom.ingest(body, source="compose", mode=self.mode_value)
        except MessagesRefused as refused:
            return {"reason": "invalid", "errors": [f.to_json() for f in refused.findings]}, \
                list(refused.findings)
        result = done.to_json()
        self.took_in(body, {s["msgid"] for s in result["stored"]})
        return result, []

    def took_in(self, body: Any, stored: set[str]) -> None:
        """Remember the last customer text among what was stored: an order opens from it."""
        if isinstance(body, list):
            items = body
        elif isinstance(body, dict) and isinstance(body.get("msg_list"), list):
            items = body["msg_list"]
        else:
            items = [body]
        for item in items:
            msgid = customer_text(item)
            if msgid in stored:
                self.last_text = msgid
        self._enable_order()

    def verdict_html(self, result: dict[str, Any]) -> tuple[str, bool]:
        if "serviceOrderId" in result:  # an order opened from a message
            order = str(result["serviceOrderId"])
            text = html.escape(self.tr("Work order %1 opened from message %2 (event #%3)")
                               .replace("%1", order).replace("%2", str(result.get("msgid")))
                               .replace("%3", str(result.get("eventId"))))
            return text + f' · <a href="timeline:{html.escape(order)}">' + html.escape(
                self.tr("Timeline")) + "</a>", True
        stored, duplicates = result.get("stored", []), result.get("duplicates", [])
        lines = [html.escape(self.tr("Taken in: %n message(s) stored", "", len(stored)))]
        # The customer's text an order opens from first, then the others, a few at most.
        shown = sorted(stored, key=lambda s: s.get("msgid") != self.last_text)[:SHOWN]
        for s in shown:
            line = html.escape(f"{s.get('type') or s.get('msgtype')} · "
                               f"{_short(str(s.get('summary', '')))}")
            if s.get("msgid") == self.last_text:
                line += f' · <a href="order:{html.escape(s["msgid"])}">' + html.escape(
                    self.tr("Open a work order from this message")) + "</a>"
            lines.append(line)
        if len(stored) > len(shown):
            lines.append(html.escape(self.tr("… and %n more", "", len(stored) - len(shown))))
        for d in duplicates:
            lines.append(html.escape(self.tr("kept out: %1 — press New for a fresh msgid")
                                     .replace("%1", str(d.get("message")))))
        sessions = result.get("sessions", [])
        for s in sessions:
            lines.append(html.escape(self.tr("session of %1: %2").replace(
                "%1", _short(str(s.get("externalUserId")), 14)).replace(
                "%2", str(s.get("state")))))
        if stored:
            live = re.escape("wecom/") + "[^/]+/" + re.escape(
                str(self._customer_of(self._body) or "")) + r"\b"
            lines[-1] += f' · <a href="live:{html.escape(live)}">' + html.escape(
                self.tr("Show in Live")) + "</a>"
        return "<br>".join(lines), bool(stored)

    def body_changed(self, body: Any) -> None:
        self._enable_order()
        customer, account = self._customer_of(body), self._account_of(body)
        if customer and customer != self.customer.text():
            self.customer.setText(customer)
        if account and account != self.account.text():
            self.account.setText(account)

    def family_note(self, kind: str, detail: Any) -> str | None:
        if kind == "simulated":
            customer, external_userid, count = detail
            return self.tr("A simulated conversation with %1 (%2): %n item(s) taken in. Its "
                           "first text is shown: open a work order from it.", "", count) \
                .replace("%1", customer).replace("%2", external_userid)
        return None

    def follow_link(self, kind: str, value: str) -> None:
        if kind == "order" and value:
            spawn(self.open_order(value), name="compose-wecom-open-order")

    # --- a simulated conversation ----------------------------------------------------------

    async def simulate(self, pace: float = PACE) -> dict[str, Any] | None:
        """Play a simulated customer conversation into the desk, item by item, then show the
        customer's first text, ready to open a work order from. The verdict JSON."""
        wecom = self.platform.wecom if self.platform is not None else None  # type: ignore[attr-defined]
        if wecom is None:
            self.say(self.tr("The WeCom desk is not running yet."), error=True)
            return None
        # The generator spaces conversations 30 minutes apart from its start: each one here
        # starts half an hour ago, however many came before.
        self.conversations.start = int(time.time()) - 1800 * (self._simulated + 1)
        self._simulated += 1
        talk = self.conversations.conversation()
        self.simulate_button.setEnabled(False)
        stored: list[dict[str, Any]] = []
        try:
            for i, item in enumerate(talk.items):
                if i and pace:
                    await asyncio.sleep(pace)
                done = await wecom.ingest(item, source="simulator", mode=self.mode_value)
                stored += done.to_json()["stored"]
        except MessagesRefused as refused:
            result = {"reason": "invalid", "errors": [f.to_json() for f in refused.findings]}
            self._show_findings(list(refused.findings))
            self._show_verdict(result)
            return result
        finally:
            self.simulate_button.setEnabled(True)
        self.last_conversation = talk
        first = next(i for i in talk.items if i["msgid"] == talk.first_text)
        self.set_body(first, note=("simulated", (talk.customer, talk.external_userid,
                                                 len(stored))))
        self.took_in(first, {s["msgid"] for s in stored})
        result = {"stored": stored, "duplicates": [], "sessions": [], "servicers": [],
                  "conversation": talk.to_json()}
        self._show_verdict(result)
        return result

    # --- a work order from a customer's text ------------------------------------------------

    async def open_order(self, msgid: str | None = None) -> dict[str, Any] | None:
        """Open a work order from this customer text (default: the last one taken in) and
        show it in the Timeline; the verdict says the order, or why not."""
        wecom = self.platform.wecom if self.platform is not None else None  # type: ignore[attr-defined]
        if msgid is None and wecom is not None:
            shown = customer_text(self._body) if self.json_error is None else None
            msgid = shown if shown and wecom.message(shown) is not None else self.last_text
        if wecom is None or msgid is None:
            self.say(self.tr("Send a customer's text first: an order opens from a message "
                             "the desk has taken in."), error=True)
            return None
        self.open_order_button.setEnabled(False)
        try:
            talk = self.last_conversation
            name = talk.customer if talk is not None and talk.first_text == msgid else None
            opened = await wecom.open_order(msgid, contact_name=name)
        except OrderRefused as refused:
            self._show_verdict({"reason": f"HTTP {refused.status}", "errors": [
                f.to_json() for f in refused.findings]})
            self.say(str(refused) + (f" — {refused.hint}" if refused.hint else ""),
                     error=True)
            return None
        finally:
            self._enable_order()
        result = opened.to_json()
        self.last_order = result
        self._show_verdict(result)
        self.hub.open_order.emit(opened.service_order_id)
        return result

    def _enable_order(self) -> None:
        shown = customer_text(self._body) if self.json_error is None else None
        self.open_order_button.setEnabled(self.last_text is not None or shown is not None)

    # --- the fields ----------------------------------------------------------------------

    def set_customer(self, external_userid: str) -> None:
        self.customer.setText(external_userid)
        self._field_edited()

    def _field_edited(self) -> None:
        body = self.body()
        if not isinstance(body, dict) or "msg_list" in body:
            return
        self.replace_body(self._placed(body, self.customer.text().strip(),
                                       self.account.text().strip()))

    @staticmethod
    def _placed(item: dict[str, Any], customer: str, account: str) -> dict[str, Any]:
        """The item from this customer to this account: top-level for a message, inside
        ``event`` for an event (servicer_status_change has no customer)."""
        out = dict(item)
        event = out.get("event")
        if out.get("msgtype") == "event" and isinstance(event, dict):
            event = dict(event)
            if "open_kfid" in event and account:
                event["open_kfid"] = account
            if "external_userid" in event and customer:
                event["external_userid"] = customer
            out["event"] = event
        else:
            if account:
                out["open_kfid"] = account
            if customer:
                out["external_userid"] = customer
        return out

    @staticmethod
    def _customer_of(body: Any) -> str | None:
        if not isinstance(body, dict):
            return None
        event = body.get("event")
        value = event.get("external_userid") if isinstance(event, dict) else None
        value = value or body.get("external_userid")
        return value if isinstance(value, str) and value else None

    @staticmethod
    def _account_of(body: Any) -> str | None:
        if not isinstance(body, dict):
            return None
        event = body.get("event")
        value = event.get("open_kfid") if isinstance(event, dict) else None
        value = value or body.get("open_kfid")
        return value if isinstance(value, str) and value else None

    def retranslate_family(self) -> None:
        self.customer_label.setText(self.tr("Customer"))
        self.customer.setToolTip(self.tr("The customer's external_userid (wm…)"))
        self.account_label.setText(self.tr("Account"))
        self.account.setToolTip(self.tr("The customer-service account, open_kfid (wk…)"))
        self.simulate_button.setText(self.tr("Simulate a conversation"))
        self.simulate_button.setToolTip(self.tr(
            "A resident reports a problem to the front desk on 微信客服: the whole "
            "conversation is taken in, message by message"))
        self.open_order_button.setText(self.tr("Open a work order from this message"))
        self.open_order_button.setToolTip(self.tr(
            "File a changeId 1 from the customer's last text taken in, and show it in the "
            "Timeline"))
        self.type_picker.setToolTip(self.tr("The message type (msgtype), or the event"))


def _short(text: str, limit: int = QUOTE) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
