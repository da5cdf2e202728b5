"""The site icon: a light bulb (an idea) on the municipality's theme colour, as SVG.

Every page links it with `<link rel="icon">`; `/favicon.ico`, which browsers and crawlers ask for on their
own, redirects to the icon without a municipality.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string

# The colour of the page header's band when a theme does not set one (assets/css/burgeridee.css).
DEFAULT_COLOUR = "#cc0000"

# A day: the icon changes only when a municipality changes its theme.
ICON_MAX_AGE = 24 * 60 * 60


def icon_response(colour: str) -> HttpResponse:
    """The icon in `colour`, which the caller has checked is a plain hex colour."""
    response = HttpResponse(render_to_string("core/icon.svg", {"colour": colour}), content_type="image/svg+xml")
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    return response
