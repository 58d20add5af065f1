"""Flow figures for a municipality over a period, as a page, JSON or CSV. Counts only,
no persons."""

from __future__ import annotations

import csv

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from casusregie import permissions, selectors
from casusregie.views.common import case_area
from pact.models import Municipality, Organisation

# Flow figures compared with the period before (label, key, how to read the value).
FIGURE_TRENDS = [
    (gettext_lazy("Overdrachten voorgesteld"), ("handovers_proposed",)),
    (gettext_lazy("Casussen aangemeld"), ("cases_registered",)),
    (gettext_lazy("Casussen afgesloten"), ("cases_closed_in_period",)),
    (
        gettext_lazy("Tijd tot accepteren (mediaan, uren)"),
        ("time_to_accept", "median_hours"),
    ),
    (
        gettext_lazy("Tijd tot eerste contact (mediaan, uren)"),
        ("time_to_first_contact", "median_hours"),
    ),
    (gettext_lazy("Deel afgewezen (%)"), ("declined_rate",)),
    (gettext_lazy("Deel verlopen (%)"), ("expired_rate",)),
    (
        gettext_lazy("Regiewisselingen per casus (gemiddeld)"),
        ("lead_changes_per_case", "mean"),
    ),
]


def _figure(data: dict | None, path: tuple[str, ...]):
    value: object = data
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    if path[-1].endswith("_rate") and isinstance(value, float):
        return round(value * 100, 1)
    return value


def _default_municipality(user, municipalities):
    """The regisseur's own municipality (the one his organisation serves), if any."""
    served = Organisation.objects.filter(
        pk__in=permissions.regisseur_organisations(user)
    ).values_list("municipalities", flat=True)
    return municipalities.filter(pk__in=served).first()


@case_area
@require_GET
def figures(request):
    """Figures for a municipality (default: the regisseur's own) over a period, with the
    period before it for trends; as a page, JSON or CSV. Counts only, no persons."""
    if not permissions.may_view_figures(request.user):
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    municipalities = (
        Municipality.objects.filter(cases__isnull=False).distinct().order_by("name")
    )
    requested = request.GET.get("gemeente")
    if requested is None:
        chosen = _default_municipality(request.user, municipalities)
    else:
        chosen = municipalities.filter(slug=requested).first()
    period = selectors.figures_period(request.GET.get("periode"))
    data = selectors.figures(
        municipality=chosen, since=period.since, until=period.until
    )
    previous = (
        selectors.figures(
            municipality=chosen,
            since=period.previous_since,
            until=period.previous_until,
        )
        if period.since is not None
        else None
    )
    trends = [
        (label, _figure(data, path), _figure(previous, path))
        for label, path in FIGURE_TRENDS
    ]
    fmt = request.GET.get("formaat")
    if fmt == "json":
        return JsonResponse({**data, "period": period.key, "previous_period": previous})
    if fmt == "csv":
        return _figures_csv(chosen, period, data, trends)
    return render(
        request,
        "casusregie/figures.html",
        {
            "data": data,
            "municipalities": municipalities,
            "chosen": chosen,
            "period": period,
            "periods": selectors.FIGURE_PERIODS.items(),
            "trends": trends,
        },
    )


def _figures_csv(chosen, period, data, trends) -> HttpResponse:
    """The same figures as a spreadsheet (semicolons and decimal commas in Dutch)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = chosen.slug if chosen else "alle-gemeenten"
    response["Content-Disposition"] = (
        f'attachment; filename="casusregie-cijfers-{name}-{period.key}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Gemeente"), str(chosen) if chosen else _("Alle gemeenten")])
    writer.writerow([_("Periode"), period.label])
    writer.writerow([])
    writer.writerow([_("Cijfer"), _("Deze periode"), _("Periode ervoor")])
    for label, now_value, before in trends:
        writer.writerow([label, _number(now_value), _number(before)])
    writer.writerow([])
    writer.writerow(
        [_("Maand"), _("Voorgesteld"), _("Geaccepteerd"), _("Afgewezen"), _("Verlopen")]
    )
    for row in data["handovers_per_month"]:
        writer.writerow(
            [
                row["month"],
                row["proposed"],
                row["accepted"],
                row["declined"],
                row["expired"],
            ]
        )
    return response


def _number(value) -> str:
    return "" if value is None else number_format(value)
