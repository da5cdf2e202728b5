"""The administrator's processing log of one initiative (privacy/views.py), linked from the initiative page."""

import pytest
from django.utils import translation

from burgeridee.accounts.constants import Role
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.processing import processing_record

pytestmark = pytest.mark.django_db


def url(initiative, suffix=""):
    return f"/werkplek/{initiative.municipality.slug}/initiatieven/{initiative.pk}/{suffix}"


def test_the_initiative_page_links_the_log_for_administrators_only(
    coordinator_client, initiative, municipality, staff_client_factory
):
    link = url(initiative, "logboek/")
    assert link not in coordinator_client.get(url(initiative)).content.decode()
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    assert link in admin.get(url(initiative)).content.decode()


def test_processing_log_page_is_for_administrators_only(
    coordinator_client, initiative, municipality, staff_client_factory
):
    coordinator_client.get(url(initiative))
    assert coordinator_client.get(url(initiative, "logboek/")).status_code == 403
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR, first_name="Bram", last_name="Beheerder")
    response = admin.get(url(initiative, "logboek/"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Carla Coördinator" in content
    assert "Ingezien: Initiatief inzien" in content
    assert "Begeleiden van het bewonersinitiatief" in content
    assert initiative.reference in content
    assert "Wanneer (UTC)" in content and "Wanneer (Nederlandse tijd)" in content


def test_processing_log_labels_follow_the_chosen_language(
    coordinator_client, initiative, municipality, staff_client_factory
):
    coordinator_client.get(url(initiative))
    processing_record(municipality=municipality, actor=None, activity="resident_data_download", initiative=initiative)
    stored = list(ProcessingLogEntry.objects.values_list("activity", "action", "purpose", "fields"))
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    dutch = admin.get(url(initiative, "logboek/")).content.decode()
    for text in (
        "Ingezien: Initiatief inzien",
        "Begeleiden van het bewonersinitiatief",
        "Fatima Bakker (naam, e-mailadres, telefoonnummer, postadres)",
        "Carla Coördinator",
        "Systeem",
    ):
        assert text in dutch, text
    admin.post("/taal/", {"language": "en", "next": "/"})
    try:
        english = admin.get(url(initiative, "logboek/")).content.decode()
    finally:
        translation.activate("nl")  # the middleware's choice stays active in this thread
    for text in (
        "Viewed: View initiative",
        "Supporting the residents&#x27; initiative",
        "Fatima Bakker (name, ",
        "System",
    ):
        assert text in english, text
    assert "Initiatief inzien" not in english and "Begeleiden van het bewonersinitiatief" not in english
    assert list(ProcessingLogEntry.objects.values_list("activity", "action", "purpose", "fields")) == stored


def test_wrong_role_gets_a_plain_dutch_403(contact_client, initiative):
    response = contact_client.get(url(initiative, "logboek/"))
    assert response.status_code == 403
    assert "U heeft geen toegang tot deze pagina" in response.content.decode()
