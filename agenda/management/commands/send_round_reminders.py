"""``manage.py send_round_reminders``: daily reminders for reporting rounds (idempotent)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from agenda.services import send_round_reminders


class Command(BaseCommand):
    help = "Remind reporters before a round closes and about missing updates after it closed."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, today=None, **options):
        day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        report = send_round_reminders(today=day, now=timezone.now())
        self.stdout.write(
            f"Reminders sent: {report.closing} before closing, {report.missing} missing, {report.summaries} summaries."
        )
