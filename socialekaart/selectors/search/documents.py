"""The two reads of the search contract: every document (in batches), or one page's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from wagtail.models import Page

from socialekaart.constants import ServiceStatus
from socialekaart.models import OrganisationPage, ServicePage
from socialekaart.selectors.pages import STEPLEN
from socialekaart.selectors.search.building import (
    _aggregate,
    _empty_aggregate,
    _organisation_documents,
    _service_documents,
)
from socialekaart.selectors.search.reading import (
    SERVICE_FIELDS,
    _is_private,
    _organisation_pages,
    _Terms,
)

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
