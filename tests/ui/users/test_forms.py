"""The panel's forms: errors beside their field, nothing typed lost."""

from __future__ import annotations

from ui.users.forms import CrowdForm, UserForm


def test_an_error_goes_under_its_field_and_an_unknown_field_below_the_form(qtbot):
    form = UserForm()
    qtbot.addWidget(form)
    form.user_id.setText("bad id/#")
    form.show_errors({"userID": "not a usable userID", "generation": "odd"})
    assert form.errors["userID"].isVisibleTo(form)
    assert form.errors["userID"].text() == "not a usable userID"
    assert "generation: odd" in form.problem.text()
    assert form.user_id.text() == "bad id/#"
    form.clear_errors()
    assert not form.has_errors()


def test_an_empty_user_id_is_left_out_so_the_server_names_it(qtbot):
    form = UserForm()
    qtbot.addWidget(form)
    assert "userID" not in form.value() and "name" not in form.value()
    form.fill({"userID": "u1", "name": "张三", "platform": "ios", "role": "expert"})
    assert form.value()["userID"] == "u1" and form.value()["platform"] == "ios"
    assert form.value()["role"] == "expert" and form.value()["name"] == "张三"


def test_the_crowd_form_asks_for_what_post_simulated_users_takes(qtbot):
    form = CrowdForm()
    qtbot.addWidget(form)
    form.count.setValue(12)
    form.on_chat_page.setChecked(False)
    with qtbot.wait_signal(form.submitted) as sent:
        form.submit.click()
    assert sent.args[0]["count"] == 12 and sent.args[0]["onChatPage"] is False
    assert set(sent.args[0]) == {"count", "prefix", "role", "platform", "encoding",
                                 "onChatPage", "chatEvery", "offlineEvery", "offlineFor"}
