from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from burgeridee.core.dates import add_working_days, local_date
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import MessageDirection, Phase, StopReason
from burgeridee.initiatives.models import Initiative, Message
from burgeridee.records.models import TimelineEvent

pytestmark = pytest.mark.django_db


def status_url(municipality, token, suffix=""):
    return f"/{municipality.slug}/mijn-initiatief/{token}/{suffix}"


def test_status_page_shows_the_idea_time_line_phase_and_contact(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    response = client.get(status_url(municipality, token))
    content = response.content.decode()
    assert response.status_code == 200
    assert initiative.reference in content
    assert "Moestuin aan de Kastanjelaan" in content
    assert "Een moestuin voor de hele straat." in content
    assert "Idee" in content  # the phase
    assert "Nog niet bekend. Uiterlijk" in content
    assert "Uiterlijk" in content and "Een contactpersoon neemt contact met u op" in content
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_status_page_names_the_contact_person_once_assigned(client, municipality, submit_idea, contact):
    initiative, token = submit_idea(municipality)
    Initiative.objects.filter(pk=initiative.pk).update(contact_person=contact)
    content = client.get(status_url(municipality, token)).content.decode()
    assert "Karim Contact" in content
    assert "karim@voorbeeld.example" in content


@pytest.mark.parametrize("token", ["verkeerd", "x" * 43, "x" * 200])
def test_wrong_token_is_a_friendly_404(client, municipality, submit_idea, token):
    submit_idea(municipality)
    response = client.get(status_url(municipality, token))
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def test_expired_token_is_a_404(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    Initiative.objects.filter(pk=initiative.pk).update(status_token_expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(status_url(municipality, token)).status_code == 404


def test_token_does_not_open_the_initiative_under_another_municipality(
    client, municipality, other_municipality, submit_idea
):
    _initiative, token = submit_idea(municipality)
    assert client.get(status_url(other_municipality, token)).status_code == 404


def test_tokens_do_not_open_each_other(client, municipality, submit_idea):
    _first, first_token = submit_idea(municipality, title="Eerste")
    _second, second_token = submit_idea(municipality, title="Tweede")
    assert first_token != second_token
    assert "Eerste" in client.get(status_url(municipality, first_token)).content.decode()
    assert "Tweede" not in client.get(status_url(municipality, first_token)).content.decode()


def test_resident_sends_a_message(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    response = client.post(
        status_url(municipality, token, "bericht/"), {"body": "Wanneer kunnen we praten?"}, follow=True
    )
    content = response.content.decode()
    assert "Uw bericht is verstuurd" in content
    assert "Wanneer kunnen we praten?" in content
    message = Message.objects.get()
    assert message.direction == MessageDirection.INBOUND
    assert message.initiative == initiative
    assert TimelineEvent.objects.filter(kind="bericht_bewoner").exists()


def test_empty_message_gets_an_error_and_nothing_is_saved(client, municipality, submit_idea):
    _initiative, token = submit_idea(municipality)
    response = client.post(status_url(municipality, token, "bericht/"), {"body": "   "})
    assert response.status_code == 400
    assert "Schrijf eerst uw bericht." in response.content.decode()
    assert Message.objects.count() == 0


@override_settings(RATELIMIT_MESSAGE_FORM="1/h")
def test_message_rate_limit_keeps_the_text(client, municipality, submit_idea):
    _initiative, token = submit_idea(municipality)
    client.post(status_url(municipality, token, "bericht/"), {"body": "een"})
    response = client.post(status_url(municipality, token, "bericht/"), {"body": "twee keer"})
    assert response.status_code == 429
    assert "twee keer" in response.content.decode()
    assert Message.objects.count() == 1


def test_resident_withdraws_the_idea(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    confirm = client.get(status_url(municipality, token, "intrekken/"))
    assert "Wilt u uw idee intrekken?" in confirm.content.decode()
    response = client.post(status_url(municipality, token, "intrekken/"), {"note": "Geen tijd meer"}, follow=True)
    content = response.content.decode()
    assert "U heeft uw idee ingetrokken" in content
    initiative.refresh_from_db()
    assert initiative.phase == Phase.STOPPED
    assert initiative.stop_reason == StopReason.WITHDRAWN
    assert initiative.stop_note == "Geen tijd meer"
    assert initiative.closed_at is not None
    assert "Mijn idee intrekken" not in content
    # A closed initiative takes no more messages.
    client.post(status_url(municipality, token, "bericht/"), {"body": "nog iets"})
    assert not Message.objects.filter(direction=MessageDirection.INBOUND).exists()


def test_references_count_up_per_year(municipality, submit_idea):
    first, _ = submit_idea(municipality)
    second, _ = submit_idea(municipality)
    year = timezone.localdate().year
    assert first.reference == f"BI-{year}-000001"
    assert second.reference == f"BI-{year}-000002"
    assert services.reference_next(year=year + 1) == f"BI-{year + 1}-000001"


def test_first_contact_due_uses_the_municipality_setting(municipality, submit_idea):
    municipality.first_contact_working_days = 10
    municipality.save()
    initiative, _ = submit_idea(municipality)
    assert initiative.first_contact_due == add_working_days(local_date(initiative.submitted_at), 10)


def test_no_confirmation_mail_without_email(municipality, submit_idea, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit_idea(
            municipality,
            initiator=services.InitiatorData(name="Jan", phone="0612345678", preferred_contact="telefoon"),
        )
    assert mail.outbox == []


def test_status_link_can_be_rebuilt_for_later_mail_but_is_not_stored(municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    initiative.refresh_from_db()
    assert services.status_link(initiative=initiative).endswith(f"/voorbeeld/mijn-initiatief/{token}/")
    stored = " ".join(str(value) for value in initiative.__dict__.values())
    assert token not in stored


@pytest.mark.django_db
def test_status_link_depends_on_the_secret_key(municipality, submit_idea, settings):
    initiative, token = submit_idea(municipality)
    settings.SECRET_KEY = "another-secret-key-" + "y" * 40
    assert initiative.status_token != token
