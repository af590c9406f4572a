"""Chinese and English: which one shows, that every string has its Chinese, that the .ts
files are current with the code, and that switching at runtime changes what is on screen."""

from __future__ import annotations

import shutil
import subprocess
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QLocale, QSettings

from app.bus import EventBus
from app.live import LiveFeed
from ui import i18n
from ui.main_window import MainWindow


@pytest.mark.parametrize(("setting", "locale", "shown"), [
    ("system", QLocale.Language.English, "en"),
    ("system", QLocale.Language.Chinese, "zh_CN"),
    ("system", QLocale.Language.C, "zh_CN"),  # no preference: the platform's own language
    ("system", QLocale.Language.German, "zh_CN"),
    ("en", QLocale.Language.Chinese, "en"),
    ("zh_CN", QLocale.Language.English, "zh_CN"),
])
def test_which_language_shows(setting, locale, shown):
    assert i18n.resolve(setting, QLocale(locale)) == shown


@pytest.mark.parametrize(("source", "forms"), [
    ("%n row(s)", ("%n row", "%n rows")),
    ("%n older row(s) out of the window", ("%n older row out of the window",
                                           "%n older rows out of the window")),
    ("%n deliver(y/ies) for %1", ("%n delivery for %1", "%n deliveries for %1")),
    ("paused: %n waiting", ("paused: %n waiting", "paused: %n waiting")),
    ("%n push(es) recorded", ("%n push recorded", "%n pushes recorded")),
    ("%n failed delivery(ies).", ("%n failed delivery.", "%n failed deliveries.")),
    ("%n anomaly(-ies)", ("%n anomaly", "%n anomalies")),
])
def test_english_plural_forms_come_from_the_source_convention(source, forms):
    assert i18n.english_plurals(source) == forms


def messages(path):
    for context in ElementTree.parse(path).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def test_every_string_has_its_chinese():
    missing = []
    for context, message in messages(i18n.ts_file("zh_CN")):
        translation = message.find("translation")
        texts = ([f.text for f in translation.iter("numerusform")]
                 if message.get("numerus") == "yes" else [translation.text])
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            missing.append(f"{context}: {message.findtext('source')!r}")
    assert not missing, f"{len(missing)} without Chinese:\n" + "\n".join(missing[:40])


def test_the_translation_files_are_current_with_the_code(tmp_path):
    """What lupdate finds in ui/ now is what the .ts files hold: a string added to the code
    without running `python -m ui.i18n update` (and translating it) fails here."""
    for lang in i18n.LANGUAGES:
        copy = tmp_path / f"{lang}.ts"
        shutil.copy(i18n.ts_file(lang), copy)
        subprocess.run([i18n._tool("lupdate"), "-no-obsolete", "-locations", "none",
                        *map(str, i18n.sources()), "-ts", str(copy)], check=True,
                       capture_output=True)
        now = {(c, m.findtext("source")) for c, m in messages(copy)}
        shipped = {(c, m.findtext("source")) for c, m in messages(i18n.ts_file(lang))}
        assert now == shipped, (f"{lang}: new {sorted(now - shipped)[:10]}, "
                                f"gone {sorted(shipped - now)[:10]}")


def test_switching_language_at_runtime_changes_what_is_on_screen(qtbot, tmp_path, english):
    window = MainWindow(LiveFeed(EventBus()),
                        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        translations=english)
    qtbot.addWidget(window)
    try:
        window.set_language("zh_CN")  # Qt posts every widget a LanguageChange event
        qtbot.waitUntil(lambda: window.live.pause.text() == "暂停")
        assert window.docks["compose"].windowTitle() == "编写事件"
        assert window.live.state.text() == "0 行"
        window.set_language("en")
        qtbot.waitUntil(lambda: window.live.pause.text() == "Pause")
        assert window.docks["compose"].windowTitle() == "Compose"
        assert window.settings.value("ui/language") == "en"
    finally:
        english.switch("en")


def test_one_translator_at_a_time_whoever_installed_it(qapp, english):
    """A second Translations (the screenshot command makes its own) must not leave Chinese
    under the English translator, which holds only plural forms."""
    from PySide6.QtCore import QCoreApplication

    other = i18n.Translations()
    try:
        other.switch("zh_CN")
        assert QCoreApplication.translate("LivePanel", "Pause") == "暂停"
        english.switch("en")
        assert QCoreApplication.translate("LivePanel", "Pause") == "Pause"
    finally:
        english.switch("en")
