"""Mosquitto's dynamic-security plugin: accounts bound to client ids, and roles per account.

Why the plugin and not a password file: the IM protocol says clientid = username = userID,
and a client that connects with another client id must be refused at CONNECT. A password file
cannot say that; a dynamic-security client with ``clientid`` set can. The plugin also takes
account changes at run time over ``$CONTROL/dynamic-security/v1`` without a restart, which a
thousand simulated users need.

Two forms of the same accounts:
- ``config_file``: the plugin's JSON, written before Mosquitto starts (PBKDF2-SHA512 hashes, as
  the plugin stores them);
- ``commands``: control commands that move a running broker from one set of accounts to
  another, sent by the service account.

Everything is denied unless a role allows it. Mosquitto 2.0's plugin does not expand ``%u``
in ACLs, so each account that reads its own topics gets its own role with literal topics.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ITERATIONS = 101
CONTROL_TOPIC = "$CONTROL/dynamic-security/v1"
RESPONSE_TOPIC = "$CONTROL/dynamic-security/v1/response"

#: Where the plugin lives when Mosquitto does not say (Debian, Homebrew, the Windows installer).
PLUGIN_PLACES = ("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so",
                 "/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so",
                 "/usr/lib/mosquitto_dynamic_security.so",
                 "/usr/local/lib/mosquitto_dynamic_security.so",
                 "/opt/homebrew/lib/mosquitto_dynamic_security.so",
                 "/opt/homebrew/opt/mosquitto/lib/mosquitto_dynamic_security.so",
                 "/usr/local/opt/mosquitto/lib/mosquitto_dynamic_security.so",
                 r"C:\Program Files\mosquitto\mosquitto_dynamic_security.dll")


@dataclass(frozen=True, slots=True)
class Acl:
    #: publishClientSend | publishClientReceive | subscribeLiteral | subscribePattern
    kind: str
    topic: str

    def to_json(self) -> dict[str, Any]:
        return {"acltype": self.kind, "topic": self.topic, "priority": 0, "allow": True}


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    acls: tuple[Acl, ...]

    def to_json(self) -> dict[str, Any]:
        return {"rolename": self.name, "acls": [a.to_json() for a in self.acls]}


@dataclass(frozen=True, slots=True)
class Client:
    username: str
    password: str
    #: When set, the only client id this account may connect with.
    clientid: str | None = None
    roles: tuple[str, ...] = ()
    #: Roles only this client has (its own topics), created and deleted with it.
    own_roles: tuple[Role, ...] = field(default=(), compare=True)

    def to_json(self, salt: bytes | None = None) -> dict[str, Any]:
        salt = salt if salt is not None else os.urandom(12)
        digest = hashlib.pbkdf2_hmac("sha512", self.password.encode(), salt, ITERATIONS)
        out: dict[str, Any] = {
            "username": self.username, "password": base64.b64encode(digest).decode(),
            "salt": base64.b64encode(salt).decode(), "iterations": ITERATIONS,
            "roles": [{"rolename": r} for r in self.all_roles]}
        if self.clientid is not None:
            out["clientid"] = self.clientid
        return out

    @property
    def all_roles(self) -> tuple[str, ...]:
        return self.roles + tuple(r.name for r in self.own_roles)


def find_plugin(binary: str | None) -> str | None:
    """The plugin beside the Mosquitto binary, or in a known place."""
    candidates = []
    if binary:
        folder = os.path.dirname(os.path.realpath(binary))
        candidates += [os.path.join(folder, "mosquitto_dynamic_security.dll"),
                       os.path.join(folder, "..", "lib", "mosquitto_dynamic_security.so")]
    candidates += PLUGIN_PLACES
    return next((os.path.normpath(p) for p in candidates if os.path.exists(p)), None)


def config_file(clients: Iterable[Client], shared_roles: Iterable[Role]) -> dict[str, Any]:
    """The plugin's configuration JSON for exactly these accounts."""
    clients = list(clients)
    roles = [*shared_roles, *(r for c in clients for r in c.own_roles)]
    return {
        "defaultACLAccess": {"publishClientSend": False, "publishClientReceive": False,
                             "subscribe": False, "unsubscribe": True},
        "clients": [c.to_json() for c in clients],
        "groups": [],
        "roles": [r.to_json() for r in roles],
    }


def commands(before: dict[str, Client], after: dict[str, Client]) -> list[dict[str, Any]]:
    """Control commands that turn the accounts ``before`` into ``after`` (by username)."""
    out: list[dict[str, Any]] = []
    for name, client in before.items():
        if name not in after or after[name] != client:
            out.append({"command": "deleteClient", "username": name})
            out += [{"command": "deleteRole", "rolename": r.name} for r in client.own_roles]
    for name, client in after.items():
        if name in before and before[name] == client:
            continue
        out += [{"command": "createRole", **r.to_json()} for r in client.own_roles]
        create: dict[str, Any] = {"command": "createClient", "username": name,
                                  "password": client.password,
                                  "roles": [{"rolename": r} for r in client.all_roles]}
        if client.clientid is not None:
            create["clientid"] = client.clientid
        out.append(create)
    return out
