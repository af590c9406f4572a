"""The subscription form: every field of the contract, checked by the engine's own reader.

What the user typed is never thrown away: a bad value stays in its field with an error under
it naming the field and the fix (the findings of ``Subscription.from_json``), and switching to
another subscription keeps the unsaved text as a draft that comes back when the user returns.
The secret is masked unless the user asks to see it.

Organisation data-change pushes have their own two fields: orgTypes (a checkable list of the
MessageType codes with their names) and orgIds (``*`` or organisation ids). A subscriber of
organisation pushes only may leave the work-order changeIds unticked; the MQ topics line says
which topics the subscriber gets (``wo/push/<baseCode>/<dataArea>``,
``org/push/<baseCode>/<org_id>``).
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.findings import Code, Finding
from app.catalog.org import ORG
from app.routing.subscription import (
    DEFAULT_AUTO_DISABLE_AFTER,
    DEFAULT_CONCURRENCY,
    DEFAULT_RETRY_SCHEDULE,
    DEFAULT_TIMEOUT,
    Subscription,
    SubscriptionError,
)
from app.tasks import spawn
from ui import theme

if TYPE_CHECKING:
    from app.platform import Platform

#: The fields with a place for an error under them, in form order (the contract's names).
FIELDS = ("baseCode", "name", "dataAreas", "changeIds", "orgTypes", "orgIds", "callbackUrl",
          "dataEncoding", "secret", "retrySchedule", "timeout", "concurrency", "ordering",
          "autoDisableAfter", "enabled")
#: Rows of the orgTypes list in view before it scrolls.
ORG_TYPE_ROWS = 5


def field_of(path: str) -> str:
    """The form field a finding's path is about: ``dataAreas[1]`` → ``dataAreas``."""
    return path.split("[", 1)[0].split(".", 1)[0]


