"""Invitations and role changes cannot open case data around the rules (issue 10,
findings 2 and 3; decision 0060).

No one gains case access except through an involvement with a valid basis or
break-glass: invitations never add roles to the inviter, never to an account of
another organisation without that organisation's coordinator, never bring back a
removed account, and case roles are refused for pact admins and superusers. Every role
change is logged and the organisation's coordinators are told.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from pact import services
from pact.constants import Role
from pact.models import Membership
from pact.roles import can
from tests.factories.pact import UserFactory

pytestmark = pytest.mark.django_db


def invite(actor, organisation, email, roles, **names):
    return services.member_invite(
        email=email,
        first_name=names.get("first_name", "Voornaam"),
        last_name=names.get("last_name", "Achternaam"),
        organisation=organisation,
        roles=roles,
        actor=actor,
    )


def superuser():
    return get_user_model().objects.create_superuser(
        "beheerder", "beheerder@example.org", "x"
    )


class NoSelfInvitationTests:
    """Finding 2: pactbeheer invited his own address to GKB as case worker."""

    def test_pact_admin_cannot_invite_his_own_address(self, cast):
        with pytest.raises(services.NotAllowed):
            invite(
                cast.pact_admin, cast.partner_b, cast.pact_admin.email, ["case_worker"]
            )
        assert not Membership.objects.filter(
            user=cast.pact_admin, role=Role.CASE_WORKER
        ).exists()

    def test_the_address_is_compared_without_case_and_spaces(self, cast):
        with pytest.raises(services.NotAllowed):
            invite(
                cast.pact_admin,
                cast.partner_b,
                f"  {cast.pact_admin.email.upper()} ",
                ["editor"],
            )

    def test_superuser_cannot_invite_himself(self):
        from tests.personas import build_cast

        cast = build_cast()
        root = superuser()
        with pytest.raises(services.NotAllowed):
            invite(root, cast.partner_b, root.email, ["case_worker"])
        assert not Membership.objects.filter(user=root).exists()

    def test_coordinator_cannot_give_himself_more_roles(self, cast):
        with pytest.raises(services.NotAllowed):
            invite(
                cast.coordinator_a,
                cast.partner_a,
                cast.coordinator_a.email,
                ["case_worker"],
            )
        with pytest.raises(services.NotAllowed):
            services.membership_grant(
                user=cast.coordinator_a,
                organisation=cast.partner_a,
                role=Role.CASE_WORKER,
                actor=cast.coordinator_a,
            )


class NoCaseRolesForPlatformAdminsTests:
    def test_another_pact_admin_cannot_make_a_pact_admin_case_worker(self, cast):
        colleague = UserFactory(roles=[(cast.gemeente, Role.PACT_ADMIN, cast.pact)])
        with pytest.raises(ValidationError, match="noodtoegang"):
            invite(colleague, cast.gemeente, cast.pact_admin.email, ["case_worker"])

    @pytest.mark.parametrize(
        "role", [Role.CASE_WORKER, Role.COORDINATOR, Role.REGISSEUR]
    )
    def test_case_roles_are_refused_for_superusers_even_by_the_system(self, cast, role):
        with pytest.raises(ValidationError):
            services.membership_grant(
                user=superuser(), organisation=cast.gemeente, role=role
            )

    def test_a_case_worker_does_not_become_pact_admin(self, cast):
        with pytest.raises(ValidationError):
            services.membership_grant(
                user=cast.worker_a,
                organisation=cast.gemeente,
                role=Role.PACT_ADMIN,
                pact=cast.pact,
            )

    def test_editor_role_stays_possible_for_a_pact_admin(self, cast):
        services.membership_grant(
            user=cast.pact_admin, organisation=cast.partner_a, role=Role.EDITOR
        )
        assert can(cast.pact_admin, "kaart.edit", cast.partner_a)

    def test_group_grants_do_not_count_for_platform_admins(self, cast):
        """Even put in a case workers' group by hand, a pact admin or superuser sees
        no case: the policy ignores their organisation grants (only break-glass)."""
        from casusregie import permissions
        from pact.roles import organisation_group
        from tests.factories.casusregie import CaseFactory

        case = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
        )
        root = superuser()
        group = organisation_group(cast.partner_a, Role.CASE_WORKER)
        for person in (cast.pact_admin, root):
            person.groups.add(group)
            assert not permissions.can(person, permissions.VIEW, case)
            assert not permissions.cases_visible_to(person).exists()
            assert not permissions.handovers_visible_to(person).exists()


class OtherOrganisationsAccountTests:
    def test_coordinator_cannot_add_roles_to_another_organisations_account(self, cast):
        with pytest.raises(services.NotAllowed, match="Gemeentelijke Kredietbank"):
            invite(cast.coordinator_a, cast.partner_a, cast.worker_b.email, ["editor"])
        assert not Membership.objects.filter(
            user=cast.worker_b, organisation=cast.partner_a
        ).exists()

    def test_pact_admin_cannot_either(self, cast):
        with pytest.raises(services.NotAllowed):
            invite(
                cast.pact_admin, cast.partner_a, cast.worker_b.email, ["case_worker"]
            )

    def test_a_coordinator_of_both_organisations_can(self, cast):
        both = UserFactory(
            roles=[
                (cast.partner_a, Role.COORDINATOR),
                (cast.partner_b, Role.COORDINATOR),
            ]
        )
        invite(both, cast.partner_a, cast.worker_b.email, ["editor"])
        assert can(cast.worker_b, "kaart.edit", cast.partner_a)

    def test_more_roles_in_the_same_organisation_are_fine(self, cast):
        invite(cast.coordinator_a, cast.partner_a, cast.editor_a.email, ["case_worker"])
        assert can(cast.editor_a, "cases.work", cast.partner_a)


class RemovedAccountTests:
    """Finding 3: a removed person came back through another organisation."""

    def remove_worker_a(self, cast):
        TOTPDevice.objects.create(user=cast.worker_a, name="app", confirmed=True)
        services.member_remove(
            user=cast.worker_a, organisation=cast.partner_a, actor=cast.coordinator_a
        )
        cast.worker_a.refresh_from_db()
        assert not cast.worker_a.is_active

    def test_removal_takes_password_and_second_factor(self, cast):
        self.remove_worker_a(cast)
        assert not cast.worker_a.has_usable_password()
        assert not TOTPDevice.objects.filter(user=cast.worker_a).exists()

    def test_another_organisation_cannot_bring_the_account_back(self, cast):
        self.remove_worker_a(cast)
        coordinator_b = UserFactory(roles=[(cast.partner_b, Role.COORDINATOR)])
        with pytest.raises(services.NotAllowed, match="uitgeschakeld"):
            invite(coordinator_b, cast.partner_b, cast.worker_a.email, ["editor"])
        cast.worker_a.refresh_from_db()
        assert not cast.worker_a.is_active
        assert not Membership.objects.filter(user=cast.worker_a).exists()

    def test_the_removing_organisation_invites_anew_with_a_new_password(
        self, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        self.remove_worker_a(cast)
        with django_capture_on_commit_callbacks(execute=True):
            invite(cast.coordinator_a, cast.partner_a, cast.worker_a.email, ["editor"])
        cast.worker_a.refresh_from_db()
        assert cast.worker_a.is_active
        assert not cast.worker_a.has_usable_password()
        assert not cast.worker_a.check_password("test-wachtwoord-123")
        mail = next(m for m in mailoutbox if cast.worker_a.email in m.to)
        assert "/admin/password_reset/confirm/" in mail.body

    def test_an_account_deactivated_otherwise_does_not_come_back(self, cast):
        cast.worker_b.is_active = False
        cast.worker_b.save()
        coordinator_b = UserFactory(roles=[(cast.partner_b, Role.COORDINATOR)])
        with pytest.raises(services.NotAllowed):
            invite(coordinator_b, cast.partner_b, cast.worker_b.email, ["editor"])


class RoleChangesAreLoggedAndToldTests:
    def test_grant_and_revoke_mail_the_other_coordinators(
        self, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        other = UserFactory(roles=[(cast.partner_a, Role.COORDINATOR)])
        with django_capture_on_commit_callbacks(execute=True):
            services.membership_grant(
                user=cast.editor_a,
                organisation=cast.partner_a,
                role=Role.CASE_WORKER,
                actor=cast.pact_admin,
            )
        told = [m for m in mailoutbox if other.email in m.to]
        assert len(told) == 1 and "Casusbehandelaar" in told[0].body
        assert {tuple(m.to) for m in mailoutbox} == {
            (other.email,),
            (cast.coordinator_a.email,),
        }
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.membership_revoke(
                user=cast.editor_a,
                organisation=cast.partner_a,
                role=Role.CASE_WORKER,
                actor=cast.coordinator_a,
            )
        assert [m.to for m in mailoutbox] == [[other.email]]

    def test_an_invitation_is_one_mail_to_each_coordinator(
        self, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            invite(
                cast.pact_admin,
                cast.partner_a,
                "nieuw@attenta.example",
                ["case_worker", "editor"],
            )
        to_coordinator = [m for m in mailoutbox if cast.coordinator_a.email in m.to]
        assert len(to_coordinator) == 1
        assert "nieuw@attenta.example" in to_coordinator[0].body

    def test_every_change_is_in_the_audit_log(self, cast):
        from wagtail.models import ModelLogEntry

        services.membership_grant(
            user=cast.editor_a,
            organisation=cast.partner_a,
            role=Role.CASE_WORKER,
            actor=cast.coordinator_a,
        )
        services.member_remove(
            user=cast.editor_a, organisation=cast.partner_a, actor=cast.coordinator_a
        )
        actions = list(
            ModelLogEntry.objects.filter(user=cast.coordinator_a)
            .order_by("pk")
            .values_list("action", flat=True)
        )
        assert actions == [
            "pact.membership.grant",
            "pact.membership.revoke",
            "pact.membership.revoke",
            "pact.member.deactivate",
        ]


class SecondFactorResetTests:
    def test_coordinator_resets_a_members_app_logged_and_mailed(
        self, cast, mailoutbox, django_capture_on_commit_callbacks
    ):
        from wagtail.models import ModelLogEntry

        TOTPDevice.objects.create(user=cast.worker_a, name="app", confirmed=True)
        with django_capture_on_commit_callbacks(execute=True):
            removed = services.member_second_factor_reset(
                user=cast.worker_a,
                organisation=cast.partner_a,
                actor=cast.coordinator_a,
            )
        assert removed == 1
        assert not TOTPDevice.objects.filter(user=cast.worker_a).exists()
        assert ModelLogEntry.objects.filter(
            action="pact.second_factor.reset", user=cast.coordinator_a
        ).exists()
        assert any(cast.worker_a.email in m.to for m in mailoutbox)

    def test_not_for_oneself_nor_for_another_organisations_member(self, cast):
        with pytest.raises(services.NotAllowed):
            services.member_second_factor_reset(
                user=cast.coordinator_a,
                organisation=cast.partner_a,
                actor=cast.coordinator_a,
            )
        with pytest.raises(services.NotAllowed):
            services.member_second_factor_reset(
                user=cast.worker_b,
                organisation=cast.partner_a,
                actor=cast.coordinator_a,
            )
        coordinator_b = UserFactory(roles=[(cast.partner_b, Role.COORDINATOR)])
        with pytest.raises(services.NotAllowed):
            services.member_second_factor_reset(
                user=cast.worker_a, organisation=cast.partner_a, actor=coordinator_b
            )

    def test_not_for_someone_who_also_works_elsewhere(self, cast):
        services.membership_grant(
            user=cast.worker_a, organisation=cast.partner_b, role=Role.CASE_WORKER
        )
        with pytest.raises(services.NotAllowed, match="pactbeheerder"):
            services.member_second_factor_reset(
                user=cast.worker_a,
                organisation=cast.partner_a,
                actor=cast.coordinator_a,
            )
