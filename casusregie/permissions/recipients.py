"""Who hears of a change: the people who get live events and e-mails about a case."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q

from casusregie.models import Case, CaseGroupObjectPermission
from casusregie.permissions.actions import VIEW
from pact.constants import Role
from pact.models import Organisation


def users_to_notify(
    case: Case, *, organisations: Iterable[Organisation] = (), roles=None
) -> set[int]:
    """Ids of the active people who may see ``case``, plus the case workers and
    coordinators (or ``roles``) of ``organisations`` (e.g. the receiver of a proposal,
    who may not see the case yet). Decides who gets live events and e-mails."""
    User = get_user_model()
    roles = roles or [Role.CASE_WORKER, Role.COORDINATOR]
    org_ids = [organisation.pk for organisation in organisations]
    condition = Q(
        groups__in=CaseGroupObjectPermission.objects.filter(
            content_object_id=case.pk, permission__codename=VIEW
        ).values("group_id")
    )
    if org_ids:
        condition |= Q(
            memberships__organisation_id__in=org_ids, memberships__role__in=roles
        )
    return set(
        User.objects.filter(condition, is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    )


def users_of_organisations(organisations: Iterable[Organisation], roles) -> set[int]:
    User = get_user_model()
    return set(
        User.objects.filter(
            is_active=True,
            memberships__organisation__in=list(organisations),
            memberships__role__in=list(roles),
        )
        .values_list("pk", flat=True)
        .distinct()
    )
