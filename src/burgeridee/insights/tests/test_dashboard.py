import csv
import io
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from burgeridee.accounts.constants import Role
from burgeridee.conversations.models import Conversation
from burgeridee.conversations.services import conversation_plan
from burgeridee.core.dates import add_working_days, local_date
from burgeridee.deadlines import services as deadline_services
from burgeridee.evaluations.services import evaluation_submit
from burgeridee.handovers import services as handover_services
from burgeridee.initiatives.models import Initiative
from burgeridee.insights.receivers import PUBLIC_FIGURE_MIN_FIRST_CONTACTS
from burgeridee.insights.selectors import Filters, dashboard
from burgeridee.knowledge.selectors import participation_ladder
from burgeridee.municipalities.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(day):
    return datetime(2026, 11, day, 10, 0, tzinfo=AMS)


@pytest.fixture
def data(municipality, submit_idea):
    """Six initiatives with hand-countable facts (all submitted in November 2026)."""
    centrum, oosterpark = municipality.neighbourhoods.order_by("name")
    # Monday 2 Nov: contact on Wed 4 Nov = 2 working days.
    a, _ = submit_idea(municipality, now=at(2), neighbourhood=centrum, support_types=["geld", "materialen"])
    # Monday 2 Nov: contact on Mon 9 Nov = 5 working days.
    b, _ = submit_idea(municipality, now=at(2), neighbourhood=centrum, support_types=["geld"], theme="veilig")
    # Tuesday 3 Nov: contact on Tue 17 Nov = 10 working days (late).
    c, _ = submit_idea(municipality, now=at(3), neighbourhood=oosterpark, support_types=[])
    # Wednesday 4 Nov: no contact yet, due 11 Nov -> overdue on 20 Nov.
    d, _ = submit_idea(municipality, now=at(4), neighbourhood=oosterpark, support_types=["vergunning"])
    # Two that went further.
    e, _ = submit_idea(municipality, now=at(5), neighbourhood=None, support_types=[])
    f, _ = submit_idea(municipality, now=at(6), neighbourhood=None, support_types=[], theme="zorgzaam")
    Initiative.objects.filter(pk=a.pk).update(first_contact_at=at(4), phase="verkennen")
    Initiative.objects.filter(pk=b.pk).update(first_contact_at=at(9), phase="uitvoering")
    Initiative.objects.filter(pk=c.pk).update(first_contact_at=at(17), phase="afgerond", closed_at=at(18))
    Initiative.objects.filter(pk=e.pk).update(first_contact_at=at(6), phase="afspraken")
    Initiative.objects.filter(pk=f.pk).update(
        first_contact_at=at(10), phase="gestopt", stop_reason="geld_op", closed_at=at(12)
    )
    evaluation_submit(
        initiative=c, answers={"reachability": 4, "speed": 2, "clarity": 3, "personal_contact": 5, "result": 4}
    )
    evaluation_submit(
        initiative=f, answers={"reachability": 2, "speed": 1, "clarity": 3, "personal_contact": 4, "result": 1}
    )
    return municipality


def board_for(municipality, **filters):
    base = {"date_from": at(1).date(), "date_to": at(30).date()}
    return dashboard(municipality=municipality, filters=Filters(**{**base, **filters}), today=at(20).date())


def values(rows):
    return {row.label: row.value for row in rows}


def test_funnel_counts_how_far_initiatives_got(data):
    board = board_for(data)
    assert board.total == 6
    assert [row.value for row in board.funnel] == [6, 4, 3, 3, 2, 1]


def test_time_to_first_contact_against_the_promise(data):
    first = board_for(data).first_contact
    # Working days: a=2, b=5, c=10, e=1 (Thu 5 -> Fri 6), f=2 (Fri 6 -> Tue 10).
    assert first.count == 5
    assert first.median == 2
    assert first.p90 == pytest.approx(8.0)  # inclusive method: 5 + 0.6 * (10 - 5)
    assert (first.within_promise, first.within_promise_share, first.promise) == (4, 80, 5)
    assert board_for(data).overdue_first_contacts == 1


