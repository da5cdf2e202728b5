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


def test_the_right_to_challenge_follows_the_computation_of_the_figures(
    coordinator_client, staff_client_factory, municipality, other_municipality
):
    """The right to challenge's section is counted once per computation of the figures (like the figures it sits
    among): a new challenge shows at the next computation, in the page and the CSV, never in another language's
    or municipality's page."""
    from burgeridee.challenges import services as challenge_services
    from burgeridee.challenges.tests.factories import challenge_setup, idea_kwargs

    setup = challenge_setup(municipality, weeks=6)
    url = "/werkplek/voorbeeld/inzicht/"
    assert "Nog geen uitdagingen in deze periode." in coordinator_client.get(url).content.decode()
    challenge_services.challenge_submit(municipality=municipality, task=setup["square"], **idea_kwargs(municipality))
    within = coordinator_client.get(url).content.decode()
    assert "Nog geen uitdagingen in deze periode." in within  # the figures' computation of a moment ago
    assert "uitdaagrecht per taak" not in coordinator_client.get(f"{url}export.csv").content.decode("utf-8-sig")
    other = staff_client_factory(other_municipality, Role.COORDINATOR).get("/werkplek/anders/inzicht/")
    assert "Groenonderhoud van een plein" not in other.content.decode()
    cache.clear()  # ten minutes later: the figures are computed again, the right to challenge with them
    content = coordinator_client.get(url).content.decode()
    assert "Uitdagingen per taak" in content and "Groenonderhoud van een plein" in content
    csv = coordinator_client.get(f"{url}export.csv").content.decode("utf-8-sig")
    assert "uitdaagrecht per taak;Groenonderhoud van een plein;1" in csv
    coordinator_client.cookies["django_language"] = "en"
    english = coordinator_client.get(url).content.decode()
    assert "Challenges per task" in english and "Uitdagingen per taak" not in english
