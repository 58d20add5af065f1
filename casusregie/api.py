"""JSON API of casusregie: plain Django views, session authentication, CSRF-protected
writes, the same policy and the same access logging as the pages.

Errors: 401 not logged in, 403 two-factor verification missing, 404 missing *or*
forbidden (indistinguishable), 400 invalid input, 409 the object changed state meanwhile.
"""

from __future__ import annotations

import json
from functools import wraps

from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from casusregie import permissions, selectors, services
from casusregie.constants import AuditChannel
from casusregie.models import Case, Handover
from pact.models import Organisation


def _error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"detail": message, **extra}, status=status)


def api_view(*methods: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in methods:
                return _error(405, _("Deze methode kan hier niet."))
            if not request.user.is_authenticated:
                return _error(401, _("Log eerst in."))
            if not permissions.two_factor_satisfied(request.user):
                return _error(403, _("Bevestig eerst uw inlog met de tweede stap."))
            try:
                return view(request, *args, **kwargs)
            except (Http404, services.NotAllowed):
                return _error(404, str(permissions.NOT_FOUND_MESSAGE))
            except services.InvalidTransition as error:
                return _error(409, " ".join(error.messages))
            except ValidationError as error:
                return _error(400, _("Dit kan zo niet."), errors=error.messages)

        return never_cache(wrapper)

    return decorator


def _body(request) -> dict:
    if not request.body:
        return {}
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise ValidationError(_("De inhoud is geen geldige JSON.")) from None
    if not isinstance(data, dict):
        raise ValidationError(_("Verwacht een JSON-object."))
    if _has_nul(data):
        # No database stores a NUL character; PostgreSQL raises on it.
        raise ValidationError(_("De inhoud bevat een ongeldig teken (NUL)."))
    return data


def _has_nul(data) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _when(value):
    return timezone.localtime(value).isoformat() if value else None


def _organisation(organisation: Organisation | None) -> dict | None:
    if organisation is None:
        return None
    return {"uuid": str(organisation.uuid), "name": organisation.name}


def case_summary(case: Case) -> dict:
    return {
        "uuid": str(case.uuid),
        "reference": case.reference,
        "label": case.label,
        "municipality": case.municipality.name,
        "status": case.status,
        "complexity": case.complexity,
        "resident_regie": case.resident_regie,
        "lead": _organisation(case.lead_organisation),
        "involved": [
            {
                "organisation": _organisation(involvement.organisation),
                "role": involvement.role,
                "basis": involvement.basis,
                "since": _when(involvement.started_at),
            }
            for involvement in getattr(case, "active_involvements", [])
        ],
        "updated_at": _when(case.updated_at),
    }


def handover_data(handover: Handover, *, with_note: bool = True) -> dict:
    data = {
        "uuid": str(handover.uuid),
        "case": str(handover.case.uuid),
        "status": handover.status,
        "from": _organisation(handover.from_organisation),
        "to": _organisation(handover.to_organisation),
        "proposed_at": _when(handover.proposed_at),
        "deadline_at": _when(handover.deadline_at),
        "answered_at": _when(handover.answered_at),
        "first_contact_at": _when(handover.first_contact_at),
        "previous_lead_stays": handover.previous_lead_stays,
    }
    if with_note:
        data["note"] = {
            "priorities": handover.priorities,
            "tried": handover.tried,
            "commitments": handover.commitments,
            "risks": handover.risks,
            "next_appointment": handover.next_appointment,
        }
        data["decline_reason"] = handover.decline_reason
    return data


@api_view("GET")
def case_list(request):
    page = services.cases_page_read(
        request=request,
        page_number=request.GET.get("page"),
        status=request.GET.get("status", "open"),
        per_page=50,
        channel=AuditChannel.API,
    )
    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "results": [case_summary(case) for case in page.object_list],
        }
    )


@api_view("GET")
def case_detail(request, case_uuid):
    case = services.case_read(
        request=request, case_uuid=case_uuid, channel=AuditChannel.API
    )
    detail = selectors.case_detail(case)
    case.active_involvements = detail["involvements"]
    return JsonResponse(
        {
            **case_summary(case),
            "first_contact_at": _when(case.first_contact_at),
            "goals": [
                {
                    "uuid": str(goal.uuid),
                    "priority": goal.position,
                    "text": goal.text,
                    "status": goal.status,
                    "lead": _organisation(goal.lead_organisation),
                }
                for goal in detail["goals"]
            ],
            "consents": [
                {
                    "uuid": str(consent.uuid),
                    "organisation": _organisation(consent.organisation),
                    "scope": consent.scope,
                    "given_on": consent.given_on.isoformat(),
                    "valid_until": consent.valid_until.isoformat()
                    if consent.valid_until
                    else None,
                    "withdrawn_on": consent.withdrawn_on.isoformat()
                    if consent.withdrawn_on
                    else None,
                }
                for consent in detail["consents"]
            ],
            "notes": [
                {
                    "at": _when(note.created_at),
                    "organisation": _organisation(note.organisation),
                    "text": note.text,
                }
                for note in detail["notes"]
            ],
            "handovers": [handover_data(h) for h in detail["handovers"]],
            "timeline": [
                {"at": _when(event.at), "kind": event.kind, "summary": event.summary}
                for event in detail["events"]
            ],
            "permissions": sorted(permissions.case_permissions(request.user, case)),
        }
    )


