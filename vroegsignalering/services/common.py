"""Shared pieces of the services: the error, the log entry, scoring a household."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from casusregie import services as casusregie_services
from casusregie.constants import AuditAction
from vroegsignalering.models import Household
from vroegsignalering.triage import SignalFacts, score_household


class NotAllowed(PermissionDenied):
    """The policy says no (views answer 404)."""


def log_change(*, actor, household: Household | None, step: str, **counts) -> None:
    """One row in casusregie's access log: who changed which household (by UUID) and
    what kind of step. ``counts`` must be numbers or codes, never personal data."""
    if actor is None:
        return
    casusregie_services.audit_record(
        actor=actor,
        action=AuditAction.SIGNAL_CHANGE,
        organisation=household.organisation if household is not None else None,
        obj=household,
        detail={"step": step, **counts},
    )


def rescore(household: Household) -> None:
    """Recompute total and score from the household's signals (no save)."""
    signals = list(household.signals.all())
    household.total_amount = sum((s.amount for s in signals), 0)
    score = score_household(
        [
            SignalFacts(
                creditor=s.creditor,
                kind=s.kind,
                amount=s.amount,
                months_in_arrears=s.months_in_arrears,
                times_reported=s.times_reported,
            )
            for s in signals
        ],
        has_children=household.has_children,
        earlier_households=household.earlier_households,
    )
    household.score = score.total
    household.score_reasons = [list(reason) for reason in score.reasons]
    household.updated_at = timezone.now()
