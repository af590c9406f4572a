from __future__ import annotations

from main import main


def test_a_tiny_benchmark_runs_and_reports_both_paths(capsys):
    assert main(["bench", "core", "--events", "300", "--rounds", "1", "--batch", "100"]) == 0
    out = capsys.readouterr().out
    assert "| engine: decode + validate + match + durable write |" in out
    assert "| raw SQLite executemany, same rows |" in out
    assert "ratio engine / raw:" in out
