"""The queue's live channel: ``/ws/vroegsignalering/queue/``.

Only a person who may see a queue (``permissions.has_signal_role``: a partner's case
worker or coordinator, or a regisseur; the second login step is demanded by
``config.websocket.SecondFactorGuard`` and checked again here) is accepted. He joins the
group of each partner whose queue he works in and of each municipality he is regisseur
of. Before forwarding an event the person is read again (account active, session still
there, second step passed) and the event's group must still be one of his: otherwise
the group is left (or, with no queue left at all, the socket closed with 4403).

What is sent: ``{"type": "queue.changed", "counts": {"open": n, "vandaag": n,
"te_laat": n}}``, the counts of his own queue, no household. The page re-fetches
itself through the normal view, which checks permissions and logs the read.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from pact.roles import second_factor_satisfied
from vroegsignalering import permissions, selectors
from vroegsignalering.events import QUEUE_CHANGED, municipality_group, partner_group

CLOSE_FORBIDDEN = 4403


def _groups_of(user) -> set[str]:
    return {
        partner_group(pk)
        for pk in permissions.working_organisations(user).values_list("pk", flat=True)
    } | {
        municipality_group(pk)
        for pk in permissions.regie_municipalities(user).values_list("pk", flat=True)
    }


def _current_user(scope):
    """The scope's person as the database and the session store say now, or None when
    the account is inactive, the session ended or the second step is missing."""
    user = scope.get("user")
    session = scope.get("session")
    if user is None or not user.is_authenticated or session is None:
        return None
    store = import_module(settings.SESSION_ENGINE).SessionStore(
        session_key=session.session_key
    )
    data = store.load()
    if str(data.get("_auth_user_id")) != str(user.pk):
        return None
    fresh = get_user_model().objects.filter(pk=user.pk, is_active=True).first()
    if fresh is None or not second_factor_satisfied(fresh, session=data):
        return None
    return fresh


class QueueConsumer(AsyncJsonWebsocketConsumer):
    groups_joined: list[str]

    @database_sync_to_async
    def _authorise(self) -> set[str] | None:
        user = self.scope.get("user")
        if (
            user is None
            or not user.is_authenticated
            or not second_factor_satisfied(
                user, session=self.scope.get("session") or {}
            )
            or not permissions.has_signal_role(user)
        ):
            return None
        return _groups_of(user)

    @database_sync_to_async
    def _recheck(self, group: str) -> tuple[bool, dict[str, int] | None]:
        """(still any queue, counts when ``group`` is still his)."""
        user = _current_user(self.scope)
        if user is None or not permissions.has_signal_role(user):
            return False, None
        if group not in _groups_of(user):
            return True, None
        return True, selectors.queue_counts_for_user(user)

    async def connect(self):
        self.groups_joined = []
        groups = await self._authorise()
        if not groups:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        for group in sorted(groups):
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)
        self.groups_joined = []

    async def receive_json(self, content, **kwargs):
        # Read-only channel: work is done through the pages and their services.
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def vroegsignalering_event(self, message):
        group = message.get("group", "")
        allowed, counts = await self._recheck(group)
        if not allowed:
            await self.disconnect(CLOSE_FORBIDDEN)
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if counts is None:
            if group in self.groups_joined:
                await self.channel_layer.group_discard(group, self.channel_name)
                self.groups_joined.remove(group)
            return
        await self.send_json({"type": QUEUE_CHANGED, "counts": counts})
