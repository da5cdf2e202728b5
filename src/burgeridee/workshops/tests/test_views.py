"""The trainer's pages, joining by code, the participant's screens, the PDFs and the export."""

import csv
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from burgeridee.accounts.constants import Role
from burgeridee.accounts.testing import login_with_second_factor
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.records.models import ProcessingLogEntry
from burgeridee.workshops import services
from burgeridee.workshops.constants import Module, SessionStatus
from burgeridee.workshops.models import Participant, WorkshopSession
from burgeridee.workshops.tests.helpers import go_to

pytestmark = pytest.mark.django_db


def staff_url(name, workshop, *args):
    return reverse(f"workshops:{name}", args=[workshop.municipality.slug, workshop.pk, *args])


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def joined_client(workshop, name):
    client = Client()
    response = client.post(reverse("workshops:participant", args=[workshop.code]), {"display_name": name})
    assert response.status_code == 302
    return client, Participant.objects.get(session=workshop, display_name=name)


def test_trainer_creates_a_session_with_the_town_hall_as_default_place(trainer_client, municipality):
    municipality.contact_address = "Stadhuisplein 1\n1234 AB Voorbeeld"
    municipality.save()
    url = reverse("workshops:create", args=[municipality.slug])
    page = trainer_client.get(url)
    assert "Gemeentehuis, Stadhuisplein 1, 1234 AB Voorbeeld" in page.content.decode()
    invalid = trainer_client.post(
        url, {"title": "Workshop", "date": "morgen", "place": "", "expected_participants": ""}
    )
    assert invalid.status_code == 400 and 'value="Workshop"' in invalid.content.decode()
    response = trainer_client.post(
        url, {"title": "Workshop januari", "date": "14-01-2027", "place": "", "expected_participants": "18"}
    )
    session = WorkshopSession.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"/workshops/{session.pk}/")
    assert session.place.startswith("Gemeentehuis") and session.expected_participants == 18
    detail = trainer_client.get(response.url).content.decode()
    assert "Herken de valkuil" in detail and session.code in detail
    listing = trainer_client.get(reverse("workshops:list", args=[municipality.slug])).content.decode()
    assert "Workshop januari" in listing
    assert "<title>Workshops | Gemeente Voorbeeld</title>" in listing


def test_only_trainers_of_this_municipality(client, contact, other_municipality, workshop):
    client = login_with_second_factor(contact)
    assert client.get(staff_url("detail", workshop)).status_code == 403
    other = StaffFactory(municipality=other_municipality, roles=[Role.TRAINER], username="t2")
    client = login_with_second_factor(other)
    assert client.get(staff_url("detail", workshop)).status_code == 404
    assert client.get(reverse("workshops:detail", args=[other_municipality.slug, workshop.pk])).status_code == 404


def test_trainer_edits_the_agenda_and_moves_the_session_forward(trainer_client, workshop):
    items = list(workshop.agenda_items.order_by("position"))
    cases = items[1]
    response = trainer_client.post(
        staff_url("agenda_change", workshop, cases.pk, "bijwerken"),
        {f"item{cases.pk}-minutes": "40", f"item{cases.pk}-case_numbers": ["1", "4"]},
    )
    assert response.status_code == 302
    cases.refresh_from_db()
    assert (cases.minutes, cases.case_numbers) == (40, [1, 4])
    trainer_client.post(staff_url("agenda_change", workshop, items[0].pk, "verwijderen"))
    trainer_client.post(staff_url("agenda_add", workshop), {"add-module": Module.INTRO, "add-minutes": "15"})
    assert [i.module for i in workshop.agenda_items.order_by("position")][-1] == Module.INTRO
    trainer_client.post(staff_url("transition", workshop, "openen"), {"terug": "detail"})
    trainer_client.post(staff_url("transition", workshop, "starten"))
    trainer_client.post(staff_url("transition", workshop, "volgende"))
    workshop.refresh_from_db()
    assert (workshop.status, workshop.current_position) == (SessionStatus.RUNNING, 1)
    presenter = trainer_client.get(staff_url("presenter", workshop)).content.decode()
    assert "Herken de valkuil" in presenter and "Toon uitleg" in presenter and "nog 25:00 van 25 minuten" in presenter
    # Editing the agenda is refused once running, with a message, not an error page.
    response = trainer_client.post(staff_url("agenda_change", workshop, cases.pk, "verwijderen"), follow=True)
    assert "al begonnen" in response.content.decode()


