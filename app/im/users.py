"""IM users: who may connect, as what, and how their messages are shaped.

``authSign`` is what a user connects with as its MQTT password: HMAC-SHA256 of its userID
under the instance's IM secret, in hex. Rotating a user's sign bumps its ``generation``,
which goes into the HMAC too, so the old sign stops working and no other user's changes.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, replace
from typing import Any, Literal

from app.catalog.findings import Code, Finding
from app.routing.topics import CODE_HINT, is_code

Role = Literal["user", "expert"]
Platform = Literal["ios", "android"]
Encoding = Literal["json", "protobuf"]

_KNOWN = {"userID", "name", "role", "platform", "channel", "appVersion", "encoding"}


def auth_sign(secret: str, user_id: str, generation: int = 0) -> str:
    message = user_id if generation == 0 else f"{user_id}#{generation}"
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


class UserError(ValueError):
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(str(f) for f in findings))


@dataclass(frozen=True, slots=True)
class ImUser:
    user_id: str
    name: str
    role: Role = "user"
    platform: Platform = "android"
    #: The app's distribution channel (an Umeng push tag).
    channel: str = "official"
    app_version: str = "1.0.0"
    #: How 1001 work-order records reach this user: JSON text or binary protobuf.
    encoding: Encoding = "json"
    generation: int = 0

    def rotated(self) -> ImUser:
        return replace(self, generation=self.generation + 1)

    def push_tags(self) -> list[str]:
        """Umeng tags (spec §3): channel, version, and expert or user."""
        return [self.channel, self.app_version, self.role]

    def to_json(self) -> dict[str, Any]:
        return {"userID": self.user_id, "name": self.name, "role": self.role,
                "platform": self.platform, "channel": self.channel,
                "appVersion": self.app_version, "encoding": self.encoding,
                "generation": self.generation}

    @classmethod
    def from_json(cls, obj: object) -> ImUser:
        """Read the API's JSON form; UserError names every bad field and its fix."""
        if not isinstance(obj, dict):
            raise UserError([Finding("", Code.TYPE, "a user is a JSON object",
                                     hint='{"userID": "u1001", "name": "张三"}')])
        findings: list[Finding] = []
        for key in obj:
            if key not in _KNOWN and key != "generation":
                findings.append(Finding(str(key), Code.UNKNOWN_KEY, f"unknown field {key!r}",
                                        hint="fields: " + ", ".join(sorted(_KNOWN))))
        user_id = obj.get("userID")
        if user_id is None:
            findings.append(Finding("userID", Code.MISSING, "userID is required",
                                    hint="the user's id, e.g. \"110640113\""))
        elif not is_code(user_id):
            findings.append(Finding("userID", Code.TYPE, f"{user_id!r} is not a usable userID",
                                    hint=CODE_HINT.replace("an MQTT topic level",
                                                           "its MQTT client id and topic")))

        def choice(key: str, options: tuple[str, ...], default: str) -> str:
            value = obj.get(key, default)
            if value not in options:
                findings.append(Finding(key, Code.ENUM, f"{value!r} is not a {key}",
                                        hint="one of " + ", ".join(options)))
                return default
            return value

        def text(key: str, default: str) -> str:
            value = obj.get(key, default)
            if not isinstance(value, str) or not value.strip() or len(value) > 100:
                findings.append(Finding(key, Code.TYPE, f"{key} must be a non-empty string "
                                        "(at most 100 characters)"))
                return default
            return value

        user = cls(user_id=user_id if isinstance(user_id, str) else "",
                   name=text("name", user_id if isinstance(user_id, str) else "user"),
                   role=choice("role", ("user", "expert"), "user"),  # type: ignore[arg-type]
                   platform=choice("platform", ("ios", "android"), "android"),  # type: ignore[arg-type]
                   channel=text("channel", "official"),
                   app_version=text("appVersion", "1.0.0"),
                   encoding=choice("encoding", ("json", "protobuf"), "json"))  # type: ignore[arg-type]
        if findings:
            raise UserError(findings)
        return user
