from tests.conftest import example, until
from ui.subscriptions.simulated import (
    SimulatedDialog,
    SimulatedError,
    behaviour_doc,
    create_simulated,
    sim_name,
    simulator_for,
)


def test_a_simulator_name_comes_from_the_base_code():
    assert sim_name("HRZDWYWHXT") == "hrzdwywhxt"
    assert sim_name("a.b") == "a-b"


async def test_a_failure_sequence_makes_a_real_delivery_fail_once_then_succeed(delivering):
    engine = delivering.engine
    sub, sim = await create_simulated(delivering, "HRZ", behaviour_doc(statuses=[500, 200]),
                                      change_ids=["1"], data_areas=["fwwt"])
    assert sub.callback_url == sim.url and sub.secret and sim.secret == sub.secret
    assert simulator_for(delivering, sub) is sim
    # a short retry schedule, saved as any user would, so the test need not wait 5 s
    doc = sub.to_json(reveal_secret=True)
    doc["retrySchedule"] = [0, 0.1]
    await engine.put_subscription(doc)
    await engine.submit(example("envelope-changeId-1.json"))
    await until(lambda: [r.answered for r in sim.received] == [500, 200])
    assert all(r.signature == "valid" for r in sim.received)
    await until(lambda: engine.store.deliveries(base_code="HRZ")[0]["status"] == "delivered")
    assert engine.store.deliveries(base_code="HRZ")[0]["attempts"] == 2
    # the dispatcher counts once the store has the attempt: wait for it too
    await until(lambda: delivering.dispatcher.health("HRZ")["delivered"] == 1)
    assert delivering.dispatcher.health("HRZ")["lastStatus"] == 200


async def test_410_gone_disables_the_subscription(delivering):
    _sub, sim = await create_simulated(delivering, "GONE", behaviour_doc(status=410))
    await delivering.engine.submit(example("envelope-changeId-1.json"))
    await until(lambda: not delivering.engine.index.get("GONE").enabled)
    assert [r.answered for r in sim.received] == [410]
    assert "410" in delivering.engine.index.get("GONE").disabled_reason


async def test_bad_input_makes_nothing(hosted):
    try:
        await create_simulated(hosted, "bad code", behaviour_doc(), change_ids=["77"])
    except SimulatedError as error:
        paths = {f.path for f in error.findings}
    assert paths == {"baseCode", "changeIds[0]"}
    assert hosted.sims.subscribers == {} and hosted.engine.subscriptions() == []
    try:
        await create_simulated(hosted, "OK", behaviour_doc(status=999))
    except SimulatedError as error:
        assert [f.path for f in error.findings] == ["status"]
    assert hosted.engine.subscriptions() == []


async def test_the_dialog_says_each_bad_field_and_keeps_the_text(hosted, qtbot):
    dialog = SimulatedDialog(hosted)
    qtbot.addWidget(dialog)
    dialog.code.setText("HRZ")
    dialog.code.textEdited.emit("HRZ")
    assert dialog.name.text() == "hrz"
    dialog.statuses.setText("500, soon")
    dialog.status.setEditText("gone")
    assert await dialog.submit() is None
    assert "statuses[1]" in dialog.errors["statuses"].text()
    assert dialog.errors["status"].isVisibleTo(dialog)
    assert dialog.statuses.text() == "500, soon"
    dialog.statuses.setText("500, 503")
    dialog.status.setCurrentIndex(dialog.status.findData(410))
    dialog.latency.setValue(0.25)
    dialog.retry_after.setText("2")
    sub = await dialog.submit()
    assert sub is not None and dialog.result() == SimulatedDialog.DialogCode.Accepted
    sim = hosted.sims.subscribers["hrz"]
    b = sim.behaviour
    assert (b.statuses, b.status, b.latency, b.retry_after) == ([500, 503], 410, 0.25, "2")


async def test_an_existing_simulators_behaviour_changes_and_keeps_what_it_received(
        hosted, qtbot):
    sub, sim = await create_simulated(hosted, "HRZ", behaviour_doc(statuses=[500]))
    dialog = SimulatedDialog(hosted, sim=sim, sub=sub)
    qtbot.addWidget(dialog)
    assert dialog.statuses.text() == "500"
    assert "baseCode" not in dialog.errors  # only how it answers can change here
    dialog.statuses.clear()
    dialog.hang.setChecked(True)
    dialog.failure_rate.setValue(50)
    assert await dialog.submit() == sub
    assert hosted.sims.subscribers["hrz"].behaviour.hang
    assert hosted.sims.subscribers["hrz"].behaviour.failure_rate == 0.5
    assert hosted.sims.subscribers["hrz"] is sim
