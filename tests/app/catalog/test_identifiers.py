from __future__ import annotations

import random
from datetime import datetime

from app.catalog.identifiers import new_order_id, order_code, template_id, track_id
from app.catalog.samples import sample


def test_ids_have_the_spec_examples_shapes():
    spec = sample("1")
    made = new_order_id()
    assert len(made) == len(spec["serviceOrderId"]) == 16 and made.isdigit()
    assert made[:4] == spec["serviceOrderId"][:4] == "4503"
    assert order_code(datetime(2019, 8, 2, 16, 16), 3048) == spec["serviceOrderCode"]
    assert track_id(spec["serviceOrderId"], 1) == spec["trackId"]
    assert order_code(datetime(2026, 1, 1), 1_234_567) == "0120260101234567"


def test_a_seeded_id_repeats_and_fresh_ones_differ():
    assert new_order_id(random.Random(4)) == new_order_id(random.Random(4))
    assert len({new_order_id() for _ in range(100)}) == 100


def test_template_ids_are_the_specs_or_stable():
    assert template_id("fwwt") == sample("1")["templateId"] == "8103"
    assert template_id("10008") == "8108"
    assert template_id("abc") == template_id("abc") and 8200 <= int(template_id("abc")) < 8900
