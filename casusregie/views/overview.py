"""The overview pages: a worker's dashboard, an organisation's cases and the live
inbox of hand-overs and escalations."""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from casusregie import permissions, selectors, services
from casusregie.views.common import case_area


@case_area
@require_GET
def dashboard(request):
    user = request.user
    status = request.GET.get("status", "open")
    only_mine = request.GET.get("alleen") == "mijn"
    page = services.cases_page_read(
        request=request,
        page_number=request.GET.get("pagina"),
        status=status,
        only_mine=only_mine,
    )
    page.object_list = selectors.cases_mark_first_contact(page.object_list)
    return render(
        request,
        "casusregie/dashboard.html",
        {
            "page": page,
            "status": status,
            "only_mine": only_mine,
            **selectors.handover_inbox(user),
            "escalations": list(selectors.escalations_open_for(user)[:50]),
            "may_open": permissions.may_open_cases(user),
            "may_view_figures": permissions.may_view_figures(user),
            "may_break_glass": permissions.may_break_glass(user),
            "is_coordinator": permissions.is_case_coordinator(user),
            "has_case_role": permissions.has_case_role(user),
        },
    )


@case_area
@require_GET
def organisation_cases(request):
    user = request.user
    organisations = list(permissions.organisations_overseeing(user).order_by("name"))
    if not organisations:
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    chosen = organisations[0]
    wanted = request.GET.get("organisatie")
    if wanted:
        chosen = next((o for o in organisations if str(o.uuid) == wanted), None)
        if chosen is None:
            raise Http404(permissions.NOT_FOUND_MESSAGE)
    status = request.GET.get("status", "open")
    page = services.cases_page_read(
        request=request,
        page_number=request.GET.get("pagina"),
        status=status,
        organisation_id=chosen.pk,
    )
    page.object_list = selectors.cases_mark_first_contact(page.object_list)
    return render(
        request,
        "casusregie/organisation_cases.html",
        {
            "page": page,
            "organisations": organisations,
            "chosen": chosen,
            "status": status,
        },
    )


@case_area
@require_GET
def inbox_fragment(request):
    """The live part of the dashboard, re-fetched when an event arrives."""
    user = request.user
    services.list_read(request=request, name="inbox")
    context = {
        **selectors.handover_inbox(user),
        "escalations": list(selectors.escalations_open_for(user)[:50]),
    }
    return render(request, "casusregie/includes/inbox.html", context)


@case_area
@require_GET
def inbox_counts(request):
    return JsonResponse(selectors.inbox_counts(request.user))
