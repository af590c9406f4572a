"""Chinese and English, following the system locale, switchable at runtime.

Source strings are English, wrapped in Qt's ``tr``; ``ui/translations/push_studio_<lang>.ts``
hold the translations (Chinese, and English for its plural forms: "1 row" / "2 rows").
The .ts files are sources; the .qm files Qt loads are built from them by ``./dev setup``, or
here on first use when missing or older than their .ts.

    python -m ui.i18n update   # re-scan ui/ for strings (pyside6-lupdate), keep translations
    python -m ui.i18n build    # .ts → .qm (pyside6-lrelease)
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger(__name__)

DIR = Path(__file__).resolve().parent / "translations"
UI = Path(__file__).resolve().parent
#: Language code → its own name, as the menu shows it.
LANGUAGES = {"zh_CN": "中文", "en": "English"}
#: What the language setting can be: follow the system, or one of LANGUAGES.
SETTINGS = ("system", *LANGUAGES)


def resolve(setting: str, locale: QLocale | None = None) -> str:
    """The language to show for a setting. "system" follows the system locale when it is
    English or Chinese; any other locale (C, POSIX, …) gets Chinese, the platform's own."""
    if setting in LANGUAGES:
        return setting
    language = (locale or QLocale.system()).language()
    return "en" if language == QLocale.Language.English else "zh_CN"


def ts_file(lang: str) -> Path:
    return DIR / f"push_studio_{lang}.ts"


def qm_file(lang: str) -> Path:
    return DIR / f"push_studio_{lang}.qm"


class Translations:
    """The installed translator; ``switch`` replaces it, which makes Qt send every widget a
    LanguageChange event (panels then run ``retranslate``). One translator is installed at
    a time, whichever Translations installed it: Qt asks the newest first and falls back to
    older ones for what it lacks, so a leftover Chinese translator under the English one
    (which holds only plural forms) would show Chinese."""

    def __init__(self) -> None:
        self.language = "en"

    def switch(self, lang: str) -> bool:
        """Show ``lang`` (a key of LANGUAGES); False when its translations cannot be loaded,
        and then the English source strings show."""
        global _installed
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
        app = QCoreApplication.instance()
        assert app is not None
        if _installed is not None:
            app.removeTranslator(_installed)
            _installed = None
        self.language = lang
        translator = QTranslator(app)
        qm = ensure_built(lang)
        if qm is None or not translator.load(str(qm)):
            log.warning("no translations for %s (%s); showing English", lang, qm_file(lang))
            return False
        app.installTranslator(translator)
        _installed = translator
        return True


_installed: QTranslator | None = None


def ensure_built(lang: str) -> Path | None:
    """The .qm for ``lang``, built from its .ts when missing or stale; None if impossible."""
    ts, qm = ts_file(lang), qm_file(lang)
    if not ts.exists():
        return qm if qm.exists() else None
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    try:
        build([lang])
    except (OSError, subprocess.CalledProcessError) as error:
        log.warning("could not build %s: %s", qm.name, error)
        return qm if qm.exists() else None
    return qm


def _tool(name: str) -> str:
    """Qt's own lupdate/lrelease as shipped in the PySide6 wheel, else on PATH."""
    bundled = Path(PySide6.__file__).parent / name
    if bundled.exists():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found (it comes with PySide6)")
    return found


def build(langs: list[str] | None = None) -> list[Path]:
    out = []
    for lang in langs or list(LANGUAGES):
        subprocess.run([_tool("lrelease"), "-silent", str(ts_file(lang)), "-qm",
                        str(qm_file(lang))], check=True, capture_output=True)
        out.append(qm_file(lang))
    return out


def sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "translations" not in p.parts)


def update() -> None:
    """Re-scan the UI's source for strings; translations already made are kept, those whose
    source string is gone are dropped. English plural forms are then filled in from the
    source convention: "%n row(s)" → "%n row" / "%n rows"."""
    for lang in LANGUAGES:
        subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none",
                        *map(str, sources()), "-ts", str(ts_file(lang))], check=True)
    fill_english_plurals(ts_file("en"))


def english_plurals(source: str) -> tuple[str, str]:
    """Singular and plural of a source string written with the usual alternatives:
    "%n row(s)", "%n push(es)", "%n delivery(ies)" or "anomaly(-ies)", "deliver(y/ies)"."""
    singular = re.sub(r"y\(-?ies\)", "y", source)
    plural = re.sub(r"y\(-?ies\)", "ies", source)
    singular = re.sub(r"\((\w*)/(\w*)\)", r"\1", singular.replace("(es)", "").replace("(s)", ""))
    plural = re.sub(r"\((\w*)/(\w*)\)", r"\2", plural.replace("(es)", "es").replace("(s)", "s"))
    return singular, plural


def fill_english_plurals(path: Path) -> int:
    """Give every plural message of the English .ts its two forms; returns how many."""
    tree = ElementTree.parse(path)
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ElementTree.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        translation.text = None
        for form in list(translation):
            translation.remove(form)
        for text in english_plurals(source):
            ElementTree.SubElement(translation, "numerusform").text = text
        filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "build":
        for path in build():
            print(path)
    else:
        sys.exit("usage: python -m ui.i18n update|build")
