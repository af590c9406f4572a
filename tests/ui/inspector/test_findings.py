"""The findings cards: errors first, capped, painted at the dock's width in both themes, and
chosen by click or Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.catalog.findings import Code, Finding, Severity
from ui import theme
from ui.inspector.findings import MAX_SHOWN, FindingsView, severity_colour

FINDINGS = [
    Finding("data.userid", Code.UNKNOWN_KEY, "unknown key 'userid'", Severity.WARNING,
            hint="did you mean userId?", label_zh="联系人ID"),
    Finding("data.transportTypeId", Code.ENUM, "'9' is not one of the transportTypeId codes",
            hint="one of 1 = app, 2 = 400 hotline, 3 = internal system " + "x" * 120,
            label_zh="接入类型"),
]


def test_the_model_passes_qt_model_tester(qtmodeltester):
    view = FindingsView()
    view.set_findings(FINDINGS)
    qtmodeltester.check(view.findings)
    view.set_findings([])
    qtmodeltester.check(view.findings)


def test_errors_come_first_and_thousands_are_capped():
    view = FindingsView()
    view.set_findings(FINDINGS)
    model = view.findings
    assert [f.severity for f in model.findings] == [Severity.ERROR, Severity.WARNING]
    assert model.index(1, 0).data() == ("warning: data.userid (联系人ID): unknown key "
                                        "'userid' — did you mean userId?")
    view.set_findings([FINDINGS[0]] * (MAX_SHOWN + 7))
    assert model.rowCount() == MAX_SHOWN and model.total == MAX_SHOWN + 7


def test_cards_wrap_to_the_width_and_are_chosen(qtbot, qapp):
    view = FindingsView()
    qtbot.addWidget(view)
    view.resize(300, 400)
    view.show()
    view.set_findings(FINDINGS)
    qtbot.waitUntil(lambda: view.visualRect(view.findings.index(1, 0)).height() > 0)
    first = view.visualRect(view.findings.index(0, 0))
    assert first.height() > 4 * view.fontMetrics().height()  # the long hint wrapped
    assert first.right() <= view.viewport().width()
    with qtbot.wait_signal(view.chosen) as chosen:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    assert chosen.args[0].path == "data.transportTypeId"


def test_severity_colours_are_readable_in_both_themes(qapp):
    try:
        for mode, base in (("light", "#ffffff"), ("dark", "#17191d")):
            theme.apply(qapp, mode)
            for severity in Severity:
                assert contrast(severity_colour(severity), base) >= 4.5, (mode, severity)
    finally:
        theme.apply(qapp, "light")


def contrast(colour, base: str) -> float:
    from PySide6.QtGui import QColor

    def luminance(c) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + \
            0.0722 * channel(c.blueF())
    a, b = luminance(colour), luminance(QColor(base))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def test_a_card_paints_in_the_dark_theme(qtbot, qapp):
    theme.apply(qapp, "dark")
    try:
        view = FindingsView()
        qtbot.addWidget(view)
        view.resize(320, 300)
        view.show()
        view.set_findings(FINDINGS)
        qtbot.waitUntil(lambda: view.visualRect(view.findings.index(0, 0)).height() > 0)
        image: QImage = view.grab().toImage()
        assert image.pixelColor(2, image.height() - 2).lightness() < 100
    finally:
        theme.apply(qapp, "light")
