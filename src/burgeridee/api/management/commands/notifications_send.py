"""Deliver every due notification now (the sweep: run it every minute from cron or a timer, in case the
worker's queue lost a job)."""

from django.core.management.base import BaseCommand

from burgeridee.api.delivery import notifications_deliver


class Command(BaseCommand):
    help = "Deliver due event notifications (CloudEvents) to subscribed systems, with retries."

    def handle(self, *args, **options):
        delivered = notifications_deliver()
        self.stdout.write(f"{delivered} notification(s) delivered")
