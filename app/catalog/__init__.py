"""Message families, their schemas and examples, validation and the trackInfo rules."""

from __future__ import annotations

from functools import cache

from app.catalog.registry import Catalog


@cache
def default_catalog() -> Catalog:
    """The catalogue with every family Push Studio ships (built once, immutable)."""
    from app.catalog.checks import WORKORDER_CHECKS
    from app.catalog.org import ORG
    from app.catalog.rich import RICH
    from app.catalog.wecom import WECOM
    from app.catalog.wecom_checks import WECOM_CHECKS
    from app.catalog.workorder import WORKORDER

    return Catalog((WORKORDER, ORG, RICH, WECOM), {**WORKORDER_CHECKS, **WECOM_CHECKS})


__all__ = ["Catalog", "default_catalog"]
