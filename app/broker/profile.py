"""``--broker``: the managed Mosquitto, or an external broker by URL.

``mqtt://user:pass@host:port`` (TLS with ``mqtts://``). An external broker is used as it is:
Push Studio publishes to it with the given account, and subscriber accounts and ACLs are its
operators' business.

A password in the URL is visible to anyone who can list processes (``ps``): leave it out and
put it in the environment variable ``PUSH_STUDIO_BROKER_PASSWORD`` instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True, slots=True)
class ExternalBroker:
    host: str
    port: int
    username: str | None
    password: str | None
    tls: bool

    def describe(self) -> str:
        """For logs and the status view: never the password."""
        who = f"{self.username}@" if self.username else ""
        return f"{'mqtts' if self.tls else 'mqtt'}://{who}{self.host}:{self.port}"


PASSWORD_ENV = "PUSH_STUDIO_BROKER_PASSWORD"


def parse_broker(text: str, env: Mapping[str, str] | None = None) -> ExternalBroker | None:
    """None for "managed"; ValueError, saying what is wrong, for anything unusable. A URL
    without a password takes it from ``env[PUSH_STUDIO_BROKER_PASSWORD]`` if set."""
    if text == "managed":
        return None
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:
        raise ValueError(f"--broker: {error}") from None
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        raise ValueError("--broker is 'managed' or a URL such as mqtt://user:pass@host:1883 "
                         "(mqtts:// for TLS)")
    tls = parts.scheme == "mqtts"
    password = unquote(parts.password) if parts.password else None
    if password is None and env is not None:
        password = env.get(PASSWORD_ENV) or None
    return ExternalBroker(parts.hostname, port or (8883 if tls else 1883),
                          unquote(parts.username) if parts.username else None, password, tls)
