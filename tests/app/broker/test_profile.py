from __future__ import annotations

import pytest

from app.broker.profile import ExternalBroker, parse_broker


def test_managed_is_none():
    assert parse_broker("managed") is None


@pytest.mark.parametrize(("url", "expected"), [
    ("mqtt://u:p%40ss@broker.lan:1884", ExternalBroker("broker.lan", 1884, "u", "p@ss", False)),
    ("mqtts://broker.lan", ExternalBroker("broker.lan", 8883, None, None, True)),
    ("mqtt://10.0.0.5", ExternalBroker("10.0.0.5", 1883, None, None, False)),
])
def test_urls(url, expected):
    assert parse_broker(url) == expected


@pytest.mark.parametrize("url", ["http://x", "mqtt://", "mqtt://h:99999", "local"])
def test_bad_urls_say_what_to_write(url):
    with pytest.raises(ValueError, match="--broker"):
        parse_broker(url)


def test_describe_hides_the_password():
    text = parse_broker("mqtt://u:secret@h:1").describe()
    assert "secret" not in text and text == "mqtt://u@h:1"


def test_the_password_can_come_from_the_environment_instead_of_the_command_line():
    env = {"PUSH_STUDIO_BROKER_PASSWORD": "s3cret"}
    assert parse_broker("mqtt://u@h:1", env).password == "s3cret"
    assert parse_broker("mqtt://u:inline@h:1", env).password == "inline"  # the URL wins
    assert parse_broker("mqtt://u@h:1", {}).password is None
