"""The Examples menu's texts: every example each family's catalogue lists reads as that
family; an organisation body comes inside its envelope; the captured request lacks Accept."""

from __future__ import annotations

import json

import pytest

from app.inspector import inspect
from ui.inspector import examples

ALL = [s for items in examples.samples().values() for s in items]


def test_every_family_with_examples_is_offered():
    assert list(examples.samples()) == ["workorder", "org", "rich", "wecom"]
    assert [s.family for s in examples.featured()] == ["workorder", "org", "rich", "wecom"]


@pytest.mark.parametrize("sample", ALL, ids=[s.id for s in ALL])
def test_each_example_reads_as_its_family(sample):
    inspection = inspect(sample.text())
    assert inspection.reading is not None and inspection.reading.family == sample.family


def test_an_organisation_body_comes_in_its_envelope():
    push = json.loads(examples.text_of("org/body-202"))
    assert push["type"] == 202 and push["org_id"] == 123 and "users" in push["body"]
    assert inspect(examples.text_of("org/body-202")).valid


def test_the_captured_request_lacks_accept_only():
    inspection = inspect(examples.text_of(examples.CAPTURED))
    assert inspection.source == "http request"
    assert [f.path for f in inspection.findings] == ["headers.accept"]
    with pytest.raises(KeyError):
        examples.sample("wecom/no-such")
