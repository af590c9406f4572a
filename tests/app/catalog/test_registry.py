from __future__ import annotations

from app.catalog.findings import Code


def test_lookups(catalog):
    assert catalog.change("3").en == "order ended"
    assert catalog.change(3) is None and catalog.change("0") is None
    assert catalog.message_type("workorder", "9").zh == "转单"
    assert catalog.message_type("nope", "1") is None


def test_change_8_warns_even_as_bare_data(catalog):
    from app.catalog.samples import sample

    found = catalog.validate_data("8", sample("8"))
    assert [f.code for f in found] == [Code.UNSUPPORTED]
