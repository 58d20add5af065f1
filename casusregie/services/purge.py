"""Retention: closed cases are deleted ``PACT_CASE_RETENTION_DAYS`` after closing.

Deleting a case removes its goals, consents, involvements, notes, timeline, hand-overs,
escalations, break-glass explanations and guardian grants (cascade). The access log
stays: it names the case only by UUID and holds no data about the resident, so once the
case is gone its rows are anonymous. Each purge is itself logged.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from casusregie.constants import AuditAction, AuditChannel, CaseStatus
from casusregie.models import Case
from casusregie.services.audit import audit_record
from casusregie.services.common import now_or


@dataclass(frozen=True)
class PurgedCase:
    uuid: str
    reference: str
    closed_at: datetime.datetime


def cases_due_for_purge(now: datetime.datetime):
    cutoff = now - datetime.timedelta(days=settings.PACT_CASE_RETENTION_DAYS)
    return Case.objects.filter(status=CaseStatus.CLOSED, closed_at__lt=cutoff).order_by(
        "closed_at"
    )


def cases_purge_closed(
    *, now: datetime.datetime | None = None, dry_run: bool = False
) -> list[PurgedCase]:
    """Delete closed cases past retention (one transaction per case); list them.

    With ``dry_run`` nothing changes and nothing is logged.
    """
    now = now_or(now)
    purged = []
    for case in cases_due_for_purge(now).iterator(chunk_size=200):
        item = PurgedCase(str(case.uuid), case.reference, case.closed_at)
        if not dry_run:
            with transaction.atomic():
                audit_record(
                    actor=None,
                    action=AuditAction.CASE_PURGE,
                    channel=AuditChannel.SYSTEM,
                    case=case,
                    at=now,
                    detail={"retention_days": settings.PACT_CASE_RETENTION_DAYS},
                )
                case.delete()
        purged.append(item)
    return purged