def test_join_by_code_wrong_code_draft_and_finished(client, workshop):
    page = client.get(reverse("workshops:join"))
    assert page.status_code == 200
    wrong = client.post(reverse("workshops:join"), {"code": "QQQQQQ"})
    assert wrong.status_code == 404 and "Deze code kennen we niet" in wrong.content.decode()
    assert 'value="QQQQQQ"' in wrong.content.decode()
    empty = client.post(reverse("workshops:join"), {"code": ""})
    assert empty.status_code == 400
    response = client.post(reverse("workshops:join"), {"code": workshop.code.lower()})
    assert response.status_code == 302 and response.url == f"/doe-mee/{workshop.code}/"
    draft = client.get(response.url)
    assert draft.status_code == 409 and "nog niet geopend" in draft.content.decode()
    services.session_open(session=workshop)
    assert "Uw naam" in client.get(response.url).content.decode()
    services.session_finish(session=workshop)
    closed = client.get(response.url)
    assert closed.status_code == 410 and "afgelopen" in closed.content.decode()


def test_qr_link_fills_in_the_code(client, workshop):
    services.session_open(session=workshop)
    assert client.get(reverse("workshops:join") + f"?code={workshop.code}").url == f"/doe-mee/{workshop.code}/"
    unknown = client.get(reverse("workshops:participant", args=["ABCDEF"]))
    assert unknown.status_code == 404 and 'value="ABCDEF"' in unknown.content.decode()


def test_participant_follows_the_trainer_and_a_reload_loses_nothing(workshop):
    services.session_open(session=workshop)
    empty = Client().post(reverse("workshops:participant", args=[workshop.code]), {"display_name": " "})
    assert empty.status_code == 400
    client, anna = joined_client(workshop, "Anna")
    page = client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert "U doet mee" in page and "Vernieuwen" in page and "hx-get" in page
    workshop.refresh_from_db()
    status_url = reverse("workshops:participant_status", args=[workshop.code])
    assert client.get(status_url, {"v": workshop.version}).status_code == 204
    seen_version = workshop.version
    go_to(workshop, Module.PITFALLS)
    moved = client.get(status_url, {"v": seen_version})
    assert moved.status_code == 200 and moved["HX-Refresh"] == "true"
    page = client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert "Eerst het formulier" in page and "V6 Bureaucratiseren" in page
    invalid = client.post(f"/doe-mee/{workshop.code}/valkuil/", {})
    assert invalid.status_code == 400 and "Kies ten minste één valkuil" in invalid.content.decode()
    client.post(f"/doe-mee/{workshop.code}/valkuil/", {"pitfalls": ["V6", "V5"]})
    reloaded = client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert "Uw keuze is opgeslagen" in reloaded
    assert reloaded.count(" checked") == 2  # V5 and V6 still ticked after a reload
    workshop.refresh_from_db()
    services.session_reveal(session=workshop)
    revealed = client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert "Uitleg" in revealed and "(juist)" in revealed
    # A stranger without the cookie cannot submit for Anna.
    assert Client().post(f"/doe-mee/{workshop.code}/valkuil/", {"pitfalls": ["V1"]}).status_code == 302


