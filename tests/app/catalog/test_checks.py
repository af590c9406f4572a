"""Cross-field rules stated in words by the spec's descriptions: warnings, never errors."""

from __future__ import annotations

import pytest

from app.catalog.findings import Code, Mode, Severity
from app.catalog.samples import sample


def consistency(catalog, change_id, data):
    return [f for f in catalog.validate_data(change_id, data, Mode.STRICT)
            if f.code == Code.CONSISTENCY]


def test_appointment_needs_its_times(catalog):
    found = consistency(catalog, "1", sample("1", isBespeak="1"))
    assert {f.path for f in found} == {"data.bespeakBegintime", "data.bespeakEndtime"}
    assert all(f.severity is Severity.WARNING for f in found)
    assert not consistency(catalog, "1", sample("1", isBespeak="1",
                                                bespeakBegintime="20190803090000",
                                                bespeakEndtime="20190803120000"))


def test_cancel_names_its_operator(catalog):
    data = sample("3", overType="1", operator="", trackInfo="已取消工单,工单结束")
    assert [f.path for f in consistency(catalog, "3", data)] == ["data.operator"]


@pytest.mark.parametrize(("track", "field"), [("审核", "reviewResult"), ("回访", "reviewResult"),
                                              ("评价", "evalue")])
def test_review_and_evaluation_tracks_carry_their_values(catalog, track, field):
    data = sample("2", trackName=track)
    assert [f.path for f in consistency(catalog, "2", data)] == [f"data.{field}"]
