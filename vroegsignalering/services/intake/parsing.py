"""Intake, reading: a creditor's CSV file or JSON delivery checked row by row.

Nothing is saved here; one bad row rejects the whole file and every bad row is named
(``ImportRejected.rows``).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from vroegsignalering.constants import MAX_IMPORT_ROWS, ArrearsKind

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
