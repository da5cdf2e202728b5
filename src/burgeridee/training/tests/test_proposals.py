"""From request to an accepted proposal: intake, composing, totals with VAT, the PDF, the personal link, planning."""

import hashlib
import re
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core import mail
from pypdf import PdfReader

from burgeridee.accounts.constants import Role
from burgeridee.workshops.constants import Module
from burgeridee.workshops.models import WorkshopSession

from ..constants import ItemKind, ProposalStatus
from ..models import CoachingTrajectory, Meeting, Proposal, ProposalItem
from .factories import WorkshopRequestFactory

pytestmark = pytest.mark.django_db

BASE = "/werkplek/voorbeeld/training"


def _link_token(body: str) -> str:
    return re.search(r"/voorbeeld/voorstel/([A-Za-z0-9_-]+)/", body).group(1)


def _compose(trainer_client, municipality):
    workshop_request = WorkshopRequestFactory(municipality=municipality)
    response = trainer_client.post(
        f"{BASE}/aanvraag/{workshop_request.pk}/",
        {"held_on": "10-02-2027", "note": "Veertien collega's, veel nieuw. Wil ook intervisie."},
    )
    assert response.status_code == 302
    assert workshop_request.intake.note.startswith("Veertien")
    response = trainer_client.post(f"{BASE}/aanvraag/{workshop_request.pk}/voorstel/")
    proposal = Proposal.objects.get(request=workshop_request)
    assert proposal.place.startswith("Gemeentehuis")  # the town hall by default
    workshop = proposal.items.get()
    assert workshop.kind == ItemKind.WORKSHOP
    # The workshop without the role-play, on a date.
    modules = [m for m, _label in Module.choices if m != Module.ROLEPLAY]
    response = trainer_client.post(
        f"{BASE}/voorstel/{proposal.pk}/onderdeel/{workshop.pk}/",
        {
            "title": "Workshop Oké, een burger-idee",
            "modules": modules,
            "date": "09-03-2027",
            "start_time": "13:30",
            "duration_minutes": 210,
            "place": "",
            "quantity": 1,
            "unit_price": "1250.00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    for data in (
        {
            "kind": "intervisie",
            "title": "Intervisie",
            "date": "13-04-2027",
            "start_time": "15:00",
            "quantity": 2,
            "unit_price": "450.00",
            "duration_minutes": 120,
        },
        {
            "kind": "coaching",
            "title": "Coaching Sanne",
            "date": "16-03-2027",
            "start_time": "10:00",
            "quantity": 3,
            "unit_price": "165.50",
            "duration_minutes": 60,
        },
    ):
        response = trainer_client.post(
            f"{BASE}/voorstel/{proposal.pk}/onderdeel/", {f"item-{k}": v for k, v in data.items()}
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    return proposal


def test_request_becomes_an_accepted_proposal_and_everything_is_planned(trainer_client, municipality, committed):
    proposal = _compose(trainer_client, municipality)
    page = trainer_client.get(f"{BASE}/voorstel/{proposal.pk}/").content.decode()
    # 1250 + 2 x 450 + 3 x 165.50 = 2646.50; VAT 21% = 555.765 -> 555.77; total 3202.27
    assert proposal.totals() == {"subtotal": Decimal("2646.50"), "vat": Decimal("555.77"), "total": Decimal("3202.27")}
    assert "2.646,50" in page and "555,77" in page and "3.202,27" in page and "Btw 21%" in page

    response = committed(lambda: trainer_client.post(f"{BASE}/voorstel/{proposal.pk}/versturen/"))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SENT
    [message] = mail.outbox
    assert message.to == ["sanne@voorbeeld.example"]
    token = _link_token(message.body)
    # Only the hash of the personal link is stored, as for the resident's status link.
    assert proposal.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {proposal.token_nonce, proposal.token_hash}

    from django.test import Client

    requester = Client()
    page = requester.get(f"/voorbeeld/voorstel/{token}/")
    assert page.status_code == 200
    assert "3.202,27" in page.content.decode()
    pdf = requester.get(f"/voorbeeld/voorstel/{token}/voorstel.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(pdf.content))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Voorstel voor Team Wijken" in text and "3.202,27" in text and "Btw 21%" in text
    assert reader.metadata.title == proposal.title

    # Accepting without the checkbox is refused and keeps the typed name.
    refused = requester.post(f"/voorbeeld/voorstel/{token}/", {"answer": "accept", "accept-name": "Sanne Vermeer"})
    assert refused.status_code == 400
    assert 'value="Sanne Vermeer"' in refused.content.decode()
    accepted = requester.post(
        f"/voorbeeld/voorstel/{token}/", {"answer": "accept", "accept-name": "Sanne Vermeer", "accept-agree": "on"}
    )
    assert accepted.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED and proposal.accepted_by_name == "Sanne Vermeer"
    assert proposal.request.handled_at is not None  # off the trainer's open list
    assert "Team Wijken" not in trainer_client.get(f"{BASE}/").content.decode().split("Voorstellen op maat")[0]

    session = WorkshopSession.objects.get(municipality=municipality)
    assert session.date == date(2027, 3, 9) and session.expected_participants == 14
    assert Module.ROLEPLAY not in set(session.agenda_items.values_list("module", flat=True))
    assert session.agenda_items.count() == len(Module.choices) - 1
    meeting = Meeting.objects.get(proposal=proposal)
    assert meeting.kind == "intervisie" and meeting.place == proposal.place
    trajectory = CoachingTrajectory.objects.get(proposal=proposal)
    assert trajectory.coach == proposal.trainer
    assert [s.starts_at.date() for s in trajectory.sessions.all()] == [
        date(2027, 3, 16),
        date(2027, 4, 6),
        date(2027, 4, 27),
    ]
    # A second answer is refused.
    again = requester.post(f"/voorbeeld/voorstel/{token}/", {"answer": "changes", "changes-comment": "Toch niet"})
    assert again.status_code == 400


def test_requester_asks_for_changes_and_gets_a_new_version(trainer_client, municipality, client, committed):
    proposal = _compose(trainer_client, municipality)
    committed(lambda: trainer_client.post(f"{BASE}/voorstel/{proposal.pk}/versturen/"))
    token = _link_token(mail.outbox[0].body)
    response = committed(
        lambda: client.post(
            f"/voorbeeld/voorstel/{token}/", {"answer": "changes", "changes-comment": "Liever in april."}
        )
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CHANGES_REQUESTED
    assert "Liever in april." in trainer_client.get(f"{BASE}/voorstel/{proposal.pk}/").content.decode()
    assert "Liever in april." in mail.outbox[-1].body  # the trainer is told
    committed(lambda: trainer_client.post(f"{BASE}/voorstel/{proposal.pk}/versturen/"))
    proposal.refresh_from_db()
    assert proposal.version == 2 and proposal.status == ProposalStatus.SENT
    assert _link_token(mail.outbox[-1].body) == token  # the same personal link


def test_a_proposal_without_dates_is_not_sent(trainer_client, municipality):
    workshop_request = WorkshopRequestFactory(municipality=municipality, kind="coaching")
    trainer_client.post(f"{BASE}/aanvraag/{workshop_request.pk}/voorstel/")
    proposal = Proposal.objects.get()
    assert proposal.items.get().kind == ItemKind.COACHING
    trainer_client.post(f"{BASE}/voorstel/{proposal.pk}/versturen/")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT and not mail.outbox


def test_wrong_or_draft_token_is_404(client, trainer_client, municipality):
    workshop_request = WorkshopRequestFactory(municipality=municipality)
    trainer_client.post(f"{BASE}/aanvraag/{workshop_request.pk}/voorstel/")
    assert client.get("/voorbeeld/voorstel/bestaat-niet/").status_code == 404


def test_only_trainers_of_the_municipality(staff_client_factory, municipality, other_municipality):
    workshop_request = WorkshopRequestFactory(municipality=municipality)
    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    assert coordinator.get(f"{BASE}/aanvraag/{workshop_request.pk}/").status_code == 403
    other = staff_client_factory(other_municipality, Role.TRAINER)
    assert other.get(f"/werkplek/{other_municipality.slug}/training/aanvraag/{workshop_request.pk}/").status_code == 404


def test_vat_rounds_half_up_per_proposal(municipality, trainer):
    workshop_request = WorkshopRequestFactory(municipality=municipality)
    proposal = Proposal.objects.create(
        municipality=municipality,
        request=workshop_request,
        trainer=trainer,
        title="X",
        place="Y",
        vat_percentage=Decimal("9"),
    )
    ProposalItem.objects.create(proposal=proposal, kind="maatwerk", title="A", quantity=3, unit_price=Decimal("33.35"))
    # 3 x 33.35 = 100.05; 9% = 9.0045 -> 9.00; total 109.05
    assert proposal.totals() == {"subtotal": Decimal("100.05"), "vat": Decimal("9.00"), "total": Decimal("109.05")}


def _dated_proposal(municipality, trainer):
    from .. import services

    proposal = services.proposal_create(
        workshop_request=WorkshopRequestFactory(municipality=municipality), trainer=trainer
    )
    for item in proposal.items.all():
        services.proposal_item_update(item=item, date=date(2027, 3, 9), modules=item.modules)
    return proposal


def test_the_mail_is_in_the_outbox_within_the_action_and_a_failed_action_sends_none(
    municipality, trainer, django_capture_on_commit_callbacks, monkeypatch
):
    from burgeridee.core.models import OutboxMail

    from .. import services

    proposal = _dated_proposal(municipality, trainer)

    def refuse(**kwargs):
        raise RuntimeError("log down")

    monkeypatch.setattr(services, "processing_record", refuse)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        services.proposal_send(proposal=proposal, actor=trainer)
    assert not OutboxMail.objects.exists() and mail.outbox == []  # the failed send left no mail behind
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    monkeypatch.undo()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.proposal_send(proposal=proposal, actor=trainer)
        # Stored in the action's own transaction, before anything runs after the commit.
        assert [row.to for row in OutboxMail.objects.all()] == [["sanne@voorbeeld.example"]]
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["sanne@voorbeeld.example"]]
