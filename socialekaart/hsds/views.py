"""The read-only HSDS 3.0 API under ``/api/hsds/`` (thin: selectors read, ``mapping``
shapes). Anonymous, the same answer for everyone (never professional notes), in Dutch,
cacheable (``Cache-Control: public``, ``ETag``), open to other sites (CORS ``*``).

Lists answer the HSDS page shape; ``format=ndjson`` streams every result, one JSON
object per line, without pages. Bad parameters answer 400 with every problem at once
(``application/problem+json``); unknown or non-public ids answer 404.
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from socialekaart.hsds import mapping
from socialekaart.hsds import selectors as hs
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.params import Params
from socialekaart.hsds.schema import HSDS_VERSION, OPENAPI_URL

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PER_PAGE_FULL = 100
MAX_PER_PAGE_MINIMAL = 50_000
MAX_PAGE = 100_000
CACHE_SECONDS = 300
NDJSON_BATCH = 200
PAGING = {"page", "per_page", "format"}


# --- Responses ------------------------------------------------------------------------


R = TypeVar("R", bound=HttpResponseBase)


def _headers(response: R) -> R:
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def json_response(request, data, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    content_type = "application/json; charset=utf-8"
    if status != 200:
        content_type = "application/problem+json; charset=utf-8"
    response = HttpResponse(body, status=status, content_type=content_type)
    if status == 200:
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        response["ETag"] = etag
        conditional = get_conditional_response(request, etag=etag, response=response)
        if conditional is not None and conditional is not response:
            return _headers(conditional)
    return _headers(response)


def problem(request, status: int, title: str, detail: str, errors=()) -> HttpResponse:
    data = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if errors:
        data["errors"] = list(errors)
    response = json_response(request, data, status=status)
    response["Cache-Control"] = "no-cache"
    return response


def bad_parameters(request, params: Params) -> HttpResponse:
    return problem(
        request,
        400,
        _("Ongeldige parameters"),
        " ".join(f"{e['parameter']}: {e['message']}" for e in params.errors),
        params.errors,
    )


def not_found(request, kind: str) -> HttpResponse:
    return problem(
        request,
        404,
        _("Niet gevonden"),
        _("Er is geen openbaar gepubliceerde %(kind)s met deze id.") % {"kind": kind},
    )


def api(view: Callable) -> Callable:
    """GET/HEAD only, answered in Dutch (the data is Dutch; one answer per address)."""

    @require_safe
    def wrapper(request, *args, **kwargs):
        with translation.override("nl"):
            return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


# --- Paging ---------------------------------------------------------------------------


def page_of(
    params: Params, items, *, max_per_page: int = MAX_PER_PAGE, default: int = 0
) -> tuple[list, dict]:
    """Slice ``items`` (a queryset or list) into the requested page; returns the items
    and the HSDS page fields (without ``contents``)."""
    per_page = params.integer(
        "per_page",
        default=default or min(DEFAULT_PER_PAGE, max_per_page),
        minimum=1,
        maximum=max_per_page,
    )
    number = params.integer("page", default=1, minimum=1, maximum=MAX_PAGE)
    if params.errors:
        return [], {}
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    total = paginator.count
    total_pages = math.ceil(total / per_page) if total else 0
    start = (number - 1) * per_page
    rows = _slice(items, start, per_page) if start < total else []
    return rows, {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(rows),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not rows,
    }


def _slice(items, start: int, size: int) -> list:
    """One page of ``items``. Querysets of models are paged on their primary keys
    first, then the rows (with their prefetches) are read by key: sorting narrow rows
    is what keeps deep pages of 10,000 services fast."""
    if not isinstance(items, QuerySet) or items._fields:  # type: ignore[attr-defined]
        return list(items[start : start + size])
    keys = list(items.values_list("pk", flat=True)[start : start + size])
    found = {row.pk: row for row in items.filter(pk__in=keys)}
    return [found[key] for key in keys if key in found]


def ndjson(request, batches: Iterable[list[dict]]) -> StreamingHttpResponse:
    def lines() -> Iterator[bytes]:
        with translation.override("nl"):
            for batch in batches:
                for item in batch:
                    yield json.dumps(item, ensure_ascii=False).encode() + b"\n"

    response = StreamingHttpResponse(
        lines(), content_type="application/x-ndjson; charset=utf-8"
    )
    return _headers(response)


def batched(items, size: int = NDJSON_BATCH) -> Iterator[list]:
    paginator = Paginator(items, size)
    for number in paginator.page_range:
        yield list(paginator.page(number).object_list)


# --- Root -----------------------------------------------------------------------------


@api
def root(request):
    """What this API is and how it relates to HSDS."""
    base = mapping.Site.current().base_url
    return json_response(
        request,
        {
            "version": HSDS_VERSION,
            "openapi_url": OPENAPI_URL,
            "title": _("Sociale kaart armoedepact: HSDS 3.0"),
            "description": _(
                "Hulpaanbod en organisaties van de sociale kaart, volgens Open "
                "Referral HSDS 3.0. Voorwaarden waarvoor HSDS geen veld heeft staan in "
                "attributes, met de taxonomie 'Voorwaarden en kenmerken (NL)'."
            ),
            "services_url": f"{base}/api/hsds/services",
            "organizations_url": f"{base}/api/hsds/organizations",
            "taxonomies_url": f"{base}/api/hsds/taxonomies",
            "taxonomy_terms_url": f"{base}/api/hsds/taxonomy_terms",
            "service_at_locations_url": f"{base}/api/hsds/service_at_locations",
        },
    )


# --- Services -------------------------------------------------------------------------

SERVICE_FILTERS = {
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "municipality",
}


def _municipality(params: Params):
    from pact.models import Municipality

    value = params.text("municipality", max_length=100)
    if not value:
        return None
    found = Municipality.objects.filter(slug=value.lower()).first() or (
        Municipality.objects.filter(cbs_code=value.upper()).first()
    )
    if found is None:
        params.error(
            "municipality",
            _(
                "Onbekende gemeente '%(value)s'. Geef de korte naam (assen) of de "
                "CBS-code (GM0106)."
            )
            % {"value": value[:40]},
        )
    return found


def _service_filters(params: Params) -> dict:
    return {
        "search": params.text("search"),
        "taxonomy_term_id": params.uuid("taxonomy_term_id"),
        "taxonomy_id": params.uuid("taxonomy_id"),
        "organization_id": params.uuid("organization_id"),
        "modified_after": params.datetime("modified_after"),
        "municipality": _municipality(params),
    }


MINIMAL_FIELDS = ("uuid", "title", "status", "last_published_at", "parent_path")


def services_minimal(rows: list[dict]) -> list[dict]:
    """``minimal=true`` rows (dicts of ``MINIMAL_FIELDS``); one query for the
    organisations' publication times."""
    from socialekaart.models import OrganisationPage

    published = dict(
        OrganisationPage.objects.filter(
            path__in={row["parent_path"] for row in rows}
        ).values_list("path", "last_published_at")
    )
    return [
        mapping.minimal_values(
            uuid=row["uuid"],
            title=row["title"],
            status=row["status"],
            stamps=(row["last_published_at"], published.get(row["parent_path"])),
        )
        for row in rows
    ]


