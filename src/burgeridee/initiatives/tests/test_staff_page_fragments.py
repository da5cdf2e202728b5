"""The staff initiative page draws its form controls from the "fragments" cache (core cached_fields, issue #18).

A cached control must never be stale (the phase select follows the initiative's phase, the language follows the
member of staff), never show one municipality's contact people to another, and never keep typed text.
"""

import re

import pytest
from django.core.cache import caches

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import Phase
from burgeridee.initiatives.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_fragments():
    caches["fragments"].clear()
    yield
    caches["fragments"].clear()


def url(initiative):
    return f"/werkplek/{initiative.municipality.slug}/initiatieven/{initiative.pk}/"


def page(client, initiative, status=200):
    response = client.get(url(initiative))
    assert response.status_code == status
    return response.content.decode()


def masked(html: str) -> str:
    """The page without what differs per request (CSRF tokens, CSP nonces)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', html)
    return re.sub(r'nonce="[^"]+"', 'nonce=""', html)


def select(html: str, name: str) -> list[str]:
    found = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert found, f"no <select name={name!r}>"
    return re.findall(r'<option value="([^"]*)"', found.group(0))


def test_a_warm_page_is_the_same_as_a_cold_one(coordinator_client, initiative):
    cold = masked(page(coordinator_client, initiative))
    assert len(caches["fragments"]._cache) > 0  # the controls were kept
    assert masked(page(coordinator_client, initiative)) == cold
    caches["fragments"].clear()
    assert masked(page(coordinator_client, initiative)) == cold


def test_the_phase_select_follows_the_initiatives_phase(contact_client, initiative):
    before = select(page(contact_client, initiative), "fase-to_phase")
    services.initiative_phase_change(initiative=initiative, to_phase=Phase.EXPLORING, actor=contact_client.user)
    after = select(page(contact_client, initiative), "fase-to_phase")
    assert Phase.EXPLORING in before and Phase.EXPLORING not in after
    assert before != after


def test_the_controls_follow_the_language(contact_client, initiative):
    dutch = page(contact_client, initiative)
    contact_client.cookies["django_language"] = "en"
    english = page(contact_client, initiative)
    assert "Nieuwe fase" in dutch and "Interne notitie" in dutch
    assert "Nieuwe fase" not in english and "Interne notitie" not in english
    contact_client.cookies["django_language"] = "nl"
    assert masked(page(contact_client, initiative)) == masked(dutch)


def test_a_coordinator_never_sees_another_municipalitys_contact_people(
    municipality, other_municipality, staff_client_factory
):
    here = InitiativeFactory(municipality=municipality)
    there = InitiativeFactory(municipality=other_municipality)
    ours = StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Onze", last_name="Collega")
    theirs = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT], first_name="Hun", last_name="Collega")
    our_page = page(staff_client_factory(municipality, Role.COORDINATOR), here)
    their_page = page(staff_client_factory(other_municipality, Role.COORDINATOR), there)
    assert str(ours.pk) in select(our_page, "contact-contact") and "Hun Collega" not in our_page
    assert str(theirs.pk) in select(their_page, "contact-contact") and "Onze Collega" not in their_page


def test_a_new_contact_person_appears_at_once(coordinator_client, initiative):
    page(coordinator_client, initiative)
    hired = StaffFactory(municipality=initiative.municipality, roles=[Role.CONTACT], first_name="Nieuwe")
    assert str(hired.pk) in select(page(coordinator_client, initiative), "contact-contact")


def test_the_selected_contact_person_follows_the_initiative(coordinator_client, contact_client, initiative):
    page(coordinator_client, initiative)
    services.initiative_assign_contact(initiative=initiative, contact=contact_client.user, actor=contact_client.user)
    assert f'<option value="{contact_client.user.pk}" selected>' in page(coordinator_client, initiative)


def test_typed_text_is_shown_back_but_never_kept(contact_client, initiative):
    typed = "Geheime tekst van de medewerker " + "x" * 5001
    response = contact_client.post(url(initiative) + "notities/", {"notitie-body": typed})
    assert response.status_code == 400
    assert "Geheime tekst van de medewerker" in response.content.decode()
    kept = [str(value) for value in caches["fragments"]._cache.values()]
    assert kept and not any("Geheime tekst" in value for value in kept)
    # The next visit shows an empty note field again.
    assert "Geheime tekst" not in page(contact_client, initiative)


def test_an_error_shown_once_is_not_shown_again(contact_client, initiative):
    response = contact_client.post(url(initiative) + "fase/", {"fase-to_phase": ""})
    assert response.status_code == 400 and "Kies de nieuwe fase." in response.content.decode()
    assert "Kies de nieuwe fase." not in page(contact_client, initiative)
