"""Setting up the second factor: only with a one-time link (and the password), never with a password alone.
Coordinators and administrators reset a colleague's second factor on the colleague's page in Inrichting ->
Medewerkers (administration; the older /medewerkers/ pages redirect there); administrators also make links
with a command. That a reset is
written to the processing log is tested where it is written: privacy/tests/test_staff_second_factor_log.py."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from burgeridee.accounts.constants import EnrolmentReason, Role
from burgeridee.accounts.models import EnrolmentLink, Membership, User
from burgeridee.accounts.services import enrolment_link_issue, enrolment_token_hash, staff_create
from burgeridee.accounts.testing import login_with_second_factor, totp_token
from burgeridee.accounts.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-123"
LOGIN = "/werkplek/inloggen/"
SETUP = "/werkplek/inloggen/app-instellen/"


def path_of(issued) -> str:
    return issued.url.removeprefix(settings.SITE_URL)


def log_in(client, username="nina", password=PASSWORD):
    response = client.post(LOGIN, {"username": username, "password": password})
    assert response.status_code == 302, "password login failed"
    return response


def enrol_with_code(client, user):
    """On the set-up page: read the new app's secret (a device now exists) and type its code."""
    page = client.get(SETUP)
    assert page.status_code == 200, page.content.decode()[:500]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(SETUP, {"token": totp_token(device), "next": "/werkplek/"}), device


# --- A password alone ---------------------------------------------------------------------------


