"""The functional administrator's API pages in Chromium: API clients (the key shown once, its scopes enforced
by the API, revoked at once) and notification subscriptions (a delivery to a receiver on loopback in the
log, a failed one sent again). axe-core clean at 390 and 1280 px, keyboard usable, an error summary that keeps
what was typed."""

import pytest
import requests

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.api.delivery import notifications_deliver
from burgeridee.api.models import ApiClient, DeliveryStatus, NotificationDelivery, Subscription
from burgeridee.api.tests.receiver import Receiver

from .helpers import assert_accessible, login_as, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
SUBMIT = "button[type=submit].utrecht-button--primary-action"


def accessible_at_both_widths(page):
    for viewport in (PHONE, {"width": 1280, "height": 900}):
        page.set_viewport_size(viewport)
        assert_accessible(page)


def submit_by_keyboard(page):
    tab_to(page, SUBMIT)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def api_get(live_server, path, token):
    return requests.get(f"{live_server.url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def test_api_client_created_used_within_its_scopes_and_revoked(page, live_server, municipality, initiative):
    admin = StaffFactory(municipality=municipality, roles=[Role.ADMINISTRATOR])
    login_as(page, live_server, admin)
    url = f"{live_server.url}/werkplek/{municipality.slug}/beheer/api/"
    page.goto(url)
    accessible_at_both_widths(page)

    # Bad input: no scope chosen. The summary names it, the name typed stays.
    page.get_by_label("Naam van de koppeling").fill("Dashboard wijkteams")
    submit_by_keyboard(page)
    summary = page.locator(".bi-error-summary")
    assert "Kies minstens één recht." in summary.inner_text()
    assert page.get_by_label("Naam van de koppeling").input_value() == "Dashboard wijkteams"
    assert page.title().startswith("Fout:")
    accessible_at_both_widths(page)
    assert not ApiClient.objects.exists()

    # The scope chosen by keyboard (Space on the checkbox), the form sent with Enter.
    checkbox = page.get_by_label("Initiatieven zonder persoonsgegevens")
    checkbox.focus()
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    submit_by_keyboard(page)
    token = page.get_by_test_id("api-token").inner_text().strip()
    assert token.startswith("bi_")
    accessible_at_both_widths(page)
    client = ApiClient.objects.get()
    assert client.token_hash != token and token not in client.token_hash  # only a hash is kept

    # Shown exactly once: reloading the page (even the browser's "send again") does not show it again and
    # makes no second key.
    page.reload()
    assert token not in page.content()
    page.goto(url)
    assert token not in page.content()
    assert ApiClient.objects.count() == 1

    # The key works, within its scope only.
    base = f"/api/v1/gemeenten/{municipality.slug}"
    listing = api_get(live_server, f"{base}/initiatieven", token)
    assert listing.status_code == 200 and listing.headers["API-Version"]
    assert [item["reference"] for item in listing.json()["results"]] == [initiative.reference]
    detail = api_get(live_server, f"{base}/initiatieven/{initiative.reference}", token)
    assert detail.status_code == 200
    assert "fatima" not in detail.text.lower()  # no contact details without that scope
    figures = api_get(live_server, f"{base}/cijfers", token)
    assert figures.status_code == 403 and figures.headers["Content-Type"].startswith("application/problem+json")
    assert ApiClient.objects.get().last_used_at is not None  # the page shows when it was last used

    # Revoked: refused at once.
    page.get_by_role("button", name="Intrekken: Dashboard wijkteams").click()
    page.wait_for_load_state()
    assert "werkt niet meer" in page.content()
    accessible_at_both_widths(page)
    refused = api_get(live_server, f"{base}/initiatieven", token)
    assert refused.status_code == 401
    assert refused.headers["Content-Type"].startswith("application/problem+json")


def test_subscription_created_delivered_logged_and_resent(page, live_server, municipality, submit_idea, settings):
    settings.NOTIFICATION_ALLOW_HTTP = False  # as in production
    settings.NOTIFICATION_MAX_ATTEMPTS = 1
    admin = StaffFactory(municipality=municipality, roles=[Role.ADMINISTRATOR])
    login_as(page, live_server, admin)
    url = f"{live_server.url}/werkplek/{municipality.slug}/beheer/api/meldingen/"
    page.goto(url)
    accessible_at_both_widths(page)

    # An address without https:// and one that is no address at all: an error summary, nothing lost.
    page.get_by_label("Naam van het abonnement").fill("Dashboard")
    page.get_by_label("Adres (URL) dat de meldingen ontvangt").fill("http://meldingen.example/hook")
    submit_by_keyboard(page)
    assert "Gebruik een adres dat begint met https://." in page.locator(".bi-error-summary").inner_text()
    assert page.get_by_label("Naam van het abonnement").input_value() == "Dashboard"
    assert page.get_by_label("Adres (URL) dat de meldingen ontvangt").input_value() == "http://meldingen.example/hook"
    accessible_at_both_widths(page)
    page.get_by_label("Adres (URL) dat de meldingen ontvangt").fill("geen adres")
    submit_by_keyboard(page)
    assert "Vul een volledig adres in" in page.locator(".bi-error-summary").inner_text()
    assert page.get_by_label("Adres (URL) dat de meldingen ontvangt").input_value() == "geen adres"
    assert not Subscription.objects.exists()

    settings.NOTIFICATION_ALLOW_HTTP = True  # the test receiver listens on plain http on loopback
    with Receiver(statuses=[500]) as receiver:
        page.get_by_label("Adres (URL) dat de meldingen ontvangt").fill(receiver.url)
        page.get_by_label("Idee ontvangen").check()
        submit_by_keyboard(page)
        secret = page.get_by_test_id("subscription-secret").inner_text().strip()
        assert len(secret) > 30
        accessible_at_both_widths(page)
        page.reload()
        assert secret not in page.content()
        assert Subscription.objects.count() == 1

        submit_idea(municipality)
        assert notifications_deliver() == 0  # the receiver answers 500; one attempt allowed here
        page.get_by_role("link", name="Dashboard", exact=True).click()
        page.wait_for_load_state()
        assert "Soorten meldingen: Idee ontvangen" in page.content()
        row = page.locator("tbody tr").first.inner_text()
        assert "Idee ontvangen" in row and "Mislukt" in row and row.count("HTTP 500") == 1
        accessible_at_both_widths(page)

        page.get_by_role("button", name="Melding 1 opnieuw versturen").click()
        page.wait_for_load_state()
        assert "De melding wordt opnieuw verstuurd." in page.content()
        assert notifications_deliver() == 1
        page.reload()
        row = page.locator("tbody tr").first.inner_text()
        assert "Afgeleverd" in row and "HTTP 500" in row and "HTTP 200" in row
        accessible_at_both_widths(page)
    assert len(receiver.requests) == 2
    assert NotificationDelivery.objects.get().status == DeliveryStatus.DELIVERED