def new_secret() -> str:
    """A Standard Webhooks secret: whsec_ and base64 of 24 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class SubscriptionEditor(QWidget):
    """Scriptable: ``load(sub)``, ``new()``, ``findings()`` (what Save would refuse),
    ``await save()``, ``await delete()``, ``await set_enabled(bool)``; the field widgets are
    public attributes named as in the contract (``code``, ``url``, ``secret`` …)."""

    #: A subscription was saved from this form: its baseCode.
    saved = Signal(str)
    #: The form's own subscription was deleted: its baseCode.
    deleted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform: Platform | None = None
        #: The subscription loaded (None: a new one is being written).
        self.current: Subscription | None = None
        #: Unsaved form states by baseCode ("" for the new one), kept across selections.
        self.drafts: dict[str, dict[str, Any]] = {}
        self._loading = False
        #: Our own save is under way: the bus's echo of it is not "changed elsewhere".
        self._saving = False
        self.dirty = False
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        self.title = QLabel()
        self.title.setObjectName("editorTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.areas = QLineEdit()
        self.areas_pick = QToolButton()
        self.areas_pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.areas_menu = QMenu(self)
        self.areas_pick.setMenu(self.areas_menu)
        self.areas_menu.aboutToShow.connect(self._fill_areas_menu)
        self.change_boxes: dict[str, QCheckBox] = {}
        self.changes = QWidget()
        self._changes_grid = QGridLayout(self.changes)
        self._changes_grid.setContentsMargins(0, 0, 0, 0)
        self._changes_grid.setHorizontalSpacing(12)
        self._changes_grid.setVerticalSpacing(2)
        self.org_types = QListWidget()
        for t in ORG.types:
            item = QListWidgetItem(f"{t.id} · {t.en} · {t.zh}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(f"{t.en} = {t.id}: {t.description_en}")
            self.org_types.addItem(item)
        self.org_types.setUniformItemSizes(True)
        self.org_types.setMaximumHeight(
            self.org_types.sizeHintForRow(0) * ORG_TYPE_ROWS + 2 * self.org_types.frameWidth())
        self.org_ids = QLineEdit()
        self.topics = QLabel()  # which MQ topics the subscriber gets
        self.topics.setWordWrap(True)
        self.topics.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url = QLineEdit()
        self.encoding = QComboBox()
        self.encoding.addItems(["", ""])
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal = QToolButton()
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._reveal)
        self.generate = QToolButton()
        self.generate.clicked.connect(self._generate)
        self.schedule = QLineEdit()
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(0.1, 300.0)
        self.timeout.setDecimals(1)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, 64)
        self.ordering = QComboBox()
        self.ordering.addItems(["", ""])
        self.auto_disable = QSpinBox()
        self.auto_disable.setRange(0, 10_000)
        self.enabled = QCheckBox()
        self.send_base_code = QCheckBox()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setVisible(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = form
        areas_row = QHBoxLayout()
        areas_row.setContentsMargins(0, 0, 0, 0)
        areas_row.addWidget(self.areas, 1)
        areas_row.addWidget(self.areas_pick)
        secret_row = QHBoxLayout()
        secret_row.setContentsMargins(0, 0, 0, 0)
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.reveal)
        secret_row.addWidget(self.generate)
        flags = QHBoxLayout()
        flags.setContentsMargins(0, 0, 0, 0)
        flags.addWidget(self.enabled)
        flags.addWidget(self.send_base_code)
        flags.addStretch(1)
        for key, content in (("baseCode", self.code), ("name", self.name),
                             ("dataAreas", areas_row), ("changeIds", self.changes),
                             ("orgTypes", self.org_types), ("orgIds", self.org_ids),
                             ("callbackUrl", self.url), ("dataEncoding", self.encoding),
                             ("secret", secret_row), ("retrySchedule", self.schedule),
                             ("timeout", self.timeout), ("concurrency", self.concurrency),
                             ("ordering", self.ordering), ("autoDisableAfter", self.auto_disable),
                             ("enabled", flags)):
            self._add_row(key, content)
        form.addRow(self.reason)
        self.topics_label = QLabel()
        form.insertRow(form.rowCount() - 1, self.topics_label, self.topics)

        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.revert_button = QPushButton()
        self.toggle_button = QPushButton()
        self.delete_button = QPushButton()
        self.copy_mq = QPushButton()
        self.replay_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        more = QHBoxLayout()
        more.addWidget(self.copy_mq)
        more.addWidget(self.replay_button)
        more.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.general_error = QLabel()  # findings no field owns (an unknown key, a store error)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(self.message)
        layout.addStretch(1)

        for edit in (self.code, self.name, self.areas, self.url, self.secret, self.schedule,
                     self.org_ids):
            edit.textEdited.connect(self._edited)
        self.org_types.itemChanged.connect(self._edited)
        for combo in (self.encoding, self.ordering):
            combo.currentIndexChanged.connect(self._edited)
        for spin in (self.timeout, self.concurrency, self.auto_disable):
            spin.valueChanged.connect(self._edited)
        for box in (self.enabled, self.send_base_code):
            box.toggled.connect(self._edited)
        self.save_button.clicked.connect(lambda: self._spawn(self.save(), "save subscription"))
        self.revert_button.clicked.connect(self.revert)
        self.toggle_button.clicked.connect(self._toggle)
        self.delete_button.clicked.connect(self._ask_delete)
        self.copy_mq.clicked.connect(self.copy_mq_credentials)
        self.replay_button.clicked.connect(
            lambda: self._spawn(self.replay_failed(), "replay failed deliveries"))
        QShortcut(QKeySequence.StandardKey.Save, self,
                  lambda: self._spawn(self.save(), "save subscription"),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(8000)
        self._message_timer.timeout.connect(lambda: self.message.setText(""))
        self.retranslate()
        self.new()

    def _add_row(self, key: str, content: QWidget | QHBoxLayout) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        if isinstance(content, QWidget):
            column.addWidget(content)
        else:
            column.addLayout(content)
        error = QLabel()
        error.setObjectName(f"error-{key}")
        error.setWordWrap(True)
        error.setVisible(False)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(error)
        label = QLabel()
        self.errors[key] = error
        self.labels[key] = label
        self.form.addRow(label, box)

    # --- the platform --------------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        self.platform = platform
        catalog = platform.engine.catalog
        for i, message_type in enumerate(catalog.workorder.types):
            box = QCheckBox(f"{message_type.id} {message_type.zh}")
            box.setProperty("changeId", message_type.id)
            box.toggled.connect(self._edited)
            self._changes_grid.addWidget(box, i // 3, i % 3)
            self.change_boxes[message_type.id] = box
        self._retranslate_changes()
        self.new() if self.current is None else self.load(self.current)
        self._update_actions()

    # --- strings -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._recolour()
        for key, text in (("baseCode", self.tr("baseCode")), ("name", self.tr("Name")),
                          ("dataAreas", self.tr("Data areas")),
                          ("changeIds", self.tr("changeIds")),
                          ("orgTypes", self.tr("Org push types")),
                          ("orgIds", self.tr("Organisations")),
                          ("callbackUrl", self.tr("Callback URL")),
                          ("dataEncoding", self.tr("data as")), ("secret", self.tr("Secret")),
                          ("retrySchedule", self.tr("Retry schedule")),
                          ("timeout", self.tr("Timeout")),
                          ("concurrency", self.tr("Concurrency")),
                          ("ordering", self.tr("Ordering")),
                          ("autoDisableAfter", self.tr("Auto-disable after")),
                          ("enabled", self.tr("Options"))):
            self.labels[key].setText(text)
        self.code.setPlaceholderText(self.tr("the subscriber's code, e.g. HRZDWYWHXT"))
        self.code.setToolTip(self.tr("Letters, digits, '_', '-' or '.': it is also the MQTT "
                                     "username and a level of wo/push/<baseCode>/<dataArea> "
                                     "and org/push/<baseCode>/<org_id>"))
        self.name.setPlaceholderText(self.tr("shown in lists; the baseCode when empty"))
        self.areas.setPlaceholderText(self.tr("fwwt, 10008 — or * for every data area"))
        self.areas_pick.setText(self.tr("Pick"))
        self.org_types.setToolTip(self.tr(
            "Organisation data-change pushes (orgTypes) this subscriber receives. Tick none "
            "for work-order events only; with some ticked, changeIds may stay empty."))
        self.org_ids.setPlaceholderText(self.tr("* for every organisation, or ids: 123, 456"))
        self.org_ids.setToolTip(self.tr("The organisations (org_id) whose pushes it receives "
                                        "(orgIds)"))
        self.topics_label.setText(self.tr("MQ topics"))
        self.areas_pick.setToolTip(self.tr("Pick data areas from the catalogue"))
        self.url.setPlaceholderText(self.tr("http://127.0.0.1:9000/callback — empty: MQ topic "
                                            "only"))
        self.encoding.setItemText(0, self.tr("a JSON string (the spec's table)"))
        self.encoding.setItemText(1, self.tr("a JSON object (as the spec's examples show)"))
        self.secret.setPlaceholderText(self.tr("whsec_… — empty: unsigned callbacks"))
        self.reveal.setText(self.tr("Show"))
        self.reveal.setToolTip(self.tr("Show or hide the secret"))
        self.generate.setText(self.tr("Generate"))
        self.generate.setToolTip(self.tr("A new random whsec_ secret (Standard Webhooks)"))
        self.schedule.setPlaceholderText(self.tr("seconds before each attempt, e.g. 0, 5, 30, "
                                                 "120; empty: no retry"))
        self.timeout.setSuffix(self.tr(" s"))
        self.concurrency.setToolTip(self.tr("Callbacks in flight at once for this subscriber"))
        self.ordering.setItemText(0, self.tr("none — deliveries may overtake (fastest)"))
        self.ordering.setItemText(1, self.tr("per order — one order's events arrive in order"))
        self.auto_disable.setSpecialValueText(self.tr("never"))
        self.auto_disable.setSuffix(self.tr(" failed deliveries in a row"))
        self.enabled.setText(self.tr("Enabled"))
        self.send_base_code.setText(self.tr("Send baseCode in the body"))
        self.send_base_code.setToolTip(self.tr("The spec marks baseCode 已失效: it is sent as "
                                               "\"\" unless this is on"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Throw away the unsaved changes"))
        self.delete_button.setText(self.tr("Delete…"))
        self.copy_mq.setText(self.tr("Copy MQ credentials"))
        self.replay_button.setText(self.tr("Replay failed"))
        self.replay_button.setToolTip(self.tr("Send every failed delivery of this subscriber "
                                              "again, from attempt 1"))
        self._retranslate_changes()
        self._update_title()
        self._update_actions()
        self._show_topics()

    def _retranslate_changes(self) -> None:
        if self.platform is None:
            return
        catalog = self.platform.engine.catalog
        for change_id, box in self.change_boxes.items():
            message_type = catalog.change(change_id)
            if message_type is not None and not message_type.supported:
                box.setToolTip(self.tr("Not supported by the platform: routed only while "
                                       "\"allow unsupported events\" is on"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # a translator came or went
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        style = f"color: {theme.error_colour().name()};"
        for label in (*self.errors.values(), self.general_error, self.reason):
            label.setStyleSheet(style)

    def _update_title(self) -> None:
        if self.current is None:
            text = self.tr("New subscription")
        else:
            text = self.tr("Subscription %1").replace("%1", self.current.base_code)
        if self.dirty:
            text += " " + self.tr("(unsaved changes)")
        self.title.setText(text)

    def _update_actions(self) -> None:
        existing = self.current is not None
        up = self.platform is not None
        self.save_button.setEnabled(up)
        self.revert_button.setEnabled(self.dirty)
        self.delete_button.setEnabled(up and existing)
        self.toggle_button.setEnabled(up and existing)
        self.replay_button.setEnabled(up and existing and self.platform is not None
                                      and self.platform.dispatcher is not None)
        self.toggle_button.setText(self.tr("Disable") if existing and self.current.enabled
                                   else self.tr("Enable"))
        account_ok = up and existing and self.platform.mq.broker is not None
        self.copy_mq.setEnabled(bool(account_ok))
        self.copy_mq.setToolTip(
            self.tr("Copy this subscriber's MQTT host, port, username, password and topic "
                    "(JSON) to the clipboard") if account_ok else
            self.tr("Only with the managed broker, once the subscription is saved"))
        self.code.setReadOnly(existing)
        self.code.setToolTip(self.tr("A baseCode cannot change: press New to make another "
                                     "subscription") if existing else self.code.toolTip())

    # --- loading -------------------------------------------------------------------------------

    def new(self) -> None:
        """An empty form for a new subscription (or the new one's draft, if any)."""
        self._stash()
        self.current = None
        self._fill(self.drafts.pop("", None) or _state_of(None))
        self._show_findings([])

    def load(self, sub: Subscription) -> None:
        """Show ``sub``; if the user left unsaved changes to it, show those instead."""
        self._stash()  # (the same subscription's draft comes straight back below)
        self.current = sub
        draft = self.drafts.pop(sub.base_code, None)
        self._fill(draft or _state_of(sub), dirty=draft is not None)
        self._show_findings([])

    def revert(self) -> None:
        """Back to what is saved (or an empty form for a new one)."""
        self.dirty = False
        if self.current is None:
            self._fill(_state_of(None))
        else:
            sub = self._engine_sub(self.current.base_code) or self.current
            self.current = sub
            self._fill(_state_of(sub))
        self._show_findings([])

    def follow(self, sub: Subscription) -> None:
        """The loaded subscription changed elsewhere (the API, an auto-disable): show it,
        unless the user is editing it — then keep their text and say so."""
        if self.current is None or self.current.base_code != sub.base_code or self._saving:
            return
        if self.dirty:
            self.current = sub
            self._say(self.tr("%1 was changed elsewhere; Save will overwrite that change with "
                              "this form.").replace("%1", sub.base_code))
            self._update_actions()
            self._show_reason(sub)
            return
        self.load(sub)

    def forget(self, base_code: str) -> None:
        """The subscription was deleted: drop its draft; a form showing it becomes new."""
        self.drafts.pop(base_code, None)
        if self.current is not None and self.current.base_code == base_code:
            state = self._state()
            self.current = None
            self._fill(state, dirty=True)  # the text stays: Save makes it again
            self._say(self.tr("%1 was deleted; Save would create it again.").replace(
                "%1", base_code))

    def _stash(self) -> None:
        if self.dirty:
            self.drafts["" if self.current is None else self.current.base_code] = self._state()

    def _fill(self, state: dict[str, Any], *, dirty: bool = False) -> None:
        self._loading = True
        try:
            self.code.setText(state["code"])
            self.name.setText(state["name"])
            self.areas.setText(state["areas"])
            for change_id, box in self.change_boxes.items():
                box.setChecked(change_id in state["changes"])
            self._pending_changes = set(state["changes"])  # before attach: no boxes yet
            for i in range(self.org_types.count()):
                item = self.org_types.item(i)
                item.setCheckState(Qt.CheckState.Checked
                                   if item.data(Qt.ItemDataRole.UserRole) in state["orgTypes"]
                                   else Qt.CheckState.Unchecked)
            self.org_ids.setText(state["orgIds"])
            self.url.setText(state["url"])
            self.encoding.setCurrentIndex(1 if state["encoding"] == "object" else 0)
            self.secret.setText(state["secret"])
            self.reveal.setChecked(False)
            self.schedule.setText(state["schedule"])
            self.timeout.setValue(state["timeout"])
            self.concurrency.setValue(state["concurrency"])
            self.ordering.setCurrentIndex(1 if state["ordering"] == "per-order" else 0)
            self.auto_disable.setValue(state["autoDisable"])
            self.enabled.setChecked(state["enabled"])
            self.send_base_code.setChecked(state["sendBaseCode"])
        finally:
            self._loading = False
        self.dirty = dirty
        self._show_reason(self.current)
        self._update_title()
        self._update_actions()
        self._show_topics()

    def _show_topics(self) -> None:
        """Which MQ topics the form's subscriber gets: work-order events on
        wo/push/<baseCode>/<dataArea>, organisation pushes on org/push/<baseCode>/<org_id>."""
        s = self._state()
        code = s["code"].strip() or "<baseCode>"
        topics = []
        if s["changes"]:
            topics.append(self.tr("work-order events on %1").replace(
                "%1", f"wo/push/{code}/<dataArea>"))
        if s["orgTypes"]:
            ids = _org_ids(s["orgIds"])
            where = "<org_id>" if ids == ["*"] else "{" + ", ".join(map(str, ids)) + "}"
            topics.append(self.tr("organisation pushes %1 on %2").replace(
                "%1", ", ".join(s["orgTypes"])).replace("%2", f"org/push/{code}/{where}"))
        self.topics.setText("\n".join(topics) if topics else self.tr("none: tick a changeId "
                                                                     "or an org push type"))

    def _show_reason(self, sub: Subscription | None) -> None:
        if sub is not None and not sub.enabled:
            self.reason.setText(self.tr("Disabled: %1").replace(
                "%1", sub.disabled_reason or self.tr("by hand")))
            self.reason.setVisible(True)
        else:
            self.reason.setVisible(False)

    def _state(self) -> dict[str, Any]:
        """What the form holds, as typed (bad text included)."""
        changes = ([c for c, box in self.change_boxes.items() if box.isChecked()]
                   if self.change_boxes else sorted(getattr(self, "_pending_changes", ())))
        org_types = [self.org_types.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.org_types.count())
                     if self.org_types.item(i).checkState() == Qt.CheckState.Checked]
        return {"code": self.code.text(), "name": self.name.text(), "areas": self.areas.text(),
                "changes": changes, "orgTypes": org_types, "orgIds": self.org_ids.text(),
                "url": self.url.text(),
                "encoding": "object" if self.encoding.currentIndex() == 1 else "string",
                "secret": self.secret.text(), "schedule": self.schedule.text(),
                "timeout": self.timeout.value(), "concurrency": self.concurrency.value(),
                "ordering": "per-order" if self.ordering.currentIndex() == 1 else "none",
                "autoDisable": self.auto_disable.value(), "enabled": self.enabled.isChecked(),
                "sendBaseCode": self.send_base_code.isChecked()}

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._show_topics()
        if not self.dirty:
            self.dirty = True
            self._update_title()
            self._update_actions()

    # --- checking and saving -------------------------------------------------------------------

    def document(self) -> tuple[dict[str, Any], list[Finding]]:
        """The form as the contract's JSON, and what cannot even be read into it (text in
        the retry schedule that is not a number)."""
        s = self._state()
        problems: list[Finding] = []
        areas = [a.strip() for a in s["areas"].replace("，", ",").split(",") if a.strip()]
        schedule: list[float] = []
        for i, part in enumerate(p.strip() for p in s["schedule"].replace("，", ",").split(",")):
            if not part:
                continue
            try:
                schedule.append(float(part))
            except ValueError:
                problems.append(Finding(
                    f"retrySchedule[{i}]", Code.TYPE,
                    self.tr("%1 is not a number of seconds").replace("%1", repr(part)),
                    hint=self.tr("numbers separated by commas, e.g. 0, 5, 30, 120")))
        doc: dict[str, Any] = {
            "baseCode": s["code"].strip(), "name": s["name"].strip() or s["code"].strip(),
            "dataAreas": areas, "changeIds": s["changes"],
            "orgTypes": [int(t) for t in s["orgTypes"]], "orgIds": _org_ids(s["orgIds"]),
            "callbackUrl": s["url"].strip() or None, "dataEncoding": s["encoding"],
            "secret": s["secret"].strip() or None, "retrySchedule": schedule,
            "enabled": s["enabled"], "sendBaseCode": s["sendBaseCode"],
            "timeout": s["timeout"], "concurrency": s["concurrency"],
            "ordering": s["ordering"], "autoDisableAfter": s["autoDisable"],
        }
        if not areas and doc["orgTypes"] and not doc["changeIds"]:
            del doc["dataAreas"]  # an organisation-push subscriber needs none
        if not s["enabled"] and self.current is not None and not self.current.enabled:
            doc["disabledReason"] = self.current.disabled_reason
        elif not s["enabled"]:
            doc["disabledReason"] = "disabled by hand"
        return doc, problems

    def findings(self) -> list[Finding]:
        """Everything Save would refuse, field by field (nothing is saved)."""
        doc, problems = self.document()
        known = (self.platform.engine.catalog.workorder.type_ids if self.platform is not None
                 else tuple(str(i) for i in range(1, 11)))
        org_only = bool(doc["orgTypes"]) and not doc["changeIds"]
        if not doc.get("dataAreas", ["*"]) and not org_only:
            problems.append(Finding("dataAreas", Code.MISSING,
                                    self.tr("name at least one data area"),
                                    hint=self.tr("e.g. fwwt, or * for every data area")))
            doc["dataAreas"] = ["*"]  # so the reader checks the rest
        if not doc["changeIds"] and not doc["orgTypes"]:
            problems.append(Finding("changeIds", Code.MISSING,
                                    self.tr("tick at least one changeId or organisation push "
                                            "type"),
                                    hint=self.tr("the events this subscriber receives")))
            doc["changeIds"] = ["1"]
        try:
            Subscription.from_json(doc, known)
        except SubscriptionError as error:
            problems.extend(f for f in error.findings
                            if not (f.path == "retrySchedule" and any(
                                p.path.startswith("retrySchedule") for p in problems)))
        code = doc["baseCode"]
        im = self.platform.im if self.platform is not None else None
        if im is not None and code and code in im.users:
            problems.append(Finding("baseCode", Code.CONSISTENCY, self.tr(
                "%1 is already an IM user's userID (MQTT usernames are shared)").replace(
                "%1", code), hint=self.tr("choose another baseCode")))
        return problems

    async def save(self) -> Subscription | None:
        """Check, then save through the engine; on a problem, show it under its field and
        keep every character typed. Returns the saved subscription, or None."""
        if self.platform is None:
            return None
        problems = self.findings()
        if problems:
            self._show_findings(problems)
            return None
        doc, _ = self.document()
        self._saving = True
        try:
            sub, created = await self.platform.engine.put_subscription(doc)
        except SubscriptionError as error:
            self._show_findings(error.findings)
            return None
        except Exception as error:  # the store refused: say so, keep the form
            self._show_findings([Finding("", Code.STORE, f"{type(error).__name__}: {error}")])
            return None
        finally:
            self._saving = False
        self._show_findings([])
        self.drafts.pop(sub.base_code, None)
        self.current = sub
        self._fill(_state_of(sub))
        self._say(self.tr("Created %1.").replace("%1", sub.base_code) if created
                  else self.tr("Saved %1.").replace("%1", sub.base_code))
        self.saved.emit(sub.base_code)
        return sub

    def _show_findings(self, findings: list[Finding]) -> None:
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for f in findings:
            key = field_of(f.path)
            if key == "sendBaseCode":
                key = "enabled"
            text = f"{f.path}: {f.message}" if f.path else f.message
            if f.hint:
                text += " — " + self.tr("fix: %1").replace("%1", f.hint)
            (by_field.setdefault(key, []) if key in self.errors else general).append(text)
        for key, label in self.errors.items():
            lines = by_field.get(key)
            label.setText("\n".join(lines or ()))
            label.setVisible(bool(lines))
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        if findings:
            self._say(self.tr("Not saved: %n problem(s), shown under the fields.", "",
                              len(findings)))
            first = next((k for k in FIELDS if k in by_field), None)
            widget = {"baseCode": self.code, "name": self.name, "dataAreas": self.areas,
                      "orgIds": self.org_ids, "orgTypes": self.org_types,
                      "callbackUrl": self.url, "secret": self.secret,
                      "retrySchedule": self.schedule}.get(first or "")
            if widget is not None:
                widget.setFocus()

    # --- actions on the saved subscription -------------------------------------------------------

    async def delete(self) -> bool:
        if self.platform is None or self.current is None:
            return False
        code = self.current.base_code
        removed = await self.platform.engine.delete_subscription(code)
        self.drafts.pop(code, None)
        self.current = None
        self.dirty = False
        self.new()
        self._say(self.tr("Deleted %1.").replace("%1", code))
        self.deleted.emit(code)
        return removed

    async def set_enabled(self, enabled: bool) -> Subscription | None:
        if self.platform is None or self.current is None:
            return None
        self._saving = True
        try:
            sub = await self.platform.engine.set_enabled(
                self.current.base_code, enabled, None if enabled else "disabled by hand")
        finally:
            self._saving = False
        if sub is not None:
            self.current = sub
            self._loading = True
            self.enabled.setChecked(sub.enabled)  # the rest of a draft stays as typed
            self._loading = False
            self._show_reason(sub)
            self._update_actions()
            self._say(self.tr("%1 enabled.").replace("%1", sub.base_code) if enabled
                      else self.tr("%1 disabled.").replace("%1", sub.base_code))
        return sub

    async def replay_failed(self) -> int:
        """Send every failed delivery of this subscriber again (newest 10,000 at most)."""
        p = self.platform
        if p is None or self.current is None or p.dispatcher is None or p.engine.store is None:
            return 0
        rows = p.engine.store.deliveries(base_code=self.current.base_code, status="failed",
                                         limit=10_000)
        count = await p.dispatcher.replay([r["id"] for r in rows])
        self._say(self.tr("Replaying %n failed delivery(ies).", "", count))
        return count

    def copy_mq_credentials(self) -> dict[str, Any] | None:
        """This subscriber's MQTT account as JSON, on the clipboard (managed broker only)."""
        if self.platform is None or self.current is None:
            return None
        account = self.platform.mq.account(self.current.base_code)
        if account is None:
            self._say(self.tr("No managed broker is running, so there are no MQ credentials."))
            return None
        QGuiApplication.clipboard().setText(json.dumps(account, ensure_ascii=False, indent=2))
        topics = [account["topic"]] if self.current.change_ids else []
        if self.current.org_types and account.get("orgTopic"):
            topics.append(account["orgTopic"])
        self._say(self.tr("Copied the MQTT account of %1 (topic %2).").replace(
            "%1", self.current.base_code).replace("%2", ", ".join(topics) or account["topic"]))
        return account

    def _toggle(self) -> None:
        if self.current is not None:
            self._spawn(self.set_enabled(not self.current.enabled), "enable subscription")

    def _ask_delete(self) -> None:
        if self.current is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete subscription"),
                          self.tr("Delete %1? Its deliveries stay in the history; new events "
                                  "no longer go to it.").replace("%1", self.current.base_code),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # open(), not exec(): no nested event loop under qasync
        box.finished.connect(lambda result: self._spawn(self.delete(), "delete subscription")
                             if result == QMessageBox.StandardButton.Yes else None)
        box.open()

    # --- small things ----------------------------------------------------------------------------

    def _fill_areas_menu(self) -> None:
        self.areas_menu.clear()
        chosen = {a.strip() for a in self.areas.text().split(",") if a.strip()}
        everything = self.areas_menu.addAction(self.tr("* — every data area"))
        everything.setCheckable(True)
        everything.setChecked("*" in chosen)
        everything.toggled.connect(lambda on: self._pick_area("*", on))
        self.areas_menu.addSeparator()
        areas = self.platform.engine.data_areas.values() if self.platform is not None else ()
        for area in areas:
            action = self.areas_menu.addAction(f"{area.code} — {area.name}")
            action.setCheckable(True)
            action.setChecked(area.code in chosen)
            action.toggled.connect(lambda on, code=area.code: self._pick_area(code, on))

    def _pick_area(self, code: str, on: bool) -> None:
        chosen = [a.strip() for a in self.areas.text().split(",") if a.strip()]
        if code == "*":
            chosen = ["*"] if on else []
        elif on:
            chosen = [a for a in chosen if a != "*"] + ([code] if code not in chosen else [])
        else:
            chosen = [a for a in chosen if a != code]
        self.areas.setText(", ".join(chosen))
        self._edited()

    def _reveal(self, shown: bool) -> None:
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                else QLineEdit.EchoMode.Password)
        self.reveal.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _generate(self) -> None:
        self.secret.setText(new_secret())
        self._edited()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._message_timer.start()

    def _engine_sub(self, base_code: str) -> Subscription | None:
        return self.platform.engine.index.get(base_code) if self.platform is not None else None

    def _spawn(self, coro: Any, name: str) -> None:
        spawn(coro, name=name)


