"""Taking the manual's pictures (docs/manual/img/): the fixed moment, what is shown fixed, `shoot` and `staff`.

Every journey is walked once per language of the interface (the `language` fixture): the Dutch pictures are
`img/<name>.png`, the English ones `img/<name>.en.png` (the manual's English pages show them: mkdocs.yml, plugin
"i18n"). Each picture is compressed losslessly with oxipng, and a picture whose pixels did not change is not
written again, so a rerun leaves the unchanged pictures byte for byte as they were."""

import io
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import oxipng
from django.conf import settings
from django.urls import resolve
from PIL import Image

from burgeridee.accounts.models import User
from burgeridee.workspace.help import help_url

from ..helpers import assert_accessible, login_as

IMAGES = Path(__file__).resolve().parents[3] / "docs" / "manual" / "img"
# The manual's languages, as the interface has them: Dutch (the default, at the top) and English.
LANGUAGES = [code for code, _name in settings.LANGUAGES]
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


def page_language(page) -> str:
    """The language the page's browser asks for: the language cookie that `manual_page` set (as the language
    switch at the top of every page does), else Dutch."""
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies.get(settings.LANGUAGE_COOKIE_NAME, settings.LANGUAGE_CODE)


def picture(page, name: str) -> Path:
    """Where the picture `name` in the page's language goes: img/<name>.png (Dutch), img/<name>.<language>.png."""
    language = page_language(page)
    return IMAGES / (f"{name}.png" if language == settings.LANGUAGE_CODE else f"{name}.{language}.png")


def save_picture(png: bytes, path: Path) -> None:
    """Write the screenshot `png` to `path`, compressed losslessly (oxipng); keep the file as it is when its pixels
    are the same, so that an unchanged page never changes its picture's bytes."""
    if path.exists():
        with Image.open(path) as before, Image.open(io.BytesIO(png)) as after:
            unchanged = (
                before.size == after.size and before.convert("RGBA").tobytes() == after.convert("RGBA").tobytes()
            )
        if unchanged:
            return
    path.write_bytes(oxipng.optimize_from_memory(png, level=2, strip=oxipng.StripChunks.safe()))


def check_help_link(page) -> None:
    """A staff page links to its part of the manual in the language it is shown in; the presenter's projection
    shows no help link (workspace/help.py WITHOUT_HELP)."""
    language = page_language(page)
    expected = help_url(resolve(urlsplit(page.url).path).view_name, language)
    links = page.locator("p.bi-help-link a")
    if expected is None:
        assert links.count() == 0, f"{page.url} shows a help link"
        return
    assert links.get_attribute("href") == expected, f"{page.url}: help link is not {expected}"


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
    docs/manual/img/<name>.png (Dutch) or img/<name>.<language>.png for the manual.

    The page must be shown in the language asked for (its `<html lang>`). What differs on every run is shown
    fixed: `replace` maps texts to what the picture shows (a workshop's join code), `mask` covers elements with a
    plain box (its QR code), and addresses are shown as SHOWN_ORIGIN with their secret part replaced;
    `scroll_to` brings a part of a long page into the picture."""
    language = page_language(page)
    shown = page.evaluate("document.documentElement.lang")
    assert shown == language, f"{page.url} is shown in {shown!r}, not {language!r}"
    assert_accessible(page)
    if "/werkplek/" in page.url:
        check_help_link(page)
    pairs = [*dict(replace or {}).items(), (page.evaluate("location.origin"), SHOWN_ORIGIN)]
    pairs.append((settings.SITE_URL, SHOWN_ORIGIN))  # links made for mails and to share
    page.evaluate(REPLACE_TEXT, [pairs, LINK_SECRET])
    if scroll_to:
        page.locator(scroll_to).first.evaluate("element => element.scrollIntoView({block: 'start'})")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    png = page.screenshot(
        full_page=full_page,
        mask=[page.locator(selector) for selector in mask],
        mask_color="#c8c8c8",
        animations="disabled",
        caret="hide",
    )
    save_picture(png, picture(page, name))


def shoot_element(page, name: str, selector: str) -> None:
    """Save one element of the page (no axe-core: a part of a page that `shoot` checks elsewhere)."""
    save_picture(page.locator(selector).screenshot(animations="disabled", caret="hide"), picture(page, name))


def shoot_plain(page, name: str) -> None:
    """Save a page that is no HTML page (a JSON answer): nothing for axe-core to check."""
    save_picture(page.screenshot(), picture(page, name))


def staff(page, live_server, username: str):
    """Log `username` of the demo in (password and a real second-factor code) in the page's browser."""
    login_as(page, live_server, User.objects.get(username=username))
