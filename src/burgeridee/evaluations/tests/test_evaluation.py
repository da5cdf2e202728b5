import pytest
from django.core import mail

from burgeridee.evaluations.models import Evaluation
from burgeridee.initiatives import services

pytestmark = pytest.mark.django_db

ANSWERS = {
    "reachability": "4",
    "speed": "2",
    "speed_comment": "Drie weken op antwoord gewacht",
    "clarity": "3",
    "personal_contact": "5",
    "result": "4",
}


def test_closing_invites_the_resident_by_email_once(municipality, submit_idea, django_capture_on_commit_callbacks):
    initiative, token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_withdraw(initiative=initiative)
    assert Evaluation.objects.filter(initiative=initiative, submitted_at=None).count() == 1
    # One invitation (the other mail confirms the withdrawal itself).
    invitations = [m for m in mail.outbox if "/evaluatie/" in m.body]
    assert len(invitations) == 1
    assert f"/voorbeeld/mijn-initiatief/{token}/evaluatie/" in invitations[0].body
    assert initiative.events.filter(kind="evaluatie_gevraagd").count() == 1


def test_resident_without_email_is_invited_by_letter(municipality, submit_idea, django_capture_on_commit_callbacks):
    initiative, _token = submit_idea(
        municipality,
        initiator=services.InitiatorData(
            name="Jan",
            street_address="Dorpsstraat 1",
            postal_code="1234 AB",
            city="Voorbeeld",
            preferred_contact="post",
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_withdraw(initiative=initiative)
    assert mail.outbox == []
    assert initiative.events.get(kind="evaluatie_gevraagd").data == {"channel": "brief"}


def test_resident_fills_in_the_evaluation_from_the_status_page(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    base = f"/voorbeeld/mijn-initiatief/{token}/"
    assert client.get(base + "evaluatie/").status_code == 404  # not while the initiative runs
    services.initiative_withdraw(initiative=initiative)
    assert "Kijk met ons terug" in client.get(base).content.decode()

    response = client.post(base + "evaluatie/", {**ANSWERS, "result": ""})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Kies een cijfer bij: Resultaat" in content
    assert "Drie weken op antwoord gewacht" in content  # kept

    response = client.post(base + "evaluatie/", ANSWERS, follow=True)
    assert "Bedankt voor uw antwoorden" in response.content.decode()
    evaluation = Evaluation.objects.get(initiative=initiative)
    assert (evaluation.reachability, evaluation.speed, evaluation.result) == (4, 2, 4)
    assert evaluation.speed_comment == "Drie weken op antwoord gewacht"
    assert evaluation.submitted_at is not None
    # Filled in once: a second post changes nothing.
    client.post(base + "evaluatie/", {**ANSWERS, "speed": "5"})
    evaluation.refresh_from_db()
    assert evaluation.speed == 2
    assert "Bedankt dat u met ons heeft teruggekeken." in client.get(base).content.decode()


def test_scores_outside_one_to_five_are_refused(client, municipality, submit_idea):
    initiative, token = submit_idea(municipality)
    services.initiative_withdraw(initiative=initiative)
    response = client.post(f"/voorbeeld/mijn-initiatief/{token}/evaluatie/", {**ANSWERS, "speed": "9"})
    assert response.status_code == 400
    assert Evaluation.objects.get(initiative=initiative).submitted_at is None
