"""Vroegsignalering at scale (issue 13): the import of 10,000 signals through the
product's importer (rows per second) into a database that already holds 90,000, then
the queue and the figures page at 100,000 signals, each as a ratio to a service page of
the sociale kaart measured in the same run. Quick: 1,000 imported, 5,000 in all.

* ``vroeg_import_10k``: a CSV of 10,000 rows (quick: 1,000) in the creditors' format
  read by ``services.signals_import``, the service behind the upload page and
  ``manage.py signals_import``: checking, merging, routing, scoring, planning and the
  audit entry, in one transaction. About one row in six repeats an address (a second
  creditor, or the same creditor again), so merging and household totals are exercised.
  It runs after the bulk set is in, so its per-row look-ups meet a full table.
* The large set is bulk-created (``bulk_create`` in batches, as the services would
  leave it): twelve months of Assen's signals, about 1.25 signals per household,
  households older than five weeks closed (accepted, declined or no contact, with
  attempts), the recent ones open in every open state. Going through the importer
  would take minutes; building this takes seconds. Planner statistics are refreshed
  (``ANALYZE``) afterwards, as autovacuum would.
* Pages, with the queries each makes: the case worker's queue (Vaart Welzijn, the
  neighbourhood team that gets most of Assen's households), the regisseur's queue (the
  whole municipality), the regisseur's figures page; then a service page again, and the
  ratios ``vroeg_*_to_service_page`` (p50 and p95).
"""

from __future__ import annotations

import datetime
import random
import time
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

SIGNALS = 100_000
QUICK_SIGNALS = 5_000
IMPORT_ROWS = 10_000
QUICK_IMPORT_ROWS = 1_000
BATCH = 5_000
WORKER = "casus.vaart-welzijn"
REGISSEUR = "regisseur.assen"
MUNICIPALITY = "assen"
CREDITORS = [
    ("Actium", "huur"),
    ("Woonservice Drenthe", "huur"),
    ("Essent", "energie"),
    ("Vattenfall", "energie"),
    ("WMD Drinkwater", "water"),
    ("Zilveren Kruis", "zorgverzekering"),
    ("Menzis", "zorgverzekering"),
    ("BsGW", "gemeentebelasting"),
    ("Belastingdienst", "belastingdienst"),
]


def run(ctx) -> None:
    from vroegsignalering.models import Signal

    import_rows = QUICK_IMPORT_ROWS if ctx.quick else IMPORT_ROWS
    target = QUICK_SIGNALS if ctx.quick else SIGNALS
    started = time.monotonic()
    built = build_signals(target - import_rows - Signal.objects.count())
    _analyse()
    ctx.progress(
        f"vroegsignalering: {built:,} signals bulk-built in "
        f"{time.monotonic() - started:.1f} s"
    )
    _measure_import(ctx, import_rows)
    _measure_pages(ctx)


# --- Import -------------------------------------------------------------------------


