"""Finding an order: the results model (qtmodeltester) over the real store's find_orders,
the debounced search box, Enter and Down."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.catalog.samples import sample
from ui.timeline.search import LIMIT, OrderResults, OrderSearch


async def test_the_results_model_over_real_orders_passes_qtmodeltester(engine,
                                                                        qtmodeltester):
    for order, name in (("WO-1", "噜噜噜"), ("WO-2", "王五")):
        await engine.submit({"changeId": "1", "dataArea": "fwwt",
                             "data": sample("1", serviceOrderId=order, contactName=name)})
    await engine.submit({"changeId": "5", "dataArea": "fwwt",
                         "data": sample("5", serviceOrderId="WO-1")})
    model = OrderResults()
    model.change_name = lambda change: {"5": "track generated"}.get(change, "")
    qtmodeltester.check(model)
    model.set_rows(engine.store.find_orders("WO", LIMIT))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0] == "WO-1" and first[2] == "噜噜噜 · 110640113"
    assert first[3].startswith("5 track generated · ") and first[4] == "2"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == "WO-1"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Order id"


def test_typing_searches_after_a_pause(qtbot):
    box = OrderSearch()
    qtbot.addWidget(box)
    box.show()
    asked = []
    box.find = lambda text, limit: asked.append(text) or []
    qtbot.keyClicks(box.edit, "4503")
    assert asked == []  # debounced: not once per key
    qtbot.waitUntil(lambda: asked == ["4503"])
    assert box.message.isVisible() and "No order matches “4503”" in box.message.text()


def test_enter_opens_the_exact_id_and_down_goes_to_the_results(qtbot):
    box = OrderSearch()
    qtbot.addWidget(box)
    box.show()
    rows = [{"service_order_id": "WO-12", "event_count": 1},
            {"service_order_id": "WO-1", "event_count": 3}]
    box.find = lambda text, limit: rows
    box.edit.setText("WO-1")
    with qtbot.wait_signal(box.opened) as opened:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert opened.args == ["WO-1"]  # the exact id, not the first row
    assert not box.table.isVisible()
    box.edit.setText("WO")
    box.run()
    assert box.table.isVisible()
    box.edit.setFocus()
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert box.table.currentIndex().row() == 0
    many = [{"service_order_id": f"W{i}"} for i in range(LIMIT)]
    box.find = lambda text, limit: many
    box.run()
    assert "first" in box.message.text() and box.message.isVisible()
