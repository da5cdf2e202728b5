"""Print a new one-time link with which a staff member sets up their authenticator app.

    manage.py staff_enrolment_link karim            # never set up, or the last link expired
    manage.py staff_enrolment_link karim --reset    # lost phone: remove the app first

Older links stop working. The link is also emailed to the person unless --no-email.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from burgeridee.accounts.models import User
from burgeridee.accounts.services import second_factor_reset
from burgeridee.accounts.two_factor import has_confirmed_device


class Command(BaseCommand):
    help = "Make a new one-time link for a staff member to set up their authenticator app (older links stop)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--reset", action="store_true", help="Remove the person's authenticator app first (lost phone)."
        )
        parser.add_argument("--no-email", action="store_true", help="Only print the link; do not email it.")

    def handle(self, *args, username: str, reset: bool = False, no_email: bool = False, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No staff member with username {username!r}.")
        if not user.is_active:
            raise CommandError(f"{username} is not active.")
        if has_confirmed_device(user) and not reset:
            raise CommandError(
                f"{username} already has an authenticator app. Use --reset to remove it (lost phone) and make a link."
            )
        issued = second_factor_reset(user=user, actor=None, send_email=not no_email)
        until = timezone.localtime(issued.link.expires_at)
        self.stdout.write(f"Set-up link for {username}, valid once until {until:%Y-%m-%d %H:%M %Z}:")
        self.stdout.write(f"  {issued.url}")
        if no_email or not user.email:
            self.stdout.write("Not emailed: give it to them yourself, not in the same message as their password.")
        else:
            self.stdout.write(f"Also emailed to {user.email}. Older links no longer work.")
