"""Warm hand-overs: starting one from an offering page, proposing, the list and the
detail page, and answering (accept, decline, withdraw)."""

from __future__ import annotations

import uuid as uuid_module

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from casusregie import forms, permissions, selectors, services
from casusregie.constants import AuditAction, HandoverStatus
from casusregie.views.common import case_area, form_errors, other_organisations
from pact.models import Organisation


def _organisation_from_address(request) -> Organisation | None:
    """The organisation a hand-over goes to, when the address names it (``?naar=``,
    from the button on an offering page of the sociale kaart)."""
    try:
        key = uuid_module.UUID(request.GET.get("naar", ""))
    except ValueError:
        return None
    return (
        Organisation.objects.filter(uuid=key, is_active=True)
        .exclude(kind="pact")
        .first()
    )


@case_area
@require_GET
def handover_start(request):
    """ "Warme overdracht starten" on an offering page: which of my cases goes to that
    offering's organisation? Each leads to the hand-over form with it chosen."""
    to_organisation = _organisation_from_address(request)
    if to_organisation is None or not permissions.may_start_handover(request.user):
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    cases = services.cases_to_hand_over_read(
        request=request, to_organisation=to_organisation
    )
    return render(
        request,
        "casusregie/handover_start.html",
        {
            "to_organisation": to_organisation,
            "cases": cases,
            "may_open": permissions.may_open_cases(request.user),
        },
    )


@case_area
def handover_create(request, case_uuid):
    if request.method == "POST":
        case = services.case_for_change(
            request=request, case_uuid=case_uuid, action=permissions.HAND_OVER
        )
    else:
        # The form shows the reference and pre-fills the first goal: a read.
        case = services.case_read(
            request=request,
            case_uuid=case_uuid,
            action=permissions.HAND_OVER,
            audit=AuditAction.HANDOVER_FORM_VIEW,
        )
    organisations = other_organisations(case).exclude(pk=case.lead_organisation_id)
    form = forms.HandoverForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            handover = services.handover_propose(
                case=case,
                actor=request.user,
                to_organisation=data["to_organisation"],
                legal_ground=data["legal_ground"],
                priorities=data["priorities"],
                tried=data["tried"],
                commitments=data["commitments"],
                risks=data["risks"],
                next_appointment=data["next_appointment"],
                previous_lead_stays=data["previous_lead_stays"],
            )
        except services.NotAllowed:
            raise Http404(permissions.NOT_FOUND_MESSAGE) from None
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Het voorstel is verstuurd."))
            return redirect("casusregie:handover_detail", handover_uuid=handover.uuid)
    else:
        first_goal = case.goals.order_by("position").first()
        if request.method == "GET" and first_goal:
            form.initial.setdefault("priorities", first_goal.text)
        chosen = _organisation_from_address(request)
        if chosen is not None and organisations.filter(pk=chosen.pk).exists():
            form.initial["to_organisation"] = chosen.pk
    return render(
        request, "casusregie/handover_form.html", {"case": case, "form": form}
    )


@case_area
@require_GET
def handover_list(request):
    services.list_read(request=request, name="handovers")
    return render(
        request,
        "casusregie/handover_list.html",
        selectors.handover_inbox(request.user, limit=100),
    )


@case_area
@require_GET
def handover_detail(request, handover_uuid):
    handover = services.handover_read(request=request, handover_uuid=handover_uuid)
    is_open = handover.status == HandoverStatus.PROPOSED
    may_answer = is_open and permissions.may_answer_handover(request.user, handover)
    accept_form = None
    if may_answer and permissions.may_assign_lead_worker(request.user, handover):
        # A coordinator names the colleague who leads (decision 0037).
        accept_form = forms.AcceptForm(
            workers=permissions.handover_lead_workers(handover),
            initial={"worker": handover.to_worker_id},
        )
    return render(
        request,
        "casusregie/handover_detail.html",
        {
            "handover": handover,
            "may_answer": may_answer,
            "accept_form": accept_form,
            "may_withdraw": is_open
            and permissions.may_withdraw_handover(request.user, handover),
            "may_view_case": permissions.can(
                request.user, permissions.VIEW, handover.case
            ),
            "decline_form": forms.DeclineForm(),
        },
    )


def _handover_action(request, handover, call, success):
    fallback = reverse("casusregie:handover_detail", args=[handover.uuid])
    try:
        call(handover)
    except services.NotAllowed as error:
        messages.error(request, str(error))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect(fallback)


@case_area
@require_POST
def handover_accept(request, handover_uuid):
    handover = services.handover_for_change(
        request=request, handover_uuid=handover_uuid
    )
    worker = None
    if "worker" in request.POST:
        form = forms.AcceptForm(
            request.POST, workers=permissions.handover_lead_workers(handover)
        )
        if not form.is_valid():
            form_errors(request, form)
            return redirect("casusregie:handover_detail", handover_uuid=handover.uuid)
        worker = form.cleaned_data["worker"]
    if worker is None or worker.pk == request.user.pk:
        success = _(
            "U heeft de regie overgenomen. Leg het eerste contact met de inwoner vast."
        )
    else:
        success = _(
            "Uw organisatie heeft de regie overgenomen. %(worker)s legt het eerste "
            "contact met de inwoner vast."
        ) % {"worker": worker.get_full_name() or worker.get_username()}
    return _handover_action(
        request,
        handover,
        lambda h: services.handover_accept(
            handover=h, actor=request.user, worker=worker
        ),
        success,
    )


@case_area
@require_POST
def handover_decline(request, handover_uuid):
    handover = services.handover_for_change(
        request=request, handover_uuid=handover_uuid
    )
    form = forms.DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _handover_action(
        request,
        handover,
        lambda h: services.handover_decline(
            handover=h, actor=request.user, reason=reason
        ),
        _("U heeft het voorstel afgewezen."),
    )


@case_area
@require_POST
def handover_withdraw(request, handover_uuid):
    return _handover_action(
        request,
        services.handover_for_change(request=request, handover_uuid=handover_uuid),
        lambda h: services.handover_withdraw(handover=h, actor=request.user),
        _("Het voorstel is ingetrokken."),
    )
