"""The Timeline panel: one work order's life, drawn.

Find an order by id, code or contact; its tracks are lanes from generated to handled with
their handler names, hangs shaded, timeouts, transfers, urgings, evaluation and the end as
marks, each event's deliveries as badges (per subscriber, then IM notified and pushed), and
anomalies ringed in red and listed with their explanation. Click anything for its JSON.

Scriptable (the lead's screenshots, end-to-end tests):
    panel.show_order("4503599741262301")   # draw an order (False if it has no events)
    panel.search("噜噜噜")                  # run a search now; returns the rows found
    panel.open_search()                     # Enter in the search box: open the best match
    panel.pick("event", 12)                 # show an item's JSON, as a click does
    panel.refresh()                         # read the shown order again now
    panel.show_in_live(); panel.continue_in_compose()
    panel.view.zoom(2.0); panel.view.fit()     # Ctrl+wheel, +, -, 0 in the view
    panel.detach()                          # before the platform stops: off its bus
    panel.badges()      # [(event id, subscriber or user, outcome)]
    panel.anomalies()   # [(event id, kind, message in the language shown)]
Widgets: ``search_box`` (OrderSearch: ``edit``, ``table``), ``scene``, ``view``, ``legend``,
``detail`` (DetailPane), ``anomaly_list``, ``tabs``, ``header``, ``status``, ``empty``.

``language`` is a callable giving "en" or "zh": which of the core's two messages an anomaly
shows, and which names changeIds get. By default it reads the translation of a marker string
(see ``_translated_language``); the main window may set it to its own language instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.workorder import OVER_TYPE, WORKORDER
from app.events import (
    DeliveriesReplayed,
    DeliveryAttempted,
    EventAccepted,
    ImMessageLogged,
    PushRecorded,
)
from app.im.repair import MSG_TYPE
from app.timeline import Timeline, build_timeline
from app.timeline.notices import notices, order_users
from app.timeline.orders import any_order
from app.wecom.origins import origins
from ui import theme
from ui.hub import Hub
from ui.panel import Panel, empty_state
from ui.timeline import times
from ui.timeline.anomalies import AnomalyList
from ui.timeline.detail import DetailPane
from ui.timeline.legend import Legend
from ui.timeline.scene import TimelineScene
from ui.timeline.search import OrderSearch
from ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from app.platform import Platform

#: At most one redraw per this many milliseconds while messages for the order arrive.
THROTTLE_MS = 300
#: One more read this long after the last message: the IM log and pushes reach the store
#: in batches a little after the bus announces them.
SETTLE_MS = 1000
#: Orders with more events than this are not drawn (one read must stay short).
MAX_EVENTS = 5000
_CHANGES = {t.id: t for t in WORKORDER.types}


class TimelinePanel(Panel):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.order_id: str | None = None
        self.timeline: Timeline | None = None
        self.updated_at: float | None = None
        self.language: Callable[[], str] = self._translated_language
        self._event_ids: set[int] = set()
        self._delivery_ids: set[int] = set()
        self._users: set[str] = set()
        self._unsubscribe: list[Callable[[], None]] = []
        unsubscribe = self._unsubscribe  # not self: the lambda must outlive the wrapper
        self.destroyed.connect(lambda *_: [u() for u in unsubscribe])

        self.search_box = OrderSearch()
        self.search_box.opened.connect(self.show_order)
        self.search_box.setEnabled(False)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.zoom_out_button = QToolButton()
        self.zoom_in_button = QToolButton()
        self.fit_button = QToolButton()
        self.live_button = QToolButton()
        self.compose_button = QToolButton()
        tools = QHBoxLayout()
        tools.setSpacing(4)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.live_button)
        tools.addWidget(self.compose_button)

        self.scene = TimelineScene()
        self.scene.language = lambda: self.language()
        self.scene.change_names = self._change_name
        self.view = TimelineView(self.scene)
        self.view.setMinimumHeight(160)
        self.legend = Legend()
        self.detail = DetailPane()
        self.anomaly_model = AnomalyList(self)
        self.anomaly_model.language = lambda: self.language()
        self.anomaly_list = QListView()
        self.anomaly_list.setModel(self.anomaly_model)
        self.anomaly_list.setWordWrap(True)
        self.anomaly_list.setUniformItemSizes(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.detail, "")
        self.tabs.addTab(self.anomaly_list, "")
        self.status = QLabel()
        self.status.setWordWrap(True)

        drawing = QWidget()
        drawing_layout = QVBoxLayout(drawing)
        drawing_layout.setContentsMargins(0, 0, 0, 0)
        drawing_layout.addWidget(self.view, 1)
        drawing_layout.addWidget(self.legend)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(drawing)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([460, 240])
        self.split.setChildrenCollapsible(False)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.header)
        content_layout.addLayout(tools)
        content_layout.addWidget(self.split, 1)
        content_layout.addWidget(self.status)
        self.empty = empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.stack, 1)

        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.zoom_in_button.clicked.connect(self.view.zoom_in)
        self.fit_button.clicked.connect(self.view.fit)
        self.live_button.clicked.connect(self.show_in_live)
        self.compose_button.clicked.connect(self.continue_in_compose)
        self.view.picked.connect(self.pick)
        self.anomaly_list.clicked.connect(self._anomaly_clicked)
        self.anomaly_list.activated.connect(self._anomaly_clicked)
        hub.open_order.connect(self.show_order)

        self.throttle = QTimer(self)
        self.throttle.setSingleShot(True)
        self.throttle.setInterval(THROTTLE_MS)
        self.throttle.timeout.connect(self.refresh)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.refresh)
        self.retranslate()

    # --- the platform ---------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        super().attach(platform)
        store = platform.engine.store
        assert store is not None
        self.search_box.find = lambda text, limit: store.find_orders(text, limit)
        self.search_box.setEnabled(True)
        bus = platform.engine.bus
        self._unsubscribe += [bus.subscribe(EventAccepted, self._on_event),
                              bus.subscribe(DeliveryAttempted, self._on_attempt),
                              bus.subscribe(DeliveriesReplayed, self._on_replay),
                              bus.subscribe(ImMessageLogged, self._on_im),
                              bus.subscribe(PushRecorded, self._on_push)]
        if self.order_id is not None:  # asked for before the platform was up
            self.show_order(self.order_id)
        else:
            self._update_empty()

    def detach(self) -> None:
        """The platform is about to stop: no more redraws, off its bus. The drawing stays
        on screen; search is off until a platform is attached again."""
        self.throttle.stop()
        self.settle.stop()
        while self._unsubscribe:
            self._unsubscribe.pop()()
        self.search_box.timer.stop()
        self.search_box.setEnabled(False)

    def _on_event(self, event: EventAccepted) -> None:
        if self.order_id is not None and event.service_order_id == self.order_id:
            self._schedule()

    def _on_attempt(self, event: DeliveryAttempted) -> None:
        if event.event_id in self._event_ids:
            self._schedule()

    def _on_replay(self, event: DeliveriesReplayed) -> None:
        if self._delivery_ids.intersection(event.delivery_ids):
            self._schedule()

    def _on_im(self, event: ImMessageLogged) -> None:
        if event.type == MSG_TYPE and event.user_id in self._users:
            self._schedule()

    def _on_push(self, event: PushRecorded) -> None:
        if event.user_id in self._users:
            self._schedule()

    def _schedule(self) -> None:
        """Something about the shown order moved: redraw soon, at most every THROTTLE_MS
        however many messages arrive, and once more when they have settled."""
        if not self.throttle.isActive():
            self.throttle.start()
        self.settle.start()

    # --- the scriptable actions -----------------------------------------------------------

    def show_order(self, order_id: str) -> bool:
        """Draw this order (a serviceOrderId), fitted to the view; False if the store has
        no events for it (the panel then says so)."""
        order_id = order_id.strip()
        if order_id != self.order_id:
            self.scene.selected = None  # another order: nothing of it is selected
        self.order_id = order_id or None
        self.detail.clear()
        if self.platform is None or not order_id:
            self._update_empty()
            return False
        shown = self.refresh()
        if shown:
            self.view.fit()
            self.search_box.collapse()
        return shown

    def search(self, text: str) -> list[dict[str, Any]]:
        """Put ``text`` in the search box and search now (no debounce)."""
        self.search_box.edit.setText(text)
        return self.search_box.run()

    def open_search(self) -> str | None:
        """As Enter in the search box: open the exact id, else the first match."""
        return self.search_box.open_best()

    def refresh(self) -> bool:
        """Read the shown order again and redraw it, keeping zoom and scroll."""
        self.throttle.stop()
        if self.platform is None or self.order_id is None:
            return False
        store = self.platform.engine.store
        if store is None:  # the platform stopped (the app is closing): nothing to read
            return False
        order = store.order(self.order_id)
        if order is not None and order["event_count"] > MAX_EVENTS:
            self.timeline = None
            self.empty.setText(self.tr(
                "Order %1 has %2 events, more than the %3 this panel draws. Its story is "
                "in the command line: python main.py timeline %1").replace(
                "%1", self.order_id).replace("%2", str(order["event_count"])).replace(
                "%3", str(MAX_EVENTS)))
            self.stack.setCurrentWidget(self.empty)
            return False
        events = store.events_for_order(self.order_id)
        if not events:
            self.timeline = None
            self._update_empty()
            return False
        deliveries = store.deliveries_for(e["id"] for e in events)
        timeline = build_timeline(self.order_id, events, deliveries)
        timeline.origins = origins(store, self.order_id)  # opened from a WeCom message?
        found = notices(store, self.order_id, events=events)
        self.timeline = timeline
        self.updated_at = time.time()
        self._event_ids = {e.event_id for e in timeline.events}
        self._delivery_ids = {d["id"] for e in timeline.events for d in e.deliveries}
        self._users = set(order_users(events))
        bar = self.view.horizontalScrollBar()
        scroll = bar.value()
        self.scene.show(timeline, found)
        if self.view.fitted:  # following the whole order: it may have grown
            self.view.fit()
        else:
            bar.setValue(scroll)
        self.anomaly_model.set_rows(timeline.anomalies)
        self.stack.setCurrentIndex(1)
        self._describe()
        return True

    def badges(self) -> list[tuple[int, str, str]]:
        """Every badge drawn: (event id, subscriber baseCode or app userId, outcome)."""
        return self.scene.badges()

    def anomalies(self) -> list[tuple[int, str, str]]:
        """The shown order's anomalies: (event id, kind, message in the language shown)."""
        return [(a.event_id, a.kind, self.anomaly_model.message(a))
                for a in self.anomaly_model.rows]

    def show_in_live(self) -> None:
        """Filter the Live table to this order's rows."""
        if self.order_id is not None:
            self.hub.filter_live.emit(self.order_id, "text")

    def continue_in_compose(self) -> dict[str, Any] | None:
        """Open the order's last event in Compose, to edit into the next step and send."""
        if self.platform is None or self.timeline is None or not self.timeline.events:
            return None
        last = self.platform.engine.event(self.timeline.events[-1].event_id)
        if last is None:
            return None
        body = {"baseCode": "", "dataArea": last["data_area"], "changeId": last["change_id"],
                "data": last["data"]}
        self.hub.compose.emit(body)
        return body

    def pick(self, kind: str, payload: Any) -> None:
        """Show the JSON of a clicked item: an event (its id), a mark, a track, a hang, a
        delivery, an IM notice (with its push), an anomaly or the order itself."""
        if self.platform is None:
            return
        engine = self.platform.engine
        store = engine.store
        if store is None:  # the platform stopped
            return
        self.scene.select(kind, payload)
        if kind == "event":
            row = engine.event(int(payload))
            if row is None:
                return
            title = self.tr("Event #%1 · changeId %2 %3").replace("%1", str(payload)).replace(
                "%2", row["change_id"]).replace("%3", self._change_name(row["change_id"]))
            self.detail.show_doc(title, row)
        elif kind == "mark":
            row = engine.event(payload.event_id)
            self.detail.show_doc(self.tr("%1 · event #%2").replace("%1", payload.label).replace(
                "%2", str(payload.event_id)), {"mark": asdict(payload), "event": row})
        elif kind == "delivery":
            record = store.delivery(payload["id"]) or payload
            self.detail.show_doc(self.tr("Delivery to %1 · event #%2").replace(
                "%1", payload["baseCode"]).replace("%2", str(payload["eventId"])),
                {"delivery": record, "attempts": store.attempts(payload["id"])})
        elif kind == "notice":
            self.detail.show_doc(self.tr("IM notification to %1 · event #%2").replace(
                "%1", payload["userId"]).replace("%2", str(payload["eventId"])), payload)
        elif kind == "track":
            self.detail.show_doc(self.tr("Track %1").replace(
                "%1", payload.track_name or payload.track_id), asdict(payload))
        elif kind == "hang":
            doc = asdict(payload)
            doc["transitions"] = [{"hangStatus": s, "time": t, "eventId": e}
                                  for s, t, e in payload.transitions]
            self.detail.show_doc(self.tr("Hang"), doc)
        elif kind == "origin":
            wecom = getattr(self.platform, "wecom", None)
            message = wecom.message(payload["msgid"]) if wecom is not None else None
            self.detail.show_doc(self.tr("WeCom message %1 this order was opened from")
                                 .replace("%1", str(payload.get("msgid"))),
                                 {"origin": payload, "message": message})
        elif kind == "anomaly":
            self.detail.show_doc(self.tr("Anomaly at event #%1").replace(
                "%1", str(payload.event_id)), {**asdict(payload),
                                               "event": engine.event(payload.event_id)})
        elif kind == "order":
            doc = payload.to_json()
            doc.pop("events", None)  # the drawing shows them; the order's own facts here
            self.detail.show_doc(self.tr("Order %1").replace("%1", payload.service_order_id),
                                 doc)
        self.tabs.setCurrentWidget(self.detail)

    # --- showing --------------------------------------------------------------------------

    def _anomaly_clicked(self, index: QModelIndex) -> None:
        anomaly = index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None
        if anomaly is None:
            return
        self.view.center_on_event(anomaly.event_id)
        self.scene.select("anomaly", anomaly)
        self.detail.show_doc(self.tr("Anomaly at event #%1").replace(
            "%1", str(anomaly.event_id)), {**asdict(anomaly), "event": self.platform.engine.event(
                anomaly.event_id) if self.platform else None})

    def _update_empty(self) -> None:
        if self.platform is None:
            self.empty.setText(self.tr("The platform is starting…\n\nOnce it is up, find a "
                                       "work order here by its id, code or contact."))
        elif self.order_id is not None:
            self.empty.setText(self.tr(
                "No events for order “%1” in this database.\n\nCheck the id, or search by "
                "code or contact above. An order appears once an event for it was accepted."
            ).replace("%1", self.order_id))
        else:
            store = self.platform.engine.store
            has_orders = any_order(store) if store is not None else False
            self.empty.setText(self.tr(
                "Find a work order above by its id, code, contact name or contact id, or "
                "double-click a row in Live to open its order here.") if has_orders else
                self.tr("No work orders yet.\n\nSend a changeId 1 (生成工单) from Compose or "
                        "POST /api/events; then find the order above by its id, code or "
                        "contact, and follow each next event here as it arrives."))
        self.stack.setCurrentWidget(self.empty)

    def _describe(self) -> None:
        t = self.timeline
        if t is None:
            return
        zh = self.language() == "zh"
        contact = " ".join(x for x in (t.contact.get("name"), t.contact.get("userId") and
                                       f"({t.contact['userId']})") if x)
        parts = [self.tr("Order %1").replace("%1", t.service_order_id)]
        if t.service_order_code:
            parts.append(t.service_order_code)
        if contact:
            parts.append(contact)
        if t.origins:
            parts.append(self.scene.origin_text(t.origins[0]))
        parts.append(self.tr("created %1").replace(
            "%1", times.clock(times.seconds(t.created_at))) if t.created_at else
            self.tr("never created here"))
        if t.over_type is None:
            parts.append(self.tr("open"))
        else:
            how = OVER_TYPE.meaning(t.over_type, "zh" if zh else "en") or t.over_type
            parts.append(self.tr("ended %1 (%2)").replace(
                "%1", times.clock(times.seconds(t.ended_at))).replace("%2", how))
        self.header.setText(" · ".join(parts))
        counts = [self.tr("%n event(s)", "", len(t.events)),
                  self.tr("%n track(s)", "", len(t.tracks)),
                  self.tr("%n hang(s)", "", len(t.hangs)),
                  self.tr("%n mark(s)", "", len(t.marks))]
        if t.anomalies:
            counts.append(self.tr("%n anomaly(-ies)", "", len(t.anomalies)))
        if self.updated_at is not None:
            counts.append(self.tr("read %1").replace(
                "%1", time.strftime("%H:%M:%S", time.localtime(self.updated_at))))
        self.status.setText(" · ".join(counts))
        self.tabs.setTabText(1, self.tr("Anomalies (%n)", "", len(t.anomalies)))
        self.tabs.tabBar().setTabTextColor(
            1, theme.error_colour() if t.anomalies else self.palette().color(
                self.foregroundRole()))

    def _change_name(self, change_id: str) -> str:
        kind = _CHANGES.get(change_id)
        if kind is None:
            return ""
        return kind.zh if self.language() == "zh" else kind.en

    def _translated_language(self) -> str:
        # The Chinese .ts translates this marker as "zh": the anomaly messages and changeId
        # names then follow the language the window shows.
        return "zh" if self.tr("en", "language code for the core's messages: en or zh") \
            == "zh" else "en"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour
            self.scene.rebuild()
            self.anomaly_model.refresh()
            self._describe()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_box.retranslate()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out on time (−, Ctrl+wheel)"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in on time (+, Ctrl+wheel)"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("The whole order in view (0)"))
        self.live_button.setText(self.tr("Show in Live"))
        self.live_button.setToolTip(self.tr("Filter the Live table to this order's messages"))
        self.compose_button.setText(self.tr("Continue in Compose"))
        self.compose_button.setToolTip(self.tr(
            "Open this order's last event in Compose, to edit into the next step and send"))
        self.view.setToolTip("")
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(1, self.tr("Anomalies"))
        self.detail.retranslate()
        self.legend.retranslate()
        self.anomaly_model.refresh()
        self.scene.rebuild()
        if self.timeline is not None:
            self._describe()
        else:
            self._update_empty()
