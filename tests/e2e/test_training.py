"""Training on measure in Chromium: a request becomes an accepted proposal; a meeting from invitation to outcomes;
a coaching trajectory with private notes. axe-core on every page, at 390 and 1280 px."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.knowledge.defaults import defaults_load
from burgeridee.training.models import CoachingTrajectory, Meeting, Proposal
from burgeridee.training.tests.factories import WorkshopRequestFactory

from .helpers import assert_accessible, login_as

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
SHOTS = Path("/tmp/training-shots")


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{page.viewport_size['width']}.png"), full_page=True)


def check(page, name=None):
    page.wait_for_load_state()
    assert_accessible(page)
    if name:
        shot(page, name)


def click(page, name):
    page.get_by_role("button", name=name, exact=True).first.click()
    page.wait_for_load_state()


def test_request_to_accepted_proposal_meeting_and_coaching(live_server, new_page, municipality):
    defaults_load()
    day = (timezone.localdate() + timedelta(days=30)).strftime("%d-%m-%Y")
    trainer_user = StaffFactory(
        municipality=municipality, roles=[Role.TRAINER], username="tineke", first_name="Tineke", last_name="Trainer"
    )
    coachee_user = StaffFactory(
        municipality=municipality, roles=[Role.CONTACT], username="omar", first_name="Omar", last_name="Ouali"
    )
    WorkshopRequestFactory(municipality=municipality)

    for viewport in (WIDE, PHONE):  # the trainer's pages at both widths
        trainer = new_page(viewport=viewport)
        login_as(trainer, live_server, trainer_user)
        trainer.goto(f"{live_server.url}/werkplek/voorbeeld/training/")
        check(trainer, "training-list")
    trainer = new_page(viewport=WIDE)
    login_as(trainer, live_server, trainer_user)
    trainer.goto(f"{live_server.url}/werkplek/voorbeeld/training/")
    trainer.get_by_role("link", name="De workshop „Oké, een burger-idee”: Team Wijken").click()
    check(trainer, "request")
    click(trainer, "Intakegesprek opslaan")
    trainer.wait_for_selector("[data-error-summary]")
    check(trainer)
    trainer.get_by_label("Datum van het intakegesprek").fill("10-02-2027")
    trainer.get_by_label("Aantekeningen").fill("Veertien collega's, de helft nieuw.")
    click(trainer, "Intakegesprek opslaan")
    click(trainer, "Voorstel opstellen")
    check(trainer, "proposal")

    trainer.locator('a[href*="/onderdeel/"]').first.click()
    check(trainer)
    trainer.fill('[name="date"]', day)
    trainer.fill('[name="start_time"]', "13:30")
    click(trainer, "Opslaan")
    trainer.select_option('[name="item-kind"]', "intervisie")
    trainer.fill('[name="item-title"]', "Intervisie eerste gesprekken")
    trainer.fill('[name="item-date"]', day)
    trainer.fill('[name="item-start_time"]', "15:00")
    trainer.fill('[name="item-duration_minutes"]', "90")
    trainer.fill('[name="item-unit_price"]', "450")
    click(trainer, "Onderdeel toevoegen")
    trainer.select_option('[name="item-kind"]', "coaching")
    trainer.fill('[name="item-title"]', "Coaching Omar")
    trainer.fill('[name="item-date"]', day)
    trainer.fill('[name="item-start_time"]', "10:00")
    trainer.fill('[name="item-duration_minutes"]', "60")
    trainer.fill('[name="item-quantity"]', "2")
    trainer.fill('[name="item-unit_price"]', "165")
    click(trainer, "Onderdeel toevoegen")
    # 1250 + 450 + 2 x 165 = 2030; VAT 21% = 426.30; total 2456.30
    assert trainer.locator('[data-total="total"]').inner_text() == "€ 2.456,30"
    check(trainer, "proposal-composed")
    click(trainer, "Voorstel versturen")
    token = re.search(r"/voorbeeld/voorstel/([A-Za-z0-9_-]+)/", mail.outbox[-1].body).group(1)

    requester = new_page(viewport=PHONE)
    requester.goto(f"{live_server.url}/voorbeeld/voorstel/{token}/")
    check(requester, "requester")
    requester.get_by_label("Uw naam").fill("Sanne Vermeer")
    click(requester, "Voorstel accepteren")
    requester.wait_for_selector("[data-error-summary]")
    check(requester)
    assert requester.get_by_label("Uw naam").input_value() == "Sanne Vermeer"
    requester.get_by_label("Ik accepteer dit voorstel namens mijn organisatie.").check()
    click(requester, "Voorstel accepteren")
    assert "Het voorstel is geaccepteerd" in requester.locator("main").inner_text()
    check(requester, "requester-accepted")
    assert Proposal.objects.get().status == "geaccepteerd"

    # The meeting that the proposal planned: invite, sign up, attendance, outcomes.
    trainer.reload()
    check(trainer, "proposal-accepted")
    trainer.get_by_role("link", name="Bijeenkomst: Intervisie eerste gesprekken").click()
    check(trainer, "meeting")
    trainer.fill('[name="invite-emails"]', "omar@voorbeeld.example")
    click(trainer, "Uitnodigingen versturen")
    invitation = mail.outbox[-1]
    assert invitation.attachments[0][0] == "bijeenkomst.ics"
    link = re.search(r"https?://[^\s]+(/voorbeeld/bijeenkomst/[A-Za-z0-9_-]+/)", invitation.body).group(1)
    participant = new_page(viewport=PHONE)
    participant.goto(f"{live_server.url}{link}")
    check(participant, "meeting-public")
    participant.get_by_label("Uw naam").fill("Omar")
    participant.get_by_label("E-mailadres").fill("omar@voorbeeld.example")
    click(participant, "Aanmelden")
    assert "u bent aangemeld" in participant.locator("main").inner_text()
    check(participant, "signup")
    trainer.reload()
    trainer.get_by_label("Omar").check()
    click(trainer, "Aanwezigheid opslaan")
    trainer.fill('[name="outcomes-outcomes"]', "We bellen terug op de afgesproken dag, ook zonder nieuws.")
    click(trainer, "Opbrengst delen")
    check(trainer, "meeting-held")
    participant.reload()
    assert "ook zonder nieuws" in participant.locator("[data-outcomes]").inner_text()
    check(participant, "signup-outcomes")
    assert Meeting.objects.get().signups.get().attended is True

    # Coaching: link the coachee, agree a goal; both write private notes; a coordinator cannot read them.
    trajectory = CoachingTrajectory.objects.get()
    trainer.goto(f"{live_server.url}/werkplek/voorbeeld/coaching/{trajectory.pk}/")
    check(trainer, "trajectory")
    trainer.select_option('[name="coachee-coachee"]', str(coachee_user.pk))
    click(trainer, "Koppelen")
    coachee = new_page(viewport=PHONE)
    login_as(coachee, live_server, coachee_user)
    coachee.goto(f"{live_server.url}/werkplek/voorbeeld/coaching/")
    coachee.get_by_role("link", name="Coaching Omar").click()
    coachee.get_by_text("Doel toevoegen").click()
    coachee.fill('[name="goal-text"]', "Eerst luisteren, dan pas regels.")
    coachee.get_by_label("Kennismaken").check()
    coachee.get_by_label(re.compile("^V5 ")).check()
    click(coachee, "Doel opslaan")
    first_note = coachee.locator('textarea[name="note-text"]').first
    first_note.fill("Mijn nee-reflex kwam weer op.")
    coachee.get_by_role("button", name=re.compile("^Aantekening bewaren")).first.click()
    coachee.wait_for_load_state()
    check(coachee, "trajectory-coachee")
    trainer.reload()
    assert "Mijn nee-reflex kwam weer op." in trainer.locator("[data-note]").first.inner_text()
    assert "V5" in trainer.locator("[data-goal]").inner_text()
    check(trainer, "trajectory-coach")
    click(trainer, "Traject afronden")
    assert "Afgerond op" in trainer.locator("[data-finished]").inner_text()
    check(trainer)

    coordinator_user = StaffFactory(municipality=municipality, roles=[Role.COORDINATOR], username="carla")
    coordinator = new_page()
    login_as(coordinator, live_server, coordinator_user)
    response = coordinator.goto(f"{live_server.url}/werkplek/voorbeeld/coaching/{trajectory.pk}/")
    assert response.status == 404
    assert "nee-reflex" not in coordinator.content()


def test_opt_in_and_effect_pages_are_accessible(live_server, new_page, municipality):
    from burgeridee.workshops.tests.factories import WorkshopSessionFactory

    WorkshopSessionFactory(municipality=municipality, date=timezone.localdate() - timedelta(days=100), title="Voorjaar")
    user = StaffFactory(municipality=municipality, roles=[Role.COORDINATOR, Role.CONTACT], username="carla")
    for viewport in (PHONE, WIDE):
        page = new_page(viewport=viewport)
        login_as(page, live_server, user)
        page.goto(f"{live_server.url}/werkplek/voorbeeld/mijn-workshop/")
        check(page, "participation")
    page.select_option('[name="session"]', index=1)
    page.get_by_label(re.compile("tel mijn werk")).check()
    click(page, "Ik doe mee")  # the baseline is not filled in yet
    page.wait_for_selector("[data-error-summary]")
    check(page, "participation-baseline-missing")
    assert page.get_by_label(re.compile("tel mijn werk")).is_checked()  # what was chosen stays
    for statement in ("model", "showstoppers", "role", "callback"):
        page.locator(f'input[name="{statement}"][value="3"]').check()
    click(page, "Ik doe mee")
    assert "vóór de workshop" in page.locator("main").inner_text()
    check(page, "participation-joined")
    page.get_by_label("5 - altijd").first.check()
    click(page, "Antwoorden versturen")
    page.wait_for_selector("[data-error-summary]")
    check(page)
    page.goto(f"{live_server.url}/werkplek/voorbeeld/workshop-effect/")
    assert "geen gecontroleerd onderzoek" in page.locator("[data-caveat]").inner_text()
    check(page, "effect")
    page.get_by_label("Workshops vanaf").fill("31-02-2026")
    click(page, "Toon")
    page.wait_for_selector("[data-error-summary]")
    assert page.get_by_label("Workshops vanaf").input_value() == "31-02-2026"
    check(page, "effect-window-error")
    page.get_by_label("Workshops vanaf").fill("01-01-2020")
    click(page, "Toon")
    assert "Workshops gehouden vanaf 1 januari 2020." in page.locator("[data-window-shown]").inner_text()
    with page.expect_download() as download:
        page.locator("[data-csv]").click()
    assert download.value.suggested_filename.startswith("workshop-effect-voorbeeld-2020-01-01")
    check(page, "effect-window")
    phone = new_page(viewport=PHONE)
    login_as(phone, live_server, user)
    phone.goto(f"{live_server.url}/werkplek/voorbeeld/workshop-effect/?date_from=01-01-2020&date_to=")
    check(phone, "effect-window")
    page.goto(f"{live_server.url}/voorbeeld/workshop-aanvragen/")
    assert page.locator("[data-folder]").get_attribute("href") == "/voorbeeld/workshop-folder.pdf"