def _organisation_by_uuid(value) -> Organisation:
    organisation = (
        Organisation.objects.filter(uuid=value, is_active=True).first()
        if value
        else None
    )
    if organisation is None:
        raise ValidationError(_("Onbekende organisatie."))
    return organisation


@api_view("POST")
def handover_propose(request, case_uuid):
    case = services.case_for_change(
        request=request, case_uuid=case_uuid, action=permissions.HAND_OVER
    )
    data = _body(request)
    try:
        to_organisation = _organisation_by_uuid(data.get("to_organisation"))
    except ValidationError:
        raise
    handover = services.handover_propose(
        case=case,
        actor=request.user,
        to_organisation=to_organisation,
        priorities=str(data.get("priorities", "")),
        tried=str(data.get("tried", "")),
        commitments=str(data.get("commitments", "")),
        risks=str(data.get("risks", "")),
        next_appointment=str(data.get("next_appointment", "")),
        previous_lead_stays=bool(data.get("previous_lead_stays", True)),
        legal_ground=str(data.get("legal_ground", "")),
    )
    return JsonResponse(handover_data(handover), status=201)


@api_view("GET")
def handover_list(request):
    user = request.user
    services.list_read(request=request, name="handovers", channel=AuditChannel.API)
    return JsonResponse(
        {
            "incoming": [
                handover_data(h, with_note=False)
                for h in selectors.handovers_incoming(user)[:100]
            ],
            "outgoing": [
                handover_data(h, with_note=False)
                for h in selectors.handovers_outgoing(user)[:100]
            ],
            "counts": selectors.inbox_counts(user),
        }
    )


@api_view("GET")
def handover_detail(request, handover_uuid):
    handover = services.handover_read(
        request=request, handover_uuid=handover_uuid, channel=AuditChannel.API
    )
    return JsonResponse(handover_data(handover))


def _lead_worker_by_username(handover: Handover, value):
    """The colleague a coordinator names when accepting (``"worker": username``)."""
    if not value:
        return None
    worker = (
        permissions.handover_lead_workers(handover).filter(username=str(value)).first()
    )
    if worker is None:
        raise ValidationError(_("Onbekende casusbehandelaar."))
    return worker


@api_view("POST")
def handover_action(request, handover_uuid, action):
    handover = services.handover_for_change(
        request=request, handover_uuid=handover_uuid
    )
    data = _body(request)
    if action == "accept":
        handover = services.handover_accept(
            handover=handover,
            actor=request.user,
            worker=_lead_worker_by_username(handover, data.get("worker")),
        )
    elif action == "decline":
        handover = services.handover_decline(
            handover=handover, actor=request.user, reason=str(data.get("reason", ""))
        )
    elif action == "withdraw":
        handover = services.handover_withdraw(handover=handover, actor=request.user)
    else:
        raise Http404
    handover.refresh_from_db()
    return JsonResponse(handover_data(handover))


@api_view("POST")
def first_contact(request, case_uuid):
    case = services.case_for_change(
        request=request, case_uuid=case_uuid, action=permissions.HAND_OVER
    )
    data = _body(request)
    contact_at = (
        parse_datetime(str(data["contact_at"])) if data.get("contact_at") else None
    )
    if data.get("contact_at") and contact_at is None:
        raise ValidationError(_("Onbekende datum en tijd."))
    if contact_at is not None and timezone.is_naive(contact_at):
        contact_at = timezone.make_aware(contact_at)
    case = services.case_record_first_contact(
        case=case, actor=request.user, contact_at=contact_at
    )
    return JsonResponse({"uuid": str(case.uuid), "status": case.status})


@api_view("POST")
def escalate(request, case_uuid):
    case = services.case_for_change(
        request=request, case_uuid=case_uuid, action=permissions.EDIT
    )
    escalation = services.escalation_request(
        case=case, actor=request.user, reason=str(_body(request).get("reason", ""))
    )
    return JsonResponse(
        {"uuid": str(escalation.uuid), "status": escalation.status}, status=201
    )


@api_view("GET")
def figures(request):
    if not permissions.may_view_figures(request.user):
        raise Http404
    return JsonResponse(selectors.figures())
