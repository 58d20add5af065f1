"""Load a table of four-digit postcode areas (PC4) with their centre points.

    python manage.py search_load_postcodes pc4.csv [--replace]

The CSV has a header with the columns postcode, lat, lng and optionally place (or
plaats); decimal commas are accepted. Loading is all or nothing: when any line is wrong,
every bad line is reported with its number and the reason, and nothing is stored.
With --replace the old table is emptied first. See docs/search.md for where to get a
full table for the Netherlands.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.geo import read_postcode_csv
from search.services import postcode_areas_load


class Command(BaseCommand):
    help = "Load PC4 postcode centres from a CSV file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--replace", action="store_true")

    def handle(self, *args, path: Path, replace: bool = False, **options):
        if not path.exists():
            raise CommandError(f"{path} bestaat niet.")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows, errors = read_postcode_csv(handle)
        if errors:
            for error in errors:
                self.stderr.write(error)
            raise CommandError(f"Niets geladen: {len(errors)} regel(s) met fouten.")
        count = postcode_areas_load(rows=rows, replace_all=replace)
        self.stdout.write(f"{count} postcodegebieden geladen.")
