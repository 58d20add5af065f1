"""The inbox of hand-overs and escalations: proposals to answer, hand-overs from us,
accepted ones awaiting the first contact, and what the badge counts."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from casusregie import permissions
from casusregie.constants import (
    OPEN_HANDOVER_STATUSES,
    Basis,
    EscalationStatus,
    HandoverStatus,
)
from casusregie.models import Escalation, Handover
from casusregie.selectors.cases import first_contact_due_at
from pact.constants import Role
from pact.models import Membership


def _partner_org_ids(user):
    return Membership.objects.filter(
        user=user, role__in=[Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR]
    ).values("organisation_id")


def handovers_incoming(user) -> QuerySet[Handover]:
    """Open proposals to the user's organisations."""
    return (
        permissions.handovers_visible_to(user)
        .filter(
            to_organisation_id__in=_partner_org_ids(user),
            status=HandoverStatus.PROPOSED,
        )
        .select_related("case", "from_organisation", "to_organisation", "to_worker")
        .order_by("deadline_at")
    )


def handovers_outgoing(user) -> QuerySet[Handover]:
    """Open hand-overs from the user's organisations (proposed, or awaiting contact)."""
    return (
        permissions.handovers_visible_to(user)
        .filter(
            from_organisation_id__in=_partner_org_ids(user),
            status__in=OPEN_HANDOVER_STATUSES,
        )
        .select_related("case", "from_organisation", "to_organisation")
        .order_by("deadline_at")
    )


def handovers_awaiting_first_contact(user) -> QuerySet[Handover]:
    return (
        permissions.handovers_visible_to(user)
        .filter(
            to_organisation_id__in=_partner_org_ids(user),
            status=HandoverStatus.ACCEPTED,
        )
        .select_related("case", "from_organisation", "to_organisation")
        .order_by("answered_at")
    )


def escalations_open_for(user) -> QuerySet[Escalation]:
    return (
        permissions.escalations_visible_to(user)
        .filter(status=EscalationStatus.OPEN)
        .select_related("case", "requested_by_organisation", "case__lead_organisation")
        .order_by("opened_at")
    )


def _receiver_basis_holds(handover: Handover, today: datetime.date) -> bool:
    """As ``permissions.handovers_visible_to``: a proposal whose consent went is not
    shown to the receiver any more."""
    if handover.basis == Basis.LEGAL_TASK:
        return True
    return handover.consent is not None and handover.consent.is_valid_on(today)


def _mark_due(handover: Handover, now: datetime.datetime) -> None:
    """What the inbox flags (attributes for the templates): ``is_past_deadline``, a
    proposal not answered in time; ``contact_due_at`` and ``is_contact_overdue``, an
    accepted hand-over whose first contact is late."""
    contact_due_at = (
        first_contact_due_at(handover.answered_at)
        if handover.status == HandoverStatus.ACCEPTED and handover.answered_at
        else None
    )
    marks = {
        "is_past_deadline": handover.status == HandoverStatus.PROPOSED
        and handover.deadline_at < now,
        "contact_due_at": contact_due_at,
        "is_contact_overdue": contact_due_at is not None and contact_due_at < now,
    }
    for name, value in marks.items():
        setattr(handover, name, value)


def handover_inbox(
    user, *, limit: int = 50, now: datetime.datetime | None = None
) -> dict[str, list[Handover]]:
    """The open hand-overs of the user's organisations in one query, split as the
    dashboard shows them: ``incoming`` (proposals to us, by deadline), ``outgoing``
    (from us, proposed or awaiting first contact, by deadline) and ``awaiting_contact``
    (accepted by us, first contact not recorded yet, overdue ones first, then by
    acceptance). At most ``limit`` each. The same hand-overs as
    ``handovers_incoming`` and friends. Each is marked ``is_past_deadline`` (a
    proposal not answered in time), ``contact_due_at`` and ``is_contact_overdue`` (an
    accepted one whose first contact is late, ``PACT_FIRST_CONTACT_WORKING_DAYS``)."""
    handovers = (
        permissions.handovers_of_own_organisations(user)
        .filter(status__in=OPEN_HANDOVER_STATUSES)
        .select_related(
            "case", "from_organisation", "to_organisation", "to_worker", "consent"
        )
        .order_by("deadline_at", "id")
    )
    now = now or timezone.now()
    today = timezone.localdate(now)
    incoming: list[Handover] = []
    outgoing: list[Handover] = []
    awaiting: list[Handover] = []
    for handover in handovers:
        _mark_due(handover, now)
        if (
            handover.is_to_us
            and handover.status == HandoverStatus.PROPOSED
            and _receiver_basis_holds(handover, today)
        ):
            incoming.append(handover)
        if handover.is_to_us and handover.status == HandoverStatus.ACCEPTED:
            awaiting.append(handover)
        if handover.is_from_us:
            outgoing.append(handover)
    # Overdue first contacts first, then the longest waiting.
    awaiting.sort(
        key=lambda h: (
            not getattr(h, "is_contact_overdue", False),
            h.answered_at is None,
            h.answered_at,
            h.pk,
        )
    )
    return {
        "incoming": incoming[:limit],
        "outgoing": outgoing[:limit],
        "awaiting_contact": awaiting[:limit],
    }


def inbox_counts(user) -> dict[str, int]:
    """What the badge shows: proposals to answer and escalations to pick up."""
    return {
        "incoming": handovers_incoming(user).count(),
        "escalations": escalations_open_for(user).count(),
    }
