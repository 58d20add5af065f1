"""HSDS 3.0 API and export with 10,000 services in the database.

The services are built with the sociale kaart's bulk builder
(``benchmarks.scenarios.socialekaart.build_services``: materialised paths and bulk
inserts, about 5 s for 10,000 on SQLite), inside a transaction that is rolled back at
the end, so the sociale kaart's own scenario (run after this one) still sees the demo
data only.

Figures: a page of 50 services (one-to-one fields, and fully nested), a service detail,
the minimal list of every service in one page, each as a ratio to the bare view; then
export throughput (services per second of ``export_hsds``'s package, including the
JSON encoding).
"""

from __future__ import annotations

import json
import time

from django.db import transaction

QUICK_SERVICES = 1_000
SERVICES = 10_000


def run(ctx) -> None:
    from benchmarks.scenarios.socialekaart import build_services

    count = QUICK_SERVICES if ctx.quick else SERVICES
    with transaction.atomic():
        started = time.monotonic()
        data = build_services(count)
        ctx.progress(
            f"hsds: {count} services built in {time.monotonic() - started:.1f} s"
        )
        _measure(ctx, data, count)
        transaction.set_rollback(True)


def _measure(ctx, data, count: int) -> None:
    from socialekaart.hsds import exporting
    from socialekaart.models import ServicePage

    figures = {"services": count}
    middle = data.service_ids[len(data.service_ids) // 2]
    service_uuid = ServicePage.objects.filter(pk=middle).values_list("uuid", flat=True)[
        0
    ]
    page = max(1, count // 50 // 2)
    ctx.measure(
        "hsds_service_list_50",
        ctx.get(f"/api/hsds/services?per_page=50&page={page}"),
        n=100,
        **figures,
    )
    ctx.measure(
        "hsds_service_list_50_full",
        ctx.get(f"/api/hsds/services?per_page=50&page={page}&full=true"),
        n=50,
        **figures,
    )
    ctx.measure(
        "hsds_service_detail",
        ctx.get(f"/api/hsds/services/{service_uuid}"),
        n=200,
        **figures,
    )
    ctx.measure(
        "hsds_service_list_minimal_all",
        ctx.get(f"/api/hsds/services?minimal=true&per_page={count + 100}"),
        n=10,
        **figures,
    )
    rounds = 1 if ctx.quick else 2
    best = None
    for _round in range(rounds):
        started = time.monotonic()
        package = exporting.organization_package()
        body = json.dumps(package, ensure_ascii=False)
        elapsed = time.monotonic() - started
        best = elapsed if best is None else min(best, elapsed)
    exported = sum(len(o["services"]) for o in package)
    ctx.emit(
        "hsds_export_throughput",
        services=exported,
        seconds=round(best, 2),
        services_per_second=round(exported / best),
        megabytes=round(len(body.encode()) / 1_000_000, 1),
    )
