"""'Hulp bij deze pagina' (issue #20): every staff URL has a part of the manual in every language of the interface,
and the pages link to it in the language they are shown in; the presenter's projection shows no help link."""

import re
from fnmatch import fnmatchcase

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from tests.manual.manual import anchors, languages, pages  # the manual's reader lives with the manual's own tests

from burgeridee import __version__
from burgeridee.workshops.tests.factories import WorkshopSessionFactory
from burgeridee.workspace.help import HELP_TOPICS, WITHOUT_HELP, help_topic, help_url


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


@pytest.mark.parametrize("language", languages())
@pytest.mark.parametrize("view_name", sorted(set(STAFF_URL_NAMES) - WITHOUT_HELP))
def test_every_staff_page_has_help_in_the_manual(view_name, language):
    topic = help_topic(view_name)
    assert topic, f"{view_name} has no part of the manual (workspace/help.py HELP_TOPICS)"
    page, anchor = topic.split("#")
    manual = pages(language)
    assert page in manual, f"{view_name}: the {language} manual has no {page}"
    assert anchor in anchors(manual[page]), f"{view_name}: no heading with {{#{anchor}}} in the {language} {page}"


def test_only_the_projected_presenter_view_has_no_help():
    """The walk's one exception: the presenter's view of a workshop, projected in front of the participants."""
    assert sorted(name for name in STAFF_URL_NAMES if help_topic(name) is None) == ["workshops:presenter"]
    assert {"workshops:presenter"} == WITHOUT_HELP


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
@pytest.mark.parametrize(
    ("path", "topic"),
    [
        ("/werkplek/voorbeeld/", "contactpersoon.html#inbox"),
        ("/werkplek/voorbeeld/intake/", "contactpersoon.html#intake"),
        ("/werkplek/wachtwoord/", "contactpersoon.html#wachtwoord"),
    ],
)
def test_in_english_the_help_link_opens_the_english_manual(contact_client, municipality, settings, path, topic):
    contact_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    content = contact_client.get(path).content.decode()
    assert '<html lang="en"' in content
    assert _help_link(content) == f"{settings.MANUAL_URL}en/{topic}"
    assert "Help with this page" in content and "Hulp bij deze pagina" not in content


@pytest.mark.django_db
def test_the_login_page_in_english_links_to_the_english_manual(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert _help_link(client.get("/werkplek/inloggen/").content.decode()) == (
        f"{settings.MANUAL_URL}en/contactpersoon.html#inloggen"
    )


def test_help_url_follows_the_language(settings):
    assert help_url("workspace:inbox", "nl") == f"{settings.MANUAL_URL}contactpersoon.html#inbox"
    assert help_url("workspace:inbox", "en") == f"{settings.MANUAL_URL}en/contactpersoon.html#inbox"
    assert help_url("workspace:inbox", "en-gb") == f"{settings.MANUAL_URL}en/contactpersoon.html#inbox"
    assert help_url("workshops:presenter", "nl") is None


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_projected_presenter_view_shows_no_help_link(trainer_client, municipality, settings, language):
    """On the big screen in front of the participants: no 'Hulp bij deze pagina', no manual link in the footer;
    the workshop's own page (where the trainer works) keeps its help."""
    session = WorkshopSessionFactory(municipality=municipality)
    trainer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    base = f"/werkplek/{municipality.slug}/workshops/{session.pk}/"
    projected = trainer_client.get(f"{base}presentatie/")
    assert projected.status_code == 200
    content = projected.content.decode()
    assert "bi-help-link" not in content and 'rel="help"' not in content
    prefix = "" if language == "nl" else "en/"
    assert (
        _help_link(trainer_client.get(base).content.decode())
        == f"{settings.MANUAL_URL}{prefix}trainer.html#workshop-maken"
    )


@pytest.mark.django_db
def test_resident_pages_have_no_staff_help(client, municipality):
    content = client.get(f"/{municipality.slug}/idee/").content.decode()
    assert "bi-help-link" not in content and "Burgeridee versie" not in content
