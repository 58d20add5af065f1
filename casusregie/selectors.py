"""Reads of casusregie. Every selector takes the viewing user, so the permission scope
(``casusregie.permissions``) cannot be forgotten; lists run a fixed number of queries."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy

from casusregie import permissions
from casusregie.constants import (
    OPEN_HANDOVER_STATUSES,
    Basis,
    CaseStatus,
    EscalationStatus,
    HandoverStatus,
)
from casusregie.models import (
    AccessLogEntry,
    BreakGlassAccess,
    Case,
    CaseEvent,
    Escalation,
    Handover,
    Involvement,
)
from casusregie.workdays import add_working_days
from pact.constants import Role
from pact.models import Membership, Municipality


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


def _partner_org_ids(user):
    return Membership.objects.filter(
        user=user, role__in=[Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR]
    ).values("organisation_id")


def handovers_incoming(user) -> QuerySet[Handover]:
    """Open proposals to the user's organisations."""
    return (
        permissions.handovers_visible_to(user)
        .filter(
            to_organisation_id__in=_partner_org_ids(user),
            status=HandoverStatus.PROPOSED,
        )
        .select_related("case", "from_organisation", "to_organisation", "to_worker")
        .order_by("deadline_at")
    )


def handovers_outgoing(user) -> QuerySet[Handover]:
    """Open hand-overs from the user's organisations (proposed, or awaiting contact)."""
    return (
        permissions.handovers_visible_to(user)
        .filter(
            from_organisation_id__in=_partner_org_ids(user),
            status__in=OPEN_HANDOVER_STATUSES,
        )
        .select_related("case", "from_organisation", "to_organisation")
        .order_by("deadline_at")
    )


def handovers_awaiting_first_contact(user) -> QuerySet[Handover]:
    return (
        permissions.handovers_visible_to(user)
        .filter(
            to_organisation_id__in=_partner_org_ids(user),
            status=HandoverStatus.ACCEPTED,
        )
        .select_related("case", "from_organisation", "to_organisation")
        .order_by("answered_at")
    )


def escalations_open_for(user) -> QuerySet[Escalation]:
    return (
        permissions.escalations_visible_to(user)
        .filter(status=EscalationStatus.OPEN)
        .select_related("case", "requested_by_organisation", "case__lead_organisation")
        .order_by("opened_at")
    )


def _receiver_basis_holds(handover: Handover, today: datetime.date) -> bool:
    """As ``permissions.handovers_visible_to``: a proposal whose consent went is not
    shown to the receiver any more."""
    if handover.basis == Basis.LEGAL_TASK:
        return True
    return handover.consent is not None and handover.consent.is_valid_on(today)


def _mark_due(handover: Handover, now: datetime.datetime) -> None:
    """What the inbox flags (attributes for the templates): ``is_past_deadline``, a
    proposal not answered in time; ``contact_due_at`` and ``is_contact_overdue``, an
    accepted hand-over whose first contact is late."""
    contact_due_at = (
        first_contact_due_at(handover.answered_at)
        if handover.status == HandoverStatus.ACCEPTED and handover.answered_at
        else None
    )
    marks = {
        "is_past_deadline": handover.status == HandoverStatus.PROPOSED
        and handover.deadline_at < now,
        "contact_due_at": contact_due_at,
        "is_contact_overdue": contact_due_at is not None and contact_due_at < now,
    }
    for name, value in marks.items():
        setattr(handover, name, value)


