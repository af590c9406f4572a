"""Bodies saved by name to reuse: kept in QSettings under ``compose/templates`` as JSON
text, so they outlive the session and the database (a template is the user's, not the
platform's)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSettings

GROUP = "compose/templates"


class Templates:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    def names(self) -> list[str]:
        self.settings.beginGroup(GROUP)
        try:
            return sorted(self.settings.childKeys(), key=str.casefold)
        finally:
            self.settings.endGroup()

    def save(self, name: str, body: dict[str, Any]) -> None:
        name = name.strip()
        if not name:
            raise ValueError("a template needs a name")
        if "/" in name or "\\" in name:
            raise ValueError("a template name cannot hold / or \\")
        self.settings.setValue(f"{GROUP}/{name}", json.dumps(body, ensure_ascii=False))
        self.settings.sync()

    def get(self, name: str) -> dict[str, Any] | None:
        """The body saved under this name; None when there is none or it is unreadable
        (written by hand, or by a broken version): a bad template never breaks the panel."""
        text = self.settings.value(f"{GROUP}/{name}")
        if not isinstance(text, str):
            return None
        try:
            body = json.loads(text)
        except ValueError:
            return None
        return body if isinstance(body, dict) else None

    def delete(self, name: str) -> None:
        self.settings.remove(f"{GROUP}/{name}")
        self.settings.sync()
