"""A member of staff changes their password, by keyboard, with an accessible error summary."""

import pytest

from .helpers import assert_accessible, login_as, tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_change_their_password_by_keyboard(live_server, page, municipality, contact):
    user = contact
    login_as(page, live_server, user)
    page.goto(f"{live_server.url}/werkplek/{municipality.slug}/")
    tab_to(page, "a[href='/werkplek/wachtwoord/']")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Wachtwoord wijzigen')")
    assert_accessible(page)

    page.fill("#id_old_password", "een-lang-wachtwoord-123")
    page.fill("#id_new_password1", "kort")
    page.fill("#id_new_password2", "kort")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary-title")
    assert "Ten minste 12 tekens" in page.inner_text("main")
    assert_accessible(page)

    page.fill("#id_old_password", "een-lang-wachtwoord-123")
    page.fill("#id_new_password1", "Kastanjelaan-Bankje-2026")
    page.fill("#id_new_password2", "Kastanjelaan-Bankje-2026")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Uw wachtwoord is gewijzigd.")
    user.refresh_from_db()
    assert user.check_password("Kastanjelaan-Bankje-2026")
