"""Memberships: who may give whom which role, and groups that follow."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from pact import services
from pact.constants import Role
from pact.models import Membership
from pact.roles import can, organisation_group
from tests.factories.pact import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


class MembershipGrantTests:
    def test_grant_is_idempotent_and_logged_once(self, cast):
        from wagtail.models import ModelLogEntry

        user = UserFactory()
        for _ in range(2):
            services.membership_grant(
                user=user, organisation=cast.partner_a, role=Role.EDITOR
            )
        assert Membership.objects.filter(user=user).count() == 1
        assert (
            ModelLogEntry.objects.filter(
                action="pact.membership.grant",
                object_id__in=[
                    str(pk)
                    for pk in Membership.objects.filter(user=user).values_list(
                        "pk", flat=True
                    )
                ],
            ).count()
            == 1
        )

    def test_coordinator_grants_editor_in_own_organisation(self, cast):
        user = UserFactory()
        services.membership_grant(
            user=user,
            organisation=cast.partner_a,
            role=Role.EDITOR,
            actor=cast.coordinator_a,
        )
        assert can(user, "kaart.edit", cast.partner_a)
        assert organisation_group(cast.partner_a, Role.EDITOR) in user.groups.all()

    def test_coordinator_cannot_grant_in_another_organisation(self, cast):
        with pytest.raises(services.NotAllowed):
            services.membership_grant(
                user=UserFactory(),
                organisation=cast.partner_b,
                role=Role.EDITOR,
                actor=cast.coordinator_a,
            )

    @pytest.mark.parametrize("role", [Role.REGISSEUR, Role.PACT_ADMIN])
    def test_coordinator_cannot_appoint_regisseur_or_pact_admin(self, cast, role):
        with pytest.raises(services.NotAllowed):
            services.membership_grant(
                user=UserFactory(),
                organisation=cast.partner_a,
                role=role,
                actor=cast.coordinator_a,
                pact=cast.pact if role == Role.PACT_ADMIN else None,
            )

    def test_pact_admin_appoints_regisseur_in_member_organisation(self, cast):
        user = UserFactory()
        services.membership_grant(
            user=user,
            organisation=cast.gemeente,
            role=Role.REGISSEUR,
            actor=cast.pact_admin,
        )
        assert can(user, "cases.regie")

    def test_editor_and_worker_cannot_grant_anything(self, cast):
        for actor in (cast.editor_a, cast.worker_a, cast.outsider):
            with pytest.raises(services.NotAllowed):
                services.membership_grant(
                    user=UserFactory(),
                    organisation=cast.partner_a,
                    role=Role.EDITOR,
                    actor=actor,
                )

    def test_pact_admin_needs_a_pact_and_others_must_not_have_one(self, cast):
        with pytest.raises(ValidationError):
            services.membership_grant(
                user=UserFactory(), organisation=cast.gemeente, role=Role.PACT_ADMIN
            )
        with pytest.raises(ValidationError):
            services.membership_grant(
                user=UserFactory(),
                organisation=cast.gemeente,
                role=Role.EDITOR,
                pact=cast.pact,
            )

    def test_database_refuses_a_pact_admin_row_without_pact(self, cast):
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.create(
                user=UserFactory(), organisation=cast.gemeente, role=Role.PACT_ADMIN
            )


class MembershipRevokeTests:
    def test_revoke_removes_role_and_organisation_group(self, cast):
        services.membership_revoke(
            user=cast.editor_a, organisation=cast.partner_a, role=Role.EDITOR
        )
        assert not can(cast.editor_a, "kaart.edit", cast.partner_a)
        assert not cast.editor_a.groups.exists()

    def test_revoke_keeps_role_group_while_role_held_elsewhere(self, cast):
        from pact.roles import role_group

        services.membership_grant(
            user=cast.editor_a, organisation=cast.partner_b, role=Role.EDITOR
        )
        services.membership_revoke(
            user=cast.editor_a, organisation=cast.partner_a, role=Role.EDITOR
        )
        assert role_group(Role.EDITOR) in cast.editor_a.groups.all()
        assert can(cast.editor_a, "kaart.edit", cast.partner_b)


class MemberInviteTests:
    def test_invite_creates_account_without_password_and_sends_link_after_commit(
        self, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            user = services.member_invite(
                email="Nieuwe.Collega@Attenta.example",
                first_name="Nieuwe",
                last_name="Collega",
                organisation=cast.partner_a,
                roles=[Role.CASE_WORKER, Role.EDITOR],
                actor=cast.coordinator_a,
            )
        assert user.email == "nieuwe.collega@attenta.example"
        assert not user.has_usable_password()
        assert set(
            Membership.objects.filter(user=user).values_list("role", flat=True)
        ) == {
            Role.CASE_WORKER,
            Role.EDITOR,
        }
        assert len(mailoutbox) == 1
        assert "/admin/password_reset/confirm/" in mailoutbox[0].body
        assert "Attenta" in mailoutbox[0].subject

    def test_inviting_an_existing_person_adds_roles_and_sends_no_reset_link(
        self, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.member_invite(
                email=cast.editor_a.email,
                first_name="x",
                last_name="y",
                organisation=cast.partner_a,
                roles=[Role.CASE_WORKER],
                actor=cast.coordinator_a,
            )
        assert can(cast.editor_a, "cases.work", cast.partner_a)
        (invitation,) = [m for m in mailoutbox if cast.editor_a.email in m.to]
        assert "password_reset" not in invitation.body

    def test_invite_without_roles_is_refused(self, cast):
        with pytest.raises(ValidationError):
            services.member_invite(
                email="a@b.nl",
                first_name="a",
                last_name="b",
                organisation=cast.partner_a,
                roles=[],
                actor=cast.coordinator_a,
            )


class MemberRemoveTests:
    def test_remove_takes_all_roles_and_deactivates_person_without_roles(self, cast):
        services.member_remove(
            user=cast.editor_a, organisation=cast.partner_a, actor=cast.coordinator_a
        )
        cast.editor_a.refresh_from_db()
        assert not Membership.objects.filter(user=cast.editor_a).exists()
        assert not cast.editor_a.is_active

    def test_person_with_roles_elsewhere_stays_active(self, cast):
        services.membership_grant(
            user=cast.editor_a, organisation=cast.partner_b, role=Role.EDITOR
        )
        services.member_remove(
            user=cast.editor_a, organisation=cast.partner_a, actor=cast.coordinator_a
        )
        cast.editor_a.refresh_from_db()
        assert cast.editor_a.is_active

    def test_last_coordinator_cannot_be_removed(self, cast):
        with pytest.raises(ValidationError, match="laatste coördinator"):
            services.member_remove(
                user=cast.coordinator_a,
                organisation=cast.partner_a,
                actor=cast.coordinator_a,
            )

    def test_coordinator_can_step_down_when_another_remains(self, cast):
        other = UserFactory(roles=[(cast.partner_a, Role.COORDINATOR)])
        services.member_remove(
            user=cast.coordinator_a, organisation=cast.partner_a, actor=other
        )
        assert not can(cast.coordinator_a, "members.manage", cast.partner_a)

    def test_coordinator_of_another_organisation_cannot_remove(self, cast):
        coordinator_b = UserFactory(roles=[(cast.partner_b, Role.COORDINATOR)])
        with pytest.raises(services.NotAllowed):
            services.member_remove(
                user=cast.editor_a, organisation=cast.partner_a, actor=coordinator_b
            )


class NetworkUpsertTests:
    def test_organisation_upsert_is_idempotent_and_validates(self, cast):
        first = services.organisation_upsert(
            slug="loods13",
            name="Loods13",
            kind="vrijwilligersorganisatie",
            municipalities=[cast.municipality],
        )
        second = services.organisation_upsert(
            slug="loods13",
            name="Loods13",
            kind="vrijwilligersorganisatie",
            municipalities=[cast.municipality],
        )
        assert first.pk == second.pk
        with pytest.raises(ValidationError):
            services.organisation_upsert(slug="x", name="X", kind="geen-soort")

    def test_municipality_cbs_code_is_validated(self):
        with pytest.raises(ValidationError):
            services.municipality_upsert(
                slug="nergens", name="Nergens", cbs_code="0106"
            )

    def test_organisation_factory_round_trip(self):
        organisation = OrganisationFactory(municipalities=[])
        assert organisation.display_name == organisation.name


class InvitationLinkTests:
    def test_link_in_the_invitation_opens_the_set_password_form(
        self, cast, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        import re

        with django_capture_on_commit_callbacks(execute=True):
            services.member_invite(
                email="link@attenta.example",
                first_name="Link",
                last_name="Test",
                organisation=cast.partner_a,
                roles=[Role.EDITOR],
                actor=cast.coordinator_a,
            )
        path = re.search(
            r"https?://[^/]+(/admin/password_reset/confirm/\S+)", mailoutbox[0].body
        ).group(1)
        response = client.get(path, follow=True)
        assert response.status_code == 200
        assert b'name="new_password1"' in response.content
