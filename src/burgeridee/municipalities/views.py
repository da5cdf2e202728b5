from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from burgeridee.core.icon import icon_response

from . import signals
from .decorators import public_municipality
from .models import Municipality
from .selectors import municipality_list_public


@require_GET
def home(request):
    return render(request, "municipalities/home.html", {"municipalities": municipality_list_public()})


@require_GET
@public_municipality
def municipality_home(request, municipality):
    # What other apps add (e.g. insights' public figure) comes through a signal this app owns, so the
    # ground does not import the apps above it; see signals.py.
    responses = signals.home_panels.send(sender=Municipality, request=request, municipality=municipality)
    panels = [panel for _receiver, panel in responses if panel]
    responses = signals.home_routes.send(sender=Municipality, request=request, municipality=municipality)
    routes = [route for _receiver, route in responses if route]
    return render(request, "municipalities/municipality_home.html", {"panels": panels, "routes": routes})


@require_GET
@cache_control(max_age=300)
@public_municipality
def theme_css(request, municipality):
    """The municipality's design tokens as CSS custom properties."""
    return HttpResponse(municipality.theme_css, content_type="text/css; charset=utf-8")


@require_GET
@public_municipality
def icon(request, municipality):
    """The site icon in the municipality's theme colour."""
    return icon_response(municipality.theme_colour)


def _image(content: bytes, content_type: str):
    if not content:
        raise Http404
    response = HttpResponse(bytes(content), content_type=content_type)
    # Set by the functional administrator, checked on upload (administration); never run as a page.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
@cache_control(max_age=300)
@public_municipality
def logo(request, municipality):
    """The municipality's own logo, shown in the page header."""
    return _image(municipality.logo, municipality.logo_content_type)


@require_GET
@cache_control(max_age=300)
@public_municipality
def favicon(request, municipality):
    """The municipality's own favicon; without one the icon in the theme colour is used."""
    return _image(municipality.favicon, municipality.favicon_content_type)


def statement(template_name: str, context: Callable[[], dict] | None = None):
    @require_GET
    @public_municipality
    def view(request, municipality):
        return render(request, f"municipalities/{template_name}.html", context() if context else {})

    view.__name__ = f"statement_{template_name}"
    return view


privacy_statement = statement(
    "privacy",
    lambda: {
        "workshop_name_retention_days": settings.WORKSHOP_NAME_RETENTION_DAYS,
        "workshop_request_retention_months": settings.WORKSHOP_REQUEST_RETENTION_MONTHS,
        "meeting_signup_retention_months": settings.TRAINING_MEETING_SIGNUP_RETENTION_MONTHS,
    },
)
cookie_statement = statement("cookies")
accessibility_statement = statement("accessibility")
