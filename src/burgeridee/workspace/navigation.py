"""The workspace menu. The sections come from `records.navigation.nav_registry`, where each app
registers its own in AppConfig.ready().

Which sections a member sees and their addresses depend only on the municipality, the member's roles and
the registry, so they are worked out once per process for each such combination (`_menu`); per request only
the current section is marked. The labels stay lazy, so each request shows them in its own language.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from burgeridee.records.navigation import nav_registry


@lru_cache(maxsize=4096)
def _menu(slug: str, roles: frozenset, registered: tuple, script_prefix: str, urlconf: str) -> tuple:
    """(url, label) of each section a member with `roles` sees in municipality `slug`, in menu order.

    `registered`, `script_prefix` and `urlconf` are part of the key only: a section registered or removed
    (tests), a different script prefix or URLconf gives a fresh menu."""
    entries = []
    for item in sorted(nav_registry, key=lambda item: item.order):
        if item.roles and roles.isdisjoint(item.roles):
            continue
        entries.append((reverse(item.url_name, kwargs={"municipality_slug": slug}), item.label))
    return tuple(entries)


def nav_items(request) -> list[dict]:
    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    menu = _menu(
        membership.municipality.slug,
        frozenset(membership.roles),
        tuple((item.key, id(item)) for item in nav_registry),
        get_script_prefix(),
        str(get_urlconf() or settings.ROOT_URLCONF),
    )
    items = [{"url": url, "label": label, "current": url == request.path} for url, label in menu]
    # The deepest matching section is the current one (the inbox URL is a prefix of every page).
    matches = [entry for entry in items if request.path.startswith(entry["url"])]
    if matches and not any(entry["current"] for entry in items):
        max(matches, key=lambda entry: len(entry["url"]))["current"] = True
    return items
