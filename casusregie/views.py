"""HTML pages of casusregie: thin adapters over the policy, the selectors and the
services. Every page that shows case data gets it from ``services.case_read`` and its
siblings (``services/reads.py``), which log the read; forbidden answers 404. The case
page's changes are one table (``CASE_ACTIONS``) served by one view (``case_action``)."""

from __future__ import annotations

import csv
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from casusregie import forms, permissions, selectors, services
from casusregie.constants import (
    AuditAction,
    AuditChannel,
    GoalStatus,
    HandoverStatus,
)
from casusregie.models import Case
from casusregie.services.escalation import escalation_suggestions
from pact.models import Organisation

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def case_area(view):
    """Logged in, two factors where required, no caching of pages with case data."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.two_factor_satisfied(request.user):
            from casusregie.twofactor import two_factor_redirect

            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def _back(request, fallback: str):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


def _run(request, call, *, success: StrOrPromise, fallback: str):
    """Run a service; show its message; answer 404 when the policy says no."""
    try:
        call()
    except services.NotAllowed:
        raise Http404(permissions.NOT_FOUND_MESSAGE) from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return _back(request, fallback)


def _form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


# --- Overview pages ------------------------------------------------------------------------


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


# --- Opening a case ------------------------------------------------------------------------


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


# --- The case page and its actions ---------------------------------------------------------


def _other_organisations(case):
    return (
        Organisation.objects.filter(municipalities=case.municipality_id, is_active=True)
        .exclude(kind="pact")
        .order_by("name")
    )


@case_area
@require_GET
def case_detail(request, case_uuid):
    case = services.case_read(request=request, case_uuid=case_uuid)
    detail = selectors.case_detail(case)
    involved_ids = {i.organisation_id for i in detail["involvements"]}
    candidates = _other_organisations(case)
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
    from django.template.loader import render_to_string

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


def _case_url(case) -> str:
    return reverse("casusregie:case_detail", args=[case.uuid])


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
            data, organisations=_other_organisations(case)
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
            data, organisations=_other_organisations(case)
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
            _form_errors(request, form)
            return redirect(_case_url(case))
        data = form.cleaned_data
    fallback = (
        reverse("casusregie:dashboard")
        if action.back == "dashboard"
        else _case_url(case)
    )
    return _run(
        request,
        lambda: action.run(request.user, case, data, **parts),
        success=action.success,
        fallback=fallback,
    )


# --- Hand-overs ------------------------------------------------------------------------------


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
    organisations = _other_organisations(case).exclude(pk=case.lead_organisation_id)
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
            _form_errors(request, form)
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


# --- Escalations (regisseur) -----------------------------------------------------------------


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
    return _run(
        request,
        lambda: services.escalation_take_over(
            escalation=escalation, actor=request.user
        ),
        success=_("U heeft de regie overgenomen."),
        fallback=_case_url(escalation.case),
    )


@case_area
@require_POST
def escalation_return(request, escalation_uuid):
    escalation = services.escalation_for_change(
        request=request, escalation_uuid=escalation_uuid
    )
    form = forms.AdviceForm(request.POST)
    advice = form.cleaned_data["advice"] if form.is_valid() else ""
    return _run(
        request,
        lambda: services.escalation_return(
            escalation=escalation, actor=request.user, advice=advice
        ),
        success=_("De casus is teruggegeven met uw advies."),
        fallback=reverse("casusregie:escalation_list"),
    )


# --- Figures and break-glass -------------------------------------------------------------


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
    from pact.models import Municipality

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
