from functools import wraps

from .selectors import municipality_get_public


def public_municipality(view):
    """Resolve /<municipality_slug>/ to the municipality (404 when unknown) and pass it on."""

    @wraps(view)
    def wrapper(request, municipality_slug: str, *args, **kwargs):
        municipality = municipality_get_public(slug=municipality_slug)
        request.municipality = municipality
        return view(request, municipality, *args, **kwargs)

    return wrapper
