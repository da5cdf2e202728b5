"""Warm hand-over in the browser: the contact person asks Vergunningen, the colleague answers.
Plus the assisted intake with its printable letter. axe-core on every page."""

import io

import pytest
from pypdf import PdfReader

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.models import Initiative
from burgeridee.municipalities.tests.factories import DepartmentFactory
from burgeridee.records.models import TimelineEvent

from .helpers import assert_accessible, login_as, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def office(municipality, contact, submit_idea):
    permits = DepartmentFactory(municipality=municipality, name="Vergunningen")
    DepartmentFactory(municipality=municipality, name="Subsidies")
    colleague = StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=permits, username="dirk")
    initiative, _token = submit_idea(municipality, title="Buurtfeest in de Rivierenbuurt")
    return {"contact": contact, "colleague": colleague, "initiative": initiative, "permits": permits}


def test_contact_person_asks_vergunningen_and_the_colleague_answers(live_server, new_page, office):
    initiative = office["initiative"]

    # The contact person asks the question.
    page = new_page()
    login_as(page, live_server, office["contact"])
    ask_url = f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/overdracht/nieuw/"
    page.goto(ask_url)
    assert page.locator("h1").inner_text() == "Een afdeling iets vragen"
    assert_accessible(page)
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)
    page.select_option("#id_department", label="Vergunningen")
    page.fill("#id_question", "Is voor dit straatfeest een evenementenvergunning nodig?")
    page.fill("#id_context", "Zaterdagmiddag, ongeveer 150 bezoekers.")
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("text=Uw vraag staat bij Vergunningen")
    assert "Wacht op antwoord" in page.locator("main").inner_text()
    handover = Handover.objects.get()
    assert handover.department == office["permits"]

    # The colleague of Vergunningen finds it in their own list and answers, by keyboard.
    colleague = new_page()
    login_as(colleague, live_server, office["colleague"])
    colleague.goto(f"{live_server.url}/werkplek/voorbeeld/overdrachten/")
    assert "Buurtfeest in de Rivierenbuurt" in colleague.locator("main table").inner_text()
    assert_accessible(colleague)
    tab_to(colleague, f"a[href='/werkplek/voorbeeld/overdrachten/{handover.pk}/']")
    colleague.keyboard.press("Enter")
    colleague.wait_for_url(f"**/overdrachten/{handover.pk}/")
    text = colleague.locator("main").inner_text()
    assert "evenementenvergunning" in text and "150 bezoekers" in text
    assert "Fatima" not in text and "fatima@example.org" not in text
    assert_accessible(colleague)
    tab_to(colleague, "#id_answer")
    colleague.keyboard.type("Ja. Vraag de vergunning acht weken vooraf aan.")
    tab_to(colleague, "main button[type=submit]")
    colleague.keyboard.press("Enter")
    colleague.wait_for_selector("text=Uw antwoord is verstuurd")
    assert "Er wachten geen vragen op uw antwoord." in colleague.locator("main").inner_text()
    assert_accessible(colleague)

    # The answer is on the initiative's internal time line, and the contact person sees it.
    event = TimelineEvent.objects.get(initiative=initiative, kind="overdracht_beantwoord")
    assert event.data["answer"] == "Ja. Vraag de vergunning acht weken vooraf aan."
    assert event.actor == office["colleague"] and not event.visible_to_resident
    page.goto(ask_url)
    assert "Ja. Vraag de vergunning acht weken vooraf aan." in page.locator("main").inner_text()
    assert_accessible(page)

    # The callback page of the same initiative.
    page.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/terugbellen/")
    assert_accessible(page)


def test_phone_intake_and_printable_letter(live_server, new_page, office):
    page = new_page()
    login_as(page, live_server, office["contact"])
    page.goto(f"{live_server.url}/werkplek/voorbeeld/intake/")
    assert_accessible(page)

    page.locator("main button[type=submit]").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)

    page.check("#id_channel_0")  # Telefoon
    page.fill("#id_title", "Bankjes bij de vijver")
    page.fill("#id_description", "Meneer belde: hij wil bankjes bij de vijver.")
    page.fill("#id_target_group", "Ouderen die wandelen")
    page.select_option("#id_neighbourhood", label="Oosterpark")
    page.check("#id_theme_2")
    page.fill("#id_name", "Henk de Boer")
    page.check("#id_preferred_contact_2")  # Post
    page.fill("#id_street_address", "Vijverlaan 3")
    page.fill("#id_postal_code", "1234 AB")
    page.fill("#id_city", "Voorbeeld")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/brief/")
    initiative = Initiative.objects.get(title="Bankjes bij de vijver")
    letter = page.locator(".bi-letter").inner_text()
    assert initiative.reference in letter and "Henk de Boer" in letter and "/mijn-initiatief/" in letter
    assert page.locator("[data-print]").is_visible()  # JavaScript shows the print button
    assert_accessible(page)

    # On paper: only the letter, on one A4 page.
    page.emulate_media(media="print")
    assert not page.locator(".utrecht-page-header").is_visible()
    assert not page.locator(".bi-screen-only").is_visible()
    assert page.locator(".bi-letter").is_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    width, height = (float(v) for v in pdf.pages[0].mediabox.upper_right)
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4 in mm
    assert len(pdf.pages) == 1
    assert "Henk de Boer" in pdf.pages[0].extract_text()

    # The printed link opens the resident's status page.
    page.emulate_media(media="screen")
    link = page.locator(".bi-letter__link").inner_text().strip()
    resident = new_page()
    resident.goto(live_server.url + link.split("127.0.0.1:8000", 1)[1])
    assert resident.locator("h1").inner_text() == "Bankjes bij de vijver"
