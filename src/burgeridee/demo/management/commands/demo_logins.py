"""Print where the demo runs and how to log in."""

from django.conf import settings
from django.core.management.base import BaseCommand

from .seed_demo import DEMO_PASSWORD, STAFF


class Command(BaseCommand):
    help = "Print the demo addresses and staff logins."

    def handle(self, *args, **options):
        out = self.stdout
        out.write("")
        out.write(self.style.SUCCESS("Burgeridee demo: Gemeente Voorbeeld"))
        out.write(f"  Residents:  {settings.SITE_URL}/voorbeeld/  (share an idea: {settings.SITE_URL}/voorbeeld/idee/)")
        out.write(f"  Staff:      {settings.SITE_URL}/werkplek/  (inbox, initiatives, contact people)")
        out.write(f"  Sent mail:  {settings.EMAIL_FILE_PATH}/ (open the newest file for the status link)")
        out.write(f"  Staff accounts (password for all: {DEMO_PASSWORD}):")
        for username, first, last, job, roles, _department in STAFF:
            out.write(f"    {username:<12} {first} {last} - {job} ({', '.join(str(r.label) for r in roles)})")
        if settings.DEMO_MODE:
            out.write("  Demo mode: these accounts log in WITHOUT a second factor. Outside the demo, staff need TOTP.")
        out.write("")
