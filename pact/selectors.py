"""Reads of the pact network that more than one place needs."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Prefetch, QuerySet

from pact.constants import Role
from pact.models import Membership, Organisation, Pact
from pact.roles import organisations_where

User = get_user_model()

CONTENT_GENERATION_KEY = "pagecache:generation"


def content_generation() -> int:
    """The number of the public content's current state: every change of something a
    public page can show increments it (``config.pagecache`` wires the signals,
    decision 0073). Whatever is kept in the cache under a key with this number is
    never read after such a change. With the cache down: 1, and nothing cached is
    found (the cache answers ``None``)."""
    value = cache.get(CONTENT_GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(CONTENT_GENERATION_KEY, value, None)
    return int(value)


def organisation_list_for_member_management(user) -> QuerySet[Organisation]:
    """Organisations whose members ``user`` may manage (coordinators: their own)."""
    return organisations_where(user, "members.manage").order_by("name")


def organisation_members(organisation: Organisation) -> list[dict]:
    """The people of ``organisation`` with their roles there, sorted by name.

    Two queries whatever the number of members.
    """
    users = (
        User.objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(organisation=organisation),
                to_attr="roles_here",
            )
        )
    )
    return [
        {
            "user": user,
            "roles": sorted(
                {Role(m.role) for m in user.roles_here}, key=list(Role).index
            ),
        }
        for user in users
    ]


def organisations_for_user(user, role: Role | None = None) -> QuerySet[Organisation]:
    """Organisations where ``user`` holds ``role`` (any role when ``role`` is None)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    memberships = Membership.objects.filter(user=user)
    if role is not None:
        memberships = memberships.filter(role=role)
    return Organisation.objects.filter(pk__in=memberships.values("organisation_id"))


def pacts_for_admin(user) -> QuerySet[Pact]:
    """The pacts ``user`` administers (all pacts for superusers)."""
    if user.is_superuser:
        return Pact.objects.all()
    return Pact.objects.filter(
        admin_memberships__user=user, admin_memberships__role=Role.PACT_ADMIN
    ).distinct()
