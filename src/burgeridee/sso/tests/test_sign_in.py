"""Single sign-on against a real OpenID Connect provider on loopback (oidc-provider-mock): the Django test
client plays the browser, `requests` presses the provider's sign-in button."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership, User
from burgeridee.accounts.tests.factories import MembershipFactory, StaffFactory
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.records.vocabulary import Activity
from burgeridee.sso.models import ProviderAccount
from burgeridee.sso.testing import identity_provider_make, provider_authorize, provider_person_set

pytestmark = pytest.mark.django_db

CALLBACK = "/werkplek/inloggen/sso/terug/"


def start(client, municipality, next_url=""):
    url = f"/werkplek/{municipality.slug}/inloggen/sso/" + (f"?next={next_url}" if next_url else "")
    response = client.get(url)
    assert response.status_code == 302
    return response["Location"]


def sign_in(client, municipality, sub, claims, provider_url, next_url=""):
    """The whole round trip; returns our callback's response."""
    provider_person_set(provider_url, sub, claims)
    back = provider_authorize(start(client, municipality, next_url), sub)
    parsed = urlparse(back)
    assert parsed.path == CALLBACK
    return client.get(f"{parsed.path}?{parsed.query}")


def person(groups=("bi-contact",), **claims):
    return {
        "preferred_username": "nina.de.vries",
        "email": "nina@onsdorp.example",
        "given_name": "Nina",
        "family_name": "de Vries",
        "groups": list(groups),
        **claims,
    }


def test_the_request_uses_the_code_flow_with_pkce_state_and_nonce(identity_provider, municipality):
    query = parse_qs(urlparse(start(Client(), municipality)).query)
    assert query["response_type"] == ["code"]
    assert query["client_id"] == [identity_provider.client_id]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert len(query["state"][0]) >= 32 and len(query["nonce"][0]) >= 32
    assert query["redirect_uri"] == ["http://testserver" + CALLBACK]
    assert "client_secret" not in query


def test_a_municipality_without_sso_has_no_sso_address(client, municipality):
    assert client.get(f"/werkplek/{municipality.slug}/inloggen/sso/").status_code == 404


