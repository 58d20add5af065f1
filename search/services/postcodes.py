"""PC4 postcode areas, the centres that searching near a postcode measures from."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from search.models import PostcodeArea


def postcode_areas_load(*, rows: Iterable, replace_all: bool = False) -> int:
    """Store PC4 areas (rows of ``search.geo.read_postcode_csv``), all or nothing."""
    rows = list(rows)
    with transaction.atomic():
        if replace_all:
            PostcodeArea.objects.all().delete()
        PostcodeArea.objects.bulk_create(
            [
                PostcodeArea(code=r.code, lat=r.lat, lng=r.lng, place=r.place)
                for r in rows
            ],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["lat", "lng", "place"],
            batch_size=1000,
        )
    return len(rows)
