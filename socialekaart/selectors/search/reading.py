"""What a batch of services needs besides its own rows: terms, organisation pages, the
many-to-many pairs.

Reads go through ``values()`` and the many-to-many tables directly: model instances
and modelcluster's relation managers cost milliseconds per page, which a reindex of
100,000 services cannot afford."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q
from wagtail.models import Page, Site

from pact.models import Municipality
from socialekaart.models import (
    Category,
    EligibilityRule,
    Location,
    PageCheck,
    ServicePage,
    TargetGroup,
)

SERVICE_FIELDS = (
    "pk",
    "path",
    "url_path",
    "title",
    "summary",
    "description",
    "benefit",
    "eligibility_note",
    "cost_description",
    "application_steps",
    "required_documents",
    "is_free",
    "keywords",
    "status",
)


class _Terms:
    """Categories, target groups and municipalities by id (three small queries)."""

    def __init__(self, categories, groups, municipalities, roots):
        self.categories = categories
        self.groups = groups
        self.municipalities = municipalities
        self.roots = roots

    @classmethod
    def load(cls) -> _Terms:
        def by_id(model, order):
            return {
                row["pk"]: row
                for row in model.objects.order_by(*order).values("pk", "slug", "name")
            }

        return cls(
            by_id(Category, ["sort_order", "name"]),
            by_id(TargetGroup, ["sort_order", "name"]),
            by_id(Municipality, ["name"]),
            [(root.root_path, root.site_id) for root in Site.get_site_root_paths()],
        )


def _is_private(page: Page, private: Q) -> bool:
    if not private.children:
        return False
    return Page.objects.filter(pk=page.pk).filter(private).exists()


def _organisation_pages(queryset) -> dict[str, Any]:
    return {
        page.path: page
        for page in queryset.select_related("organisation", "kaart_check")
        .prefetch_related("organisation__municipalities", "locations")
        .order_by("path")
    }


def _pairs(through, owner: str, target: str, ids, span) -> dict[int, list[int]]:
    """``{owner id: [target ids]}`` for the owners in ``ids``; filtered by the id range
    ``span`` (cheap for the database and the ORM), then by ``ids``."""
    wanted = set(ids)
    result: dict[int, list[int]] = defaultdict(list)
    rows = through.objects.filter(
        **{f"{owner}__gte": span[0], f"{owner}__lte": span[1]}
    ).values_list(owner, target)
    for owner_id, target_id in rows:
        if owner_id in wanted:
            result[owner_id].append(target_id)
    return result


def _related(rows) -> dict:
    """Everything a batch of services needs besides its own row: 7 queries."""
    ids = [row["pk"] for row in rows]
    wanted = set(ids)
    span = (min(ids), max(ids)) if ids else (0, -1)
    location_ids = _pairs(
        ServicePage.locations.through, "servicepage_id", "location_id", ids, span
    )
    all_locations = {pk for values in location_ids.values() for pk in values}
    points = {
        pk: (lat, lng)
        for pk, lat, lng in Location.objects.filter(
            pk__in=all_locations, latitude__isnull=False, longitude__isnull=False
        ).values_list("pk", "latitude", "longitude")
    }
    ages: dict[int, list[tuple]] = defaultdict(list)
    for page_id, min_age, max_age in EligibilityRule.objects.filter(
        page_id__gte=span[0], page_id__lte=span[1]
    ).values_list("page_id", "min_age", "max_age"):
        if page_id in wanted:
            ages[page_id].append((min_age, max_age))
    through = ServicePage.categories.through
    return {
        "categories": _pairs(through, "servicepage_id", "category_id", ids, span),
        "groups": _pairs(
            ServicePage.target_groups.through,
            "servicepage_id",
            "targetgroup_id",
            ids,
            span,
        ),
        "municipalities": _pairs(
            ServicePage.municipalities.through,
            "servicepage_id",
            "municipality_id",
            ids,
            span,
        ),
        "locations": {
            pk: [points[location] for location in values if location in points]
            for pk, values in location_ids.items()
        },
        "ages": ages,
        "checks": {
            page_id: day
            for page_id, day in PageCheck.objects.filter(
                page_id__gte=span[0], page_id__lte=span[1]
            ).values_list("page_id", "checked_on")
            if page_id in wanted
        },
    }
