"""Run whichever daily jobs are due, each once a day for the whole installation (core/scheduling.py).

Start it often: a CronJob or cron line every 10 minutes (`*/10 * * * *`). Starting it twice, or on
several machines at once, is harmless.
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from ...outbox import outbox_deliver
from ...scheduling import SCHEDULED_JOBS, job_due, job_run_once


class Command(BaseCommand):
    help = "Run the daily jobs that are due (once a day each), and send mail the outbox still holds."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Only say which jobs are due.")

    def handle(self, *args, **options):
        now = timezone.now()
        day = timezone.localtime(now).date()
        for job in SCHEDULED_JOBS:
            if not job_due(job, now=now):
                continue
            if options["list"]:
                self.stdout.write(f"due: {job.command}")
                continue
            output = StringIO()
            ran, _ = job_run_once(
                job=job.command, day=day, run=lambda job=job, output=output: call_command(job.command, stdout=output)
            )
            summary = output.getvalue().strip().splitlines()
            self.stdout.write(f"{job.command}: {'ran' if ran else 'already ran today'}")
            for line in summary[-5:]:
                self.stdout.write(f"  {line}")
        if not options["list"]:
            result = outbox_deliver(limit=500)
            self.stdout.write(f"outbox: {result['sent']} sent, {result['failed']} failed")
