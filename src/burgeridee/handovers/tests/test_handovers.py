"""Warm hand-over: the contact person asks a department; the department answers in the system."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.core.dates import add_working_days, local_date
from burgeridee.handovers import selectors, services
from burgeridee.handovers.models import Handover
from burgeridee.initiatives.services import InitiatorData
from burgeridee.municipalities.tests.factories import DepartmentFactory
from burgeridee.testing.helpers import database_refuses_writes

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(municipality, other_municipality, contact, submit_idea):
    permits = DepartmentFactory(municipality=municipality, name="Vergunningen", email="vergunningen@voorbeeld.example")
    grants = DepartmentFactory(municipality=municipality, name="Subsidies")
    foreign = DepartmentFactory(municipality=other_municipality, name="Vergunningen")
    colleague = StaffFactory(municipality=municipality, roles=[Role.DEPARTMENT], department=permits, username="dirk")
    grants_colleague = StaffFactory(
        municipality=municipality, roles=[Role.DEPARTMENT], department=grants, username="gerda"
    )
    foreign_colleague = StaffFactory(
        municipality=other_municipality, roles=[Role.DEPARTMENT], department=foreign, username="olga"
    )
    initiative, _token = submit_idea(
        municipality,
        initiator=InitiatorData(
            name="Fatima Bakker", email="fatima@example.org", phone="06 11223344", street_address="Kastanjelaan 7"
        ),
        help_description="Wij willen de straat afsluiten.",
    )
    mail.outbox.clear()
    return {
        "municipality": municipality,
        "permits": permits,
        "grants": grants,
        "foreign_department": foreign,
        "contact": contact,
        "colleague": colleague,
        "grants_colleague": grants_colleague,
        "foreign_colleague": foreign_colleague,
        "initiative": initiative,
    }


def ask(setup, **overrides):
    data = {
        "initiative": setup["initiative"],
        "department": setup["permits"],
        "question": "Is voor een straatfeest een evenementenvergunning nodig?",
        "context": "Ongeveer 80 bezoekers, zaterdagmiddag.",
        "actor": setup["contact"],
    }
    data.update(overrides)
    return services.handover_ask(**data)


# Services


def test_asking_puts_the_question_on_the_internal_time_line_with_a_working_day_deadline(setup):
    handover = ask(setup)
    assert handover.due_date == add_working_days(local_date(), 3)
    assert handover.is_open
    event = setup["initiative"].events.get(kind="overdracht_gevraagd")
    assert event.visible_to_resident is False
    assert event.actor == setup["contact"]
    assert event.data["department"] == "Vergunningen"


def test_the_department_colleagues_get_an_email_without_resident_data(setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        handover = ask(setup)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["dirk@voorbeeld.example", "vergunningen@voorbeeld.example"]
    assert "evenementenvergunning" in message.body
    assert f"/werkplek/voorbeeld/overdrachten/{handover.pk}/" in message.body
    for personal in ("Fatima", "fatima@example.org", "06 11223344", "Kastanjelaan 7"):
        assert personal not in message.body


def test_a_department_of_another_municipality_cannot_be_asked(setup):
    with pytest.raises(ValidationError):
        ask(setup, department=setup["foreign_department"])
    assert not Handover.objects.exists()


def test_answering_lands_on_the_time_line_and_tells_the_asker(setup, django_capture_on_commit_callbacks):
    handover = ask(setup)
    with django_capture_on_commit_callbacks(execute=True):
        services.handover_answer(
            handover=handover, answer="Ja, vraag hem 8 weken vooraf aan.", actor=setup["colleague"]
        )
    handover.refresh_from_db()
    assert handover.answered_by == setup["colleague"] and handover.answered_at is not None
    event = setup["initiative"].events.get(kind="overdracht_beantwoord")
    assert event.visible_to_resident is False
    assert event.data["answer"] == "Ja, vraag hem 8 weken vooraf aan."
    assert [m.to for m in mail.outbox] == [["karim@voorbeeld.example"]]
    assert "8 weken vooraf" in mail.outbox[0].body
    with pytest.raises(ValidationError):
        services.handover_answer(handover=handover, answer="Nog een keer", actor=setup["colleague"])


def test_selectors_scope_to_the_colleagues_own_department(setup):
    mine = ask(setup)
    ask(setup, department=setup["grants"], question="Kan er subsidie voor de muziek?")
    membership = setup["colleague"].memberships.get()
    assert list(selectors.handover_list_for_department(membership=membership)) == [mine]
    assert [h.pk for h in selectors.handover_list_for_initiative(initiative=setup["initiative"])] == sorted(
        Handover.objects.values_list("pk", flat=True)
    )


# Views


def test_contact_person_asks_a_department_through_the_form(setup, staff_client):
    client = staff_client(setup["contact"])
    url = reverse("handovers:ask", kwargs={"municipality_slug": "voorbeeld", "pk": setup["initiative"].pk})
    page = client.get(url)
    assert page.status_code == 200
    assert add_working_days(local_date(), 3).isoformat() in page.content.decode()  # the default, editable

    empty = client.post(url, {"question": "Mag dit?", "due_date": ""})
    assert empty.status_code == 400
    body = empty.content.decode()
    assert "Kies de afdeling die de vraag beantwoordt." in body
    assert "Mag dit?" in body  # what was typed stays

    past = client.post(url, {"department": setup["permits"].pk, "question": "Mag dit?", "due_date": "2020-01-01"})
    assert past.status_code == 400
    assert "Kies vandaag of een dag in de toekomst." in past.content.decode()

    due = local_date() + timedelta(days=10)
    response = client.post(
        url, {"department": setup["permits"].pk, "question": "Mag dit?", "context": "", "due_date": due.isoformat()}
    )
    assert response.status_code == 302
    handover = Handover.objects.get()
    assert (handover.department, handover.due_date, handover.asked_by) == (setup["permits"], due, setup["contact"])
    page = client.get(url)
    assert "Uw vraag staat bij Vergunningen" in page.content.decode()
    assert "Wacht op antwoord" in page.content.decode()


def test_a_department_of_another_municipality_is_not_a_choice(setup, staff_client):
    client = staff_client(setup["contact"])
    url = reverse("handovers:ask", kwargs={"municipality_slug": "voorbeeld", "pk": setup["initiative"].pk})
    response = client.post(
        url,
        {"department": setup["foreign_department"].pk, "question": "Mag dit?", "due_date": date.today().isoformat()},
    )
    assert response.status_code == 400
    assert not Handover.objects.exists()


def test_colleague_sees_own_list_and_answers(setup, staff_client):
    handover = ask(setup)
    ask(setup, department=setup["grants"], question="Kan er subsidie voor de muziek?")
    client = staff_client(setup["colleague"])
    listing = client.get(reverse("handovers:list", kwargs={"municipality_slug": "voorbeeld"}))
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "evenementenvergunning" in text
    assert "subsidie voor de muziek" not in text

    url = reverse("handovers:detail", kwargs={"municipality_slug": "voorbeeld", "pk": handover.pk})
    page = client.get(url).content.decode()
    assert "Moestuin aan de Kastanjelaan" in page and setup["initiative"].reference in page
    assert "Een moestuin voor de hele straat." in page and "Centrum" in page
    assert "Wij willen de straat afsluiten." in page and "Spullen lenen" in page
    for personal in ("Fatima", "fatima@example.org", "06 11223344", "Kastanjelaan 7"):
        assert personal not in page

    assert client.post(url, {"answer": ""}).status_code == 400
    response = client.post(url, {"answer": "Ja, een evenementenvergunning."})
    assert response.status_code == 302
    handover.refresh_from_db()
    assert handover.answer == "Ja, een evenementenvergunning."
    assert setup["initiative"].events.filter(kind="overdracht_beantwoord").count() == 1
    # The answer shows on the contact person's page for the initiative.
    contact_page = staff_client(setup["contact"]).get(
        reverse("handovers:ask", kwargs={"municipality_slug": "voorbeeld", "pk": setup["initiative"].pk})
    )
    assert "Ja, een evenementenvergunning." in contact_page.content.decode()


def test_another_departments_handover_is_a_404(setup, staff_client):
    handover = ask(setup)
    url = reverse("handovers:detail", kwargs={"municipality_slug": "voorbeeld", "pk": handover.pk})
    assert staff_client(setup["grants_colleague"]).get(url).status_code == 404
    assert staff_client(setup["grants_colleague"]).post(url, {"answer": "Hack"}).status_code == 404
    handover.refresh_from_db()
    assert handover.is_open


def test_another_municipalitys_ids_are_a_404(setup, staff_client, other_municipality):
    handover = ask(setup)
    foreign_contact = StaffFactory(
        municipality=other_municipality, roles=[Role.CONTACT, Role.COORDINATOR], username="otto"
    )
    client = staff_client(foreign_contact)
    ask_url = reverse("handovers:ask", kwargs={"municipality_slug": "anders", "pk": setup["initiative"].pk})
    assert client.get(ask_url).status_code == 404
    foreign = staff_client(setup["foreign_colleague"])
    detail_url = reverse("handovers:detail", kwargs={"municipality_slug": "anders", "pk": handover.pk})
    assert foreign.get(detail_url).status_code == 404
    # A member of one municipality gets 404 for another municipality's workspace altogether.
    assert foreign.get(reverse("handovers:list", kwargs={"municipality_slug": "voorbeeld"})).status_code == 404


def test_roles(setup, staff_client, client):
    ask_url = reverse("handovers:ask", kwargs={"municipality_slug": "voorbeeld", "pk": setup["initiative"].pk})
    list_url = reverse("handovers:list", kwargs={"municipality_slug": "voorbeeld"})
    assert staff_client(setup["colleague"]).get(ask_url).status_code == 403
    assert staff_client(setup["contact"]).get(list_url).status_code == 403
    assert client.get(list_url).status_code == 302  # anonymous: to the login page


def test_the_colleagues_list_runs_a_fixed_number_of_queries(setup, staff_client):
    client = staff_client(setup["colleague"])
    url = reverse("handovers:list", kwargs={"municipality_slug": "voorbeeld"})

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode().count("Vraag ")

    ask(setup, question="Vraag 0")
    few, shown_few = count_queries()
    for number in range(1, 9):
        handover = ask(setup, question=f"Vraag {number}")
    services.handover_answer(handover=handover, answer="Klaar", actor=setup["colleague"])
    many, shown_many = count_queries()
    assert (shown_few, shown_many) == (1, 8)  # 8 open; the answered one is listed by title only
    assert many == few


def test_database_down_on_asking_keeps_the_question(setup, staff_client):
    client = staff_client(setup["contact"])
    url = reverse("handovers:ask", kwargs={"municipality_slug": "voorbeeld", "pk": setup["initiative"].pk})
    data = {"department": setup["permits"].pk, "question": "Mag de straat dicht?", "due_date": local_date().isoformat()}
    with database_refuses_writes():
        response = client.post(url, data)
    assert response.status_code == 503
    assert "Het opslaan is niet gelukt" in response.content.decode()
    assert "Mag de straat dicht?" in response.content.decode()
    assert not Handover.objects.exists()


def test_the_confirmation_names_the_day_in_words(setup, staff_client):
    client = staff_client(setup["contact"])
    url = reverse("handovers:ask", kwargs={"municipality_slug": "voorbeeld", "pk": setup["initiative"].pk})
    due = date(local_date().year + 1, 12, 7)
    data = {"department": setup["permits"].pk, "question": "Mag dit?", "context": "", "due_date": due.isoformat()}
    page = client.post(url, data, follow=True).content.decode()
    assert f"Antwoord uiterlijk 7 december {due.year}." in page
