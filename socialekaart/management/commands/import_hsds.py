"""``manage.py import_hsds FILE``: read HSDS 3.0 JSON into the kaart, all or nothing.

See ``socialekaart.hsds.importing`` and docs/hsds.md. Exit status 1 when anything is
wrong (every problem is listed with its place); nothing is changed then.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pact.models import Municipality, Organisation
from socialekaart.hsds.importing import import_hsds
from socialekaart.hsds.schema import SchemaUnavailable
from socialekaart.models import Category


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 JSON (an organization or service package, an API page, one "
        "organisation or service, or an export folder). All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .json file or an export folder.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and write, then roll everything back.",
        )
        parser.add_argument(
            "--strict", action="store_true", help="Treat warnings as errors."
        )
        parser.add_argument(
            "--link-organisation",
            action="append",
            default=[],
            metavar="ID_OR_NAME=SLUG",
            help=(
                "Treat the HSDS organisation with this id or name as the network "
                "organisation with this slug (repeatable). The import never creates "
                "network organisations."
            ),
        )
        parser.add_argument(
            "--municipality",
            help="Municipality slug for services whose service area names none of ours.",
        )
        parser.add_argument(
            "--source-base-url",
            action="append",
            default=[],
            metavar="URL",
            help=(
                "Base address of another installation of this platform whose export "
                "this is (repeatable): its page addresses keep their slugs here."
            ),
        )
        parser.add_argument(
            "--without-schemas",
            action="store_true",
            help=(
                "When the official HSDS schemas are missing, run only the kaart's own "
                "checks (with a warning) instead of refusing. For data of our own "
                "making; --strict refuses it."
            ),
        )
        parser.add_argument(
            "--category",
            help="Category slug for services without one of our categories.",
        )

    def handle(self, *args, path, dry_run, strict, link_organisation, **options):
        municipality = category = None
        if options.get("municipality"):
            municipality = Municipality.objects.filter(
                slug=options["municipality"]
            ).first()
            if municipality is None:
                raise CommandError(f"Onbekende gemeente: {options['municipality']}")
        if options.get("category"):
            category = Category.objects.filter(slug=options["category"]).first()
            if category is None:
                raise CommandError(f"Onbekende categorie: {options['category']}")
        links = {}
        for item in link_organisation:
            key, _sep, slug = item.rpartition("=")
            organisation = Organisation.objects.filter(slug=slug.strip()).first()
            if not key or organisation is None:
                raise CommandError(
                    f"--link-organisation '{item}': gebruik ID_OF_NAAM=korte-naam van "
                    "een organisatie in het netwerk."
                )
            links[key.strip()] = organisation
        if not Path(path).exists():
            raise CommandError(f"Bestand of map niet gevonden: {path}")
        try:
            report = import_hsds(
                Path(path),
                dry_run=dry_run,
                strict=strict,
                links=links,
                default_municipality=municipality,
                default_category=category,
                source_base_urls=tuple(options.get("source_base_url") or ()),
                without_schemas=options.get("without_schemas", False),
            )
        except SchemaUnavailable as error:
            raise CommandError(str(error)) from error
        for problem in report.problems:
            self.stdout.write(str(problem))
        if not report.ok:
            raise CommandError(
                f"Niets ingelezen: {len(report.errors)} fout(en), "
                f"{len(report.warnings)} waarschuwing(en)."
            )
        done = ", ".join(
            [f"{n} {kind} nieuw" for kind, n in report.created.items()]
            + [f"{n} {kind} bijgewerkt" for kind, n in report.updated.items()]
        )
        prefix = "Proefimport (teruggedraaid)" if dry_run else "Ingelezen"
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}: {done or 'niets'}; {len(report.warnings)} waarschuwing(en)."
            )
        )
