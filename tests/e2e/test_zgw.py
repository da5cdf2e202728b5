"""The case-system (ZGW) set-up page in Chromium: axe-core clean, keyboard usable, an error summary that
keeps what was typed, and a failed registration the administrator sends again."""

import pytest
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.tests.factories import StaffFactory
from burgeridee.api.models import DeliveryStatus, ZgwKind, ZgwRegistration

from .helpers import assert_accessible, login_as, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def test_zgw_page_accessible_with_errors_and_resend(page, live_server, municipality, initiative):
    admin = StaffFactory(municipality=municipality, roles=[Role.ADMINISTRATOR])
    ZgwRegistration.objects.create(
        municipality=municipality,
        initiative=initiative,
        kind=ZgwKind.CASE,
        status=DeliveryStatus.FAILED,
        attempts=8,
        last_error="HTTP 503 on POST zaken",
        next_attempt_at=timezone.now(),
        created_at=timezone.now(),
    )
    login_as(page, live_server, admin)
    page.goto(f"{live_server.url}/werkplek/{municipality.slug}/beheer/api/zaaksysteem/")
    assert_accessible(page)
    assert "HTTP 503 on POST zaken" in page.content()

    page.get_by_label("Zaken API (basisadres)").fill("https://openzaak.example/zaken/api/v1/")
    page.get_by_label("RSIN van de gemeente").fill("12")
    tab_to(page, "button[type=submit].utrecht-button--primary-action")
    page.keyboard.press("Enter")
    page.wait_for_selector(".utrecht-alert, [role=alert], .bi-error-summary")
    assert "Het RSIN bestaat uit 9 cijfers." in page.content()
    assert page.get_by_label("Zaken API (basisadres)").input_value() == "https://openzaak.example/zaken/api/v1/"
    assert_accessible(page)

    page.get_by_role(
        "button", name=f"Zaak en initiatiefnemer registreren voor {initiative.reference} opnieuw versturen"
    ).click()
    page.wait_for_load_state()
    assert ZgwRegistration.objects.get().status == DeliveryStatus.PENDING
    assert_accessible(page)
