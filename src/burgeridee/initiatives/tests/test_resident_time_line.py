"""Everything a resident is shown is true (issue #11): the time line of an open and a closed initiative,
the referral note, and the messages a resident gets when the phase changes or the initiative closes."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from burgeridee.initiatives import services
from burgeridee.initiatives.constants import ContactPreference, Delivery, MessageDirection, StopReason
from burgeridee.initiatives.constants import Phase as P
from burgeridee.initiatives.models import Initiative, Message
from burgeridee.initiatives.selectors import resident_timeline
from burgeridee.initiatives.tests.factories import InitiatorDataFactory

pytestmark = pytest.mark.django_db

CONTACT_STEP = "Een contactpersoon neemt contact met u op"


def status_html(municipality, token) -> str:
    return Client().get(f"/{municipality.slug}/mijn-initiatief/{token}/").content.decode()


def step_states(html: str) -> dict[str, str]:
    found = re.findall(
        r'<p class="bi-timeline__title">\s*(.*?)\s*<span class="bi-visually-hidden">\((.*?)\)</span>', html, re.S
    )
    return {title.strip(): state for title, state in found}


def fresh(initiative) -> Initiative:
    return Initiative.objects.get(pk=initiative.pk)


def outbound(initiative) -> list[Message]:
    return list(Message.objects.filter(initiative=initiative, direction=MessageDirection.OUTBOUND))


@pytest.fixture
def post_resident():
    return InitiatorDataFactory(
        email="",
        preferred_contact=ContactPreference.POST,
        street_address="Kastanjelaan 12",
        postal_code="1234 AB",
        city="Voorbeeld",
    )


# --- An open initiative -------------------------------------------------------------------------------


def test_new_idea_promises_first_contact_by_its_date(municipality, submit_idea):
    initiative, _token = submit_idea(municipality)
    steps = {s.title: s for s in resident_timeline(initiative=fresh(initiative))}
    assert steps["Wij hebben uw idee ontvangen"].state == "done"
    contact = steps[CONTACT_STEP]
    assert (contact.state, contact.day, contact.day_label) == ("current", initiative.first_contact_due, "Uiterlijk")
    assert steps["Het eerste gesprek"].state == "upcoming"


def test_first_contact_made_is_done_on_its_day(municipality, submit_idea, contact):
    initiative, _token = submit_idea(municipality)
    services.initiative_first_contact_made(initiative=initiative, actor=contact)
    steps = {s.title: s for s in resident_timeline(initiative=fresh(initiative))}
    done = steps["Uw contactpersoon heeft contact met u gehad"]
    assert (done.state, done.day) == ("done", timezone.localdate())
    assert CONTACT_STEP not in steps
    assert steps["Het eerste gesprek"].state == "current"


def test_steps_are_in_the_order_they_happen(municipality, submit_idea, contact):
    initiative, _token = submit_idea(municipality)
    services.initiative_first_contact_made(initiative=initiative, actor=contact)
    services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=contact)
    steps = resident_timeline(initiative=fresh(initiative))
    states = [s.state for s in steps]
    # Everything done first, then exactly one step that is now going on, then what comes later.
    assert states == sorted(states, key=["done", "current", "upcoming"].index)
    assert states.count("current") == 1
    done_moments = [s.at for s in steps if s.state == "done"]
    assert done_moments == sorted(done_moments)


# --- Closing ------------------------------------------------------------------------------------------


def test_not_an_initiative_shows_only_what_happened_and_where_to_go(
    municipality, submit_idea, contact, django_capture_on_commit_callbacks
):
    initiative, token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(
            initiative=initiative,
            to_phase=P.NOT_AN_INITIATIVE,
            actor=contact,
            note="Het wijkteam Centrum helpt u verder: bel 030 123 45 67.",
        )
    steps = resident_timeline(initiative=fresh(initiative))
    assert all(step.state == "done" for step in steps)
    titles = [step.title for step in steps]
    assert titles[0] == "Wij hebben uw idee ontvangen"
    assert titles[-1] == "Wij hebben u doorverwezen"
    assert CONTACT_STEP not in titles and "Het eerste gesprek" not in titles and "Aan de slag" not in titles

    html = status_html(municipality, token)
    states = step_states(html)
    assert set(states.values()) == {"gedaan"}
    assert "Uiterlijk" not in html  # no promise of first contact any more
    assert "niet meer nodig" not in html
    assert "Waar kunt u nu terecht?" in html
    assert "Het wijkteam Centrum helpt u verder: bel 030 123 45 67." in html
    # The staff term ("Geen initiatief: warm doorverwezen") is not the resident's word for it.
    assert "Geen initiatief" not in html and "Doorverwezen</span>" in html

    # The resident gets a message in their own channel (mail), saying where to go now.
    message = outbound(initiative)[-1]
    assert message.delivery == Delivery.EMAIL
    assert "Het wijkteam Centrum helpt u verder" in message.body
    assert len(mail.outbox) == 1
    assert "Het wijkteam Centrum helpt u verder" in mail.outbox[0].body
    assert mail.outbox[0].to == ["fatima@example.org"]


def test_not_an_initiative_for_a_post_resident_leaves_a_letter_to_print(
    municipality, submit_idea, contact, contact_client, post_resident, django_capture_on_commit_callbacks
):
    initiative, _token = submit_idea(municipality, initiator=post_resident)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(
            initiative=initiative, to_phase=P.NOT_AN_INITIATIVE, actor=contact, note="Het wijkteam Centrum."
        )
    assert mail.outbox == []
    message = outbound(initiative)[-1]
    assert message.delivery == Delivery.LETTER and message.letter_sent_at is None
    page = contact_client.get(f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/").content.decode()
    assert "Er ligt een brief klaar om te printen" in page
    letter_url = f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/berichten/{message.pk}/brief/"
    assert letter_url in page
    letter = contact_client.get(letter_url).content.decode()
    assert "Het wijkteam Centrum." in letter and "Kastanjelaan 12" in letter

    # Once posted, the staff says so and the page stops asking.
    response = contact_client.post(letter_url + "verstuurd/")
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.letter_sent_at is not None
    page = contact_client.get(f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/").content.decode()
    assert "Er ligt een brief klaar om te printen" not in page


def test_stopped_shows_no_promise_and_no_staff_note(municipality, submit_idea, contact):
    initiative, token = submit_idea(municipality)
    services.initiative_phase_change(
        initiative=initiative,
        to_phase=P.STOPPED,
        actor=contact,
        stop_reason=StopReason.LEAD_DROPPED_OUT,
        note="Intern: de trekker was boos op de wethouder.",
    )
    steps = resident_timeline(initiative=fresh(initiative))
    assert [s.state for s in steps] == ["done", "done"]
    assert steps[-1].title == "Uw initiatief is gestopt"
    html = status_html(municipality, token)
    assert "Uiterlijk" not in html
    assert "boos op de wethouder" not in html
    assert "Waar kunt u nu terecht?" not in html
    message = outbound(initiative)[-1]
    assert "gestopt" in message.body and "wethouder" not in message.body


def test_withdrawn_shows_no_promise_and_confirms_to_the_resident(
    municipality, submit_idea, django_capture_on_commit_callbacks
):
    initiative, token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_withdraw(initiative=initiative, note="Geen tijd meer.")
    steps = resident_timeline(initiative=fresh(initiative))
    assert [s.title for s in steps] == ["Wij hebben uw idee ontvangen", "U heeft uw idee ingetrokken"]
    assert "Uiterlijk" not in status_html(municipality, token)
    told = [m for m in mail.outbox if "ingetrokken" in m.body]
    assert len(told) == 1 and told[0].to == ["fatima@example.org"]


def test_closed_after_first_contact_keeps_that_step(municipality, submit_idea, contact):
    initiative, _token = submit_idea(municipality)
    services.initiative_first_contact_made(initiative=initiative, actor=contact)
    services.initiative_phase_change(initiative=initiative, to_phase=P.NOT_AN_INITIATIVE, actor=contact, note="X")
    titles = [s.title for s in resident_timeline(initiative=fresh(initiative))]
    assert titles == [
        "Wij hebben uw idee ontvangen",
        "Uw contactpersoon heeft contact met u gehad",
        "Wij hebben u doorverwezen",
    ]


# --- Phase changes ------------------------------------------------------------------------------------


def test_phase_change_tells_the_resident_which_phase_and_what_it_means(
    municipality, submit_idea, contact, django_capture_on_commit_callbacks
):
    initiative, token = submit_idea(municipality)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=contact)
    message = outbound(initiative)[-1]
    assert "Verkennen en kopgroep" in message.body
    assert "wie er meedoen" in message.body  # what the phase means, in plain words
    assert len(mail.outbox) == 1 and "Verkennen en kopgroep" in mail.outbox[0].body

    steps = {s.title: s for s in resident_timeline(initiative=fresh(initiative))}
    assert steps["Nieuwe fase: Verkennen en kopgroep"].state == "done"
    html = status_html(municipality, token)
    assert "Nieuwe fase: Verkennen en kopgroep" in html  # also in "Wat er is gebeurd"


def test_phase_change_for_a_post_resident_is_a_letter(
    municipality, submit_idea, contact, post_resident, django_capture_on_commit_callbacks
):
    initiative, _token = submit_idea(municipality, initiator=post_resident)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=contact)
    assert mail.outbox == []
    message = outbound(initiative)[-1]
    assert message.delivery == Delivery.LETTER and "Verkennen en kopgroep" in message.body


def test_a_correction_back_sends_no_message(municipality, submit_idea, contact):
    initiative, _token = submit_idea(municipality)
    services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=contact)
    services.initiative_phase_change(initiative=initiative, to_phase=P.PLANNING, actor=contact)
    before = len(outbound(initiative))
    services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=contact)
    assert len(outbound(initiative)) == before
    titles = [s.title for s in resident_timeline(initiative=fresh(initiative))]
    assert "Nieuwe fase: Plan en draagvlak" not in titles  # corrected away
    assert titles.count("Nieuwe fase: Verkennen en kopgroep") == 1


def test_pause_and_resume_are_told(municipality, submit_idea, contact):
    initiative, _token = submit_idea(municipality)
    services.initiative_phase_change(initiative=initiative, to_phase=P.PAUSED, actor=contact)
    assert "staat even stil" in outbound(initiative)[-1].body
    services.initiative_phase_change(initiative=initiative, to_phase=P.IDEA, actor=contact)
    assert "gaat weer verder" in outbound(initiative)[-1].body


def test_staff_time_line_names_the_phase(municipality, submit_idea, contact, contact_client):
    initiative, _token = submit_idea(municipality)
    services.initiative_phase_change(initiative=initiative, to_phase=P.EXPLORING, actor=contact)
    page = contact_client.get(f"/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/").content.decode()
    assert "Fase gewijzigd: Idee → Verkennen en kopgroep" in page


def test_contact_made_no_longer_promises_contact_by_a_date(municipality, submit_idea, contact):
    initiative, token = submit_idea(municipality)
    assert "Uiterlijk" in status_html(municipality, token)
    services.initiative_first_contact_made(initiative=initiative, actor=contact)
    html = status_html(municipality, token)
    assert "U hoort snel wie uw vaste contactpersoon wordt." in html
    assert "Uiterlijk" not in html
