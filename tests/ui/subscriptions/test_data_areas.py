from tests.conftest import subscription
from ui.subscriptions.data_areas import DataAreaModel, DataAreasEditor


async def test_add_rename_and_delete_through_the_engine(hosted, qtbot, qtmodeltester):
    editor = DataAreasEditor()
    qtbot.addWidget(editor)
    editor.attach(hosted, hosted.engine.subscriptions)
    qtmodeltester.check(editor.model)
    assert [a.code for a in editor.model.areas] == ["fwwt", "10008"]  # the seed
    editor.code.setText("dqwt")
    editor.name.setText("电气问题")
    area = await editor.save()
    assert area is not None and hosted.engine.data_areas["dqwt"].name == "电气问题"
    assert editor.model.areas[-1].code == "dqwt"
    editor.name.setText("电气")
    await editor.save()
    assert hosted.engine.data_areas["dqwt"].name == "电气"
    assert [a.code for a in editor.model.areas] == ["fwwt", "10008", "dqwt"]
    assert await editor.delete("dqwt")
    assert "dqwt" not in hosted.engine.data_areas
    assert "Deleted dqwt." in editor.message.text()
    qtmodeltester.check(editor.model)


async def test_a_bad_code_is_said_and_the_text_stays(hosted, qtbot):
    editor = DataAreasEditor()
    qtbot.addWidget(editor)
    editor.attach(hosted, hosted.engine.subscriptions)
    editor.code.setText("wo/push")
    editor.name.setText("斜杠")
    assert await editor.save() is None
    assert editor.error.isVisibleTo(editor)
    assert editor.error.text().startswith("code: 'wo/push' is not a data-area code")
    assert "fix:" in editor.error.text()
    assert (editor.code.text(), editor.name.text()) == ("wo/push", "斜杠")
    assert "wo/push" not in hosted.engine.data_areas


async def test_deleting_an_area_still_named_says_who_names_it(hosted, qtbot):
    await hosted.engine.put_subscription(subscription("FW", dataAreas=["fwwt"]))
    editor = DataAreasEditor()
    qtbot.addWidget(editor)
    editor.attach(hosted, hosted.engine.subscriptions)
    model: DataAreaModel = editor.model
    assert model.index(0, 2).data() == "FW"
    editor.select("fwwt")
    assert editor.code.text() == "fwwt"
    assert "FW" in editor.delete_button.toolTip()
    await editor.delete("fwwt")
    assert "Still named by FW" in editor.message.text()


async def test_subscriptions_to_every_area_are_counted_beside_each(hosted, qtbot):
    await hosted.engine.put_subscription(subscription("ALL", dataAreas=["*"]))
    editor = DataAreasEditor()
    qtbot.addWidget(editor)
    editor.attach(hosted, hosted.engine.subscriptions)
    assert editor.model.index(0, 2).data() == "— (+1 with *)"
