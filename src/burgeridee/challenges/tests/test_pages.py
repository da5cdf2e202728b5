"""The pages of the right to challenge: the resident's explanation, form, confirmation and status page; the
public register and its CSV; the administrator's settings (role-checked, audited); the staff route with the
decision letter (text read with pdftotext)."""

import csv
import io
import subprocess
from datetime import date, timedelta

from burgeridee.accounts.constants import Role
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.services import initiative_assign_contact
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.testing.helpers import database_refuses_writes

from ..models import Challenge, ChallengeSettings, ChallengeTask, SettingsChange

FORM = "/voorbeeld/uitdaagrecht/uitdagen/"


def _post_data(municipality, chosen, **overrides):
    return {
        "task": str(chosen.pk),
        "title": "Wij onderhouden het groen op het Lindeplein",
        "description": "Wij willen het groen zelf bijhouden.",
        "target_group": "Bewoners rond het plein",
        "neighbourhood": str(municipality.neighbourhoods.first().pk),
        "theme": "leefbaar",
        "name": "Fatima Bakker",
        "email": "fatima@example.org",
        "preferred_contact": "email",
        "submission_key": "a" * 32,
        **overrides,
    }


def test_info_page_explains_the_route_and_lists_tasks(client, municipality, challenge_tasks):
    page = client.get("/voorbeeld/uitdaagrecht/").content.decode()
    assert "Groenonderhoud van een plein" in page and "Ongeveer € 4.000 per jaar" in page
    assert "Aantoonbaar draagvlak in de buurt" in page  # default criteria
    assert "Binnen 8 weken nadat uw plan compleet is" in page


def test_a_municipality_without_the_right_says_so(client, municipality):
    assert "heeft (nog) geen uitdaagrecht" in client.get("/voorbeeld/uitdaagrecht/").content.decode()
    assert client.get(FORM).status_code == 404


