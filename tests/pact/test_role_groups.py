from django.contrib.auth.models import Group

import pytest

from pact.constants import Role
from pact.roles import (
    ROLE_GROUP_NAMES,
    ROLE_GROUP_PERMISSIONS,
    organisation_group,
    roles_sync_groups,
)


@pytest.mark.django_db
class RoleGroupTests:
    def test_sync_gives_each_role_group_exactly_its_permissions(self):
        roles_sync_groups()
        for role, names in ROLE_GROUP_PERMISSIONS.items():
            group = Group.objects.get(name=ROLE_GROUP_NAMES[role])
            have = {
                f"{p.content_type.app_label}.{p.codename}"
                for p in group.permissions.all()
            }
            assert have == set(names)

    def test_membership_puts_user_in_role_and_organisation_group(self, cast):
        groups = set(cast.editor_a.groups.all())
        assert Group.objects.get(name=ROLE_GROUP_NAMES[Role.EDITOR]) in groups
        assert organisation_group(cast.partner_a, Role.EDITOR) in groups

    def test_pact_admin_may_use_admin_and_edit_network_models(self, cast):
        assert cast.pact_admin.has_perm("wagtailadmin.access_admin")
        assert cast.pact_admin.has_perm("pact.change_organisation")
        assert not cast.coordinator_a.has_perm("pact.change_organisation")

    def test_case_worker_has_no_admin_access(self, cast):
        assert not cast.worker_a.has_perm("wagtailadmin.access_admin")
