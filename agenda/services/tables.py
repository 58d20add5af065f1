"""Reading a plan table (CSV or XLSX) into rows with normalised column names.

Columns, as in the real table (header names are matched case-insensitively):
``bouwsteen``, ``actie``, ``uitvoering``, ``planning`` (``tijdsplanning`` accepted), and
optionally ``bouwsteen titel``, ``omschrijving``, ``openbaar`` (ja/nee) and ``id`` (the
action's id from an export). CSV may use commas, semicolons or tabs, in UTF-8 or
Windows-1252; of an XLSX file the first sheet is read.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from pact.spreadsheets import restore

COLUMN_ALIASES = {
    "bouwsteen": "bouwsteen",
    "building block": "bouwsteen",
    "actie": "actie",
    "action": "actie",
    "uitvoering": "uitvoering",
    "uitvoerders": "uitvoering",
    "eigenaren": "uitvoering",
    "planning": "planning",
    "tijdsplanning": "planning",
    "timing": "planning",
    "omschrijving": "omschrijving",
    "openbaar": "openbaar",
    "bouwsteen titel": "bouwsteen titel",
    "titel bouwsteen": "bouwsteen titel",
    "bouwsteentitel": "bouwsteen titel",
    "building block title": "bouwsteen titel",
    "id": "id",
}
REQUIRED_COLUMNS = ("bouwsteen", "actie", "uitvoering", "planning")
YES = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", ""}


class ImportFailed(Exception):
    """The file was not imported; ``problems`` says why, row by row."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems[:5]))
        self.problems = problems


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("regel %(line)s: %(message)s") % {
            "line": self.line,
            "message": self.message,
        }


@dataclass
class Row:
    line: int
    cells: dict[str, str]


# --- Reading files ------------------------------------------------------------------------------


def read_rows(filename: str, data: bytes) -> list[Row]:
    """Rows of a CSV or XLSX file with normalised column names; raises ``ImportFailed``."""
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(data)
    elif suffix in (".csv", ".txt", ""):
        raw = _csv_rows(data)
    else:
        raise ImportFailed(
            [Problem(None, _("Kies een CSV- of Excelbestand (.csv of .xlsx)."))]
        )
    if not raw:
        raise ImportFailed([Problem(None, _("Het bestand is leeg."))])
    header_line, header = raw[0]
    names = [COLUMN_ALIASES.get(_clean(h).lower(), _clean(h).lower()) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise ImportFailed(
            [
                Problem(
                    header_line,
                    _(
                        "deze kolommen ontbreken: %(columns)s. Nodig zijn: bouwsteen, actie, uitvoering, planning."
                    )
                    % {"columns": ", ".join(missing)},
                )
            ]
        )
    bad = [line for line, values in raw if any("\x00" in str(v) for v in values)]
    if bad:
        raise ImportFailed(
            [
                Problem(line, _("deze regel bevat een ongeldig teken (NUL)."))
                for line in bad[:20]
            ]
        )
    rows = []
    for line, values in raw[1:]:
        cells = {
            name: _clean(values[i]) if i < len(values) else ""
            for i, name in enumerate(names)
        }
        if any(cells.values()):
            rows.append(Row(line, cells))
    return rows


def _clean(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _csv_rows(data: bytes) -> list[tuple[int, list[str]]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows = []
    line = 1
    for values in reader:
        # An export of the agenda protects formula-like text with a quote; undo it.
        rows.append((line, [restore(value) for value in values]))
        line = reader.line_num + 1
    return rows


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    # Imported here: openpyxl adds 0.15-0.5 s (measured at different times on a shared
    # machine) to every start of the site.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several kinds for a damaged file
        raise ImportFailed(
            [Problem(None, _("Het Excelbestand kan niet worden gelezen."))]
        ) from error
    sheet = workbook.worksheets[0]
    rows = [
        (number, ["" if v is None else v for v in values])
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]
    workbook.close()
    return rows
