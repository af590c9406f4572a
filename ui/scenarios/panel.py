"""The Scenarios panel: pick a scenario (a sample, or any file of your own), read what it does,
run it against the window's own platform, watch it progress, read the report.

Run plays at full speed (or at the file's own speed factor, when it gives a number); "Play as
demo" plays at human pace with the Flow panel's presentation open and each step's caption in
its largest type — leaving the presentation, or Stop, ends the demo. While a scenario runs,
Live and Flow show its messages as they show every other, and the Timeline follows the first
work order the scenario names from its first event on. A file that cannot be played shows
every mistake with its line and column, and cannot be run.

The run goes through the local HTTP API (``PlatformClient``) on the window's own loop, as a
user's script would: the panel never touches the platform's insides.

Scriptable (tests, screenshots):
    panel.select(path)          # show a file (it is read again): True when it can be played
    panel.open_file(path)       # add a file to the list, and select it
    await panel.run(demo=False) # play it now and return the Report (None if it could not)
    panel.play(); panel.play_demo(); panel.stop()   # what the buttons do
    panel.report                # the last Report; ``report_view`` shows it
    panel.errors()              # the error lines shown for a file that cannot be played
    panel.human_pause           # seconds a demo lingers on each event (tests shorten it)
    panel.opened_files()        # the files opened besides the samples (the window keeps them)
Widgets: ``list``, ``open_button``, ``details``, ``seed``, ``run_button``, ``demo_button``,
``stop_button``, ``progress``, ``caption``, ``report_view``, ``problem``.
"""

from __future__ import annotations

import asyncio
import html
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.tasks import spawn
from simulator.api_client import PlatformClient
from simulator.scenario.loader import SAMPLES_DIR, Scenario, ScenarioError, load, samples
from simulator.scenario.report import Report
from simulator.scenario.runner import HUMAN_PAUSE, Progress, Runner
from ui import theme
from ui.hub import Hub
from ui.panel import Panel
from ui.scenarios.report import ReportView

if TYPE_CHECKING:
    from app.platform import Platform

log = logging.getLogger(__name__)

#: Progress bar units per step.
UNITS = 100
#: Expectations listed under a scenario's description at most.
EXPECTATIONS_SHOWN = 30
PATH_ROLE = Qt.ItemDataRole.UserRole
#: True for a file that cannot be played (its second line is said in the error colour).
BROKEN_ROLE = Qt.ItemDataRole.UserRole + 1
#: Pixels around an item's two lines.
PAD = 4


@dataclass
class Entry:
    """A file in the list, as last read: the scenario, or why it cannot be played."""

    path: Path
    sample: bool
    scenario: Scenario | None = None
    error: ScenarioError | None = None

    def read(self) -> Entry:
        try:
            self.scenario, self.error = load(self.path), None
        except ScenarioError as error:
            self.scenario, self.error = None, error
        return self


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def shown_path(path: Path) -> str:
    """A sample as the project names it (resources/scenarios/…), any other file in full."""
    root = SAMPLES_DIR.parents[1]
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


