"""The "Leden" pages in the Wagtail admin: coordinators manage their own organisation."""

from __future__ import annotations

from django.urls import reverse

import pytest

from pact.constants import Role
from pact.models import Membership

pytestmark = pytest.mark.django_db


def members_url(organisation) -> str:
    return reverse("pact_members:list", kwargs={"slug": organisation.slug})


class MemberAdminTests:
    def test_coordinator_sees_own_members(self, client, cast):
        client.force_login(cast.coordinator_a)
        response = client.get(members_url(cast.partner_a))
        assert response.status_code == 200
        assert cast.editor_a.email.encode() in response.content
        assert cast.worker_b.email.encode() not in response.content

    def test_index_redirects_a_coordinator_of_one_organisation(self, client, cast):
        client.force_login(cast.coordinator_a)
        response = client.get(reverse("pact_members:index"))
        assert response.status_code == 302
        assert response.url == members_url(cast.partner_a)

    def test_other_organisation_is_not_found(self, client, cast):
        client.force_login(cast.coordinator_a)
        assert client.get(members_url(cast.partner_b)).status_code == 404

    @pytest.mark.parametrize("persona", ["editor_a", "regisseur"])
    def test_people_without_members_right_are_refused(self, client, cast, persona):
        client.force_login(getattr(cast, persona))
        assert client.get(members_url(cast.partner_a)).status_code == 404
        assert client.get(reverse("pact_members:index")).status_code in (302, 403)

    def test_worker_without_admin_access_is_sent_to_login(self, client, cast):
        client.force_login(cast.worker_a)
        response = client.get(members_url(cast.partner_a))
        assert response.status_code == 302

    def test_anonymous_is_sent_to_login(self, client, cast):
        response = client.get(members_url(cast.partner_a))
        assert response.status_code == 302
        assert response.url.startswith("/inloggen/?next=")

    def test_invite_form(self, client, cast, mailoutbox):
        client.force_login(cast.coordinator_a)
        response = client.post(
            members_url(cast.partner_a),
            {
                "email": "nieuw@attenta.example",
                "first_name": "Nieuw",
                "last_name": "Lid",
                "roles": ["editor"],
            },
        )
        assert response.status_code == 302
        assert Membership.objects.filter(
            user__email="nieuw@attenta.example", role=Role.EDITOR
        ).exists()

    def test_invite_form_errors_are_shown_and_nothing_is_saved(self, client, cast):
        client.force_login(cast.coordinator_a)
        before = Membership.objects.count()
        response = client.post(
            members_url(cast.partner_a),
            {
                "email": "geen-adres",
                "first_name": "",
                "last_name": "",
                "roles": ["regisseur"],
            },
        )
        assert response.status_code == 200
        assert "Voer een geldig e-mailadres in" in response.content.decode()
        assert Membership.objects.count() == before

    def test_remove_member(self, client, cast):
        client.force_login(cast.coordinator_a)
        url = reverse(
            "pact_members:remove",
            kwargs={"slug": cast.partner_a.slug, "user_id": cast.editor_a.pk},
        )
        assert client.get(url).status_code == 200
        assert client.post(url).status_code == 302
        assert not Membership.objects.filter(user=cast.editor_a).exists()

    def test_remove_last_coordinator_shows_message(self, client, cast):
        client.force_login(cast.coordinator_a)
        url = reverse(
            "pact_members:remove",
            kwargs={"slug": cast.partner_a.slug, "user_id": cast.coordinator_a.pk},
        )
        response = client.post(url, follow=True)
        assert "laatste coördinator" in response.content.decode()
        assert Membership.objects.filter(user=cast.coordinator_a).exists()

    def test_cannot_remove_a_member_of_another_organisation(self, client, cast):
        client.force_login(cast.coordinator_a)
        url = reverse(
            "pact_members:remove",
            kwargs={"slug": cast.partner_a.slug, "user_id": cast.worker_b.pk},
        )
        assert client.post(url).status_code == 404


class NetworkAdminTests:
    def test_pact_admin_can_open_organisation_admin(self, client, cast):
        client.force_login(cast.pact_admin)
        assert client.get("/admin/organisation/").status_code == 200

    def test_coordinator_cannot_open_organisation_admin(self, client, cast):
        client.force_login(cast.coordinator_a)
        assert client.get("/admin/organisation/").status_code in (302, 403)
