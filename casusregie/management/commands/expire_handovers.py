"""Expire hand-over proposals past their deadline (they go to the regisseur) and end
access whose consent passed its end date. Run every 15 minutes (docs/deployment.md)."""

from django.core.management.base import BaseCommand

from casusregie import services


class Command(BaseCommand):
    help = (
        "Expire overdue hand-over proposals (escalating them) and lapse ended consents."
    )

    def handle(self, *args, **options):
        expired = services.handovers_expire_due()
        lapsed = services.consents_lapse_due()
        self.stdout.write(
            f"{len(expired)} overdrachtsvoorstel(len) verlopen; "
            f"rechten van {lapsed} casus(sen) bijgewerkt na verlopen toestemming."
        )
