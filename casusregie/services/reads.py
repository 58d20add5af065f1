"""Reading case data is authorising it and logging it, in one call (issue 12, step 4).

Pages, the API and the exports get a case or a hand-over to show only through these
functions. Each fetches through the policy (``permissions.access_case`` /
``access_handover``: the same 404 for missing and forbidden) and appends the read to the
access log (``audit_read``; break-glass reads are marked) before it returns, so a page
cannot show a case without the log row. ``tests/casusregie/test_reads.py`` keeps it so:
it fails when code outside the policy, this module and the websocket consumers (which
send identifiers, never case data) calls ``access_case`` or ``access_handover``, and
when a view or the API queries casusregie's models itself.

A request that *changes* a case gets it from the ``*_for_change`` functions: authorised
like a read, refused for a safe method (GET, HEAD), so they cannot serve as an unlogged
read; the service the case then goes to records the change in the timeline and the log.
Lists of cases log one row per page (``CASE_LIST``, with the count, never the cases).
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import Http404

from casusregie import permissions, selectors
from casusregie.constants import CASE_PAGE_SIZE, AuditAction, AuditChannel
from casusregie.models import (
    BreakGlassAccess,
    Case,
    Escalation,
    Goal,
    Handover,
    Involvement,
)
from casusregie.services.audit import audit_read, audit_read_cases

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def case_read(
    *,
    request,
    case_uuid,
    audit: AuditAction | str = AuditAction.CASE_VIEW,
    action: str = permissions.VIEW,
    channel: AuditChannel | str = AuditChannel.WEB,
) -> Case:
    """The case ``request.user`` may ``action``, its read logged as ``audit``.

    Raises Http404 when the case is missing or forbidden (nothing is logged then: there
    was nothing to read).
    """
    case = permissions.access_case(request.user, case_uuid, action)
    audit_read(request=request, action=audit, case=case, channel=channel)
    return case


def handover_read(
    *,
    request,
    handover_uuid,
    channel: AuditChannel | str = AuditChannel.WEB,
) -> Handover:
    """The hand-over (its note) ``request.user`` may see, the read logged against its
    case. Http404 when missing or forbidden."""
    handover = permissions.access_handover(request.user, handover_uuid)
    audit_read(
        request=request,
        action=AuditAction.HANDOVER_VIEW,
        case=handover.case,
        obj=handover,
        channel=channel,
    )
    return handover


def cases_page_read(
    *,
    request,
    page_number=None,
    status: str = "open",
    only_mine: bool = False,
    organisation_id: int | None = None,
    per_page: int = CASE_PAGE_SIZE,
    channel: AuditChannel | str = AuditChannel.WEB,
) -> Page:
    """One page of the cases ``request.user`` may see (``selectors.case_list_for_user``
    with these filters), its ``object_list`` evaluated, the list read logged with the
    number of cases shown."""
    cases = selectors.case_list_for_user(
        request.user,
        status=status,
        only_mine=only_mine,
        organisation_id=organisation_id,
    )
    page = Paginator(cases, per_page).get_page(page_number)
    page.object_list = list(page.object_list)
    audit_read(
        request=request,
        action=AuditAction.CASE_LIST,
        channel=channel,
        detail={"count": len(page.object_list)},
    )
    return page


def cases_to_hand_over_read(
    *, request, to_organisation, limit: int = 100
) -> list[Case]:
    """The cases ``request.user`` may hand over to ``to_organisation``
    (``selectors.cases_to_hand_over``), the list read logged."""
    cases = list(
        selectors.cases_to_hand_over(request.user, to_organisation=to_organisation)[
            :limit
        ]
    )
    list_read(request=request, name="handover_start")
    return cases


def list_read(
    *, request, name: str, channel: AuditChannel | str = AuditChannel.WEB
) -> None:
    """Log the read of a list that names cases but is not the case list (the inbox,
    the hand-overs, the escalations): one row, with the list's name."""
    audit_read(
        request=request,
        action=AuditAction.CASE_LIST,
        channel=channel,
        detail={"list": name},
    )


def break_glass_report_read(*, request, limit: int = 200) -> list[BreakGlassAccess]:
    """The break-glass report ``request.user`` may see (``selectors.break_glass_report``;
    the caller checks he may see a report at all). It shows references and free-text
    reasons, so the read is logged once per case shown (one insert), or once without a
    case when the report is empty."""
    accesses = list(selectors.break_glass_report(request.user)[:limit])
    if accesses:
        audit_read_cases(
            request=request,
            action=AuditAction.BREAK_GLASS_REPORT_VIEW,
            case_uuids=[access.case.uuid for access in accesses],
        )
    else:
        audit_read(request=request, action=AuditAction.BREAK_GLASS_REPORT_VIEW)
    return accesses


def _require_change(request) -> None:
    if request.method in SAFE_METHODS:
        # A programming error, not the visitor's: a page that shows a case reads it.
        raise TypeError("a case for a change needs a POST; pages use case_read")


def case_for_change(*, request, case_uuid, action: str) -> Case:
    """The case a POST changes, authorised for ``action`` (Http404 otherwise). Not
    logged here: the service it is passed to logs the change."""
    _require_change(request)
    return permissions.access_case(request.user, case_uuid, action)


def handover_for_change(*, request, handover_uuid) -> Handover:
    """The hand-over a POST answers or withdraws (the services decide who may)."""
    _require_change(request)
    return permissions.access_handover(request.user, handover_uuid)


def escalation_for_change(*, request, escalation_uuid) -> Escalation:
    """The escalation a regisseur answers; Http404 if missing or not his."""
    _require_change(request)
    escalation = (
        permissions.escalations_visible_to(request.user)
        .select_related("case", "regisseur_organisation")
        .filter(uuid=escalation_uuid)
        .first()
    )
    if escalation is None:
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    return escalation


def goal_for_change(*, case: Case, goal_uuid) -> Goal:
    """A goal of a case already fetched for a change; Http404 if not of that case."""
    goal = Goal.objects.filter(case=case, uuid=goal_uuid).first()
    if goal is None:
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    return goal


def consent_for_change(*, case: Case, consent_uuid):
    """A consent of a case already fetched for a change; Http404 otherwise."""
    consent = case.consents.filter(uuid=consent_uuid).first()
    if consent is None:
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    return consent


def involvement_for_change(*, case: Case, organisation_uuid) -> Involvement:
    """The active involvement of an organisation in a case fetched for a change."""
    involvement = case.involvements.filter(
        organisation__uuid=organisation_uuid, ended_at__isnull=True
    ).first()
    if involvement is None:
        raise Http404(permissions.NOT_FOUND_MESSAGE)
    return involvement
