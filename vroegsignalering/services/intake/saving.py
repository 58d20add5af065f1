"""Intake, saving: checked rows become signals and households, in one transaction.

A report of the same creditor and kind about the same address within
``MERGE_PERIOD_DAYS`` merges into the existing signal (the latest amount counts, the
repeat raises the score; an identical repeat is ignored); all open signals at one
address form one household; new households are routed and every touched partner's
week is planned.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casusregie import services as casusregie_services
from casusregie.constants import AuditAction
from pact.models import Municipality
from vroegsignalering import events, permissions
from vroegsignalering.constants import (
    MERGE_PERIOD_DAYS,
    HouseholdStatus,
    ImportSource,
    NextStep,
)
from vroegsignalering.models import Household, ImportBatch, Signal
from vroegsignalering.services.common import NotAllowed, rescore
from vroegsignalering.services.intake.parsing import (
    ImportRejected,
    ParsedRow,
    RowError,
    signals_parse,
)
from vroegsignalering.services.planning import households_plan, week_start_of
from vroegsignalering.services.routing import route, routing_is_complete


def _merge_into(signal: Signal, row: ParsedRow) -> bool:
    """Merge a repeat report; False when it is an identical copy (ignored)."""
    if (
        row.signalled_on == signal.last_signalled_on
        and row.amount == signal.amount
        and row.months == signal.months_in_arrears
    ):
        return False
    if row.signalled_on >= signal.last_signalled_on:
        signal.amount = row.amount
        signal.last_signalled_on = row.signalled_on
    signal.signalled_on = min(signal.signalled_on, row.signalled_on)
    signal.months_in_arrears = max(signal.months_in_arrears, row.months)
    signal.times_reported += 1
    if row.reference and not signal.creditor_reference:
        signal.creditor_reference = row.reference
    signal.save(
        update_fields=[
            "amount",
            "last_signalled_on",
            "signalled_on",
            "months_in_arrears",
            "times_reported",
            "creditor_reference",
        ]
    )
    return True


def _matching_signal(signals: list[Signal], row: ParsedRow) -> Signal | None:
    period = datetime.timedelta(days=MERGE_PERIOD_DAYS)
    for signal in signals:
        if (
            signal.creditor.casefold() == row.creditor.casefold()
            and signal.kind == row.kind
            and abs(row.signalled_on - signal.last_signalled_on) <= period
        ):
            return signal
    return None


def signals_import(
    *,
    data: bytes | None = None,
    rows: list[ParsedRow] | None = None,
    municipality: Municipality,
    actor,
    source: str = ImportSource.UPLOAD,
    file_name: str = "",
    today: datetime.date | None = None,
) -> ImportBatch:
    """Read a creditor file (``data``, CSV) or checked ``rows`` (from
    ``signals_parse_records``) for ``municipality``, all or nothing.

    Raises ``NotAllowed`` (not the municipality's regisseur), ``ImportRejected`` (every
    bad row named; nothing saved). Returns the batch with its counts. Logged.
    """
    if actor is not None and not permissions.may_import(actor, municipality):
        raise NotAllowed(_("U leest geen signalen in voor deze gemeente."))
    today = today or timezone.localdate()
    if rows is None:
        rows = signals_parse(data or b"", today=today)
    if not routing_is_complete(municipality):
        raise ImportRejected(
            [
                RowError(
                    1,
                    _(
                        "%(municipality)s heeft nog geen regel voor 'alle andere "
                        "huishoudens'; de regisseur stelt die eerst in."
                    )
                    % {"municipality": municipality},
                )
            ]
        )
    by_address: dict[tuple[str, str], list[ParsedRow]] = defaultdict(list)
    for row in rows:
        by_address[(row.postcode, row.house_number)].append(row)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            municipality=municipality,
            source=source,
            file_name=file_name[:200],
            imported_by=actor,
            rows=len(rows),
        )
        touched_organisations = set()
        changed_organisation_ids: set[int] = set()
        for (postcode, house_number), address_rows in by_address.items():
            household, created = _household_for(
                municipality, postcode, house_number, address_rows, today
            )
            batch.households_new += int(created)
            signals = list(household.signals.all())
            for row in sorted(address_rows, key=lambda r: r.signalled_on):
                existing = _matching_signal(signals, row)
                if existing is not None:
                    batch.signals_merged += 1
                    _merge_into(existing, row)
                    continue
                signal = Signal.objects.create(
                    household=household,
                    batch=batch,
                    creditor=row.creditor,
                    kind=row.kind,
                    creditor_reference=row.reference,
                    amount=row.amount,
                    months_in_arrears=row.months,
                    signalled_on=row.signalled_on,
                    last_signalled_on=row.signalled_on,
                )
                signals.append(signal)
                batch.signals_new += 1
            household.first_signal_on = min(s.signalled_on for s in signals)
            household.last_signal_on = max(s.last_signalled_on for s in signals)
            rescore(household)
            household.save(
                update_fields=[
                    "first_signal_on",
                    "last_signal_on",
                    "total_amount",
                    "score",
                    "score_reasons",
                    "updated_at",
                ]
            )
            if household.status == HouseholdStatus.NEW:
                touched_organisations.add(household.organisation)
            changed_organisation_ids.add(household.organisation_id)
        batch.save(update_fields=["signals_new", "signals_merged", "households_new"])
        for organisation in sorted(touched_organisations, key=lambda o: o.pk):
            households_plan(
                organisation=organisation, week=week_start_of(today), today=today
            )
        # Live queues fetch again once this commits (nothing if the file is rejected).
        events.publish_queue_changed(
            organisation_ids=changed_organisation_ids,
            municipality_ids=[municipality.pk],
        )
        # Logged also for the command and API keys (actor "systeem"); no personal data.
        casusregie_services.audit_record(
            actor=actor,
            action=AuditAction.SIGNAL_IMPORT,
            obj=batch,
            detail={
                "rows": batch.rows,
                "signals_new": batch.signals_new,
                "signals_merged": batch.signals_merged,
                "households_new": batch.households_new,
                "source": batch.source,
            },
        )
    return batch


def _household_for(
    municipality, postcode, house_number, rows: list[ParsedRow], today
) -> tuple[Household, bool]:
    household = (
        Household.objects.select_for_update()
        .select_related("organisation")
        .filter(
            municipality=municipality,
            postcode=postcode,
            house_number=house_number,
            closed_at__isnull=True,
        )
        .first()
    )
    if household is not None:
        return household, False
    organisation, reason = route(municipality, postcode, house_number)
    earlier = Household.objects.filter(
        municipality=municipality, postcode=postcode, house_number=house_number
    ).count()
    first = min(row.signalled_on for row in rows)
    household = Household.objects.create(
        municipality=municipality,
        postcode=postcode,
        house_number=house_number,
        organisation=organisation,
        routing_reason=reason,
        earlier_households=earlier,
        next_step=NextStep.PLAN,
        due_on=today + datetime.timedelta(days=2),
        first_signal_on=first,
        last_signal_on=first,
    )
    return household, True
