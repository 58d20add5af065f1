"""Replace a partner's list of known clients (postcode and house number, CSV)."""

import csv
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pact.models import Organisation
from vroegsignalering import services


class Command(BaseCommand):
    help = (
        "Replace the list of addresses a partner (GKB, WPDA) already helps, as keyed "
        "hashes: columns postcode;huisnummer. The addresses themselves are not stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--organisation", required=True, help="Organisation slug.")

    def handle(self, *args, path, organisation, **options):
        found = Organisation.objects.filter(slug=organisation).first()
        if found is None:
            raise CommandError(f"Unknown organisation {organisation!r}.")
        text = Path(path).read_text(encoding="utf-8-sig")
        delimiter = ";" if text.count(";") >= text.count(",") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        addresses = [
            (row.get("postcode", ""), row.get("huisnummer", ""))
            for row in reader
            if row.get("postcode") and row.get("huisnummer")
        ]
        count = services.known_clients_replace(organisation=found, addresses=addresses)
        self.stdout.write(self.style.SUCCESS(f"{found}: {count} known addresses."))
