"""Tests mirror the source tree (mitmproxy's test/filename_matching.py): the tests of
``app/routing/index.py`` live in ``tests/app/routing/test_index.py``. A test file with no
source file beside it is a test nobody will find when they change the code."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"

#: Tests of the whole project rather than of one module.
PROJECT_TESTS = {"test_layering.py", "test_tree.py", "test_main.py", "test_ci.py"}


def test_every_test_file_names_a_source_module():
    orphans = []
    for test in sorted(TESTS.rglob("test_*.py")):
        rel = test.relative_to(TESTS)
        if rel.parent == Path(".") and rel.name in PROJECT_TESTS:
            continue
        name = rel.name.removeprefix("test_").removesuffix(".py")
        source_dir = ROOT / rel.parent
        if not ((source_dir / f"{name}.py").exists() or (source_dir / name).is_dir()):
            orphans.append(f"tests/{rel.as_posix()} → no {rel.parent.as_posix()}/{name}.py")
    assert not orphans, "\n".join(orphans)
