"""The manual's pictures (docs/manual/img/) are made here, while the tests walk each role's journeys on the demo
data, once per language of the interface. The clock stands still at one fixed moment, so the demo's dates,
reference numbers and deadlines, and therefore the pictures, are the same on every run; a changed page changes its
picture."""

from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command

from burgeridee.knowledge.defaults import defaults_load
from burgeridee.municipalities.models import Municipality

from .shots import FIXED_MOMENT, LANGUAGES, VIEWPORT


@pytest.fixture
def demo_at_fixed_moment(settings):
    """Gemeente Voorbeeld as `make run` shows it (seed_demo), made and shown at FIXED_MOMENT."""
    settings.DEMO_MODE = False  # the pictures show the product as a municipality runs it
    with time_machine.travel(FIXED_MOMENT, tick=False):
        defaults_load()  # the knowledge library, as its data migration loads it (a transactional test may flush it)
        call_command("seed_demo", stdout=StringIO())
        yield Municipality.objects.get(slug="voorbeeld")


@pytest.fixture(params=LANGUAGES)
def language(request):
    """Every journey is walked, and every picture taken, in each language of the interface."""
    return request.param


BROWSER_LOCALES = {"nl": "nl-NL", "en": "en-GB"}


@pytest.fixture
def manual_page(new_page, live_server, language):
    """A browser page in `language` (the language cookie, as the language switch sets it, and the browser's own
    language), whose own clock (Date in scripts) stands at FIXED_MOMENT too."""

    def make(*, viewport=None):
        page = new_page(viewport=viewport or VIEWPORT, locale=BROWSER_LOCALES.get(language, language))
        page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
        page.clock.set_fixed_time(FIXED_MOMENT)
        return page

    return make
