"""``/services`` and ``/services/<id>``."""

from __future__ import annotations

import uuid

from django.utils.translation import gettext as _

from pact.models import Municipality
from socialekaart.hsds import mapping
from socialekaart.hsds import selectors as hs
from socialekaart.hsds.params import Params
from socialekaart.hsds.views.common import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    MAX_PER_PAGE_FULL,
    MAX_PER_PAGE_MINIMAL,
    PAGING,
    api,
    bad_parameters,
    batched,
    json_response,
    ndjson,
    not_found,
    page_of,
)
from socialekaart.models import OrganisationPage

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
