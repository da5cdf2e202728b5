"""Repair `Initiative.next_deadline` where a write past the model left it stale (daily; initiatives/deadlines.py)."""

from django.core.management.base import BaseCommand

from burgeridee.initiatives.deadlines import deadlines_repair, deadlines_stale


class Command(BaseCommand):
    help = "Recompute the stored next deadline of initiatives whose deadlines changed without the services."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count the stale initiatives.")

    def handle(self, *args, dry_run: bool = False, **options):
        if dry_run:
            self.stdout.write(f"{deadlines_stale().count()} initiative(s) with a stale next deadline.")
            return
        self.stdout.write(f"Repaired the next deadline of {deadlines_repair()} initiative(s).")
