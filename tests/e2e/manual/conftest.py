"""The manual's pictures (docs/manual/img/) are made here, while the tests walk each role's journeys on the demo
data. The clock stands at one fixed moment (then ticks on from it), so the demo's dates, reference numbers and
deadlines, and therefore the pictures, are the same on every run; a changed page changes its picture."""

from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from burgeridee.accounts.models import User
from burgeridee.municipalities.models import Municipality

from ..helpers import assert_accessible, login_as

IMAGES = Path(__file__).resolve().parents[3] / "docs" / "manual" / "img"
# A Tuesday morning in Gemeente Voorbeeld: every date in the pictures is counted from here.
FIXED_MOMENT = datetime(2026, 9, 15, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
VIEWPORT = {"width": 1200, "height": 800}


@pytest.fixture
def demo(settings):
    """Gemeente Voorbeeld as `make run` shows it (seed_demo), made and shown at FIXED_MOMENT."""
    settings.DEMO_MODE = False  # the pictures show the product as a municipality runs it
    with time_machine.travel(FIXED_MOMENT, tick=True):
        call_command("seed_demo", stdout=StringIO())
        yield Municipality.objects.get(slug="voorbeeld")


@pytest.fixture
def manual_page(new_page):
    """A browser page whose own clock (Date in scripts) stands at FIXED_MOMENT too."""

    def make(*, viewport=None):
        page = new_page(viewport=viewport or VIEWPORT)
        page.clock.set_fixed_time(FIXED_MOMENT)
        return page

    return make


def shoot(page, name: str, *, full_page: bool = False, mask: tuple = (), scroll_to: str | None = None) -> None:
    """Check the page with axe-core (and, on a staff page, its link to the manual), then save it as
    docs/manual/img/<name>.png for the manual.

    `mask` covers what differs on every run (a workshop's join code and its QR code) with a plain box;
    `scroll_to` brings a part of a long page into the picture."""
    assert_accessible(page)
    if "/werkplek/" in page.url:
        help_link = page.get_by_role("link", name="Hulp bij deze pagina")
        assert "/handleiding/" in help_link.get_attribute("href"), f"{page.url} has no help link"
    if scroll_to:
        page.locator(scroll_to).first.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.screenshot(
        path=IMAGES / f"{name}.png",
        full_page=full_page,
        mask=[page.locator(selector) for selector in mask],
        mask_color="#c8c8c8",
        animations="disabled",
        caret="hide",
    )


def staff(page, live_server, username: str):
    """Log `username` of the demo in (password and a real second-factor code) in the page's browser."""
    login_as(page, live_server, User.objects.get(username=username))
