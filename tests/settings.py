"""Settings for the test suite: the project's settings with test-only speed-ups.

The database, cache and channel layer are whatever the environment selects (SQLite,
LocMem and in-memory by default; PostgreSQL and Redis in the second CI run), so the same
suite runs on both stacks.
"""

import os
import uuid

from config.settings import *  # noqa: F403
from config.settings import CACHES, REDIS_URL

DEMO_MODE = True
if "demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
PACT_REQUIRE_2FA = False
# Hashing passwords properly is slow by design; tests do not need that.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
# The anonymous page cache is off in tests (a test that changes rows with .update() would
# see stale pages); tests/socialekaart/test_page_cache.py turns it on.
PACT_PAGE_CACHE_SECONDS = 0
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
if REDIS_URL:
    # Keep test keys apart from anything else using the same Redis, including earlier
    # and parallel runs (rate-limit counters live an hour). Server processes that a test
    # starts inherit the environment, so they share this run's prefix.
    os.environ.setdefault(
        "PACT_TEST_CACHE_PREFIX", f"pact-test-{uuid.uuid4().hex[:12]}"
    )
    # pytest-xdist workers share the controller's environment: each gets its own keys.
    CACHES["default"]["KEY_PREFIX"] = "-".join(
        filter(
            None,
            [
                os.environ["PACT_TEST_CACHE_PREFIX"],
                os.environ.get("PYTEST_XDIST_WORKER"),
            ],
        )
    )
