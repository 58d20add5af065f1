"""``manage.py import_kaart_csv FILE [--dry-run] [--user USERNAME]``: apply a bulk-edit
spreadsheet, all or nothing (see ``socialekaart.hsds.kaart_csv``). With ``--user`` the
changes are made as that person: only their organisation's pages, and submitted for
approval when they may not publish."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from socialekaart.hsds import kaart_csv


class Command(BaseCommand):
    help = "Import a bulk-edit CSV of services. All or nothing; bad rows are listed."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--user", help="Act as this person (username).")

    def handle(self, *args, path, dry_run=False, user=None, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"Onbekende gebruiker: {user}")
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Kan {path} niet lezen: {error}") from error
        report = kaart_csv.import_csv(text, actor=actor, dry_run=dry_run)
        for problem in report.problems:
            self.stdout.write(str(problem))
        if not report.ok:
            raise CommandError(
                f"Niets gewijzigd: {len(report.problems)} fout(en) in {path}."
            )
        prefix = "Proef (teruggedraaid)" if dry_run else "Klaar"
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}: {report.published} gepubliceerd, {report.submitted} ter "
                f"goedkeuring, {report.checked} gecontroleerd, {report.unchanged} "
                "ongewijzigd."
            )
        )
