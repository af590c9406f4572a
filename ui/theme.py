"""Light and dark, following the system unless the user picks one; and the outcome colours
every panel uses, so "failed" is the same red in Live, Timeline and Flow.

The app draws with Fusion and a palette of its own in both themes: the platform's native
style does not always have a dark variant (and offscreen has none), and one style keeps
screenshots and tests the same everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

MODES = ("system", "light", "dark")

#: Outcome → (light, dark) row background, chosen for contrast with the palette's text.
BACKGROUNDS = {
    "ok": ("#e3f4e6", "#1f3a26"),
    "pending": ("#eef1f6", "#2a2f3a"),
    "retry": ("#fff3d6", "#4a3c16"),
    "failed": ("#fbe0e0", "#4d2222"),
    "rejected": ("#fbe0e0", "#4d2222"),
    "queued": ("#e6ecfb", "#23304d"),
}
#: Outcome → (light, dark) strong colour for drawings: badges, lanes, moving dots.
STRONG = {
    "ok": ("#2e7d32", "#66bb6a"),
    "pending": ("#607d8b", "#90a4ae"),
    "retry": ("#ef8f00", "#ffb74d"),
    "failed": ("#c62828", "#ef5350"),
    "rejected": ("#c62828", "#ef5350"),
    "queued": ("#1565c0", "#64b5f6"),
    "info": ("#5e35b1", "#b39ddb"),
}

_dark = False
#: The mode chosen (MODES), and what the system's own palette said before we replaced it.
_mode = "system"
_system_palette_dark: bool | None = None
_following = False


def is_dark() -> bool:
    """Whether the app is drawing dark now (read at paint time: the theme can change)."""
    return _dark


def background(outcome: str) -> QColor | None:
    pair = BACKGROUNDS.get(outcome)
    return QColor(pair[1 if _dark else 0]) if pair else None


def strong(outcome: str) -> QColor:
    pair = STRONG.get(outcome, STRONG["info"])
    return QColor(pair[1 if _dark else 0])


def error_colour() -> QColor:
    """For error text: readable on both the light and the dark window colour."""
    return QColor("#ef5350" if _dark else "#c62828")


def system_is_dark() -> bool:
    """The system's scheme, or when the platform does not say (offscreen, many Linux
    desktops), its palette as it was before the app set one of its own."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown:
        return scheme == Qt.ColorScheme.Dark
    if _system_palette_dark is not None:
        return _system_palette_dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply(app: QApplication, mode: str = "system") -> bool:
    """Draw the app in this mode (one of MODES); returns whether it is now dark. Widgets get
    a PaletteChange event; views that paint outcome colours repaint. In "system" mode a
    later change of the system's scheme is followed."""
    global _dark, _mode, _system_palette_dark, _following
    if mode not in MODES:
        raise ValueError(f"theme must be one of {', '.join(MODES)}, not {mode!r}")
    if _system_palette_dark is None:  # before the first palette of our own hides it
        _system_palette_dark = (
            QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128)
    if not _following:
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: apply(app, _mode) if _mode == "system" else None)
        _following = True
    _mode = mode
    _dark = system_is_dark() if mode == "system" else mode == "dark"
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if _dark else light_palette())
    return _dark


def light_palette() -> QPalette:
    p = QPalette(QColor("#f5f5f5"), QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#1e63c4"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#1e63c4"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffdc"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#1a1a1a"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#767676"))
    return p


def dark_palette() -> QPalette:
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    p = QPalette()
    colours = {
        R.Window: "#1f2227", R.WindowText: "#e6e6e6", R.Base: "#17191d",
        R.AlternateBase: "#23272e", R.ToolTipBase: "#2b3038", R.ToolTipText: "#e6e6e6",
        R.PlaceholderText: "#8a9099", R.Text: "#e6e6e6", R.Button: "#2a2e35",
        R.ButtonText: "#e6e6e6", R.BrightText: "#ff6b6b", R.Light: "#3a3f47",
        R.Midlight: "#30343b", R.Mid: "#25292f", R.Dark: "#121417", R.Shadow: "#000000",
        R.Highlight: "#2f6fd0", R.HighlightedText: "#ffffff", R.Link: "#7fb0ff",
        R.LinkVisited: "#b39ddb",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(G.Disabled, role, QColor("#6b7078"))
    return p
