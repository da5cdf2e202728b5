"""Stable links into the knowledge library for other apps: by key (V3, SF12, loslaten, a case slug)."""

from django.urls import reverse

from .constants import KIND_SEGMENTS, kind_for_key


def knowledge_url(*, municipality_slug: str, key: str) -> str:
    """The staff URL of a library item, e.g. knowledge_url(municipality_slug="voorbeeld", key="V4")."""
    return reverse(
        "knowledge:detail",
        kwargs={"municipality_slug": municipality_slug, "segment": KIND_SEGMENTS[kind_for_key(key)], "key": key},
    )
