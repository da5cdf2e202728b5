"""Send what the mail outbox holds and is due, now (the worker normally does this by itself)."""

from django.core.management.base import BaseCommand

from ...outbox import outbox_deliver


class Command(BaseCommand):
    help = "Send the outbox's due mails now."

    def handle(self, *args, **options):
        result = outbox_deliver(limit=10_000)
        self.stdout.write(f"{result['sent']} sent, {result['failed']} failed")
