"""Search documents of the sociale kaart contract's shape (``search.backends.base.Document``).

These are the backends' real input: the sociale kaart turns public pages into exactly
such dicts (``socialekaart.selectors.search_documents``).
"""

from __future__ import annotations

import itertools

from search.backends.base import Document

_ids = itertools.count(1)

MUNICIPALITY_NAMES = {
    "aa-en-hunze": "Aa en Hunze",
    "assen": "Assen",
    "tynaarlo": "Tynaarlo",
    "coevorden": "Coevorden",
    "midden-drenthe": "Midden-Drenthe",
}


def _label(slug: str) -> str:
    return MUNICIPALITY_NAMES.get(slug) or slug.replace("-", " ").capitalize()


def make_document(**overrides) -> Document:
    """A service document; pass any contract key to override it."""
    number = next(_ids)
    page_id = overrides.pop("page_id", 10_000 + number)
    kind = overrides.pop("kind", "service")
    municipalities = overrides.pop("municipalities", ["assen"])
    categories = overrides.pop("categories", ["geld"])
    target_groups = overrides.pop("target_groups", ["volwassenen"])
    organisation = overrides.pop("organisation", "Stichting Voorbeeld")
    document: Document = {
        "id": f"{kind}-{page_id}",
        "kind": kind,
        "page_id": page_id,
        "title": f"Voorbeeldaanbod {number}",
        "summary": "Een aanbod om mee te testen.",
        "body": "",
        "url": f"/aanbod/voorbeeld-{number}/",
        "organisation": organisation,
        "organisation_slug": organisation.lower().replace(" ", "-"),
        "municipalities": municipalities,
        "municipality_names": [_label(m) for m in municipalities],
        "categories": categories,
        "category_names": [_label(c) for c in categories],
        "target_groups": target_groups,
        "target_group_names": [_label(t) for t in target_groups],
        "is_free": True,
        "age_min": None,
        "age_max": None,
        "locations": [],
        "keywords": [],
        "status": "active",
        "last_checked_on": "2026-10-01",
    }
    document.update(overrides)  # type: ignore[typeddict-item]
    return document
