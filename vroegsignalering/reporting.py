"""Vroegsignalering's section of the agenda's council report ("tellen en vertellen"):
per municipality, the period's figures told in a few sentences of plain Dutch, then
the charts, each with its table, and the signals per creditor. Counts only: no
addresses, no households, no creditor references. Built by
``selectors.council_report_sections`` (decision 0135).
"""

from __future__ import annotations

import datetime
import statistics

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agenda.types import ReportSection
from pact.models import Municipality
from vroegsignalering import charts
from vroegsignalering.constants import NATIONAL_ACCEPTED_RATE


def _p90(days: list[int]) -> int | None:
    if not days:
        return None
    index = max(0, min(len(days) - 1, round(0.9 * (len(days) - 1))))
    return sorted(days)[index]


def municipality_section(
    municipality: Municipality,
    *,
    rows: list[dict],
    uses: list[dict],
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> ReportSection:
    """The section for one municipality; ``rows`` are ``figures_by_month`` rows of the
    period (not empty), ``uses`` ``capacity_use_by_month`` rows of the same months."""
    totals = {
        key: sum(row[key] for row in rows)
        for key in ("signals", "households", "reached", "accepted", "letters_only")
    }
    days = sorted(day for row in rows for day in row["days"])
    paragraphs = [
        _(
            "Van %(start)s tot en met %(end)s kwamen %(signals)s signalen van "
            "betalingsachterstanden binnen, over %(households)s huishoudens."
        )
        % {
            "start": date_format(starts_on, "j F Y"),
            "end": date_format(ends_on, "j F Y"),
            **totals,
        },
        _(
            "Met %(reached)s huishoudens (%(reached_pct)s%%) is contact gelegd. "
            "%(accepted)s huishoudens (%(accepted_pct)s%%) namen hulp aan; in heel "
            "Nederland is dat gemiddeld %(national)s%%."
        )
        % {
            **totals,
            "reached_pct": charts.percent(totals["reached"], totals["households"]),
            "accepted_pct": charts.percent(totals["accepted"], totals["households"]),
            "national": round(NATIONAL_ACCEPTED_RATE * 100),
        },
    ]
    if days:
        paragraphs.append(
            _(
                "Van signaal tot eerste contact duurde het meestal %(median)s dagen "
                "(de mediaan); bij 9 van de 10 bereikte huishoudens was het binnen "
                "%(p90)s dagen."
            )
            % {
                "median": charts.days_text(statistics.median(days)),
                "p90": _p90(days),
            }
        )
    paragraphs.append(
        _(
            "%(letters_only)s huishoudens kregen alleen een brief: er was geen "
            "contact en geen huisbezoek of gesprek."
        )
        % totals
    )
    return ReportSection(
        key=f"vroegsignalering-{municipality.slug}",
        title=_("Vroegsignalering in %(m)s") % {"m": municipality.name},
        paragraphs=paragraphs,
        charts=[
            charts.signals_by_kind(rows, months_as_columns=True),
            charts.reach(rows),
            *([charts.capacity_used(uses)] if uses else []),
        ],
        tables=[charts.creditors(rows)],
        note=_(
            "Geteld per maand van het eerste signaal, zonder persoonsgegevens; "
            "verwijderde signalen tellen mee. Huishoudens van de laatste weken kunnen "
            "nog bereikt worden. Capaciteit: huisbezoeken en gesprekken ingepland in "
            "de weken die in de maand begonnen en voorbij zijn, tegen de capaciteit "
            "per week zoals de partner die nu heeft ingesteld, voor al zijn "
            "huishoudens."
        ),
    )
