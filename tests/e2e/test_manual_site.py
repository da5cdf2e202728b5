"""The built manual as the app serves it (MANUAL_URL, with the static files): every page in every language is
checked with axe-core in Chromium, and its language switch leads to the same page in the other language (issue #20).

`make docs` builds the manual into src/burgeridee/static/dist/handleiding/ (CI: `make test` runs `make assets`,
which runs `make docs`); when that build is missing or older than its sources, the test builds it first."""

import fcntl
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings

from burgeridee.workspace.help import manual_prefix
from tests.manual.manual import MANUAL, ROOT, languages, pages

from .helpers import assert_accessible

pytestmark = pytest.mark.django_db

SITE = ROOT / "src" / "burgeridee" / "static" / "dist" / "handleiding"
PAGES = [(language, name) for language in languages() for name in sorted(pages(language))]


def _newest_source() -> float:
    sources = [ROOT / "mkdocs.yml", *(path for path in MANUAL.rglob("*") if path.is_file())]
    return max(path.stat().st_mtime for path in sources)


def _is_current() -> bool:
    built = [SITE / manual_prefix(language) / name for language, name in PAGES]
    return all(path.exists() for path in built) and min(path.stat().st_mtime for path in built) >= _newest_source()


@pytest.fixture(scope="module")
def built_manual():
    """The manual as `make docs` builds it; built here when missing or stale (one builder at a time: a lock)."""
    SITE.parent.mkdir(parents=True, exist_ok=True)
    with open(SITE.parent / ".handleiding.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _is_current():
            subprocess.run(
                [Path(sys.executable).with_name("mkdocs"), "build", "--strict", "--clean", "--quiet"],
                cwd=ROOT,
                check=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
    return SITE


@pytest.mark.parametrize(("language", "name"), PAGES)
def test_every_page_of_the_manual_is_accessible(built_manual, live_server, page, language, name):
    url = f"{live_server.url}{settings.MANUAL_URL}{manual_prefix(language)}{name}"
    response = page.goto(url)
    assert response.status == 200, url
    assert page.evaluate("document.documentElement.lang") == language
    assert_accessible(page)


@pytest.mark.parametrize("name", ["index.html", "contactpersoon.html"])
@pytest.mark.parametrize("language", languages())
def test_the_language_switch_leads_to_the_same_page(built_manual, live_server, page, language, name):
    """Material's language selector (filled in by the i18n plugin) links each page to its translation, relative to
    where the manual is served."""
    page.goto(f"{live_server.url}{settings.MANUAL_URL}{manual_prefix(language)}{name}")
    for other in languages():
        href = page.locator(f"a[hreflang='{other}']").first.get_attribute("href")
        assert not href.startswith("/"), f"{href}: an absolute link breaks where the manual is served"
        target = urljoin(page.url, href)
        assert urlsplit(target).path == f"{settings.MANUAL_URL}{manual_prefix(other)}{name}", (language, href)
        assert page.request.get(target).ok, target