def test_help_neighbourhoods_themes_stop_reasons_and_scores(data):
    board = board_for(data)
    help_asked = values(board.support_types)
    assert help_asked["Geld, bijvoorbeeld uit het wijkbudget"] == 2
    assert help_asked["Een vergunning of melding"] == 1
    assert values(board.neighbourhoods) == {"Centrum": 2, "Oosterpark": 2, "Wijk onbekend": 2}
    assert values(board.themes)["Veilig: een veilige buurt"] == 1
    assert values(board.stop_reasons) == {"De financiering stopt": 1}
    assert board.evaluation_count == 2
    scores = values(board.evaluation_scores)
    assert scores["Snelheid"] == 1.5 and scores["Persoonlijk contact"] == 4.5


def test_filters_narrow_every_figure(data):
    centrum = data.neighbourhoods.get(name="Centrum")
    board = board_for(data, neighbourhood_id=centrum.pk)
    assert board.total == 2
    assert board.first_contact.count == 2
    assert board_for(data, theme="veilig").total == 1
    assert board_for(data, date_from=at(5).date()).total == 2


def test_dashboard_page_shows_charts_with_tables(coordinator_client, data):
    client = coordinator_client
    response = client.get("/werkplek/voorbeeld/inzicht/?date_from=2026-11-01&date_to=2026-11-30&neighbourhood=&theme=")
    content = response.content.decode()
    assert response.status_code == 200
    assert "6 initiatieven" in content
    assert content.count("<svg") == 7
    assert content.count('<table class="utrecht-table') == 7
    assert "80% (4 van 5)" in content


def test_invalid_period_gets_a_message(coordinator_client, data):
    client = coordinator_client
    response = client.get("/werkplek/voorbeeld/inzicht/?date_from=2026-12-01&date_to=2026-11-01")
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum." in response.content.decode()


def test_csv_export_has_the_same_numbers(coordinator_client, data):
    client = coordinator_client
    response = client.get("/werkplek/voorbeeld/inzicht/export.csv?date_from=2026-11-01&date_to=2026-11-30")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert ["totaal", "initiatieven", "6"] in rows
    assert ["reden van stoppen", "De financiering stopt", "1"] in rows
    assert ["eerste contact", "binnen belofte (%)", "80"] in rows


def test_only_coordinators_and_administrators_see_insight(staff_client_factory, data, other_municipality):
    client = staff_client_factory(data, Role.CONTACT)
    assert client.get("/werkplek/voorbeeld/inzicht/").status_code == 403
    assert client.get("/werkplek/anders/inzicht/").status_code == 404


def contacted_after(municipality, submit_idea, *working_days: int) -> None:
    """Ideas submitted on a working day a month ago, each with a first contact that many working days later."""
    day = add_working_days(local_date() - timedelta(days=30), 1)
    for days in working_days:
        initiative, _ = submit_idea(municipality, now=datetime.combine(day, time(10), tzinfo=AMS))
        contact = datetime.combine(add_working_days(day, days), time(15), tzinfo=AMS)
        Initiative.objects.filter(pk=initiative.pk).update(first_contact_at=contact)


def public_home(client) -> str:
    return client.get("/voorbeeld/").content.decode()


def test_public_page_shows_promised_and_real_time_to_first_contact(client, municipality, submit_idea):
    contacted_after(municipality, submit_idea, 1, 2, 3, 3, 4)
    content = public_home(client)
    assert "Wij beloven contact binnen 5 werkdagen." in content
    assert "Het afgelopen jaar was dat in de helft van de gevallen binnen 3 werkdagen." in content
    client.cookies["django_language"] = "en"
    english = public_home(client)
    assert "We promise contact within 5 working days." in english
    assert "half of the residents heard from us within 3 working days." in english


