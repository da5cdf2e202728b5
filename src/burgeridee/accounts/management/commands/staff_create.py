"""Create a staff account with a membership of one municipality, and print its one-time set-up link.

    manage.py staff_create karim --municipality voorbeeld --role contactpersoon --email karim@gemeente.nl

The starting password is asked twice (or read from standard input with --password-stdin). The person
logs in with it and sets up their authenticator app through the link, which is also emailed to them.
"""

import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from burgeridee.accounts.constants import Role
from burgeridee.accounts.models import User
from burgeridee.accounts.services import staff_create
from burgeridee.municipalities.models import Municipality


class Command(BaseCommand):
    help = "Create a staff account for one municipality and print its one-time link to set up the second factor."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--municipality", required=True, help="The municipality's slug, e.g. voorbeeld.")
        parser.add_argument("--role", action="append", required=True, choices=Role.values, dest="roles")
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--job-title", default="")
        parser.add_argument("--password-stdin", action="store_true", help="Read the password from standard input.")
        parser.add_argument("--no-email", action="store_true", help="Only print the set-up link; do not email it.")

    def handle(self, *args, **options):
        username = options["username"]
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"No municipality with slug {options['municipality']!r}.")
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Username {username!r} is taken.")
        password = self._password(options)
        try:
            created = staff_create(
                username=username,
                email=options["email"],
                password=password,
                municipality=municipality,
                roles=list(dict.fromkeys(options["roles"])),
                first_name=options["first_name"],
                last_name=options["last_name"],
                job_title=options["job_title"],
                send_email=not options["no_email"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        until = timezone.localtime(created.enrolment.link.expires_at)
        self.stdout.write(self.style.SUCCESS(f"Created {username} in {municipality.name}."))
        self.stdout.write(f"Set-up link, valid once until {until:%Y-%m-%d %H:%M %Z}:")
        self.stdout.write(f"  {created.enrolment.url}")
        if options["no_email"]:
            self.stdout.write("Not emailed: give it to them yourself, not in the same message as their password.")
        else:
            self.stdout.write(f"Also emailed to {options['email']}. Give them the password another way.")

    def _password(self, options) -> str:
        if options["password_stdin"]:
            password = options.get("stdin", sys.stdin).readline().rstrip("\n")
        else:
            password = getpass.getpass("Starting password: ")
            if password != getpass.getpass("Again: "):
                raise CommandError("The passwords differ.")
        if not password:
            raise CommandError("A password is needed.")
        return password
