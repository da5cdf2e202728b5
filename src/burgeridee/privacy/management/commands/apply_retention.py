"""Remove personal data after the retention period (run daily). --dry-run lists what would go."""

from django.conf import settings
from django.core.management.base import BaseCommand

from burgeridee.privacy.retention import processing_log_prune, retention_apply, retention_rules_apply
from burgeridee.records.tracing import trace_span


class Command(BaseCommand):
    help = "Remove personal data whose retention period has passed, and prune the processing log."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list what would be removed.")

    def handle(self, *args, dry_run: bool = False, **options):
        with trace_span():  # one run, one span in the processing log
            self._apply(dry_run=dry_run)

    def _apply(self, *, dry_run: bool):
        results = retention_apply(dry_run=dry_run)
        verb = "Would remove" if dry_run else "Removed"
        for result in results:
            self.stdout.write(f"{result.reference} ({result.municipality}, closed {result.closed_at:%Y-%m-%d}):")
            for line in result.removed:
                self.stdout.write(f"  {verb}: {line}")
        self.stdout.write(f"{len(results)} initiative(s) {'due' if dry_run else 'anonymised'}.")
        for name, lines in retention_rules_apply(dry_run=dry_run):
            self.stdout.write(f"{name}:")
            for line in lines:
                self.stdout.write(f"  {verb}: {line}")
        pruned = processing_log_prune(months=settings.PROCESSING_LOG_RETENTION_MONTHS, dry_run=dry_run)
        self.stdout.write(
            f"{verb} {pruned} processing-log line(s) older than {settings.PROCESSING_LOG_RETENTION_MONTHS} months."
        )
