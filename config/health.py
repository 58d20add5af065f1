"""What ``/healthz`` reports: the state of each component the platform uses.

Each component is ``ok``, ``degraded`` or ``down``:

* ``database``: PostgreSQL (or SQLite) answers ``SELECT 1``. Without it nothing works,
  so the platform is ``down`` and ``/healthz`` answers HTTP 503: a load balancer takes
  the instance out of rotation.
* ``cache``: Redis answers a ping (``degraded`` when not: pages are then rendered afresh
  for every visitor, nothing breaks).
* ``channel_layer``: the channel layer's Redis answers (``degraded`` when not: no live
  updates, the pages say so).
* ``search``: Meilisearch answers its health call when configured (``degraded`` when
  not: search answers from the database); the database backend follows ``database``.

The whole is ``down`` when the database is, ``degraded`` when anything else is, and
``ok`` otherwise. ``degraded`` answers HTTP 200: the instance still serves residents,
and taking every instance out because Redis is shared and down would turn a degraded
service into an outage (decision 0071). Names of hosts, keys or errors are never shown.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.utils import DatabaseError

import meilisearch
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

OK, DEGRADED, DOWN = "ok", "degraded", "down"


def database_state() -> str:

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return DOWN
    return OK


def cache_state() -> str:

    ping = getattr(cache, "ping", None)
    if ping is None:  # the local-memory cache of the embedded stack
        return OK
    return OK if ping() else DEGRADED


def channel_layer_state() -> str:

    layer = get_channel_layer()
    ping = getattr(layer, "ping", None)
    if layer is None:
        return DEGRADED
    if ping is None:  # the in-memory layer of the embedded stack
        return OK
    try:
        return OK if async_to_sync(ping)() else DEGRADED
    except Exception:  # noqa: BLE001 - any failure of the layer is "degraded"
        return DEGRADED


def search_state(database: str) -> str:
    if settings.SEARCH_BACKEND != "meilisearch":
        return OK if database == OK else DOWN

    try:
        client = meilisearch.Client(
            settings.MEILISEARCH_URL, settings.MEILISEARCH_API_KEY or None, timeout=1
        )
        healthy = client.health().get("status") == "available"
    except Exception:  # noqa: BLE001 - unreachable, timeout, bad answer
        healthy = False
    # Search falls back on the database backend.
    return OK if healthy else DEGRADED


def report() -> tuple[dict, int]:
    """The JSON body and the HTTP status of ``/healthz``."""
    database = database_state()
    components = {
        "database": database,
        "cache": cache_state(),
        "channel_layer": channel_layer_state(),
        "search": search_state(database),
    }
    if database == DOWN:
        status = DOWN
    elif any(state != OK for state in components.values()):
        status = DEGRADED
    else:
        status = OK
    return {"status": status, "components": components}, 503 if status == DOWN else 200
