"""The factories build valid objects (keeps them honest as models change)."""

import pytest

from pact.constants import Role
from pact.models import Membership
from tests.factories.pact import (
    MunicipalityFactory,
    OrganisationFactory,
    PactFactory,
    UserFactory,
)


@pytest.mark.django_db
class FactoryTests:
    def test_pact_factories_produce_valid_rows(self):
        municipality = MunicipalityFactory()
        organisation = OrganisationFactory(municipalities=[municipality])
        pact = PactFactory(members=[organisation])
        for obj in (municipality, organisation, pact):
            obj.full_clean()
        assert list(pact.members.all()) == [organisation]

    def test_user_factory_roles_go_through_the_service(self):
        organisation = OrganisationFactory()
        user = UserFactory(roles=[(organisation, Role.EDITOR)])
        assert Membership.objects.filter(
            user=user, organisation=organisation, role=Role.EDITOR
        ).exists()
        assert user.check_password("test-wachtwoord-123")

    def test_build_needs_no_database(self):
        assert OrganisationFactory.build().pk is None
