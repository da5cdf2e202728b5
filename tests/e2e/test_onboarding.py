"""Setting up a second municipality with only a browser (issue #14), in Chromium.

The installation administrator creates Gemeente Zeestad and invites its functional administrator; she
enrols (password + TOTP through the one-time link), gives Zeestad its own theme (a colour pair without
enough contrast is refused first), reads its neighbourhoods from a CSV file (a wrong line is shown and
fixed), adds a department and invites a colleague; the colleague enrols and works an initiative there.
She then switches on signing in with Zeestad's own work accounts (a real OpenID Connect provider on loopback),
and a second colleague signs in there, gets her roles from her groups, sees only Zeestad and works an
initiative. Nothing of Gemeente Voorbeeld shows. axe-core checks every page on the way, error states included.
"""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from burgeridee.accounts.models import User
from burgeridee.accounts.testing import totp_token
from burgeridee.accounts.tests.factories import UserFactory
from burgeridee.initiatives.models import Initiative, Message
from burgeridee.municipalities.models import Municipality
from burgeridee.sso.models import IdentityProvider
from burgeridee.sso.testing import provider_person_set

from .helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "een-lang-wachtwoord-123"
FEMKE_PASSWORD = "zeestad-beheer-2026!"
SAM_PASSWORD = "zeestad-contact-2026!"


