"""Cells for spreadsheets that cannot run (CSV/formula injection, issue 10 finding 7).

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
in some programs, a tab or carriage return) as a formula: an action titled
``=cmd|' /C calc'!A0`` could start a program on the computer of whoever opens the
export. Every CSV and XLSX the platform writes goes through this module:

* ``neutralise(value)`` puts a ``'`` before such text (the OWASP advice; spreadsheet
  programs show the text, not the quote, and never run it). Numbers stay numbers.
* ``xlsx_cell(sheet, value)`` writes such text as a plain string cell marked
  "quote prefix" instead: the text is exactly what was typed, and stays text when edited.
* ``restore(text)`` undoes ``neutralise`` when a CSV the platform wrote comes back in
  an import, so a round trip changes nothing.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    """Text a spreadsheet could run: it starts with a formula sign and has more after
    it (a lone ``-``, as the agenda writes for "no building block", is just a dash)."""
    return (
        isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS)
    )


def neutralise(value):
    """``value`` safe for a CSV cell: text that would run gets a leading ``'``."""
    return "'" + value if is_formula_like(value) else value


def neutralise_row(values):
    """``neutralise`` every value of a list (``csv.writer``) or dict (``DictWriter``)."""
    if isinstance(values, dict):
        return {key: neutralise(value) for key, value in values.items()}
    return [neutralise(value) for value in values]


def restore(text: str) -> str:
    """The inverse of ``neutralise`` for imports of the platform's own CSV files."""
    if isinstance(text, str) and text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text


def xlsx_cell(sheet, value):
    """A write-only openpyxl cell for ``value`` that never holds a formula."""
    # openpyxl loads only where a spreadsheet is made: about 0.15 s to import (python
    # -X importtime), which starting the site does not pay.
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if is_formula_like(value) or cell.data_type == "f":
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
