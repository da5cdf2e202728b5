"""Individual coaching: goals from the conversation model and the library, sessions with private notes that only the
coach and the coachee read, and a shared initiative without the resident's personal data."""

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.tests.factories import InitiativeFactory, InitiatorDataFactory
from burgeridee.knowledge.defaults import defaults_load

from ..models import CoachingTrajectory, SharedInitiative

pytestmark = pytest.mark.django_db

BASE = "/werkplek/voorbeeld/coaching"


@pytest.fixture
def coachee(municipality):
    return StaffFactory(
        municipality=municipality, roles=[Role.CONTACT], username="omar", first_name="Omar", last_name="Ouali"
    )


@pytest.fixture
def trajectory(trainer_client, coachee):
    response = trainer_client.post(f"{BASE}/nieuw/", {"title": "Coaching Omar", "coachee": coachee.pk})
    assert response.status_code == 302
    return CoachingTrajectory.objects.get()


def test_goals_sessions_and_private_notes(trainer_client, coachee, trajectory, staff_client_factory, municipality):
    defaults_load()
    coachee_client = login_with_second_factor(coachee)
    response = coachee_client.post(
        f"{BASE}/{trajectory.pk}/doel/",
        {
            "goal-text": "Eerst luisteren, dan pas regels.",
            "goal-phase_keys": ["kennismaken"],
            "goal-pitfall_keys": ["V5"],
            "goal-factor_keys": ["SF13"],
        },
    )
    assert response.status_code == 302
    page = trainer_client.get(f"{BASE}/{trajectory.pk}/").content.decode()
    assert "Eerst luisteren, dan pas regels." in page
    assert "Kennismaken" in page and "V5 Nee-reflex" in page and "SF13" in page  # texts from the model and the library

    assert (
        trainer_client.post(
            f"{BASE}/{trajectory.pk}/gesprek/",
            {"session-date": "02-03-2027", "session-start_time": "10:00", "session-place": "Kamer 3"},
        ).status_code
        == 302
    )
    assert (
        coachee_client.post(
            f"{BASE}/{trajectory.pk}/gesprek/", {"session-date": "02-03-2027", "session-start_time": "10:00"}
        ).status_code
        == 404
    )
    session = trajectory.sessions.get()
    coachee_client.post(
        f"{BASE}/{trajectory.pk}/gesprek/{session.pk}/aantekening/",
        {"note-text": "Ik schrok van mijn eigen nee-reflex."},
    )
    trainer_client.post(
        f"{BASE}/{trajectory.pk}/gesprek/{session.pk}/aantekening/", {"note-text": "Oefenen met doorvragen."}
    )
    for client in (trainer_client, coachee_client):
        page = client.get(f"{BASE}/{trajectory.pk}/").content.decode()
        assert "Ik schrok van mijn eigen nee-reflex." in page and "Oefenen met doorvragen." in page

    # A coordinator and another trainer of the same municipality read nothing: not the page, not the notes.
    coordinator = staff_client_factory(municipality, Role.COORDINATOR, Role.TRAINER)
    other_trainer = staff_client_factory(municipality, Role.TRAINER)
    for outsider in (coordinator, other_trainer):
        assert outsider.get(f"{BASE}/{trajectory.pk}/").status_code == 404
        assert "Coaching Omar" not in outsider.get(f"{BASE}/").content.decode()
        refused = outsider.post(f"{BASE}/{trajectory.pk}/gesprek/{session.pk}/aantekening/", {"note-text": "Meelezen"})
        assert refused.status_code == 404
    assert session.notes.count() == 2


def test_the_coachee_shares_an_initiative_without_the_residents_data(trainer_client, coachee, trajectory, municipality):
    own = InitiativeFactory(
        municipality=municipality,
        title="Buurtmoestuin Kastanjelaan",
        initiator=InitiatorDataFactory(name="Fatima Bakker", email="fatima@example.org"),
    )
    own.contact_person = coachee
    own.save(update_fields=["contact_person"])
    someone_elses = InitiativeFactory(municipality=municipality, title="Straatfeest")
    coachee_client = login_with_second_factor(coachee)
    page = coachee_client.get(f"{BASE}/{trajectory.pk}/").content.decode()
    assert own.reference in page and someone_elses.reference not in page  # only their own to choose from
    refused = coachee_client.post(
        f"{BASE}/{trajectory.pk}/delen/", {"share-initiative": someone_elses.pk, "share-summary": "x"}
    )
    assert refused.status_code == 400
    # The resident's name, or anything like contact data, is refused, with what was typed kept.
    for text in (
        "Fatima wil een moestuin.",
        "De familie bakker wil een moestuin.",
        "Mail de bewoner op fatima@example.org",
        "Bel 06-12345678 terug",
        "Bij 1234 AB om de hoek",
    ):
        named = coachee_client.post(
            f"{BASE}/{trajectory.pk}/delen/",
            {"share-initiative": own.pk, "share-summary": "Een moestuin.", "share-question": text},
        )
        assert named.status_code == 400, text
        assert "Laat de persoonsgegevens van bewoners weg" in named.content.decode()
        assert text.replace("'", "&#x27;") in named.content.decode()
    assert not SharedInitiative.objects.exists()
    response = coachee_client.post(
        f"{BASE}/{trajectory.pk}/delen/",
        {
            "share-initiative": own.pk,
            "share-summary": "Een bewoner wil een moestuin; ik zei meteen dat het niet mocht.",
            "share-question": "Hoe herstel ik dit?",
        },
    )
    assert response.status_code == 302
    coach_page = trainer_client.get(f"{BASE}/{trajectory.pk}/").content.decode()
    assert "ik zei meteen dat het niet mocht" in coach_page and own.reference in coach_page
    assert "Fatima" not in coach_page and "fatima@example.org" not in coach_page
    # The coach cannot share on the coachee's behalf.
    assert trainer_client.post(f"{BASE}/{trajectory.pk}/delen/", {"share-summary": "x"}).status_code == 404
    shared = SharedInitiative.objects.get()
    assert coachee_client.post(f"{BASE}/{trajectory.pk}/delen/{shared.pk}/weg/").status_code == 302
    assert not SharedInitiative.objects.exists()


def test_the_coach_finishes_the_trajectory_and_its_retention_period_is_said(
    trainer_client, coachee, trajectory, settings
):
    settings.TRAINING_COACHING_RETENTION_MONTHS = 12
    coachee_client = login_with_second_factor(coachee)
    page = coachee_client.get(f"{BASE}/{trajectory.pk}/").content.decode()
    assert "Na afloop bewaren wij het traject nog 12 maanden" in page and "Traject afronden" not in page
    assert coachee_client.post(f"{BASE}/{trajectory.pk}/afronden/").status_code == 404  # only the coach
    assert "Traject afronden" in trainer_client.get(f"{BASE}/{trajectory.pk}/").content.decode()
    assert trainer_client.post(f"{BASE}/{trajectory.pk}/afronden/").status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.finished_at is not None
    assert "Afgerond op" in coachee_client.get(f"{BASE}/{trajectory.pk}/").content.decode()
