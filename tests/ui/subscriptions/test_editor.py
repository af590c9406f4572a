from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.events import SubscriptionSaved
from tests.conftest import subscription
from ui.subscriptions.editor import SubscriptionEditor, field_of


def editor_on(hosted, qtbot) -> SubscriptionEditor:
    editor = SubscriptionEditor()
    qtbot.addWidget(editor)
    editor.attach(hosted)
    return editor


def tick(editor: SubscriptionEditor, *codes: str) -> None:
    """Check these organisation push types in the orgTypes list (and no others)."""
    for i in range(editor.org_types.count()):
        item = editor.org_types.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                           else Qt.CheckState.Unchecked)


def test_a_finding_path_names_its_field():
    assert field_of("dataAreas[1]") == "dataAreas"
    assert field_of("retrySchedule") == "retrySchedule"
    assert field_of("") == ""


async def test_every_field_is_saved_through_the_engine(hosted, qtbot):
    editor = editor_on(hosted, qtbot)
    editor.code.setText("HRZDWYWHXT")
    editor.name.setText("华润置地")
    editor.areas.setText("fwwt，10008")  # a full-width comma, as a Chinese keyboard types it
    for change_id, box in editor.change_boxes.items():
        box.setChecked(change_id in ("1", "9"))
    tick(editor, "205", "11")
    editor.org_ids.setText("77，78")
    editor.url.setText("http://127.0.0.1:9000/callback")
    editor.encoding.setCurrentIndex(1)
    editor._generate()
    secret = editor.secret.text()
    editor.schedule.setText("0, 1.5, 30")
    editor.timeout.setValue(7.5)
    editor.concurrency.setValue(9)
    editor.ordering.setCurrentIndex(1)
    editor.auto_disable.setValue(0)
    editor.send_base_code.setChecked(True)
    editor.enabled.setChecked(False)
    with qtbot.wait_signal(editor.saved) as saved:
        sub = await editor.save()
    assert saved.args == ["HRZDWYWHXT"]
    stored = hosted.engine.index.get("HRZDWYWHXT")
    assert sub == stored
    assert stored.to_json(reveal_secret=True) == {
        "baseCode": "HRZDWYWHXT", "name": "华润置地", "dataAreas": ["fwwt", "10008"],
        "changeIds": ["1", "9"], "callbackUrl": "http://127.0.0.1:9000/callback",
        "dataEncoding": "object", "secret": secret, "retrySchedule": [0.0, 1.5, 30.0],
        "enabled": False, "sendBaseCode": True, "timeout": 7.5, "concurrency": 9,
        "ordering": "per-order", "autoDisableAfter": 0, "disabledReason": "disabled by hand",
        "orgTypes": [11, 205], "orgIds": [77, 78]}
    assert secret.startswith("whsec_")
    assert not editor.dirty
    assert editor.code.isReadOnly()  # a saved baseCode cannot change
    assert editor.reason.isVisibleTo(editor)


async def test_bad_input_is_said_under_each_field_and_nothing_typed_is_lost(hosted, qtbot):
    editor = editor_on(hosted, qtbot)
    typed = {editor.code: "bad code", editor.areas: "fwwt, a b", editor.url: "ftp://x",
             editor.secret: "not-a-secret", editor.schedule: "5, soon"}
    for edit, text in typed.items():
        edit.setText(text)
    assert await editor.save() is None
    assert hosted.engine.subscriptions() == []
    for edit, text in typed.items():
        assert edit.text() == text
    errors = {key: label.text() for key, label in editor.errors.items()
              if label.isVisibleTo(editor)}
    assert set(errors) == {"baseCode", "dataAreas", "callbackUrl", "secret", "retrySchedule"}
    assert errors["dataAreas"].startswith("dataAreas[1]: 'a b' is not a data-area code")
    assert "fix:" in errors["dataAreas"]
    assert "retrySchedule[1]" in errors["retrySchedule"] and "'soon'" in errors["retrySchedule"]
    assert "secret" in errors["secret"] and "not-a-secret" not in errors["secret"]
    assert "5 problems" in editor.message.text()
    # fixed, it saves, and the errors go
    editor.code.setText("GOOD")
    editor.areas.setText("fwwt")
    editor.url.setText("http://127.0.0.1:9/cb")
    editor.secret.clear()
    editor.schedule.setText("")
    sub = await editor.save()
    assert sub is not None and sub.retry_schedule == ()
    assert not any(label.isVisibleTo(editor) for label in editor.errors.values())


async def test_no_change_ids_and_no_areas_are_named_too(hosted, qtbot):
    editor = editor_on(hosted, qtbot)
    editor.code.setText("X")
    editor.areas.clear()
    for box in editor.change_boxes.values():
        box.setChecked(False)
    paths = {f.path for f in editor.findings()}
    assert paths == {"dataAreas", "changeIds"}


