"""What the participant's page reads (issue #18): a published version's phases once per process, whether the
checklist was saved only where the page offers its PDF, and no ORDER BY on the unique lookups."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from burgeridee.conversations import services as conversation_services
from burgeridee.conversations.models import ModelPhase
from burgeridee.workshops import services
from burgeridee.workshops.constants import Module
from burgeridee.workshops.tests.factories import WorkshopSessionFactory
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db

# the Django session, the workshop session (with municipality and conversation model), the participant, the
# current agenda item; the first visit in a process also reads the published version's phases.
PARTICIPANT_PAGE = 4


def joined(workshop, name="Anna"):
    client = Client()
    response = client.post(reverse("workshops:participant", args=[workshop.code]), {"display_name": name})
    assert response.status_code == 302
    return client


def page(client, workshop):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/doe-mee/{workshop.code}/")
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured.captured_queries]


def unmasked(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def first_phase(model):
    return ModelPhase.objects.filter(model=model, is_active=True).order_by("order", "id").first()


def test_the_intro_page_reads_a_published_versions_phases_once(workshop):
    services.session_open(session=workshop)
    client = joined(workshop)
    go_to(workshop, Module.INTRO)
    html, first = page(client, workshop)
    assert first_phase(workshop.conversation_model).title in html
    assert any("conversations_modelphase" in sql for sql in first)
    html_again, again = page(client, workshop)
    assert unmasked(html_again) == unmasked(html)  # the same page (CSRF tokens are masked afresh each time)
    assert len(again) == PARTICIPANT_PAGE, again
    assert not any("conversations_modelphase" in sql for sql in again)
    # Unique lookups (the code, the participant's key) without ORDER BY; no checklist read on this page.
    for table in ("workshops_workshopsession", "workshops_participant"):
        lookups = [sql for sql in again if f'FROM "{table}"' in sql]
        assert len(lookups) == 1 and "ORDER BY" not in lookups[0], lookups
    assert not any("workshops_contribution" in sql for sql in again)


def test_a_newly_published_version_shows_its_own_phases(workshop, municipality, trainer, library):
    services.session_open(session=workshop)
    workshop.refresh_from_db()
    old_model = workshop.conversation_model
    client = joined(workshop)
    go_to(workshop, Module.INTRO)
    old_title = first_phase(old_model).title
    assert old_title in page(client, workshop)[0]

    draft = conversation_services.conversation_model_draft_get_or_create(municipality=municipality)
    phase = first_phase(draft)
    conversation_services.phase_update(
        phase=phase,
        title="Kennismaken bij de koffie",
        purpose=phase.purpose,
        guiding_questions=phase.guiding_questions,
        pitfall_reminder=phase.pitfall_reminder,
        pitfall_ids=phase.pitfall_ids,
        is_active=True,
    )
    conversation_services.conversation_model_publish(model=draft, actor=trainer)
    later = WorkshopSessionFactory(municipality=municipality, created_by=trainer)
    services.session_open(session=later)
    later.refresh_from_db()
    assert later.conversation_model_id == draft.pk
    later_client = joined(later, "Bas")
    go_to(later, Module.INTRO)
    assert "Kennismaken bij de koffie" in page(later_client, later)[0]
    # The first session stays on the version it was pinned to.
    html = page(client, workshop)[0]
    assert old_title in html and "Kennismaken bij de koffie" not in html


def test_a_draft_versions_phases_are_read_every_time(workshop, municipality):
    draft = conversation_services.conversation_model_draft_get_or_create(municipality=municipality)
    services.session_open(session=workshop)
    workshop.conversation_model = draft  # pinned to a version that can still change
    workshop.save(update_fields=["conversation_model"])
    client = joined(workshop)
    go_to(workshop, Module.INTRO)
    phase = first_phase(draft)
    assert phase.title in page(client, workshop)[0]
    conversation_services.phase_update(
        phase=phase,
        title="Eerst een rondje door de wijk",
        purpose=phase.purpose,
        guiding_questions=phase.guiding_questions,
        pitfall_reminder=phase.pitfall_reminder,
        pitfall_ids=phase.pitfall_ids,
        is_active=True,
    )
    assert "Eerst een rondje door de wijk" in page(client, workshop)[0]


def test_the_checklist_pdf_is_offered_once_the_checklist_is_saved(workshop):
    services.session_open(session=workshop)
    client = joined(workshop)
    go_to(workshop, Module.CHECKLIST)
    assert "Download mijn checklist" not in page(client, workshop)[0]
    data = {f"keep_{n}": "1" for n in range(1, 27)}
    data.update({f"text_{n}": "" for n in range(1, 27)})
    assert client.post(f"/doe-mee/{workshop.code}/checklist/", data).status_code == 302
    assert "Download mijn checklist" in page(client, workshop)[0]


def test_a_finished_session_offers_the_pdf_only_to_who_saved_a_checklist(workshop):
    services.session_open(session=workshop)
    anna = joined(workshop, "Anna")
    bas = joined(workshop, "Bas")
    go_to(workshop, Module.CHECKLIST)
    data = {f"keep_{n}": "1" for n in range(1, 27)}
    data.update({f"text_{n}": "" for n in range(1, 27)})
    assert anna.post(f"/doe-mee/{workshop.code}/checklist/", data).status_code == 302
    services.session_finish(session=workshop)
    assert "Download mijn checklist" in page(anna, workshop)[0]
    assert "Download mijn checklist" not in page(bas, workshop)[0]
