"""The pact dashboard's live channel.

A logged-in person who may see the plan (``agenda.permissions.can_view_plan``) joins the
plan's group. Events carry identifiers only; the page re-fetches its fragment through the
normal, permission-checked view. Anonymous visitors read the published dashboard without
live updates (reload shows the latest). Before each event the person and the plan are
checked again (a removed account stops hearing; issue 10, finding 9).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from agenda import permissions
from agenda.events import plan_group
from agenda.models import Plan


class PlanDashboardConsumer(AsyncJsonWebsocketConsumer):
    group: str | None = None

    async def connect(self):
        user = self.scope.get("user")
        plan_id = await self._authorised_plan_id(
            user, self.scope["url_route"]["kwargs"]["plan_uuid"]
        )
        if plan_id is None:
            await self.close(code=4403)
            return
        self.group = plan_group(plan_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        # Read-only channel: writes go through the HTTP views and services.
        return

    async def agenda_event(self, event):
        user = self.scope.get("user")
        still = await self._authorised_plan_id(
            await self._fresh(user), self.scope["url_route"]["kwargs"]["plan_uuid"]
        )
        if still is None:
            await self.disconnect(4403)
            self.group = None
            await self.close(code=4403)
            return
        await self.send_json(event["payload"])

    @database_sync_to_async
    def _fresh(self, user):
        if user is None or not user.is_authenticated:
            return None
        return get_user_model().objects.filter(pk=user.pk, is_active=True).first()

    @database_sync_to_async
    def _authorised_plan_id(self, user, plan_uuid) -> int | None:
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        plan = Plan.objects.filter(uuid=plan_uuid).select_related("pact").first()
        if plan is None or not permissions.can_view_plan(user, plan):
            return None
        return plan.pk
