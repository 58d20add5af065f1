"""Who may edit, approve and handle what: editors only their own organisation's pages,
through Wagtail's page permission policy and through the admin views."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

import pytest

from pact.constants import Role
from pact.roles import organisation_group
from socialekaart import services
from socialekaart.permissions import NotAllowed, can_edit_page, page_policy
from tests.factories import socialekaart as f

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class PagePermissionPolicyTests:
    def test_editor_of_a_may_edit_a_and_its_services(self, cast, kaart):
        assert can_edit_page(cast.editor_a, kaart.org_a)
        assert can_edit_page(cast.editor_a, kaart.service_a)

    def test_editor_of_a_may_not_edit_b(self, cast, kaart):
        assert not can_edit_page(cast.editor_a, kaart.org_b)
        assert not can_edit_page(cast.editor_a, kaart.service_b)
        assert not page_policy.user_has_permission_for_instance(
            cast.editor_a, "change", kaart.service_b
        )
        editable = set(
            page_policy.instances_user_has_any_permission_for(
                cast.editor_a, {"change"}
            ).values_list("pk", flat=True)
        )
        assert kaart.service_a.pk in editable
        assert kaart.service_b.pk not in editable

    def test_editors_cannot_publish_they_submit_for_moderation(self, cast, kaart):
        permissions = kaart.service_a.permissions_for_user(cast.editor_a)
        assert permissions.can_edit()
        assert not permissions.can_publish()
        assert permissions.can_submit_for_moderation()

    def test_other_roles_cannot_edit_pages(self, cast, kaart):
        for person in (
            cast.coordinator_a,
            cast.worker_a,
            cast.regisseur,
            cast.outsider,
            cast.anonymous,
        ):
            assert not can_edit_page(person, kaart.service_a)

    def test_pact_admins_may_edit_and_publish_everything(self, cast, kaart):
        permissions = kaart.service_b.permissions_for_user(cast.pact_admin)
        assert permissions.can_edit() and permissions.can_publish()

    def test_changing_the_organisation_moves_the_editor_rights(self, cast, kaart):
        page = kaart.org_a
        page.organisation = cast.partner_b
        page.save_revision(user=cast.pact_admin).publish(user=cast.pact_admin)
        cast.editor_a.__dict__.pop("_page_permission_cache", None)
        assert not can_edit_page(cast.editor_a, Page.objects.get(pk=page.pk))
        groups = set(
            GroupPagePermission.objects.filter(page=page).values_list(
                "group_id", flat=True
            )
        )
        assert organisation_group(cast.partner_b, Role.EDITOR).pk in groups
        assert organisation_group(cast.partner_a, Role.EDITOR).pk not in groups

    def test_a_new_editor_gets_access_through_the_group(self, cast, kaart):
        from tests.factories.pact import UserFactory

        newcomer = UserFactory(username="nieuw", roles=[(cast.partner_b, Role.EDITOR)])
        assert can_edit_page(newcomer, kaart.service_b)
        assert not can_edit_page(newcomer, kaart.service_a)


class AdminEditViewTests:
    def test_editor_opens_the_edit_view_of_his_own_page(self, client, cast, kaart):
        client.force_login(cast.editor_a)
        response = client.get(edit_url(kaart.service_a))
        assert response.status_code == 200
        assert 'name="organisation"' not in response.content.decode()

    def test_editor_cannot_open_or_post_another_organisations_page(
        self, client, cast, kaart
    ):
        client.force_login(cast.editor_a)
        response = client.get(edit_url(kaart.service_b))
        assert response.status_code in (302, 403)
        before = kaart.service_b.latest_revision_id
        response = client.post(
            edit_url(kaart.service_b), {"title": "Gekaapt", "slug": "gekaapt"}
        )
        assert response.status_code in (302, 403)
        kaart.service_b.refresh_from_db()
        assert kaart.service_b.title == "Schuldhulpverlening"
        assert kaart.service_b.latest_revision_id == before

    def test_editor_cannot_add_services_under_another_organisation(
        self, client, cast, kaart
    ):
        client.force_login(cast.editor_a)
        url = reverse(
            "wagtailadmin_pages:add",
            args=["socialekaart", "servicepage", kaart.org_b.pk],
        )
        assert client.get(url).status_code in (302, 403)

    def test_pact_admin_may_choose_the_organisation_of_a_page(
        self, client, cast, kaart
    ):
        client.force_login(cast.pact_admin)
        response = client.get(edit_url(kaart.org_a))
        assert response.status_code == 200
        assert 'name="organisation"' in response.content.decode()


class ModerationTests:
    def test_an_editors_new_service_waits_for_a_pact_admin(self, cast, kaart):
        page = f.service_page(
            kaart.org_a,
            title="Nieuwe hulp",
            actor=cast.editor_a,
            categories=[kaart.money],
        )
        assert not page.live
        state = page.current_workflow_state
        assert state is not None and state.status == "in_progress"
        task = state.current_task_state.task.specific
        editor_actions = {name for name, *_ in task.get_actions(page, cast.editor_a)}
        admin_actions = {name for name, *_ in task.get_actions(page, cast.pact_admin)}
        assert "approve" not in editor_actions
        assert "approve" in admin_actions
        task.on_action(state.current_task_state, cast.pact_admin, "approve")
        page.refresh_from_db()
        assert page.live

    def test_editor_may_not_create_pages_elsewhere(self, cast, kaart):
        with pytest.raises(NotAllowed):
            f.service_page(kaart.org_b, actor=cast.editor_a, categories=[kaart.money])

    def test_revisions_are_kept(self, cast, kaart):
        page = kaart.service_a
        page.summary = "Nieuwe samenvatting."
        page.save_revision(user=cast.editor_a)
        assert page.revisions.count() == 2


class ServiceValidationTests:
    def test_a_rule_outside_the_service_area_is_refused(self, cast, kaart):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            f.service_page(
                kaart.org_a,
                municipalities=[cast.municipality],
                rules=[
                    {
                        "municipalities": [cast.other_municipality],
                        "income_limit_percent": 120,
                    }
                ],
            )

    def test_summary_longer_than_160_characters_is_refused(self, kaart):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            f.service_page(kaart.org_a, summary="x" * 161)

    def test_a_slug_already_used_under_the_organisation_is_refused(self, kaart):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            f.service_page(
                kaart.org_b, title="Schuldhulpverlening", slug="schuldhulpverlening"
            )

    def test_taxonomy_is_for_pact_admins(self, cast, kaart):
        with pytest.raises(NotAllowed):
            services.category_upsert(slug="nieuw", name="Nieuw", actor=cast.editor_a)
        services.category_upsert(slug="nieuw", name="Nieuw", actor=cast.pact_admin)
