"""Generated work-order lifecycles: strict-valid events, clean timelines, the branches asked for."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog import default_catalog, trackinfo
from app.catalog.continuation import ORDER_FIELDS
from app.catalog.findings import Code, Severity
from app.catalog.timefmt import format_time
from app.timeline.builder import build_timeline
from simulator.workflow import (
    Branches,
    Step,
    Workflow,
    WorkflowGenerator,
    WorkflowInputError,
)

CATALOG = default_catalog()
CODE = re.compile(r"^01(\d{8})(\d{6})$")
FLOW_TRACKS = re.compile(r"^派单 接单 处理 审核( 处理 审核)?( 回访)?( 评价)?$")
NAMES = tuple(f.name for f in fields(Branches))
#: Nothing but what a test forces.
NONE = Branches(**dict.fromkeys(NAMES, 0.0))


def _events(workflow: Workflow) -> list[dict]:
    """The order's steps as the store hands them to the timeline."""
    return [{"id": i, "change_id": s.change_id, "data_area": s.data_area, "data": s.data,
             "received_at": s.at.timestamp()} for i, s in enumerate(workflow.steps, 1)]


def _findings(step: Step) -> list:
    """Strict findings, less the one warning the spec makes unavoidable: factRelieveHang is
    required, but a hang that is requested, approved or refused has not been relieved, so it
    is "" (as the spec's own example sends) — an EMPTY warning, never an error."""
    found = CATALOG.validate_data(step.change_id, step.data)
    return [f for f in found if not (
        step.change_id == "6" and step.data["hangStatus"] != "0"
        and f.path == "data.factRelieveHang" and f.code is Code.EMPTY
        and f.severity is Severity.WARNING)]


def _on(workflow: Workflow, *change_ids: str) -> list[Step]:
    return [s for s in workflow.steps if s.change_id in change_ids]


def _tracks(workflow: Workflow) -> list[str]:
    return [s.data["trackName"] for s in _on(workflow, "5")]


def _handled(workflow: Workflow, name: str) -> list[Step]:
    return [s for s in _on(workflow, "2") if s.data["trackName"] == name]


def assert_sound(workflow: Workflow) -> None:
    """Everything a generated order must be, whatever branches it took."""
    steps = workflow.steps
    for step in steps:
        assert not _findings(step), (step.change_id, [str(f) for f in _findings(step)])
        assert step.envelope() == {"changeId": step.change_id, "dataArea": workflow.data_area,
                                   "data": step.data}
        if step.change_id in ("5", "2", "3"):  # trackInfo by the spec's rules, for its data
            texts, _rule = trackinfo.expected(step.change_id, step.data)
            assert step.data["trackInfo"] in texts
    timeline = build_timeline(workflow.order_id, _events(workflow))
    assert timeline.anomalies == []

    # Created first; ended exactly once; only the evaluation may follow the end.
    first = steps[0]
    assert first.change_id == "1" and first.data["trackId"] == workflow.order_id + "01"
    ends = [i for i, s in enumerate(steps) if s.change_id == "3"]
    assert len(ends) == 1
    assert {s.change_id for s in steps[ends[0] + 1:]} <= {"4"}
    assert len(_on(workflow, "4")) <= 1

    # One order: the same order fields everywhere, trackIds = order id + 2 digits.
    order = {k: first.data[k] for k in ORDER_FIELDS if k in first.data}
    assert set(order) == set(ORDER_FIELDS)
    assert re.fullmatch(r"\d{16}", workflow.order_id) and order["serviceOrderId"] == \
        workflow.order_id
    match = CODE.fullmatch(workflow.order_code)
    assert match and match.group(1) == first.data["createDate"][:8]
    assert order["serviceOrderCode"] == workflow.order_code
    for step in steps:
        assert step.data_area == workflow.data_area
        for name, value in step.data.items():
            if name in order:
                assert value == order[name], (step.change_id, name)
        track_id = step.data.get("trackId")
        if track_id is not None:
            assert re.fullmatch(re.escape(workflow.order_id) + r"\d{2}", track_id)
    assert first.data["serviceTypeCode"] == workflow.data_area

    # Virtual time only moves forward, and the events' own times are their step's.
    times = [s.at for s in steps]
    assert times == sorted(times)
    for step in steps:
        for name in ("createDate", "handleDate", "createTime", "evaluateTime",
                     "factRelieveHang"):
            if step.data.get(name):
                assert step.data[name] == format_time(step.at), (step.change_id, name)

    # The people: contact first, each once; everyone an event names is among them.
    ids = [p.userId for p in workflow.people]
    assert workflow.people[0] == workflow.contact and len(ids) == len(set(ids))
    for step in _on(workflow, "5"):
        assert step.data["currentUser"]["userId"] in ids
    for step in _on(workflow, "2"):
        system = step.data["trackInfo"].startswith("系统默认评价")
        assert step.data["currentUserId"] in ids or system

    # The end and the evaluation agree with the branches taken.
    end = steps[ends[0]].data
    taken = set(workflow.branches_taken)
    early = taken & {"cancel", "forced_close", "system_close"}
    assert len(early) <= 1
    kind = {"cancel": "1", "forced_close": "2", "system_close": "2"}
    assert end["overType"] == (kind[next(iter(early))] if early else "0")
    if early:
        assert "evaluate" not in taken and not _on(workflow, "4")
        assert "评价" not in _tracks(workflow)
        assert bool(end["operator"]) == ("system_close" not in early)
    else:
        assert FLOW_TRACKS.fullmatch(" ".join(_tracks(workflow)))
        assert ("评价" in _tracks(workflow)) == ("evaluate" in taken) == bool(_on(workflow, "4"))
        assert ("回访" in _tracks(workflow)) == ("return_visit" in taken)
        for s in _handled(workflow, "评价"):
            assert _on(workflow, "4")[0].data["evalue"] == s.data["evalue"]


