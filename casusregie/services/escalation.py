"""Escalation to the municipality's regisseur armoede en schulden.

Any involved partner may ask (``escalation_request``); the system escalates when a
proposal expires; the regisseur takes the lead when the lead's consent is withdrawn.
While an escalation is open the municipality is involved as ``REGISSEUR`` (legal task,
Wgs) and its regisseurs see the case. The regisseur then takes over the lead
(``escalation_take_over``) or returns the case with advice (``escalation_return``), after
which the municipality's involvement ends.

``escalation_suggestions`` is what the platform suggests: three or more active partners,
two declined hand-overs, or an expired proposal.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from casusregie import events, notifications, permissions
from casusregie.constants import (
    SUGGEST_ESCALATION_DECLINES,
    SUGGEST_ESCALATION_PARTNERS,
    EscalationStatus,
    EscalationTrigger,
    EventKind,
    HandoverStatus,
    InvolvementRole,
)
from casusregie.models import Case, Escalation, Handover, Involvement
from casusregie.services.common import (
    actor_organisation,
    authorise,
    lock_case,
    now_or,
    record_change,
    require_open,
)
from casusregie.services.errors import NotAllowed
from casusregie.services.grants import grants_sync
from casusregie.services.transitions import (
    LEGAL_TASK_WGS,
    escalation_begin,
    escalation_move,
    escalations_resolve_open,
    handovers_cancel_open,
    involvement_rebase,
    involvement_start,
    involvement_stop,
    lead_move,
)
from pact.constants import OrganisationKind, Role
from pact.models import Organisation


def municipality_organisation(case: Case) -> Organisation | None:
    """The municipality (kind gemeente) that serves the case's municipality."""
    return (
        Organisation.objects.filter(
            kind=OrganisationKind.GEMEENTE,
            municipalities=case.municipality_id,
            is_active=True,
        )
        .order_by("pk")
        .first()
    )


def escalation_suggestions(
    case: Case,
    *,
    involvements: Iterable[Involvement] | None = None,
    handovers: Iterable[Handover] | None = None,
    escalations: Iterable[Escalation] | None = None,
) -> list[str]:
    """Reasons to suggest the regisseur (empty when none, or already escalated/led).

    Pass the case's active ``involvements`` and all its ``handovers`` and
    ``escalations`` when they are already loaded (the case page has them): then this
    asks the database nothing, or once when the lead is a municipality."""
    if case.is_closed:
        return []
    if escalations is None:
        escalations = case.escalations.filter(status=EscalationStatus.OPEN)
    if any(e.status == EscalationStatus.OPEN for e in escalations):
        return []
    if case.lead_organisation.kind == OrganisationKind.GEMEENTE:
        gemeente = municipality_organisation(case)
        if gemeente is not None and case.lead_organisation_id == gemeente.pk:
            return []
    if involvements is None:
        involvements = case.involvements.filter(ended_at__isnull=True)
    if handovers is None:
        handovers = case.handovers.filter(
            status__in=[HandoverStatus.DECLINED, HandoverStatus.EXPIRED]
        )
    statuses = Counter(handover.status for handover in handovers)
    reasons = []
    partners = sum(1 for i in involvements if i.ended_at is None)
    if partners >= SUGGEST_ESCALATION_PARTNERS:
        reasons.append(_("Er zijn %(count)s partners betrokken.") % {"count": partners})
    declines = statuses[HandoverStatus.DECLINED]
    if declines >= SUGGEST_ESCALATION_DECLINES:
        reasons.append(
            _("Een overdracht is %(count)s keer afgewezen.") % {"count": declines}
        )
    if statuses[HandoverStatus.EXPIRED]:
        reasons.append(_("Een overdrachtsvoorstel is verlopen zonder antwoord."))
    return reasons


def _ensure_regisseur_involvement(case: Case, gemeente: Organisation, at) -> None:
    existing = case.involvements.filter(
        organisation=gemeente, ended_at__isnull=True
    ).first()
    if existing is None:
        involvement_start(
            case, gemeente, role=InvolvementRole.REGISSEUR, basis=LEGAL_TASK_WGS, at=at
        )


def _notify_regisseurs(escalation: Escalation, case: Case) -> None:
    regisseurs = permissions.users_of_organisations(
        [escalation.regisseur_organisation], [Role.REGISSEUR]
    )
    events.publish_to_users(
        regisseurs | permissions.users_to_notify(case),
        {
            "type": "escalation.opened",
            "escalation": str(escalation.uuid),
            "case": str(case.uuid),
        },
    )
    events.publish_case_changed(case)
    notifications.notify(
        regisseurs,
        subject=_("Een casus is aan u voorgelegd"),
        lines=[str(escalation.get_trigger_display())],
        path=notifications.case_path(case),
    )


def _why_not_escalate(case: Case, gemeente: Organisation | None) -> str | None:
    """Why ``case`` cannot go to the regisseur now (None: it can)."""
    if gemeente is None:
        return _("Er is geen gemeente met een regisseur voor %(municipality)s.") % {
            "municipality": case.municipality
        }
    if case.lead_organisation_id == gemeente.pk:
        return _("De regisseur heeft de regie al.")
    if case.escalations.filter(status=EscalationStatus.OPEN).exists():
        return _("Deze casus ligt al bij de regisseur.")
    return None


