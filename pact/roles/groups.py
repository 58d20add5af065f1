"""The Django groups that carry the roles: one group per role with its model
permissions (``ROLE_GROUP_PERMISSIONS``, applied by ``roles_sync_groups``), and one
group per organisation and role, to which apps attach object permissions."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from pact.constants import Role
from pact.models import Organisation, OrganisationGroup

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
