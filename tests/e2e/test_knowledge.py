"""Staff read and edit the knowledge library in Chromium; every page is axe-core clean."""

import pytest

from .helpers import assert_accessible, login_as, tab_to

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("library")]


def test_trainer_reads_searches_and_adds_a_case(live_server, page, trainer):
    login_as(page, live_server, trainer)
    base = f"{live_server.url}/werkplek/voorbeeld/kennisbank/"
    page.goto(base)
    assert page.locator("h1").inner_text() == "Kennisbank"
    assert_accessible(page)

    # A pitfall, with the cases that show it.
    page.get_by_role("link", name="V4 Geen of traag antwoord").click()
    page.wait_for_url("**/valkuilen/V4/")
    assert "Herken je het?" in page.locator("main").inner_text()
    assert_accessible(page)
    page.locator("[data-cases]").get_by_role("link", name="Samen eten met ouderen").click()

    # The case links back to its pitfalls and success factors.
    page.wait_for_url("**/praktijkcasussen/samen-eten-met-ouderen/")
    assert page.locator("[data-links] a").count() == 5
    assert_accessible(page)

    # Search by keyboard, from the overview.
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Kennisbank").click()
    page.wait_for_url(base)
    tab_to(page, "#kennisbank-zoeken")
    page.keyboard.type("kabels")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=kabels")
    assert page.locator("[data-results] li").count() >= 2
    assert_accessible(page)

    # Add an own case: first empty (error state), then filled in.
    page.goto(f"{base}praktijkcasussen/nieuw/")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)
    page.get_by_label("Titel").fill("Bankjes bij de vijver")
    page.get_by_label("Leefbaar: een fijne, schone en groene buurt").check()
    page.get_by_label("Samenvatting in één zin").fill("Bankjes zonder afspraken over onderhoud.")
    page.get_by_label("Het verhaal").fill("De situatie.\n\nWat er gebeurde.\n\nHoe het afliep.")
    page.get_by_label("V8 Vaag over mogelijkheden").check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/praktijkcasussen/bankjes-bij-de-vijver/")
    assert "Eigen casus van uw gemeente" in page.locator("main").inner_text()
    assert page.locator("[data-links]").get_by_role("link", name="V8 Vaag over mogelijkheden").is_visible()
    assert_accessible(page)

    # The edit form of a default.
    page.goto(f"{base}valkuilen/V4/bewerken/")
    assert page.get_by_label("Titel").input_value() == "Geen of traag antwoord"
    assert_accessible(page)
    page.get_by_label("Titel").fill("")
    page.get_by_label("Wat werkt beter").fill("Mijn eigen tekst")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.get_by_label("Wat werkt beter").input_value() == "Mijn eigen tekst"
    assert_accessible(page)


def test_library_at_phone_size(live_server, new_page, trainer):
    page = new_page(viewport={"width": 375, "height": 667})
    login_as(page, live_server, trainer)
    base = f"{live_server.url}/werkplek/voorbeeld/kennisbank/"
    for path in ("", "valkuilen/V9/", "praktijkcasussen/zelfgebouwd-klimrek/", "succesfactoren/", "zoeken/?q=buren"):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        assert_accessible(page)
