"""Search documents: the contract with the search app (``search/``).

One document per live, public, indexable page of the sociale kaart: services that
have not ended, and organisation pages. Ended services are left out (they stay online
to say they ended, but should not be found). Professional notes never appear.

Every document is a dict with exactly ``DOCUMENT_KEYS``; see docs/socialekaart.md for
the meaning of each key. ``search_documents()`` reads services in batches of
``batch_size`` by primary key with a fixed number of queries per batch (8), so a
reindex of 100,000 services stays linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import Q
from wagtail.models import Page, Site
from wagtail.rich_text import get_text_for_indexing

from pact.models import Municipality
from socialekaart.constants import ServiceStatus
from socialekaart.models import (
    Category,
    EligibilityRule,
    Location,
    OrganisationPage,
    PageCheck,
    ServicePage,
    TargetGroup,
)
from socialekaart.selectors.pages import STEPLEN, organisation_display_name

DOCUMENT_KEYS = (
    "id",
    "kind",
    "page_id",
    "title",
    "summary",
    "body",
    "url",
    "organisation",
    "organisation_slug",
    "municipalities",
    "municipality_names",
    "categories",
    "category_names",
    "target_groups",
    "target_group_names",
    "is_free",
    "age_min",
    "age_max",
    "locations",
    "keywords",
    "status",
    "last_checked_on",
)
KIND_SERVICE = "service"
KIND_ORGANISATION = "organisation"


def search_documents(*, batch_size: int = 500) -> Iterator[dict]:
    """Every indexable page as a search document: services first, then organisations."""
    terms = _Terms.load()
    private = Page.objects.all().private_q()
    organisation_pages = _organisation_pages(OrganisationPage.objects.all())
    aggregates: dict[str, dict] = defaultdict(_empty_aggregate)
    services = (
        ServicePage.objects.live()
        .exclude(private)
        .exclude(status=ServiceStatus.ENDED)
        .order_by("pk")
    )
    last_pk = 0
    while True:
        rows = list(
            services.filter(pk__gt=last_pk).values(*SERVICE_FIELDS)[:batch_size]
        )
        if not rows:
            break
        last_pk = rows[-1]["pk"]
        for document, row in _service_documents(rows, organisation_pages, terms):
            _aggregate(aggregates[row["path"][:-STEPLEN]], document)
            yield document
    live_organisations = [
        page
        for page in organisation_pages.values()
        if page.live and not _is_private(page, private)
    ]
    yield from _organisation_documents(live_organisations, aggregates, terms)


def search_document_for_page(page: Page) -> dict | None:
    """The search document of ``page``, or ``None`` when it must not be in the index
    (not a sociale kaart service or organisation page, not live, private, expired, or
    an ended service)."""
    page = page.specific
    if not isinstance(page, (ServicePage, OrganisationPage)):
        return None
    if not Page.objects.filter(pk=page.pk).live().public().exists():
        return None
    terms = _Terms.load()
    if isinstance(page, ServicePage):
        if page.status == ServiceStatus.ENDED:
            return None
        organisation_pages = _organisation_pages(
            OrganisationPage.objects.filter(path=page.path[:-STEPLEN])
        )
        rows = list(ServicePage.objects.filter(pk=page.pk).values(*SERVICE_FIELDS))
        return next(iter(_service_documents(rows, organisation_pages, terms)))[0]
    organisation_page = _organisation_pages(
        OrganisationPage.objects.filter(pk=page.pk)
    )[page.path]
    aggregate = _empty_aggregate()
    children = list(
        ServicePage.objects.live()
        .public()
        .child_of(page)
        .exclude(status=ServiceStatus.ENDED)
        .values(*SERVICE_FIELDS)
    )
    for document, _row in _service_documents(children, {}, terms):
        _aggregate(aggregate, document)
    return next(
        iter(
            _organisation_documents([organisation_page], {page.path: aggregate}, terms)
        )
    )


# --- Building blocks ----------------------------------------------------------------
#
# Reads go through ``values()`` and the many-to-many tables directly: model instances
# and modelcluster's relation managers cost milliseconds per page, which a reindex of
# 100,000 services cannot afford.

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


def _relative_url(url_path: str, roots: list[tuple[str, str]]) -> str:
    for root_path, _site in roots:
        if url_path.startswith(root_path):
            return "/" + url_path[len(root_path) :]
    return url_path


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


def _empty_aggregate() -> dict:
    return {"categories": set(), "all_free": True, "count": 0}


def _aggregate(aggregate: dict, document: dict) -> None:
    aggregate["categories"].update(document["categories"])
    aggregate["all_free"] = aggregate["all_free"] and document["is_free"]
    aggregate["count"] += 1


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _stream_texts(stream, key: str) -> list[str]:
    raw = stream.raw_data if hasattr(stream, "raw_data") else (stream or [])
    return [
        str(block.get("value", {}).get(key, "")).strip()
        for block in raw
        if isinstance(block, dict) and isinstance(block.get("value"), dict)
    ]


def _named(ids, table: dict) -> tuple[list[str], list[str]]:
    """Slugs and names in the table's order (sort order, then name)."""
    wanted = set(ids)
    rows = [row for pk, row in table.items() if pk in wanted]
    return [row["slug"] for row in rows], [row["name"] for row in rows]


