"""The one permission policy of casusregie. Every view, API endpoint, export, print and
websocket consumer asks this module; nothing else reads django-guardian for cases.

Who may do what with a case (see ``docs/casusregie.md`` and ``docs/permissions.md``):

* An organisation's people get rights on a case only through an **active involvement
  with a valid basis** (consent not withdrawn or lapsed, or a legal task). The services
  keep django-guardian group object permissions (``CaseGroupObjectPermission``) equal to
  ``expected_grants(case)``; ``manage.py check_case_grants`` proves it.
* Per involved organisation: its **case workers** view and edit, and, when it leads,
  hand over, close and export; its **coordinators** view, and, when it leads, see the
  access log and export; its **regisseurs** (the municipality) view, edit and see the
  access log, and, when they lead, hand over, close and export. A closed case keeps only
  the reading rights.
* **Pact admins and superusers** see no case contents: their only way in is a
  break-glass access (reason, one hour, logged, reported), which gives ``VIEW`` only.
* A case someone may not see answers 404, exactly like a case that does not exist
  (``access_case``).

Role-level rights (which capabilities a role has) come from ``pact.roles``.
"""

from __future__ import annotations

import datetime
import uuid as uuid_module
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casusregie.constants import (
    Basis,
    CaseStatus,
    EscalationStatus,
    HandoverStatus,
    InvolvementRole,
)
from casusregie.models import (
    BreakGlassAccess,
    Case,
    CaseGroupObjectPermission,
    Escalation,
    Handover,
    Involvement,
)
from pact.constants import Role
from pact.models import Membership, Organisation
from pact.roles import can as role_can
from pact.roles import (
    is_platform_admin,
    organisations_where,
    second_factor_satisfied,
)

if TYPE_CHECKING:
    from typing import TypedDict

    from django_stubs_ext import WithAnnotations

    class _OwnFlags(TypedDict):
        is_to_us: bool
        is_from_us: bool

    # A hand-over with the flags of ``handovers_of_own_organisations``.
    OwnHandover = WithAnnotations[Handover, _OwnFlags]

# The actions: equal to the codenames in ``Case.Meta.permissions``.
VIEW = "view_case"
EDIT = "edit_case"
HAND_OVER = "hand_over_case"
CLOSE = "close_case"
VIEW_LOG = "view_case_log"
EXPORT = "export_case"
ACTIONS = (VIEW, EDIT, HAND_OVER, CLOSE, VIEW_LOG, EXPORT)
# Short names for templates: {% can_case "hand_over" case %}.
ACTION_ALIASES = {
    "view": VIEW,
    "edit": EDIT,
    "hand_over": HAND_OVER,
    "close": CLOSE,
    "view_log": VIEW_LOG,
    "export": EXPORT,
    **{action: action for action in ACTIONS},
}
READ_ONLY_ACTIONS = frozenset({VIEW, VIEW_LOG, EXPORT})

# Which role in an involved organisation gets which action (lead: when it leads).
ROLE_GRANTS: dict[Role, tuple[frozenset[str], frozenset[str]]] = {
    # role: (always, additionally when the organisation leads)
    Role.CASE_WORKER: (frozenset({VIEW, EDIT}), frozenset({HAND_OVER, CLOSE, EXPORT})),
    Role.COORDINATOR: (frozenset({VIEW}), frozenset({VIEW_LOG, EXPORT})),
    Role.REGISSEUR: (
        frozenset({VIEW, EDIT, VIEW_LOG}),
        frozenset({HAND_OVER, CLOSE, EXPORT}),
    ),
}
CASE_ROLE_CAPABILITIES = (
    "cases.work",
    "cases.view_organisation",
    "cases.regie",
    "cases.break_glass",
)

NOT_FOUND_MESSAGE = _("Deze casus bestaat niet of u heeft er geen toegang toe.")


class CaseActionDenied(PermissionDenied):
    """The person may see the case but not do this with it."""


def normalise_action(action: str) -> str:
    try:
        return ACTION_ALIASES[action]
    except KeyError:
        raise KeyError(f"Unknown casusregie action {action!r}") from None


# --- Expected grants (what the services must keep in guardian) --------------------------


def involvement_basis_is_valid(
    involvement: Involvement, today: datetime.date | None = None
) -> bool:
    if involvement.ended_at is not None:
        return False
    if involvement.basis == Basis.LEGAL_TASK:
        return bool(involvement.legal_ground)
    consent = involvement.consent
    return consent is not None and consent.is_valid_on(today or timezone.localdate())


