"""Remove workshop participants' display names after WORKSHOP_NAME_RETENTION_DAYS (run daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from burgeridee.workshops.services import names_prune


class Command(BaseCommand):
    help = "Remove the display names of workshop participants once the retention period has passed."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be removed.")
        parser.add_argument("--days", type=int, default=None, help="Override WORKSHOP_NAME_RETENTION_DAYS.")

    def handle(self, *args, dry_run: bool = False, days: int | None = None, **options):
        days = settings.WORKSHOP_NAME_RETENTION_DAYS if days is None else days
        sessions = names_prune(days=days, dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        for session in sessions:
            self.stdout.write(f"{verb} names of {session.named} participant(s): {session} ({session.municipality})")
        self.stdout.write(f"{len(sessions)} session(s) {'due' if dry_run else 'pruned'} (retention {days} days).")
