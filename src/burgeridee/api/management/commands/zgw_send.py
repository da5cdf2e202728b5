"""Send every due case-system (ZGW) registration now (the sweep: run it every minute from cron or a timer, in
case the worker's queue lost a job)."""

from django.core.management.base import BaseCommand

from burgeridee.api.zgw import zgw_register


class Command(BaseCommand):
    help = "Register initiatives in the municipality's case system (ZGW APIs), with retries."

    def handle(self, *args, **options):
        done = zgw_register()
        self.stdout.write(f"{done} case-system registration(s) done")