def escalation_open(
    *,
    case: Case,
    trigger: str,
    actor,
    reason: str = "",
    at: datetime.datetime,
) -> Escalation:
    """Within the caller's transaction (case locked): open an escalation.

    Raises ``ValidationError`` (before writing anything) when the municipality has no
    organisation with regisseurs, already leads, or already has the case."""
    gemeente = municipality_organisation(case)
    problem = _why_not_escalate(case, gemeente)
    if problem is not None or gemeente is None:
        raise ValidationError(problem or "")
    organisation = actor_organisation(actor, case)
    escalation = Escalation.objects.create(
        case=case,
        trigger=trigger,
        reason=reason.strip(),
        requested_by=actor,
        requested_by_organisation=organisation,
        regisseur_organisation=gemeente,
        opened_at=at,
    )
    _ensure_regisseur_involvement(case, gemeente, at)
    grants_sync(case)
    record_change(
        case=case,
        kind=EventKind.ESCALATION_OPENED,
        actor=actor,
        organisation=organisation,
        summary=str(escalation.get_trigger_display()),
        obj=escalation,
        at=at,
    )
    _notify_regisseurs(escalation, case)
    return escalation


def escalation_open_if_possible(
    *,
    case: Case,
    trigger: str,
    actor,
    reason: str = "",
    at: datetime.datetime,
) -> Escalation | None:
    """``escalation_open``, or nothing when the case cannot go to the regisseur (the
    expiry job: no municipality with regisseurs, or it already has the case)."""
    if _why_not_escalate(case, municipality_organisation(case)) is not None:
        return None
    return escalation_open(
        case=case, trigger=trigger, actor=actor, reason=reason, at=at
    )


@transaction.atomic
def escalation_request(
    *, case: Case, actor, reason: str, at: datetime.datetime | None = None
) -> Escalation:
    """An involved partner asks the regisseur to take over (``edit``)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    if not reason.strip():
        raise ValidationError(_("Schrijf kort op waarom u de regisseur vraagt."))
    return escalation_open(
        case=case, trigger=EscalationTrigger.REQUEST, actor=actor, reason=reason, at=at
    )


@transaction.atomic
def escalation_take_over(
    *, escalation: Escalation, actor, at: datetime.datetime | None = None
) -> Escalation:
    """The regisseur takes the lead: the municipality leads, the old lead stays involved.

    Open hand-overs lapse. Only a regisseur of the addressed municipality.
    """
    at = now_or(at)
    case, escalation = escalation_begin(escalation, "take_over")
    if not permissions.may_resolve_escalation(actor, escalation):
        raise NotAllowed(_("Alleen de regisseur van de gemeente kan dit doen."))
    handovers_cancel_open(case, reason=_("De regisseur nam de regie over"), at=at)
    lead_move(
        case=case,
        to_organisation=escalation.regisseur_organisation,
        basis=LEGAL_TASK_WGS,
        worker=actor,
        at=at,
    )
    escalation_move(escalation, "take_over", actor=actor, at=at)
    events.publish_case_changed(case)
    return escalation


@transaction.atomic
def escalation_return(
    *, escalation: Escalation, actor, advice: str, at: datetime.datetime | None = None
) -> Escalation:
    """The regisseur gives the case back with advice; the municipality steps out."""
    at = now_or(at)
    case, escalation = escalation_begin(escalation, "return")
    if not permissions.may_resolve_escalation(actor, escalation):
        raise NotAllowed(_("Alleen de regisseur van de gemeente kan dit doen."))
    if not advice.strip():
        raise ValidationError(_("Schrijf uw advies voor de regiehouder op."))
    for involvement in case.involvements.select_for_update().filter(
        organisation=escalation.regisseur_organisation,
        role=InvolvementRole.REGISSEUR,
        ended_at__isnull=True,
    ):
        involvement_stop(involvement, at=at)
    # Published before the grants go: the regisseur's own list must drop the case too.
    escalation_move(
        escalation, "return", actor=actor, at=at, resolution_note=advice.strip()
    )
    grants_sync(case)
    events.publish_case_changed(case)
    return escalation


def regisseur_take_lead_for_system(*, case: Case, at, leaving: Involvement) -> None:
    """Within ``consent_withdraw``: the lead's consent ended, the municipality leads.

    Recorded as an escalation already taken over (trigger ``consent withdrawn``).
    """
    gemeente = municipality_organisation(case)
    if gemeente is None:
        raise ValidationError(
            _("Er is geen gemeente die de regie kan overnemen. Sluit de casus af.")
        )
    if gemeente.pk == leaving.organisation_id:
        involvement_rebase(leaving, LEGAL_TASK_WGS)
        return
    handovers_cancel_open(
        case, reason=_("Toestemming van de regiehouder ingetrokken"), at=at
    )
    escalations_resolve_open(case, "overtaken", actor=None, at=at)
    lead_move(
        case=case,
        to_organisation=gemeente,
        basis=LEGAL_TASK_WGS,
        worker=None,
        at=at,
        leaving=leaving,
    )
    escalation = Escalation.objects.create(
        case=case,
        trigger=EscalationTrigger.CONSENT_WITHDRAWN,
        regisseur_organisation=gemeente,
        status=EscalationStatus.TAKEN_OVER,
        opened_at=at,
        resolved_at=at,
    )
    record_change(
        case=case,
        kind=EventKind.ESCALATION_TAKEN_OVER,
        actor=None,
        organisation=gemeente,
        summary=str(escalation.get_trigger_display()),
        obj=escalation,
        at=at,
    )
    _notify_regisseurs(escalation, case)