def handover_inbox(
    user, *, limit: int = 50, now: datetime.datetime | None = None
) -> dict[str, list[Handover]]:
    """The open hand-overs of the user's organisations in one query, split as the
    dashboard shows them: ``incoming`` (proposals to us, by deadline), ``outgoing``
    (from us, proposed or awaiting first contact, by deadline) and ``awaiting_contact``
    (accepted by us, first contact not recorded yet, overdue ones first, then by
    acceptance). At most ``limit`` each. The same hand-overs as
    ``handovers_incoming`` and friends. Each is marked ``is_past_deadline`` (a
    proposal not answered in time), ``contact_due_at`` and ``is_contact_overdue`` (an
    accepted one whose first contact is late, ``PACT_FIRST_CONTACT_WORKING_DAYS``)."""
    handovers = (
        permissions.handovers_of_own_organisations(user)
        .filter(status__in=OPEN_HANDOVER_STATUSES)
        .select_related(
            "case", "from_organisation", "to_organisation", "to_worker", "consent"
        )
        .order_by("deadline_at", "id")
    )
    now = now or timezone.now()
    today = timezone.localdate(now)
    incoming: list[Handover] = []
    outgoing: list[Handover] = []
    awaiting: list[Handover] = []
    for handover in handovers:
        _mark_due(handover, now)
        if (
            handover.is_to_us
            and handover.status == HandoverStatus.PROPOSED
            and _receiver_basis_holds(handover, today)
        ):
            incoming.append(handover)
        if handover.is_to_us and handover.status == HandoverStatus.ACCEPTED:
            awaiting.append(handover)
        if handover.is_from_us:
            outgoing.append(handover)
    # Overdue first contacts first, then the longest waiting.
    awaiting.sort(
        key=lambda h: (
            not getattr(h, "is_contact_overdue", False),
            h.answered_at is None,
            h.answered_at,
            h.pk,
        )
    )
    return {
        "incoming": incoming[:limit],
        "outgoing": outgoing[:limit],
        "awaiting_contact": awaiting[:limit],
    }


def inbox_counts(user) -> dict[str, int]:
    """What the badge shows: proposals to answer and escalations to pick up."""
    return {
        "incoming": handovers_incoming(user).count(),
        "escalations": escalations_open_for(user).count(),
    }


def case_access_log_entries(case: Case) -> QuerySet[AccessLogEntry]:
    """Who looked at / changed this case, newest first (index on case_uuid, at)."""
    return AccessLogEntry.objects.filter(case_uuid=case.uuid).order_by("-at", "-id")


def case_access_log_for_resident(case: Case) -> list[dict[str, str | bool]]:
    """The access list as the resident gets it: when, which organisation, which role,
    what; not the names of employees (CJEU C-579/21, Pankki S)."""
    return [
        {
            "at": timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M"),
            "organisation": entry.organisation_label or "Systeem",
            "role": entry.role_label,
            "action": str(entry.get_action_display()),
            "break_glass": entry.is_break_glass,
        }
        for entry in AccessLogEntry.objects.filter(case_uuid=case.uuid).order_by(
            "at", "id"
        )
    ]


def case_export_data(case: Case) -> dict[str, Any]:
    """Everything about one case for the resident (AVG art. 15 and 20), as plain data."""
    detail = case_detail(case)

    def when(value):
        return timezone.localtime(value).isoformat() if value else None

    return {
        "kenmerk": case.reference,
        "huishouden": case.label,
        "gemeente": str(case.municipality),
        "status": str(case.get_status_display()),
        "uitkomst": str(case.get_outcome_display()) if case.outcome else None,
        "complexiteit": str(case.get_complexity_display()),
        "regie_van_de_inwoner": str(case.get_resident_regie_display()),
        "regiehouder": str(case.lead_organisation),
        "aangemeld_op": when(case.created_at),
        "eerste_contact_op": when(case.first_contact_at),
        "afgesloten_op": when(case.closed_at),
        "doelen": [
            {
                "prioriteit": goal.position,
                "doel": goal.text,
                "status": str(goal.get_status_display()),
                "trekker": str(goal.lead_organisation)
                if goal.lead_organisation
                else None,
            }
            for goal in detail["goals"]
        ],
        "toestemmingen": [
            {
                "aan": str(consent.organisation),
                "voor": consent.scope,
                "vorm": str(consent.get_form_display()),
                "gegeven_op": consent.given_on.isoformat(),
                "geldig_tot": consent.valid_until.isoformat()
                if consent.valid_until
                else None,
                "ingetrokken_op": consent.withdrawn_on.isoformat()
                if consent.withdrawn_on
                else None,
            }
            for consent in detail["consents"]
        ],
        "betrokken_organisaties": [
            {
                "organisatie": str(involvement.organisation),
                "rol": str(involvement.get_role_display()),
                "grondslag": str(involvement.get_basis_display()),
                "wettelijke_taak": str(involvement.get_legal_ground_display())
                if involvement.legal_ground
                else None,
                "sinds": when(involvement.started_at),
                "tot": when(involvement.ended_at),
            }
            for involvement in detail["involvements"] + detail["past_involvements"]
        ],
        "notities": [
            {
                "op": when(note.created_at),
                "namens": str(note.organisation),
                "tekst": note.text,
            }
            for note in detail["notes"]
        ],
        "overdrachten": [
            {
                "van": str(handover.from_organisation),
                "naar": str(handover.to_organisation),
                "status": str(handover.get_status_display()),
                "voorgesteld_op": when(handover.proposed_at),
                "wat_de_inwoner_belangrijk_vindt": handover.priorities,
                "wat_al_geprobeerd_is": handover.tried,
                "lopende_afspraken": handover.commitments,
                "risicos": handover.risks,
                "volgende_afspraak": handover.next_appointment,
                "reden_afwijzing": handover.decline_reason or None,
            }
            for handover in detail["handovers"]
        ],
        "tijdlijn": [
            {
                "op": when(event.at),
                "wat": str(event.get_kind_display()),
                "namens": str(event.organisation) if event.organisation else None,
                "toelichting": event.summary,
            }
            for event in reversed(detail["events"])
        ],
        "wie_heeft_de_casus_ingezien": case_access_log_for_resident(case),
    }


