"""Reading scenario files: every sample loads; every mistake is reported at once with its
line and column and a fix; no input makes the loader fail any other way."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.scenario import ScenarioError, load, load_text
from simulator.scenario.loader import samples, seconds


def problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_text(textwrap.dedent(text), "t.yaml")
    return str(caught.value).splitlines()


MINIMAL = """\
name: t
setup:
  subscriptions:
    - {baseCode: HRZ, changeIds: [1]}
steps:
  - workflow: {as: A}
expect:
  - delivered: {to: HRZ, order: A, changeId: 1, within: 2s}
"""


def test_every_sample_loads_and_the_samples_cover_the_issue():
    names = [p.name for p in samples()]
    assert len(names) >= 7
    for path in samples():
        scenario = load(path)
        assert scenario.steps and (scenario.expect or any(s.kind == "expect"
                                                          for s in scenario.steps))


def test_a_minimal_file_reads_as_the_runner_wants_it():
    scenario = load_text(MINIMAL, "t.yaml")
    assert scenario.names == {"A": 1}
    (expectation,) = scenario.expect
    assert expectation.args == {"to": "HRZ", "order": "A", "changeId": "1", "within": 2.0}
    assert expectation.name == "delivered to HRZ order A changeId 1 within 2s"
    assert scenario.setup["subscriptions"][0]["changeIds"] == ["1"]


def test_a_misspelt_field_is_named_with_its_line_column_and_the_likely_fix():
    (line,) = problems("""\
        name: t
        steps:
          - wrokflow: {as: A}
        """)
    assert line.startswith("t.yaml:3:5: steps[0].wrokflow: unknown field 'wrokflow'; did you "
                           "mean 'workflow'?")


def test_every_mistake_is_reported_at_once():
    found = problems("""\
        name: t
        pace: fast
        steps:
          - send: {dataArea: fwwt}
          - wait: soon
        """)
    assert any(p.startswith("t.yaml:2:7: pace: 'fast' is not allowed") for p in found)
    assert any("t.yaml:4:" in p and "'changeId' is required" in p for p in found)
    assert any(p.startswith("t.yaml:5:11: steps[1].wait:") for p in found)
    assert len(found) == 3


def test_yaml_syntax_errors_have_a_position():
    (line,) = problems("name: t\nsteps:\n  - send: {changeId: 1\n")
    assert line.startswith("t.yaml:") and "not valid YAML" in line


def test_what_the_schema_cannot_say():
    found = problems("""\
        name: t
        setup:
          subscriptions: [{baseCode: REAL, callbackUrl: "http://127.0.0.1:9/x"}]
        steps:
          - {send: {changeId: 1, sample: true}, wait: 1}
          - send: {changeId: 1}
          - workflow: {as: A, force: [hnag]}
          - workflow: {as: A}
          - subscriber: {name: REAL, behaviour: {status: 500}}
          - user: {userID: U1, online: false}
          - {}
        expect:
          - timeline: {order: B}
          - {}
        """)
    text = "\n".join(found)
    assert "t.yaml:5:5: steps[0]: one action per step, this one has send, wait" in text
    assert "steps[1].send: give the event's data, or sample: true" in text
    assert "steps[2].workflow.force: unknown branch 'hnag'" in text
    assert "steps[3].workflow.as: the name 'A' is already given by step 3" in text
    assert "steps[4].subscriber.name: 'REAL' is not a simulated subscriber" in text
    assert "steps[5].user.userID: 'U1' is not among setup.users" in text
    assert "steps[6]: an empty step" in text
    assert "expect[0].timeline.order: no step names an order 'B'" in text
    assert "expect[1]: an expectation needs one of" in text


def test_people_of_orders_need_a_generated_order_with_phones():
    found = problems("""\
        name: t
        steps:
          - send: {changeId: 1, sample: true, as: S}
          - user: {userID: S.contact, online: false}
        expect:
          - notification: {user: A.handler}
        """)
    text = "\n".join(found)
    assert "'S.contact' has no simulated phone: add {order: S} to setup.users" in text
    assert "no workflow step names an order 'S'" in text
    assert "no workflow step names an order 'A'" in text


def test_a_key_written_twice_is_reported_not_silently_overwritten():
    (line,) = problems("name: t\nname: u\nsteps: [{wait: 1}]\n")
    assert line.startswith("t.yaml:2:1: name: 'name' appears twice here (first on line 1)")


def test_durations():
    assert seconds(2) == 2.0
    assert seconds("500ms") == 0.5
    assert seconds("1.5 s") == 1.5
    assert seconds("2m") == 120.0
    assert seconds("1h") == 3600.0
    with pytest.raises(ValueError, match="not a duration"):
        seconds("soon")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_text_breaks_the_loader(text):
    try:
        load_text(text, "fuzz.yaml")
    except ScenarioError as error:
        assert error.problems and all(p.message for p in error.problems)


_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2000) | st.floats(allow_nan=False)
    | st.sampled_from(["A", "HRZ", "fwwt", "2s", "all", "restart", "1"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["send", "workflow", "changeId", "as", "to", "order",
                                       "within", "wait", "user", "userID", "online",
                                       "branches", "force", "count", "orders", "expect",
                                       "delivered", "caption", "sample", "data"]),
                      inner, max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({"name": st.text(min_size=1, max_size=5),
                              "steps": st.lists(_values, max_size=4)},
                             optional={"expect": st.lists(_values, max_size=3)}))
def test_no_structure_breaks_the_loader(doc):
    import json

    try:
        load_text(json.dumps(doc), "fuzz.json")
    except ScenarioError as error:
        assert all(p.message for p in error.problems)


def test_the_documentation_s_complete_examples_load():
    """docs/scenarios.md is what a new user writes from: its whole-file examples must load."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "scenarios.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if b.startswith("name:")]
    assert blocks
    for block in blocks:
        load_text(block, "docs/scenarios.md")