def test_roleplay_feedback_arrives_on_the_civil_servants_phone(workshop):
    services.session_open(session=workshop)
    clients = {name: joined_client(workshop, name) for name in ("A", "B", "C")}
    item = go_to(workshop, Module.ROLEPLAY)
    roles = services.roleplay_roles(item, 0)[0]
    by_role = {role: next(c for c in clients.values() if c[1].pk == pk) for pk, role in roles.items()}
    observer_client, _observer = by_role["observator"]
    civil_client, _civil = by_role["ambtenaar"]
    page = observer_client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert "u bent <strong>Observator</strong>" in page and "Luister, vat samen" in page
    response = observer_client.post(
        f"/doe-mee/{workshop.code}/observatie/", {"ticked": ["10"], "feedback": "Goed samengevat!"}
    )
    assert response.status_code == 302
    fragment = civil_client.get(reverse("workshops:participant_feedback", args=[workshop.code])).content.decode()
    assert "Goed samengevat!" in fragment and "Luister, vat samen (ook gevoelens) en vraag door." in fragment


def test_factor_board_and_merge_through_the_pages(trainer_client, workshop):
    services.session_open(session=workshop)
    anna_client, anna = joined_client(workshop, "Anna")
    bas_client, bas = joined_client(workshop, "Bas")
    go_to(workshop, Module.FACTORS)
    anna_client.post(f"/doe-mee/{workshop.code}/factor/", {"text": "Vast aanspreekpunt", "source_key": ""})
    bas_client.post(f"/doe-mee/{workshop.code}/factor/", {"text": "", "source_key": "SF12"})
    factors = list(workshop.agenda_items.get(module=Module.FACTORS).factors.order_by("pk"))
    bas_client.post(f"/doe-mee/{workshop.code}/stem/", {"factor": factors[0].pk})
    anna_client.post(f"/doe-mee/{workshop.code}/stem/", {"factor": factors[1].pk})
    trainer_client.post(staff_url("merge", workshop), {"source": factors[1].pk, "target": factors[0].pk})
    live = trainer_client.get(staff_url("presenter_live", workshop)).content.decode()
    assert "<strong>Vast aanspreekpunt</strong> — 2 stemmen (1 samengevoegd)" in live


def test_personal_checklist_pdf_contains_the_choices(workshop):
    services.session_open(session=workshop)
    client, anna = joined_client(workshop, "Anna")
    _other_client, bas = joined_client(workshop, "Bas")
    go_to(workshop, Module.FACTORS)
    factor = services.factor_add(participant=bas, text="Korte lijnen met de wijkagent")
    services.factor_vote(participant=bas, factor=factor)
    go_to(workshop, Module.CHECKLIST)
    assert client.get(f"/doe-mee/{workshop.code}/mijn-checklist.pdf").status_code == 302  # nothing saved yet
    data = {f"keep_{n}": "1" for n in range(1, 27) if n not in (8, 20)}
    data.update({f"text_{n}": "" for n in range(1, 27)})
    data["text_9"] = "Begin met koffie en de vraag hoe het idee ontstond."
    data["own_points"] = "Neem de wijkkaart mee\nVraag naar de buren"
    data["include_factors"] = "1"
    response = client.post(f"/doe-mee/{workshop.code}/checklist/", data)
    assert response.status_code == 302
    pdf = client.get(f"/doe-mee/{workshop.code}/mijn-checklist.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    for expected in (
        "Gemeente Voorbeeld",
        "Mijn checklist voor het eerste gesprek",
        "Anna",
        "Voor het gesprek",
        "Begin met koffie en de vraag hoe het idee ontstond.",
        "Neem de wijkkaart mee",
        "Vraag naar de buren",
        "Korte lijnen met de wijkagent",
        "Bel terug op de afgesproken datum",
    ):
        assert expected in text.replace("\n", " "), expected
    assert "Neem de gespreksleidraad mee" not in text  # dropped
    assert "Bevestig de afspraken binnen" not in text  # dropped
    assert "Begin met kennismaken en motivatie" not in text  # reworded
    # Dropping everything is refused, and the typed own points come back.
    empty = client.post(f"/doe-mee/{workshop.code}/checklist/", {"own_points": ""})
    assert empty.status_code == 400 and "Uw checklist is leeg" in empty.content.decode()
    # After the session the participant can still download it.
    services.session_finish(session=workshop)
    assert "Download mijn checklist" in client.get(f"/doe-mee/{workshop.code}/").content.decode()
    assert client.get(f"/doe-mee/{workshop.code}/mijn-checklist.pdf").status_code == 200


