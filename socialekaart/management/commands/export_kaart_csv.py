"""``manage.py export_kaart_csv [--output FILE] [--user USERNAME]``: the services as a
spreadsheet for bulk editing (see ``socialekaart.hsds.kaart_csv``)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from socialekaart.hsds import kaart_csv


class Command(BaseCommand):
    help = "Export the services as CSV for bulk editing (UTF-8, ';' between fields)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: stdout).")
        parser.add_argument(
            "--user", help="Only the services this person may edit (username)."
        )

    def handle(self, *args, output=None, user=None, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"Onbekende gebruiker: {user}")
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                count = kaart_csv.export_csv(handle, actor)
            self.stdout.write(f"{count} diensten geschreven naar {output}")
        else:
            kaart_csv.export_csv(self.stdout, actor)
