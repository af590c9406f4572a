"""A scenario run's report, for people: the verdict in its colour, what was played, the failed
expectations first with why (message and details), then the ones that held; the work orders
the file names, each a link that opens it in the Timeline; and saving it for CI (JUnit XML)
or scripts (JSON).

Scriptable: ``show_report(report)``, ``clear()``, ``shown()`` (the outcomes in the order shown:
``[(name, ok)]``), ``save_junit(path)``, ``save_json(path)``; widgets ``verdict``,
``summary``, ``outcomes`` (a QTextBrowser), ``junit_button``, ``json_button``, ``problem``.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from simulator.scenario.report import Outcome, Report
from ui import theme
from ui.panel import empty_state

#: Details shown under a failed expectation at most (the saved reports hold them all).
DETAILS = 10
#: What the runner writes when the user stopped the run.
STOPPED_BY_USER = "stopped by the user"


def ordered(report: Report) -> list[Outcome]:
    """Failures first (as the file lists them), then what held."""
    return [o for o in report.outcomes if not o.ok] + [o for o in report.outcomes if o.ok]


class ReportView(QWidget):
    #: A work order's link was clicked: its serviceOrderId.
    order_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None
        self.verdict = QLabel()
        self.verdict.setObjectName("scenarioVerdict")
        font = QFont(self.verdict.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcomes = QTextBrowser()
        self.outcomes.setOpenLinks(False)
        self.outcomes.anchorClicked.connect(self._on_outcomes_anchor_clicked)
        self.junit_button = QPushButton()
        self.json_button = QPushButton()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.junit_button.clicked.connect(lambda: self._save_dialog("junit"))
        self.json_button.clicked.connect(lambda: self._save_dialog("json"))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.junit_button)
        buttons.addWidget(self.json_button)
        shown = QWidget()
        layout = QVBoxLayout(shown)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict)
        layout.addWidget(self.summary)
        layout.addWidget(self.outcomes, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.empty = empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(shown)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.retranslate()

    # --- what is shown --------------------------------------------------------------------

    def show_report(self, report: Report) -> None:
        self.report = report
        self.problem.setVisible(False)
        self._render()
        self.stack.setCurrentIndex(1)

    def clear(self) -> None:
        self.report = None
        self.stack.setCurrentIndex(0)

    def shown(self) -> list[tuple[str, bool]]:
        return [(o.name, o.ok) for o in ordered(self.report)] if self.report else []

    def verdict_text(self) -> str:
        report = self.report
        if report is None:
            return ""
        if report.passed:
            return self.tr("PASSED")
        return self.tr("STOPPED") if report.stopped == STOPPED_BY_USER else self.tr("FAILED")

    def held_text(self) -> str:
        """"5 of 6 expectation(s) held", for the verdict line and a demo's last caption."""
        report = self.report
        if report is None:
            return ""
        held = sum(1 for o in report.outcomes if o.ok)
        return self.tr("%1 of %n expectation(s) held", "", len(report.outcomes)).replace(
            "%1", str(held))

    def _render(self) -> None:
        report = self.report
        if report is None:
            return
        colour = theme.strong("ok" if report.passed else "retry" if
                              report.stopped == STOPPED_BY_USER else "failed")
        self.verdict.setText(f'<span style="color:{colour.name()}">'
                             f'{"✓" if report.passed else "✗"} {html.escape(self.verdict_text())}'
                             f'</span>&nbsp;&nbsp;<span style="font-size:small; font-weight:'
                             f'normal">{html.escape(report.scenario)}</span>')
        parts = [self.held_text(),
                 self.tr("%1 of %n step(s) played", "", report.steps_total).replace(
                     "%1", str(report.steps_played)),
                 self.tr("%n event(s) sent", "", report.events_sent)]
        if report.events_refused:
            parts.append(self.tr("%n refused", "", report.events_refused))
        parts += [self.tr("seed %1").replace("%1", str(report.seed)),
                  self.tr("%1 s").replace("%1", f"{report.seconds:.1f}")]
        summary = " · ".join(parts)
        if report.stopped:
            reason = self.tr("stopped by you") if report.stopped == STOPPED_BY_USER \
                else report.stopped
            summary += "\n" + self.tr("Stopped: %1").replace("%1", reason)
        self.summary.setText(summary)
        self.outcomes.setHtml(self._outcomes_html(report))

    def _outcomes_html(self, report: Report) -> str:
        ok, failed = theme.strong("ok").name(), theme.strong("failed").name()
        skipped = theme.strong("pending").name()
        out: list[str] = []
        failures = [o for o in report.outcomes if not o.ok]
        held = [o for o in report.outcomes if o.ok]
        if failures:
            out.append("<h3>" + html.escape(self.tr("Failed (%n)", "", len(failures))) + "</h3>")
        for o in failures:
            mark = (self.tr("not checked") if o.skipped else self.tr("step failed")
                    if o.kind == "step" else self.tr("failed"))
            colour = skipped if o.skipped else failed
            out.append(f'<p><b style="color:{colour}">✗ {html.escape(mark)}</b> '
                       f"<b>{html.escape(o.name)}</b>{self._line(o)}<br>"
                       f"{html.escape(o.message)}")
            details = [html.escape(d) for d in o.details[:DETAILS]]
            if len(o.details) > DETAILS:
                details.append(html.escape(self.tr("… and %n more", "",
                                                   len(o.details) - DETAILS)))
            if details:
                out.append('<br><span style="font-family:monospace">'
                           + "<br>".join(details) + "</span>")
            out.append("</p>")
        if held:
            out.append("<h3>" + html.escape(self.tr("Held (%n)", "", len(held))) + "</h3>")
        for o in held:
            out.append(f'<p><b style="color:{ok}">✓</b> {html.escape(o.name)}{self._line(o)}'
                       f'<br><span>{html.escape(o.message)}</span></p>')
        if not report.outcomes:
            out.append("<p>" + html.escape(self.tr("The file states no expectations.")) + "</p>")
        if report.orders:
            links = []
            for name, ids in report.orders.items():
                for order_id in ids[:5]:
                    links.append(f'{html.escape(name)} <a href="order:{html.escape(order_id)}">'
                                 f"{html.escape(order_id)}</a>")
                if len(ids) > 5:
                    links.append(html.escape(self.tr("%1: %n more", "", len(ids) - 5)
                                             .replace("%1", name)))
            out.append("<h3>" + html.escape(self.tr("Work orders")) + "</h3><p>"
                       + " · ".join(links) + "<br><small>"
                       + html.escape(self.tr("Click one to open it in the Timeline."))
                       + "</small></p>")
        return "\n".join(out)

    def _line(self, o: Outcome) -> str:
        if not o.line:
            return ""
        return ' <span style="color:{}">({})</span>'.format(
            theme.strong("pending").name(),
            html.escape(self.tr("line %1").replace("%1", str(o.line))))

    def _on_outcomes_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("order:"):
            self.order_clicked.emit(text.removeprefix("order:"))

    # --- saving ---------------------------------------------------------------------------

    def save_junit(self, path: str | Path) -> Path:
        assert self.report is not None
        self.report.write_junit(path)
        return Path(path)

    def save_json(self, path: str | Path) -> Path:
        assert self.report is not None
        self.report.write_json(path)
        return Path(path)

    def _save_dialog(self, kind: str) -> None:
        report = self.report
        if report is None:
            return
        stem = Path(report.source).stem or "scenario"
        if kind == "junit":
            title, name, kinds, suffix = (self.tr("Save the report as JUnit XML"),
                                          f"{stem}.junit.xml", self.tr("JUnit XML (*.xml)"),
                                          "xml")
        else:
            title, name, kinds, suffix = (self.tr("Save the report as JSON"), f"{stem}.json",
                                          self.tr("JSON (*.json)"), "json")
        # Not the static dialog: it would nest an event loop under qasync.
        dialog = QFileDialog(self, title, name, kinds)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.fileSelected.connect(lambda path: self._save(kind, path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save(self, kind: str, path: str) -> None:
        try:
            (self.save_junit if kind == "junit" else self.save_json)(path)
        except OSError as error:
            self.problem.setStyleSheet(f"color: {theme.error_colour().name()}")
            self.problem.setText(self.tr("Could not save: %1").replace("%1", str(error)))
        else:
            self.problem.setStyleSheet("")
            self.problem.setText(self.tr("Saved to %1").replace("%1", path))
        self.problem.setVisible(True)

    # --- words and colours ----------------------------------------------------------------

    def retranslate(self) -> None:
        self.junit_button.setText(self.tr("Save JUnit XML…"))
        self.junit_button.setToolTip(self.tr("One test case per expectation, for CI"))
        self.json_button.setText(self.tr("Save JSON…"))
        self.json_button.setToolTip(self.tr("The whole report, for scripts"))
        self.empty.setText(self.tr(
            "No report yet. Pick a scenario and press Run: the verdict shows here, the "
            "expectations that failed first, with why."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._render()
        super().changeEvent(event)
