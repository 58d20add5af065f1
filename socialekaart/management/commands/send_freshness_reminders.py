"""Daily: remind editors of sociale kaart pages not checked for PACT_FRESHNESS_DAYS."""

from django.core.management.base import BaseCommand

from socialekaart.services import freshness_send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each organisation's editors the pages not checked for "
        "PACT_FRESHNESS_DAYS days (at most once per 14 days per page)."
    )

    def handle(self, *args, **options):
        sent = freshness_send_reminders()
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
