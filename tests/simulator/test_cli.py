"""``python main.py scenario …`` as a user runs it: a real process that starts its own
platform (managed Mosquitto included) in a temporary data dir."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import xml.etree.ElementTree as ET

import pytest

from app.broker.managed import find_mosquitto
from tests.conftest import ROOT


async def main_py(*args: str, data_dir) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "main.py", "--data-dir", str(data_dir), *args, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode, out.decode(), err.decode()


needs_mosquitto = pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")


@needs_mosquitto
async def test_a_passing_scenario_exits_0_with_its_junit_and_json(tmp_path):
    junit, report = tmp_path / "junit.xml", tmp_path / "report.json"
    code, out, err = await main_py(
        "scenario", "run", "resources/scenarios/02-scope-mismatch.yaml", "--junit", str(junit),
        "--json", str(report), data_dir=tmp_path)
    assert code == 0, out + err
    assert out.startswith("PASSED  数据域与订阅内容不匹配")
    assert "[setup]" in err and "[1/1]" in err  # progress on stderr, the summary on stdout
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite.get("tests") == "5" and suite.get("failures") == "0"
    assert {c.get("classname") for c in suite.iter("testcase")} == {"02-scope-mismatch"}
    assert json.loads(report.read_text())["passed"] is True
    # Its platform was its own: nothing left in the data dir we gave, no broker running.
    assert not (tmp_path / "push-studio.db").exists()


@needs_mosquitto
async def test_a_failing_scenario_exits_1_and_says_why_first(tmp_path):
    path = tmp_path / "fail.yaml"
    path.write_text("name: fails\nsetup:\n  subscriptions:\n"
                    "    - {baseCode: HRZ, changeIds: [1], retrySchedule: [],"
                    " simulated: {status: 503}}\n"
                    "steps:\n  - send: {changeId: 1, sample: true, as: A}\n"
                    "expect:\n  - delivered: {to: HRZ, order: A, within: 1s}\n",
                    encoding="utf-8")
    code, out, _ = await main_py("scenario", "run", str(path), "--quiet", "--seed", "9",
                                 data_dir=tmp_path)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("FAILED  fails") and "seed 9" in lines[0]
    assert lines[3] == "Failed:" and "delivered to HRZ order A" in lines[4]
    assert "HTTP 503" in out


async def test_a_bad_file_exits_2_with_line_and_column(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: bad\nsteps:\n  - sned: {changeId: 1}\n", encoding="utf-8")
    code, out, err = await main_py("scenario", "run", str(path), data_dir=tmp_path)
    assert code == 2 and not out
    assert f"{path}:3:5: steps[0].sned: unknown field 'sned'; did you mean 'send'?" in err
    code, out, err = await main_py("scenario", "check", str(path),
                                   "resources/scenarios/01-happy-path.yaml", data_dir=tmp_path)
    assert code == 1 and "01-happy-path.yaml: ok" in out and "sned" in err


async def test_list_and_schema(tmp_path):
    code, out, _ = await main_py("scenario", "list", data_dir=tmp_path)
    assert code == 0 and "07-busy-day.yaml" in out and "a busy day" in out
    code, out, _ = await main_py("scenario", "schema", data_dir=tmp_path)
    assert code == 0 and json.loads(out)["title"] == "Push Studio scenario"


async def test_bad_pace_and_missing_server_token(tmp_path, monkeypatch):
    code, _, err = await main_py("scenario", "run", "resources/scenarios/01-happy-path.yaml",
                                 "--pace", "fast", data_dir=tmp_path)
    assert code == 2 and "--pace 'fast'" in err
    monkeypatch.delenv("PUSH_STUDIO_TOKEN", raising=False)
    code, _, err = await main_py("scenario", "run", "resources/scenarios/01-happy-path.yaml",
                                 "--server", "http://127.0.0.1:9", data_dir=tmp_path)
    assert code == 2 and "needs its token" in err


async def test_wecom_converse_starts_its_own_platform_and_opens_orders(tmp_path):
    code, out, err = await main_py("wecom", "converse", "--seed", "5", "--count", "2",
                                   "--open-order", data_dir=tmp_path)
    assert code == 0, out + err
    assert out.startswith("WeCom conversations, seed 5 (again: --seed 5)")
    assert out.count("事件  进入会话 entered") == 2 and out.count("会话结束 ended by") == 2
    assert out.count("work order 4503") == 2
    assert out.count("timeline: http://127.0.0.1:") == 2 and "from WeCom: “你好，我是" in out
    assert not (tmp_path / "push-studio.db").exists()  # its platform was its own


async def test_wecom_converse_against_a_running_platform_keeps_duplicates_out(tmp_path):
    from app.platform import Options, Platform

    platform = Platform(Options(db_path=tmp_path / "db.sqlite", data_dir=str(tmp_path),
                                http_port=0))
    await platform.start()
    try:
        server = ("--server", platform.server.url, "--token", platform.token)
        code, out, err = await main_py("wecom", "converse", "--seed", "8", *server,
                                       data_dir=tmp_path / "cli")
        assert code == 0, out + err
        assert "客户 " in out and "客服 " in out and "work order" not in out
        code, out, err = await main_py("wecom", "converse", "--seed", "8", "--open-order",
                                       *server, data_dir=tmp_path / "cli")
        assert code == 0, out + err  # the same conversation: kept out, the order opens
        assert "0 message(s) stored;" in out and "kept out as already stored" in out
        assert "work order" in out
        code, out, err = await main_py("wecom", "converse", "--seed", "8", "--open-order",
                                       *server, data_dir=tmp_path / "cli")
        assert code == 1 and "→ 409" in err and "already opened work order" in err
    finally:
        await platform.stop()


async def test_wecom_converse_refuses_unusable_arguments(tmp_path, monkeypatch):
    code, _, err = await main_py("wecom", "converse", "--count", "0", data_dir=tmp_path)
    assert code == 2 and "--count is 1 or more" in err
    monkeypatch.delenv("PUSH_STUDIO_TOKEN", raising=False)
    code, _, err = await main_py("wecom", "converse", "--server", "http://127.0.0.1:9",
                                 data_dir=tmp_path)
    assert code == 2 and "needs its token" in err
