"""Rate limits per creditor key on the JSON endpoint (issue 13).

A key may post ``PACT_SIGNAL_API_REQUESTS_PER_MINUTE`` deliveries per clock minute and
``PACT_SIGNAL_API_SIGNALS_PER_DAY`` signals per local day. Counted in the shared cache
(Redis in production) the way the login and report limits count (decision 0066,
``socialekaart.services.reports``): ``add`` then ``incr`` on a key that expires with its
window. While Redis is unreachable the cache behaves as empty and ``incr`` raises
``ValueError``, so the limits fail open: a creditor is never refused for a fault of
ours (decision 0071).

A refusal is logged with the key's prefix and the municipality, never with anything
from the delivery.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from vroegsignalering.models import CreditorKey

logger = logging.getLogger(__name__)

REQUESTS_PER_MINUTE = "verzoeken_per_minuut"
SIGNALS_PER_DAY = "signalen_per_dag"


class RateLimited(Exception):
    """The key is past a limit: ``limit`` names which (for the JSON answer),
    ``retry_after`` is the number of seconds until its window ends."""

    def __init__(self, message: str, *, limit: str, retry_after: int) -> None:
        super().__init__(message)
        self.limit = limit
        self.retry_after = retry_after


class DeliveryTooLarge(Exception):
    """One delivery holds more signals than a key may deliver in a whole day."""


def _count(cache_key: str, delta: int, timeout: int) -> int:
    cache.add(cache_key, 0, timeout=timeout)
    try:
        return cache.incr(cache_key, delta)
    except ValueError:  # expired between add and incr, or the cache is unreachable
        cache.set(cache_key, delta, timeout=timeout)
        return delta


def _refuse(key: CreditorKey, *, limit: str, allowed: int, retry_after: int) -> None:
    logger.warning(
        "Creditor key %s (%s) past its limit of %d %s; refused for %d s",
        key.prefix,
        key.municipality.slug,
        allowed,
        limit,
        retry_after,
    )


def creditor_key_count_request(*, key: CreditorKey) -> None:
    """Count one delivery of ``key`` in this minute. Raises ``RateLimited`` when it is
    past ``PACT_SIGNAL_API_REQUESTS_PER_MINUTE``."""
    allowed = settings.PACT_SIGNAL_API_REQUESTS_PER_MINUTE
    now = time.time()
    minute = int(now // 60)
    count = _count(f"signal-api:minute:{key.pk}:{minute}", 1, timeout=90)
    if count <= allowed:
        return
    retry_after = max(1, math.ceil((minute + 1) * 60 - now))
    _refuse(key, limit=REQUESTS_PER_MINUTE, allowed=allowed, retry_after=retry_after)
    raise RateLimited(
        _(
            "Te veel leveringen: hoogstens %(n)d per minuut. Probeer het over "
            "%(seconds)d seconden opnieuw."
        )
        % {"n": allowed, "seconds": retry_after},
        limit=REQUESTS_PER_MINUTE,
        retry_after=retry_after,
    )


def creditor_key_count_signals(*, key: CreditorKey, signals: int) -> None:
    """Count ``signals`` against ``key``'s day (local time). A delivery that would pass
    ``PACT_SIGNAL_API_SIGNALS_PER_DAY`` is not counted and raises ``RateLimited`` (the
    rest of the day can still be used); one larger than a whole day raises
    ``DeliveryTooLarge``."""
    allowed = settings.PACT_SIGNAL_API_SIGNALS_PER_DAY
    if signals > allowed:
        raise DeliveryTooLarge(
            _("Te veel signalen in één levering: hoogstens %(n)d per dag.")
            % {"n": allowed}
        )
    if signals <= 0:
        return
    now = timezone.localtime()
    tomorrow = timezone.make_aware(
        datetime.datetime.combine(
            now.date() + datetime.timedelta(days=1), datetime.time()
        )
    )
    seconds_left = max(1, math.ceil((tomorrow - now).total_seconds()))
    cache_key = f"signal-api:day:{key.pk}:{now.date().isoformat()}"
    count = _count(cache_key, signals, timeout=seconds_left + 60)
    if count <= allowed:
        return
    with contextlib.suppress(ValueError):  # expired, or the cache went away
        cache.decr(cache_key, signals)
    _refuse(key, limit=SIGNALS_PER_DAY, allowed=allowed, retry_after=seconds_left)
    raise RateLimited(
        _(
            "Te veel signalen vandaag: hoogstens %(n)d per dag, nog %(left)d over. "
            "Lever de rest morgen."
        )
        % {"n": allowed, "left": max(0, allowed - (count - signals))},
        limit=SIGNALS_PER_DAY,
        retry_after=seconds_left,
    )