probability = st.sampled_from([0.0, 0.3, 1.0]) | st.floats(0, 1)
branches = st.builds(Branches, **dict.fromkeys(NAMES, probability))


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**40), branches=branches, count=st.integers(1, 3))
def test_every_generated_order_is_valid_and_tells_a_clean_story(seed, branches, count):
    orders = list(WorkflowGenerator(seed, branches=branches).orders(count))
    assert len(orders) == count
    for workflow in orders:
        assert_sound(workflow)


def test_default_branches_over_many_orders():
    orders = list(WorkflowGenerator(11).orders(150))
    for workflow in orders:
        assert_sound(workflow)
    taken = {b for w in orders for b in w.branches_taken}
    assert {"hang", "transfer", "comment", "return_visit", "evaluate"} <= taken
    assert len({w.order_id for w in orders}) == 150
    seqs = [int(CODE.fullmatch(w.order_code).group(2)) for w in orders]
    assert seqs == list(range(seqs[0], seqs[0] + 150))


def test_all_takes_every_in_flow_branch_and_never_ends_early():
    gen = WorkflowGenerator(5, branches=Branches.from_json("all"))
    for workflow in gen.orders(12):
        assert_sound(workflow)
        assert {"hang", "timeout", "transfer", "comment", "urgent", "review_rejected",
                "return_visit", "evaluate"} <= set(workflow.branches_taken)
        assert _on(workflow, "3")[0].data["overType"] == "0"


def test_same_seed_same_orders_different_seed_different_orders():
    def run(seed):
        gen = WorkflowGenerator(seed, branches=Branches.from_json("all"))
        return [gen.order(), gen.order(data_area="fwwt"), gen.order(force=["cancel"])]

    assert run(3) == run(3)
    other = run(4)
    for a, b in zip(run(3), other, strict=True):
        assert a.order_id != b.order_id and a.steps != b.steps


def test_forcing_one_order_leaves_the_next_ones_alone():
    plain, forced = WorkflowGenerator(8), WorkflowGenerator(8)
    plain.order()
    forced.order(force=["hang", "transfer", "reviewRejected"])
    assert list(plain.orders(3)) == list(forced.orders(3))


def _forced(*names, seed=1, branches=NONE):
    return WorkflowGenerator(seed, branches=branches).order(force=names)


@pytest.mark.parametrize("seed", range(5))
def test_a_forced_hang_goes_1_2_0_on_the_deal_track(seed):
    workflow = _forced("hang", seed=seed)
    assert_sound(workflow)
    hangs = _on(workflow, "6")
    assert [s.data["hangStatus"] for s in hangs] == ["1", "2", "0"]
    assert [bool(s.data["factRelieveHang"]) for s in hangs] == [False, False, True]
    deal = next(s for s in _on(workflow, "5") if s.data["trackName"] == "处理")
    assert {s.data["trackId"] for s in hangs} == {deal.data["trackId"]}
    steps = list(workflow.steps)
    done = _handled(workflow, "处理")[0]
    assert steps.index(deal) < steps.index(hangs[0]) < steps.index(hangs[-1]) < steps.index(done)
    assert set(workflow.branches_taken) == {"hang"}


