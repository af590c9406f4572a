"""Signatures checked the way a receiver checks them: with the standardwebhooks library."""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from app.delivery.signing import sign, verdict, webhook_id

SECRET = "whsec_" + base64.b64encode(os.urandom(24)).decode()
BODY = b'{"baseCode":"","dataArea":"fwwt","changeId":"1","data":"{}"}'


def test_a_receiver_verifies_the_headers_with_the_library():
    headers = sign(SECRET, webhook_id("abc", 7), BODY)
    assert headers["webhook-id"] == "msg_abc_7"
    assert headers["webhook-signature"].startswith("v1,")
    assert Webhook(SECRET).verify(BODY, headers) == {"baseCode": "", "dataArea": "fwwt",
                                                     "changeId": "1", "data": "{}"}


def test_tampering_or_another_secret_fails_verification():
    headers = sign(SECRET, "msg_1", BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(SECRET).verify(BODY.replace(b"fwwt", b"10008"), headers)
    other = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    with pytest.raises(WebhookVerificationError):
        Webhook(other).verify(BODY, headers)


def test_the_signature_is_over_id_timestamp_and_body():
    moment = datetime(2026, 11, 22, 12, 0, 0, tzinfo=UTC)
    headers = sign(SECRET, "msg_1", BODY, now=moment)
    assert headers["webhook-timestamp"] == str(int(moment.timestamp()))
    import hashlib
    import hmac
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(
        key, b"msg_1." + headers["webhook-timestamp"].encode() + b"." + BODY,
        hashlib.sha256).digest()).decode()
    assert headers["webhook-signature"] == f"v1,{expected}"


def test_verdicts():
    headers = sign(SECRET, "msg_1", BODY)
    assert verdict(SECRET, headers, BODY) == "valid"
    assert verdict(None, {}, BODY) == "unsigned"
    assert verdict(None, headers, BODY) == "signed, but no secret to check with"
    assert verdict(SECRET, headers, BODY + b" ").startswith("invalid")
