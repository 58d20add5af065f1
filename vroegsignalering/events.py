"""Live events of the queue: "something changed, fetch again", nothing more.

Every service that changes which households a queue shows, or their next step, calls
``publish_queue_changed`` with the partner(s) and the municipality concerned. After the
transaction commits, one message goes to each partner's group (its case workers and
coordinators) and to the municipality's group (its regisseurs). The message names no
household: the consumer re-checks the person, adds the counts of *their* queue and the
page re-fetches itself through the normal, permission-checked and logged view.

A channel layer that cannot deliver (Redis away) must not turn a saved change into an
error: failures are logged and dropped (decision 0071); the page then says "geen live
updates" and keeps working.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TypedDict

from django.db import transaction

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

MESSAGE_TYPE = "vroegsignalering.event"
QUEUE_CHANGED = "queue.changed"


class QueueEvent(TypedDict):
    type: str  # "queue.changed"
    counts: dict[str, int]  # open, vandaag, te_laat: of the recipient's own queue


def partner_group(organisation_id: int) -> str:
    return f"vroegsignalering.partner.{organisation_id}"


def municipality_group(municipality_id: int) -> str:
    return f"vroegsignalering.municipality.{municipality_id}"


def _send(groups: list[str]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        for group in groups:
            async_to_sync(layer.group_send)(
                group, {"type": MESSAGE_TYPE, "event": QUEUE_CHANGED, "group": group}
            )
    except Exception:  # a broken channel layer must not break the change itself
        logger.warning("vroegsignalering: live event not delivered", exc_info=True)


def publish_queue_changed(
    *, organisation_ids: Iterable[int | None], municipality_ids: Iterable[int | None]
) -> None:
    """Tell the queues of these partners and municipalities to fetch again, once the
    current transaction commits (not at all when it rolls back)."""
    groups = sorted(
        {partner_group(pk) for pk in organisation_ids if pk is not None}
        | {municipality_group(pk) for pk in municipality_ids if pk is not None}
    )
    if groups:
        transaction.on_commit(lambda: _send(groups))


def publish_household_changed(household) -> None:
    publish_queue_changed(
        organisation_ids=[household.organisation_id],
        municipality_ids=[household.municipality_id],
    )
