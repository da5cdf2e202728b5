"""The right to challenge in the browser: the administrator sets it up, a resident challenges a listed task,
and the municipality carries it through to a granted agreement and to a refusal. axe-core on every page; the
decision letters' text is read with pdftotext; the public register is updated. Screenshots at 390 px and
1280 px go to $CHALLENGE_SHOTS when set."""

import os
import re
import subprocess
from datetime import date, timedelta

import pytest

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.challenges.models import Challenge
from burgeridee.challenges.tests.factories import challenge_setup
from burgeridee.initiatives.services import initiative_assign_contact
from burgeridee.municipalities.tests.factories import DepartmentFactory

from .helpers import assert_accessible, login_as

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("CHALLENGE_SHOTS", "")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def _pdf_text(response) -> str:
    assert response.headers["content-type"] == "application/pdf"
    return subprocess.run(
        ["pdftotext", "-", "-"], input=response.body(), capture_output=True, check=True
    ).stdout.decode()


def _resident_challenges(page, base, *, task_title, title):
    page.goto(f"{base}/voorbeeld/")  # residents find the route from the municipality's home page
    assert_accessible(page)
    _shot(page, f"home-{page.viewport_size['width']}")
    page.get_by_role("link", name="Lees hoe het uitdaagrecht werkt").click()
    page.wait_for_url("**/voorbeeld/uitdaagrecht/")
    assert page.locator("h1").inner_text() == "Uitdaagrecht: een taak van de gemeente overnemen"
    assert task_title in page.locator("main").inner_text()
    assert_accessible(page)
    _shot(page, f"info-{page.viewport_size['width']}")
    page.get_by_role("link", name=f"Daag ons uit voor: {task_title}").click()
    page.wait_for_url("**/uitdaagrecht/uitdagen/?taak=*")
    assert page.locator("input[name=task]:checked").count() == 1  # the task chosen on the page before
    page.fill("#id_title", title)
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.input_value("#id_title") == title  # nothing typed is lost
    assert_accessible(page)
    _shot(page, f"form-errors-{page.viewport_size['width']}")
    page.fill("#id_description", "Wij willen het groen op ons plein zelf bijhouden.")
    page.fill("#id_target_group", "Bewoners rond het plein")
    page.select_option("#id_neighbourhood", label="Centrum")
    page.fill("#id_name", "Anouk de Vries")
    page.check("#id_preferred_contact_0")
    page.fill("#id_email", "anouk@example.org")
    page.fill("#id_street_address", "Lindeplein 4")
    page.fill("#id_postal_code", "1234 AB")
    page.fill("#id_city", "Voorbeeld")
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("text=Bedankt! Uw uitdaging is verstuurd")
    assert "Wij hebben uw uitdaging ontvangen" in page.locator("main").inner_text()
    assert_accessible(page)
    status_url = page.locator(".bi-copy-link a").get_attribute("href")
    return Challenge.objects.get(initiative__title=title), status_url


def _staff_carries_to_decision(page, base, challenge, *, verdict, decision, reasons):
    url = f"{base}/werkplek/voorbeeld/uitdagingen/{challenge.pk}/"
    page.goto(url)
    assert_accessible(page)
    page.fill("#id_plan-plan_what", "Elke maand maaien en wieden")
    page.locator("button[name=compleet]").click()
    page.wait_for_selector("[data-error-summary]")  # not complete yet: says so, keeps the text
    assert page.input_value("#id_plan-plan_what") == "Elke maand maaien en wieden"
    assert_accessible(page)
    page.fill("#id_plan-plan_where", "Lindeplein")
    page.fill("#id_plan-plan_budget", "3500")
    page.fill("#id_plan-plan_quality", "Zoals de gemeente vraagt")
    page.fill("#id_plan-plan_insurance", "Vrijwilligersverzekering")
    page.select_option("#id_plan-plan_support_evidence", "handtekeningen")
    page.fill("#id_plan-plan_support_count", "42")
    page.locator("button[name=compleet]").click()
    page.wait_for_selector("text=Het plan is compleet")
    if page.locator("#id_advies-question").count():
        page.locator("#advice-title ~ form button[type=submit]").click()
        page.wait_for_selector("text=Uw vraag om advies staat bij de afdeling")
    for select in page.locator("select[id^=id_beoordeling-verdict_]").all():
        select.select_option(verdict)
    for area in page.locator("textarea[id^=id_beoordeling-reasoning_]").all():
        area.fill("Onderbouwing bij dit punt.")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.wait_for_selector("text=De beoordeling is opgeslagen")
    page.check(f"input[name=besluit-decision][value={decision}]")
    page.fill("#id_besluit-reasons", reasons)
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.wait_for_selector("text=Het besluit is vastgelegd")
    assert_accessible(page)
    _shot(page, f"staff-decided-{decision}-{page.viewport_size['width']}")
    return url


