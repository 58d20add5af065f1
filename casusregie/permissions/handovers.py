"""Hand-overs and escalations: whose notes a person may read, who answers, accepts for a
colleague, leads after acceptance or withdraws, and which escalations the regisseur
sees and resolves."""

from __future__ import annotations

import datetime
import uuid as uuid_module
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from casusregie.constants import Basis, EscalationStatus, HandoverStatus
from casusregie.models import Escalation, Handover
from casusregie.permissions.actions import NOT_FOUND_MESSAGE
from casusregie.permissions.capabilities import (
    is_usable,
    regisseur_organisations,
    works_cases,
)
from casusregie.permissions.cases import cases_visible_to
from pact.constants import Role
from pact.models import Membership
from pact.roles import can as role_can

if TYPE_CHECKING:
    from typing import TypedDict

    from django_stubs_ext import WithAnnotations

    class _OwnFlags(TypedDict):
        is_to_us: bool
        is_from_us: bool

    # A hand-over with the flags of ``handovers_of_own_organisations``.
    OwnHandover = WithAnnotations[Handover, _OwnFlags]


def _partner_organisation_ids(user):
    if user is not None and not works_cases(user):
        return Membership.objects.none().values("organisation_id")
    return Membership.objects.filter(
        user=user,
        user__is_active=True,
        role__in=[Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR],
    ).values("organisation_id")


def handovers_of_own_organisations(user) -> QuerySet[OwnHandover]:
    """Hand-overs to or from the organisations where ``user`` works cases, coordinates
    or is regisseur (part of ``handovers_visible_to``), annotated with ``is_to_us`` and
    ``is_from_us``."""
    usable = is_usable(user)
    org_ids = _partner_organisation_ids(user if usable else None)
    handovers = Handover.objects.filter(
        Q(to_organisation_id__in=org_ids) | Q(from_organisation_id__in=org_ids)
    ).annotate(
        is_to_us=Exists(org_ids.filter(organisation_id=OuterRef("to_organisation_id"))),
        is_from_us=Exists(
            org_ids.filter(organisation_id=OuterRef("from_organisation_id"))
        ),
    )
    return handovers if usable else handovers.none()


def _receiver_basis_valid(today: datetime.date | None = None) -> Q:
    """The hand-over's basis for its receiver still holds (a legal task, or the
    resident's consent: given, not withdrawn, not lapsed)."""
    today = today or timezone.localdate()
    return Q(basis=Basis.LEGAL_TASK) | (
        Q(
            consent__isnull=False,
            consent__withdrawn_at__isnull=True,
            consent__given_on__lte=today,
        )
        & (Q(consent__valid_until__isnull=True) | Q(consent__valid_until__gte=today))
    )


def handovers_visible_to(user) -> QuerySet[Handover]:
    """Hand-overs whose note ``user`` may read.

    Those of the cases ``user`` may see, and the open proposals to the user's
    organisations while the receiver's basis (its consent, or a legal task) holds: the
    receiver reads the note before it may see the case. Once the proposal is answered,
    withdrawn, expired or cancelled, or its consent is withdrawn or lapsed, the receiver
    reads it only if it may see the case (issue 10, finding 4).
    """
    if not is_usable(user):
        return Handover.objects.none()
    org_ids = _partner_organisation_ids(user)
    return Handover.objects.filter(
        Q(case_id__in=cases_visible_to(user).values("pk"))
        | (
            Q(to_organisation_id__in=org_ids, status=HandoverStatus.PROPOSED)
            & _receiver_basis_valid()
        )
    )


def access_handover(user, handover_uuid) -> Handover:
    """Fetch a hand-over the user may see; Http404 if missing or forbidden."""
    try:
        key = uuid_module.UUID(str(handover_uuid))
    except (TypeError, ValueError):
        raise Http404(NOT_FOUND_MESSAGE) from None
    handover = (
        handovers_visible_to(user)
        .select_related(
            "case",
            "case__municipality",
            "from_organisation",
            "to_organisation",
            "proposed_by",
            "to_worker",
            "answered_by",
        )
        .filter(uuid=key)
        .first()
    )
    if handover is None:
        raise Http404(NOT_FOUND_MESSAGE)
    return handover


def may_answer_handover(user, handover: Handover) -> bool:
    """The receiving organisation answers (accepts or declines): its case workers and
    regisseurs, and its coordinators, who accept on its behalf and name the case worker
    who leads (decision 0037). Never the proposer."""
    return (
        is_usable(user)
        and user.pk != handover.proposed_by_id
        and (
            role_can(user, "cases.work", handover.to_organisation)
            or role_can(user, "cases.view_organisation", handover.to_organisation)
        )
    )


def may_assign_lead_worker(user, handover: Handover) -> bool:
    """May ``user`` accept ``handover`` for a colleague (name who leads)? Its receiving
    organisation's coordinators, never the proposer. Case workers accept for
    themselves."""
    return (
        is_usable(user)
        and user.pk != handover.proposed_by_id
        and role_can(user, "cases.view_organisation", handover.to_organisation)
    )


def handover_lead_workers(handover: Handover) -> QuerySet:
    """Who may become the case's worker when ``handover`` is accepted: the active case
    workers and regisseurs of the receiving organisation, never the proposer."""
    workers = (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organisation_id=handover.to_organisation_id,
            memberships__role__in=[Role.CASE_WORKER, Role.REGISSEUR],
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    if handover.proposed_by_id is not None:
        workers = workers.exclude(pk=handover.proposed_by_id)
    return workers


def may_lead_after_handover(user, handover: Handover) -> bool:
    """May ``user`` become the case's worker when ``handover`` is accepted?"""
    return (
        is_usable(user) and handover_lead_workers(handover).filter(pk=user.pk).exists()
    )


def may_withdraw_handover(user, handover: Handover) -> bool:
    return is_usable(user) and role_can(user, "cases.work", handover.from_organisation)


def escalations_visible_to(user) -> QuerySet[Escalation]:
    """Escalations addressed to the user's municipality (regisseurs only)."""
    return Escalation.objects.filter(
        regisseur_organisation__in=regisseur_organisations(user)
    )


def may_resolve_escalation(user, escalation: Escalation) -> bool:
    return (
        escalation.status == EscalationStatus.OPEN
        and regisseur_organisations(user)
        .filter(pk=escalation.regisseur_organisation_id)
        .exists()
    )
