"""'Hulp bij deze pagina' (issue #20): every staff URL has a part of the manual, and the pages link to it."""

import re
from fnmatch import fnmatchcase

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from tests.manual.manual import anchors, pages  # the manual's reader lives with the manual's own tests

from burgeridee import __version__
from burgeridee.workspace.help import HELP_TOPICS, help_topic


def staff_url_names(resolver=None, prefix="", namespace=None):
    """The name of every URL pattern under /werkplek/."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from staff_url_names(pattern, route, inner or None)
        elif isinstance(pattern, URLPattern) and route.startswith("werkplek/"):
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


STAFF_URL_NAMES = sorted(set(staff_url_names()))


def test_there_are_staff_pages_to_walk():
    assert len(STAFF_URL_NAMES) > 100
    assert "workspace:inbox" in STAFF_URL_NAMES and "administration:overview" in STAFF_URL_NAMES


@pytest.mark.parametrize("view_name", STAFF_URL_NAMES)
def test_every_staff_page_has_help_in_the_manual(view_name):
    topic = help_topic(view_name)
    assert topic, f"{view_name} has no part of the manual (workspace/help.py HELP_TOPICS)"
    page, anchor = topic.split("#")
    manual = pages()
    assert page in manual, f"{view_name}: docs/manual/{page.replace('.html', '.md')} does not exist"
    assert anchor in anchors(manual[page]), f"{view_name}: no heading with {{#{anchor}}} in {page}"


def test_no_help_topic_is_left_unused():
    """A topic whose pattern matches no staff page (a renamed URL) is a help link that went stale."""
    unused = [pattern for pattern, _ in HELP_TOPICS if not any(fnmatchcase(name, pattern) for name in STAFF_URL_NAMES)]
    assert unused == []


def _help_link(content: str) -> str:
    match = re.search(r'<p class="bi-help-link"><a class="utrecht-link" href="([^"]+)"', content)
    assert match, "no 'Hulp bij deze pagina' link"
    return match.group(1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "topic"),
    [
        ("/werkplek/voorbeeld/", "contactpersoon.html#inbox"),
        ("/werkplek/voorbeeld/intake/", "contactpersoon.html#intake"),
        ("/werkplek/voorbeeld/kennisbank/", "contactpersoon.html#kennisbank"),
        ("/werkplek/wachtwoord/", "contactpersoon.html#wachtwoord"),
    ],
)
def test_staff_pages_link_to_their_help_and_show_the_version(contact_client, municipality, path, topic):
    response = contact_client.get(path)
    assert response.status_code == 200
    content = response.content.decode()
    assert _help_link(content) == f"{settings.MANUAL_URL}{topic}"
    assert f"Burgeridee versie {__version__}" in content
    assert "Hulp bij deze pagina" in content


@pytest.mark.django_db
def test_the_initiative_page_links_to_its_help(contact_client, initiative):
    response = contact_client.get(f"/werkplek/{initiative.municipality.slug}/initiatieven/{initiative.pk}/")
    assert _help_link(response.content.decode()) == f"{settings.MANUAL_URL}contactpersoon.html#initiatief"


@pytest.mark.django_db
def test_the_login_page_links_to_its_help(client):
    assert _help_link(client.get("/werkplek/inloggen/").content.decode()).endswith("contactpersoon.html#inloggen")


@pytest.mark.django_db
def test_resident_pages_have_no_staff_help(client, municipality):
    content = client.get(f"/{municipality.slug}/idee/").content.decode()
    assert "bi-help-link" not in content and "Burgeridee versie" not in content
