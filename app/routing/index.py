"""Which subscriptions an event goes to, at a cost in proportion to the matches.

The index maps changeId → dataArea → subscriptions, with ``*`` subscriptions under their own
key, so matching one event is two dict lookups and a walk over the subscriptions it matches,
never over all of them. Disabled subscriptions are not in the index at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.routing.subscription import ALL_AREAS, Subscription


class SubscriptionIndex:
    """Every subscription by baseCode, and the enabled ones indexed for matching."""

    def __init__(self, subscriptions: Iterable[Subscription] = ()) -> None:
        self._all: dict[str, Subscription] = {}
        # changeId → dataArea (or "*") → baseCode → subscription. Inner dicts keep insertion
        # order, so matches come out in the order subscriptions were added.
        self._index: dict[str, dict[str, dict[str, Subscription]]] = {}
        for sub in subscriptions:
            self.put(sub)

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self):
        return iter(self._all.values())

    def get(self, base_code: str) -> Subscription | None:
        return self._all.get(base_code)

    def put(self, sub: Subscription) -> None:
        """Add or replace (by baseCode)."""
        self.remove(sub.base_code)
        self._all[sub.base_code] = sub
        if not sub.enabled:
            return
        for change_id in _unique(sub.routing_keys):
            by_area = self._index.setdefault(change_id, {})
            for area in _unique(sub.scope_of(change_id)):
                by_area.setdefault(area, {})[sub.base_code] = sub

    def remove(self, base_code: str) -> Subscription | None:
        old = self._all.pop(base_code, None)
        if old is None or not old.enabled:
            return old
        for change_id in _unique(old.routing_keys):
            by_area = self._index[change_id]
            for area in _unique(old.scope_of(change_id)):
                subs = by_area[area]
                del subs[base_code]
                if not subs:
                    del by_area[area]
            if not by_area:
                del self._index[change_id]
        return old

    def match(self, data_area: str, change_id: str) -> list[Subscription]:
        """The enabled subscriptions whose scope holds ``data_area`` and content ``change_id``."""
        by_area = self._index.get(change_id)
        if by_area is None:
            return []
        exact = by_area.get(data_area)
        wildcard = by_area.get(ALL_AREAS) if data_area != ALL_AREAS else None
        if exact is None:
            return list(wildcard.values()) if wildcard else []
        if wildcard is None:
            return list(exact.values())
        # A subscription is in one of the two only (from_json keeps "*" alone), but one built
        # by hand may name both: never deliver twice.
        return list({**exact, **wildcard}.values())


def _unique(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Codes without repeats, in order: Subscription.from_json dedups, a hand-built one may
    not, and a repeat would break remove()."""
    return tuple(dict.fromkeys(codes))