def test_export_csv_pdf_and_read_only_review(trainer_client, workshop, municipality):
    services.session_open(session=workshop)
    anna_client, anna = joined_client(workshop, "Anna")
    go_to(workshop, Module.CASES)
    services.case_answers_submit(participant=anna, answers={1: "=SOM(A1)", 2: "Sneller antwoorden", 3: ""})
    go_to(workshop, Module.PITFALLS)
    services.pitfalls_pick(participant=anna, pitfalls=["V6"])
    go_to(workshop, Module.LADDER)
    services.ladder_place(participant=anna, rung="faciliteren", explanation="Tafels lenen")
    services.session_finish(session=workshop)

    response = trainer_client.get(staff_url("export_csv", workshop))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["onderdeel", "module", "deelnemer", "soort"]
    texts = [row[6] for row in rows[1:]]
    assert "'=SOM(A1)" in texts and "Sneller antwoorden" in texts and "Tafels lenen" in texts
    assert any(row[2] == "Anna" and "V6 Bureaucratiseren" in row[7] for row in rows)
    assert ProcessingLogEntry.objects.filter(action="export").exists()

    pdf = trainer_client.get(staff_url("export_pdf", workshop))
    text = pdf_text(pdf.content).replace("\n", " ")
    assert "Verslag: Oké, een burger-idee" in text and "Sneller antwoorden" in text and "Faciliteren" in text
    assert "Anna" not in text  # no names in the summary

    review = trainer_client.get(staff_url("review", workshop), {"onderdeel": 5})
    body = review.content.decode()
    assert "er kan niets meer worden gewijzigd" in body and "Tafels lenen" in body
    assert "<form" not in body.split('id="main"')[1].split("</main>")[0]
    assert trainer_client.post(staff_url("transition", workshop, "volgende"), follow=True).status_code == 200
    workshop.refresh_from_db()
    assert workshop.status == SessionStatus.FINISHED
    # A participant cannot post into a finished session.
    anna_client.post(f"/doe-mee/{workshop.code}/rol/", {"rung": "loslaten", "explanation": "later"})
    assert anna.contributions.get(kind="rol").text == "Tafels lenen"


@pytest.mark.parametrize(
    ("module", "action", "data", "typed"),
    [
        (Module.PITFALLS, "valkuil", {"pitfalls": ["V4"]}, r'value="V4"[^>]* checked'),
        (Module.FACTORS, "factor", {"text": "Koffie met de wijkagent", "source_key": ""}, "Koffie met de wijkagent"),
        (Module.LADDER, "rol", {"rung": "faciliteren", "explanation": "Tafels lenen"}, "Tafels lenen"),
    ],
)
def test_a_rate_limited_answer_keeps_what_was_typed_in_every_module(settings, workshop, module, action, data, typed):
    """Each module shows its own form again with the input (the forms that need the library once gave a 500)."""
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_WORKSHOP_PARTICIPANT = "0/h"
    services.session_open(session=workshop)
    client, participant = joined_client(workshop, "Anna")
    go_to(workshop, module)
    refused = client.post(f"/doe-mee/{workshop.code}/{action}/", data)
    assert refused.status_code == 429
    content = refused.content.decode()
    assert "heel vaak iets verstuurd" in content and re.search(typed, content)
    assert not participant.contributions.exists()


def test_the_pdf_footer_prints_a_municipality_name_with_quotes_as_written(trainer_client, workshop, municipality):
    """Found when the print CSS became a stylesheet: the name in the page footer was HTML-escaped inside CSS,
    so 's-Hertogenbosch printed as &#x27;s-Hertogenbosch."""
    municipality.name = 'Gemeente \'s-Hertogenbosch "Noord"'
    municipality.save(update_fields=["name"])
    services.session_open(session=workshop)
    services.session_finish(session=workshop)
    pdf = trainer_client.get(staff_url("export_pdf", workshop))
    text = pdf_text(pdf.content)
    assert 'Gemeente \'s-Hertogenbosch "Noord" · ' in text  # the footer, as written
    assert "&#x27;" not in text and "&quot;" not in text
