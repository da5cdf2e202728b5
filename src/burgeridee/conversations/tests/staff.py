"""The one place these tests log staff in: password plus a real TOTP code (accounts.testing)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import Membership
from burgeridee.accounts.testing import login_with_second_factor


def make_staff(municipality, *, username="karim", roles=(Role.CONTACT, Role.COORDINATOR)):
    user = get_user_model().objects.create_user(
        username=username,
        first_name=username.capitalize(),
        last_name="Ambtenaar",
        email=f"{username}@voorbeeld.example",
        job_title="Initiatievenmakelaar",
        phone="14 020",
    )
    Membership.objects.create(user=user, municipality=municipality, roles=list(roles))
    return user


def staff_login(client: Client, user) -> Client:
    """Log `user` in on a Django test client, second factor included."""
    return login_with_second_factor(user, client)


def staff_session_cookie(user, *, url: str) -> dict:
    """A session cookie for Playwright: `context.add_cookies([staff_session_cookie(user, url=live_server.url)])`."""
    client = login_with_second_factor(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": url,
    }
