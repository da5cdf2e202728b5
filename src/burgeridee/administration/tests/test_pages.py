"""The functional administrator's pages under /werkplek/<gemeente>/beheer/: each change works, is refused
with a clear Dutch message when wrong (nothing typed lost), says so when the database refuses, and is
audited (who in records.StaffAuditEntry, what in ConfigurationChange)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.accounts.tests.factories import STAFF_PASSWORD, StaffFactory
from burgeridee.administration.models import ConfigurationChange
from burgeridee.conversations import services as conversation_services
from burgeridee.initiatives.services import note_add
from burgeridee.municipalities.models import Department, Municipality, Neighbourhood
from burgeridee.records.models import StaffAuditEntry
from burgeridee.records.processing import processing_record
from burgeridee.records.vocabulary import Activity
from burgeridee.testing.helpers import database_refuses_writes

pytestmark = pytest.mark.django_db

BEHEER = "/werkplek/voorbeeld/beheer/"


def audited(municipality, actor, activity) -> ConfigurationChange:
    change = ConfigurationChange.objects.filter(municipality=municipality, activity=activity).first()
    assert change is not None, f"no {activity} change"
    assert StaffAuditEntry.objects.get(processing=change.processing).actor == actor
    return change


def test_only_the_functional_administrator_manages(coordinator_client, contact_client, admin_client):
    for client in (coordinator_client, contact_client):
        assert client.get(BEHEER).status_code == 403
        assert client.post(BEHEER + "wijken/", {"action": "add", "add-name": "Haven"}).status_code == 403
    page = admin_client.get(BEHEER)
    assert page.status_code == 200
    assert 'href="/werkplek/voorbeeld/beheer/"' in page.content.decode()  # in the staff menu


def test_settings_change_is_audited_and_a_failed_save_keeps_the_input(admin_client, municipality, functional_admin):
    data = {
        "name": "Gemeente Voorbeeld",
        "contact_email": "nieuw@voorbeeld.example",
        "contact_phone": "14 020",
        "contact_address": "",
        "website": "",
        "privacy_officer_email": "fg@voorbeeld.example",
        "first_contact_working_days": "4",
    }
    with database_refuses_writes():
        response = admin_client.post(BEHEER + "gemeente/", data)
    assert response.status_code == 503
    assert (
        "database niet bereikbaar" in response.content.decode() and "fg@voorbeeld.example" in response.content.decode()
    )
    response = admin_client.post(BEHEER + "gemeente/", data | {"first_contact_working_days": "31"})
    assert response.status_code == 400 and "Vul hoogstens 30 werkdagen in." in response.content.decode()
    assert admin_client.post(BEHEER + "gemeente/", data).status_code == 302
    municipality.refresh_from_db()
    assert (municipality.first_contact_working_days, municipality.privacy_officer_email) == (4, "fg@voorbeeld.example")
    change = audited(municipality, functional_admin, Activity.MUNICIPALITY_SETTINGS_CHANGE)
    assert change.before["first_contact_working_days"] == 5 and change.after["first_contact_working_days"] == 4
    # The same again changes nothing and writes nothing.
    admin_client.post(BEHEER + "gemeente/", data)
    assert ConfigurationChange.objects.filter(activity=Activity.MUNICIPALITY_SETTINGS_CHANGE).count() == 1
    assert "Wijzigingen" in admin_client.get(BEHEER + "wijzigingen/").content.decode()
    assert "Bram Beheerder" in admin_client.get(BEHEER + "wijzigingen/").content.decode()


def test_csv_import_previews_with_an_error_per_line_then_imports(admin_client, municipality, functional_admin):
    csv = "naam;code\nHaven;H1\n;X\nCentrum;C\nDuinen;D\nHaven;H2\n" + "L" * 130 + ";L\n"
    upload = SimpleUploadedFile("wijken.csv", csv.encode("utf-8-sig"), content_type="text/csv")
    response = admin_client.post(BEHEER + "wijken/", {"action": "preview", "import-upload": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "De eerste kolom is leeg. Zet de naam van de wijk in de eerste kolom." in page  # line 3
    assert "Deze wijk staat al op regel 2." in page  # line 6
    assert "De naam is langer dan 120 tekens." in page
    assert "Bestaat al; wordt overgeslagen." in page  # Centrum
    assert "Er zijn 3 regels met een fout." in page
    assert 'value="import"' not in page  # no import while lines are wrong
    assert "Duinen;D" in page  # the file's content is in the text box, to fix there
    assert not Neighbourhood.objects.filter(name="Haven").exists()

    fixed = "naam;code\nHaven;H1\nCentrum;C\nDuinen;D\n"
    response = admin_client.post(BEHEER + "wijken/", {"action": "preview", "import-text": fixed})
    assert response.status_code == 200 and "2 wijken inlezen" in response.content.decode()
    response = admin_client.post(BEHEER + "wijken/", {"action": "import", "import-text": fixed})
    assert response.status_code == 302
    names = set(municipality.neighbourhoods.values_list("name", flat=True))
    assert names == {"Centrum", "Oosterpark", "Haven", "Duinen"}
    audited(municipality, functional_admin, Activity.NEIGHBOURHOODS_CHANGE)
    # Importing the same list again adds nothing.
    admin_client.post(BEHEER + "wijken/", {"action": "import", "import-text": fixed})
    assert municipality.neighbourhoods.count() == 4


def test_a_neighbourhood_typed_renamed_and_removed(admin_client, municipality, initiative):
    response = admin_client.post(BEHEER + "wijken/", {"action": "add", "add-name": "centrum"})
    assert response.status_code == 400 and "De wijk centrum bestaat al." in response.content.decode()
    assert admin_client.post(BEHEER + "wijken/", {"action": "add", "add-name": "Haven"}).status_code == 302
    haven = Neighbourhood.objects.get(municipality=municipality, name="Haven")
    admin_client.post(f"{BEHEER}wijken/{haven.pk}/", {"action": "rename", "name": "Havenkwartier"})
    haven.refresh_from_db()
    assert haven.name == "Havenkwartier"
    assert admin_client.post(f"{BEHEER}wijken/{haven.pk}/", {"action": "remove"}).status_code == 302
    assert not Neighbourhood.objects.filter(pk=haven.pk).exists()
    used = initiative.neighbourhood
    response = admin_client.post(f"{BEHEER}wijken/{used.pk}/", {"action": "remove"})
    assert response.status_code == 400 and "Geef de wijk een andere naam" in response.content.decode()
    assert Neighbourhood.objects.filter(pk=used.pk).exists()


def test_a_department_and_who_answers_its_handovers(admin_client, municipality, contact, functional_admin):
    response = admin_client.post(
        BEHEER + "afdelingen/nieuw/",
        {
            "name": "Vergunningen",
            "email": "verg@voorbeeld.example",
            "support_types": ["vergunning"],
            "answerers": [contact.memberships.get().pk],
        },
    )
    assert response.status_code == 302
    permits = Department.objects.get(municipality=municipality, name="Vergunningen")
    membership = contact.memberships.get()
    assert membership.department == permits and Role.DEPARTMENT in membership.roles
    audited(municipality, functional_admin, Activity.DEPARTMENTS_CHANGE)
    assert "Karim Contact" in admin_client.get(BEHEER + "afdelingen/").content.decode()
    # Taking Karim off: no department, no department role.
    admin_client.post(f"{BEHEER}afdelingen/{permits.pk}/", {"name": "Vergunningen", "email": "", "answerers": []})
    membership.refresh_from_db()
    assert membership.department is None and Role.DEPARTMENT not in membership.roles
    response = admin_client.post(BEHEER + "afdelingen/nieuw/", {"name": "vergunningen", "email": "geen-adres"})
    page = response.content.decode()
    assert response.status_code == 400 and "Vul een e-mailadres in zoals afdeling@gemeente.nl." in page


def test_staff_invited_changed_and_deactivated(
    admin_client, municipality, contact, functional_admin, client, initiative
):
    response = admin_client.post(
        BEHEER + "medewerkers/nieuw/",
        {
            "first_name": "Sam",
            "last_name": "Nieuw",
            "email": "sam@voorbeeld.example",
            "username": "sam",
            "password": "kort",
            "roles": [Role.CONTACT],
        },
    )
    assert response.status_code == 400
    assert 'value="sam@voorbeeld.example"' in response.content.decode()  # kept
    response = admin_client.post(
        BEHEER + "medewerkers/nieuw/",
        {
            "first_name": "Sam",
            "last_name": "Nieuw",
            "email": "sam@voorbeeld.example",
            "username": "sam",
            "password": "een-lang-wachtwoord-789",
            "roles": [Role.CONTACT, Role.COORDINATOR],
        },
    )
    assert response.status_code == 200 and "data-enrolment-link" in response.content.decode()
    audited(municipality, functional_admin, Activity.STAFF_INVITE)

    membership = contact.memberships.get()
    admin_client.post(f"{BEHEER}medewerkers/{membership.pk}/", {"action": "save", "roles": [Role.TRAINER]})
    membership.refresh_from_db()
    assert membership.roles == [Role.TRAINER]

    # Karim handled the initiative; deactivated he cannot log in, and his name stays on what he did.
    note_add(initiative=initiative, body="Gebeld.", actor=contact)
    assert password_accepted(client, "karim")
    assert admin_client.post(f"{BEHEER}medewerkers/{membership.pk}/", {"action": "deactivate"}).status_code == 302
    contact.refresh_from_db()
    membership.refresh_from_db()
    assert not contact.is_active and not membership.is_active
    assert not password_accepted(client, "karim")
    assert initiative.events.filter(actor=contact).exists()
    assert "Non-actief" in admin_client.get(BEHEER + "medewerkers/").content.decode()
    audited(municipality, functional_admin, Activity.STAFF_DEACTIVATE)
    admin_client.post(f"{BEHEER}medewerkers/{membership.pk}/", {"action": "activate"})
    contact.refresh_from_db()
    assert contact.is_active


def test_an_administrator_cannot_lock_themselves_out(admin_client, functional_admin):
    own = functional_admin.memberships.get()
    response = admin_client.post(f"{BEHEER}medewerkers/{own.pk}/", {"action": "save", "roles": [Role.CONTACT]})
    assert (
        response.status_code == 400 and "U kunt uw eigen rol van beheerder niet weghalen" in response.content.decode()
    )
    response = admin_client.post(f"{BEHEER}medewerkers/{own.pk}/", {"action": "deactivate"})
    assert response.status_code == 400
    own.refresh_from_db()
    assert own.is_active and own.roles == [Role.ADMINISTRATOR]


def test_a_colleague_of_two_municipalities_keeps_the_other(admin_client, municipality, other_municipality, client):
    both = StaffFactory(municipality=municipality, roles=[Role.CONTACT], username="twee")
    Membership.objects.create(user=both, municipality=other_municipality, roles=[Role.CONTACT])
    membership = both.memberships.get(municipality=municipality)
    admin_client.post(f"{BEHEER}medewerkers/{membership.pk}/", {"action": "deactivate"})
    both.refresh_from_db()
    assert both.is_active and password_accepted(client, "twee")


def password_accepted(client, username) -> bool:
    """The login form takes the password (on to the code page) rather than showing the form again."""
    client.cookies.clear()
    response = client.post("/werkplek/inloggen/", {"username": username, "password": STAFF_PASSWORD})
    return response.status_code == 302


def png(colour=(200, 0, 0), size=(40, 20)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


THEME = {
    "accent": "#00689e",
    "background": "#ffffff",
    "text": "#1a1a1a",
    "link": "#00507a",
    "button_background": "#00507a",
    "button_text": "#ffffff",
}


def test_a_colour_pair_without_enough_contrast_is_refused_with_the_ratio(admin_client, municipality):
    response = admin_client.post(BEHEER + "thema/", THEME | {"link": "#7fb2e5"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Te weinig contrast voor links op de achtergrond: 2.23:1, en er is minstens 4.5:1 nodig" in page
    assert 'value="#7fb2e5"' in page  # what was typed stays
    response = admin_client.post(BEHEER + "thema/", THEME | {"button_text": "zwart"})
    assert "Vul een kleurcode in zoals #1f5fa8" in response.content.decode()
    municipality.refresh_from_db()
    assert municipality.theme == {}


def test_theme_colours_logo_and_favicon_reach_the_public_pages(admin_client, municipality, functional_admin, client):
    not_an_image = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")
    response = admin_client.post(BEHEER + "thema/", THEME | {"logo": not_an_image})
    assert response.status_code == 400 and "Dit bestand is geen afbeelding" in response.content.decode()

    response = admin_client.post(BEHEER + "thema/", THEME | {"logo": png(), "favicon": png(size=(32, 32))})
    assert response.status_code == 302
    audited(municipality, functional_admin, Activity.THEME_CHANGE)
    css = client.get("/voorbeeld/thema.css").content.decode()
    assert "--utrecht-link-color:#00507a;" in css and "--utrecht-color-red-40:#00689e;" in css
    home = client.get("/voorbeeld/").content.decode()
    assert 'src="/voorbeeld/logo/"' in home and 'href="/voorbeeld/favicon/"' in home
    logo = client.get("/voorbeeld/logo/")
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png" and logo.content.startswith(b"\x89PNG")
    assert client.get("/anders/logo/").status_code == 404


def test_choosing_the_conversation_model_version(admin_client, municipality, functional_admin):
    version_1 = conversation_services.conversation_model_ensure_default(municipality=municipality)
    draft = conversation_services.conversation_model_draft_get_or_create(municipality=municipality)
    version_2 = conversation_services.conversation_model_publish(model=draft, actor=functional_admin)
    assert conversation_services.conversation_model_ensure_default(municipality=municipality) == version_2
    response = admin_client.post(BEHEER + "gespreksmodel/", {"model": version_1.pk})
    assert response.status_code == 302
    assert conversation_services.conversation_model_ensure_default(municipality=municipality) == version_1
    audited(municipality, functional_admin, Activity.CONVERSATION_MODEL_CHOOSE)
    assert "versie 1" in admin_client.get(BEHEER + "gespreksmodel/").content.decode()


def test_retention_period(admin_client, municipality, functional_admin):
    response = admin_client.post(BEHEER + "bewaartermijnen/", {"retention_months": "0"})
    assert response.status_code == 400 and "Vul minstens 1 maand in." in response.content.decode()
    assert admin_client.post(BEHEER + "bewaartermijnen/", {"retention_months": "36"}).status_code == 302
    municipality.refresh_from_db()
    assert municipality.retention_months == 36
    audited(municipality, functional_admin, Activity.RETENTION_CHANGE)


def test_processing_register_references_are_used_by_the_log(admin_client, municipality, functional_admin):
    response = admin_client.post(BEHEER + "verwerkingsregister/", {"url": "https://register.example/{nope}"})
    assert response.status_code == 400 and "Gebruik tussen { } alleen" in response.content.decode()
    response = admin_client.post(
        BEHEER + "verwerkingsregister/",
        {
            "url": "https://register.voorbeeld.example/{activity}",
            "ref_note_add": "https://register.voorbeeld.example/7",
        },
    )
    assert response.status_code == 302
    municipality = Municipality.objects.get(pk=municipality.pk)
    audited(municipality, functional_admin, Activity.PROCESSING_REGISTER_CHANGE)
    read = processing_record(municipality=municipality, actor=None, activity=Activity.INITIATIVE_READ)
    note = processing_record(municipality=municipality, actor=None, activity=Activity.NOTE_ADD)
    assert read.processing_activity_id == "https://register.voorbeeld.example/initiative_read"
    assert note.processing_activity_id == "https://register.voorbeeld.example/7"


# --- The one staff page: the second-factor reset (accounts' service, its audit and signal) ----------------


def test_the_administrator_resets_a_lost_phone_on_the_staff_page(
    admin_client, municipality, functional_admin, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from burgeridee.accounts.signals import second_factor_was_reset
    from burgeridee.records.models import ProcessingLogEntry

    colleague = StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Nina", last_name="Nieuw")
    TOTPDevice.objects.create(user=colleague, name="app", confirmed=True)
    membership = colleague.memberships.get()
    page = admin_client.get(f"{BEHEER}medewerkers/{membership.pk}/").content.decode()
    assert "data-second-factor" in page and "Opnieuw instellen en link sturen" in page
    heard = []
    second_factor_was_reset.connect(lambda **kwargs: heard.append(kwargs), weak=False, dispatch_uid="test-heard")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            done = admin_client.post(f"{BEHEER}medewerkers/{membership.pk}/", {"action": "second_factor_reset"})
    finally:
        second_factor_was_reset.disconnect(dispatch_uid="test-heard")
    assert done.status_code == 200 and "data-enrolment-link" in done.content.decode()
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert mail.outbox[-1].to == [colleague.email]
    assert heard and heard[0]["user"] == colleague and heard[0]["actor"] == functional_admin
    assert heard[0]["municipalities"] == [municipality]
    assert ProcessingLogEntry.objects.filter(activity=Activity.SECOND_FACTOR_RESET).count() == 1


def test_a_coordinator_may_reset_on_the_staff_page_but_not_manage(coordinator_client, municipality):
    colleague = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    membership = colleague.memberships.get()
    listing = coordinator_client.get(f"{BEHEER}medewerkers/")
    assert listing.status_code == 200 and "medewerkers/nieuw/" not in listing.content.decode()
    page = coordinator_client.get(f"{BEHEER}medewerkers/{membership.pk}/").content.decode()
    assert "second_factor_reset" in page and 'value="save"' not in page and 'value="deactivate"' not in page
    url = f"{BEHEER}medewerkers/{membership.pk}/"
    assert coordinator_client.post(url, {"action": "save", "roles": [Role.COORDINATOR]}).status_code == 403
    assert coordinator_client.post(url, {"action": "deactivate"}).status_code == 403
    assert coordinator_client.get(f"{BEHEER}medewerkers/nieuw/").status_code == 403
    membership.refresh_from_db()
    assert membership.roles == [Role.CONTACT] and membership.is_active
    assert coordinator_client.post(url, {"action": "second_factor_reset"}).status_code == 200


def test_a_failed_reset_says_so_and_changes_nothing(admin_client, municipality):
    colleague = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    membership = colleague.memberships.get()
    with database_refuses_writes():
        response = admin_client.post(f"{BEHEER}medewerkers/{membership.pk}/", {"action": "second_factor_reset"})
    assert response.status_code == 503
    assert "database niet bereikbaar" in response.content.decode()