@pytest.mark.parametrize(
    ("working_days", "said"),
    [
        ((0, 0, 0, 1, 2), "in de helft van de gevallen op dezelfde dag."),
        ((0, 1, 1, 1, 4), "in de helft van de gevallen binnen 1 werkdag."),
        ((0, 1, 2, 3, 4, 4), "in de helft van de gevallen binnen 3 werkdagen."),  # a median of 2.5 rounds up
    ],
)
def test_the_public_figure_reads_as_a_person_would_say_it(client, municipality, submit_idea, working_days, said):
    contacted_after(municipality, submit_idea, *working_days)
    content = public_home(client)
    assert said in content
    assert "0 werkdagen" not in content and "2.5" not in content and "2,5" not in content


def test_too_few_first_contacts_to_count_say_nothing(client, municipality, submit_idea):
    contacted_after(municipality, submit_idea, *[1] * (PUBLIC_FIGURE_MIN_FIRST_CONTACTS - 1))
    content = public_home(client)
    assert "Wij beloven contact" not in content and "in de helft van de gevallen" not in content


def test_handovers_per_department_roles_and_overdue_callbacks(data, municipality, contact):
    permits = DepartmentFactory(municipality=municipality, name="Vergunningen")
    green = DepartmentFactory(municipality=municipality, name="Groen")
    first, second = Initiative.objects.filter(municipality=municipality).order_by("pk")[:2]
    # Vergunningen: asked Mon 2 Nov, answered Mon 9 Nov = 5 working days; another asked, still open, past due.
    answered = handover_services.handover_ask(
        initiative=first, department=permits, question="Vergunning?", actor=contact, now=at(2)
    )
    handover_services.handover_answer(handover=answered, answer="Melding is genoeg.", actor=None, now=at(9))
    handover_services.handover_ask(initiative=second, department=permits, question="Tafels?", actor=contact, now=at(10))
    # Groen: asked Tue 3 Nov, answered Wed 4 Nov = 1 working day.
    quick = handover_services.handover_ask(
        initiative=second, department=green, question="Bomen?", actor=contact, now=at(3)
    )
    handover_services.handover_answer(handover=quick, answer="Prima.", actor=None, now=at(4))
    deadline_services.follow_up_create(
        initiative=first, due_date=at(16).date(), assigned_to=contact, note="Bellen", actor=contact, now=at(10)
    )
    Conversation.objects.filter(initiative=first).delete()

    conversation = conversation_plan(
        initiative=first, starts_at=at(25), place="Buurthuis", participants="", actor=contact
    )
    Conversation.objects.filter(pk=conversation.pk).update(municipal_roles=["faciliteren", "reguleren"])

    board = board_for(municipality)
    rows = {row.department: row for row in board.handovers}
    assert [row.department for row in board.handovers] == ["Vergunningen", "Groen"]  # slowest first
    assert (rows["Vergunningen"].asked, rows["Vergunningen"].answered) == (2, 1)
    assert rows["Vergunningen"].median_days == 5 and rows["Vergunningen"].open_overdue == 1
    assert rows["Groen"].median_days == 1 and rows["Groen"].open_overdue == 0
    assert board.overdue_callbacks == 1

    ladder = participation_ladder(municipality=municipality)
    roles = values(board.roles)
    assert roles[ladder["faciliteren"]] == 1
    assert roles[ladder["reguleren"]] == 1
    assert roles[ladder["loslaten"]] == 0


def test_public_figure_is_computed_once_an_hour_not_per_visit(client, municipality, submit_idea):
    submit_idea(municipality)
    with CaptureQueriesContext(connection) as first:
        client.get("/voorbeeld/")
    with CaptureQueriesContext(connection) as second:
        client.get("/voorbeeld/")
    assert len(second.captured_queries) < len(first.captured_queries)


