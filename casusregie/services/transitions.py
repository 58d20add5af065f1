"""The one place where hand-overs, escalations and involvements change state.

Every service that moves a hand-over or an escalation from one status to another, or
starts, ends or changes an organisation's involvement, does it through this module,
inside its own transaction with the case row locked (``lock_case``):

* ``handover_begin`` / ``escalation_begin`` lock the row and check that the move is
  allowed from its current status (the tables below), so two people acting at once get
  exactly one outcome and the other an ``InvalidTransition``;
* ``handover_move`` / ``escalation_move`` set the new status and the fields that go
  with it, save only those fields, write the timeline and the access log
  (``record_change``) and publish the live event. What differs per service (who may,
  what is checked, who gets an e-mail) stays in the service;
* ``involvement_start``, ``involvement_stop`` and ``lead_move`` are the only writes of
  ``Involvement`` rows: never two leads, never none.

The services modules depend on each other in one direction only: ``common`` and
``grants`` at the bottom, then this module, then ``escalation``, then ``handover`` and
``cases`` (an import-linter contract in ``pyproject.toml`` keeps it so).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from casusregie import events, permissions
from casusregie.constants import (
    Basis,
    EscalationStatus,
    EventKind,
    HandoverStatus,
    InvolvementRole,
    LegalGround,
)
from casusregie.models import Case, Consent, Escalation, Handover, Involvement
from casusregie.services.common import lock_case, record_change
from casusregie.services.errors import InvalidTransition
from casusregie.services.grants import grants_sync
from pact.models import Organisation


@dataclass(frozen=True)
class Transition:
    """A move of a hand-over or escalation: from which statuses, to which, recorded as
    which timeline event, published as which live event."""

    sources: frozenset[str]
    target: str
    event: EventKind
    live: str


H, E = HandoverStatus, EscalationStatus
OPEN_HANDOVER = frozenset({H.PROPOSED, H.ACCEPTED})

HANDOVER_TRANSITIONS: dict[str, Transition] = {
    "accept": Transition(
        frozenset({H.PROPOSED}),
        H.ACCEPTED,
        EventKind.HANDOVER_ACCEPTED,
        "handover.accepted",
    ),
    "decline": Transition(
        frozenset({H.PROPOSED}),
        H.DECLINED,
        EventKind.HANDOVER_DECLINED,
        "handover.declined",
    ),
    "withdraw": Transition(
        frozenset({H.PROPOSED}),
        H.WITHDRAWN,
        EventKind.HANDOVER_WITHDRAWN,
        "handover.withdrawn",
    ),
    "expire": Transition(
        frozenset({H.PROPOSED}),
        H.EXPIRED,
        EventKind.HANDOVER_EXPIRED,
        "handover.expired",
    ),
    "complete": Transition(
        frozenset({H.ACCEPTED}),
        H.COMPLETED,
        EventKind.HANDOVER_COMPLETED,
        "handover.completed",
    ),
    "cancel": Transition(
        OPEN_HANDOVER, H.CANCELLED, EventKind.HANDOVER_CANCELLED, "handover.cancelled"
    ),
}

ESCALATION_TRANSITIONS: dict[str, Transition] = {
    "take_over": Transition(
        frozenset({E.OPEN}),
        E.TAKEN_OVER,
        EventKind.ESCALATION_TAKEN_OVER,
        "escalation.taken_over",
    ),
    "return": Transition(
        frozenset({E.OPEN}),
        E.RETURNED,
        EventKind.ESCALATION_RETURNED,
        "escalation.returned",
    ),
    # The case closed, or the regisseur took the lead because consent was withdrawn:
    # recorded by the service that did that, not as an escalation event of its own.
    "close_with_case": Transition(
        frozenset({E.OPEN}), E.CLOSED, EventKind.CASE_CLOSED, ""
    ),
    "overtaken": Transition(
        frozenset({E.OPEN}), E.TAKEN_OVER, EventKind.ESCALATION_TAKEN_OVER, ""
    ),
}


# --- Hand-overs --------------------------------------------------------------------------


def handover_begin(handover: Handover, name: str) -> tuple[Case, Handover]:
    """Lock the case, then the hand-over, and check ``name`` may happen now."""
    case = lock_case(handover.case)
    locked = Handover.objects.select_for_update().get(pk=handover.pk)
    _check(locked, HANDOVER_TRANSITIONS[name])
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
    _check(handover, transition)
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
    _check(locked, ESCALATION_TRANSITIONS[name])
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
    _check(escalation, transition)
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


# --- Involvements ------------------------------------------------------------------------


def basis_resolve(
    *,
    case: Case,
    organisation: Organisation,
    consent: Consent | None,
    legal_ground: str,
    day: datetime.date,
) -> tuple[str, Consent | None, str]:
    """(basis, consent, legal ground) for ``organisation``; ValidationError if none."""
    if consent is not None:
        if consent.case_id != case.pk or consent.organisation_id != organisation.pk:
            raise ValidationError(
                _("Deze toestemming hoort niet bij deze organisatie.")
            )
        if not consent.is_valid_on(day):
            raise ValidationError(_("Deze toestemming is niet (meer) geldig."))
        return Basis.CONSENT, consent, ""
    if legal_ground:
        if legal_ground not in LegalGround.values:
            raise ValidationError(_("Kies een wettelijke taak uit de lijst."))
        return Basis.LEGAL_TASK, None, legal_ground
    for candidate in case.consents.filter(
        organisation=organisation, withdrawn_at__isnull=True
    ):
        if candidate.is_valid_on(day):
            return Basis.CONSENT, candidate, ""
    raise ValidationError(
        _(
            "Er is geen geldige toestemming van de inwoner voor %(organisation)s. "
            "Leg eerst de toestemming vast, of kies een wettelijke taak."
        )
        % {"organisation": organisation}
    )


LEGAL_TASK_WGS = (Basis.LEGAL_TASK, None, LegalGround.WGS)


def involvement_start(
    case: Case,
    organisation: Organisation,
    *,
    role: str,
    basis: tuple[str, Consent | None, str],
    at: datetime.datetime,
) -> Involvement:
    """Involve ``organisation`` from ``at`` (not as lead: ``lead_move`` does that)."""
    if role == InvolvementRole.LEAD:
        raise ValueError("the lead moves with lead_move")
    basis_kind, consent, legal_ground = basis
    return Involvement.objects.create(
        case=case,
        organisation=organisation,
        role=role,
        basis=basis_kind,
        consent=consent,
        legal_ground=legal_ground,
        started_at=at,
    )


def involvement_stop(involvement: Involvement, *, at: datetime.datetime) -> Involvement:
    """End ``involvement`` at ``at``. Never the lead's of an open case: hand the lead
    over first (a closed case's lead ends when its consent is withdrawn)."""
    if involvement.role == InvolvementRole.LEAD and not involvement.case.is_closed:
        raise InvalidTransition(_("De regiehouder kan pas stoppen na een overdracht."))
    involvement.ended_at = at
    involvement.save(update_fields=["ended_at"])
    return involvement


def involvement_rebase(
    involvement: Involvement, basis: tuple[str, Consent | None, str]
) -> Involvement:
    """The same organisation goes on, on another basis (its consent ended, its legal
    task remains)."""
    involvement.basis, involvement.consent, involvement.legal_ground = basis
    involvement.save(update_fields=["basis", "consent", "legal_ground"])
    return involvement


def lead_first(
    case: Case,
    organisation: Organisation,
    *,
    basis: tuple[str, Consent | None, str],
    at: datetime.datetime,
) -> Involvement:
    """The first lead of a new case (``case_open``)."""
    basis_kind, consent, legal_ground = basis
    return Involvement.objects.create(
        case=case,
        organisation=organisation,
        role=InvolvementRole.LEAD,
        basis=basis_kind,
        consent=consent,
        legal_ground=legal_ground,
        started_at=at,
    )


def lead_move(
    *,
    case: Case,
    to_organisation: Organisation,
    basis: tuple[str, Consent | None, str],
    worker,
    at: datetime.datetime,
    leaving: Involvement | None = None,
) -> None:
    """Move the lead within the caller's transaction (the case row is locked).

    The old lead's involvement becomes ``INVOLVED`` (or ends when it is ``leaving``),
    then the new organisation's becomes ``LEAD``: never two leads, never none. The
    grants follow.
    """
    old = case.involvements.select_for_update().get(
        role=InvolvementRole.LEAD, ended_at__isnull=True
    )
    if leaving is not None and leaving.pk == old.pk:
        old.ended_at = at
        old.save(update_fields=["ended_at"])
    else:
        old.role = InvolvementRole.INVOLVED
        old.save(update_fields=["role"])
    new = (
        case.involvements.select_for_update()
        .filter(organisation=to_organisation, ended_at__isnull=True)
        .first()
    )
    basis_kind, consent, legal_ground = basis
    if new is None:
        Involvement.objects.create(
            case=case,
            organisation=to_organisation,
            role=InvolvementRole.LEAD,
            basis=basis_kind,
            consent=consent,
            legal_ground=legal_ground,
            started_at=at,
        )
    else:
        new.role = InvolvementRole.LEAD
        new.basis, new.consent, new.legal_ground = basis_kind, consent, legal_ground
        new.save(update_fields=["role", "basis", "consent", "legal_ground"])
    case.lead_organisation = to_organisation
    case.lead_worker = worker
    case.save(update_fields=["lead_organisation", "lead_worker"])
    grants_sync(case)


# --- Shared ---------------------------------------------------------------------------------


def _check(row: Handover | Escalation, transition: Transition) -> None:
    if row.status in transition.sources:
        return
    if isinstance(row, Handover):
        raise InvalidTransition(
            _("Deze overdracht is al %(status)s.")
            % {"status": row.get_status_display().lower()}
        )
    raise InvalidTransition(_("Deze escalatie is al afgehandeld."))