def test_sign_in_makes_the_colleague_with_the_roles_of_their_groups(
    identity_provider, municipality, provider_url, mailoutbox, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(
            client, municipality, "sub-nina", person(groups=["bi-contact", "bi-coordinator"]), provider_url
        )
    user = User.objects.get(provider_accounts__subject="sub-nina")
    assert (user.username, user.email, user.first_name) == ("nina.de.vries", "nina@onsdorp.example", "Nina")
    assert not user.has_usable_password()  # only the provider lets them in
    membership = Membership.objects.get(user=user, municipality=municipality)
    assert membership.roles == [Role.COORDINATOR, Role.CONTACT]
    # No multi-factor claim: our own second factor is next (no app yet: the set-up page).
    assert response.status_code == 302
    assert response["Location"].startswith("/werkplek/inloggen/app-instellen/")
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 302
    # Like any new colleague they get a one-time link to set up their app, by email.
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["nina@onsdorp.example"]
    line = ProcessingLogEntry.objects.get(activity=Activity.PROVIDER_ACCOUNT_UPDATE)
    assert line.municipality == municipality


def test_roles_follow_the_groups_at_every_sign_in(identity_provider, municipality, provider_url):
    sign_in(Client(), municipality, "sub-roles", person(groups=["bi-coordinator"]), provider_url)
    sign_in(Client(), municipality, "sub-roles", person(groups=["bi-contact"]), provider_url)
    assert Membership.objects.get(user__provider_accounts__subject="sub-roles").roles == [Role.CONTACT]


def test_an_mfa_claim_skips_our_second_factor(identity_provider, municipality, provider_url):
    client = Client()
    response = sign_in(client, municipality, "sub-mfa", person(amr=["pwd", "mfa"]), provider_url)
    assert response["Location"] == "/werkplek/"
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 200


def test_an_acr_from_the_list_skips_our_second_factor(identity_provider, municipality, provider_url):
    identity_provider.mfa_amr_values = ""
    identity_provider.mfa_acr_values = "urn:gemeente:mfa"
    identity_provider.save()
    client = Client()
    sign_in(client, municipality, "sub-acr", person(acr="urn:gemeente:mfa", amr=["mfa"]), provider_url)
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 200
    other = Client()
    sign_in(other, municipality, "sub-acr", person(acr="urn:gemeente:basis", amr=["mfa"]), provider_url)
    assert other.get(f"/werkplek/{municipality.slug}/").status_code == 302  # amr not trusted any more


def test_an_mfa_claim_the_municipality_does_not_trust_is_not_honoured(identity_provider, municipality, provider_url):
    client = Client()
    sign_in(client, municipality, "sub-pwd", person(amr=["pwd"]), provider_url)
    response = client.get(f"/werkplek/{municipality.slug}/")
    assert response.status_code == 302 and "/werkplek/inloggen/" in response["Location"]


def test_without_a_group_that_gives_a_role_the_colleague_cannot_sign_in_again_and_history_stays(
    identity_provider, municipality, provider_url
):
    sign_in(Client(), municipality, "sub-gone", person(amr=["mfa"]), provider_url)
    user = User.objects.get(provider_accounts__subject="sub-gone")
    client = Client()
    response = sign_in(client, municipality, "sub-gone", person(groups=["iets-anders"], amr=["mfa"]), provider_url)
    assert response.status_code == 403
    assert "Geen toegang tot Burgeridee" in response.content.decode()
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 302  # not signed in
    user.refresh_from_db()
    assert user.is_active  # the account and what it did stay
    assert not Membership.objects.get(user=user, municipality=municipality).is_active


def test_a_colleague_of_a_uses_as_provider_never_sees_b(
    identity_provider, municipality, other_municipality, provider_url
):
    client = Client()
    sign_in(client, municipality, "sub-a", person(amr=["mfa"]), provider_url)
    user = User.objects.get(provider_accounts__subject="sub-a")
    MembershipFactory(user=user, municipality=other_municipality, roles=[Role.COORDINATOR])  # even so
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 200
    assert client.get(f"/werkplek/{other_municipality.slug}/").status_code == 404
    assert client.get("/werkplek/")["Location"] == f"/werkplek/{municipality.slug}/"


def test_as_provider_cannot_sign_in_bs_colleague(identity_provider, municipality, other_municipality, provider_url):
    # B's colleague has the same user name and email address A's provider asserts: never linked.
    b_user = StaffFactory(username="nina.de.vries", email="nina@onsdorp.example", municipality=other_municipality)
    sign_in(Client(), municipality, "sub-same-name", person(amr=["mfa"]), provider_url)
    new = User.objects.get(provider_accounts__subject="sub-same-name")
    assert new != b_user
    assert new.username == f"nina.de.vries@{municipality.slug}"
    assert not ProviderAccount.objects.filter(user=b_user).exists()


def test_the_same_subject_at_bs_provider_is_another_person(
    identity_provider, municipality, other_municipality, provider_url
):
    identity_provider_make(other_municipality, provider_url)
    sign_in(Client(), municipality, "sub-shared", person(amr=["mfa"]), provider_url)
    sign_in(Client(), other_municipality, "sub-shared", person(amr=["mfa"]), provider_url)
    a, b = (account.user for account in ProviderAccount.objects.filter(subject="sub-shared").order_by("pk"))
    assert a != b
    assert [m.municipality for m in a.memberships.all()] == [municipality]
    assert [m.municipality for m in b.memberships.all()] == [other_municipality]


def test_a_tampered_state_is_refused(identity_provider, municipality, provider_url):
    client = Client()
    provider_person_set(provider_url, "sub-state", person())
    back = urlparse(provider_authorize(start(client, municipality), "sub-state"))
    query = parse_qs(back.query)
    response = client.get(CALLBACK, {"code": query["code"][0], "state": "nagemaakt" + query["state"][0]})
    assert response.status_code == 400
    assert "hoort niet bij deze inlogpoging" in response.content.decode()
    assert not User.objects.filter(provider_accounts__subject="sub-state").exists()
    # The state is used once: replaying the real answer later is refused too.
    assert client.get(f"{back.path}?{back.query}").status_code == 302  # first use (own second factor next)
    assert client.get(f"{back.path}?{back.query}").status_code == 400


def test_a_tampered_nonce_is_refused(identity_provider, municipality, provider_url):
    client = Client()
    provider_person_set(provider_url, "sub-nonce", person(amr=["mfa"]))
    back = urlparse(provider_authorize(start(client, municipality), "sub-nonce"))
    session = client.session
    state = parse_qs(back.query)["state"][0]
    session["oidc_states"][state]["nonce"] = "een-andere-nonce"
    session.save()
    response = client.get(f"{back.path}?{back.query}")
    assert response.status_code == 400
    assert "kon niet worden gecontroleerd" in response.content.decode()
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 302


def test_a_denied_sign_in_at_the_provider_says_so(identity_provider, municipality):
    client = Client()
    state = parse_qs(urlparse(start(client, municipality)).query)["state"][0]
    response = client.get(CALLBACK, {"error": "access_denied", "state": state})
    assert response.status_code == 403
    assert "Inloggen is niet gelukt" in response.content.decode()


def test_logout_ends_the_session_at_the_provider_too(identity_provider, municipality, provider_url):
    client = Client()
    sign_in(client, municipality, "sub-logout", person(amr=["mfa"]), provider_url)
    response = client.post("/werkplek/uitloggen/")
    location = urlparse(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == identity_provider.end_session_endpoint
    query = parse_qs(location.query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/werkplek/inloggen/"]
    assert query["client_id"] == [identity_provider.client_id]
    assert query["id_token_hint"][0].count(".") == 2
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 302


def test_the_login_page_offers_the_work_account(identity_provider, client, municipality):
    identity_provider.label = "Werkaccount Ons Dorp"
    identity_provider.save()
    page = client.get("/werkplek/inloggen/", {"next": f"/werkplek/{municipality.slug}/"}).content.decode()
    assert "Inloggen met uw werkaccount" in page
    assert f"/werkplek/{municipality.slug}/inloggen/sso/?next=" in page
    assert "Werkaccount Ons Dorp" in page


def test_the_password_login_still_works_next_to_sso(identity_provider, client, contact):
    from burgeridee.accounts.tests.factories import STAFF_PASSWORD

    response = client.post("/werkplek/inloggen/", {"username": contact.username, "password": STAFF_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/werkplek/inloggen/")
