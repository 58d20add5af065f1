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

Two modules: ``parsing`` reads and checks a file or a JSON delivery (nothing saved),
``saving`` stores checked rows as signals and households.
"""

from vroegsignalering.services.intake.parsing import (
    COLUMNS,
    REQUIRED,
    ImportRejected,
    ParsedRow,
    RowError,
    signals_parse,
    signals_parse_records,
)
from vroegsignalering.services.intake.saving import signals_import

__all__ = [
    "COLUMNS",
    "REQUIRED",
    "ImportRejected",
    "ParsedRow",
    "RowError",
    "signals_import",
    "signals_parse",
    "signals_parse_records",
]
