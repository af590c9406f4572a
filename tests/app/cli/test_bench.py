from __future__ import annotations

from main import main


def test_a_tiny_benchmark_runs_and_reports_both_paths(capsys):
    assert main(["bench", "core", "--events", "300", "--rounds", "1", "--batch", "100"]) == 0
    out = capsys.readouterr().out
    assert "| engine: decode + validate + match + durable write |" in out
    assert "| raw SQLite executemany, same rows |" in out
    assert "ratio engine / raw:" in out


def test_a_tiny_delivery_benchmark_loses_nothing(capsys):
    assert main(["bench", "delivery", "--events", "20"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines()
            if line.startswith("| ") and "path" not in line and "---" not in line]
    assert rows and all(line.rstrip(" |").endswith("| 0") for line in rows)  # lost: 0
    assert "callbacks / raw HTTP:" in out
