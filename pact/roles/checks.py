"""The role-level checks: which roles a person holds, ``can(user, capability,
organisation=None)`` and the organisations where he may do something."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from pact.constants import Role
from pact.models import Membership, Organisation
from pact.roles.matrix import CAPABILITIES, PLATFORM

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


def _memberships(user):
    return Membership.objects.filter(user=user, user__is_active=True)


def user_roles(user: AbstractBaseUser | AnonymousUser) -> set[Role]:
    """All roles ``user`` holds anywhere (cached on the user object for the request)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_pact_roles", None)
    if cached is None:
        cached = {
            Role(role) for role in _memberships(user).values_list("role", flat=True)
        }
        user._pact_roles = cached  # type: ignore[attr-defined]  # a per-request memo
    return cached


def has_role(user, role: Role, *, organisation: Organisation | None = None) -> bool:
    if not user.is_authenticated:
        return False
    if organisation is None:
        return Role(role) in user_roles(user)
    return _memberships(user).filter(role=role, organisation=organisation).exists()


def can(user, capability: str, organisation: Organisation | None = None) -> bool:
    """May ``user`` do ``capability`` (in ``organisation``, for organisation scope)?

    With ``organisation=None`` an organisation-scoped capability asks "in some
    organisation". Unknown capability names raise ``KeyError`` so a typo cannot pass.
    """
    rule = CAPABILITIES[capability]
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser and rule.superuser:
        return True
    if rule.scope == PLATFORM or organisation is None:
        return bool(user_roles(user) & rule.roles)
    return organisations_where(user, capability).filter(pk=organisation.pk).exists()


def organisations_where(user, capability: str) -> QuerySet[Organisation]:
    """The organisations in which ``user`` may do ``capability``, as one query."""
    rule = CAPABILITIES[capability]
    if not user.is_authenticated or not user.is_active:
        return Organisation.objects.none()
    if (
        (user.is_superuser and rule.superuser)
        or rule.scope == PLATFORM
        and can(user, capability)
    ):
        return Organisation.objects.all()
    if rule.scope == PLATFORM:
        return Organisation.objects.none()
    direct_roles = [role for role in rule.roles if role != Role.PACT_ADMIN]
    condition = Q(memberships__user=user, memberships__role__in=direct_roles)
    if Role.PACT_ADMIN in rule.roles:
        condition |= Q(
            pact_memberships__pact__admin_memberships__user=user,
            pact_memberships__pact__admin_memberships__role=Role.PACT_ADMIN,
        )
    return Organisation.objects.filter(condition).distinct()


def capabilities_of(role: Role) -> list[str]:
    return [name for name, rule in CAPABILITIES.items() if Role(role) in rule.roles]


def is_platform_admin(user) -> bool:
    """Superusers and pact admins: they run the platform and see no case contents."""
    if not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser or Role.PACT_ADMIN in user_roles(user))
