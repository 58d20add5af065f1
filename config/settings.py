"""Settings for the armoedepact platform.

With no environment at all the embedded stack runs: a SQLite file under ``var/``, the
in-memory channel layer, the local-memory cache, the database search backend and console
e-mail. Production services are switched on by their URL (``DATABASE_URL``,
``REDIS_URL``, ``MEILISEARCH_URL``). Every variable is read through ``config/env.py`` and
documented, with its default, in ``docs/configuration.md``.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.env import (
    ConfigurationError,
    env_bool,
    env_int,
    env_list,
    env_str,
    env_url,
    parse_database_url,
    read_dotenv,
)

BASE_DIR = Path(__file__).resolve().parent.parent
if not env_bool("PACT_SKIP_DOTENV", False):
    read_dotenv(BASE_DIR / ".env")

VAR_DIR = Path(env_str("PACT_VAR_DIR") or BASE_DIR / "var")

# --- Core --------------------------------------------------------------------------

DEVELOPMENT_SECRET_KEY = "development-only-key-never-use-in-production-armoedepact"  # noqa: S105
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or DEVELOPMENT_SECRET_KEY
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
# The demo and the test suite run with PACT_DEMO_MODE on: two-factor authentication is not
# demanded there and seed_demo may run. Off by default.
DEMO_MODE = env_bool("PACT_DEMO_MODE", False)

INSTALLED_APPS = [
    "daphne",
    # Project apps first so their templates and translations win. ``config`` is the
    # project package (the page shell, deploy checks); the others are domain apps.
    "config",
    "pact",
    "socialekaart",
    "search",
    "casusregie",
    "agenda",
    "vroegsignalering",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "channels",
    "guardian",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
]
if DEMO_MODE:
    # Demo data and seed_demo; production never installs it (docs/architecture.md).
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every answer (decision 0065).
    "config.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.middleware.RejectNulMiddleware",
    # Anonymous pages per language from the cache (config/pagecache.py, decision 0073).
    "config.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The second login step, demanded on every request (decision 0061).
    "config.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "config.context_processors.platform",
            ],
        },
    },
]

# --- Database ------------------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": parse_database_url(DATABASE_URL)}
else:
    SQLITE_PATH = Path(env_str("PACT_SQLITE_PATH") or VAR_DIR / "db.sqlite3")
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                # WAL lets readers go on while one writer writes; the demo serves from
                # one process, so this is the embedded default's concurrency.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# --- Serving: processes and database connections (docs/deployment.md, decision 0070) ---------

# What production runs (``make serve-prod``, config/gunicorn.py): WEB_WORKERS processes
# with WEB_THREADS threads each for HTTP, WS_WORKERS processes for websockets.
PACT_WEB_WORKERS = env_int("PACT_WEB_WORKERS", 2)
PACT_WEB_THREADS = env_int("PACT_WEB_THREADS", 4)
PACT_WS_WORKERS = env_int("PACT_WS_WORKERS", 1)
# Connections are bounded by construction: each process has one psycopg pool of at most
# PACT_DB_POOL_MAX connections, and a request borrows one only while it runs. The deploy
# check refuses a configuration whose processes could together open more than
# PACT_DB_MAX_CONNECTIONS (PostgreSQL's max_connections less what others need).
PACT_DB_POOL_MAX = env_int("PACT_DB_POOL_MAX", PACT_WEB_THREADS)
PACT_DB_POOL_TIMEOUT = env_int("PACT_DB_POOL_TIMEOUT", 10)
PACT_DB_MAX_CONNECTIONS = env_int("PACT_DB_MAX_CONNECTIONS", 90)
PACT_DB_RESERVED_CONNECTIONS = env_int("PACT_DB_RESERVED_CONNECTIONS", 10)
if DATABASE_IS_POSTGRES:
    # Pooling replaces persistent connections (Django refuses both at once).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": PACT_DB_POOL_MAX,
        "timeout": PACT_DB_POOL_TIMEOUT,
        # Connections idle this long are closed, down to min_size.
        "max_idle": 60,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and channel layer --------------------------------------------------------------

REDIS_URL = env_url("REDIS_URL", ("redis", "rediss"))
if REDIS_URL:
    # Redis down degrades, never cascades (config/resilience.py, decision 0071): the
    # cache then misses and drops writes, group messages are dropped, each logged once
    # a minute. Short timeouts, so a Redis that hangs cannot hold requests.
    CACHES = {
        "default": {
            "BACKEND": "config.resilience.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("PACT_CACHE_PREFIX", "pact"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "config.resilience.ResilientRedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_connect_timeout": 1,
                        # Above the layer's 5 s blocking reads (STACK-NOTES).
                        "socket_timeout": 10,
                    }
                ],
                "prefix": env_str("PACT_CHANNEL_PREFIX", "pact"),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Anonymous pages are kept this long at most (changes invalidate them at once); 0 turns
# the page cache off. A proxy in front may keep them PACT_PROXY_CACHE_SECONDS.
PACT_PAGE_CACHE_SECONDS = env_int("PACT_PAGE_CACHE_SECONDS", 600)
PACT_PROXY_CACHE_SECONDS = env_int("PACT_PROXY_CACHE_SECONDS", 0)

# --- Search ----------------------------------------------------------------------------

MEILISEARCH_URL = env_url("MEILISEARCH_URL", ("http", "https"))
MEILISEARCH_API_KEY = env_str("MEILISEARCH_API_KEY")
MEILISEARCH_INDEX_PREFIX = env_str("MEILISEARCH_INDEX_PREFIX", "pact")
SEARCH_BACKEND = "meilisearch" if MEILISEARCH_URL else "database"

# Wagtail keeps no search index of its own (decision 0110): residents and professionals
# search through the search app; the admin's page and snippet search asks the database
# directly (the fallback backend), so publishing writes one index, not two.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database.fallback",
        "AUTO_UPDATE": False,
    }
}

# --- Authentication, sessions and rate limits -----------------------------------------------

AUTHENTICATION_BACKENDS = [
    # Per address and platform-wide failure limits (config/loginlimit.py), then
    # django-axes' lock-out per user name.
    "config.loginlimit.LoginRateLimitBackend",
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The professionals' own door (config/views.py); it sends each to his roles' home.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "professional_home"
# The admin uses the same door: a case worker who logs in there is not refused but
# sent home, and the second step cannot be skipped by logging in at /admin/login/.
WAGTAILADMIN_LOGIN_URL = "login"
# Case data is personal data: sessions end after a period without activity.
SESSION_COOKIE_AGE = env_int("PACT_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Two-factor authentication for case roles; off only in the demo (see casusregie).
PACT_REQUIRE_2FA = env_bool("PACT_REQUIRE_2FA", not DEMO_MODE)
OTP_TOTP_ISSUER = env_str("PACT_OTP_ISSUER", "Armoedepact")

AXES_FAILURE_LIMIT = env_int("PACT_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("PACT_LOGIN_COOLOFF_MINUTES", 15) / 60  # hours
# Locked per user name, from whatever address (decision 0066); per address and for the
# whole platform config.loginlimit counts failures across user names.
AXES_LOCKOUT_PARAMETERS = ["username"]
PACT_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("PACT_LOGIN_ADDRESS_FAILURE_LIMIT", 30)
PACT_LOGIN_GLOBAL_FAILURE_LIMIT = env_int("PACT_LOGIN_GLOBAL_FAILURE_LIMIT", 300)
# axes warns that it does not lock addresses: config.loginlimit does, with a higher limit
# (an office shares one address), so its warning does not apply.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["username", "password"]
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("PACT_PROXY_COUNT", 0)

GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False
ANONYMOUS_USER_NAME = None

# --- Internationalisation ------------------------------------------------------------------

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

# --- Static and media files -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("PACT_STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("PACT_MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
if DEBUG:
    STATIC_ROOT.mkdir(
        parents=True, exist_ok=True
    )  # whitenoise serves from finders in debug
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- E-mail -----------------------------------------------------------------------------

EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "Armoedepact <noreply@armoedepact.local>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail --------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env_str("PACT_SITE_NAME", "Armoedepact")
WAGTAILADMIN_BASE_URL = env_str("PACT_BASE_URL", "http://127.0.0.1:8000")
# No Gravatar: the admin would send a hash of every editor's e-mail address to a third
# party (no tracking), and the Content-Security-Policy blocks the images anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = False
WAGTAILEMBEDS_FINDERS: list[dict] = []  # no calls to third-party embed services
WAGTAIL_USAGE_COUNT_ENABLED = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Platform settings --------------------------------------------------------------------------

# Entries of the sociale kaart not checked for this many days are flagged as stale.
PACT_FRESHNESS_DAYS = env_int("PACT_FRESHNESS_DAYS", 183)
# Closed cases are purged this many days after closing (casusregie retention).
PACT_CASE_RETENTION_DAYS = env_int("PACT_CASE_RETENTION_DAYS", 2 * 365)
# Signals of payment arrears that led to no help are deleted this many days after the
# last signal (Wgs; see docs/vroegsignalering.md).
PACT_SIGNAL_RETENTION_DAYS = env_int("PACT_SIGNAL_RETENTION_DAYS", 365)
# The creditors' JSON endpoint, per API key: deliveries per minute and signals per day
# (local day); past either it answers 429 with Retry-After (docs/vroegsignalering.md).
PACT_SIGNAL_API_REQUESTS_PER_MINUTE = env_int("PACT_SIGNAL_API_REQUESTS_PER_MINUTE", 60)
PACT_SIGNAL_API_SIGNALS_PER_DAY = env_int("PACT_SIGNAL_API_SIGNALS_PER_DAY", 10_000)
# A hand-over proposal expires after this many working days without an answer.
PACT_HANDOVER_EXPIRY_WORKING_DAYS = env_int("PACT_HANDOVER_EXPIRY_WORKING_DAYS", 5)
# The first contact with the resident is expected within this many working days after
# a hand-over is accepted (or a case is registered); later, the inbox flags it.
PACT_FIRST_CONTACT_WORKING_DAYS = env_int("PACT_FIRST_CONTACT_WORKING_DAYS", 5)
# Where the official HSDS 3.0 schemas live (not part of this repository).
# The shared folder sits beside the checkout; CI may clone elsewhere on the same machine.
_HSDS_CANDIDATES = [BASE_DIR.parent / "shared" / "hsds", Path("/work/shared/hsds")]
PACT_HSDS_SCHEMA_DIR = Path(
    env_str("PACT_HSDS_SCHEMA_DIR")
    or next((path for path in _HSDS_CANDIDATES if path.is_dir()), _HSDS_CANDIDATES[0])
)

# --- Security ---------------------------------------------------------------------------------

# Content-Security-Policy (django-csp, decision 0065): scripts and styles only from our
# own static files; no inline script anywhere in our templates, no third parties. The
# Wagtail admin also needs inline scripts and styles of its own (date pickers, inline
# panels): ``config.middleware.ContentSecurityPolicyMiddleware`` adds them there only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("PACT_BEHIND_TLS_PROXY", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading takes months to undo; it is the operator's choice, not a default.
        SILENCED_SYSTEM_CHECKS.append("security.W021")
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# --- Logging: nothing personal ----------------------------------------------------------------

LOG_LEVEL = env_str("PACT_LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ConfigurationError(
        f"PACT_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR or CRITICAL; got {LOG_LEVEL!r}."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_query_strings": {"()": "config.logging.StripQueryStrings"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_query_strings"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Request lines can carry search words residents typed; keep them out.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Every failed attempt of the pool to reconnect; the outage shows as 503s and
        # in /healthz instead (decision 0071).
        "psycopg.pool": {"level": "ERROR"},
        "wagtail": {"level": "WARNING"},
    },
}
