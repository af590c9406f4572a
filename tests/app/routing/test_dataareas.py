"""The data-area catalogue: the seed the spec's examples use, and reading one from JSON."""

from __future__ import annotations

import pytest

from app.catalog.findings import Code
from app.routing.dataareas import SEED, DataArea, DataAreaError, read_data_area


def test_seed_holds_the_spec_areas() -> None:
    assert DataArea("fwwt", "房屋问题") in SEED
    assert "10008" in {a.code for a in SEED}
    assert len({a.code for a in SEED}) == len(SEED)


@pytest.mark.parametrize("area", SEED, ids=[a.code for a in SEED])
def test_seed_round_trips(area: DataArea) -> None:
    assert area.name
    assert read_data_area(area.to_json()) == area


def test_to_json() -> None:
    assert DataArea("fwwt", "房屋问题").to_json() == {"code": "fwwt", "name": "房屋问题"}


@pytest.mark.parametrize(("obj", "expected"), [
    pytest.param({"code": "fwwt", "name": "房屋问题"}, DataArea("fwwt", "房屋问题"), id="full"),
    pytest.param({"code": "10008"}, DataArea("10008", "10008"), id="name-defaults-to-code"),
    pytest.param({"code": "zz", "name": ""}, DataArea("zz", "zz"), id="empty-name-is-code"),
    pytest.param({"code": "a.b-c_D9", "name": "x"}, DataArea("a.b-c_D9", "x"),
                 id="punctuation-allowed"),
    pytest.param({"code": "x" * 64, "name": "long"}, DataArea("x" * 64, "long"), id="64-chars"),
])
def test_reads_good_input(obj: dict, expected: DataArea) -> None:
    assert read_data_area(obj) == expected


@pytest.mark.parametrize("code", [
    pytest.param("fw/wt", id="slash"),
    pytest.param("fw+", id="plus"),
    pytest.param("#", id="hash"),
    pytest.param("*", id="star"),
    pytest.param("", id="empty"),
    pytest.param("fw wt", id="space"),
    pytest.param("x" * 65, id="65-chars"),
    pytest.param("房屋", id="non-ascii"),
    pytest.param(10008, id="int"),
    pytest.param(None, id="null"),
])
def test_rejects_bad_codes(code: object) -> None:
    with pytest.raises(DataAreaError) as caught:
        read_data_area({"code": code, "name": "x"})
    (finding,) = caught.value.findings
    assert finding.path == "code"
    assert finding.code is Code.TYPE
    assert finding.hint is not None and "MQTT" in finding.hint
    assert repr(code) in finding.message


def test_rejects_missing_code() -> None:
    with pytest.raises(DataAreaError) as caught:
        read_data_area({"name": "房屋问题"})
    assert [f.path for f in caught.value.findings] == ["code"]


@pytest.mark.parametrize("obj", [["fwwt"], "fwwt", None, 7], ids=["list", "string", "null",
                                                                   "number"])
def test_rejects_non_objects(obj: object) -> None:
    with pytest.raises(DataAreaError) as caught:
        read_data_area(obj)
    (finding,) = caught.value.findings
    assert finding.path == ""
    assert finding.hint is not None and "fwwt" in finding.hint


@pytest.mark.parametrize("name", [5, None, ["房屋问题"]], ids=["int", "null", "list"])
def test_rejects_non_string_names(name: object) -> None:
    with pytest.raises(DataAreaError) as caught:
        read_data_area({"code": "fwwt", "name": name})
    assert [f.path for f in caught.value.findings] == ["name"]


def test_reports_code_and_name_together() -> None:
    with pytest.raises(DataAreaError) as caught:
        read_data_area({"code": "a/b", "name": 5})
    assert [f.path for f in caught.value.findings] == ["code", "name"]
    assert "code" in str(caught.value) and "name" in str(caught.value)


def test_data_area_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="data-area code"):
        read_data_area({"code": "a/b"})
