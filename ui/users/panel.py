"""The Users & clients panel: every IM user, simulated phone or real client, with who is online
(the broker's word), what the broker holds for them, the pushes recorded for them; and what a
tester does with them — start a crowd of simulated phones, add an account for a real client
and copy its connection settings into MQTTX, rotate an authSign, take a phone offline, open a
chat between two users.

Scriptable (the lead's screenshots and end-to-end tests):
- attributes ``table``, ``model`` (``UsersModel``), ``proxy``, ``detail``, ``crowd_form``,
  ``user_form``, ``notify_form``, ``state`` (the status line), ``problem`` (the error
  line), ``chats``;
- ``await start_simulated(n, **habits) -> [userID]``, ``await add_user(doc) -> userID|None``,
  ``select(user_id)``, ``selected_ids()``, ``await take_offline(user_id, drop=False)``,
  ``await bring_online(user_id)``, ``copy_auth_sign(user_id)``, ``copy_connection(user_id)``,
  ``await rotate(user_id)``, ``await set_habits(user_id, onChatPage=False, …)``,
  ``await delete([user_id])``, ``open_chat(a, b) -> ChatWindow``
  (then ``await chat.send(text)``), ``await notify({type, to, payload})``,
  ``show_notify_form()``, ``refresh()`` (what the timer runs).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.im.protocol import NotifyError
from app.im.users import UserError
from app.tasks import spawn
from app.transport.mqtt import MqttError
from simulator.app_users import AppUserInputError
from ui import theme
from ui.hub import Hub
from ui.panel import Panel, empty_state
from ui.users.activity import UserActivity
from ui.users.chat import ChatWindow
from ui.users.detail import UserDetail
from ui.users.forms import CrowdForm, NotifyForm, UserForm
from ui.users.model import UserRow, UsersFilter, UsersModel

if TYPE_CHECKING:
    from app.platform import Platform

#: How often the table catches up with presence, phones and the bus counters (ms).
REFRESH_MS = 1_000
#: Users whose presence is asked each refresh besides the ones the bus marked (a rotating
#: window: ten thousand users are all looked at within twenty seconds, none stalls a frame).
REFRESH_CHUNK = 500
#: Peers offered in the "Chat with" menu.
PEERS_OFFERED = 20


class UsersPanel(Panel):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.model = UsersModel(self)
        self.proxy = UsersFilter(self)
        self.proxy.setSourceModel(self.model)
        self.activity = UserActivity()
        self.chats: dict[tuple[str, str], ChatWindow] = {}
        self._cursor = 0
        self._message = ""

        # --- top: create users, filter ---
        self.start_button = QToolButton()
        self.start_button.setCheckable(True)
        self.add_button = QToolButton()
        self.add_button.setCheckable(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        top = QHBoxLayout()
        top.addWidget(self.start_button)
        top.addWidget(self.add_button)
        top.addWidget(self.filter_edit, 1)

        self.crowd_form = CrowdForm()
        self.crowd_form.setVisible(False)
        self.user_form = UserForm()
        self.user_form.setVisible(False)
        self.notify_form = NotifyForm()
        self.notify_form.setVisible(False)

        # --- actions on the selection ---
        self.actions_bar = QToolBar()
        self.actions_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.chat_action = QAction(self)
        self.copy_sign_action = QAction(self)
        self.copy_connection_action = QAction(self)
        self.offline_action = QAction(self)
        self.drop_action = QAction(self)
        self.online_action = QAction(self)
        self.rotate_action = QAction(self)
        self.notify_action = QAction(self)
        self.edit_action = QAction(self)
        self.delete_action = QAction(self)
        for action in (self.chat_action, self.copy_sign_action, self.copy_connection_action,
                       self.offline_action, self.online_action, self.notify_action,
                       self.rotate_action, self.edit_action, self.delete_action):
            self.actions_bar.addAction(action)
        offline_menu = QMenu(self)
        offline_menu.addAction(self.drop_action)
        offline_button = self.actions_bar.widgetForAction(self.offline_action)
        if isinstance(offline_button, QToolButton):
            offline_button.setMenu(offline_menu)
            offline_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

        # --- the table and the detail ---
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # creation order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((92, 72, 104, 54, 50, 54, 62, 70)):
            header.resizeSection(column, width)
        self.detail = UserDetail()

        self.empty = QWidget()
        self.empty_label = empty_state(self.empty)
        self.empty_start = QPushButton()
        self.empty_add = QPushButton()
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        empty_buttons.addWidget(self.empty_start)
        empty_buttons.addWidget(self.empty_add)
        empty_buttons.addStretch(1)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.empty, 1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(upper)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([440, 260])

        self.problem = QLabel()
        self.problem.setObjectName("usersProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setVisible(False)
        self.state = QLabel()
        self.state.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.crowd_form)
        layout.addWidget(self.user_form)
        layout.addWidget(self.notify_form)
        layout.addWidget(self.actions_bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.state)

        # --- wiring ---
        self.start_button.toggled.connect(self._show_crowd_form)
        self.add_button.toggled.connect(self._show_user_form)
        self.empty_start.clicked.connect(lambda: self.start_button.setChecked(True))
        self.empty_add.clicked.connect(lambda: self.add_button.setChecked(True))
        self.crowd_form.cancel.clicked.connect(lambda: self.start_button.setChecked(False))
        self.user_form.cancel.clicked.connect(lambda: self.add_button.setChecked(False))
        for form in (self.crowd_form, self.user_form, self.notify_form):
            # A form closed with its errors: the status line's "fix the field" goes too.
            form.cancel.clicked.connect(lambda: self._say_state(""))
        self.crowd_form.submitted.connect(
            lambda doc: spawn(self.start_simulated(**doc), name="start simulated users"))
        self.user_form.submitted.connect(
            lambda doc: spawn(self.add_user(doc), name="add IM user"))
        self.notify_form.submitted.connect(
            lambda doc: spawn(self.notify(doc), name="IM notification"))
        self.notify_action.triggered.connect(self.show_notify_form)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.chat_action.triggered.connect(self._chat_clicked)
        self.copy_sign_action.triggered.connect(lambda: self.copy_auth_sign())
        self.copy_connection_action.triggered.connect(lambda: self.copy_connection())
        self.offline_action.triggered.connect(lambda: self._each(self.take_offline))
        self.drop_action.triggered.connect(
            lambda: self._each(lambda u: self.take_offline(u, drop=True)))
        self.online_action.triggered.connect(lambda: self._each(self.bring_online))
        self.rotate_action.triggered.connect(self._rotate_clicked)
        self.edit_action.triggered.connect(self._edit_clicked)
        self.delete_action.triggered.connect(self._delete_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _i: self._chat_clicked())
        self.proxy.rowsInserted.connect(self._update_state)
        self.proxy.rowsRemoved.connect(self._update_state)
        self.proxy.modelReset.connect(self._update_state)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.retranslate()

    # --- life -----------------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        super().attach(platform)
        if platform.im is not None:
            self.activity.watch(platform.engine.bus)
            self.timer.start()
        self.refresh()

    def detach(self) -> None:
        """The platform is going away: stop listening (the chats too)."""
        self.timer.stop()
        self.activity.close()
        for chat in self.chats.values():
            chat.stop()

    def refresh(self) -> None:
        """Catch the table up: new and deleted users, presence, phones, the bus's counts.
        Bounded: the users the bus marked, plus a rotating ``REFRESH_CHUNK`` of the rest."""
        im = self.platform.im if self.platform is not None else None
        if im is None:
            self._update_state()
            return
        known = self.model.ids()
        gone = set(known) - im.users.keys()
        for user_id in gone:
            self.activity.forget(user_id)
        self.model.remove(gone)
        fresh = [u for u in im.users if self.model.row_of(u) is None]
        ids = self.model.ids()
        look = set(fresh) | (self.activity.dirty & im.users.keys())
        self.activity.dirty.clear()
        if ids:
            start = self._cursor % len(ids)
            look.update(ids[start:start + REFRESH_CHUNK])
            self._cursor = start + REFRESH_CHUNK
        chosen = set(self.selected_ids())
        look |= chosen & im.users.keys()
        # New users keep the IM server's (creation) order; the rest as they are.
        order = {u: i for i, u in enumerate(im.users)}
        self.model.upsert(self._row(u) for u in sorted(look, key=order.__getitem__))
        current = self.current_id()
        if current is not None and current in look:
            self.detail.show_user(self.platform, current)  # type: ignore[arg-type]
        self._update_actions()
        self._update_state()
        for chat in self.chats.values():
            chat.update_state()

    def _row(self, user_id: str) -> UserRow:
        assert self.platform is not None and self.platform.im is not None
        im, crowd = self.platform.im, self.platform.phones
        user = im.users[user_id]
        online = im.online(user_id)
        if online:
            self.activity.seen_online(user_id)
        phone = crowd.users.get(user_id) if crowd is not None else None
        counts = self.activity.of(user_id)
        return UserRow(user_id=user_id, name=user.name, role=user.role,
                       platform=user.platform, encoding=user.encoding,
                       simulated=phone is not None,
                       phone=phone.state if phone is not None else None, online=online,
                       queued=counts.queued, pushes=counts.pushes, last_at=counts.last_at,
                       last_error=phone.last_error if phone is not None else None)

    # --- selection ------------------------------------------------------------------------

    def select(self, user_id: str) -> bool:
        """Make ``user_id`` the one selected (and shown in the detail); False if not listed."""
        if self.model.row_of(user_id) is None:
            self.refresh()
        row = self.model.row_of(user_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter: show everyone
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def selected_ids(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        out = []
        for index in sorted(rows, key=lambda i: i.row()):
            row = index.data(Qt.ItemDataRole.UserRole)
            if isinstance(row, UserRow):
                out.append(row.user_id)
        return out

    def current_id(self) -> str | None:
        ids = self.selected_ids()
        current = self.table.currentIndex().data(Qt.ItemDataRole.UserRole)
        if isinstance(current, UserRow) and current.user_id in ids:
            return current.user_id
        return ids[0] if ids else None

    def _selection_changed(self, *_args: Any) -> None:
        current = self.current_id()
        if current is not None and self.platform is not None:
            self.detail.show_user(self.platform, current)
        else:
            self.detail.clear_user()
        self._update_actions()

    def _update_actions(self) -> None:
        ids = self.selected_ids()
        rows = [r for r in (self.model.get(u) for u in ids) if r is not None]
        ready = self.platform is not None and self.platform.im is not None
        one = ready and len(rows) == 1
        some = ready and bool(rows)
        self.chat_action.setEnabled(ready and len(rows) in (1, 2))
        self.copy_sign_action.setEnabled(one)
        self.copy_connection_action.setEnabled(one)
        self.rotate_action.setEnabled(one)
        self.notify_action.setEnabled(some)
        self.edit_action.setEnabled(one)
        self.delete_action.setEnabled(some)
        self.offline_action.setEnabled(some and any(r.simulated and r.phone != "offline"
                                                    for r in rows))
        self.drop_action.setEnabled(self.offline_action.isEnabled())
        self.online_action.setEnabled(some and any(r.simulated and r.phone == "offline"
                                                   for r in rows))
        self.start_button.setEnabled(ready and self.platform.phones is not None)  # type: ignore[union-attr]
        self.add_button.setEnabled(ready)
        self.empty_start.setEnabled(self.start_button.isEnabled())
        self.empty_add.setEnabled(ready)

    # --- creating users -------------------------------------------------------------------

    def _show_crowd_form(self, on: bool) -> None:
        self.crowd_form.setVisible(on)
        if on:
            self.add_button.setChecked(False)
            self.notify_form.setVisible(False)
            self.crowd_form.count.setFocus()

    def _show_user_form(self, on: bool) -> None:
        self.user_form.setVisible(on)
        if on:
            self.start_button.setChecked(False)
            self.notify_form.setVisible(False)
            self.user_form.user_id.setFocus()

    def show_notify_form(self) -> None:
        """The notification form, addressed to the users selected."""
        ids = self.selected_ids()
        if not ids:
            return
        first = self.model.get(ids[0])
        self.notify_form.address(ids, first.role if first is not None else "user")
        self.start_button.setChecked(False)
        self.add_button.setChecked(False)
        self.notify_form.setVisible(True)

    async def notify(self, doc: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """A server notification (``POST /api/im/notifications``: ``{type, to, payload}``,
        ``to`` one userID or a list); what the server answered for each receiver (online,
        push), or [] with the problem shown under its field."""
        im = self._im()
        if im is None:
            return []
        doc = self.notify_form.value() if doc is None else doc
        form = self.notify_form
        form.clear_errors()
        if isinstance(doc.get("payload"), str):  # the form's text is not JSON: say where
            try:
                json.loads(doc["payload"])
            except ValueError as error:
                self._form_error(form, {"payload": self.tr(
                    "not JSON: %1").replace("%1", str(error))})
                return []
        to = doc.get("to")
        try:
            if isinstance(to, list):
                sent = await im.notify_many(doc.get("type"), to, doc.get("payload"))
            else:
                sent = [await im.notify(doc.get("type"), to, doc.get("payload"))]
        except NotifyError as error:
            errors: dict[str, str] = {}
            for f in error.findings:
                key = f.path.split("[")[0].split(".")[0] or "payload"
                line = (f"{f.path}: " if f.path != key else "") + f.message + (
                    f" — {f.hint}" if f.hint else "")
                errors[key] = f"{errors[key]}\n{line}" if key in errors else line
            self._form_error(form, errors)
            return []
        except MqttError as error:
            self._show_problem(self.tr("The broker refused: %1").replace("%1", str(error)))
            return []
        queued = sum(1 for s in sent if s.get("online") is False)
        pushed = sum(1 for s in sent if s.get("push"))
        text = self.tr("%n notification(s) sent", "", len(sent))
        if queued:
            text += " · " + self.tr("%n queued for offline users", "", queued)
        if pushed:
            text += " · " + self.tr("%n push(es) recorded", "", pushed)
        self._say_state(text)
        self.refresh()
        return sent

    async def start_simulated(self, count: int | None = None, **doc: Any) -> list[str]:
        """Create ``count`` IM users and bring their simulated phones online (the fields of
        ``POST /api/simulated-users``; the form's values for what is not given). Returns
        their userIDs; on bad input the form names the field and nothing is created."""
        crowd = self._crowd()
        if crowd is None:
            return []
        request = {**self.crowd_form.value(), **doc}
        if count is not None:
            request["count"] = count
        self.crowd_form.clear_errors()
        self.crowd_form.submit.setEnabled(False)
        self._say_state(self.tr("Starting %n simulated user(s)…", "", request["count"]))
        try:
            done = await crowd.create(request)
        except AppUserInputError as error:
            self._form_error(self.crowd_form, {error.path: str(error)})
            return []
        except UserError as error:
            # The userIDs the prefix makes are taken (a subscriber's baseCode, a reserved
            # name): that is the prefix's fault.
            self._form_error(self.crowd_form, {"prefix": "; ".join(
                f"{f.message}" + (f" — {f.hint}" if f.hint else "") for f in error.findings)})
            return []
        except MqttError as error:
            self._show_problem(self.tr("The broker refused: %1").replace("%1", str(error)))
            return []
        finally:
            self.crowd_form.submit.setEnabled(True)
        ids = [u["userID"] for u in done]
        refused = [u["userID"] for u in done if u["state"] != "online"]
        self.problem.setVisible(False)
        self.refresh()
        if ids:
            self.select(ids[0])
        text = self.tr("Started %n simulated user(s)", "", len(ids))
        if refused:
            text += " · " + self.tr("%n refused by the broker (see each user's Phone tab)", "",
                                    len(refused))
        self._say_state(text)
        return ids

    async def add_user(self, doc: dict[str, Any] | None = None) -> str | None:
        """Create or change an IM user (``POST /api/users``); its userID, or None when the
        input is bad (each field's problem is shown under it, nothing typed is lost)."""
        im = self._im()
        if im is None:
            return None
        doc = self.user_form.value() if doc is None else doc
        self.user_form.clear_errors()
        try:
            user, created = await im.put_user(doc)
        except UserError as error:
            self._form_error(self.user_form, {
                f.path: f.message + (f" — {f.hint}" if f.hint else "") for f in error.findings})
            return None
        self.refresh()
        self.select(user.user_id)
        self._say_state((self.tr("Created %1: copy its connection settings to connect a "
                                 "client as it") if created else
                         self.tr("Saved %1")).replace("%1", user.user_id))
        if self.user_form.user_id.text().strip() == user.user_id:
            self.user_form.user_id.clear()  # ready for the next one; the rest stays
            self.user_form.name.clear()
        return user.user_id

    def _form_error(self, form: Any, errors: dict[str, str]) -> None:
        form.show_errors(errors)
        form.setVisible(True)
        if form is self.crowd_form:
            self.start_button.setChecked(True)
        elif form is self.user_form:
            self.add_button.setChecked(True)
        self._say_state(self.tr("Nothing was saved: fix the field marked above"))

    # --- actions on users -----------------------------------------------------------------

    def _target(self, user_id: str | None) -> str | None:
        return user_id if user_id is not None else self.current_id()

    def copy_auth_sign(self, user_id: str | None = None) -> str | None:
        """Put the user's authSign (its MQTT password) on the clipboard; returns it."""
        im, user_id = self._im(), self._target(user_id)
        if im is None or user_id is None or user_id not in im.users:
            return None
        sign = im.sign(im.users[user_id])
        QGuiApplication.clipboard().setText(sign)
        self._say_state(self.tr("authSign of %1 copied (it is the MQTT password)")
                        .replace("%1", user_id))
        return sign

    def copy_connection(self, user_id: str | None = None) -> str | None:
        """Put the user's MQTT connection settings (JSON: host, port, clientId, username,
        password = authSign, keepalive, cleanSession, topics) on the clipboard."""
        im, user_id = self._im(), self._target(user_id)
        if im is None or user_id is None or user_id not in im.users:
            return None
        text = json.dumps(im.connection(im.users[user_id]), ensure_ascii=False, indent=2)
        QGuiApplication.clipboard().setText(text)
        self._say_state(self.tr("Connection settings of %1 copied: host, port, clientId = "
                                "username = userID, password = authSign, cleanSession off")
                        .replace("%1", user_id))
        return text

    async def rotate(self, user_id: str | None = None) -> str | None:
        """A new authSign for the user; the old one stops working. Returns the new one."""
        im, user_id = self._im(), self._target(user_id)
        if im is None or user_id is None or user_id not in im.users:
            return None
        try:
            user = await im.rotate(user_id)
        except MqttError as error:
            self._show_problem(self.tr("Could not rotate %1: %2").replace("%1", user_id)
                               .replace("%2", str(error)))
            return None
        text = self.tr("New authSign for %1; the old one no longer connects").replace(
            "%1", user_id)
        if self._is_simulated(user_id):
            text += " · " + self.tr("its simulated phone keeps the old one and is refused "
                                    "when it reconnects, as an app would be until it logs in "
                                    "again")
        self._say_state(text)
        self.refresh()
        return im.sign(user)

    async def take_offline(self, user_id: str, *, drop: bool = False) -> bool:
        """Take a simulated phone offline: a clean DISCONNECT, or (``drop``) vanish from the
        network without one, as a phone in a lift does (the broker notices only when its
        keepalive runs out)."""
        crowd = self._crowd()
        if crowd is None or user_id not in crowd.users:
            self._show_problem(self.tr("%1 is a real client: only its own app can disconnect "
                                       "it").replace("%1", user_id))
            return False
        await crowd.offline(user_id, drop=drop)
        self.activity.dirty.add(user_id)
        self.refresh()
        text = (self.tr("%1 dropped off the network without a DISCONNECT: the broker sees "
                        "an unclean disconnect (a will would be published)") if drop else
                self.tr("%1 went offline: messages to it are now queued and pushed"))
        self._say_state(text.replace("%1", user_id))
        return True

    async def bring_online(self, user_id: str) -> bool:
        """Connect a simulated phone again; what the broker queued arrives."""
        crowd = self._crowd()
        if crowd is None or user_id not in crowd.users:
            self._show_problem(self.tr("%1 is a real client: connect it from its own app")
                               .replace("%1", user_id))
            return False
        try:
            await crowd.online(user_id)
        except MqttError as error:
            self._show_problem(self.tr("The broker refused %1: %2").replace("%1", user_id)
                               .replace("%2", str(error)))
            self.activity.dirty.add(user_id)
            self.refresh()
            return False
        self.activity.dirty.add(user_id)
        self.refresh()
        self._say_state(self.tr("%1 is online").replace("%1", user_id))
        return True

    async def set_habits(self, user_id: str, **habits: Any) -> bool:
        """Change how a simulated phone behaves (the habits of ``POST /api/simulated-users``:
        onChatPage, chatEvery, offlineEvery, offlineFor, ackRecords)."""
        crowd = self._crowd()
        if crowd is None or user_id not in crowd.users:
            self._show_problem(self.tr("%1 is a real client: its habits are its own")
                               .replace("%1", user_id))
            return False
        try:
            await crowd.act(user_id, "habits", habits)
        except AppUserInputError as error:
            self._show_problem(f"{error.path}: {error}")
            return False
        self.activity.dirty.add(user_id)
        self.refresh()
        self._say_state(self.tr("Habits of %1 changed").replace("%1", user_id))
        return True

    async def delete(self, user_ids: Iterable[str]) -> int:
        """Delete these IM users (a simulated phone is disconnected first); how many."""
        im, crowd = self._im(), self._crowd()
        if im is None:
            return 0
        done = 0
        for user_id in list(user_ids):
            if user_id not in im.users:
                continue
            if crowd is not None and user_id in crowd.users:
                await crowd.offline(user_id)
            await im.delete_user(user_id)
            chat_keys = [k for k in self.chats if user_id in k]
            for key in chat_keys:
                self.chats.pop(key).close()
            done += 1
        self.refresh()
        self._say_state(self.tr("%n user(s) deleted", "", done))
        return done

    def _each(self, action: Any) -> None:
        for user_id in self.selected_ids():
            if self._is_simulated(user_id):
                spawn(action(user_id), name=f"user {user_id}")

    def _rotate_clicked(self) -> None:
        user_id = self.current_id()
        if user_id is not None:
            spawn(self.rotate(user_id), name=f"rotate {user_id}")

    def _edit_clicked(self) -> None:
        im, user_id = self._im(), self.current_id()
        if im is None or user_id is None or user_id not in im.users:
            return
        self.user_form.fill(im.users[user_id].to_json())
        self.add_button.setChecked(True)

    def _delete_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete users"),
                          self.tr("Delete %n IM user(s)? Their accounts stop working at once; "
                                  "messages and pushes already logged stay.", "", len(ids)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: spawn(self.delete(ids), name="delete users")
                             if result == QMessageBox.StandardButton.Yes else None)
        box.open()  # never exec(): the platform keeps running behind the question
        self._confirm = box

    # --- chats ----------------------------------------------------------------------------

    def open_chat(self, a: str, b: str) -> ChatWindow | None:
        """The chat window between ``a`` and ``b`` (``a`` on the right), opened or raised."""
        if self.platform is None or self.platform.im is None or a == b:
            return None
        key = (a, b)
        chat = self.chats.get(key)
        if chat is None:
            chat = ChatWindow(self.platform, a, b, self)
            self.chats[key] = chat
        chat.show()
        chat.activateWindow()  # brings an open one to the front
        return chat

    def _chat_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            self.open_chat(ids[0], ids[1])
        elif len(ids) == 1:
            menu = self._peer_menu(ids[0])
            menu.popup(self.table.viewport().mapToGlobal(
                self.table.visualRect(self.table.currentIndex()).bottomLeft()))

    def _peer_menu(self, user_id: str) -> QMenu:
        """Whom ``user_id`` can chat with: the other role and online first."""
        menu = QMenu(self.tr("Chat with"), self)
        me = self.model.get(user_id)
        others = [r for r in self.model.rows if r.user_id != user_id]
        others.sort(key=lambda r: (me is not None and r.role == me.role, not r.online,
                                   not r.simulated, r.user_id))
        for row in others[:PEERS_OFFERED]:
            action = menu.addAction(f"{row.user_id} · {row.name} · {self.model.presence(row)}")
            action.triggered.connect(lambda _c=False, p=row.user_id: self.open_chat(user_id, p))
        if not others:
            none = menu.addAction(self.tr("Nobody else yet: add a second user"))
            none.setEnabled(False)
        elif len(others) > PEERS_OFFERED:
            more = menu.addAction(self.tr("…or select two users and press Chat"))
            more.setEnabled(False)
        return menu

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        if not self.table.selectionModel().isSelected(index):
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        menu = QMenu(self)
        ids = self.selected_ids()
        if len(ids) == 1:
            menu.addMenu(self._peer_menu(ids[0]))
        elif len(ids) == 2:
            menu.addAction(self.chat_action)
        for action in (self.copy_sign_action, self.copy_connection_action, None,
                       self.offline_action, self.drop_action, self.online_action, None,
                       self.notify_action, self.rotate_action, self.edit_action,
                       self.delete_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        crowd = self.platform.phones if self.platform is not None else None
        if len(ids) == 1 and crowd is not None and ids[0] in crowd.users:
            page = menu.addAction(self.tr("On the chat page (answers received: ✓✓)"))
            page.setCheckable(True)
            page.setChecked(crowd.users[ids[0]].habits.on_chat_page)
            page.toggled.connect(lambda on, u=ids[0]: spawn(
                self.set_habits(u, onChatPage=on), name=f"habits {u}"))
        filter_live = menu.addAction(self.tr("Show this user's messages in Live"))
        filter_live.setEnabled(len(ids) == 1)
        filter_live.triggered.connect(lambda: self.hub.filter_live.emit(ids[0], "text"))
        menu.popup(self.table.viewport().mapToGlobal(point))

    # --- helpers --------------------------------------------------------------------------

    def _im(self) -> Any:
        if self.platform is None:
            return None
        if self.platform.im is None:
            self._show_problem(self._no_im())
        return self.platform.im

    def _crowd(self) -> Any:
        if self._im() is None:
            return None
        if self.platform.phones is None:  # type: ignore[union-attr]
            self._show_problem(self.tr("No simulated app users in this process: this build "
                                       "runs without the crowd"))
        return self.platform.phones  # type: ignore[union-attr]

    def _is_simulated(self, user_id: str) -> bool:
        crowd = self.platform.phones if self.platform is not None else None
        return crowd is not None and user_id in crowd.users

    def _no_im(self) -> str:
        problem = self.platform.mq.problem if self.platform is not None else None
        text = self.tr("No IM server: the broker is not running. Install and start Mosquitto "
                       "(./dev installs it), or start Push Studio with --broker "
                       "mqtt://host:port.")
        return text + (f"\n{problem}" if problem else "")

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

    def _say_state(self, text: str) -> None:
        self._message = text
        self._update_state()

    def _update_state(self, *_args: Any) -> None:
        has = self.model.rowCount() > 0
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        self.detail.setVisible(has)
        self.actions_bar.setVisible(has)
        if self.platform is None:
            self.empty_label.setText(self.tr("The platform is starting: the broker and the IM "
                                             "server come up in a moment."))
        elif self.platform.im is None:
            self.empty_label.setText(self._no_im())
        else:
            self.empty_label.setText(self.tr(
                "No IM users yet.\n\nStart simulated users: phones that connect exactly as "
                "the spec says, chat, and come and go. Or add a user that a real client "
                "(MQTTX, the app) connects as, with the settings this panel copies for you."))
        self.empty_start.setVisible(self.platform is not None and self.platform.im is not None)
        self.empty_add.setVisible(self.empty_start.isVisible())
        rows = self.model.rows
        parts = [self.tr("%n user(s)", "", len(rows))]
        if rows:
            parts.append(self.tr("%n online", "", sum(1 for r in rows if r.online)))
            simulated = sum(1 for r in rows if r.simulated)
            if simulated:
                parts.append(self.tr("%n simulated", "", simulated))
            queued = sum(r.queued for r in rows)
            if queued:
                parts.append(self.tr("%n message(s) queued", "", queued))
        shown = self.proxy.rowCount()
        if shown != len(rows):
            parts.append(self.tr("%n shown by the filter", "", shown))
        self.state.setText(" · ".join(parts) + (f"\n{self._message}" if self._message else ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour
            self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
            self.table.viewport().update()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.problem.setStyleSheet(f"color: {theme.error_colour().name()};")
        self.start_button.setText(self.tr("Start simulated users…"))
        self.start_button.setToolTip(self.tr(
            "Create IM users and bring simulated phones online for them"))
        self.add_button.setText(self.tr("Add user…"))
        self.add_button.setToolTip(self.tr(
            "An IM user for a real client (MQTTX, the app) to connect as"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by userID or name"))
        self.empty_start.setText(self.tr("Start 5 simulated users…"))
        self.empty_add.setText(self.tr("Add a user…"))
        self.chat_action.setText(self.tr("Chat"))
        self.chat_action.setToolTip(self.tr(
            "Open a chat: select two users, or one and pick the other"))
        self.copy_sign_action.setText(self.tr("Copy authSign"))
        self.copy_sign_action.setToolTip(self.tr("The user's MQTT password"))
        self.copy_connection_action.setText(self.tr("Copy connection"))
        self.copy_connection_action.setToolTip(self.tr(
            "Host, port, clientId, username, password (authSign), keepalive, cleanSession and "
            "topics, as JSON: what to paste into MQTTX"))
        self.offline_action.setText(self.tr("Take offline"))
        self.offline_action.setToolTip(self.tr("Disconnect the simulated phone cleanly; the "
                                               "arrow offers dropping off the network"))
        self.drop_action.setText(self.tr("Drop off the network (no DISCONNECT)"))
        self.online_action.setText(self.tr("Bring online"))
        self.rotate_action.setText(self.tr("Rotate authSign"))
        self.rotate_action.setToolTip(self.tr("A new authSign; the old one stops working and a "
                                              "connected client is let go"))
        self.notify_action.setText(self.tr("Notify…"))
        self.notify_action.setToolTip(self.tr(
            "Send a server notification (order, note, feedback, expert) to the selected "
            "users"))
        self.edit_action.setText(self.tr("Edit"))
        self.delete_action.setText(self.tr("Delete"))
        self.model.retranslate()
        self.crowd_form.retranslate()
        self.user_form.retranslate()
        self.notify_form.retranslate()
        self.detail.retranslate()
        self._update_actions()
        self._update_state()
