from PySide6.QtCore import Qt

from app.routing.subscription import Subscription
from ui import theme
from ui.subscriptions.table_model import (
    COLUMNS,
    SORT_ROLE,
    SubscriptionFilter,
    SubscriptionTableModel,
)


def sub(code: str, **changes) -> Subscription:
    base = Subscription(code, f"{code} 系统", ("fwwt",), ("1", "2"),
                        callback_url="http://user:hunter2@127.0.0.1:9/cb")
    return base.with_changes(**changes)


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, COLUMNS.index(column)), role)


def test_rows_follow_puts_and_removes_without_a_reset(qtmodeltester, qtbot):
    model = SubscriptionTableModel()
    model.set_subscriptions([sub("A"), sub("B"), sub("C")])
    qtmodeltester.check(model)
    with qtbot.assert_not_emitted(model.modelReset):
        model.put(sub("B", enabled=False, disabled_reason="410 Gone"))
        model.remove("A")
        model.put(sub("D"))
    assert [s.base_code for s in model.subs] == ["B", "C", "D"]
    assert model.row_of("D") == 2
    assert cell(model, 0, "state") == "disabled: 410 Gone"
    model.set_subscriptions([sub("D")])
    assert [s.base_code for s in model.subs] == ["D"]
    qtmodeltester.check(model)


def test_the_url_is_shown_without_its_password_and_mq_only_is_said(qtmodeltester):
    model = SubscriptionTableModel()
    model.set_subscriptions([sub("A"), sub("MQ", callback_url=None)])
    assert cell(model, 0, "url") == "http://user:***@127.0.0.1:9/cb"
    assert "hunter2" not in str(cell(model, 0, "url", Qt.ItemDataRole.ToolTipRole))
    assert cell(model, 1, "delivery") == "MQ only"
    assert cell(model, 1, "url") == "—"
    assert cell(model, 0, "areas") == "fwwt"
    assert cell(model, 0, "changes") == "1, 2"
    qtmodeltester.check(model)


def test_health_repaints_only_rows_that_changed_and_colours_failures(qtbot, qtmodeltester):
    theme._dark = False
    model = SubscriptionTableModel()
    model.set_subscriptions([sub("A"), sub("B")])
    failing = {"consecutiveFailures": 2, "delivered": 3, "lastStatus": 500,
               "lastError": None, "queued": 1, "waiting": 1, "inFlight": 0, "parked": 0,
               "heldForOrder": 0, "failedAttempts": 4, "exhaustedInARow": 0}
    with qtbot.wait_signal(model.dataChanged) as changed:
        model.set_health({"A": failing, "B": {"delivered": 0}, "GONE": {"delivered": 1}})
    assert changed.args[0].row() == 0
    with qtbot.assert_not_emitted(model.dataChanged):
        model.set_health({"A": dict(failing)})  # the same numbers: nothing to repaint
    assert cell(model, 0, "state") == "failing"
    assert cell(model, 0, "last") == "HTTP 500"
    assert cell(model, 0, "queue") == "2"
    assert cell(model, 0, "delivered") == "3"
    assert cell(model, 0, "failures", SORT_ROLE) == 2
    assert cell(model, 0, "code", Qt.ItemDataRole.BackgroundRole).color() == \
        theme.background("retry")
    assert cell(model, 1, "code", Qt.ItemDataRole.BackgroundRole) is None
    qtmodeltester.check(model)


def test_dark_theme_colours_are_read_at_paint_time(qtmodeltester):
    model = SubscriptionTableModel()
    model.set_subscriptions([sub("OFF", enabled=False)])
    try:
        theme._dark = True
        dark = cell(model, 0, "state", Qt.ItemDataRole.ForegroundRole).color()
        theme._dark = False
        light = cell(model, 0, "state", Qt.ItemDataRole.ForegroundRole).color()
    finally:
        theme._dark = False
    assert dark == theme.QColor(theme.STRONG["failed"][1])
    assert light == theme.QColor(theme.STRONG["failed"][0])


def test_the_filter_finds_by_code_name_url_or_area_and_sorts_numbers_as_numbers(
        qtmodeltester):
    model = SubscriptionTableModel()
    model.set_subscriptions([sub("A"), sub("B", name="物业", data_areas=("dqwt",)),
                             sub("C", callback_url="http://10.0.0.1/x")])
    proxy = SubscriptionFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("物业")
    assert proxy.rowCount() == 1
    proxy.set_text("DQWT")
    assert proxy.rowCount() == 1
    proxy.set_text("10.0.0.1")
    assert proxy.index(0, 0).data() == "C"
    proxy.set_text("")
    model.set_health({"A": {"delivered": 10}, "B": {"delivered": 9}, "C": {"delivered": 100}})
    proxy.sort(COLUMNS.index("delivered"), Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["B", "A", "C"]


def test_a_disabled_reason_is_short_in_the_cell_and_whole_in_the_tooltip(qtmodeltester):
    model = SubscriptionTableModel()
    url = "http://user:hunter2@127.0.0.1:9/cb"
    model.set_subscriptions([sub("GONE", enabled=False,
                                 disabled_reason=f"disabled: {url} answered 410 Gone")])
    assert cell(model, 0, "state") == "disabled: URL answered 410 Gone"
    tip = cell(model, 0, "state", Qt.ItemDataRole.ToolTipRole)
    assert tip == "disabled: http://user:***@127.0.0.1:9/cb answered 410 Gone"


def test_an_organisation_push_subscriber_shows_its_types_orgs_and_topic(qtmodeltester):
    model = SubscriptionTableModel()
    model.set_subscriptions([
        sub("ORG", change_ids=(), data_areas=("*",), org_types=("11", "205"),
            org_ids=("77",)),
        sub("BOTH", org_types=("11",)),
        sub("WO")])
    assert cell(model, 0, "changes") == "org pushes: 11, 205"
    assert cell(model, 0, "areas") == "orgs: 77"
    tip = cell(model, 0, "changes", Qt.ItemDataRole.ToolTipRole)
    assert "org 205 DEPARTMENT_CREATED · 部门创建" in tip
    assert cell(model, 0, "delivery", Qt.ItemDataRole.ToolTipRole) == \
        "MQ topic org/push/ORG/<org_id> for organisation pushes"
    assert cell(model, 1, "changes") == "1, 2 · org pushes: 11"
    assert cell(model, 1, "areas") == "fwwt · orgs: all (*)"
    assert "wo/push/BOTH/<dataArea>" in cell(model, 1, "delivery", Qt.ItemDataRole.ToolTipRole)
    assert "org/push/BOTH/" in cell(model, 1, "delivery", Qt.ItemDataRole.ToolTipRole)
    assert cell(model, 2, "changes") == "1, 2" and cell(model, 2, "areas") == "fwwt"
    qtmodeltester.check(model)
    proxy = SubscriptionFilter()
    proxy.setSourceModel(model)
    proxy.set_text("77")  # an organisation id finds its subscriber
    assert proxy.rowCount() == 1
