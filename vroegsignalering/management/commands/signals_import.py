"""Read a creditor file of signals for one municipality, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pact.models import Municipality
from vroegsignalering import services
from vroegsignalering.constants import ImportSource


class Command(BaseCommand):
    help = (
        "Read signals of payment arrears from a CSV file (see docs/vroegsignalering.md). "
        "Nothing is saved when one row is wrong; every wrong row is named."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV file.")
        parser.add_argument(
            "--municipality", required=True, help="The municipality's slug, e.g. assen."
        )

    def handle(self, *args, path, municipality, **options):
        found = Municipality.objects.filter(slug=municipality).first()
        if found is None:
            raise CommandError(f"Unknown municipality {municipality!r}.")
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        try:
            batch = services.signals_import(
                data=data,
                municipality=found,
                actor=None,
                source=ImportSource.COMMAND,
                file_name=Path(path).name,
            )
        except services.ImportRejected as rejected:
            for message in rejected.messages:
                self.stderr.write(message)
            raise CommandError(
                f"Nothing was read: {len(rejected.messages)} problem(s)."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{batch.rows} rows: {batch.signals_new} new signals, "
                f"{batch.signals_merged} merged, {batch.households_new} new households."
            )
        )