def test_a_forced_refused_hang_goes_1_3():
    workflow = _forced("hangRefused")
    assert_sound(workflow)
    assert [s.data["hangStatus"] for s in _on(workflow, "6")] == ["1", "3"]
    assert {"hang", "hang_refused"} <= set(workflow.branches_taken)


@pytest.mark.parametrize("seed", range(4))
def test_after_a_transfer_the_new_handler_works_the_order(seed):
    workflow = _forced("transfer", "timeout", "hang", seed=seed)
    assert_sound(workflow)
    (transfer,) = _on(workflow, "9")
    source, target = transfer.data["requserName"], transfer.data["taruserName"]
    assert source != target
    assert transfer.caption == f"转单 {source} → {target}"
    deal = next(s for s in _on(workflow, "5") if s.data["trackName"] == "处理")
    assert deal.data["currentUser"]["userName"] == source
    assert _handled(workflow, "处理")[0].data["currentUserName"] == target
    for timeout in _on(workflow, "7"):
        assert [u["userName"] for u in timeout.data["currentUser"]] == [target]
    assert {s.data["userName"] for s in _on(workflow, "6")} == {target}
    assert {source, target} <= {p.name for p in workflow.people if p.role == "handler"}


def test_comment_and_urgent_come_from_the_contact():
    workflow = _forced("comment", "urgent")
    assert_sound(workflow)
    notes = _on(workflow, "10")
    assert [s.data["commentType"] for s in notes] == ["1", "2"]
    assert {s.data["userId"] for s in notes} == {workflow.contact.userId}
    assert notes[1].caption.startswith(f"业主 {workflow.contact.name} 加急：")


def test_timeouts_start_at_level_1_and_may_escalate():
    levels = [[s.data["supflag"] for s in _on(_forced("timeout", seed=seed), "7")]
              for seed in range(20)]
    assert {tuple(lv) for lv in levels} == {("1",), ("1", "2")}


def test_a_rejected_review_sends_the_order_back_to_handling():
    workflow = _forced("reviewRejected")
    assert_sound(workflow)
    assert _tracks(workflow) == ["派单", "接单", "处理", "审核", "处理", "审核"]
    reviews = _handled(workflow, "审核")
    assert [s.data["reviewResult"] for s in reviews] == ["2", "1"]
    assert reviews[0].data["trackInfo"].endswith("审核不通过")


def test_return_visit_and_evaluation():
    captions = set()
    for seed in range(12):
        workflow = _forced("return_visit", "evaluate", seed=seed)
        assert_sound(workflow)
        assert _tracks(workflow)[-2:] == ["回访", "评价"]
        (visit,) = _handled(workflow, "回访")
        assert visit.data["reviewResult"] == "1" and visit.data["trackInfo"].endswith("回访通过")
        (evaluation,) = _handled(workflow, "评价")
        by_contact = evaluation.data["currentUserId"] == workflow.contact.userId
        captions.add("contact" if by_contact else evaluation.data["trackInfo"][:6])
        assert _on(workflow, "4")[0].data["evalue"] == evaluation.data["evalue"]
    assert captions == {"contact", "系统默认评价"}


@pytest.mark.parametrize(("end", "over_type", "info"), [
    ("cancel", "1", "{}已取消工单,工单结束"),
    ("forcedClose", "2", "{}已关闭工单,工单结束"),
    ("system_close", "2", "系统关闭工单,工单结束"),
])
def test_early_ends(end, over_type, info):
    stops = set()
    for seed in range(10):
        workflow = _forced(end, seed=seed, branches=Branches())
        assert_sound(workflow)
        (last,) = _on(workflow, "3")
        assert last.data["overType"] == over_type
        assert last.data["trackInfo"] == info.format(last.data["operator"])
        assert last is workflow.steps[-1] and not _on(workflow, "4")
        stops.add(len(_tracks(workflow)))
        if end == "cancel":
            assert last.data["operator"] == workflow.contact.name
    assert len(stops) > 1  # it stops at different points of the flow


def test_an_early_end_waits_for_the_branches_forced_with_it():
    workflow = _forced("cancel", "hang", "transfer")
    assert_sound(workflow)
    assert _on(workflow, "6") and _on(workflow, "9")
    assert _on(workflow, "3")[0].data["overType"] == "1"


@pytest.mark.parametrize(("force", "path", "words"), [
    (["hang", "bogus"], "force[1]", "hangRefused"),
    (["cancel", "systemClose"], "force", "ends once"),
    (["evaluate", "forced_close"], "force", "never evaluated"),
])
def test_impossible_force_is_refused(force, path, words):
    with pytest.raises(WorkflowInputError) as caught:
        WorkflowGenerator(0).order(force=force)
    assert caught.value.path == path and words in str(caught.value)


