"""The figures of vroegsignalering as charts, each with the same figures as a table
(the text alternative): signals per month by kind, reached and accepted against the
national 35%, and capacity used as a share of the partners' weekly capacity. Drawn with
``pact.charts``; used by the figures page and by the section in the agenda's council
report (``selectors.council_report_sections``). Counts only, no personal data.
"""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agenda.types import ReportChart, ReportTable
from pact import charts
from vroegsignalering.constants import NATIONAL_ACCEPTED_RATE, ArrearsKind

KIND_COLOURS = {
    ArrearsKind.RENT: "#00536b",
    ArrearsKind.ENERGY: "#b25e00",
    ArrearsKind.WATER: "#2a62a8",
    ArrearsKind.HEALTH_INSURANCE: "#1e6b35",
    ArrearsKind.MUNICIPAL_TAXES: "#6b3d8c",
    ArrearsKind.TAX_OFFICE: "#3d3d3d",
}


def month_label(month: datetime.date) -> str:
    return date_format(month, "F Y")


def percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _pct(value: int | None) -> str:
    return "–" if value is None else f"{value}%"


def days_text(value) -> str:
    return "–" if value is None else charts.fmt(value)


def signals_by_kind(
    rows: list[dict], *, months_as_columns: bool = False
) -> ReportChart:
    """Stacked bars per month (oldest first) of the signals by kind; the table has a
    row per month, or a row per kind with ``months_as_columns``."""
    rows = sorted(rows, key=lambda r: r["month"])
    kinds = [
        k for k in ArrearsKind if any(dict(r["by_kind"]).get(k.label) for r in rows)
    ]
    title = _("Signalen per maand, naar soort achterstand")
    svg = charts.stacked_bars(
        [(month_label(r["month"]), dict(r["by_kind"])) for r in rows],
        series=[(str(k.label), str(k.label), KIND_COLOURS[k]) for k in kinds],
        title=title,
    )
    if months_as_columns:
        # The council report: a period of a few months fits across an A4 page, six
        # kinds do not.
        table = ReportTable(
            caption=title,
            headers=[_("Soort"), *[month_label(r["month"]) for r in rows]],
            rows=[
                [str(k.label), *[str(dict(r["by_kind"]).get(k.label, 0)) for r in rows]]
                for k in kinds
            ]
            + [
                [_("Signalen"), *[str(r["signals"]) for r in rows]],
                [_("Huishoudens"), *[str(r["households"]) for r in rows]],
            ],
            numeric=frozenset(range(1, len(rows) + 1)),
        )
    else:
        table = ReportTable(
            caption=title,
            headers=[
                _("Maand"),
                *[str(k.label) for k in kinds],
                _("Signalen"),
                _("Huishoudens"),
            ],
            rows=[
                [
                    month_label(r["month"]),
                    *[str(dict(r["by_kind"]).get(k.label, 0)) for k in kinds],
                    str(r["signals"]),
                    str(r["households"]),
                ]
                for r in rows
            ],
            numeric=frozenset(range(1, len(kinds) + 3)),
        )
    return ReportChart(svg=svg, table=table)


def reach(rows: list[dict]) -> ReportChart:
    """Per month: the share of households reached and the share that accepted help,
    with the national average of accepted help as a dashed line."""
    rows = sorted(rows, key=lambda r: r["month"])
    national = round(NATIONAL_ACCEPTED_RATE * 100)
    title = _("Bereikt en hulp aanvaard per maand (landelijk aanvaardt %(n)s%%)") % {
        "n": national
    }
    bars: list[tuple[str, int | None]] = []
    for r in rows:
        bars.append(
            (
                _("%(m)s: bereikt") % {"m": month_label(r["month"])},
                percent(r["reached"], r["households"]),
            )
        )
        bars.append(
            (
                _("%(m)s: hulp aanvaard") % {"m": month_label(r["month"])},
                percent(r["accepted"], r["households"]),
            )
        )
    svg = charts.percent_bars(
        bars, title=title, reference=(national, _("landelijk aanvaard"))
    )
    table = ReportTable(
        caption=title,
        headers=[
            _("Maand"),
            _("Huishoudens"),
            _("Bereikt"),
            _("Hulp aanvaard"),
            _("Landelijk aanvaard"),
            _("Dagen tot contact: mediaan"),
            _("90% binnen (dagen)"),
            _("Alleen een brief"),
        ],
        rows=[
            [
                month_label(r["month"]),
                str(r["households"]),
                f"{r['reached']} ({_pct(percent(r['reached'], r['households']))})",
                f"{r['accepted']} ({_pct(percent(r['accepted'], r['households']))})",
                f"{national}%",
                days_text(r["days_median"]),
                days_text(r["days_p90"]),
                str(r["letters_only"]),
            ]
            for r in rows
        ],
        numeric=frozenset(range(1, 8)),
    )
    return ReportChart(svg=svg, table=table)


def capacity_used(uses: list[dict]) -> ReportChart:
    """Per partner and month: visits and calls planned as a share of the capacity of
    the weeks that began in that month and are over."""
    title = _("Gebruikte capaciteit: ingeplande huisbezoeken en gesprekken")
    svg = charts.percent_bars(
        [
            (f"{u['organisation']} · {month_label(u['month'])}", u["share"])
            for u in uses
        ],
        title=title,
    )
    table = ReportTable(
        caption=title,
        headers=[
            _("Partner"),
            _("Maand"),
            _("Weken"),
            _("Huisbezoeken ingepland / capaciteit"),
            _("Gesprekken ingepland / capaciteit"),
            _("Gebruikt"),
        ],
        rows=[
            [
                u["organisation"],
                month_label(u["month"]),
                str(u["weeks"]),
                f"{u['visits_planned']} / {u['visits_capacity']}",
                f"{u['calls_planned']} / {u['calls_capacity']}",
                _pct(u["share"]) if u["share"] is not None else _("geen capaciteit"),
            ]
            for u in uses
        ],
        numeric=frozenset({2, 3, 4, 5}),
    )
    return ReportChart(svg=svg, table=table)


def creditors(rows: list[dict], *, limit: int = 12) -> ReportTable:
    """Signals per creditor over the months of ``rows``, most first."""
    totals: dict[str, int] = {}
    for r in rows:
        for creditor, n in r["by_creditor"]:
            totals[creditor] = totals.get(creditor, 0) + n
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    shown = ordered[:limit]
    rest = sum(n for _c, n in ordered[limit:])
    table_rows = [[creditor, str(n)] for creditor, n in shown]
    if rest:
        table_rows.append([_("Overige schuldeisers"), str(rest)])
    return ReportTable(
        caption=_("Signalen per schuldeiser"),
        headers=[_("Schuldeiser"), _("Signalen")],
        rows=table_rows,
        numeric=frozenset({1}),
    )
