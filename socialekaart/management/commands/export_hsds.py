"""``manage.py export_hsds [--output FILE|DIR]``: the public kaart as HSDS 3.0 JSON.

A path ending in ``.json`` gets one file (an HSDS organization package); any other
path is a folder with the JSON files and the tabular CSV package (see
``socialekaart.hsds.exporting``). Without ``--output`` the package goes to standard
output.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from socialekaart.hsds import exporting


class Command(BaseCommand):
    help = (
        "Export the public sociale kaart as HSDS 3.0: a .json file (organization "
        "package) or a folder (JSON files and the tabular CSV package)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="A .json file, or a folder. Default: the JSON package on stdout.",
        )
        parser.add_argument(
            "--include-ended",
            action="store_true",
            help=(
                "Ended services too (HSDS status 'defunct'), for a full copy of the "
                "kaart; the API and the default export leave them out."
            ),
        )

    def handle(self, *args, output=None, include_ended=False, **options):
        if not output or output == "-":
            package = exporting.organization_package(include_ended=include_ended)
            json.dump(package, self.stdout, ensure_ascii=False, indent=2)
            self.stdout.write("")
            return
        target = Path(output)
        folder = not (target.suffix.lower() == ".json" and not target.is_dir())
        counts = exporting.export_to(target, folder=folder, include_ended=include_ended)
        summary = ", ".join(f"{name}: {count}" for name, count in counts.items())
        self.stdout.write(f"HSDS-export geschreven naar {target} ({summary})")
