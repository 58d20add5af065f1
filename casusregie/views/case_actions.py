"""The case page's changes: one table (``CASE_ACTIONS``, by URL name) served by one
view (``case_action``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms as django_forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from casusregie import forms, permissions, services
from casusregie.models import Case
from casusregie.views.common import (
    case_area,
    case_url,
    form_errors,
    other_organisations,
    run_service,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class CaseAction:
    """One form or button on the case page that changes the case.

    ``needs``: the right the case is fetched with (``services.case_for_change``; the
    service checks again). ``form``: builds the form that checks the input, from the
    POST data and the case (``None``: no input). ``run``: calls the service with the
    actor, the case, the form's cleaned data and the address's other parts (a goal's,
    a consent's, an organisation's uuid). ``success``: what the person reads after.
    ``back``: where to go afterwards (``"dashboard"`` when the action can end the
    person's own access to the case). Errors of the form or the service are shown as
    messages; a refusal answers 404 like a missing case.
    """

    needs: str
    run: Callable[..., object]
    success: StrOrPromise
    form: Callable[[Any, Case], django_forms.Form] | None = None
    back: str = "case"


def _goal_update(actor, case, data, goal_uuid):
    goal = services.goal_for_change(case=case, goal_uuid=goal_uuid)
    if data["move"]:
        services.goal_move(goal=goal, actor=actor, direction=data["move"])
    if data["status"]:
        services.goal_update(goal=goal, actor=actor, status=data["status"])


# The case page's changes, by URL name (casusregie/urls.py routes each to case_action).
CASE_ACTIONS: dict[str, CaseAction] = {
    "goal_add": CaseAction(
        needs=permissions.EDIT,
        form=lambda data, case: forms.GoalForm(data),
        run=lambda actor, case, data: services.goal_add(
            case=case, actor=actor, text=data["text"]
        ),
        success=gettext_lazy("Het doel is toegevoegd."),
    ),
    "goal_update": CaseAction(
        needs=permissions.EDIT,
        form=lambda data, case: forms.GoalUpdateForm(data),
        run=_goal_update,
        success=gettext_lazy("Het doel is bijgewerkt."),
    ),
    "note_add": CaseAction(
        needs=permissions.EDIT,
        form=lambda data, case: forms.NoteForm(data),
        run=lambda actor, case, data: services.note_add(
            case=case, actor=actor, text=data["text"]
        ),
        success=gettext_lazy("De notitie is opgeslagen."),
    ),
    "regie_update": CaseAction(
        needs=permissions.EDIT,
        form=lambda data, case: forms.RegieForm(data),
        run=lambda actor, case, data: services.case_update(
            case=case, actor=actor, **data
        ),
        success=gettext_lazy("De regie is bijgewerkt."),
    ),
    "consent_add": CaseAction(
        needs=permissions.EDIT,
        form=lambda data, case: forms.ConsentForm_(
            data, organisations=other_organisations(case)
        ),
        run=lambda actor, case, data: services.consent_record(
            case=case, actor=actor, **data
        ),
        success=gettext_lazy("De toestemming is vastgelegd."),
    ),
    "consent_withdraw": CaseAction(
        needs=permissions.EDIT,
        run=lambda actor, case, data, consent_uuid: services.consent_withdraw(
            consent=services.consent_for_change(case=case, consent_uuid=consent_uuid),
            actor=actor,
        ),
        success=gettext_lazy(
            "De intrekking is vastgelegd. De toegang van die organisatie is gestopt."
        ),
        back="dashboard",
    ),
    "involvement_add": CaseAction(
        needs=permissions.HAND_OVER,
        form=lambda data, case: forms.InvolvementForm(
            data, organisations=other_organisations(case)
        ),
        run=lambda actor, case, data: services.involvement_add(
            case=case,
            actor=actor,
            organisation=data["organisation"],
            legal_ground=data["legal_ground"],
        ),
        success=gettext_lazy("De organisatie is betrokken."),
    ),
    "involvement_end": CaseAction(
        # Who may end which involvement is the service's question.
        needs=permissions.VIEW,
        run=lambda actor, case, data, organisation_uuid: services.involvement_end(
            involvement=services.involvement_for_change(
                case=case, organisation_uuid=organisation_uuid
            ),
            actor=actor,
        ),
        success=gettext_lazy("De organisatie is niet meer betrokken."),
        back="dashboard",
    ),
    "first_contact": CaseAction(
        needs=permissions.HAND_OVER,
        form=lambda data, case: forms.FirstContactForm(data),
        run=lambda actor, case, data: services.case_record_first_contact(
            case=case, actor=actor, contact_at=data["contact_at"]
        ),
        success=gettext_lazy("Het eerste contact is vastgelegd."),
    ),
    "case_close": CaseAction(
        needs=permissions.CLOSE,
        form=lambda data, case: forms.CloseForm(data),
        run=lambda actor, case, data: services.case_close(
            case=case, actor=actor, outcome=data["outcome"]
        ),
        success=gettext_lazy("De casus is afgesloten."),
    ),
    "escalate": CaseAction(
        needs=permissions.EDIT,
        form=lambda data, case: forms.EscalateForm(data),
        run=lambda actor, case, data: services.escalation_request(
            case=case, actor=actor, reason=data["reason"]
        ),
        success=gettext_lazy("De casus is voorgelegd aan de regisseur."),
    ),
}


@case_area
@require_POST
def case_action(request, case_uuid, action_name: str, **parts):
    """Every change on the case page (``CASE_ACTIONS``): fetch the case for the
    change, check the form, run the service, say how it went, go back."""
    action = CASE_ACTIONS[action_name]
    case = services.case_for_change(
        request=request, case_uuid=case_uuid, action=action.needs
    )
    data: dict[str, Any] = {}
    if action.form is not None:
        form = action.form(request.POST, case)
        if not form.is_valid():
            form_errors(request, form)
            return redirect(case_url(case))
        data = form.cleaned_data
    fallback = (
        reverse("casusregie:dashboard")
        if action.back == "dashboard"
        else case_url(case)
    )
    return run_service(
        request,
        lambda: action.run(request.user, case, data, **parts),
        success=action.success,
        fallback=fallback,
    )
