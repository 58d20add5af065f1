"""``/service_at_locations`` and ``/service_at_locations/<id>``."""

from __future__ import annotations

from django.utils.translation import gettext as _

from socialekaart.hsds import mapping
from socialekaart.hsds import selectors as hs
from socialekaart.hsds import vocabulary as v
from socialekaart.hsds.params import Params
from socialekaart.hsds.views.common import (
    MAX_PER_PAGE,
    MAX_PER_PAGE_FULL,
    PAGING,
    api,
    bad_parameters,
    batched,
    json_response,
    ndjson,
    not_found,
    page_of,
)
from socialekaart.hsds.views.services import (
    SERVICE_FILTERS,
    _service_filters,
    _uuid_or_none,
)
from socialekaart.models import ServicePage

# --- Services at locations ------------------------------------------------------------


def _pairs(services_queryset):
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
