"""System checks of the platform's configuration.

``manage.py check --deploy`` runs the ``deploy`` checks: with ``DEBUG`` off, the embedded
defaults that make ``make demo`` easy are errors in production (development secret key,
SQLite, in-memory channel layer, local-memory cache). Using the database search backend
in production is a warning: fine for one municipality, Meilisearch for a region.
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
