"""One action for a subscriber to test against: a simulated subscriber system and the
subscription pointing at it, made together, with how it answers (latency, a sequence of
statuses such as 500, 500, 200, a default status such as 410 Gone, a failure rate, no answer
at all, Retry-After); and changing how an existing one answers later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.catalog.findings import Code, Finding
from app.routing.subscription import Subscription, SubscriptionError
from app.tasks import spawn
from simulator.subscribers import SimulatorInputError
from ui import theme
from ui.subscriptions.editor import field_of, new_secret

if TYPE_CHECKING:
    from app.platform import Platform

#: Statuses offered as the default answer; any other 100–599 can be typed.
STATUSES = ((200, "200 OK"), (410, "410 Gone"), (500, "500 Internal Server Error"),
            (503, "503 Service Unavailable"), (429, "429 Too Many Requests"),
            (404, "404 Not Found"))


class SimulatedError(ValueError):
    """Input that makes no simulated subscriber; ``findings`` name the fields."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(f"{f.path}: {f.message}" for f in findings))


def sim_name(base_code: str) -> str:
    """A simulator name from a baseCode: lower case, only what its URL path may hold."""
    return re.sub(r"[^a-z0-9_-]", "-", base_code.lower())[:64] or "sim"


def simulator_for(platform: Platform, sub: Subscription) -> Any:
    """The simulated subscriber this subscription calls back, or None."""
    sims = getattr(platform.sims, "subscribers", None) or {}
    return next((s for s in sims.values() if s.url == sub.callback_url), None)


def behaviour_doc(*, statuses: Sequence[int] = (), latency: float = 0.0, status: int = 200,
                  failure_rate: float = 0.0, hang: bool = False,
                  retry_after: str | None = None) -> dict[str, Any]:
    """The API's JSON for a behaviour (simulator/subscribers.py ``_behaviour``)."""
    doc: dict[str, Any] = {"statuses": list(statuses), "latency": latency, "status": status,
                           "failureRate": failure_rate, "hang": hang}
    if retry_after:
        doc["retryAfter"] = retry_after
    return doc


async def create_simulated(platform: Platform, base_code: str, behaviour: dict[str, Any], *,
                           name: str | None = None, change_ids: Sequence[str] | None = None,
                           data_areas: Sequence[str] | None = None, signed: bool = True
                           ) -> tuple[Subscription, Any]:
    """Make the simulated subscriber and its subscription in one go; SimulatedError names
    each bad field, and then nothing is made. Returns (subscription, simulated subscriber)."""
    sims = platform.sims
    if sims is None:
        raise SimulatedError([Finding("", Code.TYPE, "no simulated subscribers run in this "
                                      "process")])
    name = name or sim_name(base_code)
    existing = platform.engine.index.get(base_code)
    secret = (existing.secret if existing is not None and existing.secret else new_secret()) \
        if signed else None
    doc = {"baseCode": base_code, "name": f"{base_code} (simulated)",
           "dataAreas": list(data_areas or ["*"]),
           "changeIds": list(change_ids or _supported(platform)),
           "callbackUrl": "http://127.0.0.1/sim/placeholder", "secret": secret}
    findings: list[Finding] = []
    try:  # check the subscription before anything is made
        Subscription.from_json(doc, platform.engine.catalog.workorder.type_ids)
    except SubscriptionError as error:
        findings.extend(error.findings)
    im = platform.im
    if im is not None and base_code in im.users:
        findings.append(Finding("baseCode", Code.CONSISTENCY,
                                f"{base_code!r} is already an IM user's userID",
                                hint="choose another baseCode"))
    taken = next((s for s in platform.engine.subscriptions()
                  if s.base_code != base_code and s.callback_url
                  and s.callback_url.endswith(f"/sim/{name}")), None)
    if taken is not None:
        findings.append(Finding("name", Code.CONSISTENCY,
                                f"simulator {name!r} already answers {taken.base_code}",
                                hint="choose another name"))
    if findings:  # nothing made yet
        raise SimulatedError(findings)
    try:
        sims.create({"name": name, **behaviour, "secret": secret})  # type: ignore[attr-defined]
    except SimulatorInputError as error:
        raise SimulatedError([Finding(error.path, Code.TYPE, str(error))]) from None
    sim = sims.subscribers[name]  # type: ignore[attr-defined]
    doc["callbackUrl"] = sim.url
    sub, _created = await platform.engine.put_subscription(doc)
    return sub, sim


