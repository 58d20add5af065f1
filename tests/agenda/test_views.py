"""Every view: who may and who may not (forbidden looks the same as missing: 404)."""

from __future__ import annotations

import datetime

from django.urls import reverse

import pytest

from agenda import permissions, selectors, services
from agenda.constants import Status
from agenda.models import Plan, Update
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
ADMIN_PAGES = [
    "action_new",
    "import",
    "plan_edit",
    "timing_preview",
    "building_blocks",
]


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


class PlanSetupTests:
    """A pact admin sets up a plan in the web interface: the plan, its building blocks
    (main or side goal, order) and its actions, without a CSV file."""

    def test_pact_admin_creates_a_plan_then_blocks_then_an_action(
        self, client, cast, world
    ):
        client.force_login(cast.pact_admin)
        assert "Nieuw actieplan" in client.get(reverse("agenda:index")).content.decode()
        response = client.post(
            reverse("agenda:plan_new"),
            {
                "pact": cast.pact.pk,
                "title": "Samen verder 2026",
                "slug": "",
                "starts_on": "2026-01-01",
                "ends_on": "2027-12-31",
                "cadence": "quarterly",
            },
        )
        plan = Plan.objects.get(pact=cast.pact, slug="samen-verder-2026")
        blocks_url = reverse(
            "agenda:building_blocks", kwargs={"pact": "aa-en-hunze", "plan": plan.slug}
        )
        assert response.status_code == 302 and response["Location"] == blocks_url
        assert not plan.is_published
        for number, title, goal, position in [
            (1, "Vroeg erbij", "side", ""),
            (2, "Schulden voorkomen", "main", "5"),
            (3, "Meedoen", "main", "1"),
        ]:
            response = client.post(
                blocks_url,
                {"number": number, "title": title, "goal": goal, "position": position},
            )
            assert response.status_code == 302, response.content.decode()
        # Main goals first, then side goals; each in the chosen order.
        assert [b.title for b in selectors.building_blocks(plan)] == [
            "Meedoen",
            "Schulden voorkomen",
            "Vroeg erbij",
        ]
        table = client.get(blocks_url).content.decode().split("<tbody>")[1]
        assert table.index("Meedoen") < table.index("Vroeg erbij")
        response = client.post(
            reverse(
                "agenda:action_new", kwargs={"pact": "aa-en-hunze", "plan": plan.slug}
            ),
            {
                "title": "Voorzieningenwijzer in elke wijk",
                "building_block": plan.building_blocks.get(number=3).pk,
                "owners": "Attenta (trekker)",
                "timing_text": "Q2 2026",
            },
        )
        assert response.status_code == 302
        assert plan.actions.get().building_block.number == 3

    def test_edit_a_block_and_delete_only_an_empty_one(self, client, cast, world):
        client.force_login(cast.pact_admin)
        kwargs = {"pact": "aa-en-hunze", "plan": world.plan.slug}
        edit = reverse("agenda:building_block_edit", kwargs={**kwargs, "number": 5})
        assert "Preventie door voorlichting" in client.get(edit).content.decode()
        response = client.post(
            edit,
            {"number": 6, "title": "Voorlichting", "goal": "main", "position": "0"},
        )
        assert response.status_code == 302
        world.side_block.refresh_from_db()
        assert (world.side_block.number, world.side_block.is_main_goal) == (6, True)
        assert world.attenta_action.building_block_id == world.side_block.pk
        # The block still has actions: it stays.
        delete = reverse("agenda:building_block_delete", kwargs={**kwargs, "number": 6})
        client.post(delete)
        assert world.plan.building_blocks.filter(number=6).exists()
        empty = services.building_block_create(
            plan=world.plan, number=9, title="Leeg", actor=cast.pact_admin
        )
        response = client.post(
            reverse("agenda:building_block_delete", kwargs={**kwargs, "number": 9})
        )
        assert response.status_code == 302
        assert not world.plan.building_blocks.filter(pk=empty.pk).exists()

    def test_forms_explain_mistakes_in_dutch(self, client, cast, world):
        client.force_login(cast.pact_admin)
        blocks_url = plan_url(world, "building_blocks")
        body = client.post(
            blocks_url, {"number": 4, "title": "Dubbel", "goal": "side"}
        ).content.decode()
        assert "al een bouwsteen met nummer 4" in body
        # The field points at its help and its error, and both exist.
        assert 'aria-describedby="id_number_helptext id_number_error"' in body
        assert 'id="id_number_helptext"' in body and 'id="id_number_error"' in body
        body = client.post(
            reverse("agenda:plan_new"),
            {
                "pact": cast.pact.pk,
                "title": "Zelf weer aan het stuur",
                "slug": world.plan.slug,
                "starts_on": "2026-01-01",
                "ends_on": "2025-12-31",
                "cadence": "quarterly",
            },
        ).content.decode()
        assert "al een plan met de korte naam" in body
        assert "De einddatum ligt vóór de begindatum." in body

    def test_only_pact_admins_set_up_plans(self, client, cast, world):
        from pact.constants import Role
        from tests.factories.pact import PactFactory, UserFactory

        kwargs = {"pact": "aa-en-hunze", "plan": world.plan.slug}
        urls = [
            plan_url(world, "building_blocks"),
            reverse("agenda:building_block_edit", kwargs={**kwargs, "number": 4}),
        ]
        assert client.get(reverse("agenda:plan_new")).status_code == 302  # login
        for user in (cast.coordinator_a, cast.regisseur, cast.outsider):
            client.force_login(user)
            assert client.get(reverse("agenda:plan_new")).status_code == 404
            assert (
                "Nieuw actieplan"
                not in client.get(reverse("agenda:index")).content.decode()
            )
            for url in urls:
                assert client.get(url).status_code == 404, (user, url)
            assert (
                client.post(urls[0], {"number": 7, "title": "X", "goal": "side"})
            ).status_code == 404
            assert (
                client.post(
                    reverse(
                        "agenda:building_block_delete", kwargs={**kwargs, "number": 4}
                    )
                ).status_code
                == 404
            )
        assert world.plan.building_blocks.count() == 2
        # The admin of another pact can neither pick this pact nor edit its blocks.
        other_pact = PactFactory(slug="assen", members=[cast.partner_b])
        other_admin = UserFactory(
            username="admin_assen",
            roles=[(cast.partner_b, Role.PACT_ADMIN, other_pact)],
        )
        client.force_login(other_admin)
        response = client.post(
            reverse("agenda:plan_new"),
            {
                "pact": cast.pact.pk,
                "title": "Overname",
                "starts_on": "2026-01-01",
                "ends_on": "2026-12-31",
                "cadence": "quarterly",
            },
        )
        assert response.status_code == 200
        assert not Plan.objects.filter(title="Overname").exists()
        assert client.get(urls[0]).status_code == 404
        with pytest.raises(permissions.AgendaPermissionDenied):
            services.plan_create(
                pact=cast.pact,
                title="Via de service",
                slug="via-de-service",
                starts_on=datetime.date(2026, 1, 1),
                ends_on=datetime.date(2026, 12, 31),
                actor=other_admin,
            )
