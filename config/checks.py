"""System checks of the platform's configuration.

``manage.py check --deploy`` runs the ``deploy`` checks: with ``DEBUG`` off, the embedded
defaults that make ``make demo`` easy are errors in production (development secret key,
SQLite, in-memory channel layer, local-memory cache). Using the database search backend
in production is a warning: fine for one municipality, Meilisearch for a region.

``security_limits_in_production`` refuses a production without the second login step,
without a mail server, with sessions or login limits outside the bounds documented in
``docs/deployment.md`` (decision 0066), or without the Content-Security-Policy.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def embedded_defaults_in_production(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    errors = []
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        errors.append(
            Error(
                "The development secret key is in use.",
                hint="Set DJANGO_SECRET_KEY to a long random value (see docs/configuration.md).",
                id="pact.E001",
            )
        )
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        errors.append(
            Error(
                "The embedded SQLite database is in use.",
                hint="Set DATABASE_URL to a PostgreSQL database.",
                id="pact.E002",
            )
        )
    layer = settings.CHANNEL_LAYERS["default"]["BACKEND"]
    if layer == "channels.layers.InMemoryChannelLayer":
        errors.append(
            Error(
                "The in-memory channel layer is in use; live updates would not cross "
                "server processes.",
                hint="Set REDIS_URL.",
                id="pact.E003",
            )
        )
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        errors.append(
            Error(
                "The local-memory cache is in use; workers would not share it.",
                hint="Set REDIS_URL.",
                id="pact.E004",
            )
        )
    if settings.DEMO_MODE:
        errors.append(
            Error(
                "Demo mode is on: two-factor authentication is not required and demo "
                "data may be loaded.",
                hint="Unset PACT_DEMO_MODE.",
                id="pact.E005",
            )
        )
    if settings.SEARCH_BACKEND == "database":
        errors.append(
            Warning(
                "Search runs on the database backend.",
                hint="Fine for one municipality; set MEILISEARCH_URL for a region.",
                id="pact.W001",
            )
        )
    return errors


# Bounds documented in docs/deployment.md (security checklist).
SESSION_IDLE_BOUNDS = (5 * 60, 60 * 60)  # seconds
LOGIN_FAILURE_BOUNDS = (3, 10)  # per user name
LOGIN_COOLOFF_BOUNDS = (5, 24 * 60)  # minutes
ADDRESS_FAILURE_MAX = 100
GLOBAL_FAILURE_MAX = 10_000
NO_MAIL_BACKENDS = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)


def _between(value, bounds) -> bool:
    return bounds[0] <= value <= bounds[1]


@register(Tags.security, deploy=True)
def security_limits_in_production(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    errors = []
    if not settings.PACT_REQUIRE_2FA:
        errors.append(
            Error(
                "The second login step is off (PACT_REQUIRE_2FA).",
                hint="Everyone who reaches case data or the admin needs it; unset "
                "PACT_REQUIRE_2FA or set it to 1.",
                id="pact.E006",
            )
        )
    if settings.EMAIL_BACKEND in NO_MAIL_BACKENDS or not getattr(
        settings, "EMAIL_HOST", ""
    ):
        errors.append(
            Error(
                "No mail server: invitations, hand-over notices, break-glass alerts and "
                "role-change notices would not be sent.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD).",
                id="pact.E007",
            )
        )
    idle = settings.SESSION_COOKIE_AGE
    if (
        not _between(idle, SESSION_IDLE_BOUNDS)
        or not settings.SESSION_SAVE_EVERY_REQUEST
    ):
        errors.append(
            Error(
                f"Sessions end after {idle} s without activity; allowed is "
                f"{SESSION_IDLE_BOUNDS[0]}-{SESSION_IDLE_BOUNDS[1]} s, renewed on every "
                "request.",
                hint="Set PACT_SESSION_IDLE_SECONDS within the bounds (default 1800).",
                id="pact.E008",
            )
        )
    cooloff = settings.AXES_COOLOFF_TIME * 60
    if (
        not settings.AXES_ENABLED
        or not _between(settings.AXES_FAILURE_LIMIT, LOGIN_FAILURE_BOUNDS)
        or not _between(cooloff, LOGIN_COOLOFF_BOUNDS)
        or "username" not in settings.AXES_LOCKOUT_PARAMETERS
    ):
        errors.append(
            Error(
                "The lock-out per user name is off or outside its bounds "
                f"({settings.AXES_FAILURE_LIMIT} failures, {cooloff:g} minutes).",
                hint=f"PACT_LOGIN_FAILURE_LIMIT {LOGIN_FAILURE_BOUNDS[0]}-"
                f"{LOGIN_FAILURE_BOUNDS[1]}, PACT_LOGIN_COOLOFF_MINUTES "
                f"{LOGIN_COOLOFF_BOUNDS[0]}-{LOGIN_COOLOFF_BOUNDS[1]}.",
                id="pact.E009",
            )
        )
    address = settings.PACT_LOGIN_ADDRESS_FAILURE_LIMIT
    overall = settings.PACT_LOGIN_GLOBAL_FAILURE_LIMIT
    if not (
        settings.AXES_FAILURE_LIMIT <= address <= ADDRESS_FAILURE_MAX
        and address <= overall <= GLOBAL_FAILURE_MAX
    ):
        errors.append(
            Error(
                f"Login limits per address ({address}) or for the platform ({overall}) "
                "are outside their bounds.",
                hint=f"PACT_LOGIN_ADDRESS_FAILURE_LIMIT from PACT_LOGIN_FAILURE_LIMIT "
                f"to {ADDRESS_FAILURE_MAX}; PACT_LOGIN_GLOBAL_FAILURE_LIMIT from that "
                f"to {GLOBAL_FAILURE_MAX}.",
                id="pact.E010",
            )
        )
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    scripts = (policy.get("DIRECTIVES") or {}).get("script-src", [])
    if (
        "config.middleware.ContentSecurityPolicyMiddleware" not in settings.MIDDLEWARE
        or not scripts
        or "'unsafe-inline'" in scripts
    ):
        errors.append(
            Error(
                "The Content-Security-Policy is missing or allows inline scripts.",
                hint="Keep config.middleware.ContentSecurityPolicyMiddleware and "
                "CONTENT_SECURITY_POLICY as in config/settings.py.",
                id="pact.E011",
            )
        )
    return errors


# --- Serving (decision 0070): ids pact.E070-E079 ---------------------------------------------


def _most_database_connections() -> int:
    """Connections the platform can hold at once: every server process's pool full,
    plus what scheduled jobs and the admin's commands are allowed."""
    processes = settings.PACT_WEB_WORKERS + settings.PACT_WS_WORKERS
    return processes * settings.PACT_DB_POOL_MAX + settings.PACT_DB_RESERVED_CONNECTIONS


