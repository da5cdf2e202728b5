"""The workspace in Chromium: the coordinator logs in with a TOTP code and assigns a contact person; the
contact person writes the resident; the resident sees both on their status page; the administrator sets
up the second factor through their one-time link and reads the processing log. axe-core checks every
workspace page on the way."""

import pytest
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import EnrolmentReason, Role
from burgeridee.accounts.services import enrolment_link_issue
from burgeridee.accounts.testing import totp_token
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.initiatives.models import Initiative, Message
from burgeridee.records.models import ProcessingLogEntry

from .helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "een-lang-wachtwoord-123"


@pytest.fixture
def people(municipality, coordinator, contact):
    admin = StaffFactory(
        municipality=municipality, roles=[Role.ADMINISTRATOR], username="bram", first_name="Bram", last_name="Beheer"
    )
    for user in (coordinator, contact):
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return coordinator, contact, admin


def log_in(page, base, username, *, check=False):
    page.goto(f"{base}/werkplek/inloggen/")
    if check:
        assert_accessible(page)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")


def second_factor(page, user, *, check=False):
    page.wait_for_url("**/werkplek/inloggen/code/**")
    if check:
        assert_accessible(page)
    page.fill("#id_token", totp_token(TOTPDevice.objects.get(user=user, confirmed=True)))
    page.click("main form[action$='code/'] button[type=submit]")


def test_coordinator_assigns_contact_writes_resident_sees_it(live_server, new_page, municipality, people, submit_idea):
    coordinator, contact, admin = people
    initiative, token = submit_idea(municipality)
    submit_idea(municipality, title="Buurtfeest op het plein", theme="veilig")
    base = live_server.url

    # The coordinator: password, then the code from the app.
    page = new_page()
    log_in(page, base, "carla", check=True)
    second_factor(page, coordinator, check=True)
    page.wait_for_url(f"**/werkplek/{municipality.slug}/")
    assert page.locator("h1").inner_text() == "Inbox"
    assert_accessible(page)

    # Filter the inbox (a plain GET form) and open the idea.
    page.click("summary:has-text('Zoeken en filteren')")
    page.select_option("#id_theme", "leefbaar")
    page.fill("#id_q", "moestuin")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_url("**theme=leefbaar**")
    assert page.locator("tbody tr").count() == 1
    assert_accessible(page)
    page.click("text=Moestuin aan de Kastanjelaan")
    page.wait_for_url(f"**/initiatieven/{initiative.pk}/")
    assert_accessible(page)

    # Assign the contact person.
    page.select_option("#id_contact-contact", str(contact.pk))
    page.click("form[action$='contactpersoon/'] button[type=submit]")
    page.wait_for_selector("text=De contactpersoon is gekoppeld")
    assert Initiative.objects.get(pk=initiative.pk).contact_person == contact
    page.click("button:has-text('Uitloggen')")
    page.wait_for_url("**/werkplek/inloggen/")

    # The contact person finds it under "Mijn initiatieven" and writes the resident.
    page = new_page()
    log_in(page, base, "karim")
    second_factor(page, contact)
    page.wait_for_url(f"**/werkplek/{municipality.slug}/")
    page.click("a.bi-tabs__link:has-text('Mijn initiatieven')")
    page.click("text=Moestuin aan de Kastanjelaan")
    page.fill("#id_bericht-body", "Goed idee! Ik bel u donderdag om kennis te maken.")
    page.click("form[action$='berichten/'] button[type=submit]")
    page.wait_for_selector("text=Het bericht is opgeslagen")
    assert Message.objects.filter(author=contact).exists()
    assert_accessible(page)

    # The resident's status page shows the contact person and the message.
    resident = new_page()
    resident.goto(f"{base}/{municipality.slug}/mijn-initiatief/{token}/")
    body = resident.locator("main").inner_text()
    assert "Karim Contact" in body
    assert "Ik bel u donderdag om kennis te maken." in body
    assert_accessible(resident)

    # The administrator opens their set-up link, logs in, sets up the app (QR code page) and reads the
    # processing log.
    page = new_page()
    issued = enrolment_link_issue(user=admin, reason=EnrolmentReason.NEW_ACCOUNT)
    page.goto(base + issued.url.removeprefix(settings.SITE_URL))
    page.wait_for_url("**/werkplek/inloggen/?next=**")
    page.fill("#id_username", "bram")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/werkplek/inloggen/app-instellen/**")
    assert page.locator("img[src^='data:image/svg+xml']").count() == 1
    assert_accessible(page)
    page.fill("#id_token", totp_token(TOTPDevice.objects.get(user=admin)))
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/werkplek/{municipality.slug}/beheer/")  # the administrator's home: Inrichting
    page.goto(f"{base}/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/logboek/")
    assert page.locator("h1").inner_text() == "Logboek dataverwerkingen"
    table = page.locator("table").inner_text()
    assert "Carla Coördinator" in table and "Karim Contact" in table
    assert ProcessingLogEntry.objects.filter(initiative=initiative, action="read").count() >= 2
    assert_accessible(page)


def test_lockout_page_is_plain_and_accessible(live_server, page, municipality, people):
    for _ in range(5):
        page.goto(f"{live_server.url}/werkplek/inloggen/")
        page.fill("#id_username", "karim")
        page.fill("#id_password", "verkeerd")
        page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() == "Inloggen is tijdelijk geblokkeerd"
    assert_accessible(page)


def test_inbox_with_filters_and_errors_is_accessible_on_a_phone(
    live_server, new_page, municipality, people, submit_idea
):
    coordinator, _contact, _admin = people
    initiative, _token = submit_idea(municipality)
    page = new_page(viewport={"width": 375, "height": 667})
    log_in(page, live_server.url, "carla")
    second_factor(page, coordinator)
    page.wait_for_url(f"**/werkplek/{municipality.slug}/")
    page.goto(f"{live_server.url}/werkplek/{municipality.slug}/?tab=alle&phase=idee&sort=oudste")
    assert_accessible(page)
    page.goto(f"{live_server.url}/werkplek/{municipality.slug}/initiatieven/{initiative.pk}/")
    page.click("form[action$='fase/'] button[type=submit]")  # no phase chosen: error summary
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)


def test_mail_that_did_not_arrive_is_resent_by_keyboard_and_accessible(live_server, page, municipality, people):
    from django.utils import timezone

    from burgeridee.core.models import OutboxMail, OutboxStatus

    coordinator, _contact, _admin = people
    stuck = OutboxMail.objects.create(
        municipality_id=municipality.pk,
        subject="Uw idee BI-2026-000001 is ontvangen",
        body="Uw persoonlijke link",
        to=["fatima@example.org"],
        message_id="<e2e@test>",
        next_attempt_at=timezone.now(),
        status=OutboxStatus.FAILED,
        attempts=12,
        last_error="SMTPDataError: (451, b'Try again later')",
    )
    log_in(page, live_server.url, "carla")
    second_factor(page, coordinator)
    page.wait_for_url(f"**/werkplek/{municipality.slug}/")
    page.get_by_role("link", name="Mail die niet aankwam").click()
    assert page.locator("h1").inner_text() == "Mail die niet aankwam"
    assert "Uw idee BI-2026-000001 is ontvangen" in page.locator("table").inner_text()
    assert_accessible(page)
    button = page.locator("form[action$='/opnieuw/'] button[type=submit]")
    assert button.inner_text().startswith("Opnieuw versturen")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("text=De mail wordt opnieuw verstuurd.")
    assert_accessible(page)
    stuck.refresh_from_db()
    assert stuck.status in (OutboxStatus.PENDING, OutboxStatus.SENT)
