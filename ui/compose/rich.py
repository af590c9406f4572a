"""Compose a rich-text message (spec/org-change-push.md, 发送富文本消息) and send it to an IM
user, as ``POST /orgs/{org_id}/messages`` does.

The request ``{body: {chat: {content, apns_summary, type: 0}}, app_id, dest_id, dest_type: 1,
type: 4}`` is checked strictly by the catalogue's reader (app.catalog.rich), as the route
checks it; the receiver is picked from the IM users (``dest_id`` is its userID as a number, so
only numeric userIDs can be picked) and the organisation — the route's ``:org_id``, which is
not in the body — from a field. Send makes the IM message with ``app.im.rich.rich_message``
and hands it to the IM server (``ImService.send_rich``), the route's own path: delivered on
``$sktalent/clients/<userID>``, and pushed when the user is offline. "New simulated user"
brings a phone with a numeric userID online to receive it.

Scriptable, beyond ui/compose/family.py: ``refresh_users()``, ``pick_user("10001")``,
``await new_user()``; widgets ``receiver``, ``new_user_button``, ``org_id``.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.catalog.findings import Code, Finding, Mode, Severity, has_errors
from app.catalog.rich import EXAMPLES_DIR, IM_USER, RICH, RICH_4, read_request, whole
from app.im.rich import rich_message
from app.tasks import spawn
from ui.compose.family import FamilyComposer, Sample
from ui.hub import Hub

#: The organisation the message is sent in when the user names none (the URL's :org_id).
DEFAULT_ORG_ID = 123
#: The first numeric userID "New simulated user" makes.
FIRST_USER = 10001


class _Users(QComboBox):
    """The receiver picker; reads the IM users again each time it opens."""

    def __init__(self, opening: Any) -> None:
        super().__init__()
        self._opening = opening

    def showPopup(self) -> None:
        self._opening()
        super().showPopup()


class RichComposer(FamilyComposer):
    family = "rich"
    has_modes = False  # the route reads requests strictly: so does Send, so do the findings

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.receiver = _Users(self.refresh_users)
        self.receiver.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.receiver.setMinimumContentsLength(12)
        self.receiver.activated.connect(lambda i: self.pick_user(self.receiver.itemData(i)))
        self.new_user_button = QToolButton()
        self.new_user_button.clicked.connect(lambda: spawn(self.new_user(),
                                                           name="compose-rich-new-user"))
        self.org_id = QLineEdit(str(DEFAULT_ORG_ID))
        self.org_id.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,18}"),
                                                             self))
        self.org_id.textEdited.connect(lambda _t: self.validate_timer.start())
        receiver_row = QHBoxLayout()
        receiver_row.setContentsMargins(0, 0, 0, 0)
        receiver_row.addWidget(self.receiver, 1)
        receiver_row.addWidget(self.new_user_button)
        self.receiver_label = QLabel()
        self.org_label = QLabel()
        self.params.addRow(self.receiver_label, receiver_row)
        self.params.addRow(self.org_label, self.org_id)
        self.fill_types()
        self.retranslate()
        self.select_type(RICH_4.id)

    # --- the family ----------------------------------------------------------------------

    def type_ids(self) -> list[str]:
        return [t.id for t in RICH.types]

    def type_label(self, type_id: str) -> str:
        return f"type {RICH_4.id} · {RICH_4.zh} · {RICH_4.en}"

    def type_title_html(self, type_id: str) -> str:
        return (f"<b>POST /orgs/:org_id/messages</b> · {html.escape(RICH_4.zh)}<br><small>"
                + html.escape(self.tr("dest_type 1: an IM user, dest_id its userID as a "
                                      "number; the organisation is the URL's :org_id, not "
                                      "in the body. Read strictly, as the route reads it."))
                + "</small>")

    def type_of(self, body: Any) -> str | None:
        return RICH_4.id

    def fresh(self, type_id: str) -> dict[str, Any]:
        title = "明日 9:00–11:00 3 栋停水检修"
        return {"body": {"chat": {"content": {"title": title,
                                              "text": "请提前储水，给您带来不便敬请谅解。",
                                              "url": ""},
                                  "apns_summary": title, "type": 0}},
                "app_id": 100, "dest_id": self._dest_id(), "dest_type": IM_USER, "type": 4}

    def samples(self) -> list[Sample]:
        return [Sample(e.id, e.title, e.message_type, e.note, e.repairs)
                for e in RICH.examples]

    def sample_body(self, sample: Sample) -> Any:
        example = next(e for e in RICH.examples if e.id == sample.id)
        return json.loads((EXAMPLES_DIR / example.path).read_text(encoding="utf-8"))

    def check(self, body: Any) -> list[Finding]:
        org, findings = self._org()
        findings += read_request(body, Mode.STRICT, org_id=org).findings
        user = self._user_of(body)
        im = self.platform.im if self.platform is not None else None
        if self.platform is not None and im is None:
            findings.append(Finding("", Code.UNSUPPORTED, "the IM server is not running (it "
                                    "needs an MQTT broker): Send cannot deliver",
                                    Severity.WARNING, hint="install Mosquitto, or start with "
                                    "--broker mqtt://…"))
        if im is not None and user is not None and user not in im.users:
            findings.append(Finding(
                "dest_id", Code.UNKNOWN_USER,
                f"dest_id {user} is no IM user: there is no userID {user!r}",
                hint="pick a receiver above, or make one with \"New simulated user\"",
                label_zh="推送接收方的id"))
        return findings

    async def deliver(self, body: Any) -> tuple[dict[str, Any], list[Finding]]:
        assert self.platform is not None
        findings = self.check(body)
        im = self.platform.im
        if im is None:  # the warning becomes the reason it is not sent
            findings = [replace(f, severity=Severity.ERROR) if f.code is Code.UNSUPPORTED
                        and not f.path else f for f in findings]
        if has_errors(findings) or im is None:
            reason = "invalid" if im is not None else "no-im"
            return {"reason": reason, "errors": [f.to_json() for f in findings]}, findings
        org, _ = self._org()
        user = self._user_of(body)
        assert org is not None and user is not None
        out = await im.send_rich(rich_message(user, org, body, im.clock()))
        return {"msgid": out["msgid"], "userID": out["userID"], "online": out["online"],
                "push": out["push"]}, []

    def verdict_html(self, result: dict[str, Any]) -> tuple[str, bool]:
        user, msgid = str(result.get("userID")), str(result.get("msgid"))
        if result.get("online") is False:
            text = self.tr("Queued for %1, who is offline: the broker holds it (msgid %2)") \
                .replace("%1", user).replace("%2", msgid)
            if result.get("push"):
                text += " · " + self.tr("a mobile push was recorded")
        else:
            text = self.tr("Sent to %1 on $sktalent/clients/%1 (msgid %2)").replace(
                "%1", user).replace("%2", msgid)
        live = re.escape(f"$sktalent/clients/{user}") + "|" + re.escape(f"{msgid}")
        return html.escape(text) + f' · <a href="live:{html.escape(live)}">' \
            + html.escape(self.tr("Show in Live")) + "</a>", True

    def family_note(self, kind: str, detail: Any) -> str | None:
        if kind == "new-user":
            user_id, online = detail
            return (self.tr("Simulated user %1 is online and picked as the receiver.")
                    if online else self.tr("Simulated user %1 is picked as the receiver; its "
                                           "phone is not online yet: the message would be "
                                           "queued and pushed.")).replace("%1", user_id)
        return None

    def body_changed(self, body: Any) -> None:
        """dest_id typed in the JSON: the receiver picker follows."""
        user = self._user_of(body)
        if user is not None:
            index = self.receiver.findData(user)
            if index >= 0:
                self.receiver.setCurrentIndex(index)

    # --- the receiver -----------------------------------------------------------------------

    def attach(self, platform: Any) -> None:
        super().attach(platform)
        self.refresh_users()
        self.new_user_button.setEnabled(platform.phones is not None)

    def showEvent(self, event: Any) -> None:
        self.refresh_users()
        super().showEvent(event)

    def refresh_users(self) -> None:
        """The IM users in the picker: those with a numeric userID can be picked (dest_id is
        a number), the others are listed greyed out, saying why."""
        im = self.platform.im if self.platform is not None else None
        chosen = self.receiver.currentData()
        self.receiver.clear()
        if im is None:
            self.receiver.addItem(self.tr("no IM server: it needs an MQTT broker"), None)
            self.receiver.setEnabled(False)
            return
        self.receiver.setEnabled(True)
        users = sorted(im.users.values(), key=lambda u: (not u.user_id.isdigit(), u.user_id))
        if not users:
            self.receiver.addItem(self.tr("no IM users yet: make one with New simulated user"),
                                  None)
        model = self.receiver.model()
        for u in users:
            online = im.online(u.user_id)
            state = ("" if online is None else " · " + (self.tr("online") if online
                                                        else self.tr("offline")))
            self.receiver.addItem(f"{u.user_id} · {u.name}{state}", u.user_id)
            if not u.user_id.isdigit() and isinstance(model, QStandardItemModel):
                item = model.item(self.receiver.count() - 1)
                item.setEnabled(False)
                item.setToolTip(self.tr("dest_id is a number: userID %1 cannot be addressed")
                                .replace("%1", u.user_id))
        current = self._user_of(self._body) if self.json_error is None else None
        index = self.receiver.findData(current if current is not None else chosen)
        if index >= 0:
            self.receiver.setCurrentIndex(index)

    def pick_user(self, user_id: object) -> None:
        """Send to this user: dest_id becomes its userID (a number) and dest_type 1."""
        if not isinstance(user_id, str) or not user_id.isdigit():
            return
        index = self.receiver.findData(user_id)
        if index >= 0:
            self.receiver.setCurrentIndex(index)
        body = self.body()
        if isinstance(body, dict):
            body["dest_id"], body["dest_type"] = int(user_id), IM_USER
            self.replace_body(body)

    async def new_user(self) -> str | None:
        """Bring a simulated phone with the next free numeric userID online and pick it."""
        crowd = self.platform.phones if self.platform is not None else None
        im = self.platform.im if self.platform is not None else None
        if crowd is None or im is None:
            self.say(self.tr("Simulated users need the IM server and its broker."), error=True)
            return None
        taken = [int(u) for u in im.users if u.isdigit()]
        user_id = str(max([FIRST_USER - 1, *taken]) + 1)
        self.new_user_button.setEnabled(False)
        try:
            done = await crowd.create({"users": [user_id]})
        except Exception as error:  # the broker or the IM server refused: say so
            self.say(self.tr("No simulated user: %1").replace("%1", str(error)), error=True)
            return None
        finally:
            self.new_user_button.setEnabled(True)
        state = done[0].get("state") if done else None
        self.refresh_users()
        self.pick_user(user_id)
        self.note_of("new-user", (user_id, state == "online"))
        return user_id

    # --- small things -------------------------------------------------------------------------

    def _dest_id(self) -> int:
        chosen = self.receiver.currentData()
        return int(chosen) if isinstance(chosen, str) and chosen.isdigit() else 1

    @staticmethod
    def _user_of(body: Any) -> str | None:
        if not isinstance(body, dict) or whole(body.get("dest_type")) != IM_USER:
            return None
        dest = whole(body.get("dest_id"))
        return str(dest) if dest is not None else None

    def _org(self) -> tuple[int | None, list[Finding]]:
        text = self.org_id.text().strip()
        if text.isdigit():
            return int(text), []
        return None, [Finding("org_id", Code.MISSING, "the organisation (the URL's :org_id) "
                              "is missing", hint="type the receiver's organisation id above, "
                              "e.g. 123")]

    def retranslate_family(self) -> None:
        self.receiver_label.setText(self.tr("Receiver"))
        self.receiver.setToolTip(self.tr("The IM user it goes to: dest_id is its userID"))
        self.new_user_button.setText(self.tr("New simulated user"))
        self.new_user_button.setToolTip(self.tr(
            "Bring a simulated phone with a numeric userID online and send to it"))
        self.org_label.setText(self.tr("org_id (URL)"))
        self.org_id.setToolTip(self.tr("POST /orgs/:org_id/messages: the receiver's "
                                       "organisation, carried to the receiver as org_id"))
        self.refresh_users()