@register("serving", deploy=True)
def database_connections_bounded(app_configs, **kwargs):
    """Refuse a configuration whose processes could open more connections than
    PostgreSQL takes (the "too many clients" outage of issue 9)."""
    if not settings.DATABASE_IS_POSTGRES:
        return []
    errors = []
    pool = settings.DATABASES["default"].get("OPTIONS", {}).get("pool")
    if not pool:
        errors.append(
            Error(
                "The database connection pool is off: connections are not bounded.",
                hint="Keep the pool of config/settings.py (PACT_DB_POOL_MAX).",
                id="pact.E070",
            )
        )
    most = _most_database_connections()
    if most > settings.PACT_DB_MAX_CONNECTIONS:
        errors.append(
            Error(
                f"The server processes could open {most} database connections; "
                f"PACT_DB_MAX_CONNECTIONS allows {settings.PACT_DB_MAX_CONNECTIONS}.",
                hint=(
                    "(PACT_WEB_WORKERS + PACT_WS_WORKERS) x PACT_DB_POOL_MAX + "
                    "PACT_DB_RESERVED_CONNECTIONS must not exceed "
                    "PACT_DB_MAX_CONNECTIONS: fewer workers, a smaller pool, or "
                    "PgBouncer (docs/deployment.md)."
                ),
                id="pact.E071",
            )
        )
    if settings.PACT_DB_POOL_MAX < 1 or settings.PACT_WEB_THREADS < 1:
        errors.append(
            Error(
                "PACT_DB_POOL_MAX and PACT_WEB_THREADS must be at least 1.",
                id="pact.E072",
            )
        )
    return errors