def png_bytes(size=(120, 40), colour=(0, 104, 158)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def submit(page, label):
    page.click(f"main button:has-text('{label}')")


def enrol(page, base, link, username, password):
    """Open the one-time link, log in with the starting password, set up the app with a real TOTP code."""
    page.goto(base + link.removeprefix(settings.SITE_URL))
    page.wait_for_url("**/werkplek/inloggen/?next=**")
    assert_accessible(page)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url("**/werkplek/inloggen/app-instellen/**")
    assert_accessible(page)
    device = TOTPDevice.objects.get(user__username=username)
    page.fill("#id_token", totp_token(device))
    page.click("main button[type=submit]")


@pytest.fixture
def ida_with_app(db):
    user = UserFactory(username="ida", first_name="Ida", last_name="Installatie")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="municipalities", codename="set_up_municipality")
    )
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def test_an_installation_administrator_sets_up_a_second_municipality_with_only_a_browser(
    live_server, new_page, municipality, submit_idea, ida_with_app, tmp_path, oidc_url
):
    base = live_server.url
    voorbeeld_idea, _token = submit_idea(municipality, title="Geheim plan van Voorbeeld")

    # 1. The installation administrator: password and code, then straight to the installation page.
    page = new_page()
    page.goto(f"{base}/werkplek/inloggen/")
    page.fill("#id_username", "ida")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/werkplek/inloggen/code/**")
    page.fill("#id_token", totp_token(TOTPDevice.objects.get(user=ida_with_app)))
    page.click("main form[action$='code/'] button[type=submit]")
    page.wait_for_url("**/werkplek/installatie/")
    assert_accessible(page)
    page.click("text=Nieuwe gemeente")
    page.wait_for_url("**/installatie/nieuw/")
    assert_accessible(page)
    page.fill("#id_slug", "werkplek")  # reserved: refused, everything typed stays
    page.fill("#id_name", "Gemeente Zeestad")
    page.fill("#id_contact_email", "initiatieven@zeestad.example")
    page.fill("#id_contact_phone", "14 0123")
    page.fill("#id_privacy_officer_email", "privacy@zeestad.example")
    page.fill("#id_first_contact_working_days", "3")
    submit(page, "Gemeente aanmaken")
    page.wait_for_selector("[data-error-summary]")
    assert "Deze korte naam is gereserveerd" in page.locator("main").inner_text()
    assert page.input_value("#id_name") == "Gemeente Zeestad"
    assert_accessible(page)
    page.fill("#id_slug", "zeestad")
    submit(page, "Gemeente aanmaken")
    page.wait_for_url("**/installatie/zeestad/beheerder/")
    assert "Gemeente Zeestad is aangemaakt" in page.locator("main").inner_text()
    assert_accessible(page)
    page.fill("#id_first_name", "Femke")
    page.fill("#id_last_name", "Beheer")
    page.fill("#id_email", "femke@zeestad.example")
    page.fill("#id_username", "femke")
    page.fill("#id_password", FEMKE_PASSWORD)
    submit(page, "Uitnodigen")
    page.wait_for_selector("[data-enrolment-link]")
    femke_link = page.locator("[data-enrolment-link]").inner_text().strip()
    assert_accessible(page)
    zeestad = Municipality.objects.get(slug="zeestad")
    assert zeestad.first_contact_working_days == 3

    # 2. The functional administrator enrols and sets Zeestad up.
    page = new_page()
    enrol(page, base, femke_link, "femke", FEMKE_PASSWORD)
    page.wait_for_url("**/werkplek/zeestad/**")
    page.click("nav a:has-text('Inrichting')")
    page.wait_for_url("**/werkplek/zeestad/beheer/")
    assert_accessible(page)

    # The theme: a link colour too light on white is refused with the ratio; then a good one.
    page.click("main a:has-text('Thema')")
    page.wait_for_url("**/beheer/thema/")
    assert_accessible(page)
    page.fill("#id_accent", "#00689e")
    page.fill("#id_link", "#9fc5e8")
    submit(page, "Thema opslaan")
    page.wait_for_selector("[data-error-summary]")
    assert "Te weinig contrast voor links op de achtergrond: 1.80:1" in page.locator("main").inner_text()
    assert page.input_value("#id_link") == "#9fc5e8"
    assert_accessible(page)
    page.fill("#id_link", "#00507a")
    page.set_input_files("#id_logo", {"name": "logo.png", "mimeType": "image/png", "buffer": png_bytes()})
    submit(page, "Thema opslaan")
    page.wait_for_selector("text=Het thema is opgeslagen")
    assert_accessible(page)

    # Neighbourhoods from a CSV file: a line without a name is shown with its number, fixed in the box.
    page.goto(f"{base}/werkplek/zeestad/beheer/wijken/")
    assert_accessible(page)
    csv_path = tmp_path / "wijken.csv"
    csv_path.write_text("wijk;code\nCentrum;C\n;H\nDuinen;D\n", encoding="utf-8-sig")
    page.set_input_files("#id_import-upload", str(csv_path))
    submit(page, "Bekijken")
    page.wait_for_selector("[data-preview-errors]")
    assert "De eerste kolom is leeg" in page.locator("[data-preview]").inner_text()
    assert_accessible(page)
    page.fill("#id_import-text", "wijk;code\nCentrum;C\nHaven;H\nDuinen;D\n")
    submit(page, "Bekijken")
    page.wait_for_selector("main button:has-text('3 wijken inlezen')")
    assert_accessible(page)
    submit(page, "3 wijken inlezen")
    page.wait_for_selector("text=3 wijken ingelezen")
    assert page.locator("[data-neighbourhoods] li").count() == 3
    assert_accessible(page)

    # A department.
    page.goto(f"{base}/werkplek/zeestad/beheer/afdelingen/")
    assert_accessible(page)
    page.click("text=Nieuwe afdeling")
    page.wait_for_url("**/afdelingen/nieuw/")
    assert_accessible(page)
    page.fill("#id_name", "Vergunningen")
    page.fill("#id_email", "vergunningen@zeestad.example")
    page.check("label:has-text('Vergunning') >> xpath=preceding-sibling::input")
    submit(page, "Opslaan")
    page.wait_for_selector("text=De afdeling Vergunningen is opgeslagen")
    assert_accessible(page)

    # A colleague: coordinator and contact person.
    page.goto(f"{base}/werkplek/zeestad/beheer/medewerkers/")
    assert_accessible(page)
    page.click("main a:has-text('Collega uitnodigen')")
    page.wait_for_url("**/medewerkers/nieuw/")
    assert_accessible(page)
    page.fill("#id_first_name", "Sam")
    page.fill("#id_last_name", "Zee")
    page.fill("#id_email", "sam@zeestad.example")
    page.fill("#id_username", "sam")
    page.fill("#id_password", SAM_PASSWORD)
    page.check("#id_roles_0")  # coordinator
    page.check("#id_roles_1")  # contact person
    submit(page, "Uitnodigen")
    page.wait_for_selector("[data-enrolment-link]")
    sam_link = page.locator("[data-enrolment-link]").inner_text().strip()
    assert_accessible(page)
    page.goto(f"{base}/werkplek/zeestad/beheer/wijzigingen/")
    assert page.locator("[data-change]").count() >= 5
    assert "Femke Beheer" in page.locator("main").inner_text()
    assert_accessible(page)

    # Signing in with Zeestad's work accounts: the provider's groups give the roles.
    page.click("nav a:has-text('Inloggen met werkaccount')")
    page.wait_for_url("**/werkplek/zeestad/beheer/inloggen-met-werkaccount/")
    assert_accessible(page)
    page.check("#id_enabled")
    page.fill("#id_label", "Werkaccount Zeestad")
    page.fill("#id_discovery_url", f"{oidc_url}/.well-known/openid-configuration")
    page.fill("#id_client_id", "burgeridee-zeestad")
    page.fill("#id_client_secret", "zeestad-geheim-42")
    page.fill("#id_groups_coordinator", "zs-coordinatoren")
    page.fill("#id_groups_contactpersoon", "zs-contactpersonen")
    page.click("main button[type=submit]")
    page.wait_for_selector("text=De instellingen voor inloggen met werkaccount zijn opgeslagen.")
    assert "zeestad-geheim-42" not in page.content()
    assert_accessible(page)
    provider = IdentityProvider.objects.get(municipality=zeestad)
    assert provider.enabled and provider.issuer and provider.client_secret == "zeestad-geheim-42"

    # 3. A resident's idea arrives in Zeestad; the colleague enrols and works it.
    idea, _zeestad_token = submit_idea(zeestad, title="Bankjes op de boulevard")
    page = new_page()
    enrol(page, base, sam_link, "sam", SAM_PASSWORD)
    page.wait_for_url("**/werkplek/zeestad/")
    inbox = page.locator("main").inner_text()
    assert "Bankjes op de boulevard" in inbox and "Geheim plan van Voorbeeld" not in inbox
    assert "Gemeente Voorbeeld" not in page.content()
    assert page.locator("img.bi-header__logo").count() == 1
    assert_accessible(page)
    page.click("text=Bankjes op de boulevard")
    page.wait_for_url(f"**/initiatieven/{idea.pk}/")
    assert_accessible(page)
    sam = User.objects.get(username="sam")
    page.select_option("#id_contact-contact", str(sam.pk))
    page.click("form[action$='contactpersoon/'] button[type=submit]")
    page.wait_for_selector("text=De contactpersoon is gekoppeld")
    page.fill("#id_bericht-body", "Mooi idee! Ik bel u morgen.")
    page.click("form[action$='berichten/'] button[type=submit]")
    page.wait_for_selector("text=Het bericht is opgeslagen")
    assert_accessible(page)
    assert Initiative.objects.get(pk=idea.pk).contact_person == sam
    assert Message.objects.filter(author=sam, initiative=idea).exists()

    # Tenancy: Voorbeeld's pages do not exist for Sam.
    for path in ("/werkplek/voorbeeld/", f"/werkplek/voorbeeld/initiatieven/{voorbeeld_idea.pk}/"):
        response = page.goto(base + path)
        assert response.status == 404
    response = page.goto(f"{base}/werkplek/zeestad/initiatieven/{voorbeeld_idea.pk}/")
    assert response.status == 404

    # 4. Another colleague signs in with her Zeestad work account (the provider asserts MFA): coordinator and
    # contact person from her groups, only Zeestad; she assigns a second idea to herself and answers it.
    second, _token = submit_idea(zeestad, title="Een speeltuin in de Duinen")
    provider_person_set(
        oidc_url,
        "zs-noor",
        {
            "preferred_username": "noor.zee",
            "email": "noor@zeestad.example",
            "given_name": "Noor",
            "family_name": "Zeeman",
            "groups": ["zs-coordinatoren", "zs-contactpersonen", "iets-anders"],
            "amr": ["pwd", "mfa"],
        },
    )
    page = new_page()
    page.goto(f"{base}/werkplek/inloggen/?next=/werkplek/zeestad/")
    assert_accessible(page)
    assert "Werkaccount Voorbeeld" not in page.locator("main").inner_text()
    page.get_by_role("link", name="Inloggen met uw werkaccount: Werkaccount Zeestad").click()
    page.wait_for_selector("input[name=sub]")  # the provider's own sign-in page
    page.fill("input[name=sub]", "zs-noor")
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base}/werkplek/zeestad/**")
    assert "Noor Zeeman" in page.locator(".bi-staff-bar").inner_text()
    noor = User.objects.get(provider_accounts__subject="zs-noor")
    memberships = list(noor.memberships.values_list("municipality__slug", "roles"))
    assert memberships == [("zeestad", ["coordinator", "contactpersoon"])]
    inbox = page.locator("main").inner_text()
    assert "Een speeltuin in de Duinen" in inbox and "Geheim plan van Voorbeeld" not in inbox
    assert "Gemeente Voorbeeld" not in page.content()
    assert_accessible(page)
    page.click("text=Een speeltuin in de Duinen")
    page.wait_for_url(f"**/initiatieven/{second.pk}/")
    assert_accessible(page)
    page.select_option("#id_contact-contact", str(noor.pk))
    page.click("form[action$='contactpersoon/'] button[type=submit]")
    page.wait_for_selector("text=De contactpersoon is gekoppeld")
    page.fill("#id_bericht-body", "Wat een goed plan. Ik bel u deze week.")
    page.click("form[action$='berichten/'] button[type=submit]")
    page.wait_for_selector("text=Het bericht is opgeslagen")
    assert_accessible(page)
    assert Initiative.objects.get(pk=second.pk).contact_person == noor
    assert Message.objects.filter(author=noor, initiative=second).exists()
    for path in ("/werkplek/voorbeeld/", f"/werkplek/zeestad/initiatieven/{voorbeeld_idea.pk}/"):
        assert page.goto(base + path).status == 404

    # 5. The public pages of Zeestad carry its own theme.
    public = new_page()
    public.goto(f"{base}/zeestad/")
    assert public.locator("img.bi-header__logo").count() == 1
    link_colour = public.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--utrecht-link-color').trim()"
    )
    assert link_colour == "#00507a"
    assert "Gemeente Voorbeeld" not in public.content()
    assert_accessible(public)
