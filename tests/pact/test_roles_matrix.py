"""docs/permissions.md and pact.roles say the same, and can() does what both say."""

from __future__ import annotations

from pathlib import Path

import pytest

from pact.constants import Role
from pact.roles import CAPABILITIES, ORGANISATION, can, organisations_where
from tests.factories.pact import OrganisationFactory, UserFactory

DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"


def documented_matrix() -> dict[str, dict[str, object]]:
    text = DOC.read_text(encoding="utf-8")
    block = text.split("<!-- matrix:start -->")[1].split("<!-- matrix:end -->")[0]
    lines = [line for line in block.strip().splitlines() if line.startswith("|")]
    header = [cell.strip(" `") for cell in lines[0].strip("|").split("|")]
    matrix = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        row = dict(zip(header, cells, strict=True))
        name = row.pop("capability").strip("`")
        matrix[name] = {
            "scope": row.pop("scope"),
            "superuser": row.pop("superuser") == "✓",
            "roles": {Role(code) for code, mark in row.items() if mark == "✓"},
        }
    return matrix


class RolesMatrixTests:
    def test_documented_matrix_equals_code(self):
        documented = documented_matrix()
        in_code = {
            name: {
                "scope": rule.scope,
                "superuser": rule.superuser,
                "roles": set(rule.roles),
            }
            for name, rule in CAPABILITIES.items()
        }
        assert documented == in_code

    def test_every_role_column_is_documented(self):
        text = DOC.read_text(encoding="utf-8")
        for role in Role:
            assert f"`{role.value}`" in text


CELLS = [(name, role) for name in CAPABILITIES for role in Role]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("capability", "role"), CELLS, ids=[f"{c}-{r.value}" for c, r in CELLS]
)
def test_can_follows_matrix_cell(capability, role):
    """Own organisation: as the matrix says. Other organisation: only for platform scope."""
    from tests.factories.pact import PactFactory

    own = OrganisationFactory()
    other = OrganisationFactory()
    pact = PactFactory(members=[own])
    entry = (own, role, pact) if role == Role.PACT_ADMIN else (own, role)
    user = UserFactory(roles=[entry])
    rule = CAPABILITIES[capability]
    allowed = role in rule.roles

    assert can(user, capability) is allowed
    assert can(user, capability, own) is allowed
    expected_other = allowed and rule.scope != ORGANISATION
    assert can(user, capability, other) is expected_other
    where = set(organisations_where(user, capability))
    assert (own in where) is allowed
    assert (other in where) is expected_other


@pytest.mark.django_db
@pytest.mark.parametrize("capability", list(CAPABILITIES))
def test_no_role_and_anonymous_may_do_nothing(capability):
    from django.contrib.auth.models import AnonymousUser

    organisation = OrganisationFactory()
    assert not can(UserFactory(), capability)
    assert not can(UserFactory(), capability, organisation)
    assert not can(AnonymousUser(), capability, organisation)


@pytest.mark.django_db
@pytest.mark.parametrize("capability", list(CAPABILITIES))
def test_superuser_column(capability):
    superuser = UserFactory(is_superuser=True)
    assert (
        can(superuser, capability, OrganisationFactory())
        is CAPABILITIES[capability].superuser
    )


@pytest.mark.django_db
def test_inactive_user_loses_every_capability(cast):
    cast.coordinator_a.is_active = False
    assert not can(cast.coordinator_a, "members.manage", cast.partner_a)


@pytest.mark.django_db
def test_pact_admin_scope_is_the_member_organisations_of_his_pact(cast):
    outside = OrganisationFactory()
    assert can(cast.pact_admin, "members.manage", cast.partner_b)
    assert not can(cast.pact_admin, "members.manage", outside)
