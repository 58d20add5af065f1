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

The policy by sub-domain (issue 12, step 7): ``matrix`` (``CAPABILITIES``), ``checks``
(``can``, ``user_roles``, ``organisations_where``), ``groups`` (the role and
organisation groups) and ``second_factor``. Every public name is re-exported here;
other code imports ``pact.roles``, not its sub-modules.
"""

from pact.roles.checks import (
    can,
    capabilities_of,
    has_role,
    is_platform_admin,
    organisations_where,
    user_roles,
)
from pact.roles.groups import (
    ROLE_GROUP_NAMES,
    ROLE_GROUP_PERMISSIONS,
    organisation_group,
    role_group,
    roles_sync_groups,
)
from pact.roles.matrix import CAPABILITIES, ORGANISATION, PLATFORM, Capability
from pact.roles.second_factor import (
    CASE_ROLES,
    SECOND_FACTOR_CAPABILITIES,
    needs_second_factor,
    second_factor_satisfied,
    second_factor_verified,
)

__all__ = [
    "CAPABILITIES",
    "CASE_ROLES",
    "Capability",
    "ORGANISATION",
    "PLATFORM",
    "ROLE_GROUP_NAMES",
    "ROLE_GROUP_PERMISSIONS",
    "SECOND_FACTOR_CAPABILITIES",
    "can",
    "capabilities_of",
    "has_role",
    "is_platform_admin",
    "needs_second_factor",
    "organisation_group",
    "organisations_where",
    "role_group",
    "roles_sync_groups",
    "second_factor_satisfied",
    "second_factor_verified",
    "user_roles",
]
