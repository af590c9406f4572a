"""Simulated subscribers, driven by a real HTTP client."""

from __future__ import annotations

import base64
import os

import pytest

from app.delivery.signing import sign
from simulator.subscribers import Behaviour


async def test_a_status_sequence_then_the_default(receivers, client):
    sub = receivers.add("flaky", Behaviour(statuses=[500, 503], retry_after="7"))
    answers = [await client.post(sub.url, b"{}", {}, 5) for _ in range(3)]
    assert [a.status for a in answers] == [500, 503, 200]
    assert answers[1].headers["Retry-After"] == "7"
    assert [r.answered for r in sub.received] == [500, 503, 200]


async def test_signature_verdicts_are_recorded(receivers, client):
    secret = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    sub = receivers.add("signed", secret=secret)
    body = b'{"changeId":"1"}'
    await client.post(sub.url, body, sign(secret, "msg_1", body), 5)
    await client.post(sub.url, body, {}, 5)
    await client.post(sub.url, body + b" ", sign(secret, "msg_2", body), 5)
    received = await receivers.wait_for("signed", 3)
    assert [r.signature for r in received][:2] == ["valid", "unsigned"]
    assert received[2].signature.startswith("invalid")
    assert received[0].headers["webhook-id"] == "msg_1"


async def test_gone_and_hang(receivers, client):
    gone = receivers.add("gone", Behaviour(status=410))
    assert (await client.post(gone.url, b"", {}, 5)).status == 410
    silent = receivers.add("silent", Behaviour(hang=True))
    result = await client.post(silent.url, b"", {}, 0.3)
    assert result.status is None and result.error == "timed out after 0.3 s"
    assert len(silent.received) == 1


async def test_failure_rate_and_unknown_paths(receivers, client):
    sub = receivers.add("coin", Behaviour(failure_rate=0.5))
    statuses = {(await client.post(sub.url, b"", {}, 5)).status for _ in range(20)}
    assert statuses == {200, 500}
    assert (await client.post(f"{receivers.server.url}/sim/nobody", b"", {}, 5)).status == 404


async def test_wait_for_times_out(receivers):
    receivers.add("quiet")
    with pytest.raises(TimeoutError):
        await receivers.wait_for("quiet", 1, within=0.2)
