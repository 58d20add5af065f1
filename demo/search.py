"""Demo search index. Called last by ``seed_demo``, after the content exists.

Builds the index from the database through ``search.services.reindex_all``. Running it
twice changes nothing: unchanged documents are not rewritten. The starter synonyms and
the demo postcode table come with the migrations.
"""

from __future__ import annotations

from search import services


def seed(*, stdout) -> None:
    """Build the search index from the database; running it twice changes nothing."""
    outcome = services.reindex_all()
    for backend, result in outcome.items():
        stdout.write(f"  zoekindex ({backend}): {result} documenten")