def set_behaviour(platform: Platform, name: str, behaviour: dict[str, Any]) -> Any:
    """Change how an existing simulated subscriber answers (what it received is kept)."""
    sims = platform.sims
    sim = getattr(sims, "subscribers", {}).get(name)
    if sim is None:
        raise SimulatedError([Finding("name", Code.TYPE, f"no simulated subscriber {name!r}")])
    try:
        sims.create({"name": name, **behaviour, "secret": sim.secret})  # type: ignore[union-attr]
    except SimulatorInputError as error:
        raise SimulatedError([Finding(error.path, Code.TYPE, str(error))]) from None
    return sim


def _supported(platform: Platform) -> list[str]:
    return [t.id for t in platform.engine.catalog.workorder.types if t.supported]


class SimulatedDialog(QDialog):
    """Create (``base_code`` None) or reconfigure (``sim`` given) a simulated subscriber.

    Scriptable: fill the public line edits, then ``await submit()``; ``result_sub`` holds the
    subscription made."""

    def __init__(self, platform: Platform, parent: QWidget | None = None, *,
                 sim: Any = None, sub: Subscription | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.sim = sim
        self.result_sub: Subscription | None = sub
        editing = sim is not None
        self.code = QLineEdit(sub.base_code if sub else "")
        self.name = QLineEdit(sim.name if sim else "")
        self.areas = QLineEdit("*")
        self.changes = QLineEdit(", ".join(_supported(platform)))
        self.latency = QDoubleSpinBox()
        self.latency.setRange(0.0, 600.0)
        self.latency.setDecimals(2)
        self.statuses = QLineEdit()
        self.status = QComboBox()
        self.status.setEditable(True)
        for code, label in STATUSES:
            self.status.addItem(label, code)
        self.failure_rate = QDoubleSpinBox()
        self.failure_rate.setRange(0.0, 100.0)
        self.failure_rate.setDecimals(1)
        self.hang = QCheckBox()
        self.retry_after = QLineEdit()
        self.signed = QCheckBox()
        self.signed.setChecked(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.setVisible(False)
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [("baseCode", self.code), ("name", self.name), ("dataAreas", self.areas),
                ("changeIds", self.changes), ("latency", self.latency),
                ("statuses", self.statuses), ("status", self.status),
                ("failureRate", self.failure_rate), ("hang", self.hang),
                ("retryAfter", self.retry_after), ("secret", self.signed)]
        for key, widget in rows:
            if editing and key in ("baseCode", "dataAreas", "changeIds", "secret"):
                continue
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            error = QLabel()
            error.setWordWrap(True)
            error.setVisible(False)
            column.addWidget(error)
            label = QLabel()
            self.errors[key], self.labels[key] = error, label
            form.addRow(label, box)
        self.name.setReadOnly(editing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(lambda: spawn(self.submit(), name="simulated subscriber"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.code.textEdited.connect(self._suggest_name)
        if sim is not None:
            b = sim.behaviour
            self.latency.setValue(b.latency)
            self.statuses.setText(", ".join(str(s) for s in b.statuses))
            self._set_status(b.status)
            self.failure_rate.setValue(b.failure_rate * 100)
            self.hang.setChecked(b.hang)
            self.retry_after.setText(b.retry_after or "")
        self.retranslate()
        self.resize(520, self.sizeHint().height())

    def retranslate(self) -> None:
        editing = self.sim is not None
        self.setWindowTitle(self.tr("Simulated subscriber %1").replace("%1", self.sim.name)
                            if editing else self.tr("Create simulated subscriber"))
        self.intro.setText(
            self.tr("How %1 answers from now on. What it received so far is kept; the status "
                    "sequence starts again.").replace("%1", self.sim.url) if editing else
            self.tr("A stand-in for a subscriber's system on 127.0.0.1, and a subscription "
                    "that calls it back, made together. Every request it receives shows in "
                    "Live."))
        for key, text in (("baseCode", self.tr("baseCode")), ("name", self.tr("Name in URL")),
                          ("dataAreas", self.tr("Data areas")),
                          ("changeIds", self.tr("changeIds")), ("latency", self.tr("Latency")),
                          ("statuses", self.tr("First answers")),
                          ("status", self.tr("Then answer")),
                          ("failureRate", self.tr("Failure rate")),
                          ("hang", self.tr("Never answer")),
                          ("retryAfter", self.tr("Retry-After")),
                          ("secret", self.tr("Signing"))):
            if key in self.labels:
                self.labels[key].setText(text)
        self.code.setPlaceholderText(self.tr("e.g. HRZDWYWHXT"))
        self.name.setPlaceholderText(self.tr("from the baseCode: …/sim/<name>"))
        self.areas.setPlaceholderText(self.tr("fwwt, 10008 — or * for every data area"))
        self.changes.setPlaceholderText(self.tr("1, 5, 2, 3"))
        self.latency.setSuffix(self.tr(" s"))
        self.statuses.setPlaceholderText(self.tr("e.g. 500, 500, 200 — one per request, in "
                                                 "order"))
        self.status.setToolTip(self.tr("After the first answers: 410 Gone disables the "
                                       "subscription; 429/503 send Retry-After when set"))
        self.failure_rate.setSuffix(" %")
        self.failure_rate.setToolTip(self.tr("Chance of answering 500 instead"))
        self.hang.setText(self.tr("hang: the callback's timeout decides"))
        self.retry_after.setPlaceholderText(self.tr("seconds, sent with 429 and 503"))
        self.signed.setText(self.tr("sign callbacks (a new whsec_ secret) and verify them"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Apply") if editing else self.tr("Create"))
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)

    def _recolour(self) -> None:
        style = f"color: {theme.error_colour().name()};"
        for label in (*self.errors.values(), self.general):
            label.setStyleSheet(style)

    def _set_status(self, status: int) -> None:
        index = self.status.findData(status)
        if index >= 0:
            self.status.setCurrentIndex(index)
        else:
            self.status.setEditText(str(status))

    def _suggest_name(self, text: str) -> None:
        if not self.name.isReadOnly():
            self.name.setText(sim_name(text.strip()) if text.strip() else "")

    # --- reading the form ----------------------------------------------------------------------

    def behaviour(self) -> tuple[dict[str, Any], list[Finding]]:
        """The behaviour JSON, and what in the form cannot even be read (not numbers)."""
        problems: list[Finding] = []
        statuses: list[int] = []
        for i, part in enumerate(p.strip() for p in
                                 self.statuses.text().replace("，", ",").split(",")):
            if not part:
                continue
            if part.isdigit():
                statuses.append(int(part))
            else:
                problems.append(Finding(f"statuses[{i}]", Code.TYPE, self.tr(
                    "%1 is not an HTTP status").replace("%1", repr(part)),
                    hint=self.tr("numbers separated by commas, e.g. 500, 500, 200")))
        status_text = self.status.currentText().strip()
        index = self.status.findText(status_text)
        status_value: Any = self.status.itemData(index) if index >= 0 else None
        if status_value is None:
            head = status_text.split(" ", 1)[0]
            status_value = int(head) if head.isdigit() else None
            if status_value is None:
                problems.append(Finding("status", Code.TYPE, self.tr(
                    "%1 is not an HTTP status").replace("%1", repr(status_text)),
                    hint=self.tr("e.g. 200, or 410 for Gone")))
                status_value = 200
        retry = self.retry_after.text().strip() or None
        return behaviour_doc(statuses=statuses, latency=self.latency.value(),
                             status=status_value, failure_rate=self.failure_rate.value() / 100,
                             hang=self.hang.isChecked(), retry_after=retry), problems

    async def submit(self) -> Subscription | None:
        """Create (or reconfigure); on a problem, say it under its field and stay open."""
        behaviour, problems = self.behaviour()
        code = self.code.text().strip()
        if self.sim is None and not code:
            problems.append(Finding("baseCode", Code.MISSING, self.tr("baseCode is required"),
                                    hint=self.tr("the subscriber's code, e.g. HRZDWYWHXT")))
        if problems:
            self._show(problems)
            return None
        try:
            if self.sim is not None:
                set_behaviour(self.platform, self.sim.name, behaviour)
            else:
                split = [a.strip() for a in self.areas.text().replace("，", ",").split(",")
                         if a.strip()]
                changes = [c.strip() for c in self.changes.text().replace("，", ",").split(",")
                           if c.strip()]
                self.result_sub, self.sim = await create_simulated(
                    self.platform, code, behaviour, name=self.name.text().strip() or None,
                    change_ids=changes or None, data_areas=split or None,
                    signed=self.signed.isChecked())
        except SimulatedError as error:
            self._show(error.findings)
            return None
        self._show([])
        self.accept()
        return self.result_sub

    def _show(self, findings: list[Finding]) -> None:
        aliases = {"retryAfter": "retryAfter", "failureRate": "failureRate", "callbackUrl": "name",
                   "secret": "secret"}
        by_key: dict[str, list[str]] = {}
        general: list[str] = []
        for f in findings:
            key = aliases.get(field_of(f.path), field_of(f.path))
            text = f"{f.path}: {f.message}" if f.path else f.message
            if f.hint:
                text += " — " + self.tr("fix: %1").replace("%1", f.hint)
            (by_key.setdefault(key, []) if key in self.errors else general).append(text)
        for key, label in self.errors.items():
            lines = by_key.get(key)
            label.setText("\n".join(lines or ()))
            label.setVisible(bool(lines))
        self.general.setText("\n".join(general))
        self.general.setVisible(bool(general))
        self.adjustSize()  # room for the error lines, nothing clipped
