"""The Scenarios panel in the real window on the real platform (managed Mosquitto, HTTP API,
simulated subscribers): a scenario written into tmp_path is run from the buttons, the report
read from the panel, the Timeline and the Flow presentation followed."""

from __future__ import annotations

import textwrap

import pytest
from PySide6.QtCore import QSettings, Qt

from app.broker.managed import find_mosquitto
from app.bus import EventBus
from app.live import LiveFeed
from simulator.scenario.loader import samples
from tests.conftest import until
from ui.main_window import MainWindow
from ui.scenarios import ScenariosPanel

needs_mosquitto = pytest.mark.skipif(find_mosquitto() is None,
                                     reason="mosquitto not installed")

PASSING = """\
name: one order reaches HRZ
description: |
  One simulated subscriber takes every changeId of fwwt.
  A generated work order goes from creation to end.
seed: 3
setup:
  subscriptions:
    - {baseCode: HRZ, dataAreas: [fwwt], changeIds: [1, 2, 3, 4, 5, 6, 7, 9, 10]}
steps:
  - workflow: {as: A, dataArea: fwwt}
expect:
  - delivered: {to: HRZ, order: A, changeId: 1}
"""

FAILING = """\
name: HRZ takes the creation only
seed: 4
setup:
  subscriptions:
    - {baseCode: HRZ, dataAreas: [fwwt], changeIds: [1]}
steps:
  - workflow: {as: A, dataArea: fwwt}
expect:
  - delivered: {to: HRZ, order: A, changeId: 1}
  - name: the dispatch reaches HRZ
    delivered: {to: HRZ, order: A, changeId: 5, within: 0.3s}
"""