def test_a_single_forced_name_is_not_split_into_letters():
    assert "hang" in WorkflowGenerator(0, branches=NONE).order(force="hang").branches_taken


def test_branches_from_json():
    assert Branches.from_json({}) == Branches() == Branches.from_json(None)
    b = Branches.from_json({"hangRefused": 1, "reviewRejected": 0.5, "cancel": 0})
    assert (b.hang_refused, b.review_rejected, b.cancel) == (1.0, 0.5, 0.0)
    assert Branches.from_json(b.to_json()) == b
    assert set(b.to_json()) >= {"hangRefused", "returnVisit", "forcedClose", "systemClose"}
    everything = Branches.from_json("all")
    assert everything.transfer == everything.evaluate == everything.review_rejected == 1
    assert everything.cancel == everything.forced_close == everything.system_close == 0


@pytest.mark.parametrize(("doc", "path", "words"), [
    ({"hnag": 0.5}, "hnag", "hangRefused"),
    ({"timeout": 1.5}, "timeout", "0 to 1"),
    ({"urgent": -0.1}, "urgent", "0 to 1"),
    ({"comment": True}, "comment", "0 to 1"),
    ({"comment": "0.5"}, "comment", "0 to 1"),
    ({"returnVisit": 1, "return_visit": 0}, "return_visit", "twice"),
    ("some", "", '"all"'),
    ([0.1], "", '"all"'),
])
def test_branches_from_json_names_the_bad_field(doc, path, words):
    with pytest.raises(WorkflowInputError) as caught:
        Branches.from_json(doc)
    assert caught.value.path == path and words in str(caught.value)


def test_areas_times_and_business_types():
    start = datetime(2025, 12, 31, 23, 50)
    gen = WorkflowGenerator(2, start=start, gap=timedelta(minutes=7),
                            data_areas=[("fwwt", "房屋问题"), ("parking", "停车管理")])
    house = gen.order(data_area="fwwt")
    parking = gen.order(data_area="parking")
    public = gen.order(data_area="10008")
    assert house.steps[0].at == start and parking.steps[0].at == start + timedelta(minutes=7)
    assert house.order_code.startswith("0120251231") and public.order_code.startswith("0120260101")
    assert house.steps[0].data["busiTypeCode"] in {"dian", "shui", "menchuang", "qiangmian",
                                                   "guandao"}
    assert parking.steps[0].data["templateInstName"] == "停车管理"
    for workflow in (parking, public):
        assert workflow.steps[0].data["busiTypeCode"] in {"dianti", "zhaoming", "menjin", "lvhua"}
    for workflow in (house, parking, public):
        assert_sound(workflow)
    assert {w.data_area for w in WorkflowGenerator(3).orders(30)} == {"fwwt", "10008"}


def test_realistic_people_repeat_like_a_property_office():
    orders = list(WorkflowGenerator(6).orders(40))
    contact = orders[0].contact
    assert contact.userType == "1" and re.fullmatch(r"1\d{10}", contact.tel)
    assert re.fullmatch(r"\d+栋-\d单元-\d{3,4}", orders[0].steps[0].data["houseInfo"])
    assert re.search(r"[\u4e00-\u9fff]", contact.name)
    dispatchers = {s.data["currentUser"]["userName"] for w in orders for s in _on(w, "5")
                   if s.data["trackName"] == "派单"}
    assert 1 <= len(dispatchers) <= 2
    assert len({w.contact.name for w in orders}) > 30
    assert len({w.steps[0].data["communityId"] for w in orders}) <= 3


@pytest.mark.parametrize(("kwargs", "path"), [
    ({"data_areas": []}, "dataAreas"),
    ({"data_areas": [("fwwt",)]}, "dataAreas"),
    ({"gap": timedelta(minutes=-1)}, "gap"),
    ({"branches": {"hang": 1}}, "branches"),
])
def test_generator_input_errors(kwargs, path):
    with pytest.raises(WorkflowInputError) as caught:
        WorkflowGenerator(0, **kwargs)
    assert caught.value.path == path


def test_order_data_area_must_be_a_code():
    with pytest.raises(WorkflowInputError) as caught:
        WorkflowGenerator(0).order(data_area="")
    assert caught.value.path == "dataArea"


def test_orders_count_must_be_a_count():
    with pytest.raises(WorkflowInputError):
        list(WorkflowGenerator(0).orders(-1))
