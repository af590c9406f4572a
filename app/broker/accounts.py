"""Who may connect to the managed broker, and what each may read or write.

- the service account (``pushstudio``): publishes every MQ topic, reads $SYS for health;
- one account per subscriber system: username = its baseCode, password derived from this
  instance's broker secret, so it can be shown again at any time without being stored; it
  may read only ``wo/push/<its baseCode>/#``.

Mosquitto reads these as a password file (``$7$`` PBKDF2-SHA512 hashes, the format of
``mosquitto_passwd``) and an ACL file; both are rewritten and reloaded (SIGHUP) when
subscriptions change.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Iterable
from dataclasses import dataclass

SERVICE_USER = "pushstudio"
#: What mosquitto_passwd uses for $7$ hashes.
ITERATIONS = 101


@dataclass(frozen=True, slots=True)
class Account:
    username: str
    password: str


def subscriber_password(broker_secret: str, base_code: str) -> str:
    """The MQTT password of a subscriber system: stable, and only this instance can make it."""
    digest = hmac.new(broker_secret.encode(), b"subscriber:" + base_code.encode(),
                      hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


def mosquitto_hash(password: str, salt: bytes | None = None) -> str:
    """A password-file hash as ``mosquitto_passwd`` writes it: ``$7$101$<salt>$<hash>``."""
    salt = salt if salt is not None else os.urandom(12)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, ITERATIONS)
    return (f"$7${ITERATIONS}${base64.b64encode(salt).decode()}$"
            f"{base64.b64encode(digest).decode()}")


def password_file(accounts: Iterable[Account]) -> str:
    return "".join(f"{a.username}:{mosquitto_hash(a.password)}\n" for a in accounts)


def acl_file() -> str:
    """Topic rights. ``#`` never matches topics starting with ``$``, so the $-trees are named."""
    return "\n".join([
        "# Written by Push Studio; rewritten when subscriptions change.",
        f"user {SERVICE_USER}",
        "topic readwrite wo/push/#",
        "topic readwrite $sktalent/#",
        "topic read $SYS/#",
        "",
        "# Every other account is a subscriber system named by its baseCode: its own topic only.",
        "pattern read wo/push/%u/#",
        "",
    ])
