"""A subscriber system (报备注册): its scope (dataAreas), content (changeIds) and delivery;
and, for organisation data-change pushes, the push types it wants (orgTypes) from which
organisations (orgIds).

``Subscription.from_json`` is the one place input from the API, the CLI, scenarios and the
GUI becomes a subscription; every problem is a Finding naming the field and the fix.
"""

from __future__ import annotations

import base64
import re
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal
from urllib.parse import urlsplit

from app.catalog.findings import Code, Finding
from app.catalog.org import ORG, parse_type
from app.routing.topics import CODE_HINT, is_code, is_org_key, org_key

ALL_AREAS = "*"
#: Delay before each attempt (seconds): at once, then 5 s, 30 s, 2 min, 10 min, 30 min.
DEFAULT_RETRY_SCHEDULE = (0.0, 5.0, 30.0, 120.0, 600.0, 1800.0)
#: Names a subscriber system cannot take: its baseCode is also its MQTT username, and the
#: managed broker's own service account is called this (app.broker.accounts.SERVICE_USER).
RESERVED_BASE_CODES = frozenset({"pushstudio"})
DEFAULT_TIMEOUT = 15.0
DEFAULT_CONCURRENCY = 4
#: Deliveries in a row that exhaust their retries before the subscription is disabled.
DEFAULT_AUTO_DISABLE_AFTER = 5

Encoding = Literal["string", "object"]
#: "none": deliveries overtake each other freely (fastest); "per-order": one work order's
#: events reach the subscriber in the order they were accepted, each waiting for the one
#: before it to be delivered or to have failed for good.
Ordering = Literal["none", "per-order"]


def redact_url(value: object) -> object:
    """A URL with any password in it replaced by ***, fit for findings and logs."""
    if not isinstance(value, str):
        return value
    return _PASSWORD.sub(r"\1***@", value)


_PASSWORD = re.compile(r"(//[^/@:?#]*:)[^/@?#]*@")


