"""A resident without internet, in the browser (issue #11): the contact person registers a phone idea for a
resident who chose post, finds the letter from the initiative page, and makes a new letter only after a warning
that the old link stops working. axe-core on every page."""

import pytest

from burgeridee.initiatives.models import Initiative

from .helpers import assert_accessible, login_as, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def test_assisted_intake_by_post_then_the_letter_from_the_initiative_page_and_a_new_one(
    live_server, new_page, municipality, contact
):
    page = new_page()
    login_as(page, live_server, contact)
    page.goto(f"{live_server.url}/werkplek/voorbeeld/intake/")
    page.check("#id_channel_0")  # Telefoon
    page.fill("#id_title", "Bankjes bij de vijver")
    page.fill("#id_description", "Meneer belde: hij wil bankjes bij de vijver.")
    page.fill("#id_target_group", "Ouderen die wandelen")
    page.select_option("#id_neighbourhood", label="Oosterpark")
    page.check("#id_theme_2")
    page.fill("#id_name", "Henk de Boer")
    page.check("#id_preferred_contact_2")  # Post
    page.fill("#id_street_address", "Vijverlaan 3")
    page.fill("#id_postal_code", "1234 AB")
    page.fill("#id_city", "Voorbeeld")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/brief/")
    assert "De bewoner wil contact per post. Stuur deze brief vandaag op." in page.locator("main").inner_text()
    first_link = page.locator(".bi-letter__link").inner_text().strip()
    assert_accessible(page)

    # The initiative page leads to the letter, by keyboard.
    initiative = Initiative.objects.get(title="Bankjes bij de vijver")
    page.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/")
    section = page.locator("section[aria-labelledby=brief-bewoner]")
    assert "De bewoner wil contact per post." in section.inner_text()
    assert "Laatste brief gemaakt op" in section.inner_text()
    assert_accessible(page)

    # Another day, another session: the link is not kept, so a new letter means a new link. First a warning.
    later = new_page()
    login_as(later, live_server, contact)
    later.goto(f"{live_server.url}/werkplek/voorbeeld/initiatieven/{initiative.pk}/")
    tab_to(later, "section[aria-labelledby=brief-bewoner] a[href$='/brief/']")
    later.keyboard.press("Enter")
    later.wait_for_url("**/brief/")
    assert later.locator("h1").inner_text() == "Nieuwe brief maken"
    warning = later.locator(".utrecht-alert--warning").inner_text()
    assert "De link die de bewoner nu heeft, werkt daarna niet meer." in warning
    assert "de link in de brief die bij de registratie op" in warning
    assert_accessible(later)
    assert later.request.get(live_server.url + first_link.split("127.0.0.1:8000", 1)[1]).status == 200

    tab_to(later, "main form button[type=submit]")
    later.keyboard.press("Enter")
    later.wait_for_selector(".bi-letter")
    new_link = later.locator(".bi-letter__link").inner_text().strip()
    assert new_link != first_link and "Vijverlaan 3" in later.locator(".bi-letter").inner_text()
    assert_accessible(later)
    resident = new_page()
    assert resident.goto(live_server.url + first_link.split("127.0.0.1:8000", 1)[1]).status == 404
    assert resident.goto(live_server.url + new_link.split("127.0.0.1:8000", 1)[1]).status == 200


def test_the_residents_confirmation_says_a_letter_follows(live_server, page, municipality):
    page.goto(f"{live_server.url}/voorbeeld/idee/")
    page.fill("#id_title", "Bankjes bij de vijver")
    page.fill("#id_description", "Bankjes om uit te rusten.")
    page.fill("#id_target_group", "Ouderen")
    page.select_option("#id_neighbourhood", label="Oosterpark")
    page.check("#id_theme_2")
    page.fill("#id_name", "Henk de Boer")
    page.check("#id_preferred_contact_2")  # Post
    page.fill("#id_street_address", "Vijverlaan 3")
    page.fill("#id_postal_code", "1234 AB")
    page.fill("#id_city", "Voorbeeld")
    page.locator("main button[type=submit]").click()
    page.wait_for_url("**/idee/ontvangen/")
    assert "U krijgt van ons een brief op Vijverlaan 3, 1234 AB Voorbeeld." in page.locator("main").inner_text()
    assert_accessible(page)
