"""Live events of the agenda: small payloads with identifiers only.

A partner submitting an update publishes ``update.submitted`` to the plan's group; the
pact dashboard's consumer forwards it and the page re-fetches its fragment through a
normal, permission-checked view (see ``agenda.consumers``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from django.db import transaction

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from agenda.models import Plan, Update


class UpdateEvent(TypedDict):
    type: str
    plan: str
    action: str
    round: str


def plan_group(plan: Plan | int) -> str:
    plan_id = plan if isinstance(plan, int) else plan.pk
    return f"agenda.plan.{plan_id}"


def update_event(update: Update, event_type: str) -> UpdateEvent:
    return {
        "type": event_type,
        "plan": str(update.action.plan.uuid),
        "action": str(update.action.uuid),
        "round": str(update.round.uuid),
    }


def publish(group: str, payload: Mapping[str, Any]) -> None:
    """Send ``payload`` to ``group`` once the current transaction commits."""

    def send() -> None:
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(
                group, {"type": "agenda.event", "payload": payload}
            )

    transaction.on_commit(send)
