"""The resident's journey for the manual (docs/manual/bewoner.md): the start page, the idea form, the
confirmation, the personal status page; the right to challenge and the workshop's join page."""

import pytest

from .shots import shoot

pytestmark = pytest.mark.django_db(transaction=True)


def test_resident_journey(live_server, manual_page, demo_at_fixed_moment):
    page = manual_page(viewport={"width": 800, "height": 900})
    page.goto(f"{live_server.url}/voorbeeld/")
    shoot(page, "bewoner-start")

    page.click("main a[href='/voorbeeld/idee/']")
    page.fill("#id_title", "Bloembakken in de Dorpsstraat")
    page.fill("#id_description", "Wij willen bloembakken voor onze huizen zetten en ze samen met de buren verzorgen.")
    page.fill("#id_target_group", "Bewoners van de Dorpsstraat")
    page.select_option("#id_neighbourhood", label="Centrum")
    page.check("#id_theme_0")
    page.check("#id_support_types_5")
    page.fill("#id_name", "Anouk de Vries")
    page.check("#id_preferred_contact_0")
    page.fill("#id_email", "anouk@example.org")
    page.locator("#id_title").scroll_into_view_if_needed()
    shoot(page, "bewoner-formulier")

    page.click("main button[type=submit]")
    page.wait_for_url("**/voorbeeld/idee/ontvangen/")
    shoot(page, "bewoner-ontvangen")

    page.click("main a[href*='/mijn-initiatief/']")
    page.wait_for_url("**/mijn-initiatief/**")
    assert page.locator("h1").inner_text() == "Bloembakken in de Dorpsstraat"
    shoot(page, "bewoner-statuspagina")

    page.goto(f"{live_server.url}/voorbeeld/uitdaagrecht/")
    shoot(page, "bewoner-uitdaagrecht")

    page.goto(f"{live_server.url}/doe-mee/")
    shoot(page, "bewoner-doe-mee")