def expected_grants(
    case: Case,
    involvements: Iterable[Involvement] | None = None,
    today: datetime.date | None = None,
) -> set[tuple[int, Role, str]]:
    """``(organisation id, role, action)`` triples the case's groups must hold.

    Pure: computed from the case's involvements and status only.
    """
    if involvements is None:
        involvements = case.involvements.filter(ended_at__isnull=True).select_related(
            "consent"
        )
    expected: set[tuple[int, Role, str]] = set()
    for involvement in involvements:
        if not involvement_basis_is_valid(involvement, today):
            continue
        leads = involvement.role == InvolvementRole.LEAD
        for role, (always, when_lead) in ROLE_GRANTS.items():
            actions = set(always) | (set(when_lead) if leads else set())
            if case.status == CaseStatus.CLOSED:
                actions &= READ_ONLY_ACTIONS
            expected.update(
                (involvement.organisation_id, role, action) for action in actions
            )
    return expected


# --- Checks ----------------------------------------------------------------------------


def _usable(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _works_cases(user) -> bool:
    """May ``user``'s organisation grants count at all? Not for pact admins and
    superusers, whatever groups they were put in: their only way in is break-glass
    (decisions 0032 and 0060). The one rule: no case access except through an
    involvement with a valid basis, or break-glass."""
    return _usable(user) and not is_platform_admin(user)


def may_break_glass(user) -> bool:
    return _usable(user) and role_can(user, "cases.break_glass")


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
    if not _usable(user):
        return frozenset()
    actions: set[str] = set()
    if _works_cases(user):
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
    if not _works_cases(user):
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
    if not _usable(user):
        return Case.objects.none()
    condition = (
        Q(pk__in=_granted_case_ids(user, action)) if _works_cases(user) else Q(pk=None)
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
    if not _usable(user):
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


# --- Hand-overs, escalations, organisations ---------------------------------------------


def organisations_working(user) -> QuerySet[Organisation]:
    """Organisations in which ``user`` works cases (case workers and regisseurs)."""
    return organisations_where(user, "cases.work")


def organisations_overseeing(user) -> QuerySet[Organisation]:
    """Organisations whose cases ``user`` sees as coordinator."""
    return organisations_where(user, "cases.view_organisation")


def may_open_cases(user) -> bool:
    """Does ``user`` work cases somewhere (so may open one)? No query: the person's
    roles are cached for the request by ``pact.roles``."""
    return _usable(user) and role_can(user, "cases.work")


def may_start_handover(user) -> bool:
    """May ``user`` start a warm hand-over from the sociale kaart (the button on an
    offering page)? Case workers and regisseurs: they lead cases. Which of his cases he
    may hand over is decided per case (``HAND_OVER``) on the next page. No query."""
    return _works_cases(user) and role_can(user, "cases.work")


def is_case_coordinator(user) -> bool:
    """Does ``user`` coordinate the cases of some organisation? No query."""
    return _usable(user) and role_can(user, "cases.view_organisation")


def _partner_organisation_ids(user):
    if user is not None and not _works_cases(user):
        return Membership.objects.none().values("organisation_id")
    return Membership.objects.filter(
        user=user,
        user__is_active=True,
        role__in=[Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR],
    ).values("organisation_id")


def handovers_of_own_organisations(user) -> QuerySet[OwnHandover]:
    """Hand-overs to or from the organisations where ``user`` works cases, coordinates
    or is regisseur (part of ``handovers_visible_to``), annotated with ``is_to_us`` and
    ``is_from_us``."""
    usable = _usable(user)
    org_ids = _partner_organisation_ids(user if usable else None)
    handovers = Handover.objects.filter(
        Q(to_organisation_id__in=org_ids) | Q(from_organisation_id__in=org_ids)
    ).annotate(
        is_to_us=Exists(org_ids.filter(organisation_id=OuterRef("to_organisation_id"))),
        is_from_us=Exists(
            org_ids.filter(organisation_id=OuterRef("from_organisation_id"))
        ),
    )
    return handovers if usable else handovers.none()


def _receiver_basis_valid(today: datetime.date | None = None) -> Q:
    """The hand-over's basis for its receiver still holds (a legal task, or the
    resident's consent: given, not withdrawn, not lapsed)."""
    today = today or timezone.localdate()
    return Q(basis=Basis.LEGAL_TASK) | (
        Q(
            consent__isnull=False,
            consent__withdrawn_at__isnull=True,
            consent__given_on__lte=today,
        )
        & (Q(consent__valid_until__isnull=True) | Q(consent__valid_until__gte=today))
    )


def handovers_visible_to(user) -> QuerySet[Handover]:
    """Hand-overs whose note ``user`` may read.

    Those of the cases ``user`` may see, and the open proposals to the user's
    organisations while the receiver's basis (its consent, or a legal task) holds: the
    receiver reads the note before it may see the case. Once the proposal is answered,
    withdrawn, expired or cancelled, or its consent is withdrawn or lapsed, the receiver
    reads it only if it may see the case (issue 10, finding 4).
    """
    if not _usable(user):
        return Handover.objects.none()
    org_ids = _partner_organisation_ids(user)
    return Handover.objects.filter(
        Q(case_id__in=cases_visible_to(user).values("pk"))
        | (
            Q(to_organisation_id__in=org_ids, status=HandoverStatus.PROPOSED)
            & _receiver_basis_valid()
        )
    )


def access_handover(user, handover_uuid) -> Handover:
    """Fetch a hand-over the user may see; Http404 if missing or forbidden."""
    try:
        key = uuid_module.UUID(str(handover_uuid))
    except (TypeError, ValueError):
        raise Http404(NOT_FOUND_MESSAGE) from None
    handover = (
        handovers_visible_to(user)
        .select_related(
            "case",
            "case__municipality",
            "from_organisation",
            "to_organisation",
            "proposed_by",
            "to_worker",
            "answered_by",
        )
        .filter(uuid=key)
        .first()
    )
    if handover is None:
        raise Http404(NOT_FOUND_MESSAGE)
    return handover


def may_answer_handover(user, handover: Handover) -> bool:
    """The receiving organisation answers (accepts or declines): its case workers and
    regisseurs, and its coordinators, who accept on its behalf and name the case worker
    who leads (decision 0037). Never the proposer."""
    return (
        _usable(user)
        and user.pk != handover.proposed_by_id
        and (
            role_can(user, "cases.work", handover.to_organisation)
            or role_can(user, "cases.view_organisation", handover.to_organisation)
        )
    )


def may_assign_lead_worker(user, handover: Handover) -> bool:
    """May ``user`` accept ``handover`` for a colleague (name who leads)? Its receiving
    organisation's coordinators, never the proposer. Case workers accept for
    themselves."""
    return (
        _usable(user)
        and user.pk != handover.proposed_by_id
        and role_can(user, "cases.view_organisation", handover.to_organisation)
    )


def handover_lead_workers(handover: Handover) -> QuerySet:
    """Who may become the case's worker when ``handover`` is accepted: the active case
    workers and regisseurs of the receiving organisation, never the proposer."""
    workers = (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organisation_id=handover.to_organisation_id,
            memberships__role__in=[Role.CASE_WORKER, Role.REGISSEUR],
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    if handover.proposed_by_id is not None:
        workers = workers.exclude(pk=handover.proposed_by_id)
    return workers


def may_lead_after_handover(user, handover: Handover) -> bool:
    """May ``user`` become the case's worker when ``handover`` is accepted?"""
    return _usable(user) and handover_lead_workers(handover).filter(pk=user.pk).exists()


def may_withdraw_handover(user, handover: Handover) -> bool:
    return _usable(user) and role_can(user, "cases.work", handover.from_organisation)


def regisseur_organisations(user) -> QuerySet[Organisation]:
    if not _usable(user) or not role_can(user, "cases.regie"):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Role.REGISSEUR
    ).distinct()


def escalations_visible_to(user) -> QuerySet[Escalation]:
    """Escalations addressed to the user's municipality (regisseurs only)."""
    return Escalation.objects.filter(
        regisseur_organisation__in=regisseur_organisations(user)
    )


def may_resolve_escalation(user, escalation: Escalation) -> bool:
    return (
        escalation.status == EscalationStatus.OPEN
        and regisseur_organisations(user)
        .filter(pk=escalation.regisseur_organisation_id)
        .exists()
    )


def may_view_figures(user) -> bool:
    return _usable(user) and role_can(user, "cases.view_figures")


def has_case_role(user) -> bool:
    """Does ``user`` hold a role that opens case data (and so needs two factors)?"""
    return _usable(user) and any(role_can(user, cap) for cap in CASE_ROLE_CAPABILITIES)


def two_factor_satisfied(user, session=None) -> bool:
    """Has ``user`` passed the second step where it is required? The rule is
    ``pact.roles.needs_second_factor`` (everyone who reaches case data or the admin,
    decision 0061); ``config``'s middleware applies it to every request."""
    return second_factor_satisfied(user, session)


# --- Notification recipients ------------------------------------------------------------


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
