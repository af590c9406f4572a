"""The rich-text message composer on a real platform (managed Mosquitto, the IM server, the
simulated phones): the receiver is picked from the IM users, the request is checked strictly
as the route checks it, and Send reaches an online simulated user over MQTT."""

from __future__ import annotations

from typing import Any

import pytest

from app.broker.managed import find_mosquitto
from app.catalog.rich import RICH
from app.platform import Options, Platform
from simulator.app_users import AppUserCrowd
from tests.conftest import until
from ui.compose.rich import RichComposer
from ui.hub import Hub


def test_before_the_platform_a_fresh_request_is_the_documents_shape(qtbot):
    composer = RichComposer(Hub())
    qtbot.addWidget(composer)
    body = composer.body()
    assert (body["type"], body["dest_type"], body["body"]["chat"]["type"]) == (4, 1, 0)
    assert composer.validate() == []  # valid strictly: the route would take it
    assert not composer.mode.isVisibleTo(composer)  # always strict, as the route
    composer.load_example(None)
    assert composer.body() == composer.sample_body(composer.samples()[0])
    assert RICH.examples[0].title in composer.note.text()
    assert "Repaired to parse" in composer.note.text()  # the // comments it had
    composer.org_id.setText("")
    assert any(f.path == "org_id" for f in composer.validate())


@pytest.fixture
async def platform(tmp_path: Any) -> Any:
    if find_mosquitto() is None:
        pytest.skip("mosquitto not installed")
    p = Platform(Options(db_path=tmp_path / "push-studio.db", data_dir=str(tmp_path),
                         http_port=0), crowd=AppUserCrowd)
    await p.start()
    yield p
    await p.stop()


@pytest.fixture
def composer(qtbot: Any, platform: Platform) -> RichComposer:
    c = RichComposer(Hub())
    qtbot.addWidget(c)
    c.resize(480, 700)
    c.show()
    c.attach(platform)
    yield c
    c.detach()


async def test_a_rich_message_reaches_an_online_simulated_user(composer, platform):
    assert composer.new_user_button.isEnabled()
    user = await composer.new_user()
    assert user == "10001" and composer.receiver.currentData() == "10001"
    assert composer.body()["dest_id"] == 10001 and "10001" in composer.note.text()
    await until(lambda: platform.im.online("10001") is True)
    composer.org_id.setText("77")
    result = await composer.send()
    assert result["userID"] == "10001" and result["online"] is True
    assert result["push"] is None
    assert "Sent to 10001" in composer.verdict.text()
    phones = platform.phones

    def received() -> list[dict[str, Any]]:
        return [m for m in phones.messages("10001") or [] if m["type"] == "rich_message"]

    await until(lambda: received())
    doc = received()[0]["doc"]
    assert doc["msgid"] == result["msgid"] and doc["payload"]["org_id"] == 77
    assert doc["payload"]["chat"] == composer.body()["body"]["chat"]


async def test_an_unknown_receiver_or_a_broken_request_is_not_sent(composer, platform):
    body = composer.body()
    body["dest_id"] = 424242
    composer.set_body(body)
    assert any(f.path == "dest_id" and "no IM user" in f.message
               for f in composer.validate())
    result = await composer.send()
    assert result["reason"] == "invalid" and "Rejected (invalid)" in composer.verdict.text()
    del body["body"]["chat"]["apns_summary"]
    body["dest_type"] = 2
    composer.set_body(body)
    paths = {f.path for f in composer.validate()}
    assert {"body.chat.apns_summary", "dest_type"} <= paths
    line = composer.editor.line_of_path("dest_type")
    assert composer.editor.marks[line][0][0] is True  # underlined as an error
    assert platform.im.counts["rich"] == 0


async def test_users_whose_id_is_no_number_are_listed_but_cannot_be_picked(composer, platform):
    await platform.phones.create({"users": ["sim-a"]})
    composer.refresh_users()
    index = composer.receiver.findData("sim-a")
    assert index >= 0
    item = composer.receiver.model().item(index)
    assert not item.isEnabled() and "cannot be addressed" in item.toolTip()
    before = composer.body()
    composer.pick_user("sim-a")
    assert composer.body() == before


async def test_without_the_im_server_it_says_so_and_sends_nothing(panel):
    panel.select_family("rich")
    rich = panel.composers["rich"]
    assert not rich.receiver.isEnabled() and not rich.new_user_button.isEnabled()
    [warning] = [f for f in rich.validate() if not f.path]
    assert warning.severity == "warning" and "IM server is not running" in warning.message
    result = await rich.send()
    assert result["reason"] == "no-im" and "Rejected (no-im)" in rich.verdict.text()
