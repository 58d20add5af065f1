"""Break-glass: opening emergency access to a case for an hour, and the report of
every such access."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from casusregie import forms, permissions, services
from casusregie.views.common import case_area


@case_area
def break_glass(request):
    if not permissions.may_break_glass(request.user):
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    form = forms.BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            access = services.break_glass_open(
                actor=request.user, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.warning(
                request,
                _(
                    "Noodtoegang geopend voor een uur. Alles wat u bekijkt wordt vastgelegd en gemeld."
                ),
            )
            return redirect("casusregie:case_detail", case_uuid=access.case.uuid)
    return render(request, "casusregie/break_glass.html", {"form": form})


@case_area
@require_GET
def break_glass_report(request):
    user = request.user
    if not (
        permissions.may_break_glass(user)
        or permissions.regisseur_organisations(user).exists()
    ):
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    accesses = services.break_glass_report_read(request=request)
    return render(request, "casusregie/break_glass_report.html", {"accesses": accesses})
