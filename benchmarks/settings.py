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
