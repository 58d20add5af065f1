"""Opening a case and the pages that show one: the case page, its print, its JSON and
PDF exports and its access log. Each read goes through ``services.case_read``, which
logs it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from casusregie import forms, permissions, selectors, services
from casusregie.constants import AuditAction, AuditChannel, GoalStatus
from casusregie.services.escalation import escalation_suggestions
from casusregie.views.common import case_area, other_organisations


@case_area
def case_create(request):
    organisations = permissions.organisations_working(request.user).order_by("name")
    if not organisations.exists():
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    form = forms.CaseOpenForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_open(
                actor=request.user,
                organisation=data["organisation"],
                label=data["label"],
                municipality=data["municipality"],
                goals=data["goals"],
                complexity=data["complexity"],
                resident_regie=data["resident_regie"],
                legal_ground=data["legal_ground"],
                consent_scope=data["consent_scope"],
                consent_form=data["consent_form"] or "mondeling",
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("De casus is aangemeld."))
            return redirect("casusregie:case_detail", case_uuid=case.uuid)
    return render(request, "casusregie/case_form.html", {"form": form})


@case_area
@require_GET
def case_detail(request, case_uuid):
    case = services.case_read(request=request, case_uuid=case_uuid)
    detail = selectors.case_detail(case)
    involved_ids = {i.organisation_id for i in detail["involvements"]}
    candidates = other_organisations(case)
    open_handover = next((h for h in detail["handovers"] if h.is_open), None)
    context = {
        "case": case,
        **detail,
        "break_glass": permissions.is_break_glass_view(request.user, case),
        "suggestions": escalation_suggestions(
            case,
            involvements=detail["involvements"],
            handovers=detail["handovers"],
            escalations=detail["escalations"],
        ),
        "open_handover": open_handover,
        "goal_form": forms.GoalForm(),
        "note_form": forms.NoteForm(),
        "consent_form": forms.ConsentForm_(organisations=candidates),
        "involvement_form": forms.InvolvementForm(
            organisations=candidates.exclude(pk__in=involved_ids)
        ),
        "regie_form": forms.RegieForm(
            initial={
                "resident_regie": case.resident_regie,
                "complexity": case.complexity,
            }
        ),
        "escalate_form": forms.EscalateForm(),
        "first_contact_form": forms.FirstContactForm(
            proposed_at=open_handover.proposed_at if open_handover else None
        ),
        "close_form": forms.CloseForm(),
        "goal_statuses": GoalStatus.choices,
    }
    return render(request, "casusregie/case_detail.html", context)


@case_area
@require_GET
def case_print(request, case_uuid):
    case = services.case_read(
        request=request,
        case_uuid=case_uuid,
        audit=AuditAction.CASE_PRINT,
        channel=AuditChannel.PRINT,
    )
    return render(
        request,
        "casusregie/case_print.html",
        {"case": case, "data": selectors.case_export_data(case), "printed": True},
    )


@case_area
@require_GET
def case_export_json(request, case_uuid):
    case = services.case_read(
        request=request,
        case_uuid=case_uuid,
        action=permissions.EXPORT,
        audit=AuditAction.CASE_EXPORT_JSON,
        channel=AuditChannel.EXPORT,
    )
    response = JsonResponse(
        selectors.case_export_data(case),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = (
        f'attachment; filename="casus-{case.reference}.json"'
    )
    return response


@case_area
@require_GET
def case_export_pdf(request, case_uuid):
    # WeasyPrint (and its native libraries) loads only when a PDF is made: 0.5-0.8 s
    # to import (python -X importtime), which starting the site does not pay.
    from weasyprint import HTML

    case = services.case_read(
        request=request,
        case_uuid=case_uuid,
        action=permissions.EXPORT,
        audit=AuditAction.CASE_EXPORT_PDF,
        channel=AuditChannel.EXPORT,
    )
    html = render_to_string(
        "casusregie/case_export_pdf.html",
        {"case": case, "data": selectors.case_export_data(case)},
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="casus-{case.reference}.pdf"'
    )
    return response


@case_area
@require_GET
def case_access_log(request, case_uuid):
    case = services.case_read(
        request=request,
        case_uuid=case_uuid,
        action=permissions.VIEW_LOG,
        audit=AuditAction.ACCESS_LOG_VIEW,
    )
    paginator = Paginator(selectors.case_access_log_entries(case), 100)
    return render(
        request,
        "casusregie/access_log.html",
        {"case": case, "page": paginator.get_page(request.GET.get("pagina"))},
    )
