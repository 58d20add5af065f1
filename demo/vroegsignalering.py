"""Demo data of vroegsignalering: a month of synthetic signals for Assen and Aa en
Hunze, read through the importer, then worked into every state. Called by ``seed_demo``.

``demo/data/vroegsignalen-oktober-2026.csv`` holds about 400 rows in the creditor
format (plus a ``gemeente`` column to split the file). The postcodes end in SA, SD or
SS, letter pairs PostNL never issues, so no row is a real address. The dates are
shifted so the last signal falls three days before today (the importer refuses signals
older than the retention period). Capacity is set below the need, as in Assen (about
270 signals a month, 30 visits and 50 calls): most households get a letter.

History is built with explicit timestamps through the services. Running it twice
changes nothing: a municipality that has a demo batch already is skipped.
"""

from __future__ import annotations

import csv
import datetime
import io
import random
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from pact.models import Municipality, Organisation
from vroegsignalering import services
from vroegsignalering.constants import (
    AttemptKind,
    DeclineReason,
    HouseholdStatus,
    ImportSource,
    NextStep,
    RoutingCondition,
)
from vroegsignalering.models import Household, ImportBatch

DATA = Path(__file__).parent / "data" / "vroegsignalen-oktober-2026.csv"
FILE_NAME = "demo-vroegsignalen.csv"

# municipality: [(position, condition, organisation slug)]
RULES = {
    "assen": [
        (1, RoutingCondition.KNOWN_CLIENT, "gkb"),
        (2, RoutingCondition.KNOWN_CLIENT, "wpda"),
        (3, RoutingCondition.EVERYONE, "vaart-welzijn"),
    ],
    "aa-en-hunze": [
        (1, RoutingCondition.KNOWN_CLIENT, "gkb"),
        (2, RoutingCondition.KNOWN_CLIENT, "wpda"),
        (3, RoutingCondition.EVERYONE, "attenta"),
    ],
}
# Weekly capacity (visits, calls): Assen's neighbourhood teams do about 30 visits and
# 50 calls a month; everyone else gets a letter.
CAPACITY = {
    "vaart-welzijn": (6, 10),
    "attenta": (2, 3),
    "gkb": (2, 3),
    "wpda": (1, 2),
}
GOALS = [
    "De huur weer op tijd betalen.",
    "Weten waar mijn geld naartoe gaat.",
    "Niet afgesloten worden van gas en licht.",
    "Een betalingsregeling die ik kan volhouden.",
]


def _rows_by_municipality(shift: datetime.timedelta) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            day = datetime.date.fromisoformat(row["datum"]) + shift
            row["datum"] = day.isoformat()
            rows.setdefault(row.pop("gemeente"), []).append(row)
    return rows


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def seed(*, stdout) -> None:
    today = timezone.localdate()
    latest = datetime.date(2026, 10, 31)
    shift = (today - datetime.timedelta(days=3)) - latest
    organisations = {o.slug: o for o in Organisation.objects.all()}
    rows = _rows_by_municipality(shift)
    if not ImportBatch.objects.filter(file_name=FILE_NAME).exists():
        _known_clients(organisations, rows)
    for slug, municipality_rows in rows.items():
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None:
            continue
        if ImportBatch.objects.filter(
            municipality=municipality, file_name=FILE_NAME
        ).exists():
            stdout.write(f"      vroegsignalering {slug}: al aanwezig")
            continue
        _setup(municipality, organisations)
        # Delivered week by week, as creditors do: each week is planned within that
        # week's capacity.
        weeks: dict[datetime.date, list[dict]] = {}
        for row in municipality_rows:
            day = datetime.date.fromisoformat(row["datum"])
            weeks.setdefault(services.week_start_of(day), []).append(row)
        batches = [
            services.signals_import(
                data=_csv(week_rows),
                municipality=municipality,
                actor=None,
                source=ImportSource.COMMAND,
                file_name=FILE_NAME,
                today=min(week + datetime.timedelta(days=6), today),
            )
            for week, week_rows in sorted(weeks.items())
        ]
        _work(municipality, random.Random(f"vroeg-{slug}"), today)  # noqa: S311
        stdout.write(
            f"      vroegsignalering {slug}: {sum(b.rows for b in batches)} regels, "
            f"{sum(b.households_new for b in batches)} nieuwe huishoudens"
        )