def test_first_contact_counts_in_dutch_dates_not_utc(municipality, submit_idea):
    # Friday 6 Nov 23:30 in Amsterdam is still Friday there (22:30 UTC); Monday 9 Nov 00:30 is Sunday in UTC.
    late_friday = datetime(2026, 11, 6, 23, 30, tzinfo=AMS)
    early_monday = datetime(2026, 11, 9, 0, 30, tzinfo=AMS)
    initiative, _ = submit_idea(municipality, now=late_friday)
    Initiative.objects.filter(pk=initiative.pk).update(first_contact_at=early_monday, phase="verkennen")
    first = board_for(municipality).first_contact
    assert (first.count, first.median) == (1, 1)  # Friday -> Monday is one working day


def test_dashboard_is_computed_once_per_ten_minutes_and_says_from_when(coordinator_client, data, submit_idea):
    client = coordinator_client
    url = "/werkplek/voorbeeld/inzicht/?date_from=2026-11-01&date_to=2026-11-30&neighbourhood=&theme="
    with CaptureQueriesContext(connection) as first:
        content = client.get(url).content.decode()
    assert "6 initiatieven" in content
    assert "ze worden elke 10 minuten opnieuw berekend" in content

    submit_idea(data, now=at(16))
    with CaptureQueriesContext(connection) as second:
        content = client.get(url).content.decode()
    assert "6 initiatieven" in content  # the figures of the first computation
    assert len(second.captured_queries) < len(first.captured_queries) - 5
    # The CSV export shares the computation, so page and download show the same numbers.
    csv_rows = list(
        csv.reader(
            io.StringIO(client.get(url.replace("inzicht/", "inzicht/export.csv")).content.decode()), delimiter=";"
        )
    )
    assert ["totaal", "initiatieven", "6"] in csv_rows

    cache.clear()  # ten minutes later
    assert "7 initiatieven" in client.get(url).content.decode()


def test_scores_nobody_gave_say_so_in_chart_table_and_csv(coordinator_client, municipality, submit_idea):
    """Initiatives but no evaluations: no 0 bar, but 'nog geen antwoorden' in the chart, table and CSV."""
    submit_idea(municipality, now=at(2), support_types=["geld"])
    submit_idea(municipality, now=at(3), support_types=[])
    query = "?date_from=2026-11-01&date_to=2026-11-30&neighbourhood=&theme="

    content = coordinator_client.get(f"/werkplek/voorbeeld/inzicht/{query}").content.decode()
    evaluation = content[content.index('id="chart-evaluation-title"') :]
    evaluation = evaluation[: evaluation.index("</figure>")]
    svg, table = evaluation.split("</svg>")
    assert "<rect" not in svg
    assert svg.count("nog geen antwoorden") == 5
    assert table.count("nog geen antwoorden") == 5
    assert ">0<" not in evaluation and ">0.0<" not in evaluation

    response = coordinator_client.get(f"/werkplek/voorbeeld/inzicht/export.csv{query}")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    evaluation_rows = [row for row in rows if row[0] == "evaluatie"]
    assert len(evaluation_rows) == 5
    assert {row[2] for row in evaluation_rows} == {"nog geen antwoorden"}


def test_a_first_contact_before_the_submission_counts_and_breaks_nothing(municipality, submit_idea, coordinator_client):
    # A conversation held (and recorded) the day before the idea was entered, on the newest date of all.
    initiative, _ = submit_idea(municipality)
    submitted = datetime.combine(local_date(), time(12), tzinfo=ZoneInfo("Europe/Amsterdam"))
    Initiative.objects.filter(pk=initiative.pk).update(
        submitted_at=submitted, first_contact_at=submitted - timedelta(days=3)
    )
    board = dashboard(municipality=municipality, filters=Filters.default())
    assert board.first_contact.count == 1 and board.first_contact.median <= 0
    cache.clear()
    assert coordinator_client.get(f"/werkplek/{municipality.slug}/inzicht/").status_code == 200
