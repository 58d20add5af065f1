"""Rebuild the search index from the database, without taking search down.

    python manage.py search_reindex [--batch-size 500] [--no-progress]

The database is the source of truth. The embedded index is upserted batch by batch and
documents that no longer exist are dropped at the end; Meilisearch (when configured)
gets a fresh index that is swapped in when full. Searching keeps working throughout.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from search import services
from search.documents import estimated_count


class Command(BaseCommand):
    help = "Rebuild the search index from the database (no downtime)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show a progress bar."
        )

    def handle(self, *args, batch_size=500, no_progress=False, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        total = estimated_count()
        bars: dict[str, tqdm] = {}
        show = not no_progress and options.get("verbosity", 1) > 0

        def progress(backend: str, count: int) -> None:
            if not show:
                return
            if backend not in bars:
                bars[backend] = tqdm(
                    total=total, desc=backend, unit="doc", file=self.stderr._out
                )
            bars[backend].update(count)

        started = time.monotonic()
        outcome = services.reindex_all(batch_size=batch_size, progress=progress)
        for bar in bars.values():
            bar.close()
        seconds = time.monotonic() - started
        failed = False
        for backend, result in outcome.items():
            if isinstance(result, int):
                self.stdout.write(f"{backend}: {result} documenten geïndexeerd.")
            else:
                failed = True
                self.stderr.write(f"{backend}: niet bijgewerkt ({result}).")
        self.stdout.write(f"Klaar in {seconds:.1f} s.")
        if failed:
            raise CommandError(
                "Niet elke zoekdienst is bijgewerkt; zoeken gebruikt zolang de database-index."
            )
