"""Taking the manual's pictures (docs/manual/img/): the fixed moment, what is shown fixed, `shoot` and `staff`."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from burgeridee.accounts.models import User

from ..helpers import assert_accessible, login_as

IMAGES = Path(__file__).resolve().parents[3] / "docs" / "manual" / "img"
# A Tuesday morning in Gemeente Voorbeeld: every date in the pictures is counted from here.
FIXED_MOMENT = datetime(2026, 9, 15, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
VIEWPORT = {"width": 1200, "height": 800}
# What differs on every run is shown as a fixed text in the pictures: the test server's random port becomes the
# address of an installation, and the secret part of a personal link (status page, sign-up) a fixed word.
SHOWN_ORIGIN = "https://burgeridee.voorbeeld.nl"
LINK_SECRET = r"(/(?:mijn-initiatief|bijeenkomst|mijn-bijeenkomst|voorstel)/)[A-Za-z0-9_-]{6,}"
REPLACE_TEXT = """([pairs, secret]) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const pattern = new RegExp(secret, "g");
  while (walker.nextNode()) {
    let text = walker.currentNode.nodeValue;
    for (const [before, after] of pairs) text = text.replaceAll(before, after);
    text = text.replace(pattern, "$1voorbeeld-link");
    if (text !== walker.currentNode.nodeValue) walker.currentNode.nodeValue = text;
  }
}"""


def shoot(
    page,
    name: str,
    *,
    full_page: bool = False,
    mask: tuple = (),
    replace: dict | None = None,
    scroll_to: str | None = None,
) -> None:
    """Check the page with axe-core (and, on a staff page, its link to the manual), then save it as
    docs/manual/img/<name>.png for the manual.

    What differs on every run is shown fixed: `replace` maps texts to what the picture shows (a workshop's join
    code), `mask` covers elements with a plain box (its QR code), and addresses are shown as SHOWN_ORIGIN with
    their secret part replaced;
    `scroll_to` brings a part of a long page into the picture."""
    assert_accessible(page)
    if "/werkplek/" in page.url:
        help_link = page.get_by_role("link", name="Hulp bij deze pagina")
        assert "/handleiding/" in help_link.get_attribute("href"), f"{page.url} has no help link"
    pairs = [*dict(replace or {}).items(), (page.evaluate("location.origin"), SHOWN_ORIGIN)]
    pairs.append((settings.SITE_URL, SHOWN_ORIGIN))  # links made for mails and to share
    page.evaluate(REPLACE_TEXT, [pairs, LINK_SECRET])
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
