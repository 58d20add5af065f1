"""Eligibility in plain Dutch: amounts in euros, age ranges, clauses and sentences."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def euros(amount: Decimal | int) -> str:
    """``€ 1.616`` (whole euros, Dutch thousands separator)."""
    whole = Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return "€ " + number_format(whole, decimal_pos=0, force_grouping=True)


def euros_cents(amount: Decimal | int) -> str:
    """``€ 1.600,00``: an amount with cents, in the active language's format."""
    cents = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return "€ " + number_format(cents, decimal_pos=2, force_grouping=True)


def join_clauses(clauses: Sequence[str]) -> str:
    if not clauses:
        return ""
    if len(clauses) == 1:
        return clauses[0]
    return _("%(first)s en %(last)s") % {
        "first": ", ".join(clauses[:-1]),
        "last": clauses[-1],
    }


def _sentence(text: str) -> str:
    text = text.strip()
    return (
        (text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."))
        if text
        else ""
    )


def age_range(min_age: int | None, max_age: int | None) -> str:
    if min_age is not None and max_age is not None:
        return _("van %(min)d tot en met %(max)d jaar") % {
            "min": min_age,
            "max": max_age,
        }
    if min_age is not None:
        return _("van %(min)d jaar of ouder") % {"min": min_age}
    return _("tot en met %(max)d jaar") % {"max": max_age}
