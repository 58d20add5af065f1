"""Login limits on top of django-axes (issue 10, finding 10; decision 0066).

django-axes locks a *user name* after ``PACT_LOGIN_FAILURE_LIMIT`` failures, from
whatever addresses they come. That alone does not stop password spraying (one password
tried on many user names), so two more limits count failures in the cache (Redis in
production, shared by every worker):

* per client address, across user names: ``PACT_LOGIN_ADDRESS_FAILURE_LIMIT``;
* for the whole platform: ``PACT_LOGIN_GLOBAL_FAILURE_LIMIT``;

each within a window of ``PACT_LOGIN_COOLOFF_MINUTES``. Past a limit, every login from
that address (or every login at all) is refused with axes' lock-out answer (429) until
the window has passed. Higher than the per-name limit on purpose: colleagues behind one
office address mistype too.

``LoginRateLimitBackend`` goes first in ``AUTHENTICATION_BACKENDS``: it authenticates
nobody, it only refuses early. Failures are counted on Django's ``user_login_failed``
signal, whichever login page was used.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from axes.helpers import get_client_ip_address


def _window() -> tuple[int, int]:
    seconds = max(60, int(settings.AXES_COOLOFF_TIME * 3600))
    return int(time.time() // seconds), seconds


def _address(request) -> str:
    return get_client_ip_address(request) or "unknown"


def _keys(request) -> list[tuple[str, int]]:
    bucket, _seconds = _window()
    return [
        (
            f"login-failures:address:{_address(request)}:{bucket}",
            settings.PACT_LOGIN_ADDRESS_FAILURE_LIMIT,
        ),
        (f"login-failures:all:{bucket}", settings.PACT_LOGIN_GLOBAL_FAILURE_LIMIT),
    ]


def over_limit(request) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request))


@receiver(user_login_failed)
def count_failure(sender, credentials=None, request=None, **kwargs) -> None:
    if request is None or not getattr(settings, "AXES_ENABLED", True):
        return
    _bucket, seconds = _window()
    for key, _limit in _keys(request):
        cache.add(key, 0, timeout=seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=seconds)


class LoginRateLimitBackend:
    """Refuses every login from an address (or of the platform) past its limit.

    Not a ``BaseBackend``: without ``get_user`` it never becomes a session's backend."""

    def authenticate(self, request, **credentials):
        if request is None or not settings.AXES_ENABLED or not over_limit(request):
            return None
        # Let axes' middleware answer with its lock-out page (429).
        request.axes_locked_out = True
        request.axes_credentials = credentials
        raise PermissionDenied
