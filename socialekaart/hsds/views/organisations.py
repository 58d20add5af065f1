"""``/organizations`` and ``/organizations/<id>``."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from socialekaart.hsds import mapping
from socialekaart.hsds import selectors as hs
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
    _uuid_or_none,
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