def test_granted_challenge_end_to_end(live_server, new_page, municipality, contact):
    base = live_server.url
    DepartmentFactory(municipality=municipality, name="Beheer openbare ruimte")
    admin = StaffFactory(municipality=municipality, roles=[Role.ADMINISTRATOR], username="bram")

    # The functional administrator turns the right on and lists a task.
    page = new_page()
    login_as(page, live_server, admin)
    page.goto(f"{base}/werkplek/voorbeeld/uitdaagrecht/instellingen/")
    assert_accessible(page)
    page.check("#id_is_enabled")
    page.fill("#id_decision_weeks", "8")
    page.get_by_role("button", name="Instellingen opslaan").click()
    page.wait_for_selector("text=De instellingen van het uitdaagrecht zijn opgeslagen")
    page.get_by_role("link", name="Een taak toevoegen").click()
    assert_accessible(page)
    page.fill("#id_title", "Groenonderhoud van een plein")
    page.fill("#id_description", "Maaien, wieden en de plantenbakken bijhouden.")
    page.select_option("#id_department", label="Beheer openbare ruimte")
    page.fill("#id_cost", "Ongeveer € 4.000 per jaar")
    page.get_by_role("button", name="Taak opslaan").click()
    page.wait_for_selector("text=De taak is opgeslagen")
    assert "instellingen" in page.locator("main").inner_text()  # the audit list
    assert_accessible(page)
    _shot(page, "admin-settings-1280")
    page.get_by_role("link", name="Versie van het gespreksmodel voor uitdagingen kiezen").click()
    assert page.locator("h1").inner_text() == "Versie van het gespreksmodel: Uitdaagrecht"
    assert_accessible(page)

    # A resident challenges the listed task, on a phone-sized screen.
    resident = new_page(viewport={"width": 390, "height": 844})
    challenge, status_url = _resident_challenges(
        resident, base, task_title="Groenonderhoud van een plein", title="Wij onderhouden het groen op het Lindeplein"
    )

    # The contact person carries it through.
    initiative_assign_contact(initiative=challenge.initiative, contact=contact, actor=contact)
    staff = new_page()
    login_as(staff, live_server, contact)
    url = _staff_carries_to_decision(
        staff, base, challenge, verdict="voldoet", decision="toegekend", reasons="Het plan voldoet op elk punt."
    )
    text = _pdf_text(staff.request.get(f"{url}besluitbrief.pdf", timeout=60_000))
    assert "Besluit over uw uitdaging" in text and "Toegekend" in text and "U mag deze taak overnemen." in text
    assert "Het plan voldoet op elk punt." in text and "Anouk de Vries" in text
    assert "bezwaar" in text and "6 weken" in text and "Awb" in text

    today = date.today()
    staff.fill("#id_overeenkomst-starts", today.isoformat())
    staff.fill("#id_overeenkomst-ends", (today + timedelta(days=365)).isoformat())
    staff.fill("#id_overeenkomst-quality", "Elke maand maaien")
    staff.fill("#id_overeenkomst-moment-0-due_date", (today + timedelta(days=90)).isoformat())
    staff.fill("#id_overeenkomst-moment-0-description", "Eerste kwartaal")
    staff.fill("#id_overeenkomst-moment-1-due_date", (today + timedelta(days=180)).isoformat())
    staff.fill("#id_overeenkomst-moment-1-description", "Halfjaar")
    # A third moment, with the keyboard: the page comes back with everything typed and an empty row.
    staff.get_by_role("button", name="Nog een monitoringsmoment toevoegen").focus()
    staff.keyboard.press("Enter")
    staff.wait_for_selector("#id_overeenkomst-moment-2-due_date")
    assert staff.input_value("#id_overeenkomst-moment-1-description") == "Halfjaar"
    assert staff.input_value("#id_overeenkomst-quality") == "Elke maand maaien"
    assert_accessible(staff)
    _shot(staff, "staff-agreement-1280")
    staff.set_viewport_size({"width": 390, "height": 844})
    _shot(staff, "staff-agreement-390")
    staff.set_viewport_size({"width": 1280, "height": 900})
    staff.fill("#id_overeenkomst-moment-2-due_date", (today + timedelta(days=360)).isoformat())
    staff.fill("#id_overeenkomst-moment-2-description", "Jaar om")
    staff.check("#id_overeenkomst-moment-1-DELETE")  # on second thought: not the half year
    staff.get_by_role("button", name="Overeenkomst vastleggen").click()
    staff.wait_for_selector("text=De overeenkomst is vastgelegd")
    assert_accessible(staff)
    assert challenge.initiative.follow_ups.count() == 2  # each remaining monitoring moment became a deadline

    # The resident's status page shows the route with dates; the register shows the decision without a name.
    resident.goto(status_url if status_url.startswith("http") else base + status_url)
    route = resident.locator(".bi-timeline").inner_text()
    assert "Het besluit" in route and "De overeenkomst" in route
    assert re.search(r"Op \w+ \d+ \w+ \d{4}", route)
    assert_accessible(resident)
    _shot(resident, "status-390")
    resident.goto(f"{base}/voorbeeld/uitdaagrecht/besluiten/")
    register = resident.locator("main table").inner_text()
    assert "Groenonderhoud van een plein" in register and "Centrum" in register and "Toegekend" in register
    assert "Anouk" not in resident.locator("main").inner_text()
    assert_accessible(resident)
    _shot(resident, "register-390")


