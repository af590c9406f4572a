"""The import rules of DESIGN.md ("Layers and rooms"), checked on the source, not by convention.

- app/ and simulator/ never import PySide6, qasync or ui (the core is headless);
- only app/store touches SQLite (sqlite_utils, sqlite3);
- only app/transport touches paho and aiohttp;
- ui/ never touches the database or a socket;
- app/ never imports simulator/ (the simulator uses the public app API).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    """Top-level module names a file imports (``from a.b import c`` → ``a``, ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                names.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            names.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return names


def _files(*rooms: str) -> list[Path]:
    return sorted(p for room in rooms for p in (ROOT / room).rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


RULES = [
    # (rooms checked, forbidden modules, rooms exempt, why)
    (("app", "simulator"), {"PySide6", "qasync", "ui"}, (), "the core is headless"),
    (("app",), {"simulator"}, (), "the simulator uses the core, never the other way round"),
    (("app", "simulator", "ui", "main.py"), {"sqlite_utils", "sqlite3"}, ("app/store/",),
     "only app/store touches SQLite"),
    (("app", "simulator", "ui", "main.py"), {"paho", "aiohttp"}, ("app/transport/",),
     "only app/transport touches paho and aiohttp"),
    (("ui",), {"socket", "app.store"}, (), "the UI never touches the database or a socket"),
]


@pytest.mark.parametrize(("rooms", "forbidden", "exempt", "why"), RULES,
                         ids=[r[3] for r in RULES])
def test_import_rules(rooms, forbidden, exempt, why):
    offenders = []
    for room in rooms:
        files = [ROOT / room] if room.endswith(".py") else _files(room)
        for path in files:
            if any(_rel(path).startswith(e) for e in exempt):
                continue
            bad = _imports(path) & forbidden
            if bad:
                offenders.append(f"{_rel(path)} imports {', '.join(sorted(bad))}")
    assert not offenders, f"{why}:\n" + "\n".join(offenders)


def test_the_checker_sees_imports(tmp_path):
    """Guard against a checker that passes because it finds nothing."""
    probe = tmp_path / "probe.py"
    probe.write_text("import PySide6.QtCore\nfrom paho.mqtt import client\nimport sqlite_utils\n")
    assert {"PySide6", "PySide6.QtCore", "paho", "paho.mqtt", "sqlite_utils"} <= _imports(probe)
    assert _files("app"), "app/ has no Python files?"
