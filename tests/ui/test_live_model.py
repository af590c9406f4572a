from __future__ import annotations

from PySide6.QtCore import Qt

from app.live import LiveRow
from ui.live_model import LiveFilter, LiveModel


def row(seq: int, topic: str = "wo/push/HRZ/fwwt", outcome: str = "ok") -> LiveRow:
    return LiveRow(seq=seq, at=1_700_000_000 + seq, kind="mq", outcome=outcome, topic=topic,
                   who="HRZ", order="O1", summary=f"row {seq}")


def test_the_model_passes_qt_model_tester(qtmodeltester):
    model = LiveModel(capacity=10)
    model.append([row(i) for i in range(5)])
    qtmodeltester.check(model)
    model.append([row(i) for i in range(5, 12)])
    qtmodeltester.check(model)


def test_batches_past_the_capacity_drop_the_oldest_and_count_them():
    model = LiveModel(capacity=4)
    model.append([row(i) for i in range(3)])
    model.append([row(i) for i in range(3, 6)])
    assert [r.seq for r in model.all_rows()] == [2, 3, 4, 5] and model.dropped == 2
    model.append([row(i) for i in range(6, 16)])  # a batch larger than the whole table
    assert [r.seq for r in model.all_rows()] == [12, 13, 14, 15]


def test_cells_and_colours():
    model = LiveModel()
    model.append([row(1, outcome="failed")])
    index = model.index(0, LiveModel.COLUMNS.index("topic"))
    assert model.data(index) == "wo/push/HRZ/fwwt"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(index, Qt.ItemDataRole.UserRole).seq == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Time"


def test_the_filter_applies_to_rows_that_arrive_after_it(qtmodeltester):
    model = LiveModel()
    proxy = LiveFilter()
    proxy.setSourceModel(model)
    model.append([row(1), row(2, topic="$sktalent/clients/u1")])
    proxy.set_filter("$sktalent/clients/+", "topic")
    assert proxy.rowCount() == 1
    model.append([row(3, topic="$sktalent/clients/u2"), row(4)])
    assert proxy.rowCount() == 2
    assert [proxy.index(i, 0).data(Qt.ItemDataRole.UserRole).seq for i in range(2)] == [2, 3]
    qtmodeltester.check(proxy)
