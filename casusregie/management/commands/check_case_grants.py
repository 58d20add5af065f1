"""Prove that the django-guardian grants on cases match involvement and consent.

Exits with status 1 and lists the differences when they do not; ``--fix`` repairs them
through the casusregie services. Run after restoring a backup or in monitoring.
"""

from django.core.management.base import BaseCommand

from casusregie import services


class Command(BaseCommand):
    help = "Check (and with --fix repair) casusregie object permissions against involvement and consent."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Repair differences.")

    def handle(self, *args, fix=False, **options):
        report = services.grants_check_all(fix=fix)
        for reference, group_id, action in report.missing:
            self.stdout.write(f"ontbreekt: {reference} groep {group_id} {action}")
        for reference, group_id, action in report.extra:
            self.stdout.write(f"te veel: {reference} groep {group_id} {action}")
        for reference in report.lead_mismatch:
            self.stdout.write(f"regiehouder klopt niet: {reference}")
        if report.ok:
            self.stdout.write(
                f"{report.cases} casussen gecontroleerd: rechten in orde."
            )
            return
        if fix:
            self.stdout.write(self.style.WARNING("Verschillen hersteld."))
            return
        self.stderr.write(f"{report.cases} casussen gecontroleerd: rechten wijken af.")
        raise SystemExit(1)
