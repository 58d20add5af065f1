"""Make (or revoke) an API key with which a creditor delivers signals."""

from django.core.management.base import BaseCommand, CommandError

from pact.models import Municipality
from vroegsignalering import services
from vroegsignalering.models import CreditorKey


class Command(BaseCommand):
    help = (
        "Make an API key for a creditor in a municipality (printed once; only its hash "
        "is kept), or revoke one with --revoke PREFIX."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="The municipality's slug.")
        parser.add_argument("--creditor", help="The creditor's name, e.g. Actium.")
        parser.add_argument("--revoke", metavar="PREFIX")

    def handle(self, *args, municipality=None, creditor=None, revoke=None, **options):
        if revoke:
            key = CreditorKey.objects.filter(prefix=revoke).first()
            if key is None:
                raise CommandError(f"No key starts with {revoke!r}.")
            services.creditor_key_revoke(key=key, actor=None)
            self.stdout.write(f"Revoked {key}.")
            return
        found = Municipality.objects.filter(slug=municipality or "").first()
        if found is None or not (creditor or "").strip():
            raise CommandError("Give --municipality (slug) and --creditor.")
        row, key = services.creditor_key_create(
            municipality=found, creditor=creditor, actor=None
        )
        self.stdout.write(f"Key for {row.creditor} in {found} (shown once):")
        self.stdout.write(key)
