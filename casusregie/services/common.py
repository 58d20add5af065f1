"""Helpers the casusregie services share (not for use outside the services)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from casusregie import permissions
from casusregie.constants import AuditAction, CaseStatus, EventKind
from casusregie.models import Case, CaseEvent
from casusregie.services.audit import audit_record
from casusregie.services.errors import InvalidTransition, NotAllowed
from pact.models import Organisation


def now_or(at: datetime.datetime | None) -> datetime.datetime:
    return at or timezone.now()


def lock_case(case: Case) -> Case:
    """Re-read ``case`` with a row lock: every lead-changing service locks it first, so
    two of them on one case run one after the other.

    No joins: PostgreSQL re-checks a locked row after the lock holder commits, and a
    join on the lead organisation would then drop the row when the lead changed."""
    return Case.objects.select_for_update().get(pk=case.pk)


def authorise(actor, action: str, case: Case) -> None:
    if actor is None:  # the system
        return
    if not permissions.can(actor, action, case):
        raise NotAllowed(_("U mag dit niet doen met deze casus."))


def require_open(case: Case) -> None:
    if case.status == CaseStatus.CLOSED:
        raise InvalidTransition(_("Deze casus is afgesloten."))


def record_change(
    *,
    case: Case,
    kind: EventKind,
    actor,
    organisation: Organisation | None,
    summary: str = "",
    obj=None,
    at: datetime.datetime,
    detail: dict | None = None,
) -> CaseEvent:
    """Timeline entry plus access-log entry for one change; touches ``updated_at``."""
    event = CaseEvent.objects.create(
        case=case,
        kind=kind,
        at=at,
        actor=actor,
        organisation=organisation,
        summary=summary[:300],
    )
    audit_record(
        actor=actor,
        action=AuditAction.CASE_CHANGE,
        channel="system" if actor is None else "web",
        case=case,
        organisation=organisation,
        obj=obj,
        at=at,
        detail={"event": str(kind), **(detail or {})},
    )
    if case.updated_at < at:
        case.updated_at = at
        case.save(update_fields=["updated_at"])
    return event


def actor_organisation(actor, case: Case) -> Organisation | None:
    if actor is None:
        return None
    return permissions.acting_organisation(actor, case)
