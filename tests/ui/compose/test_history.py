"""The history of sent events: newest first, bounded, and a well-behaved model."""

from __future__ import annotations

from ui.compose import history
from ui.compose.history import HistoryModel, Sent

ACCEPTED = {"eventId": 7, "deliveries": [{"id": 1, "baseCode": "HRZ", "topic": "t",
                                          "status": "pending"}], "warnings": []}
REJECTED = {"reason": "invalid", "rejectionId": 3,
            "errors": [{"path": "data.trackId", "message": "trackId is missing"}]}


def body(cid="1", order="WO1"):
    return {"changeId": cid, "dataArea": "fwwt", "data": {"serviceOrderId": order}}


def test_rows_newest_first_with_the_verdict(qtmodeltester):
    model = HistoryModel()
    model.add(Sent(body("1"), ACCEPTED))
    model.add(Sent(body("5", "WO2"), REJECTED))
    qtmodeltester.check(model)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:4] == ["rejected", "5", "WO2"]
    assert "trackId is missing" in row[4]
    assert model.index(1, 4).data() == "event #7 → 1 delivery: HRZ"
    assert model.entry(1).accepted and model.entry(5) is None


def test_the_history_is_bounded(qtmodeltester, monkeypatch):
    monkeypatch.setattr(history, "LIMIT", 3)
    model = HistoryModel()
    for i in range(5):
        model.add(Sent(body(order=f"WO{i}"), ACCEPTED))
    assert model.rowCount() == 3 and model.entry(0).order_id == "WO4"
    qtmodeltester.check(model)
