"""MQ topic names (spec: each subscriber's topic, with the dataArea as the message tag)."""

from __future__ import annotations


def topic_for(base_code: str, data_area: str) -> str:
    """The MQ topic of one delivery: ``wo/push/<baseCode>/<dataArea>``."""
    return f"wo/push/{base_code}/{data_area}"
