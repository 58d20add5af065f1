"""Sociale kaart: service page, category page (plain and filtered), "Wat past bij mij?"
(and its p95 against a service page's, target at most 3x) and the search-document export
with 10,000 services in the database; then the load scenarios of ``benchmarks/load.py``
through the production server (gunicorn, decision 0070) started here.

Building 10,000 pages through Wagtail's ``add_child`` takes minutes (one treebeard
insert, one revision and one search-index update per page). Here the pages are built
the way treebeard stores them: materialised paths computed up front
(``Page._get_path(parent.path, depth, n)``), the ``wagtailcore_page`` rows with one
``bulk_create``, the ``ServicePage`` rows with one ``executemany`` of their own columns
(Django refuses ``bulk_create`` for multi-table inheritance), then the many-to-many rows,
eligibility rules and freshness checks with ``bulk_create``, and the parent's
``numchild`` set once. About 5 seconds for 10,000 services on SQLite.

Hook for the HSDS list: a module ``socialekaart.hsds.bench`` with
``run(ctx, data: BenchData)`` is called, when it exists, with the same data set.
"""

from __future__ import annotations

import importlib
import random
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page

SERVICES = 10_000
QUICK_SERVICES = 1_000
CONNECTIONS = 64


@dataclass
class BenchData:
    count: int
    organisation_page: object
    service_ids: list[int] = field(default_factory=list)
    service_urls: list[str] = field(default_factory=list)