def services_mapped(services: list, *, shape: str, site) -> list[dict]:
    """Map a page of services (loads their relations and organisation pages)."""
    if shape == "minimal":
        return services_minimal(services)
    organisations = hs.organisation_pages_by_path(services)

    def organisation_of(service):
        return organisations.get(service.path[: -hs.STEPLEN])

    if shape == "full":
        return [mapping.service_full(s, organisation_of(s), site) for s in services]
    return [mapping.service_basic(s, organisation_of(s), site) for s in services]


@api
def service_list(request):
    """``/services``: services with one-to-one fields (``full``: fully nested;
    ``minimal``: id, name, status and last_modified, all in one page)."""
    params = Params(request, PAGING | SERVICE_FILTERS | {"minimal", "full"})
    filters = _service_filters(params)
    minimal, full = params.boolean("minimal"), params.boolean("full")
    output = params.format()
    if minimal and full:
        params.error("minimal", _("Kies minimal of full, niet allebei."))
    if params.errors:
        return bad_parameters(request, params)
    queryset = hs.ordered(hs.filter_services(hs.public_services(), **filters))
    shape = "minimal" if minimal else "full" if full else "basic"
    if shape == "minimal":
        # Narrow rows, no model instances: every service in one page stays cheap.
        queryset = queryset.values(*MINIMAL_FIELDS)
    else:
        queryset = hs.with_service_relations(queryset, full=shape == "full")
    site = mapping.Site.current()
    if output == "ndjson":
        return ndjson(
            request,
            (
                services_mapped(batch, shape=shape, site=site)
                for batch in batched(queryset)
            ),
        )
    limits = {
        "minimal": (MAX_PER_PAGE_MINIMAL, MAX_PER_PAGE_MINIMAL),
        "full": (MAX_PER_PAGE_FULL, DEFAULT_PER_PAGE),
        "basic": (MAX_PER_PAGE, DEFAULT_PER_PAGE),
    }[shape]
    rows, page = page_of(params, queryset, max_per_page=limits[0], default=limits[1])
    if params.errors:
        return bad_parameters(request, params)
    page["contents"] = services_mapped(rows, shape=shape, site=site)
    return json_response(request, page)


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@api
def service_detail(request, id: str):  # noqa: A002 (the HSDS name)
    """``/services/{id}``: one fully nested service."""
    params = Params(request, set())
    if params.errors:
        return bad_parameters(request, params)
    key = _uuid_or_none(id)
    service = (
        hs.with_service_relations(hs.public_services().filter(uuid=key)).first()
        if key
        else None
    )
    if service is None:
        return not_found(request, _("dienst"))
    site = mapping.Site.current()
    return json_response(
        request, services_mapped([service], shape="full", site=site)[0]
    )


