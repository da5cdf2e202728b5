"""Every role gets in (issue #11). Against the demo data, each demo account logs in through the login form
(demo mode: no second factor), lands on the home that fits its role, opens every link of the staff bar and
walks the first step of its own work by keyboard. No page on the way answers 403 or 404, and axe-core
checks each one."""

from io import StringIO

import pytest
from django.core.management import call_command

from burgeridee.demo.management.commands.seed_demo import DEMO_PASSWORD

from .helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

STAFF = "/werkplek/voorbeeld/"
INITIATIVE = f"main a[href^='{STAFF}initiatieven/']"
# username -> (the path of their home, the link to follow there by keyboard)
ROLES = {
    "coordinator": ("", INITIATIVE),
    "contact": ("", INITIATIVE),
    "contact2": ("", INITIATIVE),
    "afdeling": ("overdrachten/", f"main table a[href^='{STAFF}overdrachten/']"),
    "trainer": ("workshops/", f"main table a[href^='{STAFF}workshops/']"),
    "beheer": ("beheer/", f"main a[href^='{STAFF}beheer/medewerkers/']"),
}


@pytest.fixture
def seeded_demo(settings):
    """The demo as `make run` shows it (seed_demo), in demo mode: no second factor."""
    settings.DEMO_MODE = True
    call_command("seed_demo", stdout=StringIO())


@pytest.mark.parametrize("username", ROLES)
def test_every_demo_role_gets_in_and_opens_all_it_is_shown(live_server, page, seeded_demo, username):
    home, journey = ROLES[username]
    documents = []
    page.on("response", lambda r: documents.append((r.status, r.url)) if r.request.resource_type == "document" else 0)

    page.goto(f"{live_server.url}/werkplek/inloggen/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{live_server.url}{STAFF}{home}")
    assert_accessible(page)

    links = page.locator(".bi-staff-nav a, .bi-staff-bar a").evaluate_all("links => links.map(a => a.href)")
    assert f"{live_server.url}{STAFF}{home}" in links  # the home is in the staff bar
    for link in links:
        response = page.goto(link)
        assert response.status == 200, f"{username}: {link} answered {response.status}"
        assert_accessible(page)

    # The first step of the role's work, by keyboard, from its home.
    page.goto(f"{live_server.url}{STAFF}{home}")
    tab_to(page, journey)
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert_accessible(page)

    refused = [(status, url) for status, url in documents if status >= 400]
    assert refused == [], f"{username} met {refused}"
