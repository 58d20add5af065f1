"""Intake: a creditor's file of signals, read all-or-nothing.

The format (documented in ``docs/vroegsignalering.md``): CSV, UTF-8 (or Windows-1252
as Excel writes it), separated by ``;`` or ``,``, with a header row holding these
columns in any order::

    schuldeiser;soort;bedrag;maanden;postcode;huisnummer;kenmerk;datum

Every row is checked first; one bad row rejects the whole file and every bad row is
named (``ImportRejected.rows``). Then, in one transaction: a report of the same creditor
and kind about the same address within ``MERGE_PERIOD_DAYS`` merges into the existing
signal (the latest amount counts, the repeat raises the score; an identical repeat is
ignored); all open signals at one address form one household; new households are
routed (``routing.py``) and every touched partner's week is planned (``planning.py``).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casusregie import services as casusregie_services
from casusregie.constants import AuditAction
from pact.models import Municipality
from vroegsignalering import events, permissions
from vroegsignalering.constants import (
    MAX_IMPORT_ROWS,
    MERGE_PERIOD_DAYS,
    ArrearsKind,
    HouseholdStatus,
    ImportSource,
    NextStep,
)
from vroegsignalering.models import Household, ImportBatch, Signal
from vroegsignalering.services.common import NotAllowed, rescore
from vroegsignalering.services.planning import households_plan, week_start_of
from vroegsignalering.services.routing import route, routing_is_complete

COLUMNS = (
    "schuldeiser",
    "soort",
    "bedrag",
    "maanden",
    "postcode",
    "huisnummer",
    "kenmerk",
    "datum",
)
REQUIRED = tuple(column for column in COLUMNS if column != "kenmerk")
KIND_ALIASES = {
    **{kind.value: kind for kind in ArrearsKind},
    "gemeentelijke belastingen": ArrearsKind.MUNICIPAL_TAXES,
    "gemeentelijke_belastingen": ArrearsKind.MUNICIPAL_TAXES,
    "zorg": ArrearsKind.HEALTH_INSURANCE,
    "zorgverzekeraar": ArrearsKind.HEALTH_INSURANCE,
    "toeslagen": ArrearsKind.TAX_OFFICE,
    "gas": ArrearsKind.ENERGY,
    "elektriciteit": ArrearsKind.ENERGY,
}
POSTCODE = re.compile(r"^([1-9]\d{3})\s?([A-Za-z]{2})$")
HOUSE_NUMBER = re.compile(r"^\d{1,5}[A-Z0-9-]{0,7}$")
MAX_AMOUNT = Decimal("1000000")
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("Regel %(line)s: %(message)s") % {
            "line": self.line,
            "message": self.message,
        }


class ImportRejected(ValidationError):
    """The file was not read: nothing was saved. ``rows`` names every problem."""

    def __init__(self, rows: list[RowError]):
        self.rows = rows
        super().__init__([str(row) for row in rows])


@dataclass(frozen=True)
class ParsedRow:
    line: int
    creditor: str
    kind: str
    amount: Decimal
    months: int
    postcode: str
    house_number: str
    reference: str
    signalled_on: datetime.date


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRejected([RowError(1, _("het bestand is geen tekstbestand (CSV)."))])


def _amount(value: str) -> Decimal:
    value = value.replace("€", "").replace(" ", "")
    if "," in value or THOUSANDS.match(value):
        # Dutch notation: 1.234,56 and 1.100 (a dot before three digits groups them).
        value = value.replace(".", "").replace(",", ".")
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidOperation
    return amount


def _date(value: str) -> datetime.date:
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValueError(value)


def _parse_row(
    line: int, row: dict, today: datetime.date
) -> tuple[ParsedRow | None, list[str]]:
    problems: list[str] = []
    value = {column: (row.get(column) or "").strip() for column in COLUMNS}
    creditor = value["schuldeiser"]
    if not creditor:
        problems.append(_("schuldeiser ontbreekt"))
    elif len(creditor) > 100:
        problems.append(_("schuldeiser is langer dan 100 tekens"))
    kind = KIND_ALIASES.get(value["soort"].casefold())
    if kind is None:
        problems.append(
            _("soort '%(value)s' is onbekend (kies uit %(choices)s)")
            % {"value": value["soort"], "choices": ", ".join(ArrearsKind.values)}
        )
    amount = None
    try:
        amount = _amount(value["bedrag"])
    except (InvalidOperation, ValueError):
        problems.append(
            _("bedrag '%(value)s' is geen bedrag") % {"value": value["bedrag"]}
        )
    else:
        if amount <= 0 or amount >= MAX_AMOUNT:
            problems.append(
                _("bedrag %(value)s moet groter dan 0 en kleiner dan een miljoen zijn")
                % {"value": value["bedrag"]}
            )
    months = None
    try:
        months = int(value["maanden"])
    except ValueError:
        problems.append(
            _("maanden '%(value)s' is geen heel getal") % {"value": value["maanden"]}
        )
    else:
        if not 1 <= months <= 120:
            problems.append(_("maanden moet tussen 1 en 120 liggen"))
    match = POSTCODE.match(value["postcode"])
    if not match:
        problems.append(
            _("postcode '%(value)s' is geen Nederlandse postcode (1234 AB)")
            % {"value": value["postcode"]}
        )
    house_number = value["huisnummer"].upper().replace(" ", "")
    if not HOUSE_NUMBER.match(house_number):
        problems.append(
            _("huisnummer '%(value)s' is geen huisnummer (bijvoorbeeld 12 of 12A)")
            % {"value": value["huisnummer"]}
        )
    if len(value["kenmerk"]) > 50:
        problems.append(_("kenmerk is langer dan 50 tekens"))
    signalled_on = None
    try:
        signalled_on = _date(value["datum"])
    except ValueError:
        problems.append(
            _("datum '%(value)s' is geen datum (jjjj-mm-dd of dd-mm-jjjj)")
            % {"value": value["datum"]}
        )
    else:
        oldest = today - datetime.timedelta(days=settings.PACT_SIGNAL_RETENTION_DAYS)
        if signalled_on > today:
            problems.append(_("datum ligt in de toekomst"))
        elif signalled_on < oldest:
            problems.append(
                _("datum ligt voor de bewaartermijn; zo'n signaal mag niet meer")
            )
    if problems:
        return None, problems
    assert amount is not None and months is not None  # noqa: S101  (no problems)
    assert match is not None and signalled_on is not None  # noqa: S101
    return (
        ParsedRow(
            line=line,
            creditor=creditor,
            kind=str(kind),
            amount=amount.quantize(Decimal("0.01")),
            months=months,
            postcode=(match.group(1) + match.group(2)).upper(),
            house_number=house_number,
            reference=value["kenmerk"],
            signalled_on=signalled_on,
        ),
        [],
    )


def signals_parse(
    data: bytes, *, today: datetime.date | None = None
) -> list[ParsedRow]:
    """Read and check the whole file. Raises ``ImportRejected`` naming every bad row
    (line numbers as in a spreadsheet: the header is line 1)."""
    today = today or timezone.localdate()
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip().casefold() for name in (reader.fieldnames or [])]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportRejected(
            [
                RowError(
                    1,
                    _("kolommen ontbreken: %(columns)s (verwacht: %(expected)s)")
                    % {"columns": ", ".join(missing), "expected": ";".join(COLUMNS)},
                )
            ]
        )
    reader.fieldnames = header
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    for number, raw in enumerate(reader, start=2):
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue
        if number - 1 > MAX_IMPORT_ROWS:
            errors.append(
                RowError(
                    number,
                    _("te veel regels (meer dan %(n)s)") % {"n": MAX_IMPORT_ROWS},
                )
            )
            break
        if None in raw:
            errors.append(RowError(number, _("meer waarden dan kolommen")))
            continue
        parsed, problems = _parse_row(number, raw, today)
        errors.extend(RowError(number, problem) for problem in problems)
        if parsed is not None:
            rows.append(parsed)
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected([RowError(2, _("het bestand bevat geen signalen"))])
    return rows


def signals_parse_records(
    records: list, *, creditor: str, today: datetime.date | None = None
) -> list[ParsedRow]:
    """Check the signals of one JSON delivery (a list of objects with the CSV's
    columns except ``schuldeiser``, which the creditor's key decides). Raises
    ``ImportRejected`` naming every bad signal by its number (1 is the first)."""
    today = today or timezone.localdate()
    if not isinstance(records, list) or not records:
        raise ImportRejected(
            [RowError(1, _("de lijst met signalen ontbreekt of is leeg"))]
        )
    if len(records) > MAX_IMPORT_ROWS:
        raise ImportRejected(
            [RowError(1, _("te veel regels (meer dan %(n)s)") % {"n": MAX_IMPORT_ROWS})]
        )
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            errors.append(RowError(number, _("een signaal is een object met velden")))
            continue
        values = {
            key: "" if value is None else str(value)
            for key, value in record.items()
            if isinstance(key, str)
        }
        values["schuldeiser"] = creditor
        parsed, problems = _parse_row(number, values, today)
        errors.extend(RowError(number, problem) for problem in problems)
        if parsed is not None:
            rows.append(parsed)
    if errors:
        raise ImportRejected(errors)
    return rows


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
