"""What a person may do apart from any one case: whether his rights count at all, which
organisations he works cases for or oversees, break-glass, figures, two factors. No
query where the person's roles (cached by ``pact.roles``) answer. ``is_usable`` and
``works_cases`` are the package's own helpers, not re-exported."""

from __future__ import annotations

from django.db.models import QuerySet

from casusregie.permissions.actions import CASE_ROLE_CAPABILITIES
from pact.constants import Role
from pact.models import Organisation
from pact.roles import can as role_can
from pact.roles import is_platform_admin, organisations_where, second_factor_satisfied


def is_usable(user) -> bool:
    """A signed-in, active person (a deactivated account has no rights at all)."""
    return bool(user and user.is_authenticated and user.is_active)


def works_cases(user) -> bool:
    """May ``user``'s organisation grants count at all? Not for pact admins and
    superusers, whatever groups they were put in: their only way in is break-glass
    (decisions 0032 and 0060). The one rule: no case access except through an
    involvement with a valid basis, or break-glass."""
    return is_usable(user) and not is_platform_admin(user)


def may_break_glass(user) -> bool:
    return is_usable(user) and role_can(user, "cases.break_glass")


def organisations_working(user) -> QuerySet[Organisation]:
    """Organisations in which ``user`` works cases (case workers and regisseurs)."""
    return organisations_where(user, "cases.work")


def organisations_overseeing(user) -> QuerySet[Organisation]:
    """Organisations whose cases ``user`` sees as coordinator."""
    return organisations_where(user, "cases.view_organisation")


def may_open_cases(user) -> bool:
    """Does ``user`` work cases somewhere (so may open one)? No query: the person's
    roles are cached for the request by ``pact.roles``."""
    return is_usable(user) and role_can(user, "cases.work")


def may_start_handover(user) -> bool:
    """May ``user`` start a warm hand-over from the sociale kaart (the button on an
    offering page)? Case workers and regisseurs: they lead cases. Which of his cases he
    may hand over is decided per case (``HAND_OVER``) on the next page. No query."""
    return works_cases(user) and role_can(user, "cases.work")


def is_case_coordinator(user) -> bool:
    """Does ``user`` coordinate the cases of some organisation? No query."""
    return is_usable(user) and role_can(user, "cases.view_organisation")


def regisseur_organisations(user) -> QuerySet[Organisation]:
    if not is_usable(user) or not role_can(user, "cases.regie"):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Role.REGISSEUR
    ).distinct()


def may_view_figures(user) -> bool:
    return is_usable(user) and role_can(user, "cases.view_figures")


def has_case_role(user) -> bool:
    """Does ``user`` hold a role that opens case data (and so needs two factors)?"""
    return is_usable(user) and any(
        role_can(user, cap) for cap in CASE_ROLE_CAPABILITIES
    )


def two_factor_satisfied(user, session=None) -> bool:
    """Has ``user`` passed the second step where it is required? The rule is
    ``pact.roles.needs_second_factor`` (everyone who reaches case data or the admin,
    decision 0061); ``config``'s middleware applies it to every request."""
    return second_factor_satisfied(user, session)