def _setup(municipality, organisations) -> None:
    for position, condition, slug in RULES[municipality.slug]:
        services.routing_rule_add(
            municipality=municipality,
            actor=None,
            organisation=organisations[slug],
            condition=condition,
            position=position,
        )
    for slug, (visits, calls) in CAPACITY.items():
        if slug in organisations:
            services.capacity_set(
                organisation=organisations[slug],
                actor=None,
                visits_per_week=visits,
                calls_per_week=calls,
            )


def _known_clients(organisations, rows: dict[str, list[dict]]) -> None:
    """Every twelfth demo address is a GKB client, every seventeenth a WPDA client:
    the partners deliver these lists themselves (hashed; decision 0131)."""
    addresses = sorted(
        {
            (row["postcode"], row["huisnummer"])
            for group in rows.values()
            for row in group
        }
    )
    for slug, step in (("gkb", 12), ("wpda", 17)):
        if slug in organisations:
            services.known_clients_replace(
                organisation=organisations[slug], addresses=addresses[::step]
            )


def _worker(organisation):
    User = get_user_model()
    return User.objects.get(username=f"casus.{organisation.slug}")


def _moment(household, days: int, today) -> datetime.datetime:
    day = min(household.first_signal_on + datetime.timedelta(days=days), today)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))


def _work(municipality, rnd: random.Random, today) -> None:
    """Work the planned households into every state, as a month of outreach would."""
    households = list(
        Household.objects.filter(municipality=municipality)
        .select_related("organisation", "municipality")
        .order_by("-score", "id")
    )
    for household in households:
        actor = _worker(household.organisation)
        roll = rnd.random()
        if household.next_step in (NextStep.VISIT, NextStep.CALL):
            kind = (
                AttemptKind.VISIT
                if household.next_step == NextStep.VISIT
                else AttemptKind.CALL
            )
            if roll < 0.2:
                continue  # still planned
            contact = roll < 0.75
            services.attempt_record(
                household=household,
                actor=actor,
                kind=kind,
                contact_made=contact,
                by_peer=rnd.random() < 0.3,
                at=_moment(household, 4, today),
            )
            if contact:
                _outcome(household, actor, rnd, today)
            elif rnd.random() < 0.5:
                services.household_close_no_contact(
                    household=household, actor=actor, at=_moment(household, 9, today)
                )
        elif household.next_step == NextStep.LETTER:
            if roll < 0.15:
                continue  # letter still to be sent
            services.attempt_record(
                household=household,
                actor=actor,
                kind=AttemptKind.LETTER,
                contact_made=False,
                at=_moment(household, 2, today),
            )
            if roll > 0.88:  # the resident called back after the letter
                services.attempt_record(
                    household=household,
                    actor=actor,
                    kind=AttemptKind.CALL,
                    contact_made=True,
                    at=_moment(household, 12, today),
                )
                _outcome(household, actor, rnd, today)


def _outcome(household, actor, rnd, today) -> None:
    household.refresh_from_db()
    if household.status != HouseholdStatus.IN_CONTACT:
        return
    roll = rnd.random()
    if roll < 0.3:
        services.household_accept(
            household=household,
            actor=actor,
            goal=rnd.choice(GOALS),
            consent_scope="Betalingsachterstanden en wat nodig is om te helpen",
            consent_given_on=_moment(household, 14, today).date(),
            at=_moment(household, 14, today),
        )
    elif roll < 0.7:
        services.household_decline(
            household=household,
            actor=actor,
            reason=rnd.choice(DeclineReason.values),
            at=_moment(household, 14, today),
        )
    # otherwise: in contact, outcome still due
