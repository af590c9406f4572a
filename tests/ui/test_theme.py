from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette

from ui import theme


@pytest.fixture
def restore(qapp):
    yield qapp
    theme.apply(qapp, "light")


def test_dark_and_light_are_the_apps_own(restore):
    assert theme.apply(restore, "dark") is True and theme.is_dark()
    window = restore.palette().color(QPalette.ColorRole.Window)
    text = restore.palette().color(QPalette.ColorRole.WindowText)
    assert window.lightness() < 60 and text.lightness() > 200  # readable: light on dark
    dark_failed = theme.background("failed")
    assert theme.apply(restore, "light") is False and not theme.is_dark()
    assert restore.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert theme.background("failed") != dark_failed
    assert theme.background("info") is None  # no tint: the palette's base shows


def test_outcome_colours_stand_out_from_the_background_in_both_themes(restore):
    for mode in ("light", "dark"):
        theme.apply(restore, mode)
        base = restore.palette().color(QPalette.ColorRole.Base)
        for outcome in theme.STRONG:
            assert abs(theme.strong(outcome).lightness() - base.lightness()) > 60, (
                mode, outcome)


def test_an_unknown_mode_is_named(restore):
    with pytest.raises(ValueError, match="theme must be one of system, light, dark"):
        theme.apply(restore, "sepia")


def test_following_the_system_after_dark_is_the_systems_look_again(restore):
    """The system's palette is read before the app's own replaces it: Dark and then
    Follow the system must not stay dark on a light system (offscreen says no scheme)."""
    system = theme.apply(restore, "system")
    assert theme.apply(restore, "dark") is True
    assert theme.apply(restore, "system") is system
