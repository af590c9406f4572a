"""Standard Webhooks signatures: ``webhook-id``, ``webhook-timestamp``, ``webhook-signature``.

The signature is ``v1,<base64 HMAC-SHA256 of "id.timestamp.body">`` under the subscription's
``whsec_`` secret; the standardwebhooks library computes it, the same one a receiver uses to
verify. The id is fixed per delivery, so every retry — and a duplicate after a crash — carries
the same ``webhook-id`` and a receiver can deduplicate on it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def webhook_id(instance: str, delivery_id: int) -> str:
    """Stable across attempts and restarts; unique across Push Studio instances."""
    return f"msg_{instance}_{delivery_id}"


def sign(secret: str, msg_id: str, body: bytes, now: datetime | None = None) -> dict[str, str]:
    """The three headers for one attempt."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    signature = Webhook(secret).sign(msg_id, moment, body.decode())
    return {"webhook-id": msg_id, "webhook-timestamp": str(int(moment.timestamp())),
            "webhook-signature": signature}


def verdict(secret: str | None, headers: dict[str, str], body: bytes) -> str:
    """What a receiver would conclude: "valid", "unsigned", "no secret to check with", or
    why the signature is wrong."""
    present = {k.lower() for k in headers}
    if "webhook-signature" not in present:
        return "unsigned"
    if not secret:
        return "signed, but no secret to check with"
    try:
        Webhook(secret).verify(body, headers, json_parse=False)
    except WebhookVerificationError as error:
        return f"invalid: {error}"
    return "valid"
