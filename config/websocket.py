"""Websocket guard: the second login step, as ``config.middleware`` does for HTTP.

Sits inside ``AuthMiddlewareStack`` (so the scope has the user and the session) and
refuses the handshake of a person who must pass the second step and has not
(``pact.roles.second_factor_satisfied`` with the session's device). Consumers still
authorise their own subject, and re-check on every event.
"""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from pact.roles import second_factor_satisfied


@database_sync_to_async
def _satisfied(scope) -> bool:
    user = scope.get("user")
    if user is None or not user.is_authenticated:
        return True  # consumers refuse anonymous people themselves
    return second_factor_satisfied(user, session=scope.get("session") or {})


CLOSE_FORBIDDEN = 4403  # as the consumers answer a refusal


class _Refuse(AsyncWebsocketConsumer):
    async def connect(self):
        await self.close(code=CLOSE_FORBIDDEN)


class SecondFactorGuard:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not await _satisfied(scope):
            return await _Refuse.as_asgi()(scope, receive, send)
        return await self.application(scope, receive, send)
