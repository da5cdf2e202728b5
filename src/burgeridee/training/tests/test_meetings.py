"""Meetings: agenda, invitations with a calendar file, sign-up, attendance, outcomes participants read afterwards."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from burgeridee.accounts.constants import Role

from ..models import Meeting, MeetingSignup
from ..services import meeting_create

pytestmark = pytest.mark.django_db

BASE = "/werkplek/voorbeeld/bijeenkomsten"


def _meeting_form(**extra):
    day = (timezone.localdate() + timedelta(days=20)).strftime("%d-%m-%Y")
    return {
        "kind": "intervisie",
        "title": "Intervisie eerste gesprekken",
        "date": day,
        "start_time": "14:00",
        "duration_minutes": 90,
        "place": "Gemeentehuis, zaal 2",
        "description": "Casussen uit de praktijk.",
        "agenda": "Welkom\nCasus van Omar\nWat nemen we mee",
        "capacity": 2,
        **extra,
    }


def test_meeting_from_invitation_to_outcomes(trainer_client, municipality, client, committed):
    response = trainer_client.post(f"{BASE}/nieuw/", _meeting_form())
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.agenda_points == ["Welkom", "Casus van Omar", "Wat nemen we mee"]

    bad = trainer_client.post(f"{BASE}/{meeting.pk}/uitnodigen/", {"invite-emails": "a@voorbeeld.example\ngeen-adres"})
    assert bad.status_code == 400 and "geen-adres" in bad.content.decode()
    response = committed(
        lambda: trainer_client.post(
            f"{BASE}/{meeting.pk}/uitnodigen/", {"invite-emails": "a@voorbeeld.example\nb@voorbeeld.example"}
        )
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    invitation = mail.outbox[0]
    name, content, mimetype = invitation.attachments[0]
    assert name == "bijeenkomst.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Intervisie eerste gesprekken"
    assert str(event["LOCATION"]) == "Gemeentehuis, zaal 2"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    link = re.search(r"(/voorbeeld/bijeenkomst/[A-Za-z0-9_-]+/)", invitation.body).group(1)
    meeting.refresh_from_db()
    assert meeting.invitations_sent == 2

    page = client.get(link)
    assert page.status_code == 200 and "Casus van Omar" in page.content.decode()
    assert client.get(link + "agenda.ics")["Content-Type"].startswith("text/calendar")
    response = committed(lambda: client.post(link, {"name": "Omar", "email": "omar@voorbeeld.example"}))
    assert response.status_code == 302
    personal = response["Location"]
    assert personal.startswith("/voorbeeld/mijn-bijeenkomst/")
    assert mail.outbox[-1].to == ["omar@voorbeeld.example"] and mail.outbox[-1].attachments
    twice = client.post(link, {"name": "Omar", "email": "OMAR@voorbeeld.example"})
    assert twice.status_code == 400
    committed(lambda: client.post(link, {"name": "Eva", "email": "eva@voorbeeld.example"}))
    full = client.post(link, {"name": "Piet", "email": "piet@voorbeeld.example"})
    assert full.status_code == 400 and "vol" in full.content.decode()  # capacity 2

    omar = MeetingSignup.objects.get(name="Omar")
    eva = MeetingSignup.objects.get(name="Eva")
    staff_page = trainer_client.get(f"{BASE}/{meeting.pk}/").content.decode()
    assert "Omar" in staff_page and "Eva" in staff_page
    trainer_client.post(f"{BASE}/{meeting.pk}/aanwezig/", {"present": [str(omar.pk)]})
    omar.refresh_from_db()
    eva.refresh_from_db()
    assert omar.attended is True and eva.attended is False

    assert "Opbrengst van de bijeenkomst" not in client.get(personal).content.decode()
    trainer_client.post(
        f"{BASE}/{meeting.pk}/opbrengst/", {"outcomes-outcomes": "We bellen altijd terug op de afgesproken dag."}
    )
    page = client.get(personal).content.decode()
    assert "We bellen altijd terug op de afgesproken dag." in page
    meeting.refresh_from_db()
    assert meeting.status == "gehouden"


def test_signing_off_hides_the_outcomes(municipality, trainer, client):
    meeting = meeting_create(
        municipality=municipality,
        organiser=trainer,
        kind="bewoners",
        title="Bewoners Oosterpark",
        starts_at=timezone.now() + timedelta(days=3),
        place="Buurthuis",
        outcomes="",
    )
    from ..services import meeting_sign_up

    signup, token = meeting_sign_up(meeting=meeting, name="Eva", email="eva@voorbeeld.example")
    client.post(f"/voorbeeld/mijn-bijeenkomst/{token}/")
    signup.refresh_from_db()
    assert signup.cancelled_at is not None
    Meeting.objects.filter(pk=meeting.pk).update(outcomes="Geheim", outcomes_published_at=timezone.now())
    assert "Geheim" not in client.get(f"/voorbeeld/mijn-bijeenkomst/{token}/").content.decode()
    assert client.get("/voorbeeld/mijn-bijeenkomst/onzin/").status_code == 404


def test_meetings_are_for_trainers_of_the_municipality(staff_client_factory, municipality, trainer):
    meeting = meeting_create(
        municipality=municipality, organiser=trainer, title="X", starts_at=timezone.now(), place="Y"
    )
    coordinator = staff_client_factory(municipality, Role.COORDINATOR)
    assert coordinator.get(f"{BASE}/{meeting.pk}/").status_code == 403