async def test_the_secret_is_masked_until_asked_for(hosted, qtbot):
    await hosted.engine.put_subscription(subscription(
        "S", secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
    editor = editor_on(hosted, qtbot)
    editor.load(hosted.engine.index.get("S"))
    assert editor.secret.echoMode() == QLineEdit.EchoMode.Password
    assert editor.secret.displayText() != editor.secret.text()
    editor.reveal.setChecked(True)
    assert editor.secret.echoMode() == QLineEdit.EchoMode.Normal
    assert editor.secret.text() == "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


async def test_unsaved_text_survives_switching_to_another_subscription(hosted, qtbot):
    for code in ("A", "B"):
        await hosted.engine.put_subscription(subscription(code))
    editor = editor_on(hosted, qtbot)
    editor.load(hosted.engine.index.get("A"))
    editor.url.setText("http://typed-but-not-saved")
    editor.url.textEdited.emit(editor.url.text())
    assert editor.dirty
    editor.load(hosted.engine.index.get("B"))
    assert editor.url.text() == "" and not editor.dirty
    editor.load(hosted.engine.index.get("A"))
    assert editor.url.text() == "http://typed-but-not-saved"
    assert editor.dirty and "unsaved" in editor.title.text()
    editor.revert()
    assert editor.url.text() == "" and not editor.dirty


async def test_a_change_made_elsewhere_shows_unless_the_user_is_editing(hosted, qtbot):
    await hosted.engine.put_subscription(subscription("A"))
    editor = editor_on(hosted, qtbot)
    editor.load(hosted.engine.index.get("A"))
    await hosted.engine.set_enabled("A", False, "410 Gone from the subscriber")
    editor.follow(hosted.engine.index.get("A"))
    assert not editor.enabled.isChecked()
    assert "410 Gone" in editor.reason.text()
    editor.name.setText("mine")
    editor.name.textEdited.emit("mine")
    await hosted.engine.put_subscription(subscription("A", name="theirs"))
    editor.follow(hosted.engine.index.get("A"))
    assert editor.name.text() == "mine"
    assert "changed elsewhere" in editor.message.text()


async def test_enable_delete_and_a_form_left_after_a_delete(hosted, qtbot):
    await hosted.engine.put_subscription(subscription("A"))
    editor = editor_on(hosted, qtbot)
    editor.load(hosted.engine.index.get("A"))
    seen = []
    hosted.engine.bus.subscribe(SubscriptionSaved, seen.append)
    assert (await editor.set_enabled(False)).enabled is False
    assert editor.toggle_button.text() == "Enable"
    assert (await editor.set_enabled(True)).enabled is True
    assert [e.doc["enabled"] for e in seen] == [False, True]
    with qtbot.wait_signal(editor.deleted):
        assert await editor.delete()
    assert hosted.engine.subscriptions() == []
    assert editor.current is None and not editor.code.isReadOnly()


async def test_mq_credentials_need_the_managed_broker(hosted, qtbot):
    await hosted.engine.put_subscription(subscription("A"))
    editor = editor_on(hosted, qtbot)
    editor.load(hosted.engine.index.get("A"))
    assert not editor.copy_mq.isEnabled()
    assert editor.copy_mq_credentials() is None
    assert "No managed broker" in editor.message.text()


async def test_an_organisation_push_subscriber_needs_no_change_ids(hosted, qtbot):
    editor = editor_on(hosted, qtbot)
    editor.code.setText("ORGSUB")
    for box in editor.change_boxes.values():
        box.setChecked(False)
    editor.areas.setText("")
    assert "tick at least one changeId or organisation push type" in "\n".join(
        f.message for f in editor.findings())
    tick(editor, "11", "205")
    assert editor.findings() == []
    assert editor.org_types.count() == 15
    assert "ORG_UPDATED" in editor.org_types.item(0).text()
    assert "org/push/ORGSUB/<org_id>" in editor.topics.text()
    assert "wo/push" not in editor.topics.text()
    sub = await editor.save()
    assert (sub.change_ids, sub.org_types, sub.org_ids) == ((), ("11", "205"), ("*",))
    editor.load(sub)  # the saved one shows its own ticks
    assert editor._state()["orgTypes"] == ["11", "205"] and editor.org_ids.text() == "*"


async def test_bad_org_ids_are_said_under_their_field(hosted, qtbot):
    editor = editor_on(hosted, qtbot)
    editor.code.setText("ORGSUB")
    tick(editor, "11")
    editor.org_ids.setText("123, acme")
    editor._edited()
    assert "org/push/ORGSUB/{123, acme}" in editor.topics.text()
    assert "wo/push/ORGSUB/<dataArea>" in editor.topics.text()  # changeIds still ticked
    assert await editor.save() is None
    error = editor.errors["orgIds"]
    assert error.isVisibleTo(editor) and "orgIds[1]: 'acme' is not an organisation id" in \
        error.text()
    assert editor.org_ids.text() == "123, acme"  # nothing typed is lost
