"""Checks on one case: what a person may do with it, which cases he may see or act on,
fetching a case with its authorisation (404 for missing and forbidden alike), and on
whose behalf he acts (for the audit log)."""

from __future__ import annotations

import uuid as uuid_module

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casusregie.models import BreakGlassAccess, Case, CaseGroupObjectPermission
from casusregie.permissions.actions import (
    NOT_FOUND_MESSAGE,
    VIEW,
    CaseActionDenied,
    normalise_action,
)
from casusregie.permissions.capabilities import is_usable, may_break_glass, works_cases
from pact.constants import Role
from pact.models import Membership, Organisation


def active_break_glass(user, case: Case) -> BreakGlassAccess | None:
    if not may_break_glass(user):
        return None
    return (
        BreakGlassAccess.objects.filter(
            user=user, case=case, expires_at__gt=timezone.now()
        )
        .order_by("-started_at")
        .first()
    )


def case_permissions(user, case: Case) -> frozenset[str]:
    """Every action ``user`` may do on ``case``: one query (two for break-glass holders).

    Not cached: a check right after a service call must see the new grants."""
    if not is_usable(user):
        return frozenset()
    actions: set[str] = set()
    if works_cases(user):
        actions = set(
            CaseGroupObjectPermission.objects.filter(
                content_object_id=case.pk, group__user=user
            ).values_list("permission__codename", flat=True)
        )
    if VIEW not in actions and active_break_glass(user, case) is not None:
        actions.add(VIEW)
    return frozenset(actions)


def can(user, action: str, case: Case) -> bool:
    """May ``user`` do ``action`` (a constant of this module) on ``case``?"""
    return normalise_action(action) in case_permissions(user, case)


def require(user, action: str, case: Case) -> None:
    """Raise ``CaseActionDenied`` unless ``user`` may do ``action`` on ``case``."""
    if not can(user, action, case):
        raise CaseActionDenied(_("U mag dit niet doen met deze casus."))


def is_break_glass_view(user, case: Case) -> bool:
    """True when ``user`` sees ``case`` only through a break-glass access."""
    if not may_break_glass(user):
        return False
    if not works_cases(user):
        return active_break_glass(user, case) is not None
    granted = CaseGroupObjectPermission.objects.filter(
        content_object_id=case.pk, group__user=user, permission__codename=VIEW
    ).exists()
    return not granted and active_break_glass(user, case) is not None


def _granted_case_ids(user, action: str):
    return CaseGroupObjectPermission.objects.filter(
        permission__codename=action,
        permission__content_type__app_label="casusregie",
        group__user=user,
    ).values("content_object_id")


def cases_with(user, action: str) -> QuerySet[Case]:
    """The cases on which ``user`` may do ``action``: one query, never a Python filter."""
    action = normalise_action(action)
    if not is_usable(user):
        return Case.objects.none()
    condition = (
        Q(pk__in=_granted_case_ids(user, action)) if works_cases(user) else Q(pk=None)
    )
    if action == VIEW and may_break_glass(user):
        condition |= Q(
            pk__in=BreakGlassAccess.objects.filter(
                user=user, expires_at__gt=timezone.now()
            ).values("case_id")
        )
    return Case.objects.filter(condition)


def cases_visible_to(user) -> QuerySet[Case]:
    """The cases ``user`` may see. Every listing, search filter and subscription uses it."""
    return cases_with(user, VIEW)


def access_case(user, case_uuid, action: str = VIEW) -> Case:
    """Fetch the case and authorise ``action``; Http404 if missing *or* forbidden."""
    action = normalise_action(action)
    try:
        key = uuid_module.UUID(str(case_uuid))
    except (TypeError, ValueError):
        raise Http404(NOT_FOUND_MESSAGE) from None
    case = (
        Case.objects.select_related("municipality", "lead_organisation", "lead_worker")
        .filter(uuid=key)
        .first()
    )
    if case is None:
        raise Http404(NOT_FOUND_MESSAGE)
    allowed = case_permissions(user, case)
    if VIEW not in allowed or action not in allowed:
        raise Http404(NOT_FOUND_MESSAGE)
    return case


AUDITED_ROLES = (Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR, Role.PACT_ADMIN)


def acting_as(
    user, case: Case | None = None, organisation: Organisation | None = None
) -> tuple[Organisation | None, list[Role]]:
    """On behalf of which organisation, and in which of its roles, ``user`` acts (on
    ``case``), for the audit log. One query.

    With ``organisation`` given only the roles are looked up. Otherwise the organisation
    is the one whose group gives ``user`` the right to view ``case`` (first by name), or
    else the first organisation (by name) where ``user`` holds a case or admin role.
    """
    if not is_usable(user):
        return organisation, []
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name", "organisation_id", "role")
    )
    if case is not None and organisation is None:
        memberships = memberships.annotate(
            through_grant=Exists(
                CaseGroupObjectPermission.objects.filter(
                    content_object_id=case.pk,
                    group__user=user,
                    permission__codename=VIEW,
                    group__organisation_link__organisation_id=OuterRef(
                        "organisation_id"
                    ),
                )
            )
        )
    rows = list(memberships)
    if organisation is None:
        chosen = next(
            (m for m in rows if getattr(m, "through_grant", False)), None
        ) or next((m for m in rows if m.role in AUDITED_ROLES), None)
        organisation = chosen.organisation if chosen else None
    if organisation is None:
        return None, []
    roles = sorted(Role(m.role) for m in rows if m.organisation_id == organisation.pk)
    return organisation, roles


def acting_organisation(user, case: Case | None = None) -> Organisation | None:
    """On behalf of which organisation ``user`` acts (on ``case``), for the audit log."""
    return acting_as(user, case)[0]