def test_refused_challenge_end_to_end(live_server, new_page, municipality, contact, initiative):
    base = live_server.url
    setup = challenge_setup(municipality)

    # First an ordinary idea the contact person turns into a challenge, with the resident's agreement.
    initiative_assign_contact(initiative=initiative, contact=contact, actor=contact)
    converting = new_page()
    login_as(converting, live_server, contact)
    converting.goto(f"{base}/werkplek/voorbeeld/initiatieven/{initiative.pk}/")
    converting.get_by_role("link", name="Omzetten in een uitdaging").click()
    assert_accessible(converting)
    converting.get_by_role("button", name="Omzetten").click()
    converting.wait_for_selector("[data-error-summary]")
    assert_accessible(converting)
    converting.select_option("#id_task", label=setup["square"].title)
    converting.fill("#id_resident_agreement", "Telefonisch, de bewoner wil de taak overnemen")
    converting.get_by_role("button", name="Omzetten").click()
    converting.wait_for_selector("text=Het idee is nu een uitdaging")
    assert_accessible(converting)
    _shot(converting, "staff-converted-1280")

    resident = new_page()
    challenge, _status_url = _resident_challenges(
        resident, base, task_title=setup["playground"].title, title="Wij houden de speeltuin bij"
    )
    initiative_assign_contact(initiative=challenge.initiative, contact=contact, actor=contact)
    staff = new_page(viewport={"width": 390, "height": 844})
    login_as(staff, live_server, contact)
    url = _staff_carries_to_decision(
        staff, base, challenge, verdict="voldoet_niet", decision="afgewezen", reasons="Het plan is duurder dan nu."
    )
    text = _pdf_text(staff.request.get(f"{url}besluitbrief.pdf", timeout=60_000))
    assert "Afgewezen" in text and "U mag deze taak niet overnemen." in text and "Het plan is duurder dan nu." in text
    assert "bezwaar" in text and "Awb" in text
    assert "Overeenkomst vastleggen" not in staff.locator("main").inner_text()
    resident.goto(f"{base}/voorbeeld/uitdaagrecht/besluiten/")
    assert "Afgewezen" in resident.locator("main table").inner_text()
    assert_accessible(resident)
    _shot(resident, "register-1280")
