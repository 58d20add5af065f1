"""What waits for one person: the open rounds with the actions they report on, updates
returned to them with a question, and their notifications.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from agenda import permissions
from agenda.constants import UpdateState
from agenda.models import Action, Notification, Round, Update
from agenda.selectors.coverage import expected_action_ids


def open_rounds_for_user(
    user, today: datetime.date | None = None
) -> list[tuple[Round, list[Action]]]:
    """Open rounds of plans the user reports on, with his actions expected there."""
    today = today or timezone.localdate()
    result = []
    for plan in permissions.plans_visible_to(user):
        reportable = permissions.actions_reportable_by(user, plan)
        if not reportable.exists():
            continue
        for round_ in plan.rounds.filter(
            opens_on__lte=today, closes_on__gte=today, closed_at__isnull=True
        ):
            expected = expected_action_ids(plan, round_)
            actions = list(
                reportable.filter(pk__in=expected).select_related("building_block")
            )
            result.append((round_, actions))
    return result


def returned_updates_for(user) -> QuerySet[Update]:
    """Updates returned with a question that ``user`` should answer (any round)."""
    updates = Update.objects.filter(state=UpdateState.RETURNED).select_related(
        "action", "round__plan"
    )
    if not user.is_authenticated:
        return updates.none()
    if user.is_superuser:
        return updates
    condition = Q(
        action__owners__organisation_id__in=permissions.reporting_organisation_ids(user)
    ) | Q(action__plan__pact_id__in=permissions.administered_pact_ids(user))
    return updates.filter(condition).distinct().order_by("-returned_at")


def notifications_for(user, *, limit: int = 50) -> list[Notification]:
    if not user.is_authenticated:
        return []
    return list(Notification.objects.filter(user=user).select_related("round")[:limit])


def unread_notification_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
