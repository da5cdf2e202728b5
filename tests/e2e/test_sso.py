"""Single sign-on in Chromium against a real OpenID Connect provider started on loopback by the test
(oidc-provider-mock; the test chooses each person's subject and claims): sign in, the role from the groups,
tenancy, a tampered state or nonce refused, logout at the provider too, the MFA claim honoured and not
honoured. Then passkeys (Chromium's virtual authenticator over CDP) and backup codes. axe-core checks every
page of ours."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership, User
from burgeridee.accounts.testing import totp_token
from burgeridee.accounts.tests.factories import STAFF_PASSWORD, StaffFactory
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.sso.testing import identity_provider_make, provider_person_set

from .helpers import assert_accessible, login_as

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sso(municipality, oidc_url):
    return identity_provider_make(
        municipality,
        oidc_url,
        label="Werkaccount Voorbeeld",
        role_groups={"coordinator": ["bi-coordinator"], "contactpersoon": ["bi-contact"]},
    )


def claims(groups=("bi-coordinator",), **extra):
    return {
        "preferred_username": "sanne",
        "email": "sanne@voorbeeld.example",
        "given_name": "Sanne",
        "family_name": "Jansen",
        "groups": list(groups),
        **extra,
    }


def start_at_login_page(page, base, municipality):
    page.goto(f"{base}/werkplek/inloggen/?next=/werkplek/{municipality.slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="Inloggen met uw werkaccount: Werkaccount Voorbeeld").click()
    page.wait_for_selector("input[name=sub]")  # the provider's own sign-in page


def sign_in_at_provider(page, sub):
    page.fill("input[name=sub]", sub)
    page.get_by_role("button", name="Authorize").click()


def test_sign_in_role_from_groups_tenancy_and_logout_at_the_provider(
    live_server, page, municipality, other_municipality, sso, oidc_url
):
    base = live_server.url
    provider_person_set(oidc_url, "sub-sanne", claims(amr=["pwd", "mfa"]))
    start_at_login_page(page, base, municipality)
    sign_in_at_provider(page, "sub-sanne")
    # The provider asserted MFA: no code of ours, straight into the workspace, as coordinator (the group).
    page.wait_for_url(f"{base}/werkplek/{municipality.slug}/**")
    assert_accessible(page)
    assert "Sanne Jansen" in page.locator(".bi-staff-bar").inner_text()
    user = User.objects.get(provider_accounts__subject="sub-sanne")
    assert Membership.objects.get(user=user).roles == [Role.COORDINATOR]
    page.goto(f"{base}/werkplek/{municipality.slug}/beheer/medewerkers/")  # a coordinator's page (lost phones)
    assert page.locator("h1").inner_text() == "Medewerkers beheren"
    assert "Wachtwoord wijzigen" not in page.locator(".bi-staff-bar").inner_text()  # no password of ours
    # Tenancy: B does not exist for A's colleague, not even with a membership there.
    Membership.objects.create(user=user, municipality=other_municipality, roles=[Role.COORDINATOR])
    response = page.goto(f"{base}/werkplek/{other_municipality.slug}/")
    assert response.status == 404
    # Logout ends the session at the provider too, and comes back to our login page.
    page.goto(f"{base}/werkplek/{municipality.slug}/")
    page.locator("[data-logout] button").click()
    page.wait_for_url(f"{oidc_url}/oauth2/end_session**")
    query = parse_qs(urlparse(page.url).query)
    assert query["client_id"] == [sso.client_id] and query["id_token_hint"]
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{base}/werkplek/inloggen/**")
    assert "U bent uitgelogd" in page.locator("main").inner_text()
    assert_accessible(page)
    assert page.goto(f"{base}/werkplek/{municipality.slug}/").url.startswith(f"{base}/werkplek/inloggen/")


def test_without_an_mfa_claim_our_own_second_factor_is_asked(live_server, page, municipality, sso, oidc_url):
    base = live_server.url
    provider_person_set(oidc_url, "sub-pwd", claims(amr=["pwd"]))
    start_at_login_page(page, base, municipality)
    sign_in_at_provider(page, "sub-pwd")
    # A new colleague without an app: the set-up link is on its way by email.
    page.wait_for_url(f"{base}/werkplek/inloggen/app-instellen/**")
    assert "U heeft een link nodig om de app in te stellen" in page.locator("h1").inner_text()
    assert_accessible(page)
    user = User.objects.get(provider_accounts__subject="sub-pwd")
    assert user.enrolment_links.filter(used_at__isnull=True).count() == 1
    # With an app set up, the next sign-in asks for its code.
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    page.context.clear_cookies()
    start_at_login_page(page, base, municipality)
    sign_in_at_provider(page, "sub-pwd")
    page.wait_for_url(f"{base}/werkplek/inloggen/code/**")
    assert_accessible(page)
    page.fill("#id_token", totp_token(device))
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/werkplek/{municipality.slug}/**")


def test_removed_from_the_groups_the_colleague_cannot_sign_in_again(live_server, page, municipality, sso, oidc_url):
    base = live_server.url
    provider_person_set(oidc_url, "sub-weg", claims(amr=["mfa"]))
    start_at_login_page(page, base, municipality)
    sign_in_at_provider(page, "sub-weg")
    page.wait_for_url(f"{base}/werkplek/{municipality.slug}/**")
    page.context.clear_cookies()
    provider_person_set(oidc_url, "sub-weg", claims(groups=["iets-anders"], amr=["mfa"]))
    start_at_login_page(page, base, municipality)
    sign_in_at_provider(page, "sub-weg")
    page.wait_for_selector("h1:has-text('Geen toegang tot Burgeridee')")
    assert_accessible(page)
    assert User.objects.filter(provider_accounts__subject="sub-weg", is_active=True).exists()  # history stays


def _callback_url(page, base, municipality, sub):
    """Sign in at the provider, but keep the browser from coming back; the way back is returned."""
    caught = []

    def hold(route):
        if route.request.method != "POST":
            route.continue_()
            return
        answer = route.fetch(max_redirects=0)
        caught.append(answer.headers["location"])
        route.fulfill(status=200, content_type="text/plain", body="held")

    page.route("**/oauth2/authorize**", hold)
    start_at_login_page(page, base, municipality)
    sign_in_at_provider(page, sub)
    page.wait_for_selector("text=held")
    page.unroute("**/oauth2/authorize**")
    return caught[0]


def test_a_tampered_state_or_nonce_is_refused(live_server, page, municipality, sso, oidc_url):
    base = live_server.url
    provider_person_set(oidc_url, "sub-tamper", claims(amr=["mfa"]))
    url = _callback_url(page, base, municipality, "sub-tamper")
    response = page.goto(url.replace("state=", "state=x"))
    assert response.status == 400
    assert "hoort niet bij deze inlogpoging" in page.locator("main").inner_text()
    assert_accessible(page)

    url = _callback_url(page, base, municipality, "sub-tamper")
    cookie = next(c for c in page.context.cookies() if c["name"] == django_settings.SESSION_COOKIE_NAME)
    session = SessionStore(session_key=cookie["value"])
    state = parse_qs(urlparse(url).query)["state"][0]
    states = session["oidc_states"]
    states[state]["nonce"] = "een-andere-nonce"
    session["oidc_states"] = states
    session.save()
    response = page.goto(url)
    assert response.status == 400
    assert "kon niet worden gecontroleerd" in page.locator("main").inner_text()
    assert_accessible(page)
    assert not User.objects.filter(provider_accounts__subject="sub-tamper").exists()


def test_the_functional_administrator_sets_up_sso(live_server, page, municipality, oidc_url):
    admin = StaffFactory(municipality=municipality, roles=[Role.ADMINISTRATOR])
    login_as(page, live_server, admin)
    page.goto(f"{live_server.url}/werkplek/{municipality.slug}/")
    page.get_by_role("link", name="Inloggen met werkaccount").first.click()
    page.wait_for_url("**/beheer/inloggen-met-werkaccount/")
    assert_accessible(page)
    page.check("#id_enabled")
    page.fill("#id_discovery_url", f"{oidc_url}/bestaat-niet")
    page.fill("#id_client_id", "burgeridee")
    page.fill("#id_client_secret", "heel-geheim-123")
    page.fill("#id_groups_coordinator", "bi-coordinator")
    page.click("main button[type=submit]")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)  # the error state too
    assert page.input_value("#id_client_id") == "burgeridee"
    page.fill("#id_discovery_url", f"{oidc_url}/.well-known/openid-configuration")
    page.fill("#id_client_secret", "heel-geheim-123")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=De instellingen voor inloggen met werkaccount zijn opgeslagen.")
    assert "heel-geheim-123" not in page.content()
    assert_accessible(page)
    assert ProcessingLogEntry.objects.filter(activity="sso_settings_update").count() == 1


def test_a_passkey_is_added_and_used_as_the_second_factor(live_server, page, municipality, settings):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    base = live_server.url
    user = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    login_as(page, live_server, user)
    page.goto(f"{base}/werkplek/tweede-stap/")
    assert_accessible(page)
    page.get_by_role("button", name="Passkey toevoegen").click()
    for _ in range(50):
        if WebAuthnCredential.objects.filter(user=user, confirmed=True).exists():
            break
        page.wait_for_timeout(100)
    assert WebAuthnCredential.objects.filter(user=user, confirmed=True).count() == 1
    assert ProcessingLogEntry.objects.filter(activity="passkey_add").count() == 1
    page.goto(f"{base}/werkplek/tweede-stap/")
    assert page.locator("[data-passkeys] li").count() == 1
    assert_accessible(page)

    # Log out, then in again: password, then the passkey instead of a code.
    page.goto(f"{base}/werkplek/{municipality.slug}/")
    page.locator("[data-logout] button").click()
    page.wait_for_url(f"{base}/werkplek/inloggen/**")
    page.fill("#id_username", user.username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/werkplek/inloggen/code/**")
    assert_accessible(page)
    page.get_by_role("button", name="Inloggen met uw passkey").click()
    page.wait_for_url(f"{base}/werkplek/{municipality.slug}/**")
    assert ProcessingLogEntry.objects.filter(activity="passkey_use").count() == 1


def test_backup_codes_are_made_once_and_let_a_colleague_without_phone_in(live_server, page, municipality):
    base = live_server.url
    user = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    login_as(page, live_server, user)
    page.goto(f"{base}/werkplek/{municipality.slug}/")
    page.get_by_role("link", name="Tweede stap").click()
    page.wait_for_url(f"{base}/werkplek/tweede-stap/")
    page.get_by_role("button", name="Reservecodes maken").click()
    codes = page.locator("[data-backup-codes] code").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar de werkplek").click()
    page.locator("[data-logout] button").click()
    page.wait_for_url(f"{base}/werkplek/inloggen/**")
    page.fill("#id_username", user.username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/werkplek/inloggen/code/**")
    assert_accessible(page)
    page.get_by_role("link", name="Telefoon niet bij de hand? Gebruik een reservecode.").click()
    page.wait_for_url(f"{base}/werkplek/inloggen/reservecode/**")
    assert_accessible(page)
    page.fill("#id_code", "verkeerd1")
    page.click("main button[type=submit]")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)
    page.wait_for_timeout(1100)  # django-otp lets the next try wait a second after a wrong one
    page.fill("#id_code", codes[0])
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/werkplek/{municipality.slug}/**")
    assert "U heeft er nog 9" in page.locator("main").inner_text()
    assert ProcessingLogEntry.objects.filter(activity="backup_code_use").count() == 1
