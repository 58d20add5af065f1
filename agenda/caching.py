"""A version number per plan, for caching what is expensive to compute on large plans.

Every service that changes a plan's actions, owners, rounds or updates calls
``plan_changed`` (now and again on commit), so a cached dashboard is never served after a
change. Keys carry the plan's UUID, the version and the day (overdue depends on it).
The cache is Django's (local memory in the embedded stack, Redis in production).

``cached_content`` keys on the content itself (a hash the caller computes) rather than
the plan version, for results that are expensive to build from cheap input: the council
report's PDF is built again only when its HTML changed, not after every change to the plan.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 60 * 60  # an hour: a safety net; changes invalidate at once
CONTENT_TIMEOUT = 60 * 60 * 24 * 7  # content keys never go stale; this only frees space


def _key(plan_id: int) -> str:
    return f"agenda:plan:{plan_id}:version"


def plan_version(plan_id: int) -> int:
    version = cache.get(_key(plan_id))
    if version is None:
        version = 1
        cache.add(_key(plan_id), version, None)
    return version


def _bump(plan_id: int) -> None:
    try:
        cache.incr(_key(plan_id))
    except ValueError:
        cache.set(_key(plan_id), 2, None)


def plan_changed(plan_id: int) -> None:
    """Invalidate cached views of the plan (now, and once the transaction commits)."""
    _bump(plan_id)
    transaction.on_commit(lambda: _bump(plan_id))


def cached(plan, parts: tuple, compute):
    """``compute()`` cached under the plan's current version and ``parts``."""
    key = "agenda:cache:" + ":".join(
        str(p) for p in (plan.uuid, plan_version(plan.pk), *parts)
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def cached_content(parts: tuple, compute):
    """``compute()`` cached under ``parts``, which must identify the content (a hash)."""
    key = "agenda:content:" + ":".join(str(p) for p in parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CONTENT_TIMEOUT)
    return value
