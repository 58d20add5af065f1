"""Moderation e-mail goes to the pact admins of the page's organisation's pacts only
(issue 11), not to every pact admin."""

from __future__ import annotations

import pytest

from pact.constants import Role
from tests.factories.pact import OrganisationFactory, PactFactory, UserFactory
from tests.factories.socialekaart import organisation_page, service_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_pact(cast):
    """A second pact, with its own admin and one member organisation."""
    member = OrganisationFactory(name="Voedselbank Elders", slug="voedselbank-elders")
    pact = PactFactory(name="Armoedepact Elders", slug="elders", members=[member])
    admin = UserFactory(
        username="pact_admin_elders",
        email="elders@example.org",
        roles=[(member, Role.PACT_ADMIN, pact)],
    )
    return member, admin


def submit(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def recipients(mailoutbox) -> set[str]:
    return {address for message in mailoutbox for address in message.to}


class ModerationMailTests:
    def test_only_the_admins_of_the_organisations_pact_are_mailed(
        self, cast, kaart, other_pact, mailoutbox
    ):
        cast.pact_admin.email = "aa-en-hunze@example.org"
        cast.pact_admin.save()
        _member, elders_admin = other_pact
        submit(kaart.service_a, cast.editor_a)
        assert "aa-en-hunze@example.org" in recipients(mailoutbox)
        assert elders_admin.email not in recipients(mailoutbox)

    def test_a_page_of_the_other_pact_goes_to_its_admin(
        self, cast, kaart, other_pact, mailoutbox
    ):
        cast.pact_admin.email = "aa-en-hunze@example.org"
        cast.pact_admin.save()
        member, elders_admin = other_pact
        page = service_page(
            organisation_page(member),
            title="Pakket",
            municipalities=[cast.municipality],
        )
        submit(page, cast.editor_a)
        assert recipients(mailoutbox) == {elders_admin.email}
