from __future__ import annotations

import dataclasses

from app.events import EventAccepted, all_event_types, delivery_refs


def test_every_event_is_documented_and_immutable():
    for kind in all_event_types():
        assert kind.__doc__ and len(kind.__doc__) > 20, kind
        assert dataclasses.is_dataclass(kind) and kind.__dataclass_params__.frozen


def test_deliveries_are_spelled_out_on_demand():
    accepted = EventAccepted(event_id=1, change_id="1", data_area="fwwt", service_order_id="o",
                             source="api", first_delivery_id=10, base_codes=("A", "B"))
    assert [tuple(d) for d in accepted.deliveries] == [
        (10, "A", "wo/push/A/fwwt"), (11, "B", "wo/push/B/fwwt")]
    assert delivery_refs(5, (), "x") == ()
