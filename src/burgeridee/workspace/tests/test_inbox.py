"""The inbox: tabs, filters, search, sorting, paging, overdue rows, and a constant number of queries."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import MembershipFactory, StaffFactory
from burgeridee.deadlines.services import follow_up_create
from burgeridee.handovers.services import handover_ask
from burgeridee.initiatives import services
from burgeridee.initiatives.constants import Channel, Phase, SupportType, Theme
from burgeridee.initiatives.models import Initiative
from burgeridee.initiatives.search import initiative_search
from burgeridee.municipalities.tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def inbox(client, municipality, **params):
    return client.get(f"/werkplek/{municipality.slug}/", params)


def rows(response) -> list[str]:
    return [initiative.title for initiative in response.context["page"].object_list]


def test_werkplek_goes_to_the_users_municipality(coordinator_client, municipality):
    response = coordinator_client.get("/werkplek/")
    assert response.status_code == 302 and response["Location"] == f"/werkplek/{municipality.slug}/"


def test_werkplek_offers_a_choice_with_several_municipalities(municipality, other_municipality, staff_client_factory):
    client = staff_client_factory(municipality, Role.CONTACT)
    MembershipFactory(user=client.user, municipality=other_municipality, roles=[Role.CONTACT])
    content = client.get("/werkplek/").content.decode()
    assert "Kies een gemeente" in content
    assert "/werkplek/anders/" in content and "/werkplek/voorbeeld/" in content


def test_layout_shows_who_where_and_logout(coordinator_client, municipality):
    content = inbox(coordinator_client, municipality).content.decode()
    assert coordinator_client.user.display_name in content
    assert municipality.name in content
    assert 'action="/werkplek/uitloggen/"' in content
    assert 'aria-current="page">Inbox' in content


def test_tabs_new_mine_overdue_all(coordinator_client, municipality, submit_idea):
    fresh, _ = submit_idea(municipality, title="Vers idee")
    late, _ = submit_idea(municipality, title="Wacht te lang", now=timezone.now() - timedelta(days=20))
    mine, _ = submit_idea(municipality, title="Van mij")
    Initiative.objects.filter(pk=mine.pk).update(contact_person=coordinator_client.user)
    stopped, _ = submit_idea(municipality, title="Gestopt", now=timezone.now() - timedelta(days=30))
    Initiative.objects.filter(pk=stopped.pk).update(phase=Phase.STOPPED)

    assert sorted(rows(inbox(coordinator_client, municipality))) == ["Vers idee", "Wacht te lang"]
    assert rows(inbox(coordinator_client, municipality, tab="mijn")) == ["Van mij"]
    assert rows(inbox(coordinator_client, municipality, tab="te-laat")) == ["Wacht te lang"]
    assert len(rows(inbox(coordinator_client, municipality, tab="alle"))) == 4


def test_overdue_rows_stand_out_with_text_not_colour_alone(coordinator_client, municipality, submit_idea):
    submit_idea(municipality, title="Wacht te lang", now=timezone.now() - timedelta(days=20))
    content = inbox(coordinator_client, municipality).content.decode()
    assert "bi-inbox__row--overdue" in content
    assert ">Te laat</span>" in content


def test_first_contact_ends_overdue(coordinator_client, municipality, submit_idea):
    late, _ = submit_idea(municipality, title="Wacht te lang", now=timezone.now() - timedelta(days=20))
    services.initiative_first_contact_made(initiative=late, actor=coordinator_client.user)
    assert rows(inbox(coordinator_client, municipality, tab="te-laat")) == []


def test_filters_work_as_a_plain_get_form(coordinator_client, municipality, submit_idea):
    centrum, oosterpark = municipality.neighbourhoods.order_by("name")
    submit_idea(municipality, title="Bankje", neighbourhood=centrum, theme=Theme.CARING, channel=Channel.PHONE)
    submit_idea(
        municipality, title="Feest", neighbourhood=oosterpark, theme=Theme.LIVEABLE, support_types=[SupportType.PERMIT]
    )
    assert rows(inbox(coordinator_client, municipality, neighbourhood=centrum.pk)) == ["Bankje"]
    assert rows(inbox(coordinator_client, municipality, theme=Theme.LIVEABLE)) == ["Feest"]
    assert rows(inbox(coordinator_client, municipality, channel=Channel.PHONE)) == ["Bankje"]
    assert rows(inbox(coordinator_client, municipality, support_type=SupportType.PERMIT)) == ["Feest"]
    assert rows(inbox(coordinator_client, municipality, phase=Phase.EXECUTION)) == []
    response = inbox(coordinator_client, municipality, theme=Theme.LIVEABLE)
    content = response.content.decode()
    assert '<form method="get"' in content
    assert '<option value="leefbaar" selected>' in content  # the chosen filter stays visible


def test_filter_by_contact_person(coordinator_client, municipality, submit_idea):
    karim = StaffFactory(municipality=municipality, roles=[Role.CONTACT], first_name="Karim")
    one, _ = submit_idea(municipality, title="Een")
    submit_idea(municipality, title="Twee")
    Initiative.objects.filter(pk=one.pk).update(contact_person=karim)
    assert rows(inbox(coordinator_client, municipality, tab="alle", contact_person=karim.pk)) == ["Een"]


def test_search_title_and_description(coordinator_client, municipality, submit_idea):
    submit_idea(municipality, title="Moestuin", description="Groenten kweken met de buren.")
    submit_idea(municipality, title="Buurtfeest", description="Muziek en lange tafels.")
    assert rows(inbox(coordinator_client, municipality, q="moestuin")) == ["Moestuin"]
    assert rows(inbox(coordinator_client, municipality, q="tafels")) == ["Buurtfeest"]
    assert rows(inbox(coordinator_client, municipality, q="voetbal")) == []


def test_sorting(coordinator_client, municipality, submit_idea):
    submit_idea(municipality, title="B oud", now=timezone.now() - timedelta(days=3))
    submit_idea(municipality, title="A nieuw")
    assert rows(inbox(coordinator_client, municipality)) == ["A nieuw", "B oud"]
    assert rows(inbox(coordinator_client, municipality, sort="oudste")) == ["B oud", "A nieuw"]
    assert rows(inbox(coordinator_client, municipality, sort="naam")) == ["A nieuw", "B oud"]


def test_pagination_keeps_the_filters(coordinator_client, municipality, submit_idea):
    for number in range(27):
        submit_idea(municipality, title=f"Idee {number:02d}", theme=Theme.SAFE)
    first = inbox(coordinator_client, municipality, theme=Theme.SAFE)
    assert len(rows(first)) == 25
    content = first.content.decode()
    assert "tab=nieuw&amp;theme=veilig&amp;pagina=2" in content
    assert len(rows(inbox(coordinator_client, municipality, theme=Theme.SAFE, pagina=2))) == 2


def test_another_municipalitys_initiatives_never_show(
    coordinator_client, municipality, other_municipality, submit_idea
):
    submit_idea(other_municipality, title="Elders")
    assert rows(inbox(coordinator_client, municipality, tab="alle")) == []


def _count_queries(client, municipality, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = inbox(client, municipality, **params)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_page_size(coordinator_client, municipality, submit_idea):
    karim = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    neighbourhood = municipality.neighbourhoods.first()

    def add(count):
        for number in range(count):
            initiative, _ = submit_idea(
                municipality,
                title=f"Idee {number}",
                neighbourhood=neighbourhood,
                support_types=[SupportType.MONEY, SupportType.SPACE],
            )
            Initiative.objects.filter(pk=initiative.pk).update(contact_person=karim)
            services.message_from_resident(initiative=initiative, body="Hallo")

    add(5)
    small = _count_queries(coordinator_client, municipality, tab="alle")
    add(35)
    large = _count_queries(coordinator_client, municipality, tab="alle")
    assert len(rows(inbox(coordinator_client, municipality, tab="alle"))) == 25
    assert small == large, f"{small} queries for 5 rows, {large} for 25"
    filtered = _count_queries(coordinator_client, municipality, tab="alle", q="Idee", support_type=SupportType.MONEY)
    assert filtered == large


def test_inbox_roles(municipality, staff_client_factory):
    # A colleague of a department is no reader of the inbox: their own start page instead of a 403.
    response = staff_client_factory(municipality, Role.DEPARTMENT).get(f"/werkplek/{municipality.slug}/")
    assert response.status_code == 302 and response.url == f"/werkplek/{municipality.slug}/overdrachten/"
    assert staff_client_factory(municipality, Role.CONTACT).get(f"/werkplek/{municipality.slug}/").status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Dutch full-text search index exists on PostgreSQL only")
def test_postgres_search_uses_the_gin_index(municipality, submit_idea):
    submit_idea(municipality, title="Moestuinen")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        # Nor an ordered scan of another index with a filter: only the GIN index (a bitmap scan) is left.
        cursor.execute("SET enable_indexscan = off")
    queryset = initiative_search(Initiative.objects.all(), "moestuin")
    assert "initiative_search_document_idx" in queryset.explain()
    assert [i.title for i in queryset] == ["Moestuinen"]  # Dutch stemming: moestuinen ~ moestuin


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored search document exists on PostgreSQL only")
def test_search_follows_a_changed_title(coordinator_client, municipality, submit_idea):
    initiative, _ = submit_idea(municipality, title="Bankje bij de kerk")
    assert rows(inbox(coordinator_client, municipality, tab="alle", q="bankje")) == ["Bankje bij de kerk"]
    Initiative.objects.filter(pk=initiative.pk).update(title="Speeltuin bij de kerk")
    assert rows(inbox(coordinator_client, municipality, tab="alle", q="bankje")) == []
    assert rows(inbox(coordinator_client, municipality, tab="alle", q="speeltuin")) == ["Speeltuin bij de kerk"]


def test_due_today_is_not_late_and_past_the_idea_phase_the_first_contact_clock_stops(
    coordinator_client, municipality, submit_idea
):
    today_due, _ = submit_idea(municipality, title="Vandaag")
    Initiative.objects.filter(pk=today_due.pk).update(first_contact_due=timezone.localdate())
    moved_on, _ = submit_idea(municipality, title="Verder", now=timezone.now() - timedelta(days=20))
    Initiative.objects.filter(pk=moved_on.pk).update(phase=Phase.EXPLORING)
    late, _ = submit_idea(municipality, title="Te laat", now=timezone.now() - timedelta(days=20))
    assert rows(inbox(coordinator_client, municipality, tab="te-laat")) == ["Te laat"]


def test_unread_messages_from_the_resident_show_per_row(coordinator_client, municipality, submit_idea):
    busy, _ = submit_idea(municipality, title="Met berichten")
    quiet, _ = submit_idea(municipality, title="Zonder nieuwe berichten")
    first = services.message_from_resident(initiative=busy, body="Wanneer hoor ik iets?")
    services.message_from_resident(initiative=busy, body="Wij zijn met tien buren.")
    services.message_from_resident(initiative=busy, body="Kunnen we bellen?")
    services.message_mark_read(message=first, actor=coordinator_client.user)
    services.message_to_resident(initiative=quiet, body="Ik bel u donderdag.", actor=coordinator_client.user)

    response = inbox(coordinator_client, municipality, tab="alle")
    unread = {initiative.title: initiative.unread_messages for initiative in response.context["page"].object_list}
    assert unread == {"Met berichten": 2, "Zonder nieuwe berichten": 0}
    assert response.content.decode().count("2 nieuwe berichten") == 1


def test_dates_read_as_words_in_the_interface_language(coordinator_client, municipality, submit_idea):
    """Not "7 Dec 2026" (English-looking, capitalised) in Dutch: "7 december 2026", and English in English."""
    submitted = timezone.make_aware(timezone.datetime(2026, 12, 7, 10, 0))
    submit_idea(municipality, title="Winterfeest", now=submitted)
    dutch = inbox(coordinator_client, municipality, tab="alle").content.decode()
    assert "7 december 2026" in dutch
    assert "Dec 2026" not in dutch
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = inbox(coordinator_client, municipality, tab="alle").content.decode()
    assert "7 December 2026" in english


def _late_for_each_reason(municipality, submit_idea, actor, *, count: int = 1) -> dict[str, list[Initiative]]:
    """`count` initiatives late for each single reason: first contact, a callback, a question to a department."""
    yesterday = timezone.localdate() - timedelta(days=1)
    department = DepartmentFactory(municipality=municipality)
    late = {"first_contact": [], "callback": [], "handover": []}
    for number in range(count):
        first, _ = submit_idea(municipality, title=f"Nooit gebeld {number}", now=timezone.now() - timedelta(days=20))
        late["first_contact"].append(first)
        callback, _ = submit_idea(municipality, title=f"Terugbellen vergeten {number}")
        services.initiative_first_contact_made(initiative=callback, actor=actor)
        follow_up_create(initiative=callback, due_date=yesterday, actor=actor)
        late["callback"].append(callback)
        handover, _ = submit_idea(municipality, title=f"Afdeling zwijgt {number}")
        services.initiative_first_contact_made(initiative=handover, actor=actor)
        handover_ask(initiative=handover, department=department, question="Mag dit?", due_date=yesterday, actor=actor)
        late["handover"].append(handover)
    return late


def test_overdue_rows_say_why_they_are_late(coordinator_client, municipality, submit_idea):
    late = _late_for_each_reason(municipality, submit_idea, coordinator_client.user)
    response = inbox(coordinator_client, municipality, tab="te-laat")
    assert sorted(rows(response)) == ["Afdeling zwijgt 0", "Nooit gebeld 0", "Terugbellen vergeten 0"]
    content = response.content.decode()
    expected = {
        "first_contact": "Eerste contact te laat",
        "callback": "Terugbelafspraak te laat",
        "handover": "Vraag aan afdeling te laat",
    }
    reasons = list(expected.values())
    for key, [initiative] in late.items():
        start = content.index(f'data-initiative="{initiative.pk}"')
        row = content[start : content.index("</tr>", start)]
        assert [reason for reason in reasons if reason in row] == [expected[key]], key


def test_overdue_tab_queries_do_not_grow_with_the_reasons(coordinator_client, municipality, submit_idea):
    user = coordinator_client.user
    _late_for_each_reason(municipality, submit_idea, user, count=1)
    submit_idea(municipality, title="Nog een", now=timezone.now() - timedelta(days=20))
    submit_idea(municipality, title="En nog een", now=timezone.now() - timedelta(days=20))
    small = _count_queries(coordinator_client, municipality, tab="te-laat")
    assert len(rows(inbox(coordinator_client, municipality, tab="te-laat"))) == 5
    _late_for_each_reason(municipality, submit_idea, user, count=11)
    submit_idea(municipality, title="De laatste", now=timezone.now() - timedelta(days=20))
    submit_idea(municipality, title="De allerlaatste", now=timezone.now() - timedelta(days=20))
    large = _count_queries(coordinator_client, municipality, tab="te-laat")
    assert inbox(coordinator_client, municipality, tab="te-laat").context["total"].value == 40
    assert small == large, f"{small} queries for 5 late rows, {large} for 40"
