from django.core.management.base import BaseCommand

from burgeridee.conversations.services import report_reminders_send


class Command(BaseCommand):
    help = "Remind residents who have not reacted to a conversation report (run daily, e.g. from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--after-working-days", type=int, default=None, help="Default: the setting.")

    def handle(self, *args, **options):
        sent = report_reminders_send(after_working_days=options["after_working_days"])
        self.stdout.write(f"{sent} reminder(s) sent.")
