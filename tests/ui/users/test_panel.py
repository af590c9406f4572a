"""The Users panel on a real platform: managed Mosquitto, IM server, simulated phones."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication

from app.platform import Options, Platform
from tests.conftest import subscription, until
from ui.hub import Hub
from ui.users.panel import UsersPanel


def test_before_the_platform_is_up_the_panel_says_it_is_starting(qtbot):
    panel = UsersPanel(Hub())
    qtbot.addWidget(panel)
    assert "starting" in panel.empty_label.text()
    assert not panel.start_button.isEnabled() and not panel.add_button.isEnabled()
    assert panel.table.isHidden() and not panel.empty.isHidden()

def test_without_a_broker_the_panel_says_how_to_get_one(qtbot, tmp_path):
    panel = UsersPanel(Hub())
    qtbot.addWidget(panel)
    platform = Platform(Options(db_path=tmp_path / "db.sqlite"))  # not started: no IM
    platform.mq.problem = "mosquitto not found"
    panel.attach(platform)
    assert "No IM server" in panel.empty_label.text()
    assert "--broker" in panel.empty_label.text()
    assert "mosquitto not found" in panel.empty_label.text()
    assert not panel.add_button.isEnabled()

async def test_an_empty_platform_says_how_to_create_the_first_users(panel):
    assert "No IM users yet" in panel.empty_label.text()
    assert panel.empty_start.isEnabled() and panel.empty_add.isEnabled()
    panel.empty_start.click()
    assert panel.crowd_form.isVisibleTo(panel)

async def test_started_simulated_users_are_listed_online(panel, platform, qtmodeltester):
    ids = await panel.start_simulated(3, prefix="u")
    assert ids == ["u0001", "u0002", "u0003"]
    panel.refresh()
    assert panel.model.ids() == ids
    assert all(r.online and r.simulated and r.phone == "online" for r in panel.model.rows)
    assert not panel.table.isHidden()
    assert panel.current_id() == "u0001"
    assert '"userID": "u0001"' in panel.detail.account.toPlainText()
    assert "3 users · 3 online · 3 simulated" in panel.state.text()
    qtmodeltester.check(panel.model)

async def test_taking_a_phone_offline_shows_it_offline_and_online_again(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u")
    await panel.take_offline(user)
    row = panel.model.get(user)
    assert row.online is False and row.phone == "offline"
    assert panel.model.index(0, panel.model.COLUMNS.index("online")).data() == "● offline"
    assert await panel.bring_online(user)
    assert panel.model.get(user).online is True

async def test_a_dropped_phone_goes_offline_without_a_disconnect(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u")
    await panel.take_offline(user, drop=True)
    row = panel.model.get(user)
    assert row.phone == "offline" and row.online is False  # the socket closed: seen at once
    assert "without a DISCONNECT" in panel.state.text()

async def test_copy_auth_sign_and_connection_settings(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u")
    panel.select(user)
    sign = panel.copy_auth_sign()
    assert sign == platform.im.sign(platform.im.users[user])
    assert QGuiApplication.clipboard().text() == sign
    settings = json.loads(panel.copy_connection(user))
    assert settings["clientId"] == settings["username"] == user
    assert settings["password"] == sign and settings["cleanSession"] is False
    assert settings["port"] == platform.im.port
    assert json.loads(QGuiApplication.clipboard().text()) == settings

async def test_adding_a_user_with_bad_input_names_the_field_and_keeps_what_was_typed(panel):
    panel.add_button.setChecked(True)
    form = panel.user_form
    form.user_id.setText("bad id/#")
    form.name.setText("噜噜噜")
    assert await panel.add_user() is None
    assert form.errors["userID"].isVisibleTo(panel)
    assert "not a usable userID" in form.errors["userID"].text()
    assert form.user_id.text() == "bad id/#" and form.name.text() == "噜噜噜"
    assert panel.model.rowCount() == 0
    form.user_id.setText("110640113")
    assert await panel.add_user() == "110640113"
    assert not form.has_errors()
    row = panel.model.get("110640113")
    assert row.name == "噜噜噜" and not row.simulated and row.online is False

async def test_a_user_id_taken_by_a_subscriber_is_refused_by_name(panel, platform):
    await platform.engine.put_subscription(subscription("HRZ"))
    assert await panel.add_user({"userID": "HRZ"}) is None
    assert "baseCode" in panel.user_form.errors["userID"].text()

async def test_a_bad_crowd_request_names_the_field(panel):
    assert await panel.start_simulated(2, prefix="bad prefix!") == []
    assert "prefix" in panel.crowd_form.errors["prefix"].text()
    assert panel.crowd_form.isVisibleTo(panel)
    assert panel.model.rowCount() == 0

async def test_rotating_gives_a_new_sign_and_deleting_takes_the_user_away(panel, platform):
    await panel.add_user({"userID": "r1", "name": "r1"})
    old = panel.copy_auth_sign("r1")
    new = await panel.rotate("r1")
    assert new and new != old
    assert await panel.delete(["r1"]) == 1
    assert panel.model.rowCount() == 0 and "r1" not in platform.im.users

async def test_the_table_follows_users_created_elsewhere(panel, platform):
    await platform.im.put_user({"userID": "api1", "name": "张三"})
    panel.refresh()
    assert panel.model.get("api1").name == "张三"
    await platform.im.delete_user("api1")
    panel.refresh()
    assert panel.model.rowCount() == 0

async def test_messages_queued_for_an_offline_user_and_its_pushes_are_counted(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u", role="user")
    [expert] = await panel.start_simulated(1, prefix="e", role="expert", platform="ios")
    await panel.take_offline(expert)
    await platform.phones.chat(user, expert, content="在吗")
    await until(lambda: platform.im.counts["pushes"] == 1)
    panel.refresh()
    row = panel.model.get(expert)
    assert row.queued == 1 and row.pushes == 1
    panel.select(expert)
    await platform.im.flush()
    panel.refresh()
    assert '"alert": "在吗"' in panel.detail.pushes.toPlainText()
    await panel.bring_online(expert)
    assert panel.model.get(expert).queued == 0


async def test_a_notification_to_an_offline_user_is_queued_and_pushed(panel, platform):
    [user] = await panel.start_simulated(1, prefix="u", role="user")
    await panel.take_offline(user)
    panel.select(user)
    panel.show_notify_form()
    form = panel.notify_form
    assert form.isVisibleTo(panel) and form.receivers == [user]
    assert json.loads(form.payload.toPlainText()) == {"status": "confirmed", "o_id": "WO1"}
    [sent] = await panel.notify()
    assert sent["online"] is False and sent["push"] is not None
    assert "queued for offline users" in panel.state.text()
    assert panel.model.get(user).queued == 1


async def test_a_bad_notification_names_the_field_and_keeps_the_payload(panel, platform):
    [expert] = await panel.start_simulated(1, prefix="e", role="expert")
    panel.select(expert)
    panel.show_notify_form()
    form = panel.notify_form
    form.payload.setPlainText('{"status": "confirmed", "o_id": ')
    assert await panel.notify() == []
    assert "not JSON" in form.errors["payload"].text()
    form.payload.setPlainText('{"status": "confirmed", "o_id": "WO1"}')
    assert await panel.notify() == []
    assert "goes to a user" in form.errors["to"].text()  # confirmed is the user's status
    assert form.payload.toPlainText() == '{"status": "confirmed", "o_id": "WO1"}'
    form.kind.setCurrentIndex(form.kind.findData("feedback"))
    form.payload.setPlainText("{}")
    assert await panel.notify() == []
    assert "payload.content" in form.errors["payload"].text()


async def test_closing_a_form_with_errors_clears_the_status_line(panel):
    assert await panel.start_simulated(1, prefix="!") == []
    assert "Nothing was saved" in panel.state.text()
    panel.crowd_form.cancel.click()
    assert "Nothing was saved" not in panel.state.text()
    assert not panel.crowd_form.isVisibleTo(panel) and not panel.start_button.isChecked()


async def test_every_string_is_set_again_on_a_language_change(panel):
    panel.start_button.setText("")
    panel.chat_action.setText("")
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert panel.start_button.text() == "Start simulated users…"
    assert panel.chat_action.text() == "Chat"
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "User ID"