# --- Organisations --------------------------------------------------------------------


def organisations_mapped(pages: list, *, full: bool, full_service: bool, site) -> list:
    if not full:
        return [mapping.organization_basic(page, site) for page in pages]
    services = list(hs.ordered(hs.services_of_organisations(pages)))
    if full_service:
        services = list(
            hs.with_service_relations(hs.ordered(hs.services_of_organisations(pages)))
        )
    by_parent: dict[str, list] = {}
    for service in services:
        by_parent.setdefault(service.path[: -hs.STEPLEN], []).append(service)
    result = []
    for page in pages:
        own = by_parent.get(page.path, [])
        if full_service:
            nested = [
                mapping.service_full(service, page, site, organization=False)
                for service in own
            ]
        else:
            nested = [mapping.service_minimal(service, page) for service in own]
        result.append(mapping.organization_full(page, site, services=nested))
    return result


def _organisation_queryset(search: str):
    queryset = hs.public_organisation_pages()
    for word in search.split():
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(organisation__short_name__icontains=word)
        )
    return queryset.order_by("title", "pk")


@api
def organization_list(request):
    """``/organizations``: organisations with one-to-one fields (``full``: fully
    nested, with their services; ``full_service``: those services fully nested)."""
    params = Params(request, PAGING | {"search", "full", "full_service"})
    search = params.text("search")
    full, full_service = params.boolean("full"), params.boolean("full_service")
    output = params.format()
    if params.errors:
        return bad_parameters(request, params)
    full = full or full_service
    queryset = _organisation_queryset(search)
    if full:
        queryset = hs.with_organisation_relations(queryset)
    else:
        queryset = queryset.select_related("organisation")
    site = mapping.Site.current()
    if output == "ndjson":
        return ndjson(
            request,
            (
                organisations_mapped(
                    batch, full=full, full_service=full_service, site=site
                )
                for batch in batched(queryset, 50)
            ),
        )
    rows, page = page_of(
        params, queryset, max_per_page=MAX_PER_PAGE_FULL if full else MAX_PER_PAGE
    )
    if params.errors:
        return bad_parameters(request, params)
    page["contents"] = organisations_mapped(
        rows, full=full, full_service=full_service, site=site
    )
    return json_response(request, page)


@api
def organization_detail(request, id: str):  # noqa: A002
    """``/organizations/{id}``: one fully nested organisation; its services carry id,
    name, status and last_modified (``full_service=true``: fully nested)."""
    params = Params(request, {"full_service"})
    full_service = params.boolean("full_service")
    if params.errors:
        return bad_parameters(request, params)
    key = _uuid_or_none(id)
    page = (
        hs.with_organisation_relations(
            hs.public_organisation_pages().filter(uuid=key)
        ).first()
        if key
        else None
    )
    if page is None:
        return not_found(request, _("organisatie"))
    site = mapping.Site.current()
    data = organisations_mapped([page], full=True, full_service=full_service, site=site)
    return json_response(request, data[0])


# --- Taxonomies -----------------------------------------------------------------------


def _matches(item: dict, search: str) -> bool:
    text = " ".join(str(item.get(key, "")) for key in ("name", "description", "code"))
    return all(word.lower() in text.lower() for word in search.split())


def _paged_list(
    request, params: Params, items: list[dict]
) -> HttpResponse | StreamingHttpResponse:
    output = params.format()
    if params.errors:
        return bad_parameters(request, params)
    if output == "ndjson":
        return ndjson(request, [items])
    rows, page = page_of(params, items)
    if params.errors:
        return bad_parameters(request, params)
    page["contents"] = rows
    return json_response(request, page)


@api
def taxonomy_list(request):
    """``/taxonomies``: the three taxonomies we publish."""
    params = Params(request, PAGING | {"search"})
    search = params.text("search")
    items = [t.as_hsds() for t in v.TAXONOMIES if _matches(t.as_hsds(), search)]
    return _paged_list(request, params, items)


