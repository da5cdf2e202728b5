"""Planning the first conversation (invitation by email with a calendar file, or a letter) and preparing it."""

import re
from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.conversations import selectors
from burgeridee.conversations.models import Conversation
from burgeridee.initiatives.constants import ContactPreference, SupportType
from burgeridee.initiatives.services import InitiatorData

from .helpers import base

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    import io

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_plan_suggests_the_neighbourhood_and_invites_by_email_with_a_calendar_file(
    contact_client, municipality, submit_idea, django_capture_on_commit_callbacks
):
    initiative, token = submit_idea(municipality, location="Kastanjelaan 4")
    mail.outbox.clear()
    page = contact_client.get(base(municipality, initiative) + "plannen/")
    assert page.status_code == 200
    assert 'value="Kastanjelaan 4, Centrum"' in page.content.decode()

    day = timezone.localdate() + timedelta(days=8)
    with django_capture_on_commit_callbacks(execute=True):
        response = contact_client.post(
            base(municipality, initiative) + "plannen/",
            {"day": day.isoformat(), "start": "19:30", "duration_minutes": "60", "place": "Buurthuis Centrum"},
        )
    assert response.status_code == 302
    conversation = Conversation.objects.get(initiative=initiative)
    assert timezone.localtime(conversation.starts_at).hour == 19
    assert conversation.invitation_channel == "email"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@example.org"]
    assert "Buurthuis Centrum" in message.body
    name, ics, mimetype = message.attachments[0]
    assert name == "uitnodiging.ics" and mimetype.startswith("text/calendar")
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", "")  # every line ends with CRLF
    assert re.search(r"\r\nUID:gesprek-\d+@", ics)
    assert re.search(r"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", ics)
    start_utc = conversation.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"\r\nDTSTART:{start_utc}\r\n" in ics
    assert "\r\nLOCATION:Buurthuis Centrum\r\n" in ics
    assert "SUMMARY:Gesprek over uw idee: Moestuin aan de Kastanjelaan" in ics

    kinds = list(initiative.events.values_list("kind", flat=True))
    assert "gesprek_gepland" in kinds and "uitnodiging" in kinds

    # The resident sees it on their status page, and the emailed link opens their conversation page.
    status = contact_client.get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()
    assert "Uw eerste gesprek" in status and "Buurthuis Centrum" in status
    link = re.search(r"http://\S+(/voorbeeld/mijn-initiatief/\S+/gesprek/)", message.body).group(1)
    resident = contact_client.get(link)
    assert resident.status_code == 200
    assert "Buurthuis Centrum" in resident.content.decode()
    ics_download = contact_client.get(link + "uitnodiging.ics")
    assert ics_download["Content-Type"].startswith("text/calendar")


def test_a_resident_who_prefers_post_gets_a_letter_to_print(
    contact_client, municipality, submit_idea, django_capture_on_commit_callbacks
):
    initiative, _ = submit_idea(
        municipality,
        initiator=InitiatorData(
            name="Henk Post",
            street_address="Dorpsstraat 1",
            postal_code="1234 AB",
            city="Voorbeeld",
            preferred_contact=ContactPreference.POST,
        ),
    )
    mail.outbox.clear()
    day = timezone.localdate() + timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = contact_client.post(
            base(municipality, initiative) + "plannen/",
            {"day": day.isoformat(), "start": "10:00", "duration_minutes": "45", "place": "Bij Henk thuis"},
            follow=True,
        )
    assert "Print de uitnodigingsbrief" in response.content.decode()
    assert mail.outbox == []
    letter = contact_client.get(base(municipality, initiative) + "uitnodiging.pdf")
    assert letter["Content-Type"] == "application/pdf"
    text = pdf_text(letter.content)
    assert "Henk Post" in text and "Dorpsstraat 1" in text and "Bij Henk thuis" in text
    assert "Uitnodiging voor een gesprek over uw idee" in text