class SubscriptionError(ValueError):
    """Input that does not make a subscription; ``findings`` names each bad field."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        super().__init__("; ".join(str(f) for f in findings))


@dataclass(frozen=True, slots=True)
class Subscription:
    """One subscriber system, with the fields of the external contract in DESIGN.md."""

    base_code: str
    name: str
    data_areas: tuple[str, ...]
    change_ids: tuple[str, ...]
    callback_url: str | None = None
    data_encoding: Encoding = "string"
    secret: str | None = None
    retry_schedule: tuple[float, ...] = DEFAULT_RETRY_SCHEDULE
    enabled: bool = True
    #: Send our baseCode in the callback body; the spec marks it 已失效 and sends "".
    send_base_code: bool = False
    timeout: float = DEFAULT_TIMEOUT
    #: Callbacks in flight at once for this subscriber (its lane's workers).
    concurrency: int = DEFAULT_CONCURRENCY
    ordering: Ordering = "none"
    #: Disable the subscription after this many deliveries in a row failed for good (0: never).
    auto_disable_after: int = DEFAULT_AUTO_DISABLE_AFTER
    #: Why the callback service disabled it (410 Gone, too many failures), if it did.
    disabled_reason: str | None = None
    #: Organisation push types it subscribes to (MessageType codes as strings, "11"), and the
    #: organisations it hears them from (org_ids as strings, or "*" for every one).
    org_types: tuple[str, ...] = ()
    org_ids: tuple[str, ...] = (ALL_AREAS,)

    @property
    def all_areas(self) -> bool:
        return self.data_areas == (ALL_AREAS,)

    def covers_area(self, data_area: str) -> bool:
        return self.all_areas or data_area in self.data_areas

    def covers_org(self, org_id: str) -> bool:
        return self.org_ids == (ALL_AREAS,) or org_id in self.org_ids

    @property
    def routing_keys(self) -> tuple[str, ...]:
        """What the index files it under: its changeIds, then ``org:<type>`` per org type."""
        return self.change_ids + tuple(org_key(t) for t in self.org_types)

    def scope_of(self, key: str) -> tuple[str, ...]:
        """The scope a routing key is matched in: data areas, or org_ids for org pushes."""
        return self.org_ids if is_org_key(key) else self.data_areas

    def with_changes(self, **changes: Any) -> Subscription:
        return replace(self, **changes)

    def to_json(self, *, reveal_secret: bool = False) -> dict[str, Any]:
        """The contract's camelCase form, the secret masked unless ``reveal_secret`` (for the
        store, and for its owner through an authenticated API) — masked is the safe default
        for logs, events and listings."""
        out: dict[str, Any] = {
            "baseCode": self.base_code,
            "name": self.name,
            "dataAreas": list(self.data_areas),
            "changeIds": list(self.change_ids),
            "callbackUrl": self.callback_url,
            "dataEncoding": self.data_encoding,
            "secret": self.secret if reveal_secret or not self.secret else "whsec_…",
            "retrySchedule": list(self.retry_schedule),
            "enabled": self.enabled,
            "sendBaseCode": self.send_base_code,
            "timeout": self.timeout,
            "concurrency": self.concurrency,
            "ordering": self.ordering,
            "autoDisableAfter": self.auto_disable_after,
            "disabledReason": self.disabled_reason,
            "orgTypes": [int(t) for t in self.org_types],
            "orgIds": [ALL_AREAS] if self.org_ids == (ALL_AREAS,)
            else [int(o) for o in self.org_ids],
        }
        return out

    def __repr__(self) -> str:  # never print the secret
        d = asdict(self)
        if d["secret"]:
            d["secret"] = "whsec_…"
        return f"Subscription({d})"

    @classmethod
    def from_json(cls, obj: object, known_change_ids: tuple[str, ...],
                  *, base_code: str | None = None) -> Subscription:
        """Read the contract's JSON form; SubscriptionError lists every bad field.

        ``base_code`` is the one from a URL (PUT /api/subscriptions/{baseCode}); the body
        may omit it, and may not contradict it.
        """
        return _Reader(known_change_ids).read(obj, base_code)


_KNOWN_KEYS = {"baseCode", "name", "dataAreas", "changeIds", "callbackUrl", "dataEncoding",
               "secret", "retrySchedule", "enabled", "sendBaseCode", "timeout", "concurrency",
               "ordering", "autoDisableAfter", "disabledReason", "orgTypes", "orgIds"}


class _Reader:
    def __init__(self, known_change_ids: tuple[str, ...]) -> None:
        self.known = known_change_ids
        self.findings: list[Finding] = []

    def bad(self, path: str, message: str, hint: str | None = None) -> None:
        self.findings.append(Finding(path, Code.TYPE, message, hint=hint))

    def read(self, obj: object, url_code: str | None) -> Subscription:
        if not isinstance(obj, dict):
            raise SubscriptionError([Finding("", Code.TYPE, "a subscription is a JSON object",
                                             hint='{"baseCode": "...", "dataAreas": [...], '
                                                  '"changeIds": [...]}')])
        for key in obj:
            if key not in _KNOWN_KEYS:
                lower = {k.casefold(): k for k in _KNOWN_KEYS}
                guess = lower.get(str(key).strip().casefold())
                self.findings.append(Finding(str(key), Code.UNKNOWN_KEY, f"unknown field {key!r}",
                                             hint=f"did you mean {guess}?" if guess else
                                             "fields: " + ", ".join(sorted(_KNOWN_KEYS))))
        body_code = obj.get("baseCode")
        code = self.base_code(url_code if body_code is None else body_code, url_code)
        org_types = self.org_types(obj.get("orgTypes"))
        # A subscriber of organisation pushes only may leave the work-order fields out.
        org_only = bool(org_types) and obj.get("changeIds") in (None, [])
        sub = Subscription(
            base_code=code,
            name=self.string(obj, "name", default=code),
            data_areas=(self.data_areas(obj["dataAreas"]) if org_only and "dataAreas" in obj
                        else (ALL_AREAS,) if org_only else self.data_areas(obj.get("dataAreas"))),
            change_ids=() if org_only else self.change_ids(obj.get("changeIds")),
            org_types=org_types,
            org_ids=self.org_ids(obj.get("orgIds")),
            callback_url=self.url(obj.get("callbackUrl")),
            data_encoding=self.encoding(obj.get("dataEncoding", "string")),
            secret=self.secret(obj.get("secret")),
            retry_schedule=self.schedule(obj.get("retrySchedule", list(DEFAULT_RETRY_SCHEDULE))),
            enabled=self.boolean(obj, "enabled", True),
            send_base_code=self.boolean(obj, "sendBaseCode", False),
            timeout=self.timeout(obj.get("timeout", DEFAULT_TIMEOUT)),
            concurrency=self.concurrency(obj.get("concurrency", DEFAULT_CONCURRENCY)),
            ordering=self.ordering(obj.get("ordering", "none")),
            auto_disable_after=self.auto_disable(obj.get("autoDisableAfter",
                                                         DEFAULT_AUTO_DISABLE_AFTER)),
            disabled_reason=self.reason(obj.get("disabledReason")),
        )
        if self.findings:
            raise SubscriptionError(self.findings)
        return sub

    def base_code(self, value: object, url_code: str | None) -> str:
        if value is None:
            self.findings.append(Finding("baseCode", Code.MISSING, "baseCode is required",
                                         hint='the subscriber\'s code, e.g. "HRZDWYWHXT"'))
            return ""
        if not is_code(value):
            self.bad("baseCode", f"{value!r} is not a usable baseCode", CODE_HINT)
            return ""
        if value.casefold() in RESERVED_BASE_CODES:
            self.bad("baseCode", f"{value!r} is reserved: it is the broker's service account",
                     "choose another code")
            return ""
        if url_code is not None and value != url_code:
            self.bad("baseCode", f"body says {value!r} but the URL says {url_code!r}",
                     "leave baseCode out of the body, or make them equal")
        return value

    def string(self, obj: dict, key: str, default: str) -> str:
        value = obj.get(key, default)
        if not isinstance(value, str):
            self.bad(key, f"{key} must be a string")
            return default
        return value

    def boolean(self, obj: dict, key: str, default: bool) -> bool:
        value = obj.get(key, default)
        if not isinstance(value, bool):
            self.bad(key, f"{key} must be true or false, not {value!r}")
            return default
        return value

    def data_areas(self, value: object) -> tuple[str, ...]:
        if value is None:
            self.findings.append(Finding("dataAreas", Code.MISSING, "dataAreas is required",
                                         hint='a list of data-area codes such as ["fwwt"], '
                                              'or ["*"] for every data area'))
            return ()
        if not isinstance(value, list) or not value:
            self.bad("dataAreas", "dataAreas must be a non-empty list of data-area codes",
                     '["fwwt"], or ["*"] for every data area')
            return ()
        areas: list[str] = []
        for i, area in enumerate(value):
            if area == ALL_AREAS:
                if len(value) > 1:
                    self.bad(f"dataAreas[{i}]", '"*" already means every data area',
                             'use ["*"] alone')
                areas.append(area)
            elif is_code(area):
                if area not in areas:
                    areas.append(area)
            else:
                self.bad(f"dataAreas[{i}]", f"{area!r} is not a data-area code",
                         "letters, digits, '_', '-' or '.', as in the catalogue (fwwt, 10008)")
        return tuple(areas)

    def change_ids(self, value: object) -> tuple[str, ...]:
        if value is None:
            self.findings.append(Finding("changeIds", Code.MISSING, "changeIds is required",
                                         hint='a list of changeId strings, e.g. ["1", "2", "3"]'))
            return ()
        if not isinstance(value, list) or not value:
            self.bad("changeIds", "changeIds must be a non-empty list of changeId strings",
                     '["1", "5", "2", "3"]')
            return ()
        ids: list[str] = []
        for i, change_id in enumerate(value):
            if isinstance(change_id, int) and not isinstance(change_id, bool):
                self.bad(f"changeIds[{i}]", f"changeIds are strings: {change_id!r}",
                         f'send "{change_id}", not {change_id}')
            elif change_id not in self.known:
                self.findings.append(Finding(f"changeIds[{i}]", Code.ENUM,
                                             f"{change_id!r} is not a known changeId",
                                             hint="one of " + ", ".join(self.known)))
            elif change_id not in ids:
                ids.append(change_id)
        return tuple(sorted(ids, key=int))

    def org_types(self, value: object) -> tuple[str, ...]:
        if value in (None, []):
            return ()
        if not isinstance(value, list):
            self.bad("orgTypes", "orgTypes must be a list of organisation push types",
                     "MessageType codes or names, e.g. [11, 202] or [\"ORG_UPDATED\"]")
            return ()
        codes: list[str] = []
        for i, item in enumerate(value):
            code = parse_type(item)
            if code is None:
                self.findings.append(Finding(
                    f"orgTypes[{i}]", Code.ENUM,
                    f"{item!r} is not an organisation push type",
                    hint="one of " + ", ".join(f"{t.id} {t.en}" for t in ORG.types)))
            elif str(code) not in codes:
                codes.append(str(code))
        return tuple(sorted(codes, key=int))

    def org_ids(self, value: object) -> tuple[str, ...]:
        if value is None:
            return (ALL_AREAS,)
        if not isinstance(value, list) or not value:
            self.bad("orgIds", "orgIds must be a non-empty list of organisation ids",
                     'e.g. [123], or ["*"] (the default) for every organisation')
            return (ALL_AREAS,)
        if value == [ALL_AREAS]:
            return (ALL_AREAS,)
        ids: list[str] = []
        for i, org_id in enumerate(value):
            if isinstance(org_id, int) and not isinstance(org_id, bool) and org_id >= 0:
                if str(org_id) not in ids:
                    ids.append(str(org_id))
            else:
                self.bad(f"orgIds[{i}]", f"{org_id!r} is not an organisation id",
                         'a whole number such as 123; ["*"] alone means every organisation')
        return tuple(ids) or (ALL_AREAS,)

    def url(self, value: object) -> str | None:
        if value in (None, ""):
            return None
        problem = None
        if not isinstance(value, str):
            problem = "must be a string"
        elif any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value):
            # urlsplit and the HTTP client both drop tabs and newlines silently: the callback
            # would go to another host than the one shown.
            problem = "contains whitespace or control characters"
        else:
            try:
                parts = urlsplit(value)
                parts.port  # noqa: B018 - raises ValueError for a port out of range
            except ValueError as error:
                problem = str(error)
            else:
                if parts.scheme not in ("http", "https") or not parts.hostname:
                    problem = "is not an http(s) URL with a host"
        if problem:
            self.bad("callbackUrl", f"callbackUrl {problem}: {redact_url(value)!r}",
                     "e.g. http://127.0.0.1:9000/callback, or leave it out for MQTT only")
            return None
        return value  # type: ignore[return-value]

    def encoding(self, value: object) -> Encoding:
        if value not in ("string", "object"):
            self.findings.append(Finding("dataEncoding", Code.ENUM,
                                         f"{value!r} is not a data encoding",
                                         hint='"string" (data as a JSON string, as the spec\'s '
                                              'table says) or "object" (as its examples show)'))
            return "string"
        return value  # type: ignore[return-value]

    def secret(self, value: object) -> str | None:
        if value in (None, ""):
            return None
        ok = isinstance(value, str) and value.startswith("whsec_")
        if ok:
            try:
                ok = len(base64.b64decode(value[6:], validate=True)) >= 16
            except ValueError:
                ok = False
        if not ok:
            self.bad("secret", "secret must be whsec_ followed by base64 of at least 16 bytes",
                     "whsec_ plus base64, as Standard Webhooks libraries generate; "
                     "leave it out for unsigned callbacks")
            return None
        return value  # type: ignore[return-value]

    def schedule(self, value: object) -> tuple[float, ...]:
        if not isinstance(value, list) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 7 * 86400
            for v in value
        ):
            self.bad("retrySchedule", "retrySchedule must be a list of delays in seconds "
                     "(0 to 604800)", "e.g. [5, 30, 120, 600]; [] means no retry")
            return DEFAULT_RETRY_SCHEDULE
        return tuple(float(v) for v in value)

    def concurrency(self, value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 64:
            self.bad("concurrency", "concurrency must be a whole number from 1 to 64",
                     "callbacks in flight at once for this subscriber; the default is 4")
            return DEFAULT_CONCURRENCY
        return value

    def ordering(self, value: object) -> Ordering:
        if value not in ("none", "per-order"):
            self.findings.append(Finding("ordering", Code.ENUM,
                                         f"{value!r} is not an ordering",
                                         hint='"none" (the default: fastest) or "per-order" '
                                              "(one order's events arrive in the order they "
                                              "were accepted)"))
            return "none"
        return value  # type: ignore[return-value]

    def auto_disable(self, value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10_000:
            self.bad("autoDisableAfter", "autoDisableAfter must be a whole number from 0 to "
                     "10000", "deliveries in a row that fail for good before the "
                     f"subscription is disabled; 0 never disables; the default is "
                     f"{DEFAULT_AUTO_DISABLE_AFTER}")
            return DEFAULT_AUTO_DISABLE_AFTER
        return value

    def reason(self, value: object) -> str | None:
        if value is None or isinstance(value, str):
            return value or None
        self.bad("disabledReason", "disabledReason must be a string or null")
        return None

    def timeout(self, value: object) -> float:
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 300:
            self.bad("timeout", "timeout must be a number of seconds, above 0 and at most 300",
                     "the default is 15")
            return DEFAULT_TIMEOUT
        return float(value)
