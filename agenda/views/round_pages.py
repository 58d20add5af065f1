"""Rounds and what the pact reports from them: the rounds page (and making rounds), the
council report of a round as PDF, the data-quality figures and the plan's export.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import caching, charts, permissions, selectors, services
from agenda.exporting import CONTENT_TYPES, FORMATS, plan_export
from agenda.forms import RoundForm
from agenda.report import council_report_pdf_cached, sections_digest
from agenda.views.common import login_for_internal, plan_context


@login_for_internal
def quality(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan, permissions.VIEW_INTERNAL)
    data = selectors.data_quality(plan)
    chart = charts.percent_bars(
        [(row.round.title, row.coverage.percent) for row in data["rows"]],
        title=_("Dekking van de updates per ronde"),
    )
    return render(
        request,
        "agenda/quality.html",
        plan_context(request, plan, chart=chart, **data),
    )


@login_for_internal
def rounds(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan, permissions.VIEW_INTERNAL)
    form = None
    if permissions.is_plan_admin(request.user, plan):
        form = RoundForm(request.POST or None)
        if request.method == "POST":
            if "quarterly" in request.POST:
                created = services.rounds_create_quarterly(
                    plan=plan, actor=request.user
                )
                messages.success(
                    request, _("%(n)s kwartaalrondes aangemaakt.") % {"n": len(created)}
                )
                return redirect("agenda:rounds", pact=pact, plan=plan.slug)
            if form.is_valid():
                try:
                    services.round_create(
                        plan=plan, actor=request.user, **form.cleaned_data
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, _("De ronde is aangemaakt."))
                    return redirect("agenda:rounds", pact=pact, plan=plan.slug)
    elif request.method == "POST":
        raise Http404
    today = timezone.localdate()
    rows = [
        (r, selectors.round_coverage(plan, r) if r.opens_on <= today else None)
        for r in selectors.round_list(plan)
    ]
    return render(
        request,
        "agenda/rounds.html",
        plan_context(request, plan, rows=rows, form=form, today=today),
    )


def round_report(request, pact, plan, round_uuid):
    """The council report of a round as PDF (published actions and submitted updates only)."""
    plan = permissions.access_plan(request.user, pact, plan)
    round_ = get_object_or_404(plan.rounds, uuid=round_uuid)
    # Building the PDF takes seconds on a large plan: served from the cache per plan
    # version, and rebuilt only when the report's content changed. Sections other apps
    # contribute change without the plan changing: their hash is part of the key.
    sections = selectors.report_sections_for_round(round_)
    pdf = caching.cached(
        plan,
        ("council-report", round_.pk, sections_digest(sections)),
        lambda: council_report_pdf_cached(round_, sections=sections),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"raadsrapportage-{plan.pact.slug}-{round_.period_starts_on:%Y-%m}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_for_internal
def export(request, pact, plan, fmt):
    plan = permissions.access_plan(request.user, pact, plan, permissions.VIEW_INTERNAL)
    if fmt not in FORMATS:
        raise Http404
    response = HttpResponse(plan_export(plan, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="acties-{plan.pact.slug}-{datetime.date.today():%Y%m%d}.{fmt}"'
    )
    return response