def test_plan_form_keeps_input_and_refuses_a_moment_in_the_past(contact_client, municipality, submit_idea):
    initiative, _ = submit_idea(municipality)
    yesterday = timezone.localdate() - timedelta(days=1)
    response = contact_client.post(
        base(municipality, initiative) + "plannen/",
        {"day": yesterday.isoformat(), "start": "10:00", "duration_minutes": "60", "place": "Bibliotheek"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Kies een moment in de toekomst." in content
    assert 'value="Bibliotheek"' in content


def test_staff_of_another_municipality_get_404(client, municipality, other_municipality, submit_idea):
    initiative, _ = submit_idea(municipality)
    olga = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT, Role.COORDINATOR], username="olga")
    login_with_second_factor(olga, client)
    for suffix in ("plannen/", "voorbereiden/", "", "verslag/", "opvolging/", "reflectie/", "voorbereiden.pdf"):
        assert client.get(base(other_municipality, initiative) + suffix).status_code == 404, suffix


def test_preparation_shows_similar_initiatives_of_this_municipality_and_fitting_rule_checks(
    contact_client, municipality, other_municipality, submit_idea
):
    centrum = municipality.neighbourhoods.get(name="Centrum")
    oosterpark = municipality.neighbourhoods.get(name="Oosterpark")
    initiative, _ = submit_idea(
        municipality,
        title="Geveltuintjes in de Kerkstraat",
        description="Wij willen geveltuintjes aanleggen.",
        neighbourhood=centrum,
        support_types=[SupportType.PUBLIC_SPACE, SupportType.INSURANCE],
    )
    submit_idea(municipality, title="Buurtbarbecue", description="Samen eten.", neighbourhood=centrum)
    submit_idea(
        municipality,
        title="Geveltuintjes Oosterpark",
        description="Meer geveltuintjes in de straat.",
        neighbourhood=oosterpark,
    )
    submit_idea(municipality, title="Schaakclub", description="Schaken.", neighbourhood=oosterpark, theme="zorgzaam")
    submit_idea(
        other_municipality,
        title="Geveltuintjes elders",
        description="Geveltuintjes aanleggen.",
        neighbourhood=other_municipality.neighbourhoods.first(),
    )

    similar = selectors.initiatives_similar(initiative=initiative)
    titles = [row.initiative.title for row in similar]
    assert "Geveltuintjes Oosterpark" in titles  # similar words
    assert "Buurtbarbecue" in titles  # same neighbourhood
    assert "Geveltuintjes elders" not in titles  # another municipality
    assert "Schaakclub" not in titles  # nothing in common

    content = contact_client.get(base(municipality, initiative) + "voorbereiden/").content.decode()
    assert "Geveltuintjes Oosterpark" in content and "Geveltuintjes elders" not in content
    assert "Liggen er kabels of leidingen?" in content  # public space
    assert "vrijwilligersverzekering" in content  # insurance
    assert "melding klein evenement" not in content  # no permit asked
    assert "Ga na of dit een initiatief is" in content  # the 'before' checklist
    assert "Welke rol wilt u van ons, en welke juist niet?" in content  # guiding questions per phase


def test_no_conversation_is_planned_for_a_closed_initiative(contact_client, municipality, submit_idea):
    from burgeridee.initiatives.services import initiative_withdraw

    initiative, _ = submit_idea(municipality)
    initiative_withdraw(initiative=initiative)
    day = timezone.localdate() + timedelta(days=5)
    response = contact_client.post(
        base(municipality, initiative) + "plannen/",
        {"day": day.isoformat(), "start": "10:00", "place": "Buurthuis"},
        follow=True,
    )
    assert "Dit initiatief is afgesloten" in response.content.decode()
    assert not Conversation.objects.filter(initiative=initiative).exists()


def test_the_time_of_the_conversation_reads_as_a_sentence_in_dutch_and_english(client, municipality, planned):
    _initiative, token, conversation = planned
    day = timezone.localtime(conversation.starts_at)
    for url in (
        f"/{municipality.slug}/mijn-initiatief/{token}/",
        f"/{municipality.slug}/mijn-initiatief/{token}/gesprek/",
    ):
        client.cookies["django_language"] = "nl"
        assert ", om 14:00 uur" in client.get(url).content.decode()
        client.cookies["django_language"] = "en"
        english = client.get(url).content.decode()
        assert f"{day:%A} {day.day} {day:%B} {day.year} at 14:00" in english
        assert "14:00 h" not in english and " uur" not in english
