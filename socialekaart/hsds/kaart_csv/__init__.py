"""Bulk editing of services with a spreadsheet: ``export_kaart_csv`` / ``import_kaart_csv``.

One row per service (including drafts and ended services: editors keep those up to
date too), with the fields an editor changes in bulk; ``id`` and ``organisatie`` and
``adres`` are there to find the row and are not changed. Eligibility rules are not in
the sheet (decision 0053): they are structured per municipality and belong in the
page editor, where the form checks them.

The file needs the columns ``id`` and ``titel`` (the row's identity and what a person
recognises it by; other columns may be left out and are then not changed). The import
is all or nothing: every row is checked (known id, allowed values, lengths,
existing categories and municipalities, permission of the acting person, no pending
unpublished change on the page) and every bad row is reported with its line number and
reason; when any row is bad nothing changes. Rows that change nothing are skipped.
Changed pages get a new revision: published when the acting person may publish (or
the system runs the import), otherwise submitted to the moderation workflow, exactly as
in the admin. *Last checked* is recorded as a check (no revision).

Files are UTF-8 with a byte order mark and ``;`` between fields (what Dutch Excel
opens directly); the import also reads ``,``. Text a spreadsheet would run as a
formula is written with a leading ``'`` and read back without it
(``pact.spreadsheets``)."""

from __future__ import annotations

from socialekaart.hsds.kaart_csv.columns import (
    COLUMNS,
    FIELD_OF,
    LIMITS,
    READ_ONLY,
    SEPARATOR,
    export_csv,
    export_rows,
    services_for,
)
from socialekaart.hsds.kaart_csv.importing import (
    REQUIRED,
    CsvReport,
    RowChecker,
    RowPlan,
    RowProblem,
    import_csv,
)

__all__ = [
    "COLUMNS",
    "READ_ONLY",
    "LIMITS",
    "FIELD_OF",
    "SEPARATOR",
    "services_for",
    "export_rows",
    "export_csv",
    "RowProblem",
    "CsvReport",
    "RowPlan",
    "REQUIRED",
    "RowChecker",
    "import_csv",
]
