"""Hand-overs and escalations change status here (see the package docstring)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils.translation import gettext as _

from casusregie import events, permissions
from casusregie.constants import EscalationStatus, InvolvementRole
from casusregie.models import Case, Consent, Escalation, Handover, Involvement
from casusregie.services.common import lock_case, record_change
from casusregie.services.transitions.involvements import involvement_stop
from casusregie.services.transitions.table import (
    ESCALATION_TRANSITIONS,
    HANDOVER_TRANSITIONS,
    OPEN_HANDOVER,
    check_allowed,
)
from pact.models import Organisation

# --- Hand-overs --------------------------------------------------------------------------


def handover_begin(handover: Handover, name: str) -> tuple[Case, Handover]:
    """Lock the case, then the hand-over, and check ``name`` may happen now."""
    case = lock_case(handover.case)
    locked = Handover.objects.select_for_update().get(pk=handover.pk)
    check_allowed(locked, HANDOVER_TRANSITIONS[name])
    return case, locked


def handover_move(
    handover: Handover,
    name: str,
    *,
    actor,
    organisation: Organisation | None,
    summary: str,
    at: datetime.datetime,
    extra_orgs: Iterable[Organisation] = (),
    clean: bool = False,
    **fields,
) -> Handover:
    """Set the status of ``name`` and ``fields`` (validated when ``clean``), save them,
    record and publish."""
    transition = HANDOVER_TRANSITIONS[name]
    check_allowed(handover, transition)
    handover.status = transition.target
    for field, value in fields.items():
        setattr(handover, field, value)
    if clean:
        handover.full_clean()
    handover.save(update_fields=["status", *fields])
    record_change(
        case=handover.case,
        kind=transition.event,
        actor=actor,
        organisation=organisation,
        summary=summary,
        obj=handover,
        at=at,
    )
    handover_publish(handover, transition.live, extra_orgs=extra_orgs)
    return handover


def handover_publish(
    handover: Handover, kind: str, *, extra_orgs: Iterable[Organisation] = ()
) -> None:
    """Tell both organisations (and the named worker) live; ids only."""
    recipients = permissions.users_to_notify(
        handover.case,
        organisations=[
            handover.to_organisation,
            handover.from_organisation,
            *extra_orgs,
        ],
    )
    if handover.to_worker_id:
        recipients.add(handover.to_worker_id)
    events.publish_to_users(
        recipients,
        {"type": kind, "handover": str(handover.uuid), "case": str(handover.case.uuid)},
    )
    events.publish_case_changed(handover.case)


def handovers_cancel_open(
    case: Case, *, reason: str, at: datetime.datetime, consent: Consent | None = None
) -> list[Handover]:
    """Within the caller's transaction: every open hand-over of ``case`` (only those on
    ``consent``, if given) lapses (case closed, consent withdrawn, regisseur took over).
    """
    open_ones = Handover.objects.select_for_update().filter(
        case=case, status__in=OPEN_HANDOVER
    )
    if consent is not None:
        open_ones = open_ones.filter(consent=consent)
    return [
        handover_move(
            handover,
            "cancel",
            actor=None,
            organisation=None,
            summary=reason,
            at=at,
            closed_reason=reason[:300],
            answered_at=handover.answered_at or at,
        )
        for handover in open_ones
    ]


def handover_complete(
    handover: Handover, *, actor, contact_at: datetime.datetime, at: datetime.datetime
) -> Handover:
    """Within ``case_record_first_contact``: the new lead met the resident; the previous
    lead steps out now if the proposer chose so."""
    if not handover.previous_lead_stays:
        for involvement in Involvement.objects.select_for_update().filter(
            case=handover.case,
            organisation=handover.from_organisation,
            role=InvolvementRole.INVOLVED,
            ended_at__isnull=True,
        ):
            involvement_stop(involvement, at=at)
    summary = (
        _("%(organisation)s stapt uit na de overdracht")
        if not handover.previous_lead_stays
        else _("Overdracht afgerond; %(organisation)s blijft betrokken")
    ) % {"organisation": handover.from_organisation}
    return handover_move(
        handover,
        "complete",
        actor=actor,
        organisation=handover.to_organisation,
        summary=summary,
        at=at,
        first_contact_at=contact_at,
    )


# --- Escalations -------------------------------------------------------------------------


def escalation_begin(escalation: Escalation, name: str) -> tuple[Case, Escalation]:
    """Lock the case, then the escalation, and check ``name`` may happen now."""
    case = lock_case(escalation.case)
    locked = Escalation.objects.select_for_update().get(pk=escalation.pk)
    check_allowed(locked, ESCALATION_TRANSITIONS[name])
    return case, locked


def escalation_move(
    escalation: Escalation,
    name: str,
    *,
    actor,
    at: datetime.datetime,
    record: bool = True,
    **fields,
) -> Escalation:
    """Set the status of ``name``, ``resolved_at``/``resolved_by`` and ``fields``; save,
    then (``record``) write the timeline and publish to everyone who sees the case."""
    transition = ESCALATION_TRANSITIONS[name]
    check_allowed(escalation, transition)
    escalation.status = transition.target
    escalation.resolved_at, escalation.resolved_by = at, actor
    for field, value in fields.items():
        setattr(escalation, field, value)
    escalation.save(update_fields=["status", "resolved_at", "resolved_by", *fields])
    if record and transition.live:
        case = escalation.case
        record_change(
            case=case,
            kind=transition.event,
            actor=actor,
            organisation=escalation.regisseur_organisation,
            obj=escalation,
            at=at,
        )
        events.publish_to_users(
            permissions.users_to_notify(case),
            {
                "type": transition.live,
                "escalation": str(escalation.uuid),
                "case": str(case.uuid),
            },
        )
    return escalation


def escalations_resolve_open(
    case: Case, name: str, *, actor, at: datetime.datetime
) -> list[Escalation]:
    """Within the caller's transaction: the case's open escalation ends with it (the
    case closed, or the regisseur leads now)."""
    return [
        escalation_move(escalation, name, actor=actor, at=at, record=False)
        for escalation in Escalation.objects.select_for_update().filter(
            case=case, status=EscalationStatus.OPEN
        )
    ]
