"""The access log (NEN 7513-style): who, on behalf of which organisation, when, what.

Rows are append-only (model, manager and database triggers). They hold the case's UUID
and never data about the resident, so they outlive the case after the purge.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from casusregie.constants import AuditAction, AuditChannel
from casusregie.models import AccessLogEntry, BreakGlassAccess, Case
from casusregie.permissions import acting_as, active_break_glass, is_break_glass_view
from pact.constants import Role
from pact.models import Organisation


def _actor_label(actor) -> str:
    if actor is None:
        return "systeem"
    full_name = actor.get_full_name()
    return (
        f"{full_name} ({actor.get_username()})" if full_name else actor.get_username()
    )


def _client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor,
    action: AuditAction | str,
    channel: AuditChannel | str = AuditChannel.WEB,
    case: Case | None = None,
    case_uuid=None,
    organisation: Organisation | None = None,
    obj: Any = None,
    request=None,
    break_glass: BreakGlassAccess | None = None,
    detail: dict | None = None,
    at: datetime.datetime | None = None,
) -> AccessLogEntry:
    """Append one row to the access log and return it.

    ``organisation`` is the one the actor acts for; when omitted it is derived from the
    grant through which the actor sees the case. ``detail`` must hold no personal data
    (counts, field names, codes).
    """
    roles: list[Role] = []
    if actor is not None:
        organisation, roles = acting_as(actor, case, organisation)
    return AccessLogEntry.objects.create(
        at=at or timezone.now(),
        actor_id=getattr(actor, "pk", None),
        actor_label=_actor_label(actor),
        organisation_id=getattr(organisation, "pk", None),
        organisation_label=str(organisation) if organisation else "",
        role_label=", ".join(str(role.label) for role in roles),
        action=action,
        channel=channel,
        case_uuid=case.uuid if case is not None else case_uuid,
        object_type=type(obj).__name__.lower() if obj is not None else "",
        object_uuid=getattr(obj, "uuid", None),
        is_break_glass=break_glass is not None,
        reason_code=break_glass.reason if break_glass is not None else "",
        ip_address=_client_ip(request),
        detail=detail or {},
    )


def audit_read(
    *,
    request,
    action: AuditAction | str,
    case: Case | None = None,
    obj: Any = None,
    channel: AuditChannel | str = AuditChannel.WEB,
    detail: dict | None = None,
) -> AccessLogEntry:
    """Log a read (view, list, export, print) made through ``request``.

    Marks the row as break-glass when the reader sees the case only that way.
    """
    break_glass = None
    if case is not None and is_break_glass_view(request.user, case):
        break_glass = active_break_glass(request.user, case)
    return audit_record(
        actor=request.user,
        action=action,
        channel=channel,
        case=case,
        obj=obj,
        request=request,
        break_glass=break_glass,
        detail=detail,
    )


def audit_read_cases(
    *,
    request,
    action: AuditAction | str,
    case_uuids,
    channel: AuditChannel | str = AuditChannel.WEB,
) -> int:
    """Log one read per case of a page that shows something about several cases (the
    break-glass report: references and reasons), so each case's "who looked" list has
    it. One insert whatever the number. Returns the number of rows."""
    actor = request.user
    organisation, roles = acting_as(actor)
    at = timezone.now()
    rows = [
        AccessLogEntry(
            at=at,
            actor_id=actor.pk,
            actor_label=_actor_label(actor),
            organisation_id=getattr(organisation, "pk", None),
            organisation_label=str(organisation) if organisation else "",
            role_label=", ".join(str(role.label) for role in roles),
            action=action,
            channel=channel,
            case_uuid=case_uuid,
            ip_address=_client_ip(request),
            detail={},
        )
        for case_uuid in sorted(set(case_uuids), key=str)
    ]
    AccessLogEntry.objects.bulk_create(rows)
    return len(rows)


def audit_read_objects(
    *,
    request,
    action: AuditAction | str,
    object_type: str,
    object_uuids,
    organisation: Organisation | None = None,
    channel: AuditChannel | str = AuditChannel.WEB,
) -> int:
    """Log one read per object (not a case) shown on a page: vroegsignalering's queue
    logs each household it lists, so "who looked at this household" is complete. One
    insert whatever the number. Returns the number of rows."""
    actor = request.user
    organisation, roles = acting_as(actor, None, organisation)
    at = timezone.now()
    rows = [
        AccessLogEntry(
            at=at,
            actor_id=actor.pk,
            actor_label=_actor_label(actor),
            organisation_id=getattr(organisation, "pk", None),
            organisation_label=str(organisation) if organisation else "",
            role_label=", ".join(str(role.label) for role in roles),
            action=action,
            channel=channel,
            object_type=object_type,
            object_uuid=object_uuid,
            ip_address=_client_ip(request),
            detail={},
        )
        for object_uuid in sorted(set(object_uuids), key=str)
    ]
    AccessLogEntry.objects.bulk_create(rows)
    return len(rows)
