"""Every view: who may and who may not (forbidden looks the same as missing: 404)."""

from __future__ import annotations

from django.urls import reverse

import pytest

from agenda.constants import Status
from agenda.models import Update
from tests.agenda.conftest import at
from tests.factories.agenda import submitted_update

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "dashboard",
    "dashboard_fragment",
    "by_quarter",
    "by_block",
    "organisations",
    "timeline",
]
INTERNAL_PAGES = ["quality", "rounds"]
ADMIN_PAGES = ["action_new", "import", "plan_edit", "timing_preview"]


def plan_url(world, name, **kwargs):
    return reverse(
        f"agenda:{name}",
        kwargs={"pact": world.plan.pact.slug, "plan": world.plan.slug, **kwargs},
    )


def client_for(client, user):
    if user is not None and user.is_authenticated:
        client.force_login(user)
    return client


class PublicPagesTests:
    @pytest.mark.parametrize("name", PUBLIC_PAGES)
    def test_published_plan_is_open_to_everyone_without_unpublished_actions(
        self, client, world, name
    ):
        response = client.get(plan_url(world, name))
        assert response.status_code == 200
        assert "Intern overleg" not in response.content.decode()

    @pytest.mark.parametrize(
        "name", ["by_quarter", "by_block", "timeline"]
    )  # pages listing titles
    def test_people_of_the_pact_also_see_unpublished_actions(
        self, client, cast, world, name
    ):
        response = client_for(client, cast.coordinator_a).get(
            plan_url(world, name)
            + ("?kwartaal=2020-Q1" if name == "by_quarter" else "")
        )
        assert "Intern overleg" in response.content.decode()

    @pytest.mark.parametrize("name", PUBLIC_PAGES)
    def test_unpublished_plan_is_missing_for_the_public_and_outsiders(
        self, client, cast, world, name
    ):
        world.plan.is_published = False
        world.plan.save()
        assert client.get(plan_url(world, name)).status_code == 404
        assert (
            client_for(client, cast.outsider).get(plan_url(world, name)).status_code
            == 404
        )
        assert (
            client_for(client, cast.worker_a).get(plan_url(world, name)).status_code
            == 200
        )

    def test_action_page_public_only_when_published(self, client, cast, world):
        assert (
            client.get(
                reverse("agenda:action", args=[world.attenta_action.uuid])
            ).status_code
            == 200
        )
        assert (
            client.get(
                reverse("agenda:action", args=[world.hidden_action.uuid])
            ).status_code
            == 404
        )
        assert (
            client_for(client, cast.editor_a)
            .get(reverse("agenda:action", args=[world.hidden_action.uuid]))
            .status_code
            == 200
        )

    def test_public_sees_only_submitted_updates(self, client, cast, world):
        submitted_update(
            world.attenta_action,
            world.round("2020-Q1"),
            cast.coordinator_a,
            story="Ingediend verhaal.",
            at=at("2020-03-20"),
        )
        from agenda import services

        services.update_save(
            action=world.gkb_action,
            round=world.round("2020-Q1"),
            actor=world.coordinator_b,
            status=Status.ON_TRACK,
            story="Geheim concept.",
            at=at("2020-03-20"),
        )
        assert (
            "Ingediend verhaal."
            in client.get(
                reverse("agenda:action", args=[world.attenta_action.uuid])
            ).content.decode()
        )
        assert (
            "Geheim concept."
            not in client.get(
                reverse("agenda:action", args=[world.gkb_action.uuid])
            ).content.decode()
        )
        # A coordinator of another organisation does not read the draft either.
        assert (
            "Geheim concept."
            not in client_for(client, cast.coordinator_a)
            .get(reverse("agenda:action", args=[world.gkb_action.uuid]))
            .content.decode()
        )

    def test_organisation_page(self, client, cast, world):
        url = plan_url(world, "organisation", organisation=cast.partner_b.slug)
        assert "Terugdringen kosten bewindvoering" in client.get(url).content.decode()
        assert (
            client.get(
                plan_url(world, "organisation", organisation="bestaat-niet")
            ).status_code
            == 404
        )

    def test_council_report_pdf_for_everyone_on_a_published_plan(self, client, world):
        response = client.get(
            plan_url(world, "round_report", round_uuid=world.round("2020-Q1").uuid)
        )
        assert (
            response.status_code == 200
            and response["Content-Type"] == "application/pdf"
        )


