"""Roles: what each may do, and the Django groups that carry it. The one place.

A person holds roles in organisations (``Membership``). This module defines

* ``CAPABILITIES``: every platform action with the roles allowed to do it and its scope.
  ``docs/permissions.md`` shows the same matrix and ``tests/pact/test_roles_matrix.py``
  asserts that the two agree and that ``can()`` behaves as the matrix says;
* ``can(user, capability, organisation=None)``: the check every module uses for
  role-level permissions (object-level rules, such as which case a worker may open, live
  in the app's own ``permissions.py`` and build on this);
* ``ROLE_GROUP_PERMISSIONS``: the Django model permissions of each role's group (what the
  Wagtail admin and ``has_perm`` look at), kept in step by ``roles_sync_groups()``;
* per-organisation groups (``organisation_group``), to which apps attach object
  permissions: Wagtail page permissions for an organisation's editors, django-guardian
  case permissions for its case workers.

Scopes: ``organisation`` capabilities hold in the organisations where the person has the
role (pact admins: in the member organisations of their pact); ``platform`` capabilities
hold anywhere once the person has the role somewhere.

Superusers pass every capability except those that open case contents: for casusregie
the only way in for them is a logged break-glass access (see ``casusregie``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from pact.constants import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from pact.models import Organisation

ORGANISATION = "organisation"
PLATFORM = "platform"


@dataclass(frozen=True)
class Capability:
    label: str
    roles: frozenset[Role]
    scope: str = PLATFORM
    superuser: bool = True


def _cap(label, roles, scope=PLATFORM, superuser=True) -> Capability:
    return Capability(str(label), frozenset(roles), scope, superuser)


E, W, C, R, A = (
    Role.EDITOR,
    Role.CASE_WORKER,
    Role.COORDINATOR,
    Role.REGISSEUR,
    Role.PACT_ADMIN,
)

CAPABILITIES: dict[str, Capability] = {
    # Network and people
    "admin.access": _cap(_("Beheeromgeving (Wagtail) gebruiken"), {E, C, R, A}),
    "network.manage": _cap(_("Gemeenten, organisaties en pacten beheren"), {A}),
    "members.manage": _cap(
        _("Leden van de eigen organisatie uitnodigen en verwijderen"),
        {C, A},
        ORGANISATION,
    ),
    # Sociale kaart
    "kaart.edit": _cap(
        _("Pagina's van de eigen organisatie in de sociale kaart bewerken"),
        {E},
        ORGANISATION,
    ),
    "kaart.approve": _cap(_("Wijzigingen in de sociale kaart goedkeuren"), {A}),
    "kaart.manage_taxonomy": _cap(
        _("Categorieën, doelgroepen, normbedragen en synoniemen beheren"), {A}
    ),
    "kaart.handle_reports": _cap(
        _("Foutmeldingen over de eigen organisatie afhandelen"), {E, C, A}, ORGANISATION
    ),
    "kaart.view_professional_notes": _cap(
        _("Notities voor professionals lezen"), {E, W, C, R, A}
    ),
    "search.view_missed": _cap(
        _("Zien wat mensen zoeken en niet vinden"), {E, C, R, A}
    ),
    # Casusregie
    "cases.work": _cap(
        _("Casussen openen en behandelen waarbij de eigen organisatie betrokken is"),
        {W, R},
        ORGANISATION,
        superuser=False,
    ),
    "cases.view_organisation": _cap(
        _("Overzicht van de casussen van de eigen organisatie"),
        {C},
        ORGANISATION,
        superuser=False,
    ),
    "cases.regie": _cap(
        _("Geëscaleerde casussen zien en de regie overnemen"), {R}, superuser=False
    ),
    "cases.view_figures": _cap(
        _("Cijfers over casusregie (zonder persoonsgegevens)"), {C, R, A}
    ),
    "cases.break_glass": _cap(
        _("Noodtoegang tot een casus met reden (gelogd en gerapporteerd)"), {A}
    ),
    # Vroegsignalering (see vroegsignalering/permissions.py for which household)
    "signals.work": _cap(
        _(
            "Signalen van betalingsachterstanden oppakken die naar de eigen organisatie gaan"
        ),
        {W, C},
        ORGANISATION,
        superuser=False,
    ),
    "signals.plan": _cap(
        _(
            "De capaciteit voor huisbezoeken en gesprekken van de eigen organisatie instellen"
        ),
        {C},
        ORGANISATION,
        superuser=False,
    ),
    "signals.regie": _cap(
        _("Signalen van de gemeente inlezen, routeren en alle huishoudens zien"),
        {R},
        superuser=False,
    ),
    "signals.view_figures": _cap(
        _("Cijfers over vroegsignalering (zonder persoonsgegevens)"), {C, R, A}
    ),
    # Agenda
    "agenda.view": _cap(
        _("Het actieplan van het pact bekijken, ook niet-gepubliceerd"), {E, W, C, R, A}
    ),
    "agenda.report": _cap(
        _("Acties van de eigen organisatie bijwerken en voortgang melden"),
        {C, A},
        ORGANISATION,
    ),
    "agenda.edit_plan": _cap(
        _("Het actieplan, rapportagerondes en indicatoren beheren"), {A}
    ),
}


# Django model permissions per role group, as "app_label.codename". Modules add their
# own here when they add models; ``roles_sync_groups()`` applies this to the groups.
ROLE_GROUP_PERMISSIONS: dict[Role, list[str]] = {
    Role.EDITOR: [
        "wagtailadmin.access_admin",
    ],
    Role.CASE_WORKER: [],
    Role.COORDINATOR: [
        "wagtailadmin.access_admin",
    ],
    Role.REGISSEUR: [
        "wagtailadmin.access_admin",
    ],
    Role.PACT_ADMIN: [
        "wagtailadmin.access_admin",
        "pact.add_municipality",
        "pact.change_municipality",
        "pact.view_municipality",
        "pact.add_organisation",
        "pact.change_organisation",
        "pact.view_organisation",
        "pact.add_pact",
        "pact.change_pact",
        "pact.view_pact",
        "pact.add_pactmembership",
        "pact.change_pactmembership",
        "pact.delete_pactmembership",
        "pact.view_pactmembership",
        # Search: the synonyms (capability kaart.manage_taxonomy).
        "pactsearch.add_synonymgroup",
        "pactsearch.change_synonymgroup",
        "pactsearch.delete_synonymgroup",
        "pactsearch.view_synonymgroup",
        # Sociale kaart: the taxonomy, the norm table, and which organisation a page
        # belongs to (page rights themselves are Wagtail page permissions).
        "socialekaart.add_category",
        "socialekaart.change_category",
        "socialekaart.delete_category",
        "socialekaart.view_category",
        "socialekaart.add_targetgroup",
        "socialekaart.change_targetgroup",
        "socialekaart.delete_targetgroup",
        "socialekaart.view_targetgroup",
        "socialekaart.add_normperiod",
        "socialekaart.change_normperiod",
        "socialekaart.delete_normperiod",
        "socialekaart.view_normperiod",
        "socialekaart.manage_organisation_link",
    ],
}

ROLE_GROUP_NAMES: dict[Role, str] = {
    Role.EDITOR: "Redacteuren sociale kaart",
    Role.CASE_WORKER: "Casusbehandelaars",
    Role.COORDINATOR: "Coördinatoren",
    Role.REGISSEUR: "Regisseurs armoede en schulden",
    Role.PACT_ADMIN: "Pactbeheerders",
}


def role_group(role: Role) -> Group:
    """The Django group of everyone with ``role`` somewhere (created when missing)."""
    group, _created = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[Role(role)])
    return group


def organisation_group(organisation: Organisation, role: Role) -> Group:
    """The group of the people with ``role`` in ``organisation`` (created when missing).

    Apps attach object permissions to it: socialekaart gives the editors' group page
    permissions on the organisation's pages, casusregie gives the case workers' group
    django-guardian permissions on the cases the organisation is involved in.
    """
    from pact.models import OrganisationGroup

    link = (
        OrganisationGroup.objects.select_related("group")
        .filter(organisation=organisation, role=role)
        .first()
    )
    if link:
        return link.group
    group, _created = Group.objects.get_or_create(
        name=f"{organisation.slug} · {Role(role).label}"[:150]
    )
    OrganisationGroup.objects.get_or_create(
        organisation=organisation, role=role, defaults={"group": group}
    )
    return group


# --- Checks ------------------------------------------------------------------------------


def _memberships(user):
    from pact.models import Membership

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
    from pact.models import Organisation

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


def roles_sync_groups() -> None:
    """Make every role group carry exactly the permissions in ``ROLE_GROUP_PERMISSIONS``.

    Idempotent; run after migrations and by ``seed_demo``. Unknown permission names
    raise ``LookupError`` so a renamed model cannot silently drop a right.
    """
    for role, names in ROLE_GROUP_PERMISSIONS.items():
        permissions = [_permission(name) for name in names]
        role_group(role).permissions.set(permissions)


def _permission(name: str) -> Permission:
    app_label, _sep, codename = name.partition(".")
    try:
        return Permission.objects.get(
            content_type__app_label=app_label, codename=codename
        )
    except Permission.DoesNotExist:
        raise LookupError(
            f"Unknown permission {name!r} in ROLE_GROUP_PERMISSIONS"
        ) from None


# --- Case roles and the second factor ------------------------------------------------------

# Roles that open case data (through an involvement of their organisation). Pact admins
# and superusers never hold one (decision 0060): their only way in is break-glass.
CASE_ROLES = frozenset({Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR})

# Who reaches case data or the Wagtail admin, and so must pass the second login step
# (decision 0061). With today's matrix that is every role, and superusers.
SECOND_FACTOR_CAPABILITIES = (
    "admin.access",
    "cases.work",
    "cases.view_organisation",
    "cases.regie",
    "cases.break_glass",
    "signals.work",
    "signals.plan",
    "signals.regie",
)


def is_platform_admin(user) -> bool:
    """Superusers and pact admins: they run the platform and see no case contents."""
    if not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_superuser or Role.PACT_ADMIN in user_roles(user))


def needs_second_factor(user) -> bool:
    """Must ``user`` pass the second step (TOTP) before anything but logging in?

    Only when ``PACT_REQUIRE_2FA`` is on; then everyone who can reach case data or the
    Wagtail admin: every role of the matrix, superusers and staff, and anyone given the
    admin permission directly.
    """
    from django.conf import settings

    if not settings.PACT_REQUIRE_2FA:
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    if any(can(user, capability) for capability in SECOND_FACTOR_CAPABILITIES):
        return True
    return user.has_perm("wagtailadmin.access_admin")


def second_factor_verified(user, session=None) -> bool:
    """Has ``user`` passed the second step in this session?

    On HTTP requests django-otp's middleware answers (``user.is_verified``). Websockets
    have no such middleware: pass the ``session`` and the device it names is checked
    (it must exist, be confirmed and belong to ``user``).
    """
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and session is None:
        return bool(is_verified())
    if session is None:
        return False
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.models import Device

    device_id = session.get(DEVICE_ID_SESSION_KEY)
    if not device_id:
        return False
    device = Device.from_persistent_id(device_id)
    return device is not None and device.user_id == user.pk and device.confirmed


def second_factor_satisfied(user, session=None) -> bool:
    """True unless ``user`` needs the second step and has not passed it."""
    return not needs_second_factor(user) or second_factor_verified(user, session)
