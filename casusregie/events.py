"""Live events over Django Channels: small payloads with identifiers only.

Each person's browser joins its own group (``user_group``); a case page also joins the
case's group (``case_group``) after ``access_case`` allowed it. Recipients are decided by
``permissions.users_to_notify`` at the moment of sending. Events never carry case
contents: the page re-fetches what the user may see through the normal (permission-
checked, logged) views. ``publish`` sends after the transaction commits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TypedDict

from django.db import transaction

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

MESSAGE_TYPE = "casusregie.event"


class EventPayload(TypedDict, total=False):
    type: str  # "<entity>.<past tense>", e.g. "handover.proposed"
    case: str  # the case's UUID
    handover: str  # a hand-over's UUID
    escalation: str  # an escalation's UUID


def user_group(user_id: int) -> str:
    return f"casusregie.user.{user_id}"


def case_group(case) -> str:
    return f"casusregie.case.{case.uuid.hex}"


def _send(groups: list[str], payload: EventPayload) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        for group in groups:
            async_to_sync(layer.group_send)(
                group, {"type": MESSAGE_TYPE, "event": dict(payload)}
            )
    except Exception:  # a broken channel layer must not break the change itself
        logger.warning(
            "casusregie: live event %s not delivered",
            payload.get("type"),
            exc_info=True,
        )


def publish(groups: Iterable[str], payload: EventPayload) -> None:
    """Send ``payload`` to ``groups`` once the current transaction commits."""
    groups = sorted(set(groups))
    transaction.on_commit(lambda: _send(groups, payload))


def publish_to_users(user_ids: Iterable[int], payload: EventPayload) -> None:
    publish([user_group(user_id) for user_id in user_ids], payload)


def publish_case_changed(case) -> None:
    publish([case_group(case)], {"type": "case.changed", "case": str(case.uuid)})
