"""Break-glass: the only way pact admins and superusers see a case's contents.

A reason (from a fixed list) and an explanation are required; the access is read-only,
lasts ``BREAK_GLASS_MINUTES``, every read under it is marked in the access log, and the
lead organisation's coordinators and the municipality's regisseurs are told at once.

A refused attempt (unknown reference, or a case outside the person's pacts) is logged
*before* the refusal is raised and outside the service's transaction, so the log keeps
it (issue 10, finding 5). After ``BREAK_GLASS_DENIED_LIMIT`` refusals within
``BREAK_GLASS_ATTEMPT_WINDOW_MINUTES`` every attempt is refused until the window has
passed: references cannot be guessed. The count comes from the access log itself, so
it holds across server processes.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from casusregie import notifications, permissions
from casusregie.constants import (
    BREAK_GLASS_ATTEMPT_WINDOW_MINUTES,
    BREAK_GLASS_DENIED_LIMIT,
    BREAK_GLASS_MINUTES,
    AuditAction,
    BreakGlassReason,
)
from casusregie.models import AccessLogEntry, BreakGlassAccess, Case
from casusregie.services.audit import audit_record
from casusregie.services.common import now_or
from casusregie.services.errors import NotAllowed
from casusregie.services.escalation import municipality_organisation
from pact.constants import Role
from pact.models import Pact


def _in_scope(actor, case: Case) -> bool:
    """Superusers: every case; pact admins: cases in their pacts' municipalities."""
    if actor.is_superuser:
        return True
    return Pact.objects.filter(
        admin_memberships__user=actor,
        admin_memberships__role=Role.PACT_ADMIN,
        municipalities=case.municipality_id,
    ).exists()


def _recent_refusals(actor, at: datetime.datetime) -> int:
    since = at - datetime.timedelta(minutes=BREAK_GLASS_ATTEMPT_WINDOW_MINUTES)
    return AccessLogEntry.objects.filter(
        actor_id=actor.pk, action=AuditAction.BREAK_GLASS_DENIED, at__gt=since
    ).count()


def break_glass_open(
    *,
    actor,
    reference: str,
    reason: str,
    explanation: str,
    request=None,
    at: datetime.datetime | None = None,
) -> BreakGlassAccess:
    """Open a break-glass access to the case with ``reference``.

    Raises ``NotAllowed`` without the capability, ``ValidationError`` for a missing
    reason; an unknown or out-of-scope reference answers the same ``ValidationError``
    (and both are logged as denied), so the form does not reveal which cases exist.
    After too many refusals every attempt is refused for a while (also logged).

    Not atomic as a whole, on purpose: the refusals are written first and stay. Call it
    outside ``transaction.atomic`` (the views do), or an outer rollback takes them too.
    """
    at = now_or(at)
    if not permissions.may_break_glass(actor):
        raise NotAllowed(_("U mag geen noodtoegang openen."))
    if reason not in BreakGlassReason.values or len(explanation.strip()) < 10:
        raise ValidationError(
            _("Kies een reden en licht die toe (minstens 10 tekens).")
        )
    if _recent_refusals(actor, at) >= BREAK_GLASS_DENIED_LIMIT:
        audit_record(
            actor=actor,
            action=AuditAction.BREAK_GLASS_DENIED,
            request=request,
            at=at,
            detail={"reason": reason, "rate_limited": True},
        )
        raise ValidationError(
            _(
                "U heeft te vaak een kenmerk ingevuld dat niet klopt. Probeer het over "
                "een uur opnieuw. Dit is gemeld in het toegangslog."
            )
        )
    case = (
        Case.objects.select_related("lead_organisation")
        .filter(reference=reference.strip().upper())
        .first()
    )
    if case is None or not _in_scope(actor, case):
        audit_record(
            actor=actor,
            action=AuditAction.BREAK_GLASS_DENIED,
            request=request,
            at=at,
            detail={"reason": reason},
        )
        raise ValidationError(_("Geen casus gevonden met dit kenmerk binnen uw pact."))
    with transaction.atomic():
        return _open(
            actor=actor,
            case=case,
            reason=reason,
            explanation=explanation,
            request=request,
            at=at,
        )


def _open(*, actor, case: Case, reason: str, explanation: str, request, at):
    access = BreakGlassAccess.objects.create(
        case=case,
        user=actor,
        reason=reason,
        explanation=explanation.strip(),
        started_at=at,
        expires_at=at + datetime.timedelta(minutes=BREAK_GLASS_MINUTES),
    )
    audit_record(
        actor=actor,
        action=AuditAction.BREAK_GLASS_OPEN,
        case=case,
        obj=access,
        request=request,
        break_glass=access,
        at=at,
    )
    gemeente = municipality_organisation(case)
    watchers = permissions.users_of_organisations(
        [case.lead_organisation], [Role.COORDINATOR]
    )
    if gemeente is not None:
        watchers |= permissions.users_of_organisations([gemeente], [Role.REGISSEUR])
    notifications.notify(
        watchers - {actor.pk},
        subject=_("Noodtoegang tot een casus van uw organisatie"),
        lines=[
            _(
                "%(who)s heeft noodtoegang geopend (reden: %(reason)s). Controleer of dit terecht is."
            )
            % {
                "who": actor.get_full_name() or actor.get_username(),
                "reason": access.get_reason_display(),
            }
        ],
        path=notifications.case_path(case),
    )
    return access
