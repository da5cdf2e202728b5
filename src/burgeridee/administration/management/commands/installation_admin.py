"""Make a staff account an installation administrator: they create municipalities in the workspace
(/werkplek/installatie/) and invite each one's first functional administrator.

    manage.py installation_admin beheer-it            # grant
    manage.py installation_admin beheer-it --revoke   # take away

The account itself is made as usual (e.g. `manage.py createsuperuser`, then `manage.py
staff_enrolment_link USERNAME` for the one-time link to set up the authenticator app).
"""

from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError

from burgeridee.accounts.models import User


class Command(BaseCommand):
    help = "Grant (or with --revoke take away) the installation administrator's permission."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true")

    def handle(self, *args, username, revoke, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        permission = Permission.objects.get(content_type__app_label="municipalities", codename="set_up_municipality")
        if revoke:
            user.user_permissions.remove(permission)
            self.stdout.write(self.style.SUCCESS(f"{username} is no longer an installation administrator."))
        else:
            user.user_permissions.add(permission)
            self.stdout.write(self.style.SUCCESS(f"{username} is an installation administrator."))
