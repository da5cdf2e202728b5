"""A resident shares an idea by keyboard only and follows it from the emailed link."""

import re

import pytest
from django.core import mail

from burgeridee.initiatives.models import Initiative, Message

from .helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(municipality):
    return municipality


def test_resident_submits_an_idea_by_keyboard_and_opens_the_status_page(live_server, page, demo):
    page.goto(f"{live_server.url}/voorbeeld/")
    assert_accessible(page)

    # From the start page to the form, by keyboard.
    tab_to(page, "a[href='/voorbeeld/idee/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/voorbeeld/idee/")
    assert_accessible(page)

    # Send the empty form: the error summary gets focus and links to each field.
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)
    tab_to(page, "[data-error-summary] a[href='#id_title']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_title"

    page.keyboard.type("Bankje bij de speeltuin")
    tab_to(page, "#id_description")
    page.keyboard.type("Een bankje zodat ouders kunnen zitten.")
    tab_to(page, "#id_target_group")
    page.keyboard.type("Ouders en grootouders")
    tab_to(page, "#id_neighbourhood")
    page.keyboard.press("ArrowDown")  # Centrum
    tab_to(page, "#id_theme_0")
    page.keyboard.press("ArrowDown")  # Veilig
    page.keyboard.press("ArrowDown")  # Leefbaar
    tab_to(page, "#id_support_types_5")  # Spullen lenen
    page.keyboard.press("Space")
    tab_to(page, "#id_name")
    page.keyboard.type("Anouk de Vries")
    tab_to(page, "#id_preferred_contact_0")
    page.keyboard.press("Space")  # E-mail
    tab_to(page, "#id_email")
    page.keyboard.type("anouk@example.org")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url("**/voorbeeld/idee/ontvangen/")
    initiative = Initiative.objects.get()
    assert initiative.title == "Bankje bij de speeltuin"
    assert initiative.theme == "leefbaar"
    assert initiative.neighbourhood.name == "Centrum"
    assert list(initiative.support_requests.values_list("support_type", flat=True)) == ["materialen"]
    body = page.locator("main").inner_text()
    assert initiative.reference in body
    assert "Uiterlijk op" in body
    assert_accessible(page)

    # The emailed link opens the personal status page.
    assert len(mail.outbox) == 1
    link = re.search(r"(http://\S+/mijn-initiatief/\S+/)", mail.outbox[0].body).group(1)
    path = link.split("/voorbeeld/", 1)[1]
    page.goto(f"{live_server.url}/voorbeeld/{path}")
    assert page.locator("h1").inner_text() == "Bankje bij de speeltuin"
    assert_accessible(page)

    # Send a message: first empty (error state), then for real.
    tab_to(page, "form[action$='bericht/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)
    tab_to(page, "#id_body")
    page.keyboard.type("Kan het bankje ook in de schaduw?")
    tab_to(page, "form[action$='bericht/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Uw bericht is verstuurd")
    assert Message.objects.get().body == "Kan het bankje ook in de schaduw?"

    # The deletion-request page, reached by keyboard.
    tab_to(page, "a[href$='gegevens-verwijderen/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/gegevens-verwijderen/")
    assert_accessible(page)
    page.go_back()

    # Withdraw page.
    tab_to(page, "a[href$='intrekken/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/intrekken/")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/voorbeeld/privacy/",
        "/voorbeeld/cookies/",
        "/voorbeeld/toegankelijkheid/",
        "/voorbeeld/mijn-initiatief/onbekend/",
        "/.well-known/security-policy",
    ],
)
def test_public_pages_have_no_axe_violations(live_server, page, demo, path):
    page.goto(f"{live_server.url}{path}")
    assert_accessible(page)


def test_form_works_on_a_phone(live_server, new_page, demo):
    page = new_page(viewport={"width": 375, "height": 667})
    page.goto(f"{live_server.url}/voorbeeld/idee/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert_accessible(page)


def test_resident_withdraws_and_looks_back(live_server, page, demo, submit_idea):
    _initiative, token = submit_idea(demo)
    page.goto(f"{live_server.url}/voorbeeld/mijn-initiatief/{token}/intrekken/")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=U heeft uw idee ingetrokken")
    assert_accessible(page)
    tab_to(page, "a[href$='evaluatie/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/evaluatie/")
    assert_accessible(page)
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert_accessible(page)
    for aspect in ("reachability", "speed", "clarity", "personal_contact", "result"):
        tab_to(page, f"#id_{aspect}_0")
        page.keyboard.press("Space")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Bedankt voor uw antwoorden")
