"""The users table's model: rows by userID, only changes announced, sorted and filtered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui import theme
from ui.users.model import SORT_ROLE, UserRow, UsersFilter, UsersModel


def rows() -> list[UserRow]:
    return [UserRow("u0001", "崔海燕", simulated=True, phone="online", online=True),
            UserRow("e0001", "梁欢", role="expert", platform="ios", online=False, queued=3,
                    pushes=2, last_at=1_700_000_000.0),
            UserRow("110640113", "噜噜噜", online=None)]


def test_the_model_passes_qt_s_model_tester(qtmodeltester):
    model = UsersModel()
    model.upsert(rows())
    qtmodeltester.check(model)
    proxy = UsersFilter()
    proxy.setSourceModel(model)
    proxy.sort(model.COLUMNS.index("queued"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_only_changed_rows_are_announced_and_new_ones_come_in_one_insert(qtbot):
    model = UsersModel()
    with qtbot.wait_signal(model.rowsInserted) as inserted:
        model.upsert(rows())
    assert inserted.args[1:] == [0, 2]
    changed = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.upsert([UserRow("u0001", "崔海燕", simulated=True, phone="online", online=True),
                  UserRow("e0001", "梁欢", role="expert", platform="ios", online=True)])
    assert changed == [1]
    assert model.get("e0001").online is True


def test_removing_users_keeps_the_index_right():
    model = UsersModel()
    model.upsert(rows())
    model.remove(["u0001", "nobody"])
    assert model.ids() == ["e0001", "110640113"]
    assert model.row_of("110640113") == 1


def test_cells_say_presence_in_words_and_colour_it_from_the_theme(qapp):
    model = UsersModel()
    model.upsert(rows())
    online = model.COLUMNS.index("online")
    assert model.index(0, online).data() == "● online"
    assert model.index(1, online).data() == "● offline"
    assert model.index(2, online).data() == "● unknown"
    assert "unknown" in model.index(2, online).data(Qt.ItemDataRole.ToolTipRole)
    theme.apply(qapp, "dark")
    try:
        dark = model.index(0, online).data(Qt.ItemDataRole.ForegroundRole).color()
        assert dark == theme.strong("ok")
    finally:
        theme.apply(qapp, "light")
    assert model.index(0, online).data(Qt.ItemDataRole.ForegroundRole).color() == \
        theme.strong("ok")
    assert model.index(1, model.COLUMNS.index("queued")).data() == "3"
    assert model.index(1, model.COLUMNS.index("kind")).data() == "real"
    assert model.index(0, model.COLUMNS.index("kind")).data() == "simulated"


def test_a_dropped_phone_the_broker_still_holds_is_shown_as_such():
    model = UsersModel()
    model.upsert([UserRow("u1", "u1", simulated=True, phone="offline", online=True)])
    online = model.COLUMNS.index("online")
    assert model.index(0, online).data() == "● online · phone offline"
    assert "keepalive" in model.index(0, online).data(Qt.ItemDataRole.ToolTipRole)


def test_the_filter_matches_userid_or_name_and_sorting_uses_numbers():
    model = UsersModel()
    model.upsert(rows())
    proxy = UsersFilter()
    proxy.setSourceModel(model)
    proxy.set_text("噜")
    assert proxy.rowCount() == 1
    proxy.set_text("E00")
    assert proxy.index(0, 0).data() == "e0001"
    proxy.set_text("")
    assert model.index(1, model.COLUMNS.index("pushes")).data(SORT_ROLE) == 2
    proxy.sort(model.COLUMNS.index("online"))
    assert [proxy.index(i, 0).data() for i in range(3)] == ["u0001", "e0001", "110640113"]
