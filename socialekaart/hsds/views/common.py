"""What every HSDS endpoint shares: limits, responses, paging, the root."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from socialekaart.hsds import mapping
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
