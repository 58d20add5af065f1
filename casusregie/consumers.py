"""Websocket consumers: live badges and lists, and a case page's "changed" notice.

Both authenticate from the session (``AuthMiddlewareStack``), demand the second factor
where required, and authorise through ``casusregie.permissions`` on connect, and again
before forwarding each event (the person re-read from the database, the session still
there): a socket whose access ended (grants gone, account removed, logged out) is
closed instead of hearing more (issue 10, finding 9). They only forward events:
``{"type": "handover.proposed", "handover": "<uuid>", ...}``. The page then fetches
what it may see through the normal views.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from casusregie import events, permissions

CLOSE_FORBIDDEN = 4403


def _two_factor_ok(scope) -> bool:
    return permissions.two_factor_satisfied(
        scope.get("user"), session=scope.get("session") or {}
    )


def _current_user(scope):
    """The scope's person as the database and the session store say now, or None
    when the account is inactive or the session ended (logout, expiry)."""
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
    if fresh is None or not permissions.two_factor_satisfied(fresh, session=data):
        return None
    return fresh


class InboxConsumer(AsyncJsonWebsocketConsumer):
    """``/ws/casusregie/``: events for this person (hand-overs, escalations)."""

    groups_joined: list[str]

    @database_sync_to_async
    def _still_allowed(self) -> bool:
        user = _current_user(self.scope)
        return user is not None and permissions.has_case_role(user)

    async def _stop(self) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.groups_joined = []
        await self.close(code=CLOSE_FORBIDDEN)

    @database_sync_to_async
    def _authorise(self) -> bool:
        user = self.scope.get("user")
        return (
            user is not None
            and user.is_authenticated
            and permissions.has_case_role(user)
            and _two_factor_ok(self.scope)
        )

    async def connect(self):
        self.groups_joined = []
        if not await self._authorise():
            await self.close(code=CLOSE_FORBIDDEN)
            return
        group = events.user_group(self.scope["user"].pk)
        await self.channel_layer.group_add(group, self.channel_name)
        self.groups_joined.append(group)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def casusregie_event(self, message):
        if not await self._still_allowed():
            await self._stop()
            return
        await self.send_json(message["event"])

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})


class CaseConsumer(InboxConsumer):
    """``/ws/casusregie/cases/<uuid>/``: "this case changed" for a case page."""

    @database_sync_to_async
    def _authorise(self) -> bool:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not _two_factor_ok(self.scope):
            return False
        try:
            self.case = permissions.access_case(
                user, self.scope["url_route"]["kwargs"]["case_uuid"], permissions.VIEW
            )
        except Http404:
            return False
        return True

    @database_sync_to_async
    def _still_allowed(self) -> bool:
        user = _current_user(self.scope)
        if user is None:
            return False
        try:
            permissions.access_case(user, self.case.uuid, permissions.VIEW)
        except Http404:
            return False
        return True

    async def connect(self):
        self.groups_joined = []
        if not await self._authorise():
            await self.close(code=CLOSE_FORBIDDEN)
            return
        group = events.case_group(self.case)
        await self.channel_layer.group_add(group, self.channel_name)
        self.groups_joined.append(group)
        await self.accept()
