from __future__ import annotations

import base64
import hashlib

from app.broker.accounts import SHARED_ROLES, im_user_client, subscriber_client
from app.broker.dynsec import Client, commands, config_file


def test_the_config_file_denies_by_default_and_hashes_passwords():
    doc = config_file([im_user_client("u1", "sign")], SHARED_ROLES)
    assert doc["defaultACLAccess"] == {"publishClientSend": False,
                                       "publishClientReceive": False, "subscribe": False,
                                       "unsubscribe": True}
    (client,) = doc["clients"]
    assert client["clientid"] == "u1" and "sign" not in str(client)
    digest = hashlib.pbkdf2_hmac("sha512", b"sign", base64.b64decode(client["salt"]),
                                 client["iterations"])
    assert base64.b64decode(client["password"]) == digest
    assert {r["rolename"] for r in doc["roles"]} == {"service", "imserver", "imuser",
                                                    "user:u1"}


def test_commands_move_from_one_set_of_accounts_to_another():
    a, b = im_user_client("a", "1"), subscriber_client("B", "2")
    assert commands({}, {}) == []
    assert commands({"a": a}, {"a": a}) == []
    created = commands({}, {"a": a})
    assert [c["command"] for c in created] == ["createRole", "createClient"]
    assert created[1] == {"command": "createClient", "username": "a", "password": "1",
                          "roles": [{"rolename": "imuser"}, {"rolename": "user:a"}],
                          "clientid": "a"}
    rotated = commands({"a": a}, {"a": im_user_client("a", "new")})
    assert [c["command"] for c in rotated] == ["deleteClient", "deleteRole", "createRole",
                                               "createClient"]
    gone = commands({"a": a, "B": b}, {"a": a})
    assert gone == [{"command": "deleteClient", "username": "B"},
                    {"command": "deleteRole", "rolename": "subscriber:B"}]


def test_a_client_without_own_roles():
    assert commands({}, {"x": Client("x", "p", roles=("service",))}) == [
        {"command": "createClient", "username": "x", "password": "p",
         "roles": [{"rolename": "service"}]}]