def import_csv(rows: int, *, today: datetime.date, seed: int = 13) -> bytes:
    """``rows`` rows in the creditors' format, dated in the last 60 days. Postcodes
    94xx SA/SD/SS (letter pairs PostNL never issues), distinct from the bulk set's."""
    rng = random.Random(seed)  # noqa: S311
    lines = ["schuldeiser;soort;bedrag;maanden;postcode;huisnummer;kenmerk;datum"]
    addresses: list[tuple[str, str]] = []
    for number in range(rows):
        if addresses and rng.random() < 0.17:
            postcode, house = rng.choice(addresses)  # a second report at an address
        else:
            postcode = f"94{number // 300 % 100:02d} {('SA', 'SD', 'SS')[number % 3]}"
            house = f"{number % 300 + 1}{'A' if number % 7 == 0 else ''}"
            addresses.append((postcode, house))
        creditor, kind = rng.choice(CREDITORS)
        amount = Decimal(rng.randint(5_000, 400_000)) / 100
        day = today - datetime.timedelta(days=rng.randint(1, 60))
        lines.append(
            ";".join(
                [
                    creditor,
                    kind,
                    f"{amount:.2f}".replace(".", ","),
                    str(rng.randint(1, 6)),
                    postcode,
                    house,
                    f"{creditor[:3].upper()}-{rng.randint(10_000, 99_999)}",
                    day.strftime("%d-%m-%Y"),
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode()


def _measure_import(ctx, rows: int) -> None:
    from pact.models import Municipality
    from vroegsignalering import services
    from vroegsignalering.constants import ImportSource

    municipality = Municipality.objects.get(slug=MUNICIPALITY)
    today = timezone.localdate()
    data = import_csv(rows, today=today)
    started = time.perf_counter()
    batch = services.signals_import(
        data=data,
        municipality=municipality,
        actor=None,
        source=ImportSource.COMMAND,
        file_name="bench.csv",
        today=today,
    )
    seconds = time.perf_counter() - started
    ctx.emit(
        f"vroeg_import_{rows // 1000}k",
        rows=batch.rows,
        signals_new=batch.signals_new,
        signals_merged=batch.signals_merged,
        households_new=batch.households_new,
        seconds=round(seconds, 2),
        rows_per_second=round(batch.rows / seconds),
    )


# --- Bulk data ----------------------------------------------------------------------


def build_signals(count: int, *, seed: int = 20261207) -> int:
    """About ``count`` signals for Assen over twelve months, with their households and
    attempts, in bulk. Returns the number of signals made."""
    if count <= 0:
        return 0
    from pact.models import Municipality, Organisation
    from vroegsignalering.constants import ImportSource, NextStep, RoutingReason
    from vroegsignalering.models import Attempt, Household, ImportBatch, Signal

    rng = random.Random(seed)  # noqa: S311
    municipality = Municipality.objects.get(slug=MUNICIPALITY)
    partners = {
        slug: Organisation.objects.get(slug=slug)
        for slug in ("vaart-welzijn", "gkb", "wpda")
    }
    batch = ImportBatch.objects.create(
        municipality=municipality, source=ImportSource.COMMAND, file_name="bench-bulk"
    )
    now = timezone.now()
    today = timezone.localdate()
    open_since = today - datetime.timedelta(days=35)
    made = 0
    number = 0
    while made < count:
        households, signals_of, attempts_of = [], [], []
        while len(households) < BATCH and made < count:
            number += 1
            first = today - datetime.timedelta(days=rng.randint(1, 365))
            partner = rng.choices(["vaart-welzijn", "gkb", "wpda"], [8, 1, 1])[0]
            n_signals = min(count - made, rng.choices([1, 2, 3], [80, 16, 4])[0])
            made += n_signals
            signals = []
            for creditor, kind in rng.sample(CREDITORS, n_signals):
                amount = Decimal(rng.randint(5_000, 400_000)) / 100
                signals.append(
                    Signal(
                        uuid=uuid.uuid4(),
                        batch=batch,
                        creditor=creditor,
                        kind=kind,
                        creditor_reference=f"B-{number}",
                        amount=amount,
                        months_in_arrears=rng.randint(1, 6),
                        signalled_on=first,
                        last_signalled_on=first,
                    )
                )
            household = Household(
                uuid=uuid.uuid4(),
                municipality=municipality,
                postcode=f"{2000 + number // 1000}SA",
                house_number=str(number % 1000 + 1),
                organisation=partners[partner],
                routing_reason=(
                    RoutingReason.RULE
                    if partner == "vaart-welzijn"
                    else RoutingReason.KNOWN_CLIENT
                ),
                total_amount=sum((s.amount for s in signals), Decimal(0)),
                score=rng.randint(1, 45),
                score_reasons=[["amount", 3]],
                first_signal_on=first,
                last_signal_on=first,
                received_at=now - datetime.timedelta(days=(today - first).days),
                planned_step=rng.choices(
                    [NextStep.VISIT, NextStep.CALL, NextStep.LETTER], [1, 2, 12]
                )[0],
                planned_week=first - datetime.timedelta(days=first.weekday()),
            )
            attempts = _shape(household, rng, today=today, open_since=open_since)
            households.append(household)
            signals_of.append(signals)
            attempts_of.append(attempts)
        with transaction.atomic():
            Household.objects.bulk_create(households, batch_size=BATCH)
            # SQLite and PostgreSQL both return primary keys from bulk_create.
            all_signals, all_attempts = [], []
            for household, signals, attempts in zip(
                households, signals_of, attempts_of, strict=True
            ):
                for signal in signals:
                    signal.household = household
                    all_signals.append(signal)
                for attempt in attempts:
                    attempt.household = household
                    all_attempts.append(attempt)
            Signal.objects.bulk_create(all_signals, batch_size=BATCH)
            Attempt.objects.bulk_create(all_attempts, batch_size=BATCH)
    return made


def _shape(household, rng, *, today, open_since) -> list:
    """Give ``household`` a state the services could have left (open ones recent,
    older ones closed) and return its attempts (unsaved)."""
    from vroegsignalering.constants import (
        AttemptKind,
        DeclineReason,
        HouseholdStatus,
        NextStep,
    )
    from vroegsignalering.models import Attempt

    first = household.first_signal_on
    moment = timezone.make_aware(
        datetime.datetime.combine(first, datetime.time(10))
    ) + datetime.timedelta(days=3)
    planned = household.planned_step
    kind = {
        NextStep.VISIT: AttemptKind.VISIT,
        NextStep.CALL: AttemptKind.CALL,
        NextStep.LETTER: AttemptKind.LETTER,
    }[planned]
    attempts = []
    if first >= open_since:
        household.status = rng.choice(
            [
                HouseholdStatus.PLANNED,
                HouseholdStatus.LETTER_SENT,
                HouseholdStatus.IN_CONTACT,
            ]
        )
        household.next_step = {
            HouseholdStatus.PLANNED: planned,
            HouseholdStatus.LETTER_SENT: NextStep.FOLLOW_UP,
            HouseholdStatus.IN_CONTACT: NextStep.OUTCOME,
        }[household.status]
        household.due_on = first + datetime.timedelta(days=rng.randint(2, 40))
        if household.status != HouseholdStatus.PLANNED:
            contact = household.status == HouseholdStatus.IN_CONTACT
            attempts.append(
                Attempt(
                    uuid=uuid.uuid4(),
                    kind=kind,
                    contact_made=contact,
                    organisation=household.organisation,
                    made_at=moment,
                )
            )
            if contact:
                household.first_contact_at = moment
                household.first_contact_on = first + datetime.timedelta(days=3)
        return attempts
    outcome = rng.choices(
        [
            HouseholdStatus.ACCEPTED,
            HouseholdStatus.DECLINED,
            HouseholdStatus.NO_CONTACT,
        ],
        [19, 21, 60],
    )[0]
    contact = outcome != HouseholdStatus.NO_CONTACT
    attempts.append(
        Attempt(
            uuid=uuid.uuid4(),
            kind=kind,
            by_peer=rng.random() < 0.1,
            contact_made=contact,
            organisation=household.organisation,
            made_at=moment,
        )
    )
    household.status = outcome
    household.next_step = NextStep.NONE
    household.due_on = None
    household.closed_at = moment + datetime.timedelta(days=rng.randint(1, 20))
    household.updated_at = household.closed_at
    if contact:
        household.first_contact_at = moment
        household.first_contact_on = first + datetime.timedelta(days=3)
    if outcome == HouseholdStatus.DECLINED:
        household.decline_reason = rng.choice(list(DeclineReason))
    return attempts


def _analyse() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- Measurements -------------------------------------------------------------------


def _client(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _service_url() -> str:
    from socialekaart.models import ServicePage

    page = ServicePage.objects.live().order_by("pk").first()
    url = page.get_url() if page else None
    if not url:
        raise AssertionError("no live service page to compare with (seed_demo)")
    return url


def _measure_pages(ctx) -> None:
    from vroegsignalering.models import Household, Signal

    figures = {
        "signals": Signal.objects.count(),
        "households": Household.objects.count(),
        "open_households": Household.objects.filter(closed_at__isnull=True).count(),
    }
    worker, regisseur = _client(WORKER), _client(REGISSEUR)
    service_url = _service_url()
    n = 200
    service = ctx.measure("vroeg_service_page", ctx.get(service_url), n=n, **figures)
    pages = {
        "worker_queue": ctx.measure(
            "vroeg_worker_queue",
            ctx.get("/vroegsignalering/", client=worker),
            n=n,
            **figures,
        ),
        "regisseur_queue": ctx.measure(
            "vroeg_regisseur_queue",
            ctx.get("/vroegsignalering/", client=regisseur),
            n=n,
            **figures,
        ),
        "figures": ctx.measure(
            "vroeg_figures_page",
            ctx.get("/vroegsignalering/cijfers/", client=regisseur),
            n=n // 2,
            **figures,
        ),
    }
    again = ctx.measure(
        "vroeg_service_page_again", ctx.get(service_url), n=n, **figures
    )
    service_p50 = (service["p50_ms"] + again["p50_ms"]) / 2
    service_p95 = (service["p95_ms"] + again["p95_ms"]) / 2
    for name, timing in pages.items():
        ctx.emit(
            f"vroeg_{name}_to_service_page",
            signals=figures["signals"],
            p50_ms=timing["p50_ms"],
            p95_ms=timing["p95_ms"],
            service_page_p50_ms=round(service_p50, 3),
            service_page_p95_ms=round(service_p95, 3),
            ratio_p50=round(timing["p50_ms"] / service_p50, 1),
            ratio_p95=round(timing["p95_ms"] / service_p95, 1),
            queries=timing["queries"],
            target="ratio_p95 <= 10",
        )
