"""Reading cases: the lists a person may see (with the first-contact flag), the cases
he may hand over, a case page's contents and its timeline."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from casusregie import permissions
from casusregie.constants import OPEN_HANDOVER_STATUSES, CaseStatus, HandoverStatus
from casusregie.models import Case, CaseEvent, Handover, Involvement
from casusregie.workdays import add_working_days


def _active_involvements() -> Prefetch:
    return Prefetch(
        "involvements",
        queryset=Involvement.objects.filter(ended_at__isnull=True)
        .select_related("organisation")
        .order_by("started_at", "id"),
        to_attr="active_involvements",
    )


def case_list_for_user(
    user,
    *,
    status: str = "open",
    only_mine: bool = False,
    organisation_id: int | None = None,
) -> QuerySet[Case]:
    """The cases ``user`` may see, newest change first, with lead and involved
    organisations prefetched (two queries per page whatever its length)."""
    cases = permissions.cases_visible_to(user)
    if status == "open":
        cases = cases.exclude(status=CaseStatus.CLOSED)
    elif status == "closed":
        cases = cases.filter(status=CaseStatus.CLOSED)
    if only_mine:
        cases = cases.filter(lead_worker=user)
    if organisation_id is not None:
        cases = cases.filter(
            involvements__organisation_id=organisation_id,
            involvements__ended_at__isnull=True,
        )
    return (
        cases.select_related("lead_organisation", "municipality")
        .prefetch_related(_active_involvements())
        .annotate(
            # For the first-contact flag: since when the lead has the case through an
            # accepted hand-over and has not met the resident yet (no extra query).
            awaiting_contact_since=Subquery(
                Handover.objects.filter(
                    case=OuterRef("pk"), status=HandoverStatus.ACCEPTED
                ).values("answered_at")[:1]
            )
        )
        .order_by("-updated_at", "-id")
    )


def cases_to_hand_over(user, *, to_organisation) -> QuerySet[Case]:
    """The open cases ``user`` may hand over (``HAND_OVER``: he leads them) to
    ``to_organisation``: in a municipality it serves, not led by it already, without an
    open hand-over. Newest change first."""
    return (
        permissions.cases_with(user, permissions.HAND_OVER)
        .exclude(status=CaseStatus.CLOSED)
        .exclude(lead_organisation=to_organisation)
        .filter(municipality__in=to_organisation.municipalities.values("pk"))
        .exclude(handovers__status__in=OPEN_HANDOVER_STATUSES)
        .select_related("lead_organisation", "municipality")
        .order_by("-updated_at", "-id")
    )


def first_contact_due_at(since: datetime.datetime) -> datetime.datetime:
    """When the first contact with the resident is expected: within
    ``PACT_FIRST_CONTACT_WORKING_DAYS`` working days after the hand-over was accepted
    (or the case was registered)."""
    return add_working_days(since, settings.PACT_FIRST_CONTACT_WORKING_DAYS)


def cases_mark_first_contact(cases, *, now=None) -> list[Case]:
    """Mark each case of a page (from ``case_list_for_user``) that still waits for a
    first contact: ``contact_due_at`` (or ``None``) and ``is_contact_overdue``."""
    now = now or timezone.now()
    marked = list(cases)
    for case in marked:
        since = getattr(case, "awaiting_contact_since", None)
        if since is None and case.status == CaseStatus.REGISTERED:
            since = case.created_at
        case.contact_due_at = first_contact_due_at(since) if since else None
        case.is_contact_overdue = bool(since) and case.contact_due_at < now
    return marked


def case_detail(case: Case) -> dict[str, Any]:
    """Everything a case page shows (the caller has authorised ``VIEW``)."""
    involvements = list(
        case.involvements.select_related("organisation", "consent").order_by(
            "ended_at", "started_at", "id"
        )
    )
    return {
        "goals": list(case.goals.select_related("lead_organisation")),
        "involvements": [i for i in involvements if i.ended_at is None],
        "past_involvements": [i for i in involvements if i.ended_at is not None],
        "consents": list(
            case.consents.select_related("organisation", "recorded_by").order_by(
                "-given_on", "-id"
            )
        ),
        "notes": list(case.notes.select_related("author", "organisation")[:50]),
        "events": list(
            case.events.select_related("actor", "organisation").order_by("-at", "-id")[
                :100
            ]
        ),
        "handovers": list(
            case.handovers.select_related(
                "from_organisation",
                "to_organisation",
                "proposed_by",
                "answered_by",
                "to_worker",
            )
        ),
        "escalations": list(
            case.escalations.select_related("regisseur_organisation", "resolved_by")
        ),
    }


def case_timeline(case: Case, *, limit: int = 100) -> list[CaseEvent]:
    return list(
        case.events.select_related("actor", "organisation").order_by("-at", "-id")[
            :limit
        ]
    )
