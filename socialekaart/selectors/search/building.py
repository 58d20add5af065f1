"""Search documents built from the rows ``reading`` returns: one per service, one per
organisation (with what its services add up to)."""

from __future__ import annotations

from collections.abc import Iterator

from wagtail.rich_text import get_text_for_indexing

from socialekaart.constants import ServiceStatus
from socialekaart.selectors.pages import STEPLEN, organisation_display_name
from socialekaart.selectors.search.reading import _related

KIND_SERVICE = "service"

KIND_ORGANISATION = "organisation"


def _relative_url(url_path: str, roots: list[tuple[str, str]]) -> str:
    for root_path, _site in roots:
        if url_path.startswith(root_path):
            return "/" + url_path[len(root_path) :]
    return url_path


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
