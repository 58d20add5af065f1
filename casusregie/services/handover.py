"""Warm hand-over of the lead (warme overdracht).

States (``HandoverStatus``)::

    proposed ──accept──► accepted ──first contact──► completed
       │  └──decline (reason)──► declined
       │  └──withdraw (proposer's organisation)──► withdrawn
       │  └──deadline passed (working days)──► expired ──► escalation to the regisseur
       └──/accepted──case closed, consent withdrawn, regisseur takes over──► cancelled

* Proposing needs the ``hand_over`` right (the lead's case workers) and a valid basis for
  the receiving organisation (its consent, or a legal task). The receiver sees only the
  note until it accepts.
* Accepting moves the lead at once (the case is never without one): the receiver's
  involvement becomes ``LEAD``, the proposer's ``INVOLVED``. The receiving organisation
  answers: its case workers (who then work the case) and its coordinators (who name the
  case worker who does; decision 0037), never the proposer himself.
* The hand-over completes when the new lead records the first contact; the previous lead
  then steps out if the proposer chose so.

Concurrency: every transition locks the case row, then the hand-over row
(``select_for_update``) and re-checks the status, so two people acting on one proposal
at once produce exactly one outcome; the other gets ``InvalidTransition``.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casusregie import notifications, permissions
from casusregie.constants import (
    OPEN_HANDOVER_STATUSES,
    EscalationTrigger,
    EventKind,
    HandoverStatus,
)
from casusregie.models import Case, Consent, Handover
from casusregie.services.common import (
    authorise,
    lock_case,
    now_or,
    record_change,
    require_open,
)
from casusregie.services.errors import InvalidTransition, NotAllowed
from casusregie.services.escalation import escalation_open_if_possible
from casusregie.services.transitions import (
    basis_resolve,
    handover_begin,
    handover_move,
    handover_publish,
    lead_move,
)
from casusregie.workdays import add_working_days
from pact.constants import Role
from pact.models import Organisation
from pact.roles import can as role_can


def _ids(*user_ids: int | None) -> set[int]:
    return {user_id for user_id in user_ids if user_id is not None}


@transaction.atomic
def handover_propose(
    *,
    case: Case,
    actor,
    to_organisation: Organisation,
    priorities: str,
    tried: str = "",
    commitments: str = "",
    risks: str = "",
    next_appointment: str = "",
    previous_lead_stays: bool = True,
    to_worker=None,
    consent: Consent | None = None,
    legal_ground: str = "",
    at: datetime.datetime | None = None,
) -> Handover:
    """Propose to hand the lead to ``to_organisation`` (``hand_over``).

    The deadline is ``PACT_HANDOVER_EXPIRY_WORKING_DAYS`` working days later. Notifies
    the receiving organisation (live and by e-mail, without case contents).
    """
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.HAND_OVER, case)
    require_open(case)
    if to_organisation.pk == case.lead_organisation_id:
        raise ValidationError(_("Deze organisatie heeft de regie al."))
    if Handover.objects.filter(case=case, status__in=OPEN_HANDOVER_STATUSES).exists():
        raise ValidationError(
            _(
                "Er loopt al een overdracht voor deze casus. Rond die eerst af of trek hem in."
            )
        )
    if not priorities.strip():
        raise ValidationError(_("Schrijf op wat de inwoner zelf belangrijk vindt."))
    if to_worker is not None and not role_can(to_worker, "cases.work", to_organisation):
        raise ValidationError(
            _("Deze persoon behandelt geen casussen bij die organisatie.")
        )
    basis, consent, legal_ground = basis_resolve(
        case=case,
        organisation=to_organisation,
        consent=consent,
        legal_ground=legal_ground,
        day=timezone.localtime(at).date(),
    )
    handover = Handover(
        case=case,
        from_organisation=case.lead_organisation,
        proposed_by=actor,
        to_organisation=to_organisation,
        to_worker=to_worker,
        basis=basis,
        consent=consent,
        legal_ground=legal_ground,
        priorities=priorities.strip(),
        tried=tried.strip(),
        commitments=commitments.strip(),
        risks=risks.strip(),
        next_appointment=next_appointment.strip(),
        previous_lead_stays=previous_lead_stays,
        proposed_at=at,
        deadline_at=add_working_days(at, settings.PACT_HANDOVER_EXPIRY_WORKING_DAYS),
    )
    handover.full_clean()
    handover.save()
    record_change(
        case=case,
        kind=EventKind.HANDOVER_PROPOSED,
        actor=actor,
        organisation=case.lead_organisation,
        summary=_("Naar %(organisation)s") % {"organisation": to_organisation},
        obj=handover,
        at=at,
    )
    handover_publish(handover, "handover.proposed")
    receivers = (
        {handover.to_worker_id}
        if handover.to_worker_id
        else permissions.users_of_organisations([to_organisation], [Role.CASE_WORKER])
    )
    notifications.notify(
        receivers,
        subject=_("Overdrachtsvoorstel voor %(organisation)s")
        % {"organisation": to_organisation},
        lines=[
            _(
                "%(from)s stelt voor om de regie van een casus aan %(to)s over te dragen."
            )
            % {"from": handover.from_organisation, "to": to_organisation},
            _("Geef uiterlijk %(deadline)s antwoord.")
            % {
                "deadline": timezone.localtime(handover.deadline_at).strftime(
                    "%d-%m-%Y %H:%M"
                )
            },
        ],
        path=notifications.handover_path(handover),
    )
    return handover


@transaction.atomic
def handover_accept(
    *,
    handover: Handover,
    actor,
    worker=None,
    at: datetime.datetime | None = None,
) -> Handover:
    """The receiving organisation accepts: the lead moves now (see module docstring).

    A case worker (or regisseur) of the receiving organisation accepts for himself. A
    coordinator accepts on the organisation's behalf and names the case worker who
    leads (``worker``; by default the one the proposer named), who is e-mailed
    (decision 0037). Raises ``NotAllowed`` for anyone else, for the proposer, and for a
    case worker naming a colleague; ``ValidationError`` when nobody who may lead is
    named; ``InvalidTransition`` when the proposal is no longer open or its consent
    lapsed.
    """
    at = now_or(at)
    case, handover = handover_begin(handover, "accept")
    if actor is None or not permissions.may_answer_handover(actor, handover):
        raise _not_the_receiver(handover)
    lead_worker = _lead_worker(handover, actor, worker)
    consent = handover.consent
    if consent is not None and not consent.is_valid_on(timezone.localtime(at).date()):
        raise InvalidTransition(_("De toestemming van de inwoner is niet meer geldig."))
    lead_move(
        case=case,
        to_organisation=handover.to_organisation,
        basis=(handover.basis, handover.consent, handover.legal_ground),
        worker=lead_worker,
        at=at,
    )
    handover_move(
        handover,
        "accept",
        actor=actor,
        organisation=handover.to_organisation,
        summary=_("Regie naar %(organisation)s")
        % {"organisation": handover.to_organisation},
        at=at,
        answered_at=at,
        answered_by=actor,
    )
    notifications.notify(
        _ids(handover.proposed_by_id),
        subject=_("Overdracht geaccepteerd door %(organisation)s")
        % {"organisation": handover.to_organisation},
        lines=[
            _(
                "Uw overdrachtsvoorstel is geaccepteerd. U blijft betrokken tot het eerste contact."
            )
        ],
        path=notifications.handover_path(handover),
    )
    if lead_worker.pk != actor.pk:
        notifications.notify(
            {lead_worker.pk},
            subject=_("U bent casusbehandelaar van een overgedragen casus"),
            lines=[
                _(
                    "Uw coördinator heeft een overdracht aan %(organisation)s "
                    "geaccepteerd en de casus aan u gegeven. Leg het eerste contact met "
                    "de inwoner vast."
                )
                % {"organisation": handover.to_organisation}
            ],
            path=notifications.case_path(case),
        )
    return handover


def _not_the_receiver(handover: Handover) -> NotAllowed:
    return NotAllowed(
        _(
            "Alleen een casusbehandelaar of coördinator van %(organisation)s kan dit "
            "voorstel beantwoorden."
        )
        % {"organisation": handover.to_organisation}
    )


def _lead_worker(handover: Handover, actor, worker):
    """Who works the case for the receiving organisation after acceptance: the worker
    a coordinator names, else the accepting case worker himself, else the worker the
    proposer named."""
    if (
        worker is not None
        and worker.pk != actor.pk
        and not permissions.may_assign_lead_worker(actor, handover)
    ):
        raise NotAllowed(
            _("Alleen een coördinator kan de casus aan een collega geven.")
        )
    if worker is None:
        if permissions.may_lead_after_handover(actor, handover):
            worker = actor
        elif handover.to_worker is not None:
            worker = handover.to_worker
    if worker is None or not permissions.may_lead_after_handover(worker, handover):
        raise ValidationError(
            _("Kies een casusbehandelaar van %(organisation)s die de casus krijgt.")
            % {"organisation": handover.to_organisation}
        )
    return worker


@transaction.atomic
def handover_decline(
    *, handover: Handover, actor, reason: str, at: datetime.datetime | None = None
) -> Handover:
    """The receiving organisation declines, with a reason the proposer reads."""
    at = now_or(at)
    case, handover = handover_begin(handover, "decline")
    if actor is None or not permissions.may_answer_handover(actor, handover):
        raise _not_the_receiver(handover)
    if not reason.strip():
        raise ValidationError(_("Schrijf op waarom u het voorstel afwijst."))
    handover_move(
        handover,
        "decline",
        actor=actor,
        organisation=handover.to_organisation,
        summary=str(handover.to_organisation),
        at=at,
        clean=True,
        decline_reason=reason.strip(),
        answered_at=at,
        answered_by=actor,
    )
    notifications.notify(
        _ids(handover.proposed_by_id),
        subject=_("Overdracht afgewezen door %(organisation)s")
        % {"organisation": handover.to_organisation},
        lines=[
            _(
                "Uw overdrachtsvoorstel is afgewezen. U houdt de regie. De reden staat bij het voorstel."
            )
        ],
        path=notifications.handover_path(handover),
    )
    return handover


@transaction.atomic
def handover_withdraw(
    *, handover: Handover, actor, at: datetime.datetime | None = None
) -> Handover:
    """The proposing organisation withdraws an unanswered proposal."""
    at = now_or(at)
    case, handover = handover_begin(handover, "withdraw")
    if actor is None or not permissions.may_withdraw_handover(actor, handover):
        raise NotAllowed(
            _("Alleen de organisatie die het voorstel deed, kan het intrekken.")
        )
    return handover_move(
        handover,
        "withdraw",
        actor=actor,
        organisation=handover.from_organisation,
        summary=str(handover.to_organisation),
        at=at,
        answered_at=at,
    )


@transaction.atomic
def handover_expire(
    *, handover: Handover, at: datetime.datetime | None = None
) -> Handover:
    """The system expires an unanswered proposal past its deadline and escalates the
    case to the regisseur (unless the municipality already leads or an escalation is
    open). Raises ``InvalidTransition`` if it was answered meanwhile or is not due."""
    at = now_or(at)
    case, handover = handover_begin(handover, "expire")
    if handover.deadline_at > at:
        raise InvalidTransition(
            _("De termijn van deze overdracht is nog niet voorbij.")
        )
    handover_move(
        handover,
        "expire",
        actor=None,
        organisation=None,
        summary=str(handover.to_organisation),
        at=at,
        answered_at=at,
    )
    notifications.notify(
        _ids(handover.proposed_by_id),
        subject=_("Overdracht verlopen zonder antwoord"),
        lines=[
            _(
                "%(to)s gaf geen antwoord op tijd. De casus is voorgelegd aan de regisseur."
            )
            % {"to": handover.to_organisation}
        ],
        path=notifications.case_path(case),
    )
    escalation_open_if_possible(
        case=case,
        trigger=EscalationTrigger.EXPIRY,
        actor=None,
        reason=_("Overdrachtsvoorstel aan %(organisation)s verlopen.")
        % {"organisation": handover.to_organisation},
        at=at,
    )
    return handover


def handovers_expire_due(*, now: datetime.datetime | None = None) -> list[Handover]:
    """Expire every proposal past its deadline, each in its own transaction.

    Safe to run from several workers at once: a proposal answered or expired meanwhile
    is skipped.
    """
    now = now_or(now)
    expired = []
    due = Handover.objects.filter(
        status=HandoverStatus.PROPOSED, deadline_at__lte=now
    ).order_by("deadline_at")
    for handover in due:
        try:
            expired.append(handover_expire(handover=handover, at=now))
        except InvalidTransition:
            continue
    return expired
