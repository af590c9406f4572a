"""The organisation push composer over a real engine: a fresh push of each type with today's
defaults, the document's examples, findings underlined in the JSON, and Send through the
engine's org path to a subscription, accepted with its MQ topic."""

from __future__ import annotations

import json
import time

import pytest

from app.broker.managed import find_mosquitto
from app.catalog.org import ORG
from app.events import MqPublished
from app.platform import Options, Platform
from tests.conftest import subscription, until
from ui.compose.org import OrgComposer, example_body, with_org
from ui.hub import Hub


@pytest.fixture
def org(panel) -> OrgComposer:
    panel.select_family("org")
    composer = panel.composers["org"]
    assert isinstance(composer, OrgComposer) and composer.isVisibleTo(panel)
    return composer


def test_the_family_picker_shows_the_org_composer(panel, org):
    assert panel.current_family() == "org"
    assert panel.families.currentWidget().isAncestorOf(org)
    panel.select_family("workorder")
    assert not org.isVisibleTo(panel) and panel.change_id.isVisibleTo(panel)


@pytest.mark.parametrize("code", [t.id for t in ORG.types])
def test_a_fresh_push_of_each_type_is_valid_even_strictly(org, code):
    org.set_mode("strict")
    org.select_type(code)
    body = org.body()
    assert list(body) == ["body", "created_at", "org_id", "operator", "type"]
    assert body["type"] == int(code) and body["org_id"] == 123 and body["operator"] == 234
    assert abs(body["created_at"] - time.time()) < 60
    assert isinstance(body["body"], list) == (ORG.by_id[code].body == "list")
    assert org.validate() == [], code
    assert ORG.by_id[code].en in org.type_picker.currentText()
    assert "Valid in strict mode" in org.findings.summary.text()


def test_the_org_id_field_and_the_json_follow_each_other(org, qtbot):
    org.select_type("11")
    org.set_org_id(77)
    body = org.body()
    assert body["org_id"] == 77 and body["body"]["org"]["id"] == 77  # the body's org too
    text = org.editor.toPlainText().replace('"operator": 234', '"operator": 9')
    org.editor.setPlainText(text)  # typed: the field follows after the pause
    qtbot.waitUntil(lambda: org.operator.text() == "9")
    org.select_type("200")  # REINITIALIZE_ORG repeats the org_id in its body
    assert org.body()["body"] == {"org_id": 77}
    before = org.body()["created_at"]
    org.body()
    org._body["created_at"] = 1
    org.stamp_now()
    assert org.body()["created_at"] >= before


def test_every_example_of_the_document_loads_as_printed(org):
    for example in ORG.examples:
        org.load_example(example.id)
        body = org.body()
        if example.kind == "body":
            assert body["body"] == example_body(example.message_type)
            assert body["type"] == int(example.message_type)
            assert org.current_type() == example.message_type
        assert example.title in org.note.text()
    # the envelope sketch sends "type": 1, which is no MessageType: said on its line
    org.load_example("envelope")
    findings = org.validate()
    assert any(f.path == "type" for f in findings)
    assert "none of the document" in org.type_title.text()
    line = org.editor.line_of_path("type")
    assert org.editor.marks[line][0][0] is True
    # the current type's example, from the button
    org.select_type("205")
    assert org.load_example(None) and "DEPARTMENT_CREATED" in org.note.text()
    with pytest.raises(KeyError):
        org.load_example("nope")


def test_with_org_changes_only_the_organisation_it_was():
    body = [{"org": {"id": 5, "name": "a"}}, {"org_id": 6}]
    assert with_org(body, 9, 5) == [{"org": {"id": 9, "name": "a"}}, {"org_id": 6}]
    assert with_org(body, 9) == [{"org": {"id": 9, "name": "a"}}, {"org_id": 9}]


async def test_a_push_is_sent_to_its_subscription_and_accepted_with_its_topic(org, engine):
    await engine.put_subscription(subscription("ORGSUB", changeIds=[], orgTypes=[205],
                                               orgIds=[77]))
    org.select_type("205")
    org.set_org_id(77)
    sent = []
    org.hub.sent.connect(sent.append)
    result = await org.send()
    [delivery] = result["deliveries"]
    assert (delivery["baseCode"], delivery["topic"]) == ("ORGSUB", "org/push/ORGSUB/77")
    assert sent == [result]
    text = org.verdict.text()
    assert f"Accepted as push #{result['eventId']}: 1 delivery" in text
    assert "ORGSUB → org/push/ORGSUB/77" in text and org.verdict.isVisibleTo(org)
    stored = engine.event(result["eventId"])
    assert stored["source"] == "compose" and stored["change_id"] == "org:205"

    org.set_org_id(78)  # an organisation the subscription does not hear from
    result = await org.send()
    assert result["deliveries"] == [] and "no subscription takes type 205" in \
        org.verdict.text()


async def test_a_broken_push_shows_its_findings_inline_and_is_refused(org, engine, qtbot):
    org.select_type("11")
    text = org.editor.toPlainText().replace('"org_id": 123', '"org_id": "123"')
    org.editor.setPlainText(text)
    qtbot.waitUntil(lambda: org.findings.model.rowCount() > 0)
    line = org.editor.line_of_path("org_id")
    assert '"org_id": "123"' in org.editor.toPlainText().splitlines()[line - 1]
    [(error, message)] = org.editor.marks[line]
    assert error and message.startswith("org_id:")
    assert "error" in org.findings.summary.text()
    result = await org.send()
    assert result["reason"] == "invalid" and any(e["path"] == "org_id"
                                                 for e in result["errors"])
    assert "Rejected (invalid)" in org.verdict.text()
    assert engine.store.counts()["events"] == 0

    org.editor.setPlainText('{"body": ')  # not JSON: not sent, and said where
    result = await org.send()
    assert result["reason"] == "not-json" and "does not parse" in org.verdict.text()
    assert "line 1" in org.json_status.text()


async def test_ctrl_return_sends_the_family_shown(panel, org, engine):
    await engine.put_subscription(subscription("ORGSUB", changeIds=[], orgTypes=[11]))
    org.select_type("11")
    panel.send_current()  # what Event › Send does
    await until(lambda: org.last_result is not None)
    assert org.last_result["deliveries"][0]["topic"] == "org/push/ORGSUB/123"
    assert engine.event(org.last_result["eventId"])["data"]["type"] == 11


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_on_the_running_platform_the_push_is_published_on_its_org_topic(qtbot, tmp_path):
    """The whole path: composed here, accepted by the engine, published by the MQ side on
    the managed Mosquitto under org/push/<baseCode>/<org_id>."""
    platform = await Platform(Options(db_path=tmp_path / "push-studio.db",
                                      data_dir=str(tmp_path), http_port=0)).start()
    published: list[MqPublished] = []
    platform.engine.bus.subscribe(MqPublished, published.append)
    composer = OrgComposer(Hub())
    qtbot.addWidget(composer)
    try:
        composer.attach(platform)
        await platform.engine.put_subscription(subscription(
            "ORGSUB", changeIds=[], orgTypes=["ORG_MEMBER_JOINED"], orgIds=[77]))
        composer.select_type("202")
        composer.set_org_id(77)
        result = await composer.send()
        assert result["deliveries"][0]["topic"] == "org/push/ORGSUB/77"
        await until(lambda: published)
        [mq] = published
        assert (mq.topic, mq.change_id) == ("org/push/ORGSUB/77", "org:202")
        assert json.loads(mq.body)["type"] == 202
    finally:
        composer.detach()
        await platform.stop()
