from django.core.management.base import BaseCommand

from burgeridee.training.services import followups_offer


class Command(BaseCommand):
    help = "Mail the follow-up self-assessment to workshop participants whose workshop was about three months ago."

    def handle(self, *args, **options):
        offered = followups_offer()
        self.stdout.write(f"{len(offered)} follow-up self-assessment(s) offered.")
