import pytest
from django.core import mail

from burgeridee.evaluations.models import Evaluation
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import Delivery, MessageDirection, Phase, StopReason
from burgeridee.initiatives.models import Initiative, Message

pytestmark = pytest.mark.django_db

ANSWERS = {
    "reachability": "4",
    "speed": "2",
    "speed_comment": "Drie weken op antwoord gewacht",
    "clarity": "3",
    "personal_contact": "5",
    "result": "4",
}


def test_withdrawing_sends_one_mail_that_says_so_and_invites_the_evaluation(
    municipality, submit_idea, django_capture_on_commit_callbacks
):
    """Found when tried: a withdrawal gave the resident two mails (the closing message and the invitation)."""
    initiative, token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_withdraw(initiative=initiative)
    assert Evaluation.objects.filter(initiative=initiative, submitted_at=None).count() == 1
    (only,) = mail.outbox
    assert "ingetrokken" in only.body  # what happened
    assert "Hoe ging het? Wilt u vijf korte vragen beantwoorden?" in only.body
    assert f"/voorbeeld/mijn-initiatief/{token}/evaluatie/" in only.body  # and the invitation
    assert "is afgerond" not in only.body  # the old separate invitation called every ending "afgerond"
    assert initiative.events.get(kind="evaluatie_gevraagd").data == {"channel": "email"}


def test_completing_sends_one_mail_with_the_invitation(
    municipality, submit_idea, contact, django_capture_on_commit_callbacks
):
    initiative, token = submit_idea(municipality)
    Initiative.objects.filter(pk=initiative.pk).update(phase=Phase.EVALUATING)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(initiative=initiative, to_phase=Phase.COMPLETED, actor=contact)
    (only,) = mail.outbox
    assert "is afgerond" in only.body and f"/mijn-initiatief/{token}/evaluatie/" in only.body
    assert Evaluation.objects.filter(initiative=initiative).count() == 1


def test_stopping_sends_one_mail_and_not_an_initiative_invites_nobody(
    municipality, submit_idea, contact, django_capture_on_commit_callbacks
):
    stopped, _token = submit_idea(municipality)
    referred, _token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(
            initiative=stopped, to_phase=Phase.STOPPED, stop_reason=StopReason.values[0], actor=contact
        )
    (only,) = mail.outbox
    assert "is gestopt" in only.body and "/evaluatie/" in only.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(
            initiative=referred, to_phase=Phase.NOT_AN_INITIATIVE, note="Het buurtteam", actor=contact
        )
    (only,) = mail.outbox
    assert "Het buurtteam" in only.body and "/evaluatie/" not in only.body
    assert not Evaluation.objects.filter(initiative=referred).exists()


def test_a_closing_told_in_other_words_still_invites_by_a_mail_of_its_own(
    municipality, submit_idea, contact, django_capture_on_commit_callbacks
):
    """A caller that tells the resident itself (a decision on a challenge) sends no closing message: then the
    invitation is not lost, it comes as its own mail."""
    initiative, token = submit_idea(municipality)
    Initiative.objects.filter(pk=initiative.pk).update(phase=Phase.EVALUATING)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(
            initiative=initiative, to_phase=Phase.COMPLETED, actor=contact, tell_resident=False
        )
    (only,) = mail.outbox
    assert f"/mijn-initiatief/{token}/evaluatie/" in only.body


def test_a_stop_told_in_other_words_invites_without_calling_it_completed(
    municipality, submit_idea, contact, django_capture_on_commit_callbacks
):
    """Found when tried: the invitation of its own said "is afgerond" also after a decision that stopped the
    initiative (a refused challenge)."""
    initiative, token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(
            initiative=initiative,
            to_phase=Phase.STOPPED,
            stop_reason=StopReason.values[0],
            actor=contact,
            tell_resident=False,
        )
    (only,) = mail.outbox
    assert f"/mijn-initiatief/{token}/evaluatie/" in only.body
    assert "is afgerond" not in only.body
    assert "is gestopt" in only.body


def test_resident_by_post_gets_one_letter_with_the_invitation(
    municipality, submit_idea, django_capture_on_commit_callbacks
):
    initiative, token = submit_idea(
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
    (letter,) = Message.objects.filter(initiative=initiative, direction=MessageDirection.OUTBOUND)
    assert letter.delivery == Delivery.LETTER and letter.letter_waiting
    assert "ingetrokken" in letter.body and f"/mijn-initiatief/{token}/evaluatie/" in letter.body


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