@api
def taxonomy_detail(request, id: str):  # noqa: A002
    params = Params(request, set())
    if params.errors:
        return bad_parameters(request, params)
    for taxonomy in v.TAXONOMIES:
        if taxonomy.id == id.lower():
            return json_response(request, taxonomy.as_hsds())
    return not_found(request, _("taxonomie"))


@api
def taxonomy_term_list(request):
    """``/taxonomy_terms``: terms of all our taxonomies (``taxonomy_id``, ``parent_id``
    and ``top_only`` narrow them; ``top_only``: terms without a parent)."""
    params = Params(
        request, PAGING | {"search", "taxonomy_id", "top_only", "parent_id"}
    )
    search = params.text("search")
    taxonomy_id = params.uuid("taxonomy_id")
    parent_id = params.uuid("parent_id")
    top_only = params.boolean("top_only")
    items = [
        term
        for term in hs.all_terms()
        if _matches(term, search)
        and (taxonomy_id is None or term["taxonomy_id"] == str(taxonomy_id))
        and (parent_id is None or term.get("parent_id") == str(parent_id))
        and (not top_only or "parent_id" not in term)
    ]
    return _paged_list(request, params, items)


@api
def taxonomy_term_detail(request, id: str):  # noqa: A002
    params = Params(request, set())
    if params.errors:
        return bad_parameters(request, params)
    for term in hs.all_terms():
        if term["id"] == id.lower():
            return json_response(request, term)
    return not_found(request, _("term"))


# --- Services at locations ------------------------------------------------------------


def _pairs(services_queryset):
    from socialekaart.models import ServicePage

    through = ServicePage.locations.through
    return through.objects.filter(servicepage__in=services_queryset.values("pk"))


def sal_mapped(pairs: list, *, full: bool, site) -> list[dict]:
    ids = {pair.servicepage_id for pair in pairs}
    services = {
        s.pk: s
        for s in hs.with_service_relations(hs.public_services().filter(pk__in=ids))
    }
    organisations = hs.organisation_pages_by_path(services.values())
    result = []
    for pair in pairs:
        service = services.get(pair.servicepage_id)
        if service is None:
            continue
        organisation_page = organisations.get(service.path[: -hs.STEPLEN])
        location = next(
            (loc for loc in service.locations.all() if loc.pk == pair.location_id), None
        )
        if location is None:
            continue
        item = {
            "id": v.derived_id(service.uuid, f"location:{location.uuid}"),
            "service_id": str(service.uuid),
            "location_id": str(location.uuid),
            "location": mapping.location_full(location, organisation_page),
        }
        if full:
            item["service"] = mapping.service_full(service, organisation_page, site)
        else:
            item["service"] = mapping.service_basic(service, organisation_page, site)
        result.append(item)
    return result


@api
def service_at_location_list(request):
    """``/service_at_locations``: one entry per service per location."""
    params = Params(
        request,
        PAGING | SERVICE_FILTERS | {"full", "postcode", "proximity"},
    )
    filters = _service_filters(params)
    full = params.boolean("full")
    output = params.format()
    for name in ("postcode", "proximity"):
        if params.raw(name):
            params.error(
                name,
                _(
                    "Zoeken op afstand wordt hier niet ondersteund; gebruik "
                    "municipality (gemeente) of de zoekpagina /zoeken/."
                ),
            )
    if params.errors:
        return bad_parameters(request, params)
    services = hs.filter_services(hs.public_services(), **filters)
    pairs = _pairs(services).order_by(
        "servicepage__title", "servicepage_id", "location_id"
    )
    site = mapping.Site.current()
    if output == "ndjson":
        return ndjson(
            request,
            (sal_mapped(batch, full=full, site=site) for batch in batched(pairs)),
        )
    rows, page = page_of(
        params, pairs, max_per_page=MAX_PER_PAGE_FULL if full else MAX_PER_PAGE
    )
    if params.errors:
        return bad_parameters(request, params)
    page["contents"] = sal_mapped(rows, full=full, site=site)
    return json_response(request, page)


@api
def service_at_location_detail(request, id: str):  # noqa: A002
    """``/service_at_locations/{id}``: found by recomputing the derived ids of the
    public pairs (one query over the link table)."""
    params = Params(request, set())
    if params.errors:
        return bad_parameters(request, params)
    key = _uuid_or_none(id)
    wanted = str(key) if key else None
    pairs = _pairs(hs.public_services()).values_list(
        "pk", "servicepage__uuid", "location__uuid"
    )
    for pk, service_uuid, location_uuid in pairs:
        if v.derived_id(service_uuid, f"location:{location_uuid}") == wanted:
            pair = _pairs(hs.public_services()).get(pk=pk)
            site = mapping.Site.current()
            return json_response(request, sal_mapped([pair], full=True, site=site)[0])
    return not_found(request, _("dienst op locatie"))
