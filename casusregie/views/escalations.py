"""Escalations for the regisseur: the open ones, taking over the lead, and giving a
case back with advice."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from casusregie import forms, permissions, selectors, services
from casusregie.views.common import case_area, case_url, run_service


@case_area
@require_GET
def escalation_list(request):
    if not permissions.regisseur_organisations(request.user).exists():
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    services.list_read(request=request, name="escalations")
    return render(
        request,
        "casusregie/escalation_list.html",
        {
            "escalations": list(selectors.escalations_open_for(request.user)),
            "advice_form": forms.AdviceForm(),
        },
    )


@case_area
@require_POST
def escalation_take_over(request, escalation_uuid):
    escalation = services.escalation_for_change(
        request=request, escalation_uuid=escalation_uuid
    )
    return run_service(
        request,
        lambda: services.escalation_take_over(
            escalation=escalation, actor=request.user
        ),
        success=_("U heeft de regie overgenomen."),
        fallback=case_url(escalation.case),
    )


@case_area
@require_POST
def escalation_return(request, escalation_uuid):
    escalation = services.escalation_for_change(
        request=request, escalation_uuid=escalation_uuid
    )
    form = forms.AdviceForm(request.POST)
    advice = form.cleaned_data["advice"] if form.is_valid() else ""
    return run_service(
        request,
        lambda: services.escalation_return(
            escalation=escalation, actor=request.user, advice=advice
        ),
        success=_("De casus is teruggegeven met uw advies."),
        fallback=reverse("casusregie:escalation_list"),
    )
