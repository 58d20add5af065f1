"""Settings for ``make bench``: the real settings, DEBUG off, a database of its own."""

import os

from config.env import env_str

_database = os.environ.get("PACT_BENCH_DATABASE", "sqlite")
if _database == "postgres":
    os.environ["DATABASE_URL"] = env_str(
        "PACT_BENCH_DATABASE_URL",
        "postgres://postgres@127.0.0.1:5432/armoedepact_bench",
    )
else:
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("PACT_SQLITE_PATH", "var/bench/bench.sqlite3")

# Redis for the cache and the channel layer on both databases: several server workers
# need a shared cache (the deploy check refuses the local-memory one), so the SQLite
# figures are "SQLite + Redis". PACT_BENCH_REDIS_URL overrides (load_redis_down points
# it at a closed port; empty for the embedded stack).
_redis = os.environ.get("PACT_BENCH_REDIS_URL")
if _redis is None:
    _redis = "redis://127.0.0.1:6379/0"
if _redis:
    os.environ["REDIS_URL"] = _redis
else:
    os.environ.pop("REDIS_URL", None)

from config.settings import *  # noqa: E402, F403

DEBUG = False
DEMO_MODE = True
if "demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
PACT_REQUIRE_2FA = False
ROOT_URLCONF = "benchmarks.urls"
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
EMAIL_BACKEND = (
    "django.core.mail.backends.dummy.EmailBackend"  # stdout is for JSON lines
)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "ERROR"}}
# In-process scenarios measure rendering, as before the page cache; the servers of the
# load scenarios (benchmarks/load.py) run with it, as production does.
if os.environ.get("PACT_BENCH_SERVER") != "1":
    PACT_PAGE_CACHE_SECONDS = 0
