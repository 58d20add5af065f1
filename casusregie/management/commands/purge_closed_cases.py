"""Delete closed cases past ``PACT_CASE_RETENTION_DAYS`` (daily). The access log stays,
without personal data. ``--dry-run`` lists what would go and changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from casusregie import services


class Command(BaseCommand):
    help = "Purge closed cases after the retention period (--dry-run to see first)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        purged = services.cases_purge_closed(dry_run=dry_run)
        verb = "zou verwijderen" if dry_run else "verwijderd"
        for item in purged:
            closed = timezone.localtime(item.closed_at).date().isoformat()
            self.stdout.write(f"{verb}: {item.reference} (afgesloten {closed})")
        self.stdout.write(
            f"{len(purged)} casus(sen) {verb}; bewaartermijn {settings.PACT_CASE_RETENTION_DAYS} dagen."
        )
