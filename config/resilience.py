"""Faults degrade, never cascade (issue 9, decision 0071).

Redis carries the cache and the channel layer, never data the database does not hold.
When it is unreachable the public pages must go on: the cache behaves as an empty cache
(every read misses, writes are dropped), group messages of live updates are dropped, and
each is logged once per interval rather than once per request. After a failure Redis is
not asked again for ``RETRY_SECONDS`` (a circuit breaker), so a Redis that hangs instead
of refusing costs a request at most one short socket timeout per interval.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

import redis.exceptions
from channels_redis.core import RedisChannelLayer

logger = logging.getLogger("pact.resilience")

RETRY_SECONDS = 5.0
LOG_INTERVAL_SECONDS = 60.0


def _redis_errors() -> tuple[type[BaseException], ...]:
    return (
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
        redis.exceptions.BusyLoadingError,
        ConnectionError,
        TimeoutError,
        OSError,
    )


class Outage:
    """The state of one service as this process sees it: up, or down since a failure.

    ``failed()`` opens the breaker for ``retry_seconds`` and logs a warning at most once
    per ``log_interval``; ``recovered()`` closes it and logs that once."""

    def __init__(self, name: str, *, retry_seconds: float = RETRY_SECONDS) -> None:
        self.name = name
        self.retry_seconds = retry_seconds
        self.log_interval = LOG_INTERVAL_SECONDS
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._down_since: float | None = None
        self._last_logged = 0.0
        self._suppressed = 0

    @property
    def is_down(self) -> bool:
        return self._down_since is not None

    def should_skip(self) -> bool:
        """True while the breaker is open: do not even try."""
        return time.monotonic() < self._down_until

    def failed(self, error: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            self._down_until = now + self.retry_seconds
            if self._down_since is None:
                self._down_since = now
            if now - self._last_logged >= self.log_interval:
                logger.warning(
                    "%s unreachable (%s); degrading%s",
                    self.name,
                    type(error).__name__,
                    f", {self._suppressed} more failures since the last message"
                    if self._suppressed
                    else "",
                )
                self._last_logged = now
                self._suppressed = 0
            else:
                self._suppressed += 1

    def recovered(self) -> None:
        if self._down_since is None:
            return
        with self._lock:
            if self._down_since is None:
                return
            seconds = time.monotonic() - self._down_since
            self._down_since = None
            self._down_until = 0.0
            self._suppressed = 0
            self._last_logged = 0.0
        logger.warning("%s reachable again after %.0f s", self.name, seconds)


cache_outage = Outage("Redis (cache)")
channel_layer_outage = Outage("Redis (channel layer)")


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that behaves as an empty cache while Redis is unreachable.

    Reads miss (``get`` returns the default), writes are dropped, ``incr`` raises
    ``ValueError`` as for a missing key (callers already fall back on that, and rate
    limits then fail open rather than refuse residents). Errors other than connection
    errors (a bad value, a programming error) are not hidden."""

    outage = cache_outage

    def _guard(self, fallback, method, *args, **kwargs):
        if self.outage.should_skip():
            return fallback()
        try:
            result = method(*args, **kwargs)
        except _redis_errors() as error:
            self.outage.failed(error)
            return fallback()
        self.outage.recovered()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            lambda: False, super().add, key, value, timeout, version=version
        )

    def get(self, key, default=None, version=None):
        return self._guard(lambda: default, super().get, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            lambda: None, super().set, key, value, timeout, version=version
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(lambda: False, super().touch, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._guard(lambda: False, super().delete, key, version=version)

    def get_many(self, keys, version=None):
        return self._guard(lambda: {}, super().get_many, keys, version=version)

    def has_key(self, key, version=None):
        return self._guard(lambda: False, super().has_key, key, version=version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (cache unreachable).")

        return self._guard(missing, super().incr, key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(
            lambda: list(data), super().set_many, data, timeout, version=version
        )

    def delete_many(self, keys, version=None):
        return self._guard(lambda: None, super().delete_many, keys, version=version)

    def clear(self):
        return self._guard(lambda: False, super().clear)

    def ping(self) -> bool:
        """Ask Redis itself (ignoring the breaker): for /healthz."""
        try:
            self._cache.get_client(write=True).ping()
        except _redis_errors() as error:
            self.outage.failed(error)
            return False
        self.outage.recovered()
        return True


class ResilientRedisChannelLayer(RedisChannelLayer):
    """The Redis channel layer whose group messages are best effort.

    Live updates only tell pages to re-fetch what they show; a message that cannot be
    delivered must not turn a saved change into an error page. ``group_send`` therefore
    drops the message (logged once per interval) when Redis is unreachable. Joining a
    group still fails, so a websocket closes and the page says "geen live updates"."""

    outage = channel_layer_outage

    async def group_send(self, group, message):
        if self.outage.should_skip():
            return None
        try:
            result = await super().group_send(group, message)
        except _redis_errors() as error:
            self.outage.failed(error)
            return None
        self.outage.recovered()
        return result

    async def group_add(self, group, channel):
        try:
            result = await super().group_add(group, channel)
        except _redis_errors() as error:
            self.outage.failed(error)
            raise
        self.outage.recovered()
        return result

    async def ping(self) -> bool:
        """Ask Redis itself: for /healthz."""
        try:
            connection = self.connection(self.consistent_hash("healthz"))
            await connection.ping()
        except _redis_errors() as error:
            self.outage.failed(error)
            return False
        self.outage.recovered()
        return True
