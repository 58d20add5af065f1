"""Expected grants: what the services must keep in django-guardian for a case, computed
from its involvements and status only."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone

from casusregie.constants import Basis, CaseStatus, InvolvementRole
from casusregie.models import Case, Involvement
from casusregie.permissions.actions import READ_ONLY_ACTIONS, ROLE_GRANTS
from pact.constants import Role


def involvement_basis_is_valid(
    involvement: Involvement, today: datetime.date | None = None
) -> bool:
    if involvement.ended_at is not None:
        return False
    if involvement.basis == Basis.LEGAL_TASK:
        return bool(involvement.legal_ground)
    consent = involvement.consent
    return consent is not None and consent.is_valid_on(today or timezone.localdate())


def expected_grants(
    case: Case,
    involvements: Iterable[Involvement] | None = None,
    today: datetime.date | None = None,
) -> set[tuple[int, Role, str]]:
    """``(organisation id, role, action)`` triples the case's groups must hold.

    Pure: computed from the case's involvements and status only.
    """
    if involvements is None:
        involvements = case.involvements.filter(ended_at__isnull=True).select_related(
            "consent"
        )
    expected: set[tuple[int, Role, str]] = set()
    for involvement in involvements:
        if not involvement_basis_is_valid(involvement, today):
            continue
        leads = involvement.role == InvolvementRole.LEAD
        for role, (always, when_lead) in ROLE_GRANTS.items():
            actions = set(always) | (set(when_lead) if leads else set())
            if case.status == CaseStatus.CLOSED:
                actions &= READ_ONLY_ACTIONS
            expected.update(
                (involvement.organisation_id, role, action) for action in actions
            )
    return expected
