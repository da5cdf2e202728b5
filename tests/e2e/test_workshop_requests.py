"""Someone at a municipality requests the workshop by keyboard; the trainer sees it in their list."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership

from .conftest import assert_accessible, login_as, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def test_request_a_workshop_and_trainer_list(live_server, new_page, municipality):
    page = new_page(viewport={"width": 375, "height": 667})
    page.goto(f"{live_server.url}/workshop-aanvragen/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)

    # Empty form: error summary with focus, axe-clean.
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)

    page.get_by_label("De workshop “Oké, een burger-idee” (een dagdeel)").check()
    page.get_by_label("Voorkeursdata").fill("Donderdag 12 maart, ochtend")
    page.get_by_label("Aantal deelnemers").fill("20")
    page.get_by_label("Voor welke gemeente?").select_option("voorbeeld")
    page.get_by_label("Uw naam").fill("Joke Jansen")
    page.get_by_label("Uw e-mailadres").fill("joke@voorbeeld.example")
    page.get_by_role("button", name="Verstuur de aanvraag").click()
    page.wait_for_url("**/workshop-aanvragen/verstuurd/")
    assert "joke@voorbeeld.example" in page.locator("main").inner_text()
    assert_accessible(page)
    assert mail.outbox[0].to == ["joke@voorbeeld.example"]

    trainer = get_user_model().objects.create_user(username="tineke")
    Membership.objects.create(user=trainer, municipality=municipality, roles=[Role.TRAINER])
    staff_page = new_page()
    login_as(staff_page, trainer, live_server)
    staff_page.goto(f"{live_server.url}/werkplek/voorbeeld/workshop-aanvragen/")
    assert "Joke Jansen" in staff_page.locator("table").inner_text()
    assert_accessible(staff_page)
    staff_page.get_by_label("Status van de aanvraag van Joke Jansen").select_option("ingepland")
    staff_page.get_by_role("button", name="Opslaan (Joke Jansen)").click()
    staff_page.wait_for_selector(".utrecht-alert")
    assert staff_page.get_by_label("Status van de aanvraag van Joke Jansen").input_value() == "ingepland"
    assert_accessible(staff_page)