def _state_of(sub: Subscription | None) -> dict[str, Any]:
    """A form state for a saved subscription, or the defaults of a new one."""
    if sub is None:
        return {"code": "", "name": "", "areas": "*", "changes": ["1", "5", "2", "3"],
                "orgTypes": [], "orgIds": "*", "url": "", "encoding": "string", "secret": "",
                "schedule": _schedule_text(DEFAULT_RETRY_SCHEDULE), "timeout": DEFAULT_TIMEOUT,
                "concurrency": DEFAULT_CONCURRENCY, "ordering": "none",
                "autoDisable": DEFAULT_AUTO_DISABLE_AFTER, "enabled": True,
                "sendBaseCode": False}
    return {"code": sub.base_code, "name": sub.name, "areas": ", ".join(sub.data_areas),
            "changes": list(sub.change_ids), "orgTypes": list(sub.org_types),
            "orgIds": ", ".join(sub.org_ids), "url": sub.callback_url or "",
            "encoding": sub.data_encoding, "secret": sub.secret or "",
            "schedule": _schedule_text(sub.retry_schedule), "timeout": sub.timeout,
            "concurrency": sub.concurrency, "ordering": sub.ordering,
            "autoDisable": sub.auto_disable_after, "enabled": sub.enabled,
            "sendBaseCode": sub.send_base_code}


def _org_ids(text: str) -> list[Any]:
    """orgIds as typed: ``*`` (or nothing) is every organisation; whole numbers are ids;
    anything else is kept as text, for the reader to name it under the field."""
    parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
    if not parts or parts == ["*"]:
        return ["*"]
    return [int(p) if p.isdigit() else p for p in parts]


def _schedule_text(schedule: tuple[float, ...]) -> str:
    return ", ".join(f"{s:g}" for s in schedule)