def test_form_errors_keep_everything_typed(client, municipality, challenge_tasks):
    response = client.post(FORM, _post_data(municipality, challenge_tasks["square"], task="anders", email=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert "data-error-summary" in page
    assert "Beschrijf de taak die u wilt overnemen." in page
    assert "Wij onderhouden het groen op het Lindeplein" in page
    assert not Initiative.objects.exists()


def test_database_down_keeps_the_form(client, municipality, challenge_tasks):
    with database_refuses_writes():
        response = client.post(FORM, _post_data(municipality, challenge_tasks["square"]))
    assert response.status_code == 503
    assert "Wij onderhouden het groen op het Lindeplein" in response.content.decode()


def test_submit_confirm_and_status_page_show_the_challenge_route(client, municipality, challenge_tasks):
    response = client.post(FORM, _post_data(municipality, challenge_tasks["square"]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Bedankt! Uw uitdaging is verstuurd" in page
    challenge = Challenge.objects.get()
    assert challenge.task == challenge_tasks["square"]
    status = client.get(f"/voorbeeld/mijn-initiatief/{challenge.initiative.status_token}/").content.decode()
    for step in (
        "Wij hebben uw uitdaging ontvangen",
        "Uw plan is compleet",
        "De gemeente beoordeelt uw plan",
        "Het besluit",
        "De overeenkomst",
        "De evaluatie",
    ):
        assert step in status
    # The same form again stores nothing new.
    assert client.post(FORM, _post_data(municipality, challenge_tasks["square"])).status_code == 200
    assert Challenge.objects.count() == 1


def test_rate_limit_counts_stored_forms_only(client, municipality, challenge_tasks, settings):
    settings.RATELIMIT_IDEA_FORM = "1/h"
    assert client.post(FORM, _post_data(municipality, challenge_tasks["square"], email="x")).status_code == 400
    assert client.post(FORM, _post_data(municipality, challenge_tasks["square"])).status_code == 302
    response = client.post(FORM, _post_data(municipality, challenge_tasks["square"], submission_key="b" * 32))
    assert response.status_code == 429 and "Wij onderhouden" in response.content.decode()


def test_settings_page_is_for_the_administrator_and_audited(municipality, challenge_tasks, staff_client_factory):
    assert (
        staff_client_factory(municipality, Role.CONTACT)
        .get("/werkplek/voorbeeld/uitdaagrecht/instellingen/")
        .status_code
        == 403
    )
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    assert admin.get("/werkplek/voorbeeld/uitdaagrecht/instellingen/").status_code == 200
    response = admin.post(
        "/werkplek/voorbeeld/uitdaagrecht/instellingen/",
        {"is_enabled": "on", "bylaw_url": "https://example.org/v", "bylaw_text": "Artikel 5", "decision_weeks": "10"},
    )
    assert response.status_code == 302
    assert ChallengeSettings.objects.get(municipality=municipality).decision_weeks == 10
    change = SettingsChange.objects.get(what="instellingen")
    assert change.changes["decision_weeks"] == [8, 10] and change.actor == admin.user
    bad = admin.post("/werkplek/voorbeeld/uitdaagrecht/instellingen/", {"decision_weeks": "nul"})
    assert bad.status_code == 400 and "Vul een heel getal in" in bad.content.decode()
    response = admin.post(
        "/werkplek/voorbeeld/uitdaagrecht/instellingen/taken/nieuw/",
        {
            "title": "Buurthuis beheren",
            "description": "Het buurthuis openen en sluiten.",
            "cost": "€ 20.000",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert ChallengeTask.objects.filter(title="Buurthuis beheren").exists()
    assert SettingsChange.objects.filter(what="taak toegevoegd").exists()
    admin.post("/werkplek/voorbeeld/uitdaagrecht/instellingen/punten/standaard/")
    criterion = municipality.challenge_criteria.get(key="niet-duurder")
    admin.post(
        f"/werkplek/voorbeeld/uitdaagrecht/instellingen/punten/{criterion.pk}/",
        {"title": "Niet duurder dan nu", "explanation": "Uitleg", "is_active": "on"},
    )
    criterion.refresh_from_db()
    assert criterion.title == "Niet duurder dan nu"
    assert SettingsChange.objects.filter(what="beoordelingspunt gewijzigd").exists()


def _pdf_text(content: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()


def test_staff_route_to_a_granted_agreement_with_the_decision_letter(
    client, municipality, challenge_tasks, contact, coordinator
):
    client.post(
        FORM,
        _post_data(
            municipality,
            challenge_tasks["square"],
            street_address="Lindeplein 4",
            postal_code="1234 AB",
            city="Voorbeeld",
        ),
    )
    challenge = Challenge.objects.get()
    initiative_assign_contact(initiative=challenge.initiative, contact=contact, actor=coordinator)
    from burgeridee.accounts.testing import login_with_second_factor

    staff = login_with_second_factor(contact)
    base = f"/werkplek/voorbeeld/uitdagingen/{challenge.pk}/"
    assert staff.get(base).status_code == 200
    incomplete = staff.post(base + "plan/", {"plan-plan_what": "Maaien", "compleet": "1"})
    assert incomplete.status_code == 400 and "nog niet compleet" in incomplete.content.decode()
    staff.post(
        base + "plan/",
        {
            "plan-plan_what": "Maaien en snoeien",
            "plan-plan_where": "Lindeplein",
            "plan-plan_budget": "3500",
            "plan-plan_quality": "Zoals gevraagd",
            "plan-plan_insurance": "Vrijwilligersverzekering",
            "plan-plan_support_evidence": "handtekeningen",
            "plan-plan_support_count": "42",
            "compleet": "1",
        },
    )
    assert staff.post(base + "advies/", {"advies-question": "Niet duurder?"}).status_code == 302
    criteria = list(municipality.challenge_criteria.all())
    data = {}
    for criterion in criteria:
        data[f"beoordeling-verdict_{criterion.pk}"] = "voldoet"
        data[f"beoordeling-reasoning_{criterion.pk}"] = f"Onderbouwing {criterion.title}"
    assert staff.post(base + "beoordeling/", data).status_code == 302
    assert (
        staff.post(
            base + "besluit/", {"besluit-decision": "toegekend", "besluit-reasons": "Het plan is goed."}
        ).status_code
        == 302
    )
    letter = staff.get(base + "besluitbrief.pdf")
    text = _pdf_text(letter.content)
    assert "Besluit over uw uitdaging" in text and "Toegekend" in text and "Het plan is goed." in text
    assert "bezwaar" in text and "6 weken" in text and "Awb" in text and "Fatima Bakker" in text
    assert ProcessingLogEntry.objects.filter(activity="challenge_decision_letter").exists()
    today = date.today()
    bad = staff.post(
        base + "overeenkomst/",
        {
            "overeenkomst-starts": today.isoformat(),
            "overeenkomst-ends": today.isoformat(),
            "overeenkomst-budget": "3500",
            "overeenkomst-quality": "Goed",
        },
    )
    assert bad.status_code == 400
    response = staff.post(
        base + "overeenkomst/",
        {
            "overeenkomst-starts": today.isoformat(),
            "overeenkomst-ends": (today + timedelta(days=365)).isoformat(),
            "overeenkomst-budget": "3500",
            "overeenkomst-quality": "Maandelijks maaien",
            "overeenkomst-moment-TOTAL_FORMS": "2",
            "overeenkomst-moment-INITIAL_FORMS": "0",
            "overeenkomst-moment-0-due_date": (today + timedelta(days=90)).isoformat(),
            "overeenkomst-moment-0-description": "Eerste kwartaal",
            "overeenkomst-moment-1-due_date": "",
            "overeenkomst-moment-1-description": "",
        },
    )
    assert response.status_code == 302
    assert challenge.initiative.follow_ups.count() == 1
    register = client.get("/voorbeeld/uitdaagrecht/besluiten.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(register), delimiter=";"))
    assert rows[1][:3] == ["Groenonderhoud van een plein", "Centrum", "Toegekend"]
    assert "Fatima" not in register


def test_refusal_letter(municipality, challenge_tasks, contact, coordinator):
    from .. import services
    from .test_route import _assess, _plan, _submit

    challenge = _plan(_submit(municipality, challenge_tasks["playground"]), contact)
    _assess(challenge, contact, verdict="voldoet_niet")
    services.challenge_decide(
        challenge=challenge, actor=contact, decision="afgewezen", reasons="Het is duurder dan nu."
    )
    from burgeridee.accounts.testing import login_with_second_factor

    letter = login_with_second_factor(coordinator).get(
        f"/werkplek/voorbeeld/uitdagingen/{challenge.pk}/besluitbrief.pdf"
    )
    text = _pdf_text(letter.content)
    assert "Afgewezen" in text and "U mag deze taak niet overnemen." in text and "Het is duurder dan nu." in text
    assert "bezwaar" in text


def test_contact_person_converts_an_idea(municipality, challenge_tasks, contact, coordinator, initiative):
    from burgeridee.accounts.testing import login_with_second_factor

    initiative_assign_contact(initiative=initiative, contact=contact, actor=coordinator)
    staff = login_with_second_factor(contact)
    page = staff.get(f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/").content.decode()
    assert "Omzetten in een uitdaging" in page
    url = f"/werkplek/voorbeeld/initiatieven/{initiative.pk}/uitdaging/"
    bad = staff.post(url, {"task": str(challenge_tasks["square"].pk)})
    assert bad.status_code == 400 and "Schrijf op hoe en wanneer de bewoner instemde." in bad.content.decode()
    assert (
        staff.post(
            url, {"task": str(challenge_tasks["square"].pk), "resident_agreement": "Telefonisch, 3 maart"}
        ).status_code
        == 302
    )
    assert Challenge.objects.get().initiative == initiative
    assert login_with_second_factor(coordinator).post(url, {}).status_code == 403


def test_settings_forms_keep_what_was_typed_when_saving_fails(municipality, challenge_tasks, staff_client_factory):
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    typed = {"title": "Buurt zelf schoon", "explanation": "Wij vragen een schone buurt.", "is_active": "on"}
    with database_refuses_writes():
        response = admin.post("/werkplek/voorbeeld/uitdaagrecht/instellingen/punten/nieuw/", typed)
    page = response.content.decode()
    assert response.status_code == 503
    assert "Het opslaan is niet gelukt" in page and "Wij vragen een schone buurt." in page


def test_a_task_says_where_the_municipality_publishes_it(client, municipality, challenge_tasks, staff_client_factory):
    admin = staff_client_factory(municipality, Role.ADMINISTRATOR)
    url = f"/werkplek/voorbeeld/uitdaagrecht/instellingen/taken/{challenge_tasks['square'].pk}/"
    form = {"title": "Groenonderhoud van een plein", "description": "Snoeien en maaien.", "is_active": "on"}
    bad = admin.post(url, form | {"public_url": "geen adres"})
    assert bad.status_code == 400 and "Vul een webadres in dat begint met https://." in bad.content.decode()
    assert admin.post(url, form | {"public_url": "https://www.voorbeeld.nl/groen"}).status_code == 302
    change = SettingsChange.objects.filter(what="taak gewijzigd").first()
    assert change.changes["public_url"] == ["", "https://www.voorbeeld.nl/groen"]
    page = client.get("/voorbeeld/uitdaagrecht/").content.decode()
    assert 'href="https://www.voorbeeld.nl/groen"' in page and "Meer over deze taak op onze website" in page
