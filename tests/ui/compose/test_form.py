"""The form generated from the catalogue: a row per field for every changeId, required
marked, round trips without losing or converting anything, absent is not empty, lists and
objects editable, findings beside their fields."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.catalog import default_catalog
from app.catalog.findings import Code, Finding, Severity
from app.catalog.samples import sample
from tests.conftest import example
from ui.compose.editors import EnumEditor, RawEditor, TimeEditor
from ui.compose.form import Form, ListEditor, ObjectEditor

CATALOG = default_catalog()


def form_for(qtbot, cid: str) -> Form:
    form = Form(CATALOG.change(cid).fields, "data")
    qtbot.addWidget(form)
    return form


@pytest.mark.parametrize("cid", [t.id for t in CATALOG.workorder.types])
def test_every_change_id_gets_its_fields_and_round_trips_its_sample(qtbot, cid):
    form = form_for(qtbot, cid)
    fields = CATALOG.change(cid).fields
    assert list(form.rows) == [f.name for f in fields]
    for f in fields:
        assert ("*" in form.rows[f.name].label.text()) == f.required
    body = sample(cid)
    form.set_data(body)
    assert form.data() == body
    assert list(form.data()) == list(body)  # the keys' order is kept too


def test_enumerations_and_times_get_their_editors(qtbot):
    form = form_for(qtbot, "1")
    form.set_data(sample("1"))
    user_type = form.rows["userType"].editor
    assert isinstance(user_type, EnumEditor)
    assert "1 — 客户 · customer" in [user_type.itemText(i) for i in range(user_type.count())]
    assert isinstance(form.rows["createDate"].editor, TimeEditor)
    assert isinstance(form.rows["reqVariables"].editor, ListEditor)


def test_the_spec_example_keeps_its_drifted_keys_and_odd_values(qtbot):
    form = form_for(qtbot, "1")
    body = example("changeId-1.json")
    form.set_data(body)
    assert form.data() == body
    assert form.rows["userid"].field is None  # listed under "Other keys"
    assert form.extras_title.isVisibleTo(form)
    assert form.rows["transportTypeId"].value() == "9"  # outside the enumeration, kept


def test_other_types_than_the_table_are_kept_as_they_are(qtbot):
    form = form_for(qtbot, "5")
    body = sample("5", currentUser=[{"userId": "1", "userName": "甲"}], trackId=12,
                  statusName=None)
    form.set_data(body)
    assert isinstance(form.rows["currentUser"].editor, ListEditor)
    assert isinstance(form.rows["trackId"].editor, RawEditor)
    assert form.data() == body


def test_absent_is_not_empty_and_typing_adds_a_field(qtbot):
    form = form_for(qtbot, "1")
    body = sample("1")
    del body["remark"]
    form.set_data(body)
    row = form.rows["remark"]
    assert not row.present and "remark" not in form.data()
    with qtbot.wait_signal(form.edited):
        qtbot.keyClicks(row.editor, "leak")  # keyClicks types ASCII only
    assert form.data()["remark"] == "leak" and list(form.data())[-1] == "remark"
    with qtbot.wait_signal(form.edited):
        row.remove.click()
    assert "remark" not in form.data()
    form.rows["voiceId"].editor.setText("")
    assert form.data()["voiceId"] == ""  # present and empty stays present


def test_list_elements_are_added_and_removed(qtbot):
    form = form_for(qtbot, "7")
    form.set_data(sample("7"))
    users = form.rows["supUser"].editor
    with qtbot.wait_signal(form.edited):
        users.append.click()
    assert form.data()["supUser"][1] == {}
    qtbot.keyClicks(users.forms[1].rows["userName"].editor, "Li Si")
    assert form.data()["supUser"][1] == {"userName": "Li Si"}
    users.frames[0].findChild(type(form.rows["supUser"].remove), "itemRemove").click()
    assert form.data()["supUser"] == [{"userName": "Li Si"}]


def test_an_object_that_production_sends_as_a_list_can_become_one(qtbot):
    form = form_for(qtbot, "5")
    form.set_data(sample("5"))
    editor = form.rows["currentUser"].editor
    assert isinstance(editor, ObjectEditor) and editor.another.isVisibleTo(editor)
    with qtbot.wait_signal(form.edited):
        editor.another.click()
    assert form.data()["currentUser"] == [sample("5")["currentUser"], {}]


def test_an_absent_list_is_added_with_one_element(qtbot):
    form = form_for(qtbot, "1")
    form.set_data({})
    row = form.rows["reqVariables"]
    assert row.add.isVisibleTo(row) and not row.editor.isVisibleTo(row)
    row.add.click()
    assert form.data() == {"reqVariables": [{}]}


def test_findings_are_shown_beside_their_rows(qtbot):
    form = form_for(qtbot, "5")
    form.set_data(sample("5", currentUser=[{"userId": "1"}]))
    nested = Finding("data.currentUser[0].eUserId", Code.MISSING, "eUserId is missing")
    warning = Finding("data.trackName", Code.TYPE, "odd", Severity.WARNING)
    elsewhere = Finding("dataArea", Code.MISSING, "dataArea is missing")
    assert form.mark([nested, warning, elsewhere]) == [elsewhere]
    row = form.row_for("data.currentUser[0].eUserId")
    assert row is not None and row.key == "eUserId"
    assert row.note.text() == "eUserId is missing" and row.note.isVisibleTo(form)
    assert form.rows["trackName"].note.text() == "odd"
    form.mark([])
    assert not row.note.isVisibleTo(form)


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["userId", "currentUser", "userid", "createDate",
                                        "userType", "reqVariables", "x y", "hangremark "]),
                       _values, max_size=5))
def test_any_json_object_round_trips_through_the_form(qtbot, body):
    form = form_for(qtbot, "1")
    form.set_data(body)
    assert form.data() == body