class InternalPagesTests:
    @pytest.mark.parametrize("name", INTERNAL_PAGES)
    def test_people_of_the_pact_only(self, client, cast, world, name):
        assert client.get(plan_url(world, name)).status_code == 302  # to the login
        assert (
            client_for(client, cast.outsider).get(plan_url(world, name)).status_code
            == 404
        )
        assert (
            client_for(client, cast.coordinator_a)
            .get(plan_url(world, name))
            .status_code
            == 200
        )

    def test_export_for_people_of_the_pact(self, client, cast, world):
        url = plan_url(world, "export", fmt="json")
        assert client.get(url).status_code == 302
        assert client_for(client, cast.outsider).get(url).status_code == 404
        response = client_for(client, cast.regisseur).get(url)
        assert response.status_code == 200 and b"Intern overleg" in response.content


class AdminPagesTests:
    @pytest.mark.parametrize("name", ADMIN_PAGES)
    def test_only_the_pacts_admin(self, client, cast, world, name):
        for user in (cast.coordinator_a, cast.regisseur, cast.outsider):
            client.force_login(user)
            assert client.get(plan_url(world, name)).status_code == 404, user
        client.force_login(cast.pact_admin)
        assert client.get(plan_url(world, name)).status_code == 200

    def test_pact_admin_of_another_pact_is_refused(self, client, cast, world):
        from pact.constants import Role
        from tests.factories.pact import PactFactory, UserFactory

        other_pact = PactFactory(slug="assen", members=[cast.partner_b])
        other_admin = UserFactory(
            username="admin_assen",
            roles=[(cast.partner_b, Role.PACT_ADMIN, other_pact)],
        )
        client.force_login(other_admin)
        assert client.get(plan_url(world, "action_new")).status_code == 404
        assert (
            client.get(
                reverse(
                    "agenda:update_edit",
                    args=[world.gkb_action.uuid, world.round("2020-Q1").uuid],
                )
            ).status_code
            == 404
        )

    def test_create_an_action_with_the_timing_preview_and_owners(
        self, client, cast, world
    ):
        client.force_login(cast.pact_admin)
        data = {
            "title": "Nieuwe actie",
            "building_block": world.main_block.pk,
            "owners": "GKB (trekker), Attenta",
            "timing_text": "Q3, Q4",
        }
        preview = client.post(plan_url(world, "action_new"), {**data, "preview": "1"})
        assert "Q3 2020 tot en met Q4 2020" in preview.content.decode()
        assert "Jaar aangenomen" in preview.content.decode()
        response = client.post(plan_url(world, "action_new"), data)
        assert response.status_code == 302
        action = world.plan.actions.get(title="Nieuwe actie")
        assert [(o.organisation.slug, o.role) for o in action.owners.all()] == [
            ("gkb", "lead"),
            ("attenta", "executing"),
        ]

    def test_action_form_reports_unknown_owners_and_impossible_timing(
        self, client, cast, world
    ):
        client.force_login(cast.pact_admin)
        response = client.post(
            plan_url(world, "action_new"),
            {"title": "X", "owners": "Onbekende Stichting", "timing_text": "Q5"},
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert "Onbekende Stichting" in body and "vier kwartalen" in body

    def test_edit_action_only_plan_admin(self, client, cast, world):
        url = reverse("agenda:action_edit", args=[world.attenta_action.uuid])
        assert client_for(client, cast.coordinator_a).get(url).status_code == 404
        client.force_login(cast.pact_admin)
        assert client.get(url).status_code == 200


class UpdateViewsTests:
    def url(self, action, round_):
        return reverse("agenda:update_edit", args=[action.uuid, round_.uuid])

    def test_coordinator_writes_and_submits_for_own_action(
        self, client, cast, world, time_machine
    ):
        time_machine.move_to("2020-03-20 10:00 +01:00")
        client.force_login(cast.coordinator_a)
        url = self.url(world.attenta_action, world.round("2020-Q1"))
        assert client.get(url).status_code == 200
        response = client.post(
            url,
            {
                "status": "on_track",
                "progress": "30",
                "story": "Begonnen.",
                "submit": "1",
            },
        )
        assert response.status_code == 302
        assert Update.objects.get(action=world.attenta_action).state == "submitted"

    def test_coordinator_cannot_open_another_organisations_update(
        self, client, cast, world
    ):
        client.force_login(cast.coordinator_a)
        assert (
            client.get(self.url(world.gkb_action, world.round("2020-Q1"))).status_code
            == 404
        )
        response = client.post(
            self.url(world.gkb_action, world.round("2020-Q1")),
            {"status": "done", "story": "x"},
        )
        assert response.status_code == 404
        assert not Update.objects.filter(action=world.gkb_action).exists()

    def test_anonymous_is_sent_to_login(self, client, world):
        assert (
            client.get(
                self.url(world.attenta_action, world.round("2020-Q1"))
            ).status_code
            == 302
        )

    def test_missing_explanation_is_shown_and_nothing_is_lost(
        self, client, cast, world, time_machine
    ):
        time_machine.move_to("2020-03-20 10:00 +01:00")
        client.force_login(cast.coordinator_a)
        response = client.post(
            self.url(world.attenta_action, world.round("2020-Q1")),
            {"status": "delayed", "story": "Mijn verhaal.", "submit": "1"},
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert "Leg kort uit" in body and "Mijn verhaal." in body

    def test_return_view_only_for_plan_admin(self, client, cast, world):
        update = submitted_update(
            world.attenta_action,
            world.round("2020-Q1"),
            cast.coordinator_a,
            at=at("2020-03-20"),
        )
        url = reverse("agenda:update_return", args=[update.uuid])
        assert client_for(client, cast.coordinator_a).get(url).status_code == 404
        client.force_login(cast.pact_admin)
        assert client.post(url, {"question": "Waarom?"}).status_code == 302
        update.refresh_from_db()
        assert update.state == "returned"

    def test_mine_and_notifications_need_login(self, client, cast, world):
        for name in ("mine", "notifications"):
            assert client.get(reverse(f"agenda:{name}")).status_code == 302
            client.force_login(cast.coordinator_a)
            assert client.get(reverse(f"agenda:{name}")).status_code == 200
            client.logout()

    def test_confirm_timing_only_plan_admin(self, client, cast, world):
        url = reverse("agenda:action_confirm_timing", args=[world.attenta_action.uuid])
        assert client_for(client, cast.coordinator_a).post(url).status_code == 404
        client.force_login(cast.pact_admin)
        client.post(url)
        world.attenta_action.refresh_from_db()
        assert not world.attenta_action.timing_needs_review


class ImportViewTests:
    def test_upload_reports_every_bad_row_and_writes_nothing(self, client, cast, world):
        from django.core.files.uploadedfile import SimpleUploadedFile

        client.force_login(cast.pact_admin)
        before = world.plan.actions.count()
        content = (
            b"bouwsteen,actie,uitvoering,planning\n4,Goed,GKB,Q1\n9,Slecht,Niemand,Q1\n"
        )
        response = client.post(
            plan_url(world, "import"), {"file": SimpleUploadedFile("plan.csv", content)}
        )
        body = response.content.decode()
        assert "regel 3" in body and "Niemand" in body and "bouwsteen" in body
        assert world.plan.actions.count() == before


class MineTests:
    def test_returned_update_of_a_closed_round_is_listed_for_its_reporter(
        self, client, cast, world
    ):
        update = submitted_update(
            world.attenta_action,
            world.round("2020-Q1"),
            cast.coordinator_a,
            at=at("2020-03-20"),
        )
        from agenda import services

        services.update_return(
            update=update,
            actor=cast.pact_admin,
            question="Welke organisaties ontbreken nog?",
            at=at("2020-03-22"),
        )
        assert (
            "Welke organisaties ontbreken nog?"
            in client_for(client, cast.coordinator_a)
            .get(reverse("agenda:mine"))
            .content.decode()
        )
        client.logout()
        assert (
            "Welke organisaties"
            not in client_for(client, world.coordinator_b)
            .get(reverse("agenda:mine"))
            .content.decode()
        )


class IndicatorViewTests:
    def test_only_plan_admin_adds_indicators(self, client, cast, world):
        url = reverse("agenda:indicator_add", args=[world.gkb_action.uuid])
        assert client_for(client, cast.coordinator_a).get(url).status_code == 404
        assert (
            client.post(
                url, {"name": "x", "direction": "up", "aggregation": "sum"}
            ).status_code
            == 404
        )
        client.force_login(cast.pact_admin)
        response = client.post(
            url,
            {
                "name": "mensen in bewind",
                "unit": "mensen",
                "target": "6",
                "direction": "down",
                "aggregation": "sum",
            },
        )
        assert response.status_code == 302
        assert world.gkb_action.indicators.get().name == "mensen in bewind"
