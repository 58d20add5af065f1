"""Plans and building blocks through the services: who may, and what is checked."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError

import pytest

from agenda import permissions, selectors, services
from agenda.models import Plan

pytestmark = pytest.mark.django_db


class PlanCreateTests:
    def test_pact_admin_creates_a_plan_of_his_pact(self, cast):
        plan = services.plan_create(
            pact=cast.pact,
            title="Samen verder",
            slug="samen-verder",
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2027, 12, 31),
            actor=cast.pact_admin,
        )
        assert Plan.objects.get(pk=plan.pk).pact == cast.pact
        assert list(permissions.pacts_administered_by(cast.pact_admin)) == [cast.pact]

    def test_others_may_not(self, cast):
        for user in (cast.coordinator_a, cast.regisseur, cast.outsider):
            assert not permissions.pacts_administered_by(user).exists()
            with pytest.raises(permissions.AgendaPermissionDenied):
                services.plan_create(
                    pact=cast.pact,
                    title="X",
                    slug="x",
                    starts_on=datetime.date(2026, 1, 1),
                    ends_on=datetime.date(2026, 12, 31),
                    actor=user,
                )
        assert not Plan.objects.exists()


class BuildingBlockTests:
    def test_create_orders_main_goals_first_then_by_position(self, cast, world):
        services.building_block_create(
            plan=world.plan,
            number=1,
            title="Inwoner aan het stuur",
            is_main_goal=True,
            position=9,
            actor=cast.pact_admin,
        )
        assert [b.number for b in selectors.building_blocks(world.plan)] == [4, 1, 5]

    def test_a_number_is_used_once_per_plan(self, cast, world):
        with pytest.raises(ValidationError) as error:
            services.building_block_create(
                plan=world.plan, number=4, title="Dubbel", actor=cast.pact_admin
            )
        assert "number" in error.value.message_dict
        with pytest.raises(ValidationError):
            services.building_block_update(
                block=world.side_block,
                actor=cast.pact_admin,
                number=4,
                title="Preventie",
                is_main_goal=False,
            )

    def test_update_keeps_the_actions(self, cast, world):
        services.building_block_update(
            block=world.side_block,
            actor=cast.pact_admin,
            number=8,
            title="Voorlichting",
            is_main_goal=True,
        )
        world.attenta_action.refresh_from_db()
        assert world.attenta_action.building_block.number == 8
        assert world.attenta_action.building_block.position == 8

    def test_delete_only_without_actions(self, cast, world):
        with pytest.raises(ValidationError):
            services.building_block_delete(
                block=world.side_block, actor=cast.pact_admin
            )
        empty = services.building_block_create(
            plan=world.plan, number=9, title="Leeg", actor=cast.pact_admin
        )
        services.building_block_delete(block=empty, actor=cast.pact_admin)
        assert not world.plan.building_blocks.filter(number=9).exists()

    def test_only_plan_admins(self, cast, world):
        with pytest.raises(permissions.AgendaPermissionDenied):
            services.building_block_create(
                plan=world.plan, number=9, title="X", actor=cast.coordinator_a
            )
        with pytest.raises(permissions.AgendaPermissionDenied):
            services.building_block_delete(block=world.main_block, actor=cast.worker_a)
