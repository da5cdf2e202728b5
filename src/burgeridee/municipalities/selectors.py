"""Reading municipalities. Public pages keep working from a per-process copy during a DB outage."""

from django.core.cache import caches
from django.db import DatabaseError
from django.http import Http404

from .models import Municipality, Neighbourhood

CACHE_SECONDS = 300


def _cache_key(slug: str, *, neighbourhoods: bool = True) -> str:
    return f"municipality:{slug}" if neighbourhoods else f"municipality:{slug}:bare"


def municipality_get_public(*, slug: str, neighbourhoods: bool = True) -> Municipality:
    """The active municipality for a public page, or 404.

    With `neighbourhoods` the instance carries `public_neighbourhoods` (a query more: only the forms that offer
    them ask for it). When the database is unreachable, the last copy this process saw is used, so a resident's
    typed form can still be shown again; a page without neighbourhoods may use either copy.
    """
    cache = caches["local"]
    try:
        # The slug is unique: no ORDER BY, which would make Django hash every selected column.
        municipality = next(
            iter(Municipality.objects.filter(slug=slug, is_active=True).defer("logo", "favicon").order_by()[:1]), None
        )
        if municipality is None:
            raise Http404
        if neighbourhoods:
            municipality.public_neighbourhoods = list(
                Neighbourhood.objects.filter(municipality=municipality).order_by("name")
            )
    except DatabaseError:
        keys = [_cache_key(slug)] if neighbourhoods else [_cache_key(slug, neighbourhoods=False), _cache_key(slug)]
        for key in keys:
            cached = cache.get(key)
            if cached is not None:
                return cached
        raise
    cache.set(_cache_key(slug, neighbourhoods=neighbourhoods), municipality, CACHE_SECONDS)
    return municipality


def municipality_list_public() -> list[Municipality]:
    return list(Municipality.objects.filter(is_active=True).order_by("name"))
