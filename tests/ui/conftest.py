"""The UI tests read the texts a user reads: English with its plural forms ("1 row",
"2 rows"), from the shipped translations, as the app installs them."""

from __future__ import annotations

import pytest

from ui import i18n


@pytest.fixture(autouse=True, scope="session")
def english(qapp):
    translations = i18n.Translations()
    assert translations.switch("en"), "the English translations did not load"
    return translations
