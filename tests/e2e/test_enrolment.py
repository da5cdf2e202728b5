"""Setting up the second factor in Chromium: a new colleague opens their one-time link, logs in with the
password and scans the QR code; the used link and a password without a link say plainly what to do; a
coordinator resets a colleague's lost phone. axe-core checks every page."""

import pytest
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import EnrolmentReason
from burgeridee.accounts.services import enrolment_link_issue
from burgeridee.accounts.testing import totp_token

from .helpers import assert_accessible, login_as

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "een-lang-wachtwoord-123"


def log_in(page, username="nina"):
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def test_a_new_colleague_sets_up_the_app_with_the_link_once(live_server, new_page, municipality, newcomer):
    base = live_server.url
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    link = base + issued.url.removeprefix(settings.SITE_URL)

    page = new_page()
    page.goto(link)
    page.wait_for_url("**/werkplek/inloggen/?next=**")
    assert "Log eerst in met uw gebruikersnaam en wachtwoord" in page.locator("main").inner_text()
    assert_accessible(page)
    log_in(page)
    page.wait_for_url("**/werkplek/inloggen/app-instellen/**")
    assert page.locator("h1").inner_text() == "Stel de tweede stap in"
    assert page.locator("img[src^='data:image/svg+xml']").count() == 1
    assert_accessible(page)
    page.fill("#id_token", "000000")
    page.click("main button[type=submit]")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)  # the error state too
    device = TOTPDevice.objects.get(user=newcomer)
    device.throttle_reset()
    page.fill("#id_token", totp_token(device))
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/werkplek/{municipality.slug}/")
    assert "De tweede stap is ingesteld" in page.locator("main").inner_text()

    # The same link a second time, in another browser: used up, and it says so.
    other = new_page()
    other.goto(link)
    assert other.locator("h1").inner_text() == "Deze link is al gebruikt"
    assert "Vraag uw coördinator of beheerder om een nieuwe link." in other.locator("main").inner_text()
    assert_accessible(other)


def test_a_password_without_a_link_gets_a_plain_message(live_server, page, newcomer):
    page.goto(f"{live_server.url}/werkplek/inloggen/")
    log_in(page)
    page.wait_for_url("**/werkplek/inloggen/app-instellen/**")
    assert page.locator("h1").inner_text() == "U heeft een link nodig om de app in te stellen"
    assert page.locator("img[src^='data:image/svg+xml']").count() == 0
    assert_accessible(page)
    page.click("main button:has-text('Uitloggen')")
    page.wait_for_url("**/werkplek/inloggen/")


def test_a_coordinator_resets_a_lost_phone(live_server, page, municipality, newcomer, coordinator):
    TOTPDevice.objects.create(user=newcomer, name="app", confirmed=True)
    login_as(page, live_server, coordinator)
    page.goto(f"{live_server.url}/werkplek/{municipality.slug}/")
    page.click("nav a:has-text('Medewerkers')")
    page.wait_for_url("**/beheer/medewerkers/")
    assert_accessible(page)
    page.click("text=Nina Nieuw")
    page.wait_for_url("**/beheer/medewerkers/*/")
    assert_accessible(page)
    page.click("main button:has-text('Opnieuw instellen en link sturen')")
    page.wait_for_selector("[data-enrolment-link]")
    assert "/werkplek/inloggen/link/" in page.locator("[data-enrolment-link]").inner_text()
    assert_accessible(page)
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
