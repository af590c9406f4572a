"""The routing table's model: a row per route, the verdict in words and its colour."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.inspector import Route
from ui import theme
from ui.inspector.routing import RoutingModel

ROUTES = [Route("HRZ", "delivered", "dataArea fwwt in scope; changeId 1 subscribed",
                "wo/push/HRZ/fwwt"),
          Route("GONE", "not-delivered", "changeId 1 not subscribed"),
          Route("platform", "info", "no subscriptions yet")]


def test_the_model_passes_qt_model_tester(qtmodeltester):
    model = RoutingModel()
    model.set_routes(ROUTES)
    qtmodeltester.check(model)
    model.set_routes([])
    qtmodeltester.check(model)


def test_a_route_reads_as_target_verdict_why_and_topic():
    model = RoutingModel()
    model.set_routes(ROUTES)
    assert [model.index(0, c).data() for c in range(4)] == [
        "HRZ", "delivered", "dataArea fwwt in scope; changeId 1 subscribed", "wo/push/HRZ/fwwt"]
    assert model.index(1, 1).data() == "not delivered" and model.index(1, 3).data() == ""
    assert model.index(2, 1).data() == "note"
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == theme.strong("ok")
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Target", "Verdict", "Why", "MQ topic"]
