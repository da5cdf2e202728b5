"""The figures' HTML (tables and SVG charts) is rendered once per computation of the figures and kept per process
(insights.views._figures_html): it must never show an older computation, another language or another
municipality's figures."""

import pytest
from django.core.cache import cache

from burgeridee.accounts.constants import Role

from .test_dashboard import at

pytestmark = pytest.mark.django_db
QUERY = "?date_from=2026-11-01&date_to=2026-11-30&neighbourhood=&theme="


def funnel_first_row(content: str) -> str:
    """The first row of the funnel's table: 'Idee' (or 'Idea') and every initiative of the period."""
    table = content[content.index('id="chart-funnel-title"') :]
    table = table[table.index("<tbody") :]
    return table[: table.index("</tr>")]


def test_the_page_from_kept_figures_is_the_page_as_first_rendered(coordinator_client, municipality, submit_idea):
    submit_idea(municipality, now=at(2))
    url = f"/werkplek/voorbeeld/inzicht/{QUERY}"
    first = coordinator_client.get(url).content.decode()
    second = coordinator_client.get(url).content.decode()
    assert "<svg" in second and 'id="chart-evaluation-title"' in second
    strip = lambda html: html[html.index("<main") : html.index("</main>")]  # noqa: E731
    assert strip(second) == strip(first)


def test_a_new_computation_shows_new_figures_not_the_kept_html(coordinator_client, municipality, submit_idea):
    submit_idea(municipality, now=at(2))
    url = f"/werkplek/voorbeeld/inzicht/{QUERY}"
    assert ">1</td>" in funnel_first_row(coordinator_client.get(url).content.decode())
    submit_idea(municipality, now=at(3))
    assert ">1</td>" in funnel_first_row(coordinator_client.get(url).content.decode())  # within the ten minutes
    cache.clear()  # ten minutes later: the figures are computed again (the kept HTML stays in its own cache)
    content = coordinator_client.get(url).content.decode()
    assert "2 initiatieven" in content
    assert ">2</td>" in funnel_first_row(content)


def test_each_language_gets_its_own_figures_html(coordinator_client, municipality, submit_idea):
    submit_idea(municipality, now=at(2))
    url = f"/werkplek/voorbeeld/inzicht/{QUERY}"
    dutch = coordinator_client.get(url).content.decode()
    assert "Hoe ver initiatieven kwamen" in dutch and "Eerste contact</h2>" in dutch
    coordinator_client.cookies["django_language"] = "en"
    english = coordinator_client.get(url).content.decode()
    assert "How far initiatives got" in english and "First contact</h2>" in english
    assert "Hoe ver initiatieven kwamen" not in english and "Idea</th>" in funnel_first_row(english)


def test_each_municipality_gets_its_own_figures(
    coordinator_client, staff_client_factory, municipality, other_municipality, submit_idea
):
    submit_idea(municipality, now=at(2))
    for _ in range(3):
        submit_idea(other_municipality, now=at(2), neighbourhood=other_municipality.neighbourhoods.first())
    other_client = staff_client_factory(other_municipality, Role.COORDINATOR)
    ours = coordinator_client.get(f"/werkplek/voorbeeld/inzicht/{QUERY}").content.decode()
    theirs = other_client.get(f"/werkplek/anders/inzicht/{QUERY}").content.decode()
    assert ">1</td>" in funnel_first_row(ours)
    assert ">3</td>" in funnel_first_row(theirs)
    assert "Dorp" in theirs and "Dorp" not in ours