# --- Figures for the pact (no personal data) -------------------------------------------


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _hours_summary(
    durations: list[datetime.timedelta],
) -> dict[str, float | None | int]:
    hours = [d.total_seconds() / 3600 for d in durations]
    p90 = _percentile(hours, 0.9)
    return {
        "count": len(hours),
        "median_hours": round(statistics.median(hours), 1) if hours else None,
        "p90_hours": round(p90, 1) if p90 is not None else None,
    }


@dataclass(frozen=True)
class FiguresPeriod:
    """A period for the figures and the period of the same length before it (trends)."""

    key: str
    label: str
    since: datetime.datetime | None
    until: datetime.datetime | None
    previous_since: datetime.datetime | None
    previous_until: datetime.datetime | None = None


FIGURE_PERIODS = {
    "3m": gettext_lazy("De laatste 3 maanden"),
    "12m": gettext_lazy("De laatste 12 maanden"),
    "jaar": gettext_lazy("Dit kalenderjaar"),
    "alles": gettext_lazy("Alles"),
}
DEFAULT_FIGURE_PERIOD = "12m"


def figures_period(key: str | None, *, now=None) -> FiguresPeriod:
    """The period ``key`` (one of ``FIGURE_PERIODS``; unknown: the default) ending now."""
    now = now or timezone.now()
    key = key if key in FIGURE_PERIODS else DEFAULT_FIGURE_PERIOD
    if key == "alles":
        return FiguresPeriod(key, str(FIGURE_PERIODS[key]), None, None, None)
    today = timezone.localdate(now)
    if key == "jaar":
        # This year so far against the same part of last year.
        start = _midnight(datetime.date(today.year, 1, 1))
        previous = _midnight(datetime.date(today.year - 1, 1, 1))
        previous_until = previous + (now - start)
    else:
        months = 3 if key == "3m" else 12
        start = _midnight(_months_before(today.replace(day=1), months - 1))
        previous = _midnight(_months_before(timezone.localdate(start), months))
        previous_until = start
    return FiguresPeriod(
        key, str(FIGURE_PERIODS[key]), start, now, previous, previous_until
    )