class EntryDelegate(QStyledItemDelegate):
    """A file in two lines: its scenario's name in bold, then the file name and the start of
    the description, muted (an item's text holds both, one per line)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # the item's own text: the option's has its line breaks made line separators
        title, _, sub = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(PAD + 2, PAD, -PAD, -PAD)
        palette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text, muted = palette.color(role), palette.color(role)
        if not selected:
            muted = theme.error_colour() if index.data(BROKEN_ROLE) else \
                palette.color(QPalette.ColorRole.PlaceholderText)
        font = QFont(opt.font)
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics, metrics = QFontMetrics(bold), QFontMetrics(font)
        elide = Qt.TextElideMode.ElideRight
        painter.save()
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(rect.x(), rect.y() + bold_metrics.ascent(),
                         bold_metrics.elidedText(title, elide, rect.width()))
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(rect.x(), rect.y() + bold_metrics.height() + 2 + metrics.ascent(),
                         metrics.elidedText(sub, elide, rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        font = QFont(option.font)
        bold = QFont(font)
        bold.setBold(True)
        return QSize(120, QFontMetrics(bold).height() + QFontMetrics(font).height() + 2
                     + 2 * PAD)


class ScenariosPanel(Panel):
    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(hub, parent)
        self.entries: dict[Path, Entry] = {}
        self.current: Entry | None = None
        self.runner: Runner | None = None
        self.report: Report | None = None
        self.human_pause = HUMAN_PAUSE
        self.running = False
        self.demo = False  # the run under way (or the last) is a demo
        self._stop_asked = False
        self._task: asyncio.Task[object] | None = None
        self._followed: str | None = None
        self._progress: Progress | None = None

        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_dialog)
        self.list_title = QLabel()
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.seed_label = QLabel()
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed_label.setBuddy(self.seed)
        self.run_button = QPushButton()
        self.demo_button = QPushButton()
        self.stop_button = QPushButton()
        self.run_button.clicked.connect(self.play)
        self.demo_button.clicked.connect(self.play_demo)
        self.stop_button.clicked.connect(self.stop)
        self.progress = QProgressBar()
        self.progress.setRange(0, UNITS)
        self.progress.setValue(0)
        self.caption = QLabel()
        self.caption.setVisible(False)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.report_view = ReportView()
        self.report_view.order_clicked.connect(self.hub.open_order.emit)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.list_title, 1)
        head.addWidget(self.open_button)
        top_layout.addLayout(head)
        top_layout.addWidget(self.list, 1)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.details, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.run_button)
        controls.addWidget(self.demo_button)
        controls.addWidget(self.stop_button)
        controls.addStretch(1)
        controls.addWidget(self.seed_label)
        controls.addWidget(self.seed)
        middle_layout.addLayout(controls)
        middle_layout.addWidget(self.progress)
        middle_layout.addWidget(self.caption)
        middle_layout.addWidget(self.problem)

        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(middle)
        self.split.addWidget(self.report_view)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setStretchFactor(2, 4)
        self.split.setSizes([170, 300, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)

        hub.presentation_closed.connect(self._on_hub_presentation_closed)
        for path in samples():
            self._add(path, sample=True)
        self.retranslate()
        self._update_buttons()

    # --- the platform ---------------------------------------------------------------------

    def attach(self, platform: Platform) -> None:
        super().attach(platform)
        self._update_buttons()

    def detach(self) -> None:
        """The platform is about to stop: a run under way stops with it."""
        if self.runner is not None:
            self.runner.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self.platform = None
        self._update_buttons()

    # --- the list -------------------------------------------------------------------------

    def _add(self, path: Path, *, sample: bool) -> QListWidgetItem:
        path = path.resolve()
        entry = self.entries.get(path)
        if entry is None:
            entry = self.entries[path] = Entry(path, sample).read()
            item = QListWidgetItem()
            item.setData(PATH_ROLE, str(path))
            self.list.addItem(item)
        else:
            entry.read()
        item = self._item(path)
        assert item is not None
        self._label(item, entry)
        return item

    def _item(self, path: Path) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(PATH_ROLE) == str(path):
                return item
        return None

    def _label(self, item: QListWidgetItem, entry: Entry) -> None:
        if entry.scenario is not None:
            about = first_line(entry.scenario.description)
            item.setText(f"{entry.scenario.name}\n{entry.path.name}"
                         + (f" · {about}" if about else ""))
            item.setToolTip(f"{entry.path}\n\n{entry.scenario.description.strip()}")
            item.setData(BROKEN_ROLE, False)
        else:
            item.setData(BROKEN_ROLE, True)
            item.setText(f"{entry.path.name}\n" + self.tr("⚠ cannot be played: see the errors"))
            item.setToolTip(str(entry.path))

    def opened_files(self) -> list[str]:
        return [str(e.path) for e in self.entries.values() if not e.sample]

    def open_file(self, path: str | Path) -> bool:
        """Add a file to the list (once) and select it; True when it can be played."""
        item = self._add(Path(path), sample=False)
        self.list.setCurrentItem(item)
        return self.current is not None and self.current.scenario is not None

    def select(self, path: str | Path) -> bool:
        """Select a file of the list (a sample, or one opened before; else it is opened)."""
        item = self._item(Path(path).resolve())
        if item is None:
            return self.open_file(path)
        if self.list.currentItem() is item:
            self._show(Path(path).resolve())
        else:
            self.list.setCurrentItem(item)
        return self.current is not None and self.current.scenario is not None

    def _on_list_current_item_changed(self, item: QListWidgetItem | None,
                                      _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self._show(Path(item.data(PATH_ROLE)))

    def _show(self, path: Path, *, keep_seed: bool = False) -> None:
        """Read the file again (it may have been edited) and describe it; the seed box
        takes the file's seed unless ``keep_seed`` (a run keeps the one chosen)."""
        entry = self.entries[path].read()
        self.current = entry
        item = self._item(path)
        if item is not None:
            self._label(item, entry)
        if entry.scenario is not None and not keep_seed:
            self.seed.setValue(entry.scenario.seed)
        self._describe()
        self._update_buttons()

    def errors(self) -> list[str]:
        """The mistakes of the selected file, as shown: ``line:col  where: what``."""
        entry = self.current
        if entry is None or entry.error is None:
            return []
        lines = []
        for p in entry.error.problems:
            where = f"{p.line}:{p.column}" if p.line else ""
            lines.append(f"{where}  {p.path + ': ' if p.path else ''}{p.message}".strip())
        return lines

    def _describe(self) -> None:
        entry = self.current
        if entry is None:
            self.details.setHtml(f"<p>{html.escape(self._hint())}</p>")
            return
        out = []
        if entry.scenario is None:
            colour = theme.error_colour().name()
            errors = self.errors()
            out.append(f"<h3>{html.escape(entry.path.name)}</h3>")
            out.append(f'<p style="color:{colour}"><b>' + html.escape(self.tr(
                "This file cannot be played: %n mistake(s), each with its line and column.",
                "", len(errors))) + "</b></p>")
            out.append('<p style="font-family:monospace">' + "<br>".join(
                html.escape(line) for line in errors) + "</p>")
            out.append("<p>" + html.escape(self.tr(
                "Fix the file and select it again: it is read anew each time. "
                "docs/scenarios.md describes the language.")) + "</p>")
        else:
            s = entry.scenario
            out.append(f"<h3>{html.escape(s.name)}</h3>")
            out.append(f"<p><small>{html.escape(shown_path(entry.path))}</small></p>")
            if s.description.strip():
                out.append("<p>" + html.escape(s.description.strip()).replace("\n", " ")
                           + "</p>")
            # What must hold: checks between the steps, then the final ones.
            expected = [self.tr("after step %1: %2").replace("%1", str(step.index))
                        .replace("%2", step.args.name) for step in s.steps
                        if step.kind == "expect"] + [e.name for e in s.expect]
            out.append("<p><b>" + html.escape(" · ".join([
                self.tr("%n step(s)", "", len(s.steps)),
                self.tr("%n expectation(s)", "", len(expected)),
                self.tr("seed %1").replace("%1", str(s.seed))])) + "</b></p>")
            if expected:
                items = "".join(f"<li>{html.escape(name)}</li>"
                                for name in expected[:EXPECTATIONS_SHOWN])
                more = len(expected) - EXPECTATIONS_SHOWN
                if more > 0:
                    items += "<li>" + html.escape(self.tr("… and %n more", "", more)) + "</li>"
                out.append("<p>" + html.escape(self.tr("It expects:")) + f"</p><ul>{items}</ul>")
        self.details.setHtml("\n".join(out))

    def _hint(self) -> str:
        return self.tr(
            "Pick a scenario above, or open a .yaml file of your own (docs/scenarios.md "
            "describes the language). Run plays it at full speed and shows the report below; "
            "Play as demo plays it slowly in the Flow panel's presentation, with a caption "
            "for each step.")

    def _open_dialog(self) -> None:
        start = str(self.current.path.parent) if self.current is not None else ""
        # Not the static dialog: it would nest an event loop under qasync.
        dialog = QFileDialog(self, self.tr("Open a scenario"), start,
                             self.tr("Scenarios (*.yaml *.yml *.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.open_file)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- running --------------------------------------------------------------------------

    def play(self) -> None:
        """What Run does: play the selected scenario at full speed, in a task."""
        if self._prepare():
            self._task = spawn(self._run(demo=False), name="scenario run")

    def play_demo(self) -> None:
        """What Play as demo does: play it at human pace in the Flow presentation."""
        if self._prepare():
            self._task = spawn(self._run(demo=True), name="scenario demo")

    def stop(self) -> None:
        """Stop after the event under way; a demo also leaves the presentation."""
        if not self.running:
            return
        self._stop_asked = True
        if self.runner is not None:
            self.runner.stop()
        self.stop_button.setEnabled(False)
        self._say(self.tr("Stopping after the event under way…"))
        if self.demo:
            self.hub.present.emit(False)

    def _can_run(self) -> bool:
        platform = self.platform
        return (platform is not None and platform.server is not None and not self.running
                and self.current is not None and self.current.scenario is not None)

    def _prepare(self) -> bool:
        """Read the selected file again (it may have changed) and, when it can be played,
        take the panel for a run (buttons follow at once, before the task starts)."""
        if self.current is not None and not self.running:
            self._show(self.current.path, keep_seed=True)
        if not self._can_run():
            return False
        self.running = True
        self._stop_asked = False
        self._update_buttons()
        return True

    async def run(self, *, demo: bool = False) -> Report | None:
        """Play the selected scenario against the window's platform and show its report;
        None when it could not be played (the panel says why)."""
        if not self._prepare():
            return None
        return await self._run(demo=demo)

    async def _run(self, *, demo: bool) -> Report | None:
        entry, platform = self.current, self.platform
        try:
            assert entry is not None and entry.scenario is not None
            assert platform is not None and platform.server is not None
            scenario = entry.scenario
            pace = scenario.pace if not isinstance(scenario.pace, str) else "instant"
            self.demo = demo
            self._followed = None
            self._progress = None
            self.report = None
            self.problem.setVisible(False)
            self.report_view.clear()
            self.progress.setRange(0, (len(scenario.steps) + 1) * UNITS)
            self.progress.setValue(0)
            # a demo opens the presentation; any run clears a caption left by the last demo
            self.hub.scenario_caption.emit("")
            if demo:
                self.hub.present.emit(True)
            report: Report | None = None
            try:
                async with PlatformClient(platform.server.url, platform.token) as api:
                    self.runner = Runner(api, scenario, seed=self.seed.value(),
                                         pace="human" if demo else pace,
                                         on_progress=self._on_runner_progress,
                                         human_pause=self.human_pause)
                    if self._stop_asked:
                        self.runner.stop()
                    report = await self.runner.run()
            except Exception as error:  # said in the panel; the window goes on
                log.exception("the scenario %s did not run", entry.path)
                self.problem.setStyleSheet(f"color: {theme.error_colour().name()}")
                self.problem.setText(self.tr("The scenario could not run: %1").replace(
                    "%1", str(error)))
                self.problem.setVisible(True)
        finally:
            self.runner = None
            self.running = False
            self._update_buttons()
        if report is None:
            if self.demo:
                self.hub.scenario_caption.emit("")
            return None
        self.report = report
        self.progress.setValue(self.progress.maximum())
        self.report_view.show_report(report)
        self.progress.setFormat(self.report_view.verdict_text())
        self._say("")  # the report says the rest
        self._follow(report)
        if self.demo:  # the room sees how it ended; leaving the presentation clears it
            self.hub.scenario_caption.emit(self._verdict_line())
        return report

    def _verdict_line(self) -> str:
        return f"{self.report_view.verdict_text()} — {self.report_view.held_text()}"

    def _on_runner_progress(self, progress: Progress) -> None:
        self._progress = progress
        self.progress.setMaximum((progress.total + 1) * UNITS)
        self.progress.setValue(int(progress.done * UNITS))
        self._say_progress()
        if self.demo:
            self.hub.scenario_caption.emit(self._caption_of(progress))
        self._follow()

    def _say_progress(self) -> None:
        progress = self._progress
        if progress is None or not self.running:
            return
        if progress.step == 0:
            where = self.tr("Setting up")
        elif progress.step > progress.total:
            where = self.tr("Checking the expectations")
        else:
            where = self.tr("Step %1 of %2").replace("%1", str(progress.step)).replace(
                "%2", str(progress.total))
        self.progress.setFormat(where)
        self._say(self._caption_of(progress))

    def _say(self, text: str) -> None:
        """The caption line under the progress bar: what happens now (hidden when idle)."""
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    def _caption_of(self, progress: Progress) -> str:
        return progress.caption if self._language() == "zh" else progress.caption_en

    def _follow(self, report: Report | None = None) -> None:
        """Open the first work order the scenario names in the Timeline, once its first
        event was sent (the Timeline then follows it as it grows)."""
        if self._followed is not None:
            return
        if report is not None:
            named = [i for ids in report.orders.values() for i in ids]
            first = named[0] if named else None
        else:
            runner = self.runner
            if runner is None:
                return
            sent = [s.order_id for s in runner.ctx.sent if s.order_id]
            named = [i for ids in runner.ctx.names.values() for i in ids]
            if named:
                seen = set(sent)
                first = next((i for i in named if i in seen), None)
            else:  # the file names no order: the first one it sent
                first = sent[0] if sent else None
        if first:
            self._followed = first
            self.hub.open_order.emit(first)

    def _on_hub_presentation_closed(self) -> None:
        """Leaving the presentation ends a demo under way."""
        if self.demo and self.running:
            self.demo = False  # the presentation is gone already
            self.stop()

    def _update_buttons(self) -> None:
        running = self.running
        can = self._can_run()
        self.run_button.setEnabled(can)
        self.demo_button.setEnabled(can)
        self.stop_button.setEnabled(running)
        self.list.setEnabled(not running)
        self.open_button.setEnabled(not running)
        self.seed.setEnabled(not running)
        if running:
            reason = ""
        elif self.platform is None:
            reason = self.tr("The platform is starting: a scenario runs once it is up.")
        elif self.current is None:
            reason = self.tr("Pick a scenario first.")
        elif self.current.scenario is None:
            reason = self.tr("This file has mistakes (listed above): fix them to run it.")
        else:
            reason = ""
        self.run_button.setToolTip(reason or self.tr(
            "Play the scenario at full speed and check its expectations"))
        self.demo_button.setToolTip(reason or self.tr(
            "Play it slowly in the Flow panel's full-screen presentation, with a caption for "
            "each step; Esc there or Stop here ends the demo"))

    # --- words ----------------------------------------------------------------------------

    def _language(self) -> str:
        # The Chinese .ts translates this marker as "zh": the runner's captions then follow
        # the language the window shows.
        return "zh" if self.tr("en", "language code for the core's messages: en or zh") \
            == "zh" else "en"

    def retranslate(self) -> None:
        self.list_title.setText(self.tr("Scenarios — samples and your files"))
        self.open_button.setText(self.tr("Open…"))
        self.open_button.setToolTip(self.tr("Open a scenario file (.yaml) of your own"))
        self.seed_label.setText(self.tr("Seed"))
        self.seed.setToolTip(self.tr("Seeds the generated work orders: the same seed sends "
                                     "the same events (default: the file's)"))
        self.run_button.setText(self.tr("Run"))
        self.demo_button.setText(self.tr("Play as demo"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the event under way; the report says "
                                            "what was not checked"))
        for entry in self.entries.values():
            item = self._item(entry.path)
            if item is not None:
                self._label(item, entry)
        self._describe()
        self._update_buttons()
        if self.running:
            self._say_progress()
        elif self.report is not None:
            self.progress.setFormat(self.report_view.verdict_text())
        else:
            self.progress.setFormat(self.tr("Not run yet"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour
            self._describe()
        super().changeEvent(event)