BROKEN = """\
name: broken
seed: many
steps:
  - workflow: {as: A}
expect:
  - deliverd: {to: HRZ, order: A}
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def scenarios(window) -> ScenariosPanel:
    panel = window.panels["scenarios"]
    assert isinstance(panel, ScenariosPanel)
    return panel


def test_the_samples_are_listed_and_a_selected_one_is_described(qtbot):
    from ui.hub import Hub

    panel = ScenariosPanel(Hub())
    qtbot.addWidget(panel)
    assert panel.list.count() == len(samples()) >= 1
    first = panel.list.item(0).text()
    assert samples()[0].name in first  # name, then file name and the description's start
    assert "Pick a scenario" in panel.details.toPlainText()  # says what to do
    assert panel.select(samples()[1])
    text = panel.details.toPlainText()
    assert "step" in text and "expectation" in text and "It expects:" in text
    assert not panel.run_button.isEnabled()  # no platform yet: it says so
    assert "starting" in panel.run_button.toolTip()


@needs_mosquitto
async def test_a_scenario_run_from_the_panel_passes_and_the_timeline_follows_its_order(
        window, tmp_path):
    panel = scenarios(window)
    window.show_panel("scenarios")
    assert panel.open_file(write(tmp_path, "pass.yaml", PASSING))
    assert panel.seed.value() == 3  # the file's
    assert "1 step" in panel.details.toPlainText()
    assert panel.run_button.isEnabled()
    panel.run_button.click()
    assert panel.stop_button.isEnabled() and not panel.run_button.isEnabled()
    await until(lambda: panel.report is not None, within=20)
    report = panel.report
    assert report.passed, report.summary()
    assert "PASSED" in panel.report_view.verdict.text()
    assert panel.report_view.shown() == [("delivered to HRZ order A changeId 1", True)]
    assert panel.progress.value() == panel.progress.maximum()
    assert panel.run_button.isEnabled() and not panel.stop_button.isEnabled()
    order = report.orders["A"][0]
    timeline = window.panels["timeline"]
    assert timeline.order_id == order  # opened while the scenario ran
    await until(lambda: timeline.refresh())  # the panel's throttle timer, run here
    assert any(code == "HRZ" for _event, code, _outcome in timeline.badges())

    def live_orders() -> set[str]:  # Live's flush timer, run here
        window.live.flush()
        return {r.order for r in window.live.model.all_rows()}

    await until(lambda: order in live_orders())
    flow = window.panels["flow"]
    await until(lambda: flow.step(0.05) or flow.counters()["events"] >= report.events_sent)

    out = tmp_path / "out"
    out.mkdir()
    panel.report_view.save_junit(out / "r.xml")
    panel.report_view.save_json(out / "r.json")
    assert "<testcase" in (out / "r.xml").read_text(encoding="utf-8")
    assert '"passed": true' in (out / "r.json").read_text(encoding="utf-8")


@needs_mosquitto
async def test_a_failing_scenario_shows_its_failed_expectation_first_and_a_bad_file_cannot_run(
        window, tmp_path):
    panel = scenarios(window)
    assert not panel.open_file(write(tmp_path, "broken.yaml", BROKEN))
    assert panel.errors() == [
        "2:7  seed: 'many' is a string; it must be a whole number",
        "6:5  expect[0].deliverd: unknown field 'deliverd'; did you mean 'delivered'? "
        "Fields here: attempts, delivered, name, notDelivered, notification, push, "
        "subscriptionState, timeline"]
    shown = panel.details.toPlainText()
    assert "cannot be played: 2 mistakes" in shown and "6:5" in shown
    assert not panel.run_button.isEnabled() and not panel.demo_button.isEnabled()
    assert "mistakes" in panel.run_button.toolTip()
    assert await panel.run() is None

    assert panel.open_file(write(tmp_path, "fail.yaml", FAILING))
    assert panel.run_button.isEnabled()
    panel.seed.setValue(11)  # the user's seed, not the file's 4
    panel.run_button.click()
    await until(lambda: panel.report is not None, within=20)
    assert panel.report.seed == 11 and panel.seed.value() == 11
    assert not panel.report.passed
    assert "FAILED" in panel.report_view.verdict.text()
    assert panel.report_view.shown() == [("the dispatch reaches HRZ", False),
                                         ("delivered to HRZ order A changeId 1", True)]
    html = panel.report_view.outcomes.toPlainText()
    assert html.index("the dispatch reaches HRZ") < html.index("delivered to HRZ order A")
    failed = panel.report.failures[0]
    assert failed.message in html and "not delivered to HRZ" in failed.message  # and why


@needs_mosquitto
async def test_play_as_demo_captions_each_step_in_the_flow_presentation(window, tmp_path):
    panel = scenarios(window)
    panel.human_pause = 0.02
    flow = window.panels["flow"]
    captions: list[str] = []
    window.hub.scenario_caption.connect(captions.append)
    assert panel.open_file(write(tmp_path, "pass.yaml", PASSING))
    panel.demo_button.click()
    await until(lambda: flow.presenter is not None and flow.presenter.moment.text())
    presenter = flow.presenter
    assert presenter.moment.isVisible()
    await until(lambda: panel.report is not None, within=20)
    assert panel.report.passed
    assert "Setting up subscribers, data areas and app users" in captions
    assert len(captions) > 3  # a caption per generated event
    assert presenter.moment.text() == "PASSED — 1 of 1 expectation held"
    presenter.close()  # Esc
    assert flow.presenter is None and flow.moment == ""


@needs_mosquitto
async def test_stop_ends_the_demo_and_its_presentation(window, tmp_path):
    panel = scenarios(window)
    panel.human_pause = 0.2
    flow = window.panels["flow"]
    assert panel.open_file(write(tmp_path, "pass.yaml", PASSING))
    panel.demo_button.click()
    await until(lambda: panel.runner is not None and panel.runner.ctx.sent)
    assert flow.presenter is not None
    panel.stop_button.click()
    assert flow.presenter is None and flow.moment == ""
    await until(lambda: panel.report is not None, within=20)
    assert panel.report.stopped == "stopped by the user"
    assert flow.moment == ""  # nothing lingers for the next presentation


@needs_mosquitto
async def test_leaving_the_presentation_ends_the_demo(window, qtbot, tmp_path):
    panel = scenarios(window)
    panel.human_pause = 0.2  # a few seconds for the whole order: time to leave mid-way
    flow = window.panels["flow"]
    assert panel.open_file(write(tmp_path, "pass.yaml", PASSING))
    panel.demo_button.click()
    await until(lambda: panel.runner is not None and panel.runner.ctx.sent)
    qtbot.keyClick(flow.presenter, Qt.Key.Key_Escape)
    assert flow.presenter is None
    await until(lambda: panel.report is not None, within=20)
    assert panel.report.stopped == "stopped by the user"
    assert "STOPPED" in panel.report_view.verdict.text()
    assert panel.report_view.shown()[0][1] is False  # not checked, said first


def test_opened_files_and_the_selection_are_kept_across_restarts(qtbot, tmp_path):
    path = write(tmp_path, "pass.yaml", PASSING)
    settings = str(tmp_path / "ui.ini")
    window = MainWindow(LiveFeed(EventBus()),
                        settings=QSettings(settings, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    scenarios(window).open_file(path)
    window.close()  # saves

    again = MainWindow(LiveFeed(EventBus()),
                       settings=QSettings(settings, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    panel = scenarios(again)
    assert panel.opened_files() == [str(path.resolve())]
    assert panel.current is not None and panel.current.path == path.resolve()
    assert panel.list.count() == len(samples()) + 1
