from functools import wraps

from .selectors import municipality_get_public


def public_municipality(view=None, *, neighbourhoods: bool = False):
    """Resolve /<municipality_slug>/ to the municipality (404 when unknown) and pass it on.

    `@public_municipality(neighbourhoods=True)` for a page whose form offers the municipality's neighbourhoods
    (`municipality.public_neighbourhoods`); other pages do without that query.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request, municipality_slug: str, *args, **kwargs):
            municipality = municipality_get_public(slug=municipality_slug, neighbourhoods=neighbourhoods)
            request.municipality = municipality
            return view(request, municipality, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