def _months_before(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def figures(
    *,
    municipality: Municipality | None = None,
    now=None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
) -> dict[str, Any]:
    """Casusregie in numbers: counts and durations only, never a case or a person.

    ``since``/``until`` narrow the flow figures (hand-overs proposed, their answers and
    durations, cases registered and closed, lead changes) to a period; the stock
    figures (open cases, cases per lead, proposals past their deadline, open
    escalations) are as of ``now``.
    """
    now = now or timezone.now()
    cases = Case.objects.all()
    handovers = Handover.objects.all()
    if municipality is not None:
        cases = cases.filter(municipality=municipality)
        handovers = handovers.filter(case__municipality=municipality)
    stock_cases, stock_handovers = cases, handovers
    if since is not None:
        handovers = handovers.filter(proposed_at__gte=since)
    if until is not None:
        handovers = handovers.filter(proposed_at__lt=until)
    in_period = Q()
    if since is not None:
        in_period &= Q(created_at__gte=since)
    if until is not None:
        in_period &= Q(created_at__lt=until)
    closed_in_period = Q(status=CaseStatus.CLOSED)
    if since is not None:
        closed_in_period &= Q(closed_at__gte=since)
    if until is not None:
        closed_in_period &= Q(closed_at__lt=until)
    per_lead = list(
        stock_cases.exclude(status=CaseStatus.CLOSED)
        .values("lead_organisation__name")
        .annotate(count=Count("id"))
        .order_by("-count", "lead_organisation__name")
    )
    per_month = list(
        handovers.annotate(month=TruncMonth("proposed_at"))
        .values("month")
        .annotate(
            proposed=Count("id"),
            accepted=Count(
                "id",
                filter=Q(
                    status__in=[HandoverStatus.ACCEPTED, HandoverStatus.COMPLETED]
                ),
            ),
            declined=Count("id", filter=Q(status=HandoverStatus.DECLINED)),
            expired=Count("id", filter=Q(status=HandoverStatus.EXPIRED)),
        )
        .order_by("month")
    )
    timings = list(
        handovers.filter(answered_at__isnull=False).values_list(
            "status", "proposed_at", "answered_at", "first_contact_at"
        )
    )
    to_accept = [
        answered - proposed
        for status, proposed, answered, _contact in timings
        if status in (HandoverStatus.ACCEPTED, HandoverStatus.COMPLETED)
        and answered is not None
    ]
    to_contact = [
        contact - answered
        for status, _proposed, answered, contact in timings
        if status == HandoverStatus.COMPLETED
        and contact is not None
        and answered is not None
    ]
    outcomes = Counter(status for status, *_rest in timings)
    answered = sum(
        outcomes[s]
        for s in (
            HandoverStatus.ACCEPTED,
            HandoverStatus.COMPLETED,
            HandoverStatus.DECLINED,
            HandoverStatus.EXPIRED,
        )
    )
    lead_changes = Counter(
        cases.filter(in_period)
        .annotate(
            changes=Count(
                "handovers",
                filter=Q(
                    handovers__status__in=[
                        HandoverStatus.ACCEPTED,
                        HandoverStatus.COMPLETED,
                    ]
                ),
            )
        )
        .values_list("changes", flat=True)
    )
    case_count = sum(lead_changes.values())
    return {
        "cases_open": stock_cases.exclude(status=CaseStatus.CLOSED).count(),
        "cases_closed": stock_cases.filter(status=CaseStatus.CLOSED).count(),
        "cases_registered": cases.filter(in_period).count(),
        "cases_closed_in_period": cases.filter(closed_in_period).count(),
        "handovers_proposed": handovers.count(),
        "cases_per_lead_organisation": [
            {"organisation": row["lead_organisation__name"], "count": row["count"]}
            for row in per_lead
        ],
        "handovers_per_month": [
            {
                "month": row["month"].strftime("%Y-%m"),
                "proposed": row["proposed"],
                "accepted": row["accepted"],
                "declined": row["declined"],
                "expired": row["expired"],
            }
            for row in per_month
            if row["month"]
        ],
        "time_to_accept": _hours_summary(to_accept),
        "time_to_first_contact": _hours_summary(to_contact),
        "declined_rate": round(outcomes[HandoverStatus.DECLINED] / answered, 3)
        if answered
        else None,
        "expired_rate": round(outcomes[HandoverStatus.EXPIRED] / answered, 3)
        if answered
        else None,
        "lead_changes_per_case": {
            "mean": round(sum(k * v for k, v in lead_changes.items()) / case_count, 2)
            if case_count
            else None,
            "distribution": {str(k): v for k, v in sorted(lead_changes.items())},
        },
        "pending_past_deadline": stock_handovers.filter(
            status=HandoverStatus.PROPOSED, deadline_at__lt=now
        ).count(),
        "escalations_open": Escalation.objects.filter(
            status=EscalationStatus.OPEN,
            **({"case__municipality": municipality} if municipality else {}),
        ).count(),
    }


def break_glass_report(user) -> QuerySet[BreakGlassAccess]:
    """Break-glass accesses for regisseurs (their municipality) and pact admins (their
    pacts' municipalities); superusers see all."""
    accesses = BreakGlassAccess.objects.select_related(
        "user", "case", "case__municipality", "case__lead_organisation"
    ).order_by("-started_at")
    if user.is_superuser:
        return accesses
    municipality_ids = Municipality.objects.filter(
        Q(organisations__in=permissions.regisseur_organisations(user))
        | Q(
            pacts__admin_memberships__user=user,
            pacts__admin_memberships__role=Role.PACT_ADMIN,
        )
    ).values("pk")
    return accesses.filter(case__municipality_id__in=municipality_ids)


def case_timeline(case: Case, *, limit: int = 100) -> list[CaseEvent]:
    return list(
        case.events.select_related("actor", "organisation").order_by("-at", "-id")[
            :limit
        ]
    )