def run(ctx) -> None:
    count = QUICK_SERVICES if ctx.quick else SERVICES
    started = time.monotonic()
    data = build_services(count)
    ctx.progress(
        f"sociale kaart: {count} services built in {time.monotonic() - started:.1f} s"
    )
    figures = {"services": count}
    service_url = data.service_urls[len(data.service_urls) // 2]
    ctx.measure("kaart_service_page", ctx.get(service_url), n=300, **figures)
    ctx.measure(
        "kaart_category_page", ctx.get("/categorie/geld-en-schulden/"), n=200, **figures
    )
    ctx.measure(
        "kaart_category_page_filtered",
        ctx.get(
            "/categorie/geld-en-schulden/?gemeente=assen&leeftijd=10&kosten=gratis"
        ),
        n=200,
        **figures,
    )
    ctx.measure(
        "kaart_all_services_page_5", ctx.get("/hulp/?pagina=5"), n=200, **figures
    )
    service_page = ctx.measure(
        "kaart_service_page_again", ctx.get(service_url), n=40, **figures
    )
    what_fits = ctx.measure("kaart_what_fits_me", _what_fits_me(), n=20, **figures)
    ctx.emit(
        "kaart_what_fits_me_to_service_page",
        services=count,
        what_fits_me_p95_ms=what_fits["p95_ms"],
        service_page_p95_ms=service_page["p95_ms"],
        ratio_p95=round(what_fits["p95_ms"] / service_page["p95_ms"], 1),
        target="ratio_p95 <= 3",
    )
    _measure_search_documents(ctx, count)
    hsds = _optional_module("socialekaart.hsds.bench")
    if hsds is not None:
        hsds.run(ctx, data)
    ctx.progress("sociale kaart: load through the production server")
    from benchmarks import load

    load.run_scenarios(ctx, data.service_urls, figures)


# --- Data ---------------------------------------------------------------------------------


def build_services(count: int) -> BenchData:
    """``count`` live services under one new organisation page, in bulk."""
    from pact.models import Municipality, Organisation
    from socialekaart import services
    from socialekaart.constants import AgeSubject, HouseholdType
    from socialekaart.models import (
        Category,
        EligibilityRule,
        Location,
        PageCheck,
        ServicePage,
        TargetGroup,
    )

    rng = random.Random(20261122)  # noqa: S311
    index = services.kaart_structure_ensure()
    organisation = Organisation.objects.filter(slug="gkb").first()
    parent = services.organisation_page_create(
        parent=index,
        organisation=organisation,
        title="Benchmark organisatie",
        slug=f"benchmark-{uuid.uuid4().hex[:8]}",
        summary="Een organisatie met heel veel hulpaanbod, voor de benchmark.",
        locations=[
            {
                "name": "Benchmark locatie",
                "city": "Assen",
                "latitude": Decimal("52.99"),
                "longitude": Decimal("6.56"),
            }
        ],
    )
    location = Location.objects.get(page=parent)
    categories = list(Category.objects.all())
    groups = list(TargetGroup.objects.all())
    municipalities = list(Municipality.objects.all())
    locale = Locale.get_default()
    content_type_id = ContentType.objects.get_for_model(ServicePage).pk
    now = timezone.now()
    depth = parent.depth + 1
    with transaction.atomic():
        pages = []
        for number in range(1, count + 1):
            slug = f"hulp-{number}"
            pages.append(
                Page(
                    title=f"Benchmarkhulp {number}",
                    draft_title=f"Benchmarkhulp {number}",
                    slug=slug,
                    content_type_id=content_type_id,
                    path=Page._get_path(parent.path, depth, number),
                    depth=depth,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
        created = Page.objects.bulk_create(pages, batch_size=1000)
        ids = [page.pk for page in created]
        if any(pk is None for pk in ids):  # databases without RETURNING
            ids = list(
                Page.objects.filter(path__in=[p.path for p in pages])
                .order_by("path")
                .values_list("pk", flat=True)
            )
        _insert_service_rows(ServicePage, ids, rng)
        through = ServicePage.categories.through
        through.objects.bulk_create(
            [
                through(
                    servicepage_id=pk, category_id=categories[i % len(categories)].pk
                )
                for i, pk in enumerate(ids)
            ],
            batch_size=2000,
        )
        through = ServicePage.target_groups.through
        through.objects.bulk_create(
            [
                through(servicepage_id=pk, targetgroup_id=rng.choice(groups).pk)
                for pk in ids
            ],
            batch_size=2000,
        )
        through = ServicePage.municipalities.through
        through.objects.bulk_create(
            [
                through(servicepage_id=pk, municipality_id=municipality.pk)
                for pk in ids
                for municipality in rng.sample(
                    municipalities, rng.randint(1, len(municipalities))
                )
            ],
            batch_size=2000,
        )
        through = ServicePage.locations.through
        through.objects.bulk_create(
            [through(servicepage_id=pk, location_id=location.pk) for pk in ids],
            batch_size=2000,
        )
        rules = []
        for pk in ids:
            kind = rng.random()
            if kind < 0.4:
                rules.append(
                    EligibilityRule(
                        page_id=pk,
                        income_limit_percent=rng.choice([100, 120, 130, 140]),
                    )
                )
            elif kind < 0.7:
                rules.append(
                    EligibilityRule(
                        page_id=pk,
                        income_limit_percent=rng.choice([120, 130]),
                        age_subject=AgeSubject.CHILD,
                        min_age=rng.choice([0, 4]),
                        max_age=17,
                        household_types=[
                            HouseholdType.SINGLE_PARENT,
                            HouseholdType.COUPLE_WITH_CHILDREN,
                        ],
                    )
                )
        EligibilityRule.objects.bulk_create(rules, batch_size=2000)
        PageCheck.objects.bulk_create(
            [PageCheck(page_id=pk, checked_on=now.date()) for pk in ids],
            batch_size=2000,
        )
        Page.objects.filter(pk=parent.pk).update(numchild=count)
    urls = [f"{parent.url_path}hulp-{n}/" for n in range(1, count + 1)]
    root = index.get_parent().url_path
    return BenchData(
        count=count,
        organisation_page=parent,
        service_ids=ids,
        service_urls=["/" + url[len(root) :] for url in urls],
    )


def _insert_service_rows(model, ids, rng) -> None:
    """One ``executemany`` for the ServicePage table's own columns."""
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    rows = []
    for number, pk in enumerate(ids, 1):
        instance = model(
            page_ptr_id=pk,
            summary=f"Hulp nummer {number}: een korte uitleg in eenvoudige taal.",
            description="<p>Dit is benchmarkhulp. Bel ons voor een afspraak.</p>",
            benefit="Een bijdrage in de kosten.",
            is_free=rng.random() < 0.8,
            cost_description="",
            application_steps=[
                ("step", {"text": "Bel ons."}),
                ("step", {"text": "Kom langs."}),
            ],
            required_documents=[
                ("document", {"document": "Uw identiteitsbewijs", "note": ""})
            ],
            keywords="benchmark, hulp",
            phone="0592-000 999",
        )
        rows.append(
            [
                f.get_db_prep_save(getattr(instance, f.attname), connection)
                for f in fields
            ]
        )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 1000):
            cursor.executemany(sql, rows[start : start + 1000])


# --- Measurements -----------------------------------------------------------------------------


def _what_fits_me():
    client = Client()
    form = {
        "gemeente": "assen",
        "huishouden": "single_parent",
        "inkomen": "1400",
        "kinderen": "7, 12",
    }

    def call():
        response = client.post("/wat-past-bij-mij/", form)
        if response.status_code != 200:
            raise AssertionError(
                f"POST /wat-past-bij-mij/ answered {response.status_code}"
            )

    return call


def _measure_search_documents(ctx, count: int) -> None:
    from socialekaart.selectors import search_documents

    started = time.perf_counter()
    documents = sum(1 for _document in search_documents())
    seconds = time.perf_counter() - started
    ctx.emit(
        "kaart_search_documents",
        services=count,
        documents=documents,
        seconds=round(seconds, 2),
        documents_per_second=round(documents / seconds),
    )


def _optional_module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None
