"""Who may connect to the managed broker, and what each may read or write.

- the service account (``pushstudio``) publishes every MQ topic, reads $SYS for health, and
  changes accounts through the dynamic-security control topic;
- the IM server (``imserver``) reads ``$sktalent/server/mqttserver`` and writes every
  ``$sktalent/clients/<userID>``;
- one account per subscriber system: username = its baseCode, password derived from this
  instance's broker secret (so it can be shown again at any time without being stored); it
  reads only ``wo/push/<its baseCode>/#`` and ``org/push/<its baseCode>/#`` (organisation
  pushes);
- one account per IM user: client id = username = userID, password = authSign; it reads only
  ``$sktalent/clients/<its userID>`` and writes only ``$sktalent/server/mqttserver``.

Subscribers and IM users share the broker's namespace of usernames: a baseCode may not be an
IM userID, and neither may be one of the reserved names below.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from app.broker.dynsec import Acl, Client, Role

SERVICE_USER = "pushstudio"
IM_SERVER_USER = "imserver"
RESERVED = frozenset({SERVICE_USER, IM_SERVER_USER})

SERVER_TOPIC = "$sktalent/server/mqttserver"


def client_topic(user_id: str) -> str:
    """Where the IM server sends to one user (spec: ``$sktalent/clients/:userID``)."""
    return f"$sktalent/clients/{user_id}"


@dataclass(frozen=True, slots=True)
class Account:
    username: str
    password: str


def subscriber_password(broker_secret: str, base_code: str) -> str:
    """The MQTT password of a subscriber system: stable, and only this instance can make it."""
    digest = hmac.new(broker_secret.encode(), b"subscriber:" + base_code.encode(),
                      hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


# ``#`` never matches topics that start with ``$``: the $-trees are named one by one.
SHARED_ROLES = (
    Role("service", (
        Acl("publishClientSend", "wo/push/#"), Acl("publishClientSend", "org/push/#"),
        Acl("subscribePattern", "$SYS/#"), Acl("publishClientReceive", "$SYS/#"),
        Acl("publishClientSend", "$CONTROL/dynamic-security/#"),
        Acl("subscribePattern", "$CONTROL/dynamic-security/#"),
        Acl("publishClientReceive", "$CONTROL/dynamic-security/#"),
    )),
    Role("imserver", (
        Acl("subscribeLiteral", SERVER_TOPIC), Acl("publishClientReceive", SERVER_TOPIC),
        Acl("publishClientSend", "$sktalent/clients/#"),
    )),
    Role("imuser", (Acl("publishClientSend", SERVER_TOPIC),)),
)


def service_client(password: str) -> Client:
    return Client(SERVICE_USER, password, roles=("service",))


def im_server_client(password: str) -> Client:
    return Client(IM_SERVER_USER, password, roles=("imserver",))


def subscriber_client(base_code: str, password: str) -> Client:
    acls = tuple(acl for topic in (f"wo/push/{base_code}/#", f"org/push/{base_code}/#")
                 for acl in (Acl("subscribePattern", topic), Acl("publishClientReceive", topic)))
    return Client(base_code, password, own_roles=(Role(f"subscriber:{base_code}", acls),))


def im_user_client(user_id: str, auth_sign: str) -> Client:
    topic = client_topic(user_id)
    return Client(user_id, auth_sign, clientid=user_id, roles=("imuser",),
                  own_roles=(Role(f"user:{user_id}", (
                      Acl("subscribeLiteral", topic), Acl("publishClientReceive", topic))),))
