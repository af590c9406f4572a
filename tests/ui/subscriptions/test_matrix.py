import re

from PySide6.QtCore import Qt

from app.routing.dataareas import DataArea
from app.routing.subscription import Subscription
from ui.subscriptions.matrix import CELL_ROLE, RECEIVERS_ROLE, CoverageModel, live_filter


def sub(code, areas, changes, enabled=True):
    return Subscription(code, code, tuple(areas), tuple(changes), enabled=enabled)


AREAS = [DataArea("fwwt", "房屋问题"), DataArea("10008", "")]


def test_each_cell_counts_the_enabled_subscriptions_that_receive_it(catalog, qtmodeltester):
    model = CoverageModel()
    subs = [sub("ALL", ["*"], ["1", "2"]), sub("FW", ["fwwt"], ["1"]),
            sub("OFF", ["fwwt"], ["2"], enabled=False), sub("ELEC", ["dqwt"], ["9"])]
    model.rebuild(AREAS, catalog.workorder.types, subs)
    qtmodeltester.check(model)
    assert [a.code for a in model.areas] == ["fwwt", "10008", "dqwt"]  # dqwt: named only
    assert model.cell("fwwt", "1").receivers == ("ALL", "FW")
    assert model.cell("fwwt", "2").receivers == ("ALL",)
    assert model.cell("fwwt", "2").disabled == ("OFF",)
    assert model.cell("10008", "1").receivers == ("ALL",)
    assert model.cell("dqwt", "9").receivers == ("ELEC",)
    assert model.cell("10008", "9").receivers == ()
    column = [t.id for t in catalog.workorder.types].index("1")
    index = model.index(0, column)
    assert index.data() == "2"
    assert index.data(RECEIVERS_ROLE) == ("ALL", "FW")
    assert index.data(CELL_ROLE) == ("fwwt", "1")
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "ALL, FW" in tip
    off = model.index(0, [t.id for t in catalog.workorder.types].index("2"))
    assert off.data() == "1"
    assert "OFF" in off.data(Qt.ItemDataRole.ToolTipRole)
    dqwt = model.headerData(2, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "not in the data-area catalogue" in dqwt
    supported = sum(1 for t in catalog.workorder.types if t.supported)
    assert model.uncovered() == 3 * supported - 7  # ALL: 3 areas × 2; ELEC: 1


def test_a_recount_of_the_same_shape_does_not_reset(catalog, qtmodeltester, qtbot):
    model = CoverageModel()
    model.rebuild(AREAS, catalog.workorder.types, [])
    assert model.cell("fwwt", "1").receivers == ()
    with qtbot.assert_not_emitted(model.modelReset):
        model.rebuild(AREAS, catalog.workorder.types, [sub("FW", ["fwwt"], ["1"])])
    assert model.cell("fwwt", "1").receivers == ("FW",)
    qtmodeltester.check(model)


def test_a_cell_filters_live_to_its_events_and_their_publishes():
    pattern = re.compile(live_filter("fwwt", "1"), re.IGNORECASE)
    event = "event ok events/1/fwwt compose 450 changeId 1 · fwwt → HRZ"
    mq = "mq ok wo/push/HRZ/fwwt HRZ  changeId 1 published (QoS 1, acknowledged)"
    assert pattern.search(event) and pattern.search(mq)
    assert not pattern.search("event ok events/10/fwwt compose 450 changeId 10 · fwwt → HRZ")
    assert not pattern.search("mq ok wo/push/HRZ/fwwt HRZ  changeId 10 published (QoS 1)")
    assert not pattern.search("event ok events/1/fwwtx compose")