def test_password_alone_cannot_set_up_an_app(client, newcomer):
    response = log_in(client)
    assert response["Location"].startswith(SETUP)
    page = client.get(response["Location"])
    content = page.content.decode()
    assert page.status_code == 403
    assert "U heeft een link nodig om de app in te stellen" in content
    assert "Vraag uw coördinator of beheerder om een nieuwe link." in content
    assert "data-totp-secret" not in content and "data:image/svg" not in content
    assert not TOTPDevice.objects.filter(user=newcomer).exists()  # no secret was made, so none can leak
    # Posting a code without a link does nothing either.
    assert client.post(SETUP, {"token": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert client.get("/werkplek/").status_code == 302


# --- The link -----------------------------------------------------------------------------------


def test_a_new_account_gets_a_link_by_email_stored_only_as_a_hash(municipality):
    with_capture = staff_create(
        username="omar",
        email="omar@voorbeeld.example",
        password=PASSWORD,
        first_name="Omar",
        municipality=municipality,
        roles=[Role.CONTACT],
    )
    token = with_capture.enrolment.url.rstrip("/").rsplit("/", 1)[1]
    link = EnrolmentLink.objects.get(user=with_capture.user)
    assert link.token_hash == enrolment_token_hash(token) != token
    assert not EnrolmentLink.objects.filter(token_hash=token).exists()
    assert link.reason == EnrolmentReason.NEW_ACCOUNT
    assert link.expires_at - link.created_at == timedelta(hours=settings.STAFF_ENROLMENT_LINK_VALID_HOURS)
    assert Membership.objects.get(user=with_capture.user).roles == [Role.CONTACT]


def test_the_link_mail_goes_out_after_commit(municipality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = staff_create(
            username="omar",
            email="omar@voorbeeld.example",
            password=PASSWORD,
            first_name="Omar",
            municipality=municipality,
            roles=[Role.CONTACT],
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["omar@voorbeeld.example"]
    assert created.enrolment.url in message.body
    assert "omar" in message.body and PASSWORD not in message.body
    assert "De link werkt één keer" in message.body


def test_a_valid_link_sets_up_the_app_exactly_once(client, newcomer, municipality):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    opened = client.get(path_of(issued))
    assert opened.status_code == 302 and opened["Location"] == f"{LOGIN}?next={SETUP}"
    assert "Log eerst in met uw gebruikersnaam en wachtwoord" in client.get(opened["Location"]).content.decode()
    assert log_in(client)["Location"].startswith(SETUP)
    response, device = enrol_with_code(client, newcomer)
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    issued.link.refresh_from_db()
    assert issued.link.used_at is not None
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 200

    # The same link again, even with the password: used up, and it says so.
    other = type(client)()
    again = other.get(path_of(issued))
    assert again.status_code == 410
    assert "Deze link is al gebruikt" in again.content.decode()


def test_a_link_opened_in_two_browsers_sets_up_only_one_app(newcomer, client):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    second = type(client)()
    for browser in (client, second):
        browser.get(path_of(issued))
        log_in(browser)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    page = second.get(SETUP)
    assert page.status_code == 200  # the same unfinished app: one secret per link
    assert client.post(SETUP, {"token": totp_token(device)}).status_code == 302
    # The second browser's code is refused: the link is used up (and the person has an app now).
    device.last_t = -1
    device.save(update_fields=["last_t"])
    late = second.post(SETUP, {"token": totp_token(device)})
    assert late.status_code == 302 and late["Location"].startswith("/werkplek/inloggen/code/")
    assert TOTPDevice.objects.filter(user=newcomer).count() == 1


def test_a_used_link_cannot_set_up_a_new_app_after_the_old_one_is_gone(client, newcomer):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    second = type(client)()
    for browser in (client, second):
        browser.get(path_of(issued))
        log_in(browser)
    enrol_with_code(client, newcomer)
    TOTPDevice.objects.filter(user=newcomer).delete()  # e.g. removed behind the application's back
    # The other browser opened the same link earlier; it is used up now.
    page = second.get(SETUP)
    assert page.status_code == 403
    assert "Deze link is al gebruikt" in page.content.decode()
    assert second.post(SETUP, {"token": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    # And the browser that used it has forgotten it.
    assert "U heeft een link nodig" in client.get(SETUP).content.decode()


def test_an_expired_link_is_refused(client, newcomer):
    issued = enrolment_link_issue(
        user=newcomer,
        reason=EnrolmentReason.NEW_ACCOUNT,
        now=timezone.now() - timedelta(hours=settings.STAFF_ENROLMENT_LINK_VALID_HOURS, minutes=1),
    )
    response = client.get(path_of(issued))
    content = response.content.decode()
    assert response.status_code == 410
    assert "Deze link is verlopen" in content
    assert "Vraag uw coördinator of beheerder om een nieuwe link." in content
    log_in(client)
    assert client.get(SETUP).status_code == 403


def test_a_link_that_expires_while_setting_up_is_refused_at_the_code(client, newcomer):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    client.get(path_of(issued))
    log_in(client)
    client.get(SETUP)
    EnrolmentLink.objects.filter(pk=issued.link.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    device = TOTPDevice.objects.get(user=newcomer)
    response = client.post(SETUP, {"token": totp_token(device)})
    assert response.status_code == 403
    assert "Deze link is verlopen" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_a_newer_link_replaces_the_older_one(client, newcomer):
    older = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_LINK)
    response = client.get(path_of(older))
    assert response.status_code == 410
    assert "Deze link werkt niet meer" in response.content.decode()


def test_a_link_for_one_person_does_not_work_for_another(client, newcomer, municipality):
    StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="bert")
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    # Opened first, then logged in as someone else.
    client.get(path_of(issued))
    log_in(client, "bert")
    page = client.get(SETUP)
    assert page.status_code == 403
    assert "Deze link is voor een ander account" in page.content.decode()
    assert client.post(SETUP, {"token": "123456"}).status_code == 403
    # Logged in as someone else, then opened.
    opened = client.get(path_of(issued))
    assert opened.status_code == 403
    assert "Deze link is voor een ander account" in opened.content.decode()
    assert not TOTPDevice.objects.exists()
    issued.link.refresh_from_db()
    assert issued.link.used_at is None  # still good for Nina


def test_the_link_page_is_not_cached_and_leaves_no_token_in_the_address(client, newcomer):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    response = client.get(path_of(issued))
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert issued.url.rsplit("/", 2)[1] not in response["Location"]


def test_guessing_links_is_rate_limited_per_address(client, newcomer):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    for attempt in range(10):
        assert client.get(f"/werkplek/inloggen/link/geraden-{attempt}/").status_code == 404
    blocked = client.get("/werkplek/inloggen/link/geraden-11/")
    assert blocked.status_code == 429
    assert "te veel onbekende links" in blocked.content.decode()
    # Over the limit even a real link is refused from this address, so guessing right does not help.
    assert client.get(path_of(issued)).status_code == 429
    assert type(client)(REMOTE_ADDR="10.1.2.3").get(path_of(issued)).status_code == 302


def test_a_valid_link_does_not_count_against_the_limit(client, newcomer):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    for _ in range(15):
        assert client.get(path_of(issued)).status_code == 302


def test_the_password_step_in_the_flow_keeps_its_lockout(client, newcomer):
    issued = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    client.get(path_of(issued))
    for _ in range(5):
        client.post(LOGIN, {"username": "nina", "password": "fout"})
    assert client.post(LOGIN, {"username": "nina", "password": PASSWORD}).status_code == 429


@override_settings(DEMO_MODE=True)
def test_demo_mode_still_needs_no_second_factor_and_says_so(client):
    call_command("seed_demo", stdout=io.StringIO())
    response = client.post(LOGIN, {"username": "contact", "password": "demo-burgeridee", "next": "/werkplek/"})
    assert response["Location"] == "/werkplek/"
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert "these accounts log in WITHOUT a second factor" in out.getvalue()
    # The demo accounts were made like any other: each has a set-up link for use outside the demo.
    assert EnrolmentLink.objects.filter(user__username="contact", used_at__isnull=True).count() == 1


# --- A coordinator resets a colleague's second factor ---------------------------------------------


def reset_url(municipality, membership) -> str:
    return f"/werkplek/{municipality.slug}/beheer/medewerkers/{membership.pk}/"


RESET = {"action": "second_factor_reset"}


def staff_url(municipality) -> str:
    return f"/werkplek/{municipality.slug}/beheer/medewerkers/"


def test_the_older_staff_pages_redirect_to_the_one_staff_page(coordinator_client, municipality, newcomer):
    membership = Membership.objects.get(user=newcomer, municipality=municipality)
    old = coordinator_client.get(f"/werkplek/{municipality.slug}/medewerkers/")
    assert old.status_code == 302 and old["Location"] == staff_url(municipality)
    old = coordinator_client.get(f"/werkplek/{municipality.slug}/medewerkers/{membership.pk}/tweede-stap/")
    assert old.status_code == 302 and old["Location"] == reset_url(municipality, membership)


def test_a_coordinator_resets_a_lost_phone_and_the_colleague_enrols_again(
    coordinator_client, municipality, newcomer, django_capture_on_commit_callbacks
):
    colleague_client = login_with_second_factor(newcomer)
    assert colleague_client.get(f"/werkplek/{municipality.slug}/").status_code == 200
    membership = Membership.objects.get(user=newcomer, municipality=municipality)

    overview = coordinator_client.get(staff_url(municipality))
    assert overview.status_code == 200
    assert "Nina Nieuw" in overview.content.decode() and "Actief" in overview.content.decode()
    confirm = coordinator_client.get(reset_url(municipality, membership))
    assert confirm.status_code == 200
    assert "Opnieuw instellen en link sturen" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        done = coordinator_client.post(reset_url(municipality, membership), RESET)
    content = done.content.decode()
    assert done.status_code == 200
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    link = EnrolmentLink.objects.get(user=newcomer)
    assert link.reason == EnrolmentReason.RESET and link.created_by.username == "carla"
    url = mail.outbox[-1].body.split("http://", 1)[1].split()[0]
    assert f"http://{url}" in content  # shown once to the coordinator, and mailed
    assert mail.outbox[-1].to == [newcomer.email]

    # The colleague's session verified with the old phone no longer counts.
    assert colleague_client.get(f"/werkplek/{municipality.slug}/")["Location"].startswith(SETUP)
    # With the new link and the password, they set up the new phone.
    fresh = type(colleague_client)()
    fresh.get(f"/{url.split('/', 1)[1]}")
    log_in(fresh)
    response, _device = enrol_with_code(fresh, newcomer)
    assert response.status_code == 302
    assert fresh.get(f"/werkplek/{municipality.slug}/").status_code == 200


def test_a_new_link_for_a_colleague_who_never_set_up(coordinator_client, municipality, newcomer):
    expired = enrolment_link_issue(
        user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT, now=timezone.now() - timedelta(days=10)
    )
    membership = Membership.objects.get(user=newcomer)
    page = coordinator_client.get(reset_url(municipality, membership)).content.decode()
    assert "Nieuwe link sturen" in page and "Opnieuw instellen en link sturen" not in page
    coordinator_client.post(reset_url(municipality, membership), RESET)
    expired.link.refresh_from_db()
    assert expired.link.revoked_at is not None
    assert EnrolmentLink.objects.get(user=newcomer, revoked_at__isnull=True).reason == EnrolmentReason.NEW_LINK


def test_an_administrator_may_reset_too(municipality, staff_client_factory, newcomer):
    client = staff_client_factory(municipality, Role.ADMINISTRATOR)
    membership = Membership.objects.get(user=newcomer)
    assert client.post(reset_url(municipality, membership), RESET).status_code == 200


@pytest.mark.parametrize("role", [Role.CONTACT, Role.DEPARTMENT, Role.TRAINER])
def test_other_roles_may_not_reset(municipality, staff_client_factory, newcomer, role):
    client = staff_client_factory(municipality, role)
    login_with_second_factor(newcomer)
    membership = Membership.objects.get(user=newcomer)
    assert client.get(staff_url(municipality)).status_code == 403
    assert client.get(reset_url(municipality, membership)).status_code == 403
    assert client.post(reset_url(municipality, membership), RESET).status_code == 403
    assert TOTPDevice.objects.filter(user=newcomer, confirmed=True).exists()
    assert not EnrolmentLink.objects.exists()


def test_a_coordinator_cannot_reset_someone_of_another_municipality(
    coordinator_client, municipality, other_municipality
):
    stranger = StaffFactory(municipality=other_municipality, roles=[Role.CONTACT])
    login_with_second_factor(stranger)
    theirs = Membership.objects.get(user=stranger)
    # Through the own municipality's address and through theirs: both 404.
    assert coordinator_client.post(reset_url(municipality, theirs), RESET).status_code == 404
    assert coordinator_client.post(reset_url(other_municipality, theirs), RESET).status_code == 404
    assert coordinator_client.get(staff_url(other_municipality)).status_code == 404
    assert TOTPDevice.objects.filter(user=stranger, confirmed=True).exists()


def test_a_coordinator_cannot_reset_their_own_second_factor(coordinator_client, municipality):
    own = Membership.objects.get(user=coordinator_client.user)
    page = coordinator_client.get(reset_url(municipality, own))
    assert page.status_code == 200
    assert "Uw eigen tweede stap kunt u hier niet opnieuw instellen" in page.content.decode()
    assert "second_factor_reset" not in page.content.decode()
    assert coordinator_client.post(reset_url(municipality, own), RESET).status_code == 403
    assert TOTPDevice.objects.filter(user=coordinator_client.user, confirmed=True).exists()


def test_the_colleague_list_runs_a_constant_number_of_queries(coordinator_client, municipality):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert coordinator_client.get(staff_url(municipality)).status_code == 200
        return len(queries)

    StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    few = count()
    for _ in range(5):
        user = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
        enrolment_link_issue(user=user, reason=EnrolmentReason.NEW_ACCOUNT)
        login_with_second_factor(StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT]))
    assert count() == few


# --- Commands -----------------------------------------------------------------------------------


def test_staff_enrolment_link_prints_a_new_link_and_revokes_older_ones(newcomer):
    older = enrolment_link_issue(user=newcomer, reason=EnrolmentReason.NEW_ACCOUNT)
    out = io.StringIO()
    call_command("staff_enrolment_link", "nina", "--no-email", stdout=out)
    newest = EnrolmentLink.objects.get(user=newcomer, revoked_at__isnull=True)
    token = out.getvalue().split("/werkplek/inloggen/link/", 1)[1].split("/", 1)[0]
    assert newest.token_hash == enrolment_token_hash(token)
    older.link.refresh_from_db()
    assert older.link.revoked_at is not None
    assert newest.created_by is None and newest.reason == EnrolmentReason.NEW_LINK
    assert mail.outbox == []


def test_staff_enrolment_link_needs_reset_for_someone_with_an_app(newcomer):
    login_with_second_factor(newcomer)
    with pytest.raises(CommandError, match="already has an authenticator app"):
        call_command("staff_enrolment_link", "nina", stdout=io.StringIO())
    call_command("staff_enrolment_link", "nina", "--reset", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert EnrolmentLink.objects.get(user=newcomer).reason == EnrolmentReason.RESET
    with pytest.raises(CommandError, match="No staff member"):
        call_command("staff_enrolment_link", "niemand", stdout=io.StringIO())


def test_staff_create_makes_the_account_and_prints_its_link(municipality):
    out = io.StringIO()
    call_command(
        "staff_create",
        "omar",
        "--municipality",
        municipality.slug,
        "--role",
        Role.COORDINATOR,
        "--role",
        Role.CONTACT,
        "--email",
        "omar@voorbeeld.example",
        "--first-name",
        "Omar",
        "--password-stdin",
        stdin=io.StringIO(f"{PASSWORD}\n"),
        stdout=out,
    )
    user = User.objects.get(username="omar")
    assert user.check_password(PASSWORD)
    assert Membership.objects.get(user=user).roles == [Role.COORDINATOR, Role.CONTACT]
    assert "/werkplek/inloggen/link/" in out.getvalue()
    assert EnrolmentLink.objects.get(user=user).reason == EnrolmentReason.NEW_ACCOUNT


def test_staff_create_refuses_a_weak_password(municipality):
    with pytest.raises(CommandError):
        call_command(
            "staff_create",
            "omar",
            "--municipality",
            municipality.slug,
            "--role",
            Role.CONTACT,
            "--email",
            "omar@voorbeeld.example",
            "--password-stdin",
            stdin=io.StringIO("12345\n"),
            stdout=io.StringIO(),
        )
    assert not User.objects.filter(username="omar").exists()


def test_a_colleague_of_two_municipalities_gets_the_link_only_by_mail(
    coordinator_client, municipality, other_municipality, newcomer, django_capture_on_commit_callbacks
):
    """Issue #19: a coordinator of A must not see a link that also opens B's data."""
    Membership.objects.create(user=newcomer, municipality=other_municipality, roles=[Role.CONTACT])
    membership = Membership.objects.get(user=newcomer, municipality=municipality)
    with django_capture_on_commit_callbacks(execute=True):
        done = coordinator_client.post(reset_url(municipality, membership), RESET)
    content = done.content.decode()
    assert done.status_code == 200
    url = mail.outbox[-1].body.split("http://", 1)[1].split()[0]
    assert mail.outbox[-1].to == [newcomer.email]
    assert url not in content and "/inloggen/link/" not in content
    assert "werkt ook voor een andere gemeente" in content
