from __future__ import annotations

from app.broker.accounts import (
    SHARED_ROLES,
    im_user_client,
    service_client,
    subscriber_client,
    subscriber_password,
)


def test_subscriber_passwords_are_stable_and_secret_dependent():
    assert subscriber_password("s1", "HRZ") == subscriber_password("s1", "HRZ")
    assert subscriber_password("s1", "HRZ") != subscriber_password("s2", "HRZ")
    assert subscriber_password("s1", "HRZ") != subscriber_password("s1", "ABC")
    assert len(subscriber_password("s1", "HRZ")) == 24


def test_an_im_user_is_bound_to_its_client_id_and_its_own_topic():
    client = im_user_client("u1", "sign")
    assert client.clientid == "u1" and client.password == "sign"
    (own,) = client.own_roles
    assert {(a.kind, a.topic) for a in own.acls} == {
        ("subscribeLiteral", "$sktalent/clients/u1"),
        ("publishClientReceive", "$sktalent/clients/u1")}
    imuser = next(r for r in SHARED_ROLES if r.name == "imuser")
    assert [(a.kind, a.topic) for a in imuser.acls] == [
        ("publishClientSend", "$sktalent/server/mqttserver")]


def test_a_subscriber_reads_its_own_tree_and_the_service_account_every_tree():
    (own,) = subscriber_client("HRZ", "pw").own_roles
    assert {a.topic for a in own.acls} == {"wo/push/HRZ/#", "org/push/HRZ/#"}
    assert subscriber_client("HRZ", "pw").clientid is None  # several consumers may share it
    assert service_client("pw").roles == ("service",)
