from __future__ import annotations

from app.catalog.samples import change_ids, sample


def test_a_sample_for_every_change_id(catalog):
    assert set(change_ids()) == set(catalog.workorder.type_ids)


def test_samples_are_fresh_copies():
    first = sample("7")
    first["supUser"][0]["userName"] = "changed"
    assert sample("7")["supUser"][0]["userName"] == "张主管"


def test_overrides_apply():
    assert sample("3", overType="1")["overType"] == "1"
