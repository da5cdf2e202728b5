"""Staff change their own password, after logging in with both factors."""

import pytest
from django.test import Client

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import User
from burgeridee.accounts.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
URL = "/werkplek/wachtwoord/"
OLD = "een-lang-wachtwoord-123"  # the password StaffFactory gives
NEW = "Kastanjelaan-Bankje-2026"


def test_a_colleague_changes_the_password_and_stays_logged_in(municipality, staff_client_factory):
    client = staff_client_factory(municipality, Role.CONTACT)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Huidig wachtwoord" in page.content.decode()

    response = client.post(URL, {"old_password": OLD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302
    user = User.objects.get(pk=client.user.pk)
    assert user.check_password(NEW) and not user.check_password(OLD)
    followed = client.get(response.url, follow=True)
    assert "Uw wachtwoord is gewijzigd." in followed.content.decode()
    assert client.get(f"/werkplek/{municipality.slug}/").status_code == 200  # still logged in


def test_the_workspace_links_to_it(municipality, staff_client_factory):
    client = staff_client_factory(municipality, Role.CONTACT)
    assert f'href="{URL}"' in client.get(f"/werkplek/{municipality.slug}/").content.decode()


@pytest.mark.parametrize(
    ("old", "new1", "new2", "message"),
    [
        ("fout-wachtwoord-1", NEW, NEW, "Het huidige wachtwoord klopt niet."),
        (OLD, NEW, NEW + "x", "De twee nieuwe wachtwoorden zijn niet gelijk."),
        (OLD, "kort", "kort", "Ten minste 12 tekens"),
        ("", "", "", "Vul uw huidige wachtwoord in."),
    ],
)
def test_mistakes_get_a_dutch_error_summary_and_change_nothing(
    municipality, staff_client_factory, old, new1, new2, message
):
    client = staff_client_factory(municipality, Role.CONTACT)
    response = client.post(URL, {"old_password": old, "new_password1": new1, "new_password2": new2})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Er is iets niet goed ingevuld" in content
    assert message in content
    assert User.objects.get(pk=client.user.pk).check_password(OLD)


def test_only_after_both_factors(municipality):
    assert Client().get(URL).status_code == 302
    user = StaffFactory(municipality=municipality, roles=[Role.CONTACT])
    password_only = Client()
    password_only.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = password_only.post(URL, {"old_password": OLD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302 and "/werkplek/inloggen/" in response.url
    user.refresh_from_db()
    assert user.check_password(OLD)
