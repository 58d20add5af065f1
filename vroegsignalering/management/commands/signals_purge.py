"""Delete signals that led to no help after the retention period; keep counts."""

from django.conf import settings
from django.core.management.base import BaseCommand

from vroegsignalering import services


class Command(BaseCommand):
    help = (
        "Delete households with signals that led to no help, PACT_SIGNAL_RETENTION_DAYS "
        "after their last signal, leaving anonymous counts. --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run=False, **options):
        report = services.households_purge(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {report.households} households with {report.signals} signals "
            f"(retention {settings.PACT_SIGNAL_RETENTION_DAYS} days)."
        )
        for key, count in sorted(report.per_month.items()):
            self.stdout.write(f"  municipality {key}: {count}")
