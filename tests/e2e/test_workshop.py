"""A trainer runs the whole live workshop; three participants follow on phone-sized screens."""

import re

import pytest
from pypdf import PdfReader

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.knowledge.defaults import defaults_load
from burgeridee.workshops.models import Contribution, WorkshopSession

from .helpers import assert_accessible, login_as

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 375, "height": 667}
FOLLOW = 20_000  # screens follow the trainer within a poll or two (every 2 s); the rest is slack for a busy machine


def log_in_as_trainer(page, live_server, municipality):
    """The one place that logs a trainer in for these e2e tests (password and TOTP, see login_as)."""
    user = StaffFactory(municipality=municipality, roles=[Role.TRAINER], username="tineke", first_name="Tineke")
    login_as(page, live_server, user)
    return user


def click(page, name):
    page.get_by_role("button", name=name, exact=True).first.click()
    page.wait_for_load_state()


def test_trainer_and_three_participants_run_the_whole_agenda(live_server, new_page, municipality):
    defaults_load()  # the workshop reads the knowledge library; transactional tests flush its rows
    municipality.contact_address = "Stadhuisplein 1\n1234 AB Voorbeeld"
    municipality.save()
    trainer = new_page()
    log_in_as_trainer(trainer, live_server, municipality)
    base = f"{live_server.url}/werkplek/voorbeeld/workshops/"

    # 1. The trainer creates a session; the agenda is the standard half day.
    trainer.goto(base)
    assert_accessible(trainer)
    trainer.get_by_role("link", name="Nieuwe bijeenkomst").click()
    assert trainer.get_by_label("Plaats").input_value() == "Gemeentehuis, Stadhuisplein 1, 1234 AB Voorbeeld"
    assert_accessible(trainer)
    trainer.get_by_label("Datum").fill("3-12-2026")
    trainer.get_by_label("Verwacht aantal deelnemers").fill("3")
    click(trainer, "Opslaan")
    assert_accessible(trainer)
    click(trainer, "Openen voor aanmelden")
    session = WorkshopSession.objects.get()
    code = trainer.get_by_test_id("code").inner_text()
    assert code == session.code and session.status == "open"

    # 2. Three participants join on their phones: by typing the code, or by the QR link.
    phones = []
    for index, name in enumerate(["Anna", "Bas", "Cor"]):
        phone = new_page(viewport=PHONE)
        if index == 0:
            phone.goto(f"{live_server.url}/doe-mee/")
            assert_accessible(phone)
            phone.get_by_label("Code").fill("QQQQQQ")
            click(phone, "Verder")
            assert "Deze code kennen we niet" in phone.locator("main").inner_text()
            assert_accessible(phone)
            phone.get_by_label("Code").fill(code.lower())
            click(phone, "Verder")
        else:
            phone.goto(f"{live_server.url}/doe-mee/{code}/")  # what the QR code opens
        assert_accessible(phone)
        phone.get_by_label("Uw naam").fill(name)
        click(phone, "Meedoen")
        assert phone.locator("h1").inner_text() == "U doet mee"
        phones.append(phone)
    assert_accessible(phones[0])

    # 3. The presenter view; starting moves every phone along without a reload.
    trainer.get_by_role("link", name="Presentatie openen").click()
    assert "3 deelnemers" in trainer.locator("#live").inner_text()
    assert_accessible(trainer)
    click(trainer, "Start de workshop")
    for phone in phones:
        phone.wait_for_selector("h1:has-text('Introductie van het gespreksmodel')", timeout=FOLLOW)
    assert_accessible(phones[1])
    assert re.search(r"nog \d+:\d\d van 30 minuten", trainer.locator("#live").inner_text())
    assert_accessible(trainer)

    # 4. Practice case in groups: answers are collected on the presenter.
    click(trainer, "Volgend onderdeel")
    for index, phone in enumerate(phones):
        phone.wait_for_selector("h1:has-text('Praktijkcasus in groepjes')", timeout=FOLLOW)
        phone.get_by_label("Welke valkuilen of kansen ziet u in deze casus?").fill(f"Antwoord van groep {index}")
        click(phone, "Antwoorden opslaan")
        assert "Opgeslagen" in phone.locator("main").inner_text()
    assert_accessible(phones[0])
    trainer.wait_for_selector("#live :text('Antwoord van groep 2')", timeout=FOLLOW)

    # 5. Spot the pitfall: picks, the room's bar chart, then the explanation.
    click(trainer, "Volgend onderdeel")
    for phone in phones:
        phone.wait_for_selector("h1:has-text('Herken de valkuil')", timeout=FOLLOW)
        phone.get_by_label("V6 Bureaucratiseren").check()
        click(phone, "Mijn keuze opslaan")
    phones[0].get_by_label("V5 Nee-reflex").check()
    click(phones[0], "Mijn keuze opslaan")
    assert_accessible(phones[0])
    trainer.wait_for_selector("#live :text('3 deelnemers hebben gekozen')", timeout=FOLLOW)
    click(trainer, "Toon uitleg")
    row = trainer.locator("#live tr", has_text="V6 Bureaucratiseren")
    assert "(juist)" in row.inner_text() and "3" in row.locator("td").first.inner_text()
    assert_accessible(trainer)
    for phone in phones:
        phone.wait_for_selector("main :text('Uitleg')", timeout=FOLLOW)
    assert_accessible(phones[2])
    click(trainer, "Volgende dialoog")
    phones[0].wait_for_selector("h2:has-text('Dialoog 2')", timeout=FOLLOW)

    # 6. Role-play in threes: the observer ticks and writes feedback; it appears on the civil servant's phone.
    click(trainer, "Volgend onderdeel")
    roles = {}
    for phone in phones:
        phone.wait_for_selector("h1:has-text('Rollenspel in drietallen')", timeout=FOLLOW)
        role = re.search(r"u bent (\w+)", phone.locator("main").inner_text()).group(1)
        roles[role] = phone
    assert set(roles) == {"Bewoner", "Ambtenaar", "Observator"}
    observer = roles["Observator"]
    assert_accessible(observer)
    observer.get_by_label("Luister, vat samen (ook gevoelens) en vraag door.").check()
    observer.get_by_label("Uw feedback voor de ambtenaar").fill("Mooi doorgevraagd naar de buren.")
    click(observer, "Feedback versturen")
    roles["Ambtenaar"].wait_for_selector("main :text('Mooi doorgevraagd naar de buren.')", timeout=FOLLOW)
    assert_accessible(roles["Ambtenaar"])
    click(trainer, "Volgende ronde: rollen wisselen")
    observer.wait_for_selector("main :text('Ronde 2')", timeout=FOLLOW)
    assert "u bent Observator" not in observer.locator("main").inner_text()

    # 7. Success-factor board: add, vote, merge duplicates on the presenter.
    click(trainer, "Volgend onderdeel")
    for phone, text in zip(phones, ["Vast aanspreekpunt", "Eén contactpersoon", "Snel kleine middelen"], strict=True):
        phone.wait_for_selector("h1:has-text('Succesfactorenbord')", timeout=FOLLOW)
        phone.get_by_label("Succesfactor in uw eigen woorden").fill(text)
        click(phone, "Op het bord zetten")

    def vote(phone, text):
        phone.locator(".bi-board-list__item", has_text=text).get_by_role("button", name=re.compile("^Stem")).click()
        phone.wait_for_load_state()

    for phone in phones:
        phone.goto(phone.url)
        vote(phone, "Vast aanspreekpunt")
    vote(phones[1], "Eén contactpersoon")
    assert_accessible(phones[1])
    trainer.goto(trainer.url)
    trainer.get_by_label("Deze factor").select_option(label="Eén contactpersoon")
    trainer.get_by_label("valt samen met").select_option(label="Vast aanspreekpunt")
    click(trainer, "Samenvoegen")
    assert "Vast aanspreekpunt — 3 stemmen (1 samengevoegd)" in trainer.locator("#live").inner_text()
    assert_accessible(trainer)

    # 8. My role: each places the municipality on the ladder; the spread is shown.
    click(trainer, "Volgend onderdeel")
    for phone, rung in zip(phones, ["Faciliteren", "Faciliteren", "Loslaten"], strict=True):
        phone.wait_for_selector("h1:has-text('Mijn rol')", timeout=FOLLOW)
        phone.get_by_label(re.compile(f"^{rung}:")).check()
        phone.get_by_label("Waarom?").fill(f"Omdat {rung.lower()} hier past")
        click(phone, "Opslaan")
    assert_accessible(phones[2])
    trainer.wait_for_selector("#live :text('Omdat loslaten hier past')", timeout=FOLLOW)
    assert "2" in trainer.locator("#live tr", has_text="Faciliteren").locator("td").first.inner_text()

    # 9. My checklist: keep, drop, reword, add; download the PDF.
    click(trainer, "Volgend onderdeel")
    anna = phones[0]
    anna.wait_for_selector("h1:has-text('Mijn checklist')", timeout=FOLLOW)
    assert_accessible(anna)
    anna.get_by_label("Punt 8 houden").uncheck()
    anna.get_by_label("Tekst van punt 9").fill("Begin met koffie en de vraag hoe het idee ontstond.")
    anna.get_by_label("Mijn eigen punten").fill("Neem de wijkkaart mee")
    click(anna, "Checklist opslaan")
    with anna.expect_download() as download:
        anna.get_by_role("link", name="Download mijn checklist (PDF)").click()
    text = " ".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    text = text.replace("\n", " ")
    assert "Begin met koffie en de vraag hoe het idee ontstond." in text
    assert "Neem de wijkkaart mee" in text and "Vast aanspreekpunt" in text
    assert "Neem de gespreksleidraad mee" not in text

    # 10. The trainer finishes; phones show the end; the session reopens read-only.
    click(trainer, "Workshop afronden")
    for phone in phones:
        phone.wait_for_selector("h1:has-text('De workshop is afgelopen')", timeout=FOLLOW)
    assert_accessible(anna)
    trainer.get_by_role("link", name="Terugkijken (alleen lezen)").click()
    assert "er kan niets meer worden gewijzigd" in trainer.locator("main").inner_text()
    assert_accessible(trainer)
    trainer.get_by_role("link", name=re.compile("Volgend onderdeel")).click()
    assert "Antwoord van groep 0" in trainer.locator("main").inner_text()
    assert trainer.locator("main form").count() == 0
    assert Contribution.objects.filter(session=session).count() >= 3 + 3 + 1 + 3 + 1


def test_workshop_request_form_is_accessible_and_lands_with_the_trainer(live_server, new_page, municipality):
    page = new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/voorbeeld/workshop-aanvragen/")
    assert_accessible(page)
    click(page, "Aanvraag versturen")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)
    page.get_by_label("Coaching").check()
    page.get_by_label("Afdeling of organisatie").fill("Team Wijken")
    page.get_by_label("Uw naam").fill("Sanne Vermeer")
    page.get_by_label("E-mailadres").fill("sanne@voorbeeld.example")
    click(page, "Aanvraag versturen")
    assert page.locator("h1").inner_text() == "Bedankt voor uw aanvraag"
    trainer = new_page()
    log_in_as_trainer(trainer, live_server, municipality)
    trainer.goto(f"{live_server.url}/werkplek/voorbeeld/workshops/")
    assert "Coaching: Team Wijken" in trainer.locator("main").inner_text()
    assert_accessible(trainer)
