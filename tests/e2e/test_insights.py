import pytest

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.services import initiative_withdraw

from .helpers import assert_accessible, login_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_dashboard_is_accessible_with_data_and_filters(live_server, page, municipality, submit_idea, coordinator):
    for _ in range(3):
        submit_idea(municipality)
    withdrawn, _token = submit_idea(municipality)
    initiative_withdraw(initiative=withdrawn)
    login_as(page, live_server, coordinator)
    page.goto(f"{live_server.url}/werkplek/voorbeeld/inzicht/")
    assert "4 initiatieven" in page.locator("main").inner_text()
    assert_accessible(page)
    page.goto(f"{live_server.url}/werkplek/voorbeeld/inzicht/?date_from=2026-12-01&date_to=2026-01-01")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)


def test_privacy_pages_are_accessible(live_server, page, municipality, submit_idea):
    from burgeridee.privacy.services import deletion_request_create

    initiative, _token = submit_idea(municipality)
    request = deletion_request_create(initiative=initiative, note="Ik verhuis")
    user = StaffFactory(municipality=municipality, roles=[Role.COORDINATOR, Role.ADMINISTRATOR], username="bram")
    login_as(page, live_server, user)
    page.goto(f"{live_server.url}/werkplek/voorbeeld/privacy/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/werkplek/voorbeeld/privacy/verwijderverzoeken/{request.pk}/")
    page.click("main button[type=submit]")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)
