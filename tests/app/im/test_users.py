from __future__ import annotations

import pytest

from app.im.users import ImUser, UserError, auth_sign


def test_auth_sign_is_an_hmac_of_the_user_id_and_rotates():
    sign = auth_sign("secret", "u1")
    assert len(sign) == 64 and sign == auth_sign("secret", "u1")
    assert sign != auth_sign("other", "u1") and sign != auth_sign("secret", "u2")
    assert auth_sign("secret", "u1", 1) != sign


def test_defaults_and_the_json_form():
    user = ImUser.from_json({"userID": "110640113", "name": "噜噜噜"})
    assert user.to_json() == {"userID": "110640113", "name": "噜噜噜", "role": "user",
                              "platform": "android", "channel": "official",
                              "appVersion": "1.0.0", "encoding": "json", "generation": 0}
    assert user.rotated().generation == 1


@pytest.mark.parametrize(("doc", "path"), [
    ({}, "userID"),
    ({"userID": "a/b"}, "userID"),
    ({"userID": "u1", "role": "admin"}, "role"),
    ({"userID": "u1", "platform": "windows"}, "platform"),
    ({"userID": "u1", "encoding": "xml"}, "encoding"),
    ({"userID": "u1", "name": ""}, "name"),
    ({"userID": "u1", "nmae": "x"}, "nmae"),
])
def test_bad_users_name_the_field(doc, path):
    with pytest.raises(UserError) as error:
        ImUser.from_json(doc)
    assert path in [f.path for f in error.value.findings]