def _age_bounds(ranges) -> tuple[int | None, int | None]:
    """The widest age range over the rules; ``None`` when some rule has no bound."""
    if not ranges:
        return None, None
    minimums = [low for low, _high in ranges]
    maximums = [high for _low, high in ranges]
    age_min = None if None in minimums else min(minimums)
    age_max = None if None in maximums else max(maximums)
    return age_min, age_max


def _keywords(text: str) -> list[str]:
    return [word.strip() for word in (text or "").split(",") if word.strip()]


def _service_documents(rows, organisation_pages, terms) -> Iterator[tuple[dict, dict]]:
    related = _related(rows)
    for row in rows:
        pk = row["pk"]
        organisation_page = organisation_pages.get(row["path"][:-STEPLEN])
        categories, category_names = _named(
            related["categories"].get(pk, []), terms.categories
        )
        groups, group_names = _named(related["groups"].get(pk, []), terms.groups)
        municipalities, municipality_names = _named(
            related["municipalities"].get(pk, []), terms.municipalities
        )
        age_min, age_max = _age_bounds(related["ages"].get(pk, []))
        body = " ".join(
            part
            for part in [
                get_text_for_indexing(row["description"] or ""),
                row["benefit"],
                row["eligibility_note"],
                row["cost_description"],
                *_stream_texts(row["application_steps"], "text"),
                *_stream_texts(row["required_documents"], "document"),
            ]
            if part
        )
        document = {
            "id": f"{KIND_SERVICE}-{pk}",
            "kind": KIND_SERVICE,
            "page_id": pk,
            "title": row["title"],
            "summary": row["summary"],
            "body": body,
            "url": _relative_url(row["url_path"], terms.roots),
            "organisation": organisation_display_name(organisation_page),
            "organisation_slug": _organisation_slug(organisation_page),
            "municipalities": municipalities,
            "municipality_names": municipality_names,
            "categories": categories,
            "category_names": category_names,
            "target_groups": groups,
            "target_group_names": group_names,
            "is_free": bool(row["is_free"]),
            "age_min": age_min,
            "age_max": age_max,
            "locations": [
                {"lat": float(lat), "lng": float(lng)}
                for lat, lng in related["locations"].get(pk, [])
            ],
            "keywords": _keywords(row["keywords"]),
            "status": row["status"],
            "last_checked_on": _iso(related["checks"].get(pk)),
        }
        yield document, row


def _organisation_slug(organisation_page) -> str:
    if organisation_page is None:
        return ""
    if organisation_page.organisation is not None:
        return organisation_page.organisation.slug
    return organisation_page.slug


def _organisation_documents(pages, aggregates, terms) -> Iterator[dict]:
    slug_order = {
        row["slug"]: index for index, row in enumerate(terms.categories.values())
    }
    names = {row["slug"]: row["name"] for row in terms.categories.values()}
    for page in pages:
        aggregate = aggregates.get(page.path) or _empty_aggregate()
        organisation = page.organisation
        ordered_municipalities = sorted(
            organisation.municipalities.all() if organisation else [],
            key=lambda m: m.name,
        )
        categories = sorted(
            aggregate["categories"], key=lambda slug: slug_order.get(slug, 0)
        )
        locations = list(page.locations.all())
        keywords = []
        if organisation is not None:
            keywords = [
                word
                for word in [organisation.short_name, *organisation.alias_list]
                if word
            ]
        body = " ".join(
            part
            for part in [
                get_text_for_indexing(page.description or ""),
                *(
                    f"{location.name} {location.street_address} {location.city}"
                    for location in locations
                ),
            ]
            if part.strip()
        )
        check = getattr(page, "kaart_check", None)
        yield {
            "id": f"{KIND_ORGANISATION}-{page.pk}",
            "kind": KIND_ORGANISATION,
            "page_id": page.pk,
            "title": page.title,
            "summary": page.summary,
            "body": body,
            "url": _relative_url(page.url_path, terms.roots),
            "organisation": organisation_display_name(page),
            "organisation_slug": _organisation_slug(page),
            "municipalities": [m.slug for m in ordered_municipalities],
            "municipality_names": [m.name for m in ordered_municipalities],
            "categories": categories,
            "category_names": [names[slug] for slug in categories],
            "target_groups": [],
            "target_group_names": [],
            "is_free": aggregate["count"] > 0 and aggregate["all_free"],
            "age_min": None,
            "age_max": None,
            "locations": [
                {"lat": float(location.latitude), "lng": float(location.longitude)}
                for location in locations
                if location.has_coordinates
            ],
            "keywords": keywords,
            "status": ServiceStatus.ACTIVE.value,
            "last_checked_on": _iso(check.checked_on) if check else None,
        }
