from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.broker.accounts import (
    Account,
    acl_file,
    mosquitto_hash,
    password_file,
    subscriber_password,
)


def test_subscriber_passwords_are_stable_and_secret_dependent():
    assert subscriber_password("s1", "HRZ") == subscriber_password("s1", "HRZ")
    assert subscriber_password("s1", "HRZ") != subscriber_password("s2", "HRZ")
    assert subscriber_password("s1", "HRZ") != subscriber_password("s1", "ABC")
    assert len(subscriber_password("s1", "HRZ")) == 24


def test_hash_matches_the_mosquitto_format():
    assert mosquitto_hash("s3cret", bytes(12)).startswith("$7$101$AAAAAAAAAAAAAAAA$")


@pytest.mark.skipif(not Path("/usr/bin/mosquitto_passwd").exists(),
                    reason="mosquitto_passwd not installed")
def test_mosquitto_passwd_agrees(tmp_path):
    """Write a file with mosquitto_passwd, then check our hash of the same salt equals it."""
    import base64
    path = tmp_path / "pw"
    subprocess.run(["mosquitto_passwd", "-c", "-b", str(path), "alice", "s3cret"], check=True)
    theirs = path.read_text().strip().split(":", 1)[1]
    salt = base64.b64decode(theirs.split("$")[3])
    assert mosquitto_hash("s3cret", salt) == theirs


def test_password_file_and_acl():
    text = password_file([Account("pushstudio", "a"), Account("HRZ", "b")])
    assert [line.split(":")[0] for line in text.splitlines()] == ["pushstudio", "HRZ"]
    acl = acl_file()
    assert "pattern read wo/push/%u/#" in acl and "topic read $SYS/#" in acl
