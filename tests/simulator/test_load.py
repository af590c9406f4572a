"""``python main.py load`` against a running ``serve``, as a user would point it there."""

from __future__ import annotations

import json

import pytest

from app.broker.managed import find_mosquitto
from tests.app.cli.test_serve import Api, served
from tests.simulator.test_cli import main_py


@pytest.mark.skipif(find_mosquitto() is None, reason="mosquitto not installed")
async def test_load_reports_what_became_of_every_event(tmp_path, client):
    async with served(tmp_path / "serve") as ready:
        api = Api(ready, client)
        status, sim = await api.call("POST", "/api/simulators", {"name": "HRZ"})
        assert status == 201 or status == 200, sim
        status, _ = await api.call("POST", "/api/subscriptions", {
            "baseCode": "HRZ", "dataAreas": ["*"], "changeIds": ["1", "2", "3", "4", "5", "6",
                                                                  "7", "9", "10"],
            "callbackUrl": sim["url"]})
        assert status in (200, 201)
        code, out, err = await main_py(
            "load", "--orders", "20", "--rate", "0", "--seed", "3", "--json", "--server",
            ready["http"], "--token", ready["token"], data_dir=tmp_path)
        assert code == 0, out + err
        summary = json.loads(out)
        assert summary["orders"] == 20 and summary["refused"] == 0
        assert summary["accepted"] == summary["events"] > 20 * 5
        assert summary["deliveries"] == {"delivered": summary["accepted"]}
        assert summary["byBaseCode"] == {"HRZ": {"delivered": summary["accepted"]}}
        assert summary["latencyMs"]["count"] == summary["accepted"] and summary["settled"]

        # Without --json: a progress bar on stderr and a readable summary.
        code, out, err = await main_py(
            "load", "--orders", "5", "--rate", "50", "--server", ready["http"], data_dir=tmp_path
            / "serve")  # the token from the instance's data dir
        assert code == 0, out + err
        assert "5/5 orders" in err
        assert out.startswith("5 orders · ") and "accepted → delivered: p50" in out


async def test_load_without_a_token_says_where_to_find_one(tmp_path, monkeypatch):
    monkeypatch.delenv("PUSH_STUDIO_TOKEN", raising=False)
    code, _, err = await main_py("load", "--server", "http://127.0.0.1:9", data_dir=tmp_path)
    assert code == 2 and "no API token" in err
