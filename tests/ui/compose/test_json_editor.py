"""The JSON editor: silent replacement as one undo step, a finding's path found in the
text, the broken line marked."""

from __future__ import annotations

import json

from ui.compose.json_editor import JsonEditor

BODY = {"changeId": "5", "data": {"trackId": "1", "currentUser": [
    {"userId": "1", "eUserId": "E1"}, {"userId": "2", "eUserId": "E2"}],
    "hangRemark ": "x"}}


def test_set_text_is_silent_and_undoable(qtbot):
    editor = JsonEditor()
    qtbot.addWidget(editor)
    with qtbot.assert_not_emitted(editor.edited):
        editor.set_text("{}")
    editor.set_text('{"a": 1}')
    editor.undo()
    assert editor.toPlainText() == "{}"
    with qtbot.wait_signal(editor.edited):
        editor.insertPlainText(" ")


def test_a_path_is_found_on_its_line(qtbot):
    editor = JsonEditor()
    qtbot.addWidget(editor)
    text = json.dumps(BODY, indent=4, ensure_ascii=False)
    editor.set_text(text)
    lines = text.splitlines()

    def line(path):
        return lines[editor.line_of_path(path) - 1]

    assert '"trackId"' in line("data.trackId")
    assert '"E2"' in line("data.currentUser[1].eUserId")
    assert '"hangRemark "' in line('data["hangRemark "]')
    assert '"data"' in line("data.missingField")  # a missing field: its parent
    assert editor.line_of_path("nothing") == 0


def test_the_broken_line_is_marked(qtbot):
    editor = JsonEditor()
    qtbot.addWidget(editor)
    editor.set_text('{\n "a": 1,\n}')
    editor.set_problem(3, 1)
    assert editor.problem_line == 3 and len(editor.extraSelections()) == 1
    editor.set_problem(0)
    assert editor.extraSelections() == []


def test_findings_underline_their_lines_and_say_themselves_on_hover(qtbot):
    editor = JsonEditor()
    qtbot.addWidget(editor)
    editor.set_text('{\n "a": 1,\n "b": 2\n}')
    editor.set_marks([(2, True, "a: wrong"), (3, False, "b: odd"), (0, True, "nowhere")])
    assert editor.marks == {2: [(True, "a: wrong")], 3: [(False, "b: odd")]}
    assert len(editor.extraSelections()) == 2
    editor.set_problem(4)  # a broken line and the marks together
    assert len(editor.extraSelections()) == 3
    editor.set_marks([])
    editor.set_problem(0)
    assert editor.extraSelections() == []
