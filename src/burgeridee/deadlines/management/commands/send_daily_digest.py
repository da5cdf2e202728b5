"""Queue the daily digest email. Run it every morning (cron or a systemd timer at 07:00);
the worker (`manage.py db_worker`, `make worker`) sends the mail."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from burgeridee.core.dates import is_working_day, local_date

from ...tasks import daily_digest_send


class Command(BaseCommand):
    help = "Queue the daily digest of due and overdue items for every staff member."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day to report on (YYYY-MM-DD); default today in Europe/Amsterdam.")
        parser.add_argument("--force", action="store_true", help="Also on a weekend day or public holiday.")

    def handle(self, *args, **options):
        try:
            day = date.fromisoformat(options["date"]) if options["date"] else local_date()
        except ValueError as error:
            raise CommandError("--date must look like 2026-11-27") from error
        if not is_working_day(day) and not options["force"]:
            self.stdout.write(f"{day.isoformat()} is not a working day: no digest.")
            return
        result = daily_digest_send.enqueue(today=day.isoformat())
        self.stdout.write(f"Daily digest for {day.isoformat()} queued (task {result.id}, status {result.status}).")
