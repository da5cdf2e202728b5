"""The inbox pages by keyset and counts up to a cap: no row lost or shown twice while rows change, and the
queries read a bounded number of rows however large the municipality."""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from burgeridee.initiatives.constants import Theme
from burgeridee.initiatives.models import Initiative
from burgeridee.workspace import selectors
from burgeridee.workspace.views import PAGE_SIZE

pytestmark = pytest.mark.django_db


def get(client, municipality, **params):
    response = client.get(f"/werkplek/{municipality.slug}/", params)
    assert response.status_code == 200
    return response


def pks(response) -> list[int]:
    return [initiative.pk for initiative in response.context["page"].object_list]


def follow(client, municipality, link: str):
    response = client.get(f"/werkplek/{municipality.slug}/{link}")
    assert response.status_code == 200
    return response


def walk(client, municipality, **params) -> list[int]:
    """Every row of a tab, following "Volgende" to the end."""
    response = get(client, municipality, **params)
    seen = pks(response)
    while response.context["page"].has_next:
        response = client.get(f"/werkplek/{municipality.slug}/{response.context['pager']['next']}")
        seen += pks(response)
    return seen


@pytest.fixture
def many(municipality, submit_idea):
    """62 ideas; groups of them share a moment and a title, so the order's last key (the id) decides."""
    start = timezone.now() - timedelta(days=2)
    made = []
    for number in range(62):
        initiative, _ = submit_idea(
            municipality,
            title=f"Idee {number % 7}",
            theme=Theme.SAFE,
            now=start + timedelta(minutes=number // 3),
        )
        made.append(initiative)
    return made


@pytest.mark.parametrize("sort", list(selectors.SORTS))
def test_following_the_pages_shows_every_row_once_in_order(coordinator_client, municipality, many, sort):
    expected = list(
        Initiative.objects.filter(municipality=municipality)
        .order_by(*selectors.SORTS[sort])
        .values_list("pk", flat=True)
    )
    assert walk(coordinator_client, municipality, tab="alle", sort=sort) == expected


def test_rows_arriving_and_leaving_meanwhile_are_not_shown_twice_nor_skipped(
    coordinator_client, municipality, many, submit_idea
):
    first = get(coordinator_client, municipality, tab="alle")
    page_one = pks(first)
    assert len(page_one) == PAGE_SIZE
    # Meanwhile: three new ideas arrive (at the top), and a row of page one and a row further down go away.
    for number in range(3):
        submit_idea(municipality, title=f"Nieuw {number}")
    gone_later = Initiative.objects.filter(municipality=municipality).order_by("-submitted_at", "-id")[40]
    Initiative.objects.filter(pk=page_one[3]).delete()
    Initiative.objects.filter(pk=gone_later.pk).delete()

    second = follow(coordinator_client, municipality, first.context["pager"]["next"])
    third = follow(coordinator_client, municipality, second.context["pager"]["next"])
    rest = pks(second) + pks(third)
    assert not set(rest) & set(page_one), "a row of page one came again"
    original = [initiative.pk for initiative in sorted(many, key=lambda i: (i.submitted_at, i.pk), reverse=True)]
    assert page_one + rest == [pk for pk in original if pk != gone_later.pk], "a row was skipped"
    assert not third.context["page"].has_next

    # Back from page three: exactly page two again, and from there the first page with the new arrivals before it.
    back = follow(coordinator_client, municipality, third.context["pager"]["previous"])
    assert pks(back) == pks(second)
    assert back.context["page"].has_previous and back.context["page"].has_next


def test_the_pager_links_keep_tab_filters_and_page_number(coordinator_client, municipality, many):
    content = get(coordinator_client, municipality, theme=Theme.SAFE).content.decode()
    assert re.search(r'rel="next" href="\?tab=nieuw&amp;theme=veilig&amp;pagina=2&amp;na=[\w-]+"', content)
    assert "Pagina 1 van 3" in content
    assert 'rel="prev"' not in content


def test_a_broken_cursor_shows_the_first_page(coordinator_client, municipality, many):
    first = pks(get(coordinator_client, municipality, tab="alle"))
    for cursor in ("onzin", "W10", "WyJ4Il0", "%%%", json.dumps([1, 2])):
        assert pks(get(coordinator_client, municipality, tab="alle", na=cursor)) == first
        assert pks(get(coordinator_client, municipality, tab="alle", voor=cursor)) == first


def test_counts_stop_at_the_cap_and_say_so(coordinator_client, municipality, submit_idea, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    for number in range(5):
        submit_idea(municipality, title=f"Idee {number}", now=timezone.now() - timedelta(days=20))
    response = get(coordinator_client, municipality, tab="alle")
    content = response.content.decode()
    counts = {tab["key"]: str(tab["count"]) for tab in response.context["tabs"]}
    assert counts == {"nieuw": "3+", "mijn": "0", "te-laat": "3+", "alle": "3+"}
    assert '<span class="bi-tabs__count">(3+)</span>' in content
    assert "Meer dan 3 initiatieven gevonden." in content
    monkeypatch.setattr(selectors, "COUNT_CAP", 5)
    content = get(coordinator_client, municipality, tab="alle").content.decode()
    assert "5 initiatieven gevonden." in content and "Meer dan" not in content
    assert '<span class="bi-tabs__count">(5)</span>' in content


def test_past_the_cap_the_pager_says_the_page_without_a_total(coordinator_client, municipality, many, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 30)
    first = get(coordinator_client, municipality, tab="alle")
    second = follow(coordinator_client, municipality, first.context["pager"]["next"])
    content = second.content.decode()
    assert "Pagina 2</span>" in content and "Pagina 2 van" not in content


def test_an_old_link_with_only_a_page_number_still_opens_that_page(coordinator_client, municipality, many):
    first = get(coordinator_client, municipality, tab="alle")
    second = follow(coordinator_client, municipality, first.context["pager"]["next"])
    assert pks(get(coordinator_client, municipality, tab="alle", pagina=2)) == pks(second)


def initiative_queries(client, municipality, **params) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        get(client, municipality, **params)
    return [query["sql"] for query in captured if '"initiatives_initiative"' in query["sql"]]


@pytest.mark.parametrize(
    "params", [{"tab": "alle", "phase": "idee"}, {"tab": "alle", "q": "Idee"}, {"tab": "te-laat"}, {}]
)
def test_no_query_counts_or_reads_the_whole_municipality(coordinator_client, municipality, many, params):
    """Every read of the initiatives is bounded: the page by LIMIT 26, each count by LIMIT COUNT_CAP + 1."""
    queries = initiative_queries(coordinator_client, municipality, **params)
    assert queries
    for sql in queries:
        counts = sql.count("COUNT(*)")
        assert counts == len(re.findall(rf"LIMIT {selectors.COUNT_CAP + 1}\b", sql)), sql
        assert "OFFSET" not in sql
        if not counts and sql.lstrip().startswith("SELECT"):
            assert re.search(rf"LIMIT {PAGE_SIZE + 1}\b", sql), sql


def _rows_read(sql: str, params) -> int:
    """Rows PostgreSQL read from the initiatives table for one query (EXPLAIN ANALYZE, every scan node)."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan

    def walk_nodes(node):
        own = 0
        if node.get("Relation Name") == "initiatives_initiative":
            own = (node.get("Actual Rows", 0) + node.get("Rows Removed by Filter", 0)) * node.get("Actual Loops", 1)
        return own + sum(walk_nodes(child) for child in node.get("Plans", []))

    return walk_nodes(plan[0]["Plan"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="query plans are PostgreSQL's")
def test_rows_read_do_not_grow_with_the_municipality(coordinator_client, municipality, submit_idea, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 9)

    def rows_read() -> int:
        with CaptureQueriesContext(connection) as captured:
            get(coordinator_client, municipality, tab="alle", phase="idee")
        total = 0
        for query in captured.captured_queries:
            if '"initiatives_initiative"' in query["sql"] and query["sql"].lstrip().startswith("SELECT"):
                total += _rows_read(query["sql"], None)
        return total

    for number in range(40):
        submit_idea(municipality, title=f"Idee {number}", now=timezone.now() - timedelta(days=20))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_initiative")
        # A table this small would be read whole anyway; the point is that an index serves every query.
        cursor.execute("SET enable_seqscan = off")
    small = rows_read()
    for number in range(120):
        submit_idea(municipality, title=f"Nog een idee {number}", now=timezone.now() - timedelta(days=20))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE initiatives_initiative")
    large = rows_read()
    assert large <= small * 1.2, f"{small} rows read at 40 initiatives, {large} at 160"
